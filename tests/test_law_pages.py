"""The law as the pages say it, rendered in memory (no mkdocs): Danish and one RTL language."""
from __future__ import annotations

import re

import pytest

from generator.build import render_site
from generator.flow import Node

HOME = (("lives_abroad", False), ("complaint_pending", False), ("digital_post_exempt", False))


@pytest.fixture(scope="module")
def renderer():
    r, languages = render_site()
    return r, {l.code: l for l in languages}


def page(renderer, lang, node):
    r, langs = renderer
    url = r.flow.url(node)
    return r.render(r.by_url[url], langs[lang])


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_the_digital_post_route_cites_lov_603_and_the_slip_keeps_pkt(renderer, lang):
    html = page(renderer, lang, Node("folkepension", (("lives_abroad", False), ("complaint_pending", False), ("digital_post_exempt", True))))
    assert 'data-route="other-way-digital-post-exempt"' in html
    slip = html[html.index('class="slip-body"'):html.index("</section>", html.index('class="slip-body"'))]
    assert "LOV 603/2023 § 2, stk. 1" in slip
    single = page(renderer, lang, Node("folkepension", HOME + (("special_circumstances", True), ("scope", "this_application"))))
    slip = single[single.index('class="slip-body"'):]
    assert "BEK 1584/2021 § 3, stk. 1, 1. pkt." in slip and "BEK 1584/2021 § 3, stk. 2, 2. pkt." in slip


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_the_urgent_beboerindskud_case_is_a_route_of_its_own(renderer, lang):
    html = page(renderer, lang, Node("beboerindskud", HOME + (("special_circumstances", False), ("urgent", True))))
    assert 'data-route="other-way-this-application"' in html
    assert "§ 16, stk. 2" in html


def test_the_in_force_date_comes_from_the_sources_table(renderer):
    r, langs = renderer
    html = r.render(r.by_url["omraader/folkepension/"], langs["da"])
    assert "1. august 2021" in html
    r.tables.sources["bek-1584-2021"]["in_force"] = "2021-08-02"
    try:
        html = r.render(r.by_url["omraader/folkepension/"], langs["da"])
    finally:
        r.tables.sources["bek-1584-2021"]["in_force"] = "2021-08-01"
    assert "siden 2. august 2021" in html


def test_no_template_types_a_legal_date_or_section():
    from generator.render import TEMPLATES
    for path in TEMPLATES.glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        code = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
        assert not re.search(r"(?<![-\w])20[12]\d(?![-\w])", code), f"{path.name}: dates come from sources.yaml"
        assert "BEK 1584" not in code and "§" not in code, f"{path.name}: legal references come from the rule tables"


def test_no_template_decides_by_route_or_rule_id():
    """Which parts apply to which route or recipient lives in the YAML (sections, applies_to)."""
    from generator.render import TEMPLATES
    for path in TEMPLATES.glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"route\s*(==|!=|in\b)", text), f"{path.name} branches on a route"
        assert not re.search(r"\.id\s*(==|!=)\s*[\"']", text), f"{path.name} branches on an id"
        assert "equalto\", \"ikke-paa-tvaers" not in text


@pytest.mark.parametrize("lang", ["da", "ar"])
def test_explainer_says_who_assesses_and_gives_examples(renderer, lang):
    r, langs = renderer
    html = re.sub(r"<[^>]+>", "", r.render(r.by_url["omraader/boligstoette/"], langs[lang]))
    da = r.render(r.by_url["omraader/boligstoette/"], langs["da"])
    assert "Det er kommunen, der vurderer, om du har særlige forhold" in da
    assert "Du har særlige forhold, hvis" not in da
    assert "LOV 603/2023 § 2, stk. 1" in html          # the Digital Post right, cited
    assert "Retssikkerhedsloven § 67" in html            # how to complain
