"""Review per string: a printable bilingual sheet per language, and the way back.

    python -m generator review sheet ar              build/review/ar.html (print it) and ar.csv
    python -m generator review import ar FILE.csv --reviewer "Navn, Sprogcenter X, 2027-01-15"

The sheet lists every string of the language once, under the first page that shows it
(Danish | translation | OK | correction), with the glossary first. A reviewer ticks OK or
writes a correction; the marks are typed into the CSV (same ids), and `review import`
writes them into the catalog: corrections replace the translation, and each checked entry
gets "# reviewed-by: …" and the flag "#, reviewed". A page then says "reviewed" when
every string on it is.
"""
from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
from pathlib import Path

from markupsafe import Markup, escape

from . import atomic
from .catalogs import TRANSLATIONS_DIR, load_catalog, translation_problem
from .errors import InputError, InputErrors, invisible_problem
from .glossary import load_glossary
from .languages import ROOT, RTL
from .po_edit import Po

OUT = ROOT / "build" / "review"
# lang: the catalog the sheet was made from; check: a hash of the Danish text and the translation
# the reviewer saw, so an OK marks only that translation reviewed (not one changed since, nor a stale one)
CSV_COLUMNS = ["lang", "id", "check", "page", "danish", "translation", "ok", "correction"]
YES = {"x", "yes", "ja", "ok", "y", "1", "✓", "✔"}
# A cell a spreadsheet would run as a formula (=HYPERLINK(…), +cmd, -cmd, @SUM): neutralised on the
# sheet with a leading ', refused in a correction.
FORMULA_START = re.compile(r"^(?:[=@\t\r]|[+-](?![\d\s]))")
MAX_REVIEWER = 120


def shown_check(msgid: str, translation: str) -> str:
    """The sheet's fingerprint of what the reviewer saw: the Danish text and the translation shown."""
    return hashlib.sha256(f"{msgid}\x00{translation}".encode("utf-8")).hexdigest()[:10]


def _cell(text: str) -> str:
    return "'" + text if FORMULA_START.match(text) else text


def string_id(msgid: str) -> str:
    """A short, stable id printed on the sheet, so a mark on paper finds its entry."""
    return hashlib.sha1(msgid.encode("utf-8")).hexdigest()[:6]


def strings_by_page(lang: str) -> list[tuple[str, str, list[str]]]:
    """(url, Danish title, msgids first shown on that page) for one language, in site order."""
    from .build import render_site
    renderer, languages = render_site()
    language = next(l for l in languages if l.code == lang)
    seen, pages = set(), []
    for spec in renderer.specs:
        renderer.render(spec, language)
        new = [m for m in renderer.last_seen if m not in seen]
        seen.update(new)
        if new:
            pages.append((spec.url or "/", spec.title, new))
    return pages


