"""The questionnaire engine: the decide contract v2, its question order and its bad input.

What the law says must follow from each situation is in tests/scenarios/ (tests/test_law.py).
"""
import json
import subprocess
import sys

import pytest

from generator.engine import DecideError, decide

UD_AREAS = ["boernetilskud", "underholdsbidrag", "boerne-og-ungeydelse", "folkepension",
            "foertidspension", "boligstoette", "barsel", "sundhedsloven"]
KOMMUNE_AREAS = ["personligt-tillaeg", "helbredstillaeg", "beboerindskud"]
ALL_AREAS = UD_AREAS + ["seniorpension"] + KOMMUNE_AREAS
HOME = {"lives_abroad": False, "complaint_pending": False, "digital_post_exempt": False}


def test_every_area_of_paragraph_1_is_known(tables):
    assert sorted(a["id"] for a in tables.bek_areas()) == sorted(ALL_AREAS)


def test_missing_facts_are_asked_in_order(tables):
    order = []
    facts = {}
    answers = {"lives_abroad": True, "eu_social_security": False, "complaint_pending": False,
               "digital_post_exempt": False, "special_circumstances": True, "scope": "all_future", "can_attend": True}
    while True:
        d = decide(tables, "folkepension", facts)
        if d.next_question is None:
            break
        assert d.route is None and d.legal_basis == []
        order.append(d.next_question)
        facts[d.next_question] = answers[d.next_question]
    assert order == ["lives_abroad", "eu_social_security", "complaint_pending", "digital_post_exempt",
                     "special_circumstances", "scope", "can_attend"]


def test_beboerindskud_asks_about_urgency_in_both_places(tables):
    order, facts = [], {}
    answers = {"lives_abroad": False, "complaint_pending": True, "urgency_only": True,
               "digital_post_exempt": False, "special_circumstances": False, "urgent": True}
    while (d := decide(tables, "beboerindskud", facts)).next_question:
        order.append(d.next_question)
        facts[d.next_question] = answers[d.next_question]
    assert order == list(answers)
    assert d.route == "other-way-this-application"


@pytest.mark.parametrize("area,facts,message", [
    ("pension", {}, "unknown area 'pension'; allowed areas: "),
    ("flytning", {}, "unknown area 'flytning'"),           # not covered by BEK 1584/2021
    ("folkepension", {"abroad": True}, "unknown fact 'abroad'; allowed facts: lives_abroad, eu_social_security"),
    ("folkepension", {"lives_abroad_eu": True}, "unknown fact 'lives_abroad_eu'"),   # contract v1, retired
    ("folkepension", {"lives_abroad": "yes"}, "fact 'lives_abroad' must be true or false, not 'yes'"),
    ("folkepension", {"lives_abroad": 1}, "must be true or false, not 1"),
    ("folkepension", {"digital_post_exempt": None}, "fact 'digital_post_exempt' must be true or false, not None"),
    ("folkepension", {"scope": ["all_future"]}, "fact 'scope' must be \"this_application\" or \"all_future\", not list"),
    ("folkepension", {"scope": "forever"}, 'fact \'scope\' must be "this_application" or "all_future"'),
])
def test_bad_input_names_the_problem_and_the_allowed_values(tables, area, facts, message):
    with pytest.raises(DecideError) as exc:
        decide(tables, area, facts)
    assert message in str(exc.value)


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "generator", "decide", *args], capture_output=True, text=True)


def test_decide_command_prints_the_contract_fields():
    result = run_cli("--area", "folkepension", "--facts", json.dumps({**HOME, "special_circumstances": True, "scope": "this_application"}), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert list(out) == ["area", "route", "next_question", "recipient", "decided_by", "personal_attendance_required",
                         "complaint_to", "authority_may_accept_paper", "paper_during_complaint_covers", "legal_basis"]
    assert out["route"] == "other-way-this-application" and out["decided_by"] == "kommunen"
    assert out["paper_during_complaint_covers"] is None
    assert "BEK 1584/2021 § 2, stk. 1" in out["legal_basis"]


@pytest.mark.parametrize("args,needle", [
    (["--area", "nope"], "unknown area 'nope'"),
    (["--area", "folkepension", "--facts", "{not json"], "--facts is not valid JSON"),
    (["--area", "folkepension", "--facts", '{"x": 1}'], "unknown fact 'x'"),
])
def test_decide_command_rejects_bad_input_with_one_line(args, needle):
    result = run_cli(*args)
    assert result.returncode != 0
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
