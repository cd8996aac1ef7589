"""Right-to-left as an Arabic or Farsi reader sees it (issue 9), at phone width:
every page kind plus a seeded sample of 30 more pages per language. No text node mixes
Arabic-script letters with Latin letters (each Latin run is its own element with lang and
an isolated direction), and every phone number's digit groups lie left to right on one line."""
from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from browser import PHONE, launch, search_for
from generator.languages import RTL, site_languages
from rtl_check import MEASURE, RTL_SAMPLE, measure, problems, rtl_pages
from sitepages import language_prefix

RTL_LANGS = [l.code for l in site_languages() if l.code in RTL]


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_latin_runs_and_phone_numbers_are_isolated_in_right_to_left_pages(server, lang):
    pages = rtl_pages(lang)
    assert len(pages) >= RTL_SAMPLE + 10
    found, phones = [], 0
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport=PHONE)
        for url in pages:
            assert url.startswith(language_prefix(lang))
            result = measure(page, server + url)
            phones += len(result["phones"])
            found += [f"{url}: {f}" for f in problems(result)]
        browser.close()
    assert phones > 0, "no phone number measured: the check would pass on anything"
    assert not found, f"{len(found)} problems on {len(pages)} {lang} pages:\n" + "\n".join(found[:30])


def test_check_detects_mixed_text_and_reversed_phone_numbers():
    """The measurement itself: a page made to fail must fail."""
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport=PHONE)
        page.set_content('<html dir="rtl"><body><p>اتصل بـ Borgerservice على الرقم 70 20 00 00 الآن</p>'
                         '<p>الرقم <span dir="ltr">70 20 00 00</span> و<span lang="da" dir="ltr">MitID</span></p></body></html>')
        result = page.evaluate(MEASURE)
        browser.close()
    assert len(result["mixed"]) == 1
    assert [p["ltr"] for p in result["phones"]] == [False, True]


@pytest.mark.parametrize("lang", RTL_LANGS)
def test_search_results_isolate_latin_runs_and_phone_numbers_too(server, lang):
    """The search index is plain text: results showed "70 20 00 00" as "00 00 20 70" until the
    results isolated them again (assets/search.js, as bidi.py does on the pages)."""
    from rtl_check import MEASURE
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport=PHONE)
        page.goto(server + language_prefix(lang))
        search_for(page, "Hotline")
        result = page.evaluate(MEASURE.replace("document.body", 'document.querySelector(".md-search-result__list")'))
        browser.close()
    assert result["phones"], "no phone number in the results: the check would pass on anything"
    assert not problems(result), problems(result)[:10]
