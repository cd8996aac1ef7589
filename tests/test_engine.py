"""The questionnaire engine: the decide contract v3, its question order and its bad input.

What the law says must follow from each situation is in tests/scenarios/ (tests/test_law.py).
"""
import json
import re
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
    answers = {"lives_abroad": False, "complaint_pending": True, "complaint_area": "beboerindskud", "urgency_only": True,
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
    ("folkepension", {"digital_post_exempt": None}, "fact 'digital_post_exempt' must be true, false or \"unknown\", not None"),
    ("folkepension", {"scope": ["all_future"]}, "fact 'scope' must be \"this_application\" or \"all_future\", not list"),
    ("folkepension", {"scope": "forever"}, 'fact \'scope\' must be "this_application" or "all_future"'),
    ("folkepension", {"complaint_area": "flytning"}, "fact 'complaint_area' must be an area id (as --area takes) or \"unknown\""),
    ("folkepension", {"complaint_area": True}, "fact 'complaint_area' must be an area id"),
    ("folkepension", {"lives_abroad": "unknown"}, "fact 'lives_abroad' must be true or false"),
    ("folkepension", {"urgency_only": "maybe"}, "fact 'urgency_only' must be true, false or \"unknown\""),
    ("folkepension", {"can_attend": "unknown"}, "fact 'can_attend' must be true or false"),
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
                         "complaint_to", "authority_may_accept_paper", "paper_during_complaint_covers",
                         "complaint_effect", "find_out", "legal_basis"]
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


def test_complaint_area_is_asked_right_after_a_pending_complaint_and_before_urgency_only(tables):
    order, facts = [], {}
    answers = {"lives_abroad": False, "complaint_pending": True, "complaint_area": "beboerindskud", "urgency_only": False}
    while (d := decide(tables, "beboerindskud", facts)).next_question:
        order.append(d.next_question)
        facts[d.next_question] = answers[d.next_question]
    assert order == ["lives_abroad", "complaint_pending", "complaint_area", "urgency_only"]
    assert d.route == "paper-during-complaint"


def test_urgency_only_is_asked_only_about_a_beboerindskud_decision(tables):
    for other in ALL_AREAS:
        d = decide(tables, "beboerindskud", {"lives_abroad": False, "complaint_pending": True, "complaint_area": other})
        assert (d.next_question == "urgency_only") == (other == "beboerindskud"), other


def test_a_complaint_opens_the_paper_route_only_where_its_provision_binds_the_receiver(tables):
    """M1 (third legal review): the pairs that open the paper route are exactly those where the
    complaint's regime is the application's (§ 6, stk. 3; § 12, stk. 2; § 18, stk. 2) and the
    groups are settled as one; every cross-regime pair goes on with the questions."""
    regime = {a["id"]: a["chapter"] for a in tables.bek_areas()}
    kap4 = {"kommunen-tillaeg", "kommunen-beboerindskud"}
    for area in ALL_AREAS:
        for other in ALL_AREAS:
            d = decide(tables, area, {"lives_abroad": False, "complaint_pending": True, "complaint_area": other,
                                      "urgency_only": False})
            same_regime = regime[area] == regime[other] or {regime[area], regime[other]} <= kap4
            if area == other:
                assert d.route == "paper-during-complaint", (area, other)
            elif not same_regime:
                assert d.route is None and d.next_question == "digital_post_exempt", (area, other)
                assert d.complaint_effect == "does-not-open"
            else:
                assert d.route != "paper-during-complaint", (area, other)


def test_does_not_open_says_so_in_one_cited_sentence(tables):
    facts = {"lives_abroad": False, "complaint_pending": True, "complaint_area": "helbredstillaeg",
             "digital_post_exempt": False, "special_circumstances": False}
    d = decide(tables, "folkepension", facts)
    notes = [r for r in d.rules if r["kind"] == "complaint-does-not-open"]
    assert len(notes) == 1 and notes[0]["citation"] == "§ 6, stk. 3"
    # independent check, SHOULD 11: it is the complaint (a decision under other rules), not the
    # benefit, that does not oblige Udbetaling Danmark
    assert "afgørelse efter andre regler" in notes[0]["says"] and "giver ikke Udbetaling Danmark pligt" in notes[0]["says"]
    assert "ydelse, som ikke giver" not in notes[0]["says"]


def test_unknown_answers_end_in_find_out_and_decide_nothing(tables):
    for facts, fact in [({"lives_abroad": True, "eu_social_security": "unknown"}, "eu_social_security"),
                        ({"lives_abroad": False, "complaint_pending": "unknown"}, "complaint_pending"),
                        ({"lives_abroad": False, "complaint_pending": True, "complaint_area": "unknown"}, "complaint_area"),
                        ({"lives_abroad": False, "complaint_pending": True, "complaint_area": "beboerindskud",
                          "urgency_only": "unknown"}, "urgency_only"),
                        ({**HOME, "digital_post_exempt": "unknown"}, "digital_post_exempt")]:
        for area in (ALL_AREAS if fact != "urgency_only" else ["beboerindskud"]):
            d = decide(tables, area, facts)
            assert d.route == "find-out" and d.find_out == fact, (area, fact)
            assert d.decided_by is None and d.paper_during_complaint_covers is None and not d.personal_attendance_required
            # independent legal check 2026-12-04, MUST 1: a reader who does not know whether (or about
            # which decision) a complaint is pending is never told outright that the authority
            # "skal" process paper: each complaint-paper rule binds one authority for one provision.
            # After "Ved ikke" to urgency_only only that fact is missing: the rule comes with its
            # 2. pkt. exception (second check of the fix, SHOULD 5)
            kinds = [r["kind"] for r in d.rules]
            if fact == "urgency_only":
                assert kinds.index("complaint-paper") < kinds.index("complaint-paper-not-for-urgency"), kinds
                assert d.complaint_effect is None  # not settled until the reader knows
            else:
                assert "complaint-paper" not in kinds, (area, fact)


