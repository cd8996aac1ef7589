"""In a real browser: axe on every page at phone and desktop width, no console errors,
no request leaves 127.0.0.1, questionnaire and walkthroughs by keyboard without JavaScript,
QR codes, print, search in every language."""
from __future__ import annotations

import io
import os
import re
from urllib.parse import urlparse

import pytest

from axe_sweep import sweep
from browser import DESKTOP, PHONE, chromium_path, search_for
from generator.languages import site_languages
from sitepages import SITE as SITE_DIR, expected_pages, language_prefix, representative_questionnaire_urls, sample_by_kind

LANGS = [l.code for l in site_languages()]


class Watch:
    """Blocks and records any request that would leave 127.0.0.1; records console errors."""

    def __init__(self, page):
        self.external, self.errors = [], []
        page.route("**/*", self._route)
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if host not in ("127.0.0.1", None):
            self.external.append(route.request.url)
            return route.abort()
        return route.continue_()


# Budget (two cores, make test under 8 minutes): every Danish page at phone width (360 px,
# the readers' screen; of the questionnaire every question and every outcome once per regime),
# and at desktop width one page of every kind; in every other language one page of each kind
# (questions, outcomes, explainers, walkthroughs, steps and practice screens repeat one template),
# at desktop width too where the layout changes there (WIDE_KINDS). AXE_ALL=1 checks every page
# of every language at both widths (the GitHub workflow runs it).
EXHAUSTIVE = {"da"}
# practice screens: in test_browser_practice.py
REPEATED_KINDS = {"question", "outcome", "step", "explainer", "practice", "practice-error", "practice-wrong", "practice-done",
                  # one template each, 8 walkthroughs: every one in Danish, one per other language
                  "walkthrough", "presenter", "print"}


WIDE_KINDS = {"home", "question", "outcome", "step", "presenter", "search", "explainer"}


def axe_pages(lang):
    """(url, check at desktop width too) for one language."""
    pages = [(url, kind) for code, url, kind in expected_pages() if code == lang]
    sample = {url for _, url, _ in sample_by_kind(lang)}
    if os.environ.get("AXE_ALL") == "1":
        return [(url, True) for url, _ in pages]
    if lang in EXHAUSTIVE:
        # every Danish page but the questionnaire's, which repeat one template: of those,
        # every question and every outcome per regime (representative_questionnaire_urls)
        # (practice screens: all of them at both widths in test_browser_practice.py)
        keep = representative_questionnaire_urls()
        return [(url, url in sample) for url, kind in pages
                if kind not in ("question", "outcome") and not kind.startswith("practice")
                or url in keep or url in sample]
    # at desktop width too: the page kinds whose layout changes there (the rest share the frame,
    # which the Danish sweep and these kinds check at 1280 px)
    return [(url, kind in WIDE_KINDS) for url, kind in pages if kind not in REPEATED_KINDS or url in sample]


@pytest.mark.parametrize("lang", LANGS)
def test_axe_zero_violations_at_phone_and_desktop_width(server, lang):
    urls = axe_pages(lang)
    report = sweep(server, urls, chromium_path(), concurrency=1)  # xdist already fills both cores
    assert not report["violations"], f"{len(report['violations'])} axe violations on {len(urls)} pages:\n" + "\n".join(report["violations"][:20])
    assert not report["external"], report["external"][:5]
    assert not report["console"], report["console"][:5]


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_one_questionnaire_path_per_regime_by_keyboard_without_javascript(browser, server, tables, lang):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    watch = Watch(page)
    # a path that asks every question the area has
    answers = {"lives_abroad": "true", "eu_social_security": "false", "complaint_pending": "false",
               "digital_post_exempt": "false", "special_circumstances": "true", "urgent": "false",
               "urgency_only": "false", "scope": "all_future", "can_attend": "true"}
    # one area per regime: the pages of the other areas are the same template with other rules
    areas = list({a["chapter"]: a for a in reversed(tables.bek_areas())}.values())
    for area in areas:
        page.goto(server + language_prefix(lang))
        focus_and_enter(page, "[data-questionnaire-start]")
        focus_and_enter(page, f'[data-area="{area["id"]}"]')
        for _ in range(10):
            route = page.locator("[data-route]")
            if route.count():
                break
            fact = page.locator(".question[data-fact]").get_attribute("data-fact")
            focus_and_enter(page, f'[data-fact] [data-value="{answers[fact]}"]')
        assert page.locator("[data-route]").get_attribute("data-route") == "other-way-all-future", area["id"]
        assert page.evaluate("document.documentElement.lang") == lang
    context.close()
    assert not watch.external


