r"""The termbase: translations/glossary/<lang>.csv, one row per key term.

Columns: term (Danish), rendering (what the translation writes), match (what the
translation must contain: words, | between accepted forms, and \S* where any word ending
may follow, e.g. `rent\S* seniorsk|odwoł`; nothing else, so no pattern from a file can
make the check hang), not_in (Danish words that contain the term but mean something else, comma
separated), note, reviewed (yes/no: checked by a qualified translator).
A language centre edits it in any spreadsheet program (save as CSV, UTF-8).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .catalogs import TRANSLATIONS_DIR
from .errors import InputError, InputErrors, invisible_problem

GLOSSARY_DIR = TRANSLATIONS_DIR / "glossary"
# A form: letters, digits, spaces and - ' . ’ (and the Persian zero-width non-joiner), with \S* for any ending.
_PUNCTUATION = " -'.’\u200c"


def _plain(form: str) -> bool:
    r"""Letters (with their marks, e.g. the Arabic shadda), digits and _PUNCTUATION, besides \S*."""
    return all(unicodedata.category(c)[0] in "LMN" or c in _PUNCTUATION for c in form.replace("\\S*", ""))
MAX_MATCH, MAX_FORMS, MAX_ENDINGS = 200, 12, 3


def compile_match(match: str) -> re.Pattern:
    r"""The match column as a pattern: plain words, | between forms, \S* for any word ending.
    Raises ValueError with what to do for anything else."""
    if len(match) > MAX_MATCH:
        raise ValueError(f"the match column is {len(match)} characters long; at most {MAX_MATCH}")
    forms = match.split("|")
    if len(forms) > MAX_FORMS:
        raise ValueError(f"the match column has {len(forms)} forms; at most {MAX_FORMS}")
    parts = []
    for form in forms:
        if not form.strip() or not _plain(form):
            raise ValueError(f"the form {form[:40]!r} may hold only words, spaces, - and ', with \\S* for any ending "
                             "(no other regular-expression signs)")
        if form.count("\\S*") > MAX_ENDINGS or "\\S*\\S*" in form:
            raise ValueError(f"the form {form[:40]!r} has too many \\S* (at most {MAX_ENDINGS}, never two in a row)")
        parts.append(r"\S*".join(re.escape(p) for p in form.split("\\S*")))
    return re.compile("|".join(parts), re.IGNORECASE)
COLUMNS = ["term", "rendering", "match", "not_in", "note", "reviewed"]


@dataclass(frozen=True)
class Term:
    term: str
    rendering: str
    match: str
    not_in: tuple
    note: str
    reviewed: bool
    line: int

    def in_danish(self, msgid: str) -> bool:
        """The Danish text uses this term (any inflection), not only a longer word that contains it."""
        text = msgid
        for other in self.not_in:
            text = re.sub(re.escape(other), "", text, flags=re.IGNORECASE)
        return re.search(rf"(?<!\w){re.escape(self.term)}", text, re.IGNORECASE) is not None

    def used_in(self, msgstr: str) -> bool:
        return compile_match(self.match).search(msgstr) is not None


def load_glossary(lang: str, directory: Path = GLOSSARY_DIR) -> list[Term]:
    path = directory / f"{lang}.csv"
    if not path.exists():
        return []
    errors, terms = [], []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != COLUMNS:
            raise InputErrors([InputError(path, 1, f"the columns are {reader.fieldnames}; use exactly: {', '.join(COLUMNS)}.")])
        for row in reader:
            line = reader.line_num
            if not row["term"] or not row["rendering"]:
                errors.append(InputError(path, line, "a row without term or rendering. Fill in both, or delete the row."))
                continue
            try:
                compile_match(row["match"] or row["rendering"])
            except ValueError as exc:
                errors.append(InputError(path, line, f"{exc}. Write the word stem, | between forms, and \\S* where any ending may follow."))
                continue
            hidden = next((found for value in row.values() if isinstance(value, str)
                           for found in [invisible_problem(value, lang)] if found), None)
            if hidden:
                errors.append(InputError(path, line, hidden[1].replace("this line contains", "this row contains")))
                continue
            if row["reviewed"] not in ("yes", "no"):
                errors.append(InputError(path, line, f"reviewed is '{row['reviewed']}'; write yes or no."))
                continue
            terms.append(Term(row["term"], row["rendering"], row["match"] or row["rendering"],
                              tuple(w.strip() for w in row["not_in"].split(",") if w.strip()),
                              row["note"], row["reviewed"] == "yes", line))
    if errors:
        raise InputErrors(errors)
    return terms


def violations(terms: list[Term], messages: dict[str, str]) -> list[tuple[Term, str, str]]:
    """(term, msgid, msgstr) where the Danish uses a key term and the translation does not use its rendering."""
    return [(t, msgid, msgstr) for msgid, msgstr in messages.items() for t in terms
            if t.in_danish(msgid) and not t.used_in(msgstr)]
