"""The readers' tasks of the usability walk (reviews of 2026-12-04) as journeys: from the home
page, in the persona's language, on a 360×740 phone (the library helper at a desk), tapping what
a person would tap. Each journey asserts what the person needs (the answer, the next step, the
slip), how many taps it took and how far down it was (tests/journeys.py measures).

The first-screen rules are measured for every outcome route, every question and every area page
(its answer, [data-area-answer]) in two languages (da, ar) in `make test`; JOURNEY_ALL=1 (set in
the GitHub workflow) measures all eight languages.
"""
from __future__ import annotations

import os
import re

import pytest

from browser import DESKTOP
from journeys import PHONE, Journey, outcome_figures
from sitepages import language_prefix

# The questionnaire's answers of each persona, by fact (see tests/journeys.py)
AMINA = {"lives_abroad": "false", "complaint_pending": "false", "digital_post_exempt": "false",
         "special_circumstances": "true", "scope": "this_application"}
JOERGEN = {"lives_abroad": "false", "complaint_pending": "false", "digital_post_exempt": "false",
           "special_circumstances": "true", "scope": "all_future", "can_attend": "true"}
MEHMET = {"lives_abroad": "false", "complaint_pending": "true", "complaint_area": "boligstoette"}

# 200 % text as the review made it: the root font size raised to 250 % (the theme's is 125 %)
LARGE_TEXT = """document.addEventListener('DOMContentLoaded', () => {
  const s = document.createElement('style'); s.textContent = 'html { font-size: 250% !important; }';
  document.head.appendChild(s); });"""


def phone(browser, **extra):
    return browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, **extra)


def in_view(page, selector) -> bool:
    """The element is on the current screen (not above, not below)."""
    box = page.locator(selector).first.bounding_box()
    return bool(box) and box["y"] >= -1 and box["y"] + min(box["height"], 40) <= page.viewport_size["height"] + 1


def check_outcome(j: Journey, figures: dict, route: str, check: bool):
    page = j.page
    if not check:
        return
    assert page.locator(f'.outcome[data-route="{route}"]').count(), f"expected the outcome {route}, got {page.url}"
    assert page.locator("[data-outcome-answer] [data-rule]").count(), "the answer has no rule sentence"
    assert figures["answer_end"] <= 1 and figures["first_step_end"] <= 1, f"answer or first step below the first screen: {figures}"
    assert figures["slip_way"] <= 2, f"the way to the slip is not within two screens: {figures}"


def open_slip(j: Journey):
    """Tap the slip link: the slip comes into view (same page, no navigation)."""
    j.page.locator("[data-slip-link]").first.click()
    j.taps += 1
    j.page.wait_for_function("() => location.hash === '#seddel'")
    assert in_view(j.page, "#seddel"), "the slip is not on the screen after its link was tapped"


def amina(browser, server, check=True):
    """Amina, 67, Arabic, no MitID: may she apply for boligstøtte on paper, and can she take
    home something in Arabic with the Danish slip?"""
    ctx = phone(browser)
    j = Journey(ctx.new_page())
    j.page.goto(server + "ar/")
    j.tap("[data-questionnaire-start]", "start")
    j.tap('a[data-area="boligstoette"]', "boligstøtte")
    j.answer_questions(AMINA)
    figures = outcome_figures(j)
    check_outcome(j, figures, "other-way-this-application", check)
    if check:
        open_slip(j)
        figures["taps_to_slip"] = j.taps
        page = j.page
        page.emulate_media(media="print")
        reader = page.locator("[data-print-reader]")
        assert page.locator(".slip").is_visible() and reader.is_visible(), "print: the slip and the reader's part"
        assert reader.get_attribute("lang") == "ar" and reader.get_attribute("dir") == "rtl"
        assert reader.locator("li").count() == page.locator("[data-outcome-actions] li").count(), "print: every step"
        assert "4" in reader.inner_text(), "print: the complaint deadline (4 weeks) in the reader's part"
        slip = page.locator(".slip-body").inner_text()
        for words in ("Jeg taler arabisk", "Navn", "CPR-nummer", "Telefon", "Dato", "Digital selvbetjening"):
            assert words in slip, f"the slip lacks '{words}'"
        assert not page.locator(".legal-basis").is_visible()
    ctx.close()
    return figures