def focus_and_enter(page, selector):
    """Reach the link by keyboard alone (skip link, then Tab), then follow it with Enter."""
    target = page.locator(selector).first
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "md-skip"
    page.keyboard.press("Enter")
    # how many Tab presses from the main content to the link, counted in the page …
    presses = target.evaluate("""el => {
        const all = [...document.querySelectorAll('main a[href], main button, main input, main summary')]
            .filter(e => e.offsetParent !== null && e.tabIndex >= 0);
        return all.indexOf(el) + 1; }""")
    assert presses > 0, f"{selector} is not focusable on {page.url}"
    for _ in range(presses):
        page.keyboard.press("Tab")
    # … and the keyboard really got there
    if target.evaluate("el => el === document.activeElement"):
        with page.expect_navigation():
            page.keyboard.press("Enter")
        return
    raise AssertionError(f"{selector} cannot be reached with Tab on {page.url}")


def test_presenter_view_by_keyboard(browser, server, tables):
    w = next(iter(tables.walkthroughs.values()))
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{server}demo/{w['id']}/vis/")
    assert page.locator('[data-view="presenter"]').count() == 1
    n = len(w["steps"])
    for i in range(2, n + 1):
        page.keyboard.press("ArrowRight")
        assert page.evaluate("location.hash") == f"#trin-{i}"
        assert page.evaluate("document.activeElement.id") == f"trin-{i}-titel"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("location.hash") == f"#trin-{n - 1}"
    # and without JavaScript: the step links are plain anchors
    assert page.locator(f'a[href="#trin-{n}"][data-nav="next"]').count() == 1
    page.close()


def test_presenter_arrows_follow_reading_direction_in_arabic(browser, server, tables):
    w = next(iter(tables.walkthroughs.values()))
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{server}ar/demo/{w['id']}/vis/")
    page.keyboard.press("ArrowLeft")  # forward in right-to-left
    assert page.evaluate("location.hash") == "#trin-2"
    page.close()


def _decode(page, markup: str) -> list:
    """Draw `markup` (an <svg> or an <img>) 400 px wide on white and read the QR codes in it."""
    import zxingcpp
    from PIL import Image
    page.set_content(f'<body style="margin:0;background:#fff"><div id="qr" style="width:400px">{markup}</div></body>')
    page.wait_for_function("[...document.images].every(i => i.complete)")
    return zxingcpp.read_barcodes(Image.open(io.BytesIO(page.locator("#qr").screenshot())))


def test_every_handout_qr_code_decodes_to_its_walkthrough(browser, server, tables):
    """The chooser shows the chosen language's box (#qr-xx); its code decodes to that walkthrough.
    site/ built without an address (make test) is a preview whose boxes say so: the codes are then
    decoded from the handouts rendered with the tests' own address (tests/test_address.py)."""
    from generator.build import render_site
    from test_address import TEST_ADDRESS
    preview = not (SITE_DIR / "sitemap.xml").exists()
    renderer, languages = render_site(site_url=TEST_ADDRESS)
    page = browser.new_page(viewport=DESKTOP)
    drawn = browser.new_page()
    # every walkthrough in da, ar and uk; HELPERS_ALL=1 (the GitHub workflow) in every language
    sample = [l for l in languages if os.environ.get("HELPERS_ALL") == "1" or l.code in ("da", "ar", "uk")]
    for w in tables.walkthroughs.values():
        for lang in sample:
            page.goto(f"{server}demo/{w['id']}/print/#qr-{lang.code}")
            box = page.locator(f"#qr-{lang.code}")
            assert box.is_visible()
            if preview:
                assert box.locator(".qr-none").is_visible() and not box.locator("svg.qr").count()
                handout = renderer.render(renderer.by_url[f"demo/{w['id']}/print/"], languages[0])
                svg = re.search(rf'id="qr-{lang.code}".*?(<svg\b[^>]*class="qr".*?</svg>)', handout, re.S).group(1)
            else:
                svg = box.locator("svg.qr").evaluate("e => e.outerHTML")
            [code] = _decode(drawn, svg)
            assert code.text == re.search(r'data-qr-url="([^"]+)"', svg).group(1)
            assert urlparse(code.text).path.endswith(f"/{language_prefix(lang.code)}demo/{w['id']}/")
    page.close()
    drawn.close()


