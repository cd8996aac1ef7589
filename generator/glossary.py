"""The termbase: translations/glossary/<lang>.csv, one row per key term.

Columns: term (Danish), rendering (what the translation writes), match (a regular
expression the translation must contain; stems allow inflection, | separates accepted
forms), not_in (Danish words that contain the term but mean something else, comma
separated), note, reviewed (yes/no: checked by a qualified translator).
A language centre edits it in any spreadsheet program (save as CSV, UTF-8).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .catalogs import TRANSLATIONS_DIR
from .errors import InputError, InputErrors

GLOSSARY_DIR = TRANSLATIONS_DIR / "glossary"
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
        return re.search(self.match, msgstr, re.IGNORECASE) is not None


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
                re.compile(row["match"] or re.escape(row["rendering"]))
            except re.error as exc:
                errors.append(InputError(path, line, f"the match column is not a valid pattern ({exc}). Write the word stem, and | between forms."))
                continue
            if row["reviewed"] not in ("yes", "no"):
                errors.append(InputError(path, line, f"reviewed is '{row['reviewed']}'; write yes or no."))
                continue
            terms.append(Term(row["term"], row["rendering"], row["match"] or re.escape(row["rendering"]),
                              tuple(w.strip() for w in row["not_in"].split(",") if w.strip()),
                              row["note"], row["reviewed"] == "yes", line))
    if errors:
        raise InputErrors(errors)
    return terms


def violations(terms: list[Term], messages: dict[str, str]) -> list[tuple[Term, str, str]]:
    """(term, msgid, msgstr) where the Danish uses a key term and the translation does not use its rendering."""
    return [(t, msgid, msgstr) for msgid, msgstr in messages.items() for t in terms
            if t.in_danish(msgid) and not t.used_in(msgstr)]
