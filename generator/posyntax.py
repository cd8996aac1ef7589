"""A strict reading of a gettext catalog's syntax, before Babel parses it.

Babel's read_po forgives a lot: a missing closing quote, an unquoted msgstr, a word after
the closing quote, a msgid without msgstr, a second entry for the same msgid. Each of
those silently shows truncated or wrong text on the site. `check_po(text, path)` returns
one `file:line: what is wrong. What to do.` per problem, with `msgfmt --check` strictness,
plus three checks of our own: no whitespace-only translation, no invisible direction
overrides (they can reorder what a citizen reads), and not an empty catalog.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .errors import InputError, invisible_problem

_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)(?:\s+(.*))?$")
_STRING = re.compile(r'^"((?:[^"\\]|\\.)*)"\s*$')
_OPEN_STRING = re.compile(r'^"((?:[^"\\]|\\.)*)"(.*)$')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
ADVICE = "Open the catalog in Poedit, which shows and fixes the syntax"


def _unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), body)


def _string_problem(rest: str) -> str | None:
    """Why `rest` is not exactly one quoted string, or None."""
    if not rest.startswith('"'):
        return "the text is not in quotes. Write it as \"…\""
    if _STRING.match(rest):
        return None
    m = _OPEN_STRING.match(rest)
    if m:
        return f"there is text after the closing quote ({m.group(2).strip()[:30]!r}). Put it inside the quotes, or write a \\\" for a quote inside the text"
    return "the closing quote is missing. End the text with \""


def check_po(text: str, path: Path, lang: str | None = None) -> list[InputError]:
    """`lang`: the catalog's language (default: the file name), for the invisible characters it may hold."""
    lang = lang or Path(path).stem
    errors: list[InputError] = []
    entries: list[dict] = []          # {"msgid": (line, text) ...}
    entry: dict | None = None
    field: str | None = None

    def close_entry():
        if entry is not None:
            if "msgid" in entry and not any(k.startswith("msgstr") for k in entry):
                errors.append(InputError(path, entry["msgid"][0], f"this msgid has no msgstr. Add msgstr \"\" after it. {ADVICE}."))
            entries.append(entry)

    # split on \n only: str.splitlines() also breaks at U+2028 and friends, and every later line number would be off
    for number, raw in enumerate(text.removesuffix("\n").split("\n"), 1):
        raw = raw.removesuffix("\r")
        line = raw.strip()
        if found := invisible_problem(raw, lang):
            errors.append(InputError(path, number, found[1]))
        if not unicodedata.is_normalized("NFC", raw):
            errors.append(InputError(path, number, "this line has a letter written as a base letter plus a combining mark "
                                                   "(decomposed Unicode). It looks the same but does not match the Danish text "
                                                   "of the site. Retype the word, or save the catalog as NFC (Poedit does)."))
        if m := CONTROL_CHARS.search(raw):
            errors.append(InputError(path, number, f"this line contains a control character (U+{ord(m.group()):04X}). Delete it (retype the line)."))
        if not line or line.startswith("#"):
            if not line and entry is not None and any(k.startswith("msgstr") for k in entry):
                close_entry()
                entry, field = None, None
            continue
        if line.startswith('"'):
            if field is None:
                errors.append(InputError(path, number, f"this text in quotes belongs to no msgid or msgstr. Join it to the line above, or delete it. {ADVICE}."))
                continue
            problem = _string_problem(line)
            if problem:
                errors.append(InputError(path, number, f"{problem}. {ADVICE}."))
                continue
            entry[field] = (entry[field][0], entry[field][1] + _unescape(_STRING.match(line).group(1)))
            continue
        m = _KEYWORD.match(line)
        if not m:
            word = line.split()[0][:30]
            errors.append(InputError(path, number, f"'{word}' is not a catalog keyword (msgid, msgstr, msgctxt). "
                                                   f"Put the text in quotes after msgid or msgstr, or start the line with # for a comment. {ADVICE}."))
            field = None
            continue
        keyword, rest = m.group(1), (m.group(2) or "").strip()
        if keyword == "msgctxt":
            errors.append(InputError(path, number, "msgctxt (a context) is not used on this site: an entry with a context "
                                                   "would stand beside the one without and could replace its translation. "
                                                   "Delete the msgctxt line and the entry it starts, or merge it into the entry without it."))
        elif keyword == "msgid_plural" or keyword.startswith("msgstr["):
            errors.append(InputError(path, number, f"{keyword}: plural forms are not used on this site (every text is one "
                                                   "sentence with %(n)s where it needs a number). Delete the plural entry, "
                                                   "or run `make translations` to get the entries the site uses."))
        if keyword in ("msgctxt", "msgid") and entry is not None and (
                any(k.startswith("msgstr") for k in entry) or keyword in entry or (keyword == "msgctxt" and "msgid" in entry)):
            close_entry()
            entry = None
        if entry is None:
            entry = {}
        if keyword in entry:
            errors.append(InputError(path, number, f"a second {keyword} in the same entry. Leave a blank line between entries. {ADVICE}."))
        problem = _string_problem(rest)
        if problem:
            errors.append(InputError(path, number, f"{keyword}: {problem}. {ADVICE}."))
            entry[keyword] = (number, "")
            field = None
            continue
        entry[keyword] = (number, _unescape(_STRING.match(rest).group(1)))
        field = keyword
    close_entry()

    seen: dict[tuple, int] = {}
    messages = 0
    for e in entries:
        if "msgid" not in e:
            first = min(line for line, _ in e.values())
            errors.append(InputError(path, first, f"a msgstr without a msgid. Add the Danish text as msgid above it, or delete it. {ADVICE}."))
            continue
        line, msgid = e["msgid"]
        key = (e.get("msgctxt", (0, None))[1], msgid)
        if key in seen:
            errors.append(InputError(path, line, f"this msgid appears twice (also on line {seen[key]}); only one translation would be used. Delete one of the two entries."))
        seen.setdefault(key, line)
        if msgid:
            messages += 1
            for k, (sline, msgstr) in e.items():
                if k.startswith("msgstr") and msgstr and not msgstr.strip():
                    errors.append(InputError(path, sline, "the translation is only spaces, so the page would show nothing. "
                                                          "Write the translation, or leave it empty (msgstr \"\") until it is done."))
    if messages == 0 and not errors:
        errors.append(InputError(path, 1, "the catalog holds no messages. Run `make translations` to fill it with the strings of the site."))
    return errors