def test_ved_ikke_states_the_routes_that_do_not_depend_on_the_answer(tables):
    """Independent legal check 2026-12-04, SHOULD 3-4: 'Ved ikke' to a complaint question, or to the
    Digital Post question, and the 'ask first' page of an unsettled group, must not hide the
    routes that hold whatever the answer: the Digital Post right (LOV 603/2023 § 2) and a request
    to the kommune (§§ 2, 7, 13, 16, stk. 1). Each is stated by its own cited rule."""
    cases = [({"lives_abroad": False, "complaint_pending": "unknown"}, ALL_AREAS),
             ({"lives_abroad": False, "complaint_pending": True, "complaint_area": "unknown"}, ALL_AREAS),
             ({"lives_abroad": False, "complaint_pending": True, "complaint_area": "beboerindskud",
               "urgency_only": "unknown"}, ["beboerindskud"]),
             ({"lives_abroad": False, "complaint_pending": True, "complaint_area": "boligstoette"}, ["folkepension"]),
             ({"lives_abroad": False, "complaint_pending": True, "complaint_area": "personligt-tillaeg"}, ["helbredstillaeg"])]
    for facts, areas in cases:
        for area in areas:
            d = decide(tables, area, facts)
            kinds = {r["kind"] for r in d.rules}
            assert d.route == "find-out" and {"digital-post-right", "other-way-single"} <= kinds, (area, facts, kinds)
    d = decide(tables, "barsel", {**HOME, "digital_post_exempt": "unknown"})
    assert "other-way-single" in {r["kind"] for r in d.rules}
    # beboerindskud: urgency is a ground of its own, whatever the answer (second check, SHOULD 4)
    d = decide(tables, "beboerindskud", {"lives_abroad": False, "complaint_pending": "unknown"})
    assert "urgency-reason" in {r["kind"] for r in d.rules} and "other-way-single" in {r["kind"] for r in d.rules}
    # "Ved ikke" to the complaint question: the deadline may be running, so how to complain is
    # on the page (rsl. §§ 66-67) and the complaint body is named (second check, SHOULD 3)
    for area in ALL_AREAS:
        d = decide(tables, area, {"lives_abroad": False, "complaint_pending": "unknown"})
        assert d.complaint_to and {"Retssikkerhedsloven § 66", "Retssikkerhedsloven § 67"} <= set(d.legal_basis), area
    outcome = tables.outcome("find-out", {"complaint_pending": "unknown"})
    assert "complaint" in outcome["sections"] and any("ikke klaget" in t for t in outcome["todo"])
    # and the page's steps say what to do about each, whatever the answer
    for when in ({"complaint_pending": "unknown"}, {"complaint_area": "unknown"}, {"urgency_only": "unknown"},
                 {"complaint_area": "unsettled"}):
        todo = " ".join(tables.outcome("find-out", when)["todo"])
        assert "fritaget for Digital Post" in todo and "kommunen om lov" in todo, when


def test_urgency_only_has_ved_ikke_and_it_opens_nothing(tables):
    """Independent legal check, SHOULD 2: a reader in doubt whether the decision rested on
    urgency alone could only answer 'Nej' and was then told the kommune 'skal' process paper."""
    answers = [a["value"] for a in tables.fact("urgency_only")["answers"]]
    assert "unknown" in answers
    d = decide(tables, "beboerindskud", {"lives_abroad": False, "complaint_pending": True,
                                        "complaint_area": "beboerindskud", "urgency_only": "unknown"})
    assert d.route == "find-out" and d.paper_during_complaint_covers is None
    assert "hastede" in tables.outcome("find-out", {"urgency_only": "unknown"})["title"]


def test_the_slip_is_for_the_authority_that_receives_the_paper(tables):
    """S3: during a complaint the receiver of the paper (§ 6, stk. 3, § 12, stk. 2, § 18, stk. 2);
    abroad under the EU rules the authority applied to; otherwise the kommune, which decides."""
    during = {"lives_abroad": False, "complaint_pending": True, "urgency_only": False}
    assert decide(tables, "folkepension", {**during, "complaint_area": "folkepension"}).slip_to == "udbetaling-danmark"
    assert decide(tables, "seniorpension", {**during, "complaint_area": "seniorpension"}).slip_to == "seniorpensionsenheden"
    assert decide(tables, "helbredstillaeg", {**during, "complaint_area": "helbredstillaeg"}).slip_to == "kommunen-ansoegning"
    assert decide(tables, "barsel", {"lives_abroad": True, "eu_social_security": True}).slip_to == "udbetaling-danmark"
    assert decide(tables, "barsel", {**HOME, "special_circumstances": True, "scope": "this_application"}).slip_to == "kommunen"


def test_no_step_tells_the_reader_to_give_an_answer_that_is_not_true(tables):
    """Independent legal check 2026-12-04, SHOULD 3: the 'ask first' page for a complaint about
    another benefit told the reader to go back and answer 'nej' to the complaint question, an
    answer the slip would then record as the reader's situation."""
    steps = [todo for outcome in tables.questionnaire["outcomes"] for todo in outcome.get("todo", [])]
    assert steps and not [s for s in steps if re.search(r"svar (nej|ja) til", s, re.I)], steps