def joergen(browser, server, check=True):
    """Jørgen, 78, Danish, 200 % text: folkepension for all future applications; must he come in person?"""
    ctx = phone(browser, bypass_csp=True)  # only to raise the text size, as a reader's setting would
    ctx.add_init_script(LARGE_TEXT)
    j = Journey(ctx.new_page())
    j.page.goto(server)
    if check:  # the menu's words must not push the search button off a large-text header
        box = j.page.locator("label.md-header__button[for=__search]").bounding_box()
        assert box and box["x"] + box["width"] <= PHONE["width"] + 1, f"search button off screen at 200 % text: {box}"
    j.tap("[data-questionnaire-start]", "Start her")
    j.tap('a[data-area="folkepension"]', "Folkepension")
    j.answer_questions(JOERGEN)
    figures = outcome_figures(j)
    figures["first_step_top"] = j.screens_to("#det-skal-du-goere ~ ol li, [data-outcome-actions] li")
    if check:
        assert j.page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px", "200 % text"
        answer = j.page.locator("[data-outcome-answer]").inner_text()
        assert "møde op" in answer, f"the answer does not say whether he must attend: {answer}"
        assert figures["answer_end"] <= 3, figures
        assert figures["first_step_top"] <= 3, f"at 200 % text the first step starts below three screens: {figures}"
        assert j.taps <= 8
    ctx.close()
    return figures


def mehmet(browser, server, check=True):
    """Mehmet, Turkish: his complaint is pending; may he send his application on paper meanwhile?"""
    ctx = phone(browser)
    j = Journey(ctx.new_page())
    j.page.goto(server + "tr/")
    j.tap("[data-questionnaire-start]", "Başla")
    j.tap('a[data-area="boligstoette"]', "Konut yardımı")
    j.answer_questions(MEHMET)
    figures = outcome_figures(j)
    check_outcome(j, figures, "paper-during-complaint", check)
    if check:
        open_slip(j)
        assert j.taps <= 6, j.path
    ctx.close()
    return figures


BEFORE_RIGHT = """() => { let e = document.getElementById('anden-maade'), last = null;
  for (e = e.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) { if (e.tagName === 'P') { last = e; } }
  return last.getBoundingClientRect().top + scrollY; }"""


def farsi(browser, server, check=True):
    """A Farsi reader exempt from Digital Post: from the Danish home page to his language by the
    language menu (all eight languages visible in it), then sundhedskort: may he apply on paper?"""
    ctx = phone(browser)
    j = Journey(ctx.new_page())
    page = j.page
    page.goto(server)
    page.locator("[data-language-menu], .lang-switch button").first.click()
    j.taps += 1
    fa = page.locator('.lang-switch a[hreflang="fa"]')
    if check:
        menu = page.locator(".lang-switch .md-select__list")
        assert menu.evaluate("el => el.scrollHeight <= el.clientHeight + 1"), "the language menu scrolls inside"
        for code in ("da", "en", "ar", "uk", "tr", "pl", "fa", "so"):
            assert in_view(page, f'.lang-switch a[hreflang="{code}"]'), f"{code} is not visible in the open menu"
    with page.expect_navigation():
        fa.click()
    j.taps += 1
    j.tap('.md-content a[href$="omraader/sundhedskort/"]', "sundhedskort")
    if page.locator("[data-digital-post-right]").count():
        right = j.screens_to("[data-digital-post-right]")
    else:  # a build before the change: the last paragraph of the section "another way"
        right = round(page.evaluate(BEFORE_RIGHT) / PHONE["height"], 2)
    figures = {"taps": j.taps, "right": right,
               "page": round(page.evaluate("document.documentElement.scrollHeight") / PHONE["height"], 1)}
    if check:
        assert page.locator("html").get_attribute("lang") == "fa"
        assert figures["right"] is not None and figures["right"] <= 3, f"the Digital Post right is far down: {figures}"
        assert j.taps <= 3
    ctx.close()
    return figures


def library_helper(browser, server, check=True):
    """A library digital ambassador at a desk (Ukrainian): from the top of the page to the helpers'
    pages, the Digital Post access demo on screen, then its handout to print."""
    ctx = browser.new_context(viewport=DESKTOP)
    j = Journey(ctx.new_page())
    page = j.page
    page.goto(server + "uk/")
    helpers = page.locator("[data-header-helpers]")
    if check:
        assert helpers.is_visible() and helpers.bounding_box()["y"] < 64, "no way to the helpers' pages at the top"
    j.tap("[data-header-helpers]", "helpers (header)")
    j.tap('.md-content a[href$="demo/"]', "demos")
    j.tap('.md-content a[href$="digital-post-adgang/"]', "digital-post-adgang")
    j.tap('.md-content a[href$="vis/"]', "presenter")
    if check:
        assert page.locator('[data-view="presenter"]').count()
    presenter_taps = j.taps
    page.go_back()
    j.tap('.md-content a[href$="print/"]', "handout")
    if check:
        assert page.locator("html").get_attribute("lang") == "uk"
        # a QR code to the Ukrainian page, or in a preview (no public address) the box that says why there is none
        assert page.locator(".handout-qr img, .handout-qr svg").count() or page.locator("[data-qr-none]").count()
        assert presenter_taps <= 4 and j.taps <= 5, j.path
    ctx.close()
    return {"taps_to_presenter": presenter_taps, "taps": j.taps}


