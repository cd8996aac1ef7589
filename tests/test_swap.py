"""Builds that cannot end half-done: site/ and docs/<lang>/ are replaced whole or not at all."""
import os
import sys
from pathlib import Path

import pytest

from generator import build, swap
from generator.errors import InputErrors
from generator.swap import SwapError, build_and_swap, swap_in


def tree(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def make(root: Path, files: dict) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def test_swap_puts_the_new_folder_in_place_and_removes_the_old(tmp_path):
    site = make(tmp_path / "site", {"index.html": "old"})
    make(tmp_path / "site.new", {"index.html": "new", "a/b.html": "b"})
    swap_in(tmp_path / "site.new", site)
    assert tree(site) == {"index.html": "new", "a/b.html": "b"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_when_site_cannot_be_moved_it_stays_intact_and_nothing_nests(tmp_path, monkeypatch):
    site = make(tmp_path / "site", {"index.html": "old"})
    make(tmp_path / "site.new", {"index.html": "new"})
    real_rename = os.rename

    def rename(src, dst):
        if Path(src) == site:
            raise PermissionError(1, "Operation not permitted")
        real_rename(src, dst)
    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(SwapError) as exc:
        swap_in(tmp_path / "site.new", site)
    assert "cannot be replaced (Operation not permitted); it is unchanged" in str(exc.value)
    assert tree(site) == {"index.html": "old"}
    assert not (site / "site.new").exists()


def test_when_the_new_folder_cannot_be_moved_the_old_one_comes_back(tmp_path, monkeypatch):
    site = make(tmp_path / "site", {"index.html": "old"})
    new = make(tmp_path / "site.new", {"index.html": "new"})
    real_rename = os.rename

    def rename(src, dst):
        if Path(src) == new:
            raise OSError(28, "No space left on device")
        real_rename(src, dst)
    monkeypatch.setattr(swap.os, "rename", rename)
    with pytest.raises(SwapError):
        swap_in(new, site)
    assert tree(site) == {"index.html": "old"} and not (tmp_path / "site.old").exists()


@pytest.mark.parametrize("script,code", [
    ("import pathlib; p = pathlib.Path('site.new'); p.mkdir(); (p / 'x').write_text('half'); raise SystemExit(1)", 1),
    ("import pathlib; p = pathlib.Path('site.new'); p.mkdir(); (p / 'index.html').write_text('new')", 0),
])
def test_build_and_swap_cleans_up_a_failed_build(tmp_path, monkeypatch, script, code):
    monkeypatch.chdir(tmp_path)
    make(tmp_path / "site", {"index.html": "old"})
    assert build_and_swap(Path("site"), [sys.executable, "-c", script]) == code
    assert tree(tmp_path / "site") == {"index.html": "old" if code else "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_makefile_swaps_with_the_python_function():
    makefile = (Path(__file__).resolve().parent.parent / "Makefile").read_text()
    assert "-m generator.swap site -- " in makefile and "mv site.new site" not in makefile


def test_write_tree_replaces_a_language_whole(tmp_path):
    docs = make(tmp_path / "docs", {"da/index.md": "old", "da/gone/index.md": "gone", "assets/x.css": "css"})
    written, removed = build.write_tree(docs, {"da/index.md": "new", "da/a/index.md": "a"}, ["da"])
    assert (written, removed) == (2, 1)
    assert tree(docs) == {"da/index.md": "new", "da/a/index.md": "a", "assets/x.css": "css"}
    assert sorted(p.name for p in docs.iterdir()) == ["assets", "da"]


def test_write_tree_leaves_an_unchanged_language_alone(tmp_path):
    docs = make(tmp_path / "docs", {"da/index.md": "same"})
    inode = (docs / "da").stat().st_ino
    assert build.write_tree(docs, {"da/index.md": "same"}, ["da"]) == (0, 0)
    assert (docs / "da").stat().st_ino == inode


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_mid_write_leaves_the_previous_pages_and_no_temp_files(tmp_path, monkeypatch, failure):
    docs = make(tmp_path / "docs", {"da/index.md": "old", "da/a/index.md": "old a"})
    before = tree(docs)
    real_write = Path.write_text
    calls = []

    def write_text(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise failure
        return real_write(self, *args, **kwargs)
    monkeypatch.setattr(Path, "write_text", write_text)
    pages = {"da/index.md": "new", "da/a/index.md": "new a", "da/b/index.md": "new b"}
    with pytest.raises(type(failure)):
        build.write_tree(docs, pages, ["da"])
    monkeypatch.undo()
    assert tree(docs) == before
    assert sorted(p.name for p in docs.iterdir()) == ["da"]


def test_write_tree_reports_a_swap_it_cannot_make_as_input_error(tmp_path, monkeypatch):
    docs = make(tmp_path / "docs", {"da/index.md": "old"})
    monkeypatch.setattr(build, "swap_in", lambda *a, **k: (_ for _ in ()).throw(SwapError("da: cannot be replaced")))
    with pytest.raises(InputErrors) as exc:
        build.write_tree(docs, {"da/index.md": "new"}, ["da"])
    assert "cannot be replaced" in str(exc.value)
    assert tree(docs) == {"da/index.md": "old"} and sorted(p.name for p in docs.iterdir()) == ["da"]