def test_every_kind_of_page_has_a_qr_image_that_decodes_to_its_own_address(browser, server, tmp_path):
    """The codes in "show this page in another language" are files (qr.svg) with a fixed mask:
    each must decode to the address of the page it sits next to. A preview site/ has none: the
    files are then written, as the build writes them, for the tests' own address."""
    import base64
    from generator import qr
    from test_address import TEST_ADDRESS
    sample = [(code, url) for code, url, kind in sample_by_kind() if code in ("da", "ar")]  # ltr and rtl
    folder = SITE_DIR
    if not (SITE_DIR / "sitemap.xml").exists():   # a preview: no codes, by design
        assert not list(SITE_DIR.glob("qr.svg"))
        folder = tmp_path
        for _, url in sample:
            (folder / url).mkdir(parents=True, exist_ok=True)
            (folder / url / "index.html").write_text("", encoding="utf-8")
        qr.write_page_codes(folder, TEST_ADDRESS)
    page = browser.new_page(viewport=DESKTOP)
    for code, url in sample:
        data = base64.b64encode((folder / url / "qr.svg").read_bytes()).decode()
        found = _decode(page, f'<img src="data:image/svg+xml;base64,{data}" width="400">')
        assert found, f"{url}qr.svg does not decode"
        assert urlparse(found[0].text).path.endswith("/" + url), (url, found[0].text)
        if folder == tmp_path:
            assert found[0].text == TEST_ADDRESS + url
    page.close()


def test_print_view_fits_a4_without_cut_content(browser, server, tables):
    page = browser.new_page()
    for w in tables.walkthroughs.values():
        for lang in ("da", "ar"):
            page.goto(f"{server}{language_prefix(lang)}demo/{w['id']}/print/")
            page.emulate_media(media="print")
            overflow = page.evaluate("""() => [...document.querySelectorAll('.handout *')]
                .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
                .map(e => e.tagName)""")
            assert not overflow, (w["id"], lang, overflow)
            pdf = page.pdf(format="A4", print_background=True)
            pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            assert 1 <= pages <= 2, f"{w['id']} {lang}: {pages} A4 pages"
            page.emulate_media(media="screen")
    page.close()


def test_outcome_prints_the_slip_on_one_a4_page_then_the_readers_part(browser, server, tables):
    """Page 1: the Danish slip for Borgerservice, whole. Page 2: the reader's part in the reader's
    language (issue 16: Amina went home with nothing in Arabic)."""
    from generator.flow import Flow
    flow = Flow(tables)
    page = browser.new_page()
    outcomes = [n for n in flow.nodes() if flow.decision(n).route]
    longest = max(outcomes, key=lambda n: len(flow.decision(n).legal_basis) + len(n.answers))
    for lang in ("da", "ar", "fa", "so"):
        page.goto(server + language_prefix(lang) + flow.url(longest))
        page.emulate_media(media="print")
        assert page.locator(".slip").is_visible()
        reader = page.locator("[data-print-reader]")
        assert reader.is_visible() and reader.get_attribute("lang") == lang
        assert not page.locator(".legal-basis").is_visible()
        pdf = page.pdf(format="A4")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2, f"{lang}: the slip on page 1, the reader's part on page 2"
        page.emulate_media(media="screen")
        assert not reader.is_visible(), "the reader's part is for paper only"
    page.close()


