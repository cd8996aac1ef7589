"""Property-based fuzzing of every input an editor or translator touches.

Valid rule tables, walkthroughs and catalogs are mutated (keys dropped, types changed,
strings with control characters, bidi overrides and markup, duplicated items, bytes
spliced into the text). The only allowed outcomes: a clean load and render, or
InputErrors whose every entry names a file and a line. Never another exception.

Profiles: `short` (default, in make test-fast: few examples, derandomized) and `long`
(HYPOTHESIS_PROFILE=long, in the GitHub workflow).
"""
from __future__ import annotations

import os
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalogs import load_catalog, load_catalogs
from generator.errors import InputError, InputErrors
from generator.languages import site_languages
from generator.render import SiteRenderer
from generator.tables import RULES_DIR, TABLE_FILES, WALKTHROUGH_DIR, load_tables
from generator.yamlfile import load_yaml

settings.register_profile("short", max_examples=8, deadline=timedelta(seconds=60), derandomize=True,
                          database=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=150, deadline=timedelta(seconds=60),
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "short")

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
NASTY = ["\x00", "\x01", "\x1b", "\x7f", "\u202e", "\u2066", "\u200f", "\ufeff", "<script>x</script>",
         "<img src=x onerror=alert(1)>", "{{ x }}", "{% raw %}", "%(n)s", "%", "§ 99", "'", '"', "\\",
         "\n", "---", ": ", "#", "&amp;", "\t", "😀", "ä"]
nasty_text = st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=5)), max_size=4).map("".join)
other_value = st.one_of(st.none(), st.booleans(), st.integers(-2, 10**12), st.floats(allow_nan=True),
                        nasty_text, st.just([]), st.just({}), st.lists(nasty_text, max_size=2),
                        st.dictionaries(nasty_text, nasty_text, max_size=2),
                        st.sampled_from(["2026-02-30", "25:99", "§ 1, stk. 9", "true", "null", "9" * 40]))


def plain(node):
    if isinstance(node, dict):
        return {k: plain(v) for k, v in node.items() if not str(k).startswith("_")}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths(v, prefix + (i,))


@st.composite
def mutated(draw, doc):
    """A copy of `doc` with one to three mutations."""
    doc = plain(doc)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(list(paths(doc))[1:] or [()]))
        if not where:
            break
        parent = doc
        for k in where[:-1]:
            parent = parent[k]
        key = where[-1]
        op = draw(st.sampled_from(["drop", "retype", "nasty", "duplicate", "unknown-key"]))
        if op == "drop":
            del parent[key]
        elif op == "retype":
            parent[key] = draw(other_value)
        elif op == "nasty" and isinstance(parent[key], str):
            text = parent[key]
            at = draw(st.integers(0, len(text)))
            parent[key] = text[:at] + draw(nasty_text) + text[at:]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, parent[key])
        elif op == "unknown-key" and isinstance(parent[key], dict):
            parent[key][draw(nasty_text) or "x"] = draw(other_value)
    return doc


@st.composite
def spliced(draw, text: str):
    """The file's text with random characters or bytes spliced in or cut out."""
    data = text.encode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data = data[:at] + draw(st.one_of(st.binary(max_size=4), nasty_text.map(lambda s: s.encode("utf-8", "surrogatepass")))) + data[at:]
        else:
            data = data[:at] + data[at + draw(st.integers(1, 20)):]
    return data


TABLE_DOCS = {f"{stem}.yaml": load_yaml(RULES_DIR / f"{stem}.yaml") for stem in TABLE_FILES}
WALK_DOCS = {p.name: load_yaml(p) for p in sorted(WALKTHROUGH_DIR.glob("*.yaml"))}
LANGS = [l for l in site_languages() if l.code == "da"]
CATALOGS = load_catalogs(["da"])


def assert_clean_or_located(run):
    """Run the loader (and the renderer when it loads); only InputErrors with file:line may escape."""
    try:
        run()
    except (InputError, InputErrors) as exc:
        errors = exc.errors if isinstance(exc, InputErrors) else [exc]
        assert errors
        for e in errors:
            assert e.path and e.line and e.line >= 1, f"no line: {e}"
            assert len(str(e)) < 1000


def load_and_render(rules: Path, walks: Path):
    tables = load_tables(rules, walks)
    renderer = SiteRenderer(tables, CATALOGS, LANGS)
    # every kind of page once (all pages would take seconds per example)
    sample = {spec.kind: spec for spec in renderer.specs}
    for spec in sample.values():
        renderer.render(spec, LANGS[0])


def with_copy(write):
    with tempfile.TemporaryDirectory() as tmp:
        rules, walks = Path(tmp) / "rules", Path(tmp) / "walkthroughs"
        shutil.copytree(RULES_DIR, rules)
        shutil.copytree(WALKTHROUGH_DIR, walks)
        write(rules, walks)
        assert_clean_or_located(lambda: load_and_render(rules, walks))


@settings(settings.get_profile(PROFILE))
@given(data=st.data(), name=st.sampled_from(sorted(TABLE_DOCS)))
def test_mutated_rule_tables_load_cleanly_or_say_file_and_line(data, name):
    doc = data.draw(mutated(TABLE_DOCS[name]))
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    with_copy(lambda rules, walks: (rules / name).write_text(text, encoding="utf-8"))


@settings(settings.get_profile(PROFILE))
@given(data=st.data(), name=st.sampled_from(sorted(WALK_DOCS)))
def test_mutated_walkthroughs_load_cleanly_or_say_file_and_line(data, name):
    doc = data.draw(mutated(WALK_DOCS[name]))
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    with_copy(lambda rules, walks: (walks / name).write_text(text, encoding="utf-8"))


@settings(settings.get_profile(PROFILE))
@given(data=st.data(), name=st.sampled_from(sorted(TABLE_DOCS) + ["walkthrough"]))
def test_bytes_spliced_into_a_table_give_file_and_line(data, name):
    source = (WALKTHROUGH_DIR / "flytning.yaml") if name == "walkthrough" else RULES_DIR / name
    raw = data.draw(spliced(source.read_text(encoding="utf-8")))
    with_copy(lambda rules, walks: ((walks if name == "walkthrough" else rules) / source.name).write_bytes(raw))


@st.composite
def mutated_catalog(draw, text: str):
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["cut", "insert", "duplicate", "drop-line", "nasty-msgstr"]))
        line = lines[i]
        if op == "cut" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:at] + line[at + 1:]
        elif op == "insert":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(nasty_text) + line[at:]
        elif op == "duplicate":
            lines[i:i] = lines[i:i + 3]
        elif op == "drop-line":
            del lines[i]
        elif op == "nasty-msgstr" and line.startswith('msgstr "'):
            lines[i] = 'msgstr "' + draw(nasty_text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return "\n".join(lines)


EN_PO = (TRANSLATIONS / "en.po").read_text(encoding="utf-8")


@settings(settings.get_profile(PROFILE))
@given(text=mutated_catalog(EN_PO))
def test_mutated_catalogs_load_cleanly_or_say_file_and_line(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "en.po"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        assert_clean_or_located(lambda: load_catalog("en", path))
