"""The helpers' tools in a real browser (issue 20; usability walk 2026-12-04, problem 9):
every presenter step, mock included, fits a 1280x800 projector; the language can be changed
inside the presenter view keeping the step; every handout prints on one A4 page.

`make test` samples (Danish, Ukrainian and Arabic; the longest texts); HELPERS_ALL=1 (the
GitHub workflow, `make bench`) checks every walkthrough in every language."""
from __future__ import annotations

import os
import re

import pytest

from sitepages import language_prefix

ALL = os.environ.get("HELPERS_ALL") == "1"
PROJECTOR = {"width": 1280, "height": 800}

SLIDE_BOTTOMS = """() => [...document.querySelectorAll('[data-slide]')].map(s => {
    s.scrollIntoView();
    const top = s.getBoundingClientRect().top;
    const bottom = Math.max(...[...s.children].map(c => c.getBoundingClientRect().bottom));
    return [s.id, Math.round(bottom - top)]; })"""


def languages_to_check(languages):
    return [l.code for l in languages] if ALL else ["da", "uk", "ar"]


def walkthroughs_to_check(tables):
    ids = sorted(tables.walkthroughs)
    return ids if ALL else ["folkepension", "digital-post-adgang"]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_every_presenter_step_fits_a_projector(browser, server, tables, languages):
    page = browser.new_page(viewport=PROJECTOR)
    too_tall = []
    for code in languages_to_check(languages):
        for wid in walkthroughs_to_check(tables):
            page.goto(f"{server}{language_prefix(code)}demo/{wid}/vis/")
            for slide, height in page.evaluate(SLIDE_BOTTOMS):
                if height > PROJECTOR["height"]:
                    too_tall.append((code, wid, slide, height))
    page.close()
    assert not too_tall, f"presenter steps taller than 800 px: {too_tall[:10]}"


def test_the_language_can_be_changed_in_the_presenter_view_keeping_the_step(browser, server):
    page = browser.new_page(viewport=PROJECTOR)
    page.goto(f"{server}demo/folkepension/vis/#trin-3")
    page.locator('[data-keep-step] a[hreflang="ar"]').click()
    page.wait_for_url(re.compile(r"/ar/demo/folkepension/vis/#trin-3$"))
    assert page.evaluate("document.documentElement.lang") == "ar"
    page.locator('[data-keep-step] a[hreflang="da"]').click()
    page.wait_for_url(re.compile(r"/demo/folkepension/vis/#trin-3$"))
    page.close()


def test_every_handout_prints_on_one_a4_page(browser, server, tables, languages):
    page = browser.new_page()
    pages = {}
    for code in languages_to_check(languages):
        for wid in walkthroughs_to_check(tables):
            page.goto(f"{server}{language_prefix(code)}demo/{wid}/print/")
            pages[(code, wid)] = pdf_pages(page.pdf(format="A4", print_background=True))
    page.close()
    assert all(n >= 1 for n in pages.values())
    longer = {k: n for k, n in pages.items() if n > 1}
    assert not longer, f"handouts longer than one A4 page: {longer}"