def teacher(browser, server, check=True):
    """A sprogcenter teacher (Somali class): a link to the complaints section of folkepension to
    send to the class, then practice typing on a phone."""
    ctx = phone(browser)
    j = Journey(ctx.new_page())
    page = j.page
    page.goto(server + "so/")
    j.tap('.md-content a[href$="omraader/folkepension/"]', "folkepension")
    link = page.locator('h2#klage a[data-self-link]')
    figures = {"taps_to_link": j.taps + 1}
    if check:
        assert link.count(), "the complaints heading has no link to itself"
        assert link.is_visible() and link.get_attribute("href") == "#klage"
        name = link.evaluate("el => el.innerText.trim() || el.getAttribute('aria-label') || ''")
        assert name.strip("# "), "the self-link has no accessible name"
        link.focus()
        assert link.evaluate("el => el === document.activeElement"), "the self-link cannot take keyboard focus"
    if not link.count():  # a build without self-links (measuring the site before the change)
        figures["klage"] = j.screens_to("#klage")
        ctx.close()
        return figures
    link.click()
    j.taps += 1
    assert page.url.endswith("/so/omraader/folkepension/#klage")
    # practice: the screen with the CPR number, typed right, then wrong
    wid, k = "folkepension", 3
    page.goto(f"{server}so/demo/{wid}/oev/{k}/")
    fields = page.locator("[data-practice-input][data-expect]")
    cpr = page.locator('[data-practice-input][data-expect="990159-1234"]')
    name = page.locator('[data-practice-input][data-expect="Birte Demo-Hansen"]')
    name.fill("Birte")
    name.press("Enter")
    page.wait_for_timeout(100)  # not a timing test: only lets a (wrong) navigation start
    if check:
        assert page.url.endswith(f"/oev/{k}/"), "a wrong value left the page"
        assert name.input_value() == "Birte", "what was typed was cleared"
        assert page.locator(f"#{name.get_attribute('id')}-check").is_visible(), "the wrong value is not pointed out"
        assert name.get_attribute("aria-invalid") == "true"
    for i in range(fields.count()):
        fields.nth(i).fill(fields.nth(i).get_attribute("data-expect"))
    with page.expect_navigation():
        cpr.press("Enter")
    if check:
        assert page.url.endswith(f"/oev/{k + 1}/"), f"Enter with the right values should lead to screen {k + 1}: {page.url}"
        assert "990159" not in page.url
    ctx.close()
    return figures


JOURNEYS = {"Amina (ar, boligstøtte, slip)": amina, "Jørgen (da, folkepension, 200 % text)": joergen,
            "Mehmet (tr, complaint pending)": mehmet, "Farsi reader (fa, sundhedskort)": farsi,
            "Library helper (uk, desktop)": library_helper, "Sprogcenter teacher (so)": teacher}


@pytest.mark.parametrize("name", list(JOURNEYS))
def test_journey(browser, server, name):
    print(name, JOURNEYS[name](browser, server))


# ----------------------------------------------------------------- first screen, two screens
def representative_pages(tables):
    """One outcome per route (the one with the most to say) and one question per fact (the
    area whose question and hints are longest)."""
    from generator.flow import Flow
    from generator.outcome_answer import answer_rules
    flow = Flow(tables)
    outcomes, questions = {}, {}
    for node in flow.nodes():
        d = flow.decision(node)
        if d.route:
            size = sum(len(r["says"]) for r in answer_rules(d)) + len(tables.outcome(d.route, node.facts)["title"])
            key = d.route + ("+urgent" if any(r["kind"] == "urgency-reason" for r in d.rules) else "")
            if size > outcomes.get(key, (0, None))[0]:
                outcomes[key] = (size, flow.url(node))
        else:
            q = tables.fact(d.next_question)
            hints = tables.hint_list(q["hint_list"], node.area) if q.get("hint_list") else []
            size = len(q["question"]) + len(q.get("hint", "")) + sum(len(h) for h in hints)
            if size > questions.get(d.next_question, (0, None))[0]:
                questions[d.next_question] = (size, flow.url(node))
    return {k: v[1] for k, v in outcomes.items()}, {k: v[1] for k, v in questions.items()}