def write_sheet(lang: str, out: Path = OUT) -> tuple[Path, Path, int]:
    catalog = load_catalog(lang, TRANSLATIONS_DIR / f"{lang}.po")
    glossary = load_glossary(lang)
    pages = strings_by_page(lang)
    rtl = "rtl" if lang in RTL else "ltr"
    out.mkdir(parents=True, exist_ok=True)
    rows, html = [], []
    t = lambda m: catalog.messages.get(m, "")
    html.append(f"""<!doctype html><html lang="da"><meta charset="utf-8"><title>Gennemsyn – {lang}</title>
<style>body{{font:11pt/1.35 sans-serif;margin:1.5cm}}table{{border-collapse:collapse;width:100%;margin-bottom:1em}}
td,th{{border:1px solid #444;padding:4px;vertical-align:top;text-align:start}}th{{background:#eee}}
.id{{font:9pt monospace;width:4em}}.ok{{width:2.5em}}.fix{{width:28%}}h2{{font-size:12pt;margin-top:1.5em;break-after:avoid}}
tr{{break-inside:avoid}}.missing{{color:#a00}}@page{{size:A4;margin:1.2cm}}</style>
<h1>Gennemsyn af oversættelsen / Translation review: <span lang="{lang}">{lang}</span></h1>
<p>Sæt kryds i OK, når oversættelsen er rigtig, eller skriv rettelsen. Tick OK when the translation is right, or write the correction.
Skriv marks ind i <code>{lang}.csv</code> (kolonne ok / correction) og kør
<code>python -m generator review import {lang} {lang}.csv --reviewer "Navn, Sprogcenter, dato"</code>.</p>
<p>Gennemset af / Reviewed by: ______________________ Dato / Date: ____________</p>
<h2>Ordliste / Glossary</h2><table><tr><th>Dansk</th><th>Oversættelse</th><th>Note</th><th>Gennemset</th><th class="ok">OK</th></tr>""")
    for term in glossary:
        html.append(f'<tr><td lang="da">{escape(term.term)}</td><td lang="{lang}" dir="{rtl}">{escape(term.rendering)}</td>'
                    f'<td>{escape(term.note)}</td><td>{"ja" if term.reviewed else "nej"}</td><td class="ok">☐</td></tr>')
    html.append("</table>")
    on_pages = {m for _, _, ms in pages for m in ms}
    others = [m for m in catalog.messages if m not in on_pages]  # site name in the header, the 404 page
    if others:
        pages = pages + [("header, 404", "Andre tekster (sidehoved, 404-siden)", others)]
    count = 0
    for url, title, msgids in pages:
        html.append(f'<h2>{escape(title)} <small>({escape(url)})</small></h2><table>'
                    '<tr><th class="id">id</th><th>Dansk</th><th>Oversættelse</th><th class="ok">OK</th><th class="fix">Rettelse</th></tr>')
        for m in msgids:
            count += 1
            text = t(m)
            state = "☑" if catalog.is_reviewed(m) else "☐"
            shown = escape(text) if text else Markup('<span class="missing">(mangler / missing)</span>')
            html.append(f'<tr><td class="id">{string_id(m)}</td><td lang="da">{escape(m)}</td>'
                        f'<td lang="{lang}" dir="{rtl}">{shown}</td><td class="ok">{state}</td><td class="fix"></td></tr>')
            rows.append({"lang": lang, "id": string_id(m), "check": shown_check(m, text), "page": _cell(url),
                         "danish": _cell(m), "translation": _cell(text),
                         "ok": "x" if catalog.is_reviewed(m) else "", "correction": ""})
        html.append("</table>")
    sheet, table = out / f"{lang}.html", out / f"{lang}.csv"
    atomic.write_text(sheet, "\n".join(html))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    atomic.write_text(table, buffer.getvalue())
    return sheet, table, count


def reviewer_problem(reviewer: str) -> str | None:
    if not reviewer.strip():
        return 'no reviewer given. Add --reviewer "Name, organisation, date".'
    if any(ord(c) < 32 or ord(c) == 127 for c in reviewer) or invisible_problem(reviewer):
        return ("the reviewer contains a line break, a control or an invisible character. Give the name, "
                'organisation and date on one line: --reviewer "Name, organisation, date".')
    if len(reviewer) > MAX_REVIEWER:
        return f"the reviewer is {len(reviewer)} characters long; give name, organisation and date in at most {MAX_REVIEWER}."
    return None


