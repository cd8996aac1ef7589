"""The hostile-input cases of issue 11, as data: shared by tests/test_bad_input.py and
by the before/after table in the closing note.

Each case breaks one copy of the real inputs (rule tables, walkthroughs, the English
catalog) and names the file, the line and the words the error must give.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent


def alias_bomb(levels: int) -> str:
    """A walkthrough whose title is a list of lists built from aliases: 10**levels values."""
    items = ["&a [x, x, x, x, x, x, x, x, x, x]"]
    for p, c in zip("abcdefghijk", "bcdefghijkl"[: levels - 1]):
        items.append(f"&{c} [{', '.join(['*' + p] * 10)}]")
    return "id: bomb\ntitle: [\n  " + ",\n  ".join(items) + "]\n"


ALIAS_BOMB = alias_bomb(9)   # 10**9 values in 1 KB


@dataclass
class Case:
    id: str
    file: str                  # "rules/x.yaml", "walkthroughs/x.yaml" or "translations/en.po"
    change: Callable[[str], str] | bytes | None   # new text from old, raw bytes, or None to delete
    needle: str                # the words the error must contain
    line: int | None = None    # expected line; None: the line of `marker` in the changed text
    marker: str | None = None


def replace(old: str, new: str, count: int = 1):
    def change(text: str) -> str:
        assert old in text, f"case setup: {old!r} not found"
        return text.replace(old, new, count)
    return change


def append(extra: str):
    return lambda text: text + extra


CASES = [
    # ---- silent wrong output
    Case("duplicate-answer-slug", "rules/questionnaire.yaml",
         replace('{value: false, slug: nej, label: "Nej, jeg bor i Danmark"}', '{value: false, slug: ja, label: "Nej, jeg bor i Danmark"}'),
         "two answers to 'lives_abroad' have the slug 'ja'", marker="slug: ja, label: \"Nej, jeg bor"),
    Case("duplicate-fact-slug", "rules/questionnaire.yaml", replace("    slug: klage\n", "    slug: udland\n"),
         "the slug 'udland' is also used by 'lives_abroad'", marker="    slug: udland\n    question: Har du"),
    Case("citation-that-does-not-exist", "rules/rules.yaml", replace("    citation: § 20\n", "    citation: § 99, stk. 7\n"),
         "BEK 1584/2021 has no § 99", marker="citation: § 99"),
    Case("stk-that-does-not-exist", "rules/rules.yaml", replace("    citation: § 4\n", "    citation: § 4, stk. 2\n"),
         "§ 4 of BEK 1584/2021 has no stk. 2", marker="citation: § 4, stk. 2"),
    Case("pkt-that-does-not-exist", "rules/rules.yaml", replace("    citation: § 3, stk. 1\n    pkt: 3\n", "    citation: § 3, stk. 1\n    pkt: 4\n"),
         "has 3 sentence(s), so there is no 4. pkt.", marker="pkt: 4"),
    Case("jf-pkt-that-does-not-exist", "rules/rules.yaml",
         replace('      - {citation: "§ 18, stk. 2", pkt: 2}\n', '      - {citation: "§ 18, stk. 2", pkt: 5}\n'),
         "has 2 sentence(s), so there is no 5. pkt.", marker="pkt: 5}"),
    Case("area-citation-that-does-not-exist", "rules/areas.yaml", replace("    citation: § 1, stk. 2\n", "    citation: § 1, stk. 9\n"),
         "has no stk. 9", marker="citation: § 1, stk. 9"),
    Case("paragraph-sign-in-says", "rules/rules.yaml",
         replace("    says: ", "    says: Efter § 1 gælder det, at "),
         "says a § reference", marker="says: Efter § 1"),
    Case("walkthrough-saved-as-yml", "walkthroughs/extra.yml", lambda _: "id: extra\n",
         "only .yaml files are read here", line=None),
    Case("unknown-file-in-rules", "rules/area.yaml", lambda _: "areas: []\n",
         "this file is not a rule table", line=None),
    Case("wave-on-a-bek-area", "rules/areas.yaml", replace("    citation: § 1, stk. 2\n", "    citation: § 1, stk. 2\n    wave: 2012-12-01\n"),
         "'wave' (the date of a wave of the general model) is never shown", marker="    wave: 2012-12-01\n\n  - id: personligt"),
    Case("unknown-key", "rules/chapters.yaml", append("extra: 1\n"), "unknown key", marker="extra: 1"),
    # ---- tracebacks before
    Case("not-utf-8", "rules/rules.yaml", lambda t: t.replace("    says: ", "    says: Ans\udcffgning ", 1),
         "this line is not UTF-8 text (byte 0xff)", marker="says: Ans\udcffgning"),
    Case("binary-file", "rules/helpers.yaml", b"sections:\n  - id: x\n\x00\x00\x00\rIHDR\x00", "NUL byte", line=3),
    Case("control-character", "rules/help.yaml", replace("      - {days: [fri]", "      - {days: [fri\x01]"),
         "control character (U+0001)", marker="[fri\x01]"),
    Case("bidi-override-in-a-table", "rules/areas.yaml", replace("    name: Folkepension\n", "    name: Folke\u202epension\n"),
         "invisible direction control (U+202E)", marker="name: Folke\u202e"),
    Case("closes-before-it-opens", "rules/help.yaml", replace('open: "08:00", close: "16:00"', 'open: "16:00", close: "08:00"'),
         "closes at 08:00, before it opens at 16:00", marker='open: "16:00", close: "08:00"'),
    Case("complex-mapping-key", "rules/chapters.yaml", append("? [a, b]\n: 1\n"), "a key here is a list or a mapping", marker="? [a, b]"),
    Case("boolean-key", "rules/chapters.yaml", append("yes: 1\n"), "the key 'yes' is read as bool", marker="yes: 1"),
    Case("5000-nested-brackets", "rules/help.yaml", append("deep: " + "[" * 5000 + "]" * 5000 + "\n"),
         "nested more than 64 levels deep", marker="deep: "),
    Case("date-that-does-not-exist", "rules/sources.yaml", replace("    checked: 2026-11-22\n", "    checked: 2026-02-30\n"),
         "'2026-02-30', which does not exist", marker="checked: 2026-02-30"),
    Case("time-that-does-not-exist", "rules/help.yaml", replace('close: "16:00"', 'close: "25:99"'),
         "'25:99', which does not exist", marker='close: "25:99"'),
    Case("empty-file", "rules/areas.yaml", lambda _: "", "the file is empty", line=1),
    Case("only-comments", "rules/areas.yaml", lambda _: "# nothing yet\n", "the file is empty", line=1),
    Case("a-list-not-a-table", "rules/areas.yaml", lambda _: "- a\n- b\n", "not a table of keys", line=1),
    Case("unclosed-quote", "rules/rules.yaml",
         replace("    says: ", '    says: "'),
         "opens a quote that is not closed on its line", marker='says: "'),
    Case("unclosed-quote-at-the-end", "rules/chapters.yaml", append('extra: "abc\n'), "opens a quote that is not closed", marker='extra: "abc'),
    Case("unclosed-bracket", "rules/rules.yaml", replace("    chapters: [seniorpensionsenheden]\n", "    chapters: [seniorpensionsenheden\n"),
         "that opens on line", line=None, marker=None),
    Case("alias-bomb", "walkthroughs/bomb.yaml", lambda _: ALIAS_BOMB, "expands to more than 200,000 values", marker="&f ["),
    Case("duplicate-key", "rules/rules.yaml", replace("    citation: § 4\n", "    citation: § 4\n    citation: § 5\n"),
         "the key 'citation' appears twice", marker="citation: § 5"),
    # ---- catalogs read strictly
    Case("po-missing-closing-quote", "translations/en.po", replace('msgstr "Source"\n', 'msgstr "Source\n'),
         "the closing quote is missing", marker='msgstr "Source\n'),
    Case("po-unquoted-msgstr", "translations/en.po", replace('msgstr "Source"\n', "msgstr Source\n"),
         "msgstr: the text is not in quotes", marker="msgstr Source"),
    Case("po-word-after-closing-quote", "translations/en.po", replace('msgstr "Source"\n', 'msgstr "Source" page\n'),
         "there is text after the closing quote ('page')", marker='msgstr "Source" page'),
    Case("po-unterminated-msgid", "translations/en.po", replace('msgid "Kilde"\n', 'msgid "Kilde\n'),
         "the closing quote is missing", marker='msgid "Kilde\n'),
    Case("po-duplicate-msgid", "translations/en.po", append('\nmsgid "Kilde"\nmsgstr "Origin"\n'),
         "this msgid appears twice", marker='msgid "Kilde"\nmsgstr "Origin"'),
    Case("po-whitespace-msgstr", "translations/en.po", replace('msgstr "Source"\n', 'msgstr " "\n'),
         "the translation is only spaces", marker='msgstr " "'),
    Case("po-empty-catalog", "translations/en.po", lambda t: t[: t.index("\n\n") + 1],
         "the catalog holds no messages", line=1),
    Case("po-empty-file", "translations/en.po", lambda _: "", "the catalog holds no messages", line=1),
    Case("po-bidi-override", "translations/en.po", replace('msgstr "Source"\n', 'msgstr "\u202eSource"\n'),
         "invisible direction control (U+202E)", marker='msgstr "\u202eSource"'),
    Case("po-bidi-isolate", "translations/en.po", replace('msgstr "Source"\n', 'msgstr "So\u2067urce"\n'),
         "invisible direction control (U+2067)", marker='msgstr "So\u2067urce"'),
    Case("po-msgid-without-msgstr", "translations/en.po", replace('msgid "Kilde"\nmsgstr "Source"\n', 'msgid "Kilde"\n'),
         "this msgid has no msgstr", marker='msgid "Kilde"\n'),
    Case("po-not-utf-8", "translations/en.po", lambda t: t.replace('msgstr "Source"', 'msgstr "Sourc\udce9"', 1),
         "this line is not UTF-8 text (byte 0xe9)", marker='msgstr "Sourc\udce9"'),
]


def make_copy(tmp: Path) -> dict[str, Path]:
    """Copies of the real inputs: rules/, walkthroughs/ and translations/."""
    dirs = {"rules": ROOT / "generator" / "rules", "walkthroughs": ROOT / "generator" / "walkthroughs",
            "translations": ROOT / "translations"}
    out = {}
    for name, src in dirs.items():
        out[name] = tmp / name
        shutil.copytree(src, out[name])
    return out


def apply(case: Case, dirs: dict[str, Path]) -> tuple[Path, int | None]:
    """Break the copy as the case says; return the file and the expected line."""
    folder, name = case.file.split("/")
    path = dirs[folder] / name
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if isinstance(case.change, bytes):
        path.write_bytes(case.change)
        return path, case.line
    text = case.change(old)
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    line = case.line
    if case.marker is not None:
        line = text[: text.index(case.marker)].count("\n") + 1
    return path, line
