"""The questionnaire engine against BEK 1584/2021, one scenario per rule exercised.

Each scenario names the § it exercises. Facts not given are asked for.
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
HOME = {"lives_abroad_eu": False, "complaint_pending": False}


def test_every_area_of_paragraph_1_is_known(tables):
    assert sorted(a["id"] for a in tables.bek_areas()) == sorted(ALL_AREAS)


@pytest.mark.parametrize("area", ALL_AREAS)
def test_para_1_stk_4_living_abroad_under_eu_rules_is_not_covered(tables, area):
    d = decide(tables, area, {"lives_abroad_eu": True})
    assert d.route == "not-covered"
    assert d.legal_basis == ["BEK 1584/2021 § 1, stk. 4"]
    assert d.complaint_to is None and d.decided_by is None


@pytest.mark.parametrize("area,recipient,para", [(a, "udbetaling-danmark", "§ 1, stk. 1") for a in UD_AREAS]
                         + [("seniorpension", "seniorpensionsenheden", "§ 1, stk. 2")]
                         + [(a, "kommunen", "§ 1, stk. 3") for a in KOMMUNE_AREAS])
def test_para_1_recipient_and_mandatory_self_service(tables, area, recipient, para):
    d = decide(tables, area, {**HOME, "special_circumstances": False})
    assert d.route == "digital"
    assert d.recipient == recipient
    assert f"BEK 1584/2021 {para}" in d.legal_basis
    assert d.authority_may_accept_paper is True  # §§ 4-5, 10-11, 15, 18 stk. 1


@pytest.mark.parametrize("area,single,future,attendance", [
    ("folkepension", "§ 2, stk. 1", "§ 2, stk. 2", "§ 3, stk. 1"),
    ("seniorpension", "§ 7, stk. 1", "§ 7, stk. 2", "§ 8, stk. 1"),
    ("helbredstillaeg", "§ 13, stk. 1", "§ 13, stk. 2", "§ 14, stk. 1"),
    ("beboerindskud", "§ 16, stk. 1", "§ 16, stk. 2", "§ 17, stk. 1"),
])
def test_special_circumstances_kommune_decides_single_or_all_future(tables, area, single, future, attendance):
    facts = {**HOME, "special_circumstances": True, "urgency_only": False}
    one = decide(tables, area, {**facts, "scope": "this_application"})
    assert one.route == "other-way-this-application"
    assert one.decided_by == "kommunen"
    assert one.personal_attendance_required is False          # decided without attendance
    assert f"BEK 1584/2021 {single}" in one.legal_basis
    assert f"BEK 1584/2021 {future}" not in one.legal_basis
    allf = decide(tables, area, {**facts, "scope": "all_future", "can_attend": True})
    assert allf.route == "other-way-all-future"
    assert allf.personal_attendance_required is True           # attendance for all future ones
    assert {f"BEK 1584/2021 {future}", f"BEK 1584/2021 {attendance}"} <= set(allf.legal_basis)


@pytest.mark.parametrize("area", ALL_AREAS)
def test_attendance_exception_when_the_citizens_situation_prevents_it(tables, area):
    # §§ 3, 8, 14, 17 stk. 1, 3. pkt.: "med mindre fremmøde ikke er muligt på grund af borgerens situation"
    d = decide(tables, area, {**HOME, "special_circumstances": True, "urgency_only": False,
                              "scope": "all_future", "can_attend": False})
    assert d.route == "other-way-all-future"
    assert d.personal_attendance_required is False


def test_para_16_stk_2_urgency_alone_never_covers_future_applications(tables):
    d = decide(tables, "beboerindskud", {**HOME, "special_circumstances": True, "urgency_only": True,
                                         "scope": "all_future", "can_attend": True})
    assert d.route == "other-way-this-application"
    assert "BEK 1584/2021 § 16, stk. 2" in d.legal_basis
    assert d.personal_attendance_required is False


def test_urgency_is_asked_only_for_beboerindskud(tables):
    facts = {**HOME, "special_circumstances": True}
    assert decide(tables, "beboerindskud", facts).next_question == "urgency_only"
    for area in ALL_AREAS:
        if area != "beboerindskud":
            assert decide(tables, area, facts).next_question == "scope"


@pytest.mark.parametrize("area,para,body", [(a, "§ 6, stk. 3", "ankestyrelsen") for a in UD_AREAS if a != "sundhedsloven"]
                         + [("sundhedsloven", "§ 6, stk. 3", "patientombuddet"),
                            ("seniorpension", "§ 12, stk. 2", "ankestyrelsen"),
                            ("personligt-tillaeg", "§ 18, stk. 2", "ankestyrelsen"),
                            ("helbredstillaeg", "§ 18, stk. 2", "ankestyrelsen")])
def test_complaint_keeps_the_paper_route_open(tables, area, para, body):
    d = decide(tables, area, {"lives_abroad_eu": False, "complaint_pending": True})
    assert d.route == "paper-during-complaint"
    assert d.complaint_to == body
    assert f"BEK 1584/2021 {para}" in d.legal_basis


def test_para_6_stk_2_health_act_complaints_go_to_patientombuddet(tables):
    d = decide(tables, "sundhedsloven", {**HOME, "special_circumstances": False})
    assert d.complaint_to == "patientombuddet"
    assert "BEK 1584/2021 § 6, stk. 2" in d.legal_basis
    assert "BEK 1584/2021 § 6, stk. 1" not in d.legal_basis


def test_para_18_stk_2_beboerindskud_complaint_about_urgency_only_decision_has_no_paper_route(tables):
    asked = decide(tables, "beboerindskud", {"lives_abroad_eu": False, "complaint_pending": True})
    assert asked.next_question == "urgency_only" and asked.route is None
    paper = decide(tables, "beboerindskud", {"lives_abroad_eu": False, "complaint_pending": True, "urgency_only": False})
    assert paper.route == "paper-during-complaint"
    no_paper = decide(tables, "beboerindskud", {"lives_abroad_eu": False, "complaint_pending": True, "urgency_only": True})
    assert no_paper.route is None and no_paper.next_question == "special_circumstances"


def test_missing_facts_are_asked_in_order(tables):
    order = []
    facts = {}
    answers = {"lives_abroad_eu": False, "complaint_pending": False, "special_circumstances": True,
               "scope": "all_future", "can_attend": True}
    while True:
        d = decide(tables, "folkepension", facts)
        if d.next_question is None:
            break
        assert d.route is None and d.legal_basis == []
        order.append(d.next_question)
        facts[d.next_question] = answers[d.next_question]
    assert order == ["lives_abroad_eu", "complaint_pending", "special_circumstances", "scope", "can_attend"]


@pytest.mark.parametrize("area,facts,message", [
    ("pension", {}, "unknown area 'pension'; allowed areas: "),
    ("flytning", {}, "unknown area 'flytning'"),           # not covered by BEK 1584/2021
    ("folkepension", {"abroad": True}, "unknown fact 'abroad'; allowed facts: lives_abroad_eu"),
    ("folkepension", {"lives_abroad_eu": "yes"}, "fact 'lives_abroad_eu' must be true or false, not 'yes'"),
    ("folkepension", {"lives_abroad_eu": 1}, "must be true or false, not 1"),
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
                         "complaint_to", "authority_may_accept_paper", "legal_basis"]
    assert out["route"] == "other-way-this-application" and out["decided_by"] == "kommunen"


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
