"""Issue 16, area pages answer first (rendered in memory, no mkdocs, no browser): the reader's
answer (must you apply digitally here, when another way is possible, who decides) comes first,
as rule-table sentences with their citations, before the long rule lists; the complaint section
is named for the decision it is about (third legal review, S17)."""
from __future__ import annotations

import html as html_lib
import re

import pytest

COMPLAINT_HEADING = "Klage over kommunens afgørelse om at søge på en anden måde"


def area_ids(tables):
    return [a for a in tables.areas]


def render_area(renderer, lang, area_id):
    r, langs = renderer
    return r.render(r.by_url[f"omraader/{area_id}/"], langs[lang])


def test_every_area_page_answers_before_its_first_rule_section(renderer, tables):
    for area_id in area_ids(tables):
        html = render_area(renderer, "da", area_id)
        start = html.find("data-area-answer")
        assert start != -1, f"{area_id}: no part carries data-area-answer"
        first_h2 = html.find("<h2")
        first_list = min(i for i in (html.find("<ul", start), html.find("<ol", start)) if i != -1)
        assert start < first_h2 and start < first_list, f"{area_id}: the answer does not come before the rules"
        part = html[start:html.find("</div>", start)]
        assert part.count("<p") >= 2, f"{area_id}: the answer has fewer than two sentences"
        assert "answer-cite" in part, f"{area_id}: the answer's sentences carry no citation"


def test_bek_area_answer_is_the_mandatory_and_other_way_rules_with_citations(renderer, tables):
    html = render_area(renderer, "da", "folkepension")
    start = html.find("data-area-answer")
    part = html[start:html.find("</div>", start)]
    for kind in ("mandatory", "other-way-single"):
        for rule in tables.rules_for("folkepension", kind)[:1]:  # the first of each kind answers; the rest are below
            assert rule["says"][:60] in part, f"the answer lacks the {kind} rule"
            assert rule["citation"] in part, f"the answer lacks the citation of the {kind} rule"
            body = html.split('class="legal-basis"')[0]  # the legal basis lists every rule again, by design
            assert body.count(rule["says"][:60]) == 1, f"the {kind} rule is said twice above the legal basis"
    assert "Kommunen vurderer" in part, "the answer does not say who decides"


@pytest.mark.parametrize("lang", ["da", "ar", "so"])
def test_complaint_heading_names_the_decision_it_is_about(renderer, lang):
    r, langs = renderer
    html = render_area(renderer, lang, "boligstoette")
    heading = re.search(r'<h2 id="klage"[^>]*>(.*?)<a class="self-link"', html, re.S)
    assert heading, "no complaint heading"
    expected = COMPLAINT_HEADING if lang == "da" else r.catalogs[lang].messages[COMPLAINT_HEADING]
    assert html_lib.unescape(heading.group(1)).strip() == expected
    assert "Sådan klager du" not in heading.group(1)


def test_area_pages_in_other_languages_open_with_the_one_line_notice_and_give_the_full_one_below_the_answer(renderer):
    r, langs = renderer
    html = render_area(renderer, "so", "folkepension")
    assert html.find("notice--short") < html.find("data-area-answer") < html.find("notice notice--translation\" role")


def test_the_answer_of_a_general_area_is_a_table_sentence_with_its_source(renderer, tables):
    """No legal sentence lives in a template: the general areas' "Ja. Du skal som udgangspunkt
    søge digitalt" comes from areas.yaml (general_model.mandatory) and shows its source."""
    from pathlib import Path
    template = (Path(__file__).resolve().parent.parent / "generator/templates/explainer.md.j2").read_text(encoding="utf-8")
    assert "som udgangspunkt søge digitalt" not in template
    says = tables.general_model["mandatory"]["says"]
    short = tables.sources[tables.general_model["mandatory"]["source"]]["short"]
    for area_id in [a for a in tables.areas if tables.areas[a].get("model") == "general"]:
        page = render_area(renderer, "da", area_id)
        answer = page[page.find("data-area-answer"):page.find("</div>", page.find("data-area-answer"))]
        assert says in html_lib.unescape(answer) and short in answer, area_id
