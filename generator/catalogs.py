"""gettext catalogs: load, check, translate, and keep them in step with the sources.

msgids are the Danish source text. A translation is used only when it exists, is not
fuzzy and passes the checks; otherwise the page shows the Danish text marked
lang="da" and says that part is not yet translated. Never a stale translation.
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from markupsafe import Markup, escape

from . import atomic
from .bidi import isolate, mark_danish
from .errors import InputError, InputErrors, invisible_problem
from .languages import RTL
from .posyntax import CONTROL_CHARS, check_po

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
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&[a-zA-Z#]\w*;|(?:java|vb)script\s*:|data\s*:\s*[a-z]+/|\]\(|`", re.IGNORECASE)
# Template syntax (Jinja, JavaScript template strings) a translation may not add: it is shown as text
# today, but a later change that renders a translation as a template must not find code in it.
TEMPLATE_SYNTAX = re.compile(r"\{\{|\{%|\{#|\$\{")
# The site name and description land in HTML attributes the theme writes (aria-label, <meta content>).
# They are escaped there too (generator/hooks.py); these characters are refused as well, so that a
# translation cannot end the attribute and add its own (`" http-equiv="refresh`).
# = theme_text.SITE_NAME and SITE_DESCRIPTION (theme_text imports this module; a test keeps them equal)
ATTRIBUTE_MSGIDS = frozenset({
    "Digital selvbetjening – din ret til hjælp",
    "Skal du søge digitalt, eller må du søge på papir? Vejledning om obligatorisk digital selvbetjening i et enkelt sprog.",
})
ATTRIBUTE_UNSAFE = re.compile(r'["<>]')
# The letters each catalog may use: its own script, and Latin for Danish names (MitID, Borgerservice).
SCRIPTS = {"en": {"LATIN"}, "pl": {"LATIN"}, "tr": {"LATIN"}, "so": {"LATIN"},
           "uk": {"LATIN", "CYRILLIC"}, "ar": {"LATIN", "ARABIC"}, "fa": {"LATIN", "ARABIC"}}
_WORD = re.compile(r"(?<![\w.])[^\W\d_]{2,}(?![\w.])")


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
    text = read_catalog_text(path)
    errors: list[InputError] = check_po(text, path, lang)
    charset, charset_line = _charset(text)
    if charset and charset.lower().replace("-", "") != "utf8":
        errors.append(InputError(path, charset_line, f"the header says charset={charset}, but catalogs here are UTF-8 "
                                                     "(and this one is read as UTF-8). Write charset=UTF-8 in the Content-Type line."))
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
        problem = translation_problem(msgid, msgstr, lang)
        if problem:
            errors.append(InputError(path, message.lineno, problem))
            continue
        result.messages[msgid] = msgstr
        if REVIEWED_FLAG in message.flags:
            result.reviewed_ids.add(msgid)
    if errors:
        raise InputErrors(errors)
    return result


def read_catalog_text(path: Path) -> str:
    """A catalog's text: UTF-8, without the byte order mark Notepad writes at the start."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputErrors([InputError(path, None, f"the catalog cannot be read ({exc.strerror}). Check that it exists and is readable.")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputErrors([InputError(path, data[: exc.start].count(b"\n") + 1,
                                      f"this line is not UTF-8 text (byte 0x{data[exc.start]:02x}). Save the catalog as UTF-8 (Poedit does).")]) from None
    return text.removeprefix("\ufeff")


def _charset(text: str) -> tuple[str | None, int | None]:
    value, line = _header_value(text, "Content-Type")
    m = re.search(r"charset=([\w.-]+)", value or "")
    return (m.group(1), line) if m else (None, None)