@pytest.mark.parametrize("lang,query,expected", [
    ("da", "boligstøtte", "omraader/boligstoette/"),
    ("en", "housing", "en/omraader/boligstoette/"),
    ("ar", "السكن", "ar/omraader/boligstoette/"),
    ("uk", "житло", "uk/omraader/boligstoette/"),
    ("tr", "konut", "tr/omraader/boligstoette/"),
    ("pl", "mieszkaniowy", "pl/omraader/boligstoette/"),
    ("fa", "مسکن", "fa/omraader/boligstoette/"),
    ("so", "guriga", "so/omraader/boligstoette/"),
    # a Danish name inside another language's pages: each index is also searched with Danish
    ("ar", "Udbetaling Danmark", "ar/omraader/foertidspension/"),
    ("uk", "Udbetaling Danmark", "uk/omraader/foertidspension/"),
    ("pl", "Udbetaling Danmark", "pl/omraader/foertidspension/"),
])
def test_search_finds_pages_in_the_readers_language(browser, server, lang, query, expected):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server + language_prefix(lang))
    results = search_for(page, query)
    paths = [urlparse(h).path.lstrip("/") for h in results.evaluate_all("els => els.map(e => e.href)")]
    others = [l for l in LANGS if l != lang and l != "da"]
    assert all(p.startswith(language_prefix(lang)) and p.split("/")[0] not in others for p in paths), paths
    assert expected in paths, paths
    page.close()


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_open_search_does_not_widen_the_page_on_phones_and_tablets(browser, server, lang):
    """The theme's search overlay is a circle scaled 45-75 times; without the theme's script to
    lock the page it made the page about 900 px wider (sideways scrolling) while search was open."""
    for width in (320, 800):  # phone, tablet (at 60em and wider the theme opens search in place)
        page = browser.new_page(viewport={"width": width, "height": 740})
        page.goto(server + language_prefix(lang))
        search_for(page, "Hotline")
        page.wait_for_timeout(500)  # the overlay's transition
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert scroll <= client, f"{lang} at {width} px: the page is {scroll} px wide with search open"
        # and the results are what is on top: the overlay covers the page, not the results
        on_top = page.evaluate("(() => { const r = document.querySelector('.md-search-result__item').getBoundingClientRect();"
                               " return document.elementFromPoint(r.left + r.width / 2, r.top + 10).closest('.md-search-result__item') !== null; })()")
        assert on_top, f"{lang} at {width} px: the first result is covered"
        page.close()


@pytest.mark.parametrize("lang", ["ar", "fa", "da"])
def test_questionnaire_and_walkthrough_fit_320px_and_mirror_right_to_left(browser, server, lang):
    """Screenshots at 320 px (kept in test-results/) and what they must show: no sideways
    scrolling, the page's direction, the back arrow and next/previous the right way round."""
    from generator.languages import RTL
    from sitepages import ROOT_RESULTS
    rtl = lang in RTL
    page = browser.new_page(viewport={"width": 320, "height": 740})
    samples = {kind: url for code, url, kind in sample_by_kind(lang) if kind in ("question", "outcome", "step", "presenter", "print")}
    step2 = samples["step"].replace("/1/", "/2/")
    for kind, url in list(samples.items()) + [("step-2", step2)]:
        page.goto(server + url)
        page.screenshot(path=str(ROOT_RESULTS / f"{lang}-{kind}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{url} scrolls sideways"
        assert page.evaluate("getComputedStyle(document.querySelector('article h1')).direction") == ("rtl" if rtl else "ltr")
        back = page.locator(".back-link .arrow").first
        if back.count():
            arrow = page.evaluate("el => getComputedStyle(el, '::before').content", back.element_handle())
            assert arrow == ('"→"' if rtl else '"←"'), (url, arrow)
        if kind == "step-2":
            prev = page.locator("a.pager-prev").bounding_box()
            nxt = page.locator("a.pager-next").bounding_box()
            assert (nxt["x"] < prev["x"]) if rtl else (nxt["x"] > prev["x"]), url
    page.close()
