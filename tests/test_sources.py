"""The source texts live in the repository (sources/), each with its address, date and checksum.

Issue 18: a clean clone without ../shared failed two law tests and silently skipped the
citation test. Now every tool and test reads sources/, and the index guards the copies.
"""
import re
import shutil
from pathlib import Path

import pytest

from generator import bek_index, source_texts
from generator.errors import InputErrors

ROOT = Path(__file__).resolve().parent.parent


def test_every_text_in_sources_has_its_entry_and_checksum(tables):
    assert source_texts.check(source_ids=set(tables.sources)) == []


def test_every_source_file_the_tables_name_is_in_the_index(tables):
    listed = {entry["file"] for entry in source_texts.load_index()}
    for source in tables.sources.values():
        if "file" in source:
            assert source["file"] in listed, f"{source['id']}: {source['file']} is not in sources/sources.yaml"
            assert (source_texts.SOURCES_DIR / source["file"]).is_file()


def test_the_tools_read_the_order_from_the_repository():
    assert bek_index.SOURCE.parent == source_texts.SOURCES_DIR and bek_index.SOURCE.is_file()


def test_no_tool_or_test_reads_a_folder_beside_the_repository():
    beside = re.compile(r"""shared/sources|["']shared["']""")  # ../shared/sources, or a path built with "shared"
    for path in [*ROOT.glob("generator/*.py"), *ROOT.glob("tests/*.py"), *ROOT.glob("scripts/*"), ROOT / "Makefile",
                 ROOT / ".github" / "workflows" / "site.yml"]:
        if path.is_file() and path.name != "test_sources.py":
            assert not beside.search(path.read_text(encoding="utf-8")), f"{path.relative_to(ROOT)} reads ../shared"


@pytest.fixture
def copy(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(source_texts.SOURCES_DIR, folder)
    return folder


def test_a_changed_text_is_reported_with_its_line_and_what_to_do(copy):
    path = copy / "bek-1584-2021.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("§ 3", "§ 33", 1), encoding="utf-8")
    [error] = source_texts.check(copy / "sources.yaml")
    assert error.path.name == "sources.yaml" and error.line and "checksum of 'bek-1584-2021.txt' does not match" in error.message
    assert "write the new checksum" in error.message


def test_a_text_without_an_entry_or_an_entry_without_its_text_is_reported(copy):
    (copy / "lov-603-2023.txt").write_text("§ 2\n", encoding="utf-8")
    (copy / "notat-udbetaling-danmark-2012.txt").unlink()
    messages = [e.message for e in source_texts.check(copy / "sources.yaml")]
    assert any("'lov-603-2023.txt' is in sources/ but has no entry" in m for m in messages), messages
    assert any("'notat-udbetaling-danmark-2012.txt' is not in sources/" in m for m in messages), messages


def test_a_new_text_with_its_entry_is_accepted(copy, tables):
    """The convention of sources/README.md: a new file (e.g. the text of LOV 603/2023) plus one entry."""
    text = copy / "lov-603-2023.txt"
    text.write_text("§ 2. Personer, der er fritaget for Digital Post …\n", encoding="utf-8")
    with (copy / "sources.yaml").open("a", encoding="utf-8") as index:
        index.write(f"\n  - file: {text.name}\n    source: lov-603-2023\n"
                    f"    url: https://www.retsinformation.dk/eli/lta/2023/603\n    retrieved: 2026-12-04\n"
                    f"    sha256: {source_texts.sha256(text)}\n")
    assert source_texts.check(copy / "sources.yaml", source_ids=set(tables.sources)) == []


def test_a_bad_entry_is_a_schema_error_with_its_line(copy):
    index = copy / "sources.yaml"
    index.write_text(index.read_text(encoding="utf-8").replace("retrieved: 2026-11-22", "retrieved: 22-11-2026", 1), encoding="utf-8")
    with pytest.raises(InputErrors) as exc:
        source_texts.check(index)
    assert exc.value.errors[0].line and "retrieved" in exc.value.errors[0].message
