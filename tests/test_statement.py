"""The accessibility statement: figures only from a results file, none without one; every page links to it."""
import json

import pytest

from generator.build import render_site
from generator.errors import InputError
from generator.statement import load_results

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


def statement(monkeypatch, tmp_path, results, lang="da", contact=""):
    path = tmp_path / "a11y-results.json"
    if results is not None:
        path.write_text(results if isinstance(results, str) else json.dumps(results), encoding="utf-8")
    monkeypatch.setenv("A11Y_RESULTS", str(path))
    monkeypatch.setenv("A11Y_CONTACT", contact)
    renderer, languages = render_site()
    return renderer.render(renderer.by_url["tilgaengelighed/"], next(l for l in languages if l.code == lang))


def test_without_results_the_statement_claims_nothing(monkeypatch, tmp_path):
    page = statement(monkeypatch, tmp_path, None)
    assert 'data-a11y-results="none"' in page and 'data-status="none"' in page
    assert "Der er ingen testresultater vedlagt" in page
    assert "statement-figures" not in page and "Delvist overholdt" not in page
    assert 'data-contact="none"' in page


def test_the_figures_come_from_the_results_file(monkeypatch, tmp_path):
    page = statement(monkeypatch, tmp_path, RESULTS, contact="https://example.org/issues")
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
