"""gettext catalogs: load, check, translate, and keep them in step with the sources.

msgids are the Danish source text. A translation is used only when it exists, is not
fuzzy and passes the checks; otherwise the page shows the Danish text marked
lang="da" and says that part is not yet translated. Never a stale translation.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from markupsafe import Markup, escape

from .bidi import isolate, mark_danish
from .errors import InputError, InputErrors
from .languages import RTL
from .posyntax import check_po

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SOURCE_LANGUAGE = "da"

# The review status lives in the catalog header: a language centre's reviewer sets
#   "X-Translation-Status: reviewed\n"  and  "X-Reviewed-By: name, organisation, date\n"
STATUS_HEADER = "X-Translation-Status"
REVIEWER_HEADER = "X-Reviewed-By"
STATUSES = ("machine-assisted", "reviewed")
# A single entry is marked reviewed with a flag, and who reviewed it in a translator comment:
#   # reviewed-by: name, organisation, date
#   #, reviewed
REVIEWED_FLAG = "reviewed"

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]|&[a-zA-Z#]\w*;|javascript:|\]\(|`", re.IGNORECASE)


@dataclass
class LanguageCatalog:
    lang: str
    path: Path | None
    messages: dict = field(default_factory=dict)   # msgid -> translation (usable ones only)
    fuzzy: set = field(default_factory=set)        # msgids whose translation is stale
    total: int = 0
    status: str = "machine-assisted"
    reviewed_by: str = ""
    reviewed_ids: set = field(default_factory=set)  # entries a reviewer marked "#, reviewed"

    @property
    def translated(self) -> int:
        return len(self.messages)

    @property
    def coverage(self) -> float:
        return 1.0 if self.total == 0 else self.translated / self.total

    @property
    def reviewed(self) -> bool:
        return self.status == "reviewed"

    def is_reviewed(self, msgid: str) -> bool:
        """A usable translation checked by a reviewer (the whole catalog, or this entry)."""
        return msgid in self.messages and (self.reviewed or msgid in self.reviewed_ids)

    @property
    def reviewed_count(self) -> int:
        return self.translated if self.reviewed else len(self.reviewed_ids)


def _header_value(text: str, name: str) -> tuple[str | None, int | None]:
    for number, line in enumerate(text.splitlines(), 1):
        m = re.match(rf'^"{re.escape(name)}:\s*(.*?)\\n"$', line.strip())
        if m:
            return m.group(1).strip(), number
        if line.startswith("#:") or (line.startswith("msgid \"") and line != 'msgid ""'):
            break
    return None, None


def load_catalog(lang: str, path: Path) -> LanguageCatalog:
    """Read and check one catalog. Every problem is reported with its line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputErrors([InputError(path, data[: exc.start].count(b"\n") + 1,
                                      f"this line is not UTF-8 text (byte 0x{data[exc.start]:02x}). Save the catalog as UTF-8 (Poedit does).")]) from None
    errors: list[InputError] = check_po(text, path)
    if errors:
        raise InputErrors(errors)
    try:
        catalog = read_po(io.StringIO(text), locale=None, abort_invalid=True)
    except (PoFileError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise InputErrors([InputError(path, int(m.group(1)) if m else None,
                                      f"this catalog cannot be read ({exc}). Open it in Poedit, which shows and fixes the syntax.")]) from None
    result = LanguageCatalog(lang=lang, path=path)
    status, status_line = _header_value(text, STATUS_HEADER)
    if status is not None:
        if status not in STATUSES:
            errors.append(InputError(path, status_line, f"{STATUS_HEADER} is '{status}'; use one of: {', '.join(STATUSES)}."))
        else:
            result.status = status
    result.reviewed_by = _header_value(text, REVIEWER_HEADER)[0] or ""
    if result.status == "reviewed" and not result.reviewed_by:
        errors.append(InputError(path, status_line, f"the catalog is marked reviewed but has no {REVIEWER_HEADER} header. Add who reviewed it and when, e.g. \"{REVIEWER_HEADER}: Navn, Sprogcenter X, 2027-01-15\\n\"."))

    for message in catalog:
        if not message.id:
            continue
        result.total += 1
        msgid, msgstr = message.id, message.string
        if not msgstr:
            continue
        if message.fuzzy:
            result.fuzzy.add(msgid)
            continue
        problem = translation_problem(msgid, msgstr)
        if problem:
            errors.append(InputError(path, message.lineno, problem))
            continue
        result.messages[msgid] = msgstr
        if REVIEWED_FLAG in message.flags:
            result.reviewed_ids.add(msgid)
    if errors:
        raise InputErrors(errors)
    return result


def translation_problem(msgid: str, msgstr: str) -> str | None:
    if MARKUP.search(msgstr):
        return ("the translation contains HTML, Markdown or script. Translations are plain text: "
                "remove the markup (the page adds links and formatting itself).")
    want, got = sorted(PLACEHOLDER.findall(msgid)), sorted(PLACEHOLDER.findall(msgstr))
    if want != got:
        shown = ", ".join(f"%({p})s" for p in want) or "none"
        return f"the placeholders differ from the Danish text. Use exactly: {shown} (keep them as written, only move them)."
    stray = PLACEHOLDER.sub("", msgstr)
    if "%" in stray and "%" not in PLACEHOLDER.sub("", msgid):
        return "the translation contains a lone '%'. Write it as '%%' or remove it."
    return None


def load_catalogs(languages: list[str], directory: Path = TRANSLATIONS_DIR) -> dict[str, LanguageCatalog]:
    """Catalogs for every language; the source language has an empty one."""
    catalogs, errors = {}, []
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            catalogs[lang] = LanguageCatalog(lang=lang, path=None, status="reviewed")
            continue
        path = directory / f"{lang}.po"
        if not path.exists():
            errors.append(InputError(path, None, f"there is no catalog for '{lang}'. Run 'make translations' to create it."))
            continue
        try:
            catalogs[lang] = load_catalog(lang, path)
        except InputErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise InputErrors(errors)
    return catalogs


class Translator:
    """The `_()` of one page in one language. Counts Danish fallbacks on the page."""

    def __init__(self, catalog: LanguageCatalog, danish_terms: frozenset = frozenset()):
        self.catalog = catalog
        self.danish_terms = danish_terms  # Danish labels and names a translation may give in brackets
        self.lang = catalog.lang
        self.fallbacks = 0
        self.seen: dict[str, None] = {}  # msgids in the order the page uses them

    def __call__(self, msgid: str, **values) -> Markup:
        self.seen[msgid] = None
        text = self.catalog.messages.get(msgid) if self.lang != SOURCE_LANGUAGE else None
        if text is not None and self.lang in RTL:
            return isolate(text, values)  # Latin words and phone numbers as their own elements
        if text is not None:
            return mark_danish(text, values, self.danish_terms)
        values = {k: escape(v) for k, v in values.items()}
        if self.lang == SOURCE_LANGUAGE:
            return Markup(escape(msgid) % values if values else escape(msgid))
        self.fallbacks += 1
        danish = escape(msgid) % values if values else escape(msgid)
        return Markup('<span lang="da" dir="ltr" class="untranslated">') + danish + Markup("</span>")

    def plain(self, msgid: str, **values) -> str:
        """For places that cannot hold markup (titles, attributes): the text only."""
        self.seen[msgid] = None
        text = self.catalog.messages.get(msgid, msgid) if self.lang != SOURCE_LANGUAGE else msgid
        if text is msgid and self.lang != SOURCE_LANGUAGE:
            self.fallbacks += 1
        return text % values if values else text


# --------------------------------------------------------------------------- updating
def write_catalog(catalog: Catalog, path: Path, headers: dict[str, str]) -> None:
    catalog.fuzzy = False  # the header is not a translation: a fuzzy header only confuses tools
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, ignore_obsolete=True, include_previous=True, sort_output=False)
    text = buffer.getvalue().decode("utf-8")
    extra = "".join(f'"{k}: {v}\\n"\n' for k, v in headers.items() if v)
    text = text.replace('"Content-Transfer-Encoding: 8bit\\n"\n', '"Content-Transfer-Encoding: 8bit\\n"\n' + extra, 1)
    path.write_text(text, encoding="utf-8")


def update_catalogs(template: Catalog, languages: list[str], directory: Path = TRANSLATIONS_DIR) -> dict[str, tuple[int, int]]:
    """msgmerge: keep translations, mark changed sources fuzzy, add new ones empty."""
    report = {}
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            continue
        path = directory / f"{lang}.po"
        headers = {STATUS_HEADER: "machine-assisted", REVIEWER_HEADER: ""}
        if path.exists():
            text = path.read_text(encoding="utf-8")
            for name in headers:
                value = _header_value(text, name)[0]
                if value:
                    headers[name] = value
            catalog = read_po(io.StringIO(text), locale=lang)
        else:
            catalog = Catalog(locale=lang)
        catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        catalog.project, catalog.version = template.project, template.version
        catalog.language_team = f"{lang} <translations@localhost>"
        write_catalog(catalog, path, headers)
        done = sum(1 for m in catalog if m.id and m.string and not m.fuzzy)
        report[lang] = (done, sum(1 for m in catalog if m.id))
    return report
