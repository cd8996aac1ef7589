"""Demo overview, presenter view and right-to-left details as rendered (issue 20)."""
import re

import pytest

from generator import pages as P


@pytest.fixture(scope="module")
def site():
    from generator.build import render_site
    renderer, languages = render_site()
    by_lang = {l.code: l for l in languages}
    return renderer, by_lang


def render(site, url, code):
    renderer, by_lang = site
    return renderer.render(renderer.by_url[url], by_lang[code])


def test_read_more_leads_to_the_rules_of_the_walkthroughs_own_area(site, tables):
    """Usability walk, problem 9: the Digital Post demos' "Læs mere" offered folkepension rules."""
    for wid, w in tables.walkthroughs.items():
        html = render(site, P.walkthrough(wid), "da")
        target = re.search(r'<a href="([^"]+)" data-read-more="([^"]+)"', html)
        assert target, wid
        if wid.startswith("digital-post"):
            assert target.group(2) == "digital-post" and target.group(1).endswith("hjaelp/#digital-post"), (wid, target.groups())
        else:
            assert target.group(2) == w["area"] and target.group(1).endswith(f"omraader/{w['area']}/"), (wid, target.groups())


def test_the_presenter_view_offers_every_language(site, languages):
    for code in ("da", "ar"):
        html = render(site, P.presenter("folkepension"), code)
        nav = re.search(r"<nav class=\"presenter-languages\"[^>]*data-keep-step>(.*?)</nav>", html, re.S)
        assert nav, code
        links = re.findall(r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+"', nav.group(1))
        assert {l for _, l in links} == {l.code for l in languages} - {code}
        assert all(href.endswith("demo/folkepension/vis/") for href, _ in links)


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_every_number_on_the_languages_page_is_isolated(site, code):
    """R4: «(950 / 979)» in a right-to-left cell displays as «(979 / 950)» unless isolated."""
    html = render(site, P.LANGUAGES, code)
    counts = re.findall(r"\(\d[\d.,\u066c\u00a0]* / \d[\d.,\u066c\u00a0]*\)", html)
    assert counts
    assert len(re.findall(r'<span class="small coverage-count" dir="ltr">\(\d[^<]*/[^<]*\)</span>', html)) == len(counts)
    assert "<bdi>" in html.split('class="language-status"')[1]


def test_notes_to_lawyers_are_their_own_left_to_right_block(site, tables):
    """R3: the long Danish note was an inline span wrapping inside Arabic/Persian paragraphs."""
    area = next(a for a in tables.areas if any(r.get("note") for r in tables.rules_for(a)))
    html = render(site, P.area(area), "fa")
    assert '<span class="legal-note-text" lang="da" dir="ltr">' in html
