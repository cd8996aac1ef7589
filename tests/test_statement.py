"""The accessibility statement: figures only from a results file, none without one; every page links to it.

It claims only what the build holds (third legal review M3, S22): without test results, a named
publisher and a contact it is a draft that says what is missing; one WCAG version; no testing
claimed that did not happen; a reason for every item that is not accessible.
"""
import json
import re
from dataclasses import replace

import pytest

from generator.build import render_site
from generator.errors import InputError
from generator.publisher import load_publisher
from generator.statement import load_results

EXAMPLE = load_publisher()
NAMED = replace(EXAMPLE, example=False, name="Eksempelby Kommune", short_name="Eksempelby",
                contact="https://kommune.test/kontakt")

RESULTS = {
    "date": "2026-11-29T12:00:00+00:00", "commit": "0123456789abcdef",
    "tools": {"axe-core": "4.14.1", "pa11y-ci": "4.1.1", "chromium": "chromium 156"},
    "checks": {
        "axe": {"tests": 10, "passed": 9, "failed": ["tests/test_browser.py::test_axe[ar]"], "skipped": 0,
                "page_checks": 4321, "pages": 2345, "languages": ["ar", "da"], "widths": [360, 1280], "violations": 7},
        "pa11y": {"tests": 1, "passed": 1, "failed": [], "skipped": 0, "urls": 38, "errors": 0, "languages": ["ar", "da"]},
        "keyboard": {"tests": 5, "passed": 5, "failed": [], "skipped": 0},
    },
    "all_passed": False,
}


def statement(monkeypatch, tmp_path, results, lang="da", publisher=EXAMPLE, url="tilgaengelighed/"):
    path = tmp_path / "a11y-results.json"
    if results is not None:
        path.write_text(results if isinstance(results, str) else json.dumps(results), encoding="utf-8")
    monkeypatch.setenv("A11Y_RESULTS", str(path))
    renderer, languages = render_site(publisher=publisher)
    return renderer.render(renderer.by_url[url], next(l for l in languages if l.code == lang))


def test_without_results_the_statement_claims_nothing(monkeypatch, tmp_path):
    page = statement(monkeypatch, tmp_path, None)
    assert 'data-a11y-results="none"' in page and 'data-status="none"' in page
    assert "Der er ingen testresultater vedlagt" in page
    assert "statement-figures" not in page and "Delvist overholdt" not in page
    assert 'data-contact="none"' in page
    assert 'data-statement="draft"' in page and "Udkast – ikke en gyldig tilgængelighedserklæring" in page


def test_the_figures_come_from_the_results_file(monkeypatch, tmp_path):
    page = statement(monkeypatch, tmp_path, RESULTS, publisher=replace(NAMED, contact="https://example.org/issues"))
    assert 'data-a11y-results="attached"' in page and 'data-status="failures"' in page
    for figure in ("2.345 sider", "4.321 kontroller", "360 / 1280", "7 fejl", "9 af 10 test bestået",
                   "38 sider på 2 sprog", "5 af 5 test bestået", "axe-core 4.14.1", "0123456789ab", "29. november 2026"):
        assert figure in page, figure
    assert 'data-failed="axe"' in page and "1 af 10 test fandt fejl" in page
    assert 'href="https://example.org/issues"' in page


def test_a_clean_run_is_still_only_partial_compliance(monkeypatch, tmp_path):
    clean = json.loads(json.dumps(RESULTS))
    clean["checks"]["axe"].update(passed=10, failed=[], violations=0)
    clean["all_passed"] = True
    page = statement(monkeypatch, tmp_path, clean, lang="ar")
    assert 'data-status="partial"' in page and "data-failed" not in page
    assert 'data-limit="search"' in page and 'data-limit="translations"' in page and 'data-limit="automated"' in page