FIRST_SCREEN_LANGS = ("da", "en", "ar", "uk", "tr", "pl", "fa", "so") if os.environ.get("JOURNEY_ALL") == "1" else ("da", "ar")

OUTCOME_FIGURES = """() => {
  const bottom = s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().bottom + scrollY : null; };
  return {answer: bottom('[data-outcome-answer]'), step: bottom('[data-outcome-actions] li'), slip: bottom('[data-slip-link]')};
}"""
QUESTION_FIGURES = """() => {
  const answers = [...document.querySelectorAll('a.answer')];
  return {answers: answers.length, question: document.querySelector('h1').getBoundingClientRect().bottom + scrollY,
          last: Math.max(...answers.map(a => a.getBoundingClientRect().bottom + scrollY))};
}"""


def test_first_screen_and_two_screen_rules(browser, server, tables):
    """On a 360×740 phone: an outcome's answer and first step on the first screen and the way to
    the slip within two; a question and all its answers on the first screen."""
    outcomes, questions = representative_pages(tables)
    ctx = phone(browser)
    page = ctx.new_page()
    h = PHONE["height"]
    failures, worst = [], {}
    for lang in FIRST_SCREEN_LANGS:
        for route, url in outcomes.items():
            page.goto(server + language_prefix(lang) + url)
            f = page.evaluate(OUTCOME_FIGURES)
            if None in f.values() or f["answer"] > h or f["step"] > h or f["slip"] > 2 * h:
                failures.append(f"{lang} outcome {route} {url}: {f}")
            worst["step"] = max(worst.get("step", 0), f["step"] or 9e9)
        for fact, url in questions.items():
            page.goto(server + language_prefix(lang) + url)
            f = page.evaluate(QUESTION_FIGURES)
            if not f["answers"] or f["last"] > h:
                failures.append(f"{lang} question {fact} {url}: {f}")
            worst["answers"] = max(worst.get("answers", 0), f["last"])
    ctx.close()
    print({k: round(v / h, 2) for k, v in worst.items()}, "screens (worst)")
    assert not failures, "\n".join(failures)


def test_danish_home_shows_every_language_on_the_first_screen(browser, server, languages):
    ctx = phone(browser)
    page = ctx.new_page()
    page.goto(server)
    links = page.locator("[data-languages] a[hreflang]")
    codes = links.evaluate_all("els => els.map(e => e.getAttribute('hreflang'))")
    assert sorted(codes) == sorted(l.code for l in languages if not l.default)
    for code in codes:
        link = page.locator(f'[data-languages] a[hreflang="{code}"]')
        assert link.get_attribute("lang") == code
        assert link.inner_text() == next(l.name for l in languages if l.code == code)
        assert in_view(page, f'[data-languages] a[hreflang="{code}"]'), f"{code} is below the first screen"
    # the menu's name can be read before one reads Danish
    label = page.locator("[data-language-menu]").inner_text()
    assert re.search(r"Language", label) and "اللغة" in label, label
    ctx.close()


AREA_FIGURES = """() => {
  const a = document.querySelector('[data-area-answer]'), h2 = document.querySelector('.md-content h2');
  return a && {answer: a.getBoundingClientRect().bottom + scrollY, rules: h2 ? h2.getBoundingClientRect().top + scrollY : null};
}"""


def test_area_pages_answer_on_the_first_screen(browser, server, tables):
    """Every area page (/omraader/<area>/): the reader's answer (must you apply digitally, when
    another way is possible, who decides; [data-area-answer]) ends on the first 360x740 screen,
    before the first rule section."""
    ctx = phone(browser)
    page = ctx.new_page()
    h = PHONE["height"]
    failures, worst = [], 0
    for lang in FIRST_SCREEN_LANGS:
        for area in tables.areas:
            page.goto(f"{server}{language_prefix(lang)}omraader/{area}/")
            f = page.evaluate(AREA_FIGURES)
            if not f or f["answer"] > h or (f["rules"] is not None and f["rules"] < f["answer"]):
                failures.append(f"{lang} {area}: {f}")
            worst = max(worst, f["answer"] if f else 9e9)
    ctx.close()
    print(round(worst / h, 2), "screens to the end of the area answer (worst)")
    assert not failures, "\n".join(failures)
