"""Review per string: marks come back into the catalog; a page is 'reviewed' only when every string on it is."""
import csv
import shutil

import pytest

from generator.catalogs import TRANSLATIONS_DIR, load_catalog, load_catalogs
from generator.errors import InputErrors
from generator.languages import site_languages
from generator.render import SiteRenderer
from generator.review import CSV_COLUMNS, import_marks, shown_check, string_id


def write_csv(path, rows, lang="ar", catalog=None):
    """A sheet as `review sheet` writes it: each row with its language and the check of what it showed."""
    catalog = catalog or load_catalog(lang, path.parent / f"{lang}.po")
    by_id = {string_id(m): m for m in catalog.messages}
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, CSV_COLUMNS)
        w.writeheader()
        for r in rows:
            msgid = by_id.get(r["id"], "")
            w.writerow({"lang": lang, "page": "/", "danish": msgid, "translation": catalog.messages.get(msgid, ""),
                        "check": shown_check(msgid, catalog.messages.get(msgid, "")), **r})


def test_marks_and_corrections_come_back_into_the_catalog(tmp_path):
    shutil.copy(TRANSLATIONS_DIR / "ar.po", tmp_path / "ar.po")
    ok, fix = "Start her", "Trin %(n)s af %(total)s"
    write_csv(tmp_path / "marks.csv", [{"id": string_id(ok), "ok": "x"},
                                       {"id": string_id(fix), "correction": "الخطوة %(n)s من %(total)s"},
                                       {"id": string_id("Kilde"), "ok": ""}])
    assert import_marks("ar", tmp_path / "marks.csv", "Navn, Sprogcenter X, 2027-01-15", tmp_path) == (2, 1)
    c = load_catalog("ar", tmp_path / "ar.po")
    assert c.reviewed_ids == {ok, fix}
    assert c.messages[fix] == "الخطوة %(n)s من %(total)s"
    text = (tmp_path / "ar.po").read_text(encoding="utf-8")
    assert "# reviewed-by: Navn, Sprogcenter X, 2027-01-15" in text
    assert "#, python-format, reviewed\nmsgid \"Trin %(n)s af %(total)s\"" in text  # one flags line


def test_a_bad_correction_or_unknown_id_is_reported_with_its_line_and_nothing_is_written(tmp_path):
    shutil.copy(TRANSLATIONS_DIR / "ar.po", tmp_path / "ar.po")
    before = (tmp_path / "ar.po").read_text(encoding="utf-8")
    write_csv(tmp_path / "marks.csv", [{"id": string_id("Trin %(n)s af %(total)s"), "correction": "الخطوة %(n)s"},
                                       {"id": "ffffff", "ok": "x"}])
    with pytest.raises(InputErrors) as exc:
        import_marks("ar", tmp_path / "marks.csv", "Navn", tmp_path)
    assert "marks.csv:2" in str(exc.value) and "placeholders" in str(exc.value)
    assert "marks.csv:3" in str(exc.value) and "ffffff" in str(exc.value)
    assert (tmp_path / "ar.po").read_text(encoding="utf-8") == before


def test_page_says_reviewed_only_when_every_string_on_it_is(tables):
    languages = site_languages()
    catalogs = load_catalogs([l.code for l in languages])
    ar = next(l for l in languages if l.code == "ar")
    renderer = SiteRenderer(tables, catalogs, languages)
    home = renderer.by_url[""]
    assert 'class="notice notice--translation"' in renderer.render(home, ar)
    catalogs["ar"].reviewed_ids = set(renderer.last_seen)
    assert 'class="notice notice--translation"' not in renderer.render(home, ar)
    catalogs["ar"].reviewed_ids.discard(renderer.last_seen[3])
    assert 'data-unreviewed="1"' in renderer.render(home, ar)
