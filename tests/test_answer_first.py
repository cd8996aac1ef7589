"""Issue 16, "Answer first", as the pages say it, rendered in memory (no mkdocs, no browser):
outcome pages lead with the answer (rule-table sentences with their citations), then what to do
now, then the way to the slip; the slip and the reader's printed part; the one-line translation
notice on question pages; headings that link to themselves; practice fields that can be checked."""
from __future__ import annotations

import re

import pytest

from generator.flow import Node
from generator.outcome_answer import ANSWER_KINDS, MAX_SENTENCES, answer_rules, sentences

from rendered import render_node as render

HOME = (("lives_abroad", False), ("complaint_pending", False), ("digital_post_exempt", False))
ALL_FUTURE = Node("folkepension", HOME + (("special_circumstances", True), ("scope", "all_future"), ("can_attend", True)))


def outcome_nodes(flow):
    return [n for n in flow.nodes() if flow.decision(n).route]


def test_every_outcome_answers_in_at_most_three_rule_sentences_from_its_legal_basis(renderer):
    r, _ = renderer
    routes = set()
    for node in outcome_nodes(r.flow):
        d = r.flow.decision(node)
        answer = answer_rules(d)
        # "Ved ikke" (find-out): the heading and the steps say how to find out; no rule answers yet
        assert bool(answer) == (d.route != "find-out"), f"{r.flow.url(node)}: {[x['id'] for x in answer]}"
        assert all(rule in d.rules for rule in answer), "an answer sentence outside the page's legal basis"
        assert sum(sentences(rule["says"]) for rule in answer) <= MAX_SENTENCES, [rule["id"] for rule in answer]
        routes.add(d.route)
    assert routes == set(ANSWER_KINDS)


def test_sentences_are_counted_as_a_reader_sees_them():
    assert sentences("Du kan. Det gælder § 3, stk. 1.") == 2
    assert sentences("Ja") == 0


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_outcome_order_answer_then_steps_then_slip_link_then_the_rules(renderer, lang):
    r, _ = renderer
    for node in outcome_nodes(r.flow)[::7]:
        html = render(renderer, lang, node)
        order = [html.index(mark) for mark in ("data-outcome-answer", "data-outcome-actions", "data-slip-link",
                                               'id="seddel"', 'id="lovgrundlag"')]
        assert order == sorted(order), f"{r.flow.url(node)}: {order}"
        if 'id="det-betyder-det"' in html:
            assert html.index("data-slip-link") < html.index('id="det-betyder-det"')
        answer = html[html.index("data-outcome-answer"):html.index("data-outcome-actions")]
        for rule in answer_rules(r.flow.decision(node)):
            assert f'data-rule="{rule["id"]}"' in answer and rule["citation"] in answer


def test_joergens_answer_says_whether_he_must_attend(renderer):
    html = render(renderer, "da", ALL_FUTURE)
    answer = html[html.index("data-outcome-answer"):html.index("data-outcome-actions")]
    assert "skal du møde op i kommunen" in answer and "BEK 1584/2021" in answer


@pytest.mark.parametrize("lang,spoken", [("ar", "arabisk"), ("fa", "persisk"), ("so", "somali")])
def test_the_slip_names_the_readers_language_and_has_lines_to_fill_in(renderer, lang, spoken):
    html = render(renderer, lang, ALL_FUTURE)
    slip = html[html.index('class="slip-body"'):html.index("</div>", html.index("data-slip-lines"))]
    assert f"Jeg taler {spoken}." in slip
    for words in ("Navn", "CPR-nummer", "Telefon", "Dato", "Fra siden »Digital selvbetjening"):
        assert words in slip
    reader = re.search(r'<section class="print-reader" data-print-reader lang="([a-z]+)" dir="(rtl|ltr)"', html)
    assert reader and reader.group(1) == lang
    part = html[reader.start():html.index("</section>", reader.start())]
    steps = html[html.index("data-outcome-actions"):html.index("data-slip-link")]
    assert part.count("<li>") == steps.count("<li>") > 0, "the reader's part has every step"
    assert "4" in part, "the reader's part has the complaint deadline"


def test_danish_slip_does_not_say_which_language_the_reader_speaks(renderer):
    assert "Jeg taler" not in render(renderer, "da", ALL_FUTURE)


def test_without_javascript_the_page_says_how_to_print(renderer):
    html = render(renderer, "ar", ALL_FUTURE)
    assert "data-print-help" in html and 'class="print-action" hidden' in html


def test_question_pages_carry_a_one_line_notice_and_outcomes_the_full_one(renderer):
    r, langs = renderer
    question = render(renderer, "ar", Node("folkepension", ()))
    assert "notice--short" in question and "notice--translation" in question
    assert r.catalogs["ar"].messages["Maskinoversat."] in question
    full = r.catalogs["ar"].messages[
        "Denne side er oversat med hjælp fra maskinoversættelse. En uddannet oversætter har endnu ikke gennemset den. "
        "Er du i tvivl, så se den danske side eller spørg i Borgerservice."].split(".")[0]  # (the rest holds an isolated Danish name)
    assert full not in question
    assert full in render(renderer, "ar", ALL_FUTURE)
    assert full in r.render(r.by_url["papir/"], langs["ar"])


def test_answer_links_carry_their_fact(renderer):
    html = render(renderer, "da", Node("folkepension", ()))
    assert 'data-fact="lives_abroad" data-value="true"' in html and 'data-fact="lives_abroad" data-value="false"' in html


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_area_and_outcome_headings_link_to_themselves_with_a_name(renderer, lang):
    r, langs = renderer
    area = r.render(r.by_url["omraader/folkepension/"], langs[lang])
    outcome = render(renderer, lang, ALL_FUTURE)
    for html, ids in ((area, ("klage", "moede-op", "lovgrundlag")), (outcome, ("det-skal-du-goere", "hvis-du-er-uenig", "seddel"))):
        for hid in ids:
            m = re.search(rf'<h2 id="{hid}"[^>]*>.*?<a class="self-link" href="#{hid}"[^>]*>(.*?)</a></h2>', html)
            assert m, f"{lang} {hid}: no self-link"
            assert re.search(r'class="visually-hidden">[^<]+</span>', m.group(1)), f"{lang} {hid}: self-link without a name"


def test_practice_fields_carry_the_personas_value_and_the_error_screen_is_no_verdict(renderer):
    r, langs = renderer
    screen = r.render(r.by_url["demo/folkepension/oev/3/"], langs["da"])
    assert 'data-expect="990159-1234"' in screen and "data-practice-check" in screen
    assert 'data-next-ok="../4/"' in screen  # with JavaScript a right CPR number goes on, not to the error example
    error = r.render(r.by_url["demo/folkepension/oev/3/fejl/"], langs["da"])
    assert "Sådan ser det ud, hvis" in error