def test_a_broken_results_file_is_reported_with_what_to_do(tmp_path):
    path = tmp_path / "a11y-results.json"
    path.write_text('{"date": ', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_results(path)
    assert "run the tests again" in exc.value.message


@pytest.mark.site
def test_every_page_links_to_the_statement_in_its_footer(site_dir):
    from sitepages import expected_pages, file_for, parse, resolve
    for code, url, kind in expected_pages():
        links = [(h, a) for h, a in parse(file_for(url)).links if "data-accessibility-statement" in a]
        assert len(links) == 1, url
        path, _ = resolve(url, links[0][0])
        assert path == ("" if code == "da" else f"{code}/") + "tilgaengelighed/", (url, path)


# M3: "En myndighed, der udgiver siden, kan bruge den, som den er" on a page without status,
# date or contact. Each thing missing makes a draft that names it.
@pytest.mark.parametrize("results,publisher,missing", [
    (None, EXAMPLE, {"results", "publisher", "contact"}),
    (RESULTS, EXAMPLE, {"publisher", "contact"}),
    (None, NAMED, {"results"}),
    (RESULTS, replace(NAMED, contact=""), {"contact"}),
])
def test_a_statement_missing_results_publisher_or_contact_is_a_draft_that_says_what_is_missing(
        monkeypatch, tmp_path, results, publisher, missing):
    page = statement(monkeypatch, tmp_path, results, publisher=publisher)
    assert 'data-statement="draft"' in page and "data-draft" in page
    assert set(re.findall(r'data-missing="([a-z]+)"', page)) == missing
    assert "som den er" not in page and "kan bruge den" not in page
    assert "Den bygger på testkørslen af netop denne udgave" not in page


def test_with_results_a_named_publisher_and_a_contact_it_is_complete_and_still_points_to_was_tool(monkeypatch, tmp_path):
    page = statement(monkeypatch, tmp_path, RESULTS, publisher=NAMED)
    assert 'data-statement="complete"' in page and "data-draft" not in page and "data-missing" not in page
    assert 'href="https://kommune.test/kontakt"' in page
    was = re.search(r"<p data-was-tool>(.*?)</p>", page, re.S).group(1)
    assert "skal selv lave sin tilgængelighedserklæring i WAS-Tool og linke til den" in was
    assert 'href="https://digst.dk/' in was and "mindst en gang om året" in was


def test_one_wcag_version_on_the_statement_and_the_about_page_in_every_language(monkeypatch, tmp_path):
    """S22: the statement said WCAG 2.1, the about page WCAG 2.2."""
    monkeypatch.setenv("A11Y_RESULTS", str(tmp_path / "none.json"))
    renderer, languages = render_site()
    for lang in languages:
        for url in ("tilgaengelighed/", "om/"):
            versions = set(re.findall(r"WCAG\s*(\d(?:\.\d)?)", renderer.render(renderer.by_url[url], lang)))
            assert versions == {"2.1"}, (lang.code, url, versions)


def test_without_results_no_testing_is_claimed(monkeypatch, tmp_path):
    """S22: "Ved hver ændring tester vi …" stood next to "bygget uden en testkørsel"."""
    page = statement(monkeypatch, tmp_path, None, publisher=NAMED)
    assert "tester vi" not in page and "bliver testet automatisk" not in page and "statement-figures" not in page
    assert 'data-tested="none"' in page
    about = statement(monkeypatch, tmp_path, None, publisher=NAMED, url="om/")
    assert "Vi tester" not in about and "tester hver side" not in about


def test_every_item_that_is_not_accessible_has_a_reason(monkeypatch, tmp_path):
    """S22: "Det er ikke tilgængeligt" gave no reason per item."""
    page = statement(monkeypatch, tmp_path, RESULTS, publisher=NAMED)
    section = re.search(r'id="ikke-tilgaengeligt".*?<ul>(.*?)</ul>', page, re.S).group(1)
    items = re.findall(r"<li\b.*?</li>", section, re.S)
    assert len(items) >= 4 and any("data-failed" in i for i in items)
    for item in items:
        assert re.search(r'data-reason="(noncompliant|not-required|outside)"', item), item[:80]
    assert re.search(r'data-failed="axe".*?data-reason="noncompliant"', section, re.S)


def test_the_complaint_section_links_the_enforcement_procedure(monkeypatch, tmp_path):
    page = statement(monkeypatch, tmp_path, None)
    complaint = page[page.index('id="klage"'):]
    assert re.search(r'<a href="https://digst\.dk/[^"]*tilsyn[^"]*" data-enforcement>', complaint)