def translation_problem(msgid: str, msgstr: str, lang: str | None = None) -> str | None:
    if MARKUP.search(msgstr):
        return ("the translation contains HTML, Markdown or script. Translations are plain text: "
                "remove the markup (the page adds links and formatting itself).")
    if (m := TEMPLATE_SYNTAX.search(msgstr)) and m.group() not in msgid:
        return (f"the translation contains template syntax ('{m.group()}') that the Danish text does not have. "
                "Translations are plain text: remove it.")
    if msgid in ATTRIBUTE_MSGIDS and (m := ATTRIBUTE_UNSAFE.search(msgstr)):
        return (f"the translation contains '{m.group()}', which this text (the site's name or description, written into "
                "HTML attributes) may not hold. Remove it; use typographic quotes (“ ” « ») for quotation marks.")
    if m := CONTROL_CHARS.search(msgstr):
        return f"the translation contains a control character (U+{ord(m.group()):04X}). Delete it (retype the words around it)."
    if found := invisible_problem(msgstr, lang):
        return found[1].replace("this line contains", "the translation contains")
    if lang in SCRIPTS:
        foreign = sorted({unicodedata.name(c, "?").split()[0] for c in msgstr if c.isalpha()} - SCRIPTS[lang])
        if foreign:
            return (f"the translation contains {', '.join(s.title() for s in foreign)} letters, which the {lang} catalog "
                    "does not use. Check that it is the right language and the right catalog.")
    if lang and lang != SOURCE_LANGUAGE and msgstr.strip() == msgid.strip() and _sentence(msgid):
        return ("the translation is the Danish text itself. Translate it, or leave msgstr empty: the page then "
                "shows the Danish text marked as not yet translated.")
    want, got = sorted(PLACEHOLDER.findall(msgid)), sorted(PLACEHOLDER.findall(msgstr))
    if want != got:
        shown = ", ".join(f"%({p})s" for p in want) or "none"
        return f"the placeholders differ from the Danish text. Use exactly: {shown} (keep them as written, only move them)."
    stray = PLACEHOLDER.sub("", msgstr)
    if "%" in stray and "%" not in PLACEHOLDER.sub("", msgid):
        return "the translation contains a lone '%'. Write it as '%%' or remove it."
    return None


def _sentence(text: str) -> bool:
    """Danish words in a sentence (not a name like "Knud Demo-Nielsen" or a label like "MitID")."""
    words = _WORD.findall(text)
    return len(words) >= 3 and sum(w.islower() for w in words) >= 2


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
    # No previous-msgid lines: Babel reads a '#| msgid' back as a translator comment '# | msgid',
    # so each update kept old Danish wordings as comments that no tool treats as previous ids
    # (263 of them in a catalog by 2026-12-04). Those comments are dropped here too.
    for message in catalog:
        message.user_comments = [c for c in message.user_comments if not c.startswith("| ")]
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, ignore_obsolete=True, include_previous=False, sort_output=False)
    text = buffer.getvalue().decode("utf-8")
    extra = "".join(f'"{k}: {v}\\n"\n' for k, v in headers.items() if v)
    text = text.replace('"Content-Transfer-Encoding: 8bit\\n"\n', '"Content-Transfer-Encoding: 8bit\\n"\n' + extra, 1)
    atomic.write_text(path, text)


def update_catalogs(template: Catalog, languages: list[str], directory: Path = TRANSLATIONS_DIR) -> dict[str, tuple[int, int]]:
    """msgmerge: keep translations, mark changed sources fuzzy, add new ones empty."""
    report = {}
    # Every catalog is read strictly first: Babel's reader forgives a missing quote or a stray
    # byte, and writing its reading back would launder the damage into a valid-looking catalog.
    errors = []
    for lang in languages:
        path = directory / f"{lang}.po"
        if lang != SOURCE_LANGUAGE and path.exists():
            try:
                load_catalog(lang, path)
            except InputErrors as exc:
                errors.extend(exc.errors)
    if errors:
        raise InputErrors(errors + [InputError(directory, None, "no catalog was changed. Fix the lines above "
                                                                "(Poedit shows them), then run `make translations` again.")])
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            continue
        path = directory / f"{lang}.po"
        headers = {STATUS_HEADER: "machine-assisted", REVIEWER_HEADER: ""}
        if path.exists():
            text = read_catalog_text(path)
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