def read_sheet_text(path: Path) -> str:
    """The CSV as text: UTF-8 (with or without BOM) or UTF-16 (Excel's "Unicode text")."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputErrors([InputError(path, None, f"the review CSV cannot be read ({exc.strerror}). Check the file name.")]) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputErrors([InputError(path, None, "the file starts like UTF-16 text but cannot be read as such. "
                                                      "Save it again as CSV UTF-8.")]) from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputErrors([InputError(path, data[: exc.start].count(b"\n") + 1,
                                      f"this line is not UTF-8 text (byte 0x{data[exc.start]:02x}). Save the sheet as "
                                      "CSV UTF-8 (in Excel: Save as, CSV UTF-8).")]) from None


def _delimiter(header: str) -> str:
    """Danish Excel separates with ';', "Unicode text" with a tab: take the one that splits the header."""
    return max(",;\t", key=lambda d: sum(c.strip().strip('"') in CSV_COLUMNS for c in header.split(d)))


def _rows(reader: csv.DictReader, path: Path, errors: list):
    """The rows; a quote that is never closed ends the reading with its line, not a traceback."""
    try:
        yield from reader
    except csv.Error as exc:
        errors.append(InputError(path, reader.line_num, f"the sheet cannot be read from here ({exc}): a quote in a cell "
                                                        "that is never closed. Check the cells of this row in the spreadsheet."))


def import_marks(lang: str, path: Path, reviewer: str, directory: Path = TRANSLATIONS_DIR) -> tuple[int, int]:
    """Write the marks of a review CSV into the catalog. Returns (reviewed, corrected).

    The whole sheet is checked first; the catalog is then written through a temporary file
    that must pass every catalog check before it replaces the old one. Either every mark
    is in, or the catalog is unchanged."""
    path = Path(path)
    if problem := reviewer_problem(reviewer):
        raise InputErrors([InputError(path, None, problem)])
    catalog = load_catalog(lang, directory / f"{lang}.po")
    po = Po(lang, directory)
    by_id = {string_id(msgid): msgid for _, msgid, _ in po.msgids()}
    text = read_sheet_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    fields = [f.strip() for f in reader.fieldnames or []]
    reader.fieldnames = fields
    missing = [c for c in ("lang", "id", "check", "ok", "correction") if c not in fields]
    if missing:
        raise InputErrors([InputError(path, 1, f"the columns {missing} are missing. Make a new sheet with "
                                               f"`make review-sheet REVIEW={lang}` and type the marks into its CSV.")])
    errors, marks = [], []
    for row in _rows(reader, path, errors):
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            count = len(fields) + len(row.get(None) or []) - sum(v is None for v in row.values())
            errors.append(InputError(path, line, f"this row has {count} cells, the header {len(fields)}: a stray quote "
                                                 "or separator in a cell. Check the row in the spreadsheet."))
            continue
        ok, fix = row["ok"].strip().lower(), row["correction"].strip()
        if row["lang"].strip() != lang:
            errors.append(InputError(path, line, f"this row is from the {row['lang'].strip() or '(no language)'} sheet, not "
                                                 f"{lang}. Import it into its own language: review import {row['lang'].strip()} …"))
            continue
        if not ok and not fix:
            continue
        msgid = by_id.get(row["id"].strip())
        if msgid is None:
            errors.append(InputError(path, line, f"no string with id '{row['id'][:20]}' in {lang}.po. Make a new sheet; the Danish text may have changed."))
            continue
        if ok and ok not in YES:
            errors.append(InputError(path, line, f"ok is '{row['ok'][:20]}'; write x (or leave it empty)."))
            continue
        current = catalog.messages.get(msgid, "")
        if row["check"].strip() != shown_check(msgid, current):
            errors.append(InputError(path, line, "the translation in the catalog is not the one this sheet showed (it "
                                                 "changed, or went stale when the Danish text changed). Make a new sheet "
                                                 f"(`make review-sheet REVIEW={lang}`) and review this row again."))
            continue
        if ok and not fix and not current:
            errors.append(InputError(path, line, "ok is marked, but the sheet shows no translation here. Write the "
                                                 "translation in the correction column, or leave ok empty."))
            continue
        if fix:
            if FORMULA_START.match(fix):
                errors.append(InputError(path, line, f"the correction starts with '{fix[0]}' like a spreadsheet formula. "
                                                     "Write the translation only."))
                continue
            problem = translation_problem(msgid, fix, lang)
            if problem:
                errors.append(InputError(path, line, problem))
                continue
        marks.append((msgid, fix))
    if errors:
        raise InputErrors(errors)
    today = datetime.date.today().isoformat()
    for msgid, fix in marks:
        if fix:
            po.set(msgid, fix)
            po.unflag(msgid, "fuzzy")  # the correction is written against the current Danish text
        po.comment(msgid, f"# reviewed-by: {reviewer.strip()} ({today})")
        po.flag(msgid, "reviewed")

    def still_valid(tmp: Path) -> None:
        try:
            load_catalog(lang, tmp)
        except InputErrors as exc:
            raise InputErrors([InputError(po.path, e.line, e.message) for e in exc.errors]) from None
    atomic.write_text(po.path, "\n".join(po.lines), check=still_valid)
    return len(marks), sum(1 for _, fix in marks if fix)
