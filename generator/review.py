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
from pathlib import Path

from markupsafe import Markup, escape

from .catalogs import TRANSLATIONS_DIR, load_catalog, translation_problem
from .errors import InputError, InputErrors
from .glossary import load_glossary
from .languages import ROOT, RTL
from .po_edit import Po

OUT = ROOT / "build" / "review"
CSV_COLUMNS = ["id", "page", "danish", "translation", "ok", "correction"]
YES = {"x", "yes", "ja", "ok", "y", "1", "✓", "✔"}


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
            rows.append({"id": string_id(m), "page": url, "danish": m, "translation": text,
                         "ok": "x" if catalog.is_reviewed(m) else "", "correction": ""})
        html.append("</table>")
    sheet, table = out / f"{lang}.html", out / f"{lang}.csv"
    sheet.write_text("\n".join(html), encoding="utf-8")
    with table.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return sheet, table, count


def import_marks(lang: str, path: Path, reviewer: str, directory: Path = TRANSLATIONS_DIR) -> tuple[int, int]:
    """Write the marks of a review CSV into the catalog. Returns (reviewed, corrected)."""
    if not reviewer.strip():
        raise InputErrors([InputError(path, None, 'no reviewer given. Add --reviewer "Name, organisation, date".')])
    po = Po(lang, directory)
    by_id = {string_id(msgid): msgid for _, msgid, _ in po.msgids()}
    errors, marks = [], []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"id", "ok", "correction"} - set(reader.fieldnames or [])
        if missing:
            raise InputErrors([InputError(path, 1, f"the columns {sorted(missing)} are missing. Use the CSV that 'review sheet' wrote.")])
        for row in reader:
            ok, fix = (row.get("ok") or "").strip().lower(), (row.get("correction") or "").strip()
            if not ok and not fix:
                continue
            msgid = by_id.get((row.get("id") or "").strip())
            if msgid is None:
                errors.append(InputError(path, reader.line_num, f"no string with id '{row.get('id')}' in {lang}.po. Make a new sheet; the Danish text may have changed."))
                continue
            if ok and ok not in YES:
                errors.append(InputError(path, reader.line_num, f"ok is '{row['ok']}'; write x (or leave it empty)."))
                continue
            if fix:
                problem = translation_problem(msgid, fix)
                if problem:
                    errors.append(InputError(path, reader.line_num, problem))
                    continue
            marks.append((msgid, fix))
    if errors:
        raise InputErrors(errors)
    today = datetime.date.today().isoformat()
    for msgid, fix in marks:
        if fix:
            po.set(msgid, fix)
        po.comment(msgid, f"# reviewed-by: {reviewer.strip()} ({today})")
        po.flag(msgid, "reviewed")
        po.unflag(msgid, "fuzzy")  # the reviewer has checked it against the current Danish
    po.save()
    load_catalog(lang, po.path)  # the catalog still reads and passes the checks
    return len(marks), sum(1 for _, fix in marks if fix)
