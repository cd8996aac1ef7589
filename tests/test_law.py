"""The law itself is the test: scenario tables, coverage of the text, and a wording guard.

- tests/scenarios/*.yaml: cases written from BEK 1584/2021 and LOV 603/2023 (not from the
  engine's output); each names the provision it exercises.
- Coverage: every § and stk. of BEK 1584/2021, read from the source text, is cited by a rule
  or listed in tests/scenarios/unshown.yaml with the reason it is not shown.
- Wording: a rule whose duty depends on the authority's assessment (modality skal-hvis) must
  say who assesses; no citizen-facing text may state such a duty as a plain right.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.engine import ROUTES, decide

HERE = Path(__file__).parent
SCENARIOS = sorted((HERE / "scenarios").glob("*.yaml"))
BEK_TEXT = HERE.parent / "sources" / "bek-1584-2021.txt"


def _cases():
    for path in SCENARIOS:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "cases" not in doc:
            continue
        groups = doc.get("groups", {})
        for n, case in enumerate(doc["cases"], 1):
            areas = case["areas"]
            areas = groups[areas] if isinstance(areas, str) else areas
            for area in areas:
                yield pytest.param(case, area, id=f"{path.stem}#{n}-{area}-{case['exercises']}")


CASES = list(_cases())


def facts_for(case, area) -> dict:
    """The case's facts, with "<area>" standing for the area under test."""
    return {k: (area if v == "<area>" else v) for k, v in case["facts"].items()}


@pytest.mark.parametrize("case,area", CASES)
def test_scenario(tables, case, area):
    d = decide(tables, area, facts_for(case, area)).to_json()
    for key, value in case.get("expect", {}).items():
        assert d[key] == value, f"{key}: law says {value!r}, engine gives {d[key]!r} ({case['why']})"
    for cite in case.get("basis", []):
        assert cite in d["legal_basis"], f"{cite} missing from {d['legal_basis']} ({case['why']})"
    for cite in case.get("not_basis", []):
        assert cite not in d["legal_basis"], f"{cite} should not be cited ({case['why']})"


def test_scenarios_cover_every_area_and_every_reachable_route(tables):
    from generator.flow import Flow
    flow = Flow(tables)
    covered = set()
    for param in CASES:
        case, area = param.values
        route = decide(tables, area, facts_for(case, area)).route
        if route and case.get("expect", {}).get("route") == route:
            covered.add((area, route))
    reachable = {(n.area, flow.decision(n).route) for n in flow.nodes() if flow.decision(n).route}
    assert reachable - covered == set(), "no scenario states the law for these (area, route) pairs"
    assert {r for _, r in reachable} == set(ROUTES)


# ------------------------------------------------------------------ coverage of the text
def bek_provisions(text: str) -> list[str]:
    """Every '§ N' (a § with one stk.) or '§ N, stk. M' of the order's text, in order."""
    from generator.bek_index import parse
    out = []
    for para, stks in parse(text).items():
        out += [para] if len(stks) == 1 else [f"{para}, stk. {n}" for n in sorted(stks)]
    return out


def test_the_text_is_parsed_into_its_provisions():
    provisions = bek_provisions(BEK_TEXT.read_text(encoding="utf-8"))
    assert provisions[:4] == ["§ 1, stk. 1", "§ 1, stk. 2", "§ 1, stk. 3", "§ 1, stk. 4"]
    assert "§ 4" in provisions and "§ 9" in provisions and "§ 19" not in provisions
    assert provisions[-1] == "§ 20, stk. 3"
    assert len(provisions) == 43


def test_every_provision_of_bek_1584_is_cited_or_deliberately_unshown(tables):
    provisions = bek_provisions(BEK_TEXT.read_text(encoding="utf-8"))
    unshown = yaml.safe_load((HERE / "scenarios" / "unshown.yaml").read_text(encoding="utf-8"))["unshown"]
    cited = set()
    for rule in tables.rules.values():
        if rule["source"] != "bek-1584-2021":
            continue
        c = rule["citation"]
        cited.add(c)
        if "stk." not in c:  # '§ 20' cites every stk. of § 20
            cited.update(p for p in provisions if p.startswith(c + ","))
    for item in unshown:
        assert item["reason"].strip(), f"{item['provision']}: say why it is not shown"
        assert item["provision"] not in cited, f"{item['provision']} is cited; remove it from unshown.yaml"
    missing = [p for p in provisions if p not in cited and p not in {u["provision"] for u in unshown}]
    assert missing == [], f"provisions neither cited nor listed as unshown: {missing}"
    figures = (len([p for p in provisions if p in cited]), len(unshown), len(provisions))
    print("\ncoverage of BEK 1584/2021 (cited / deliberately unshown / total stk.): %d / %d / %d" % figures)


# ------------------------------------------------------------------ wording guard
ASSESSMENT = re.compile(r"\b(finder|vurderer|mener)\b")
# A duty of the kommune stated as a plain fact, or a right stated without a condition.
UNCONDITIONAL = re.compile(r"(skal (kommunen )?tilbyde|har (du )?ret til|kommunen skal lade dig|må du søge)", re.I)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?:])\s+", text) if s]


def test_conditional_rules_say_who_assesses(tables):
    for rule in tables.rules.values():
        if rule["modality"] == "skal-hvis":
            assert ASSESSMENT.search(rule["says"]), f"{rule['id']}: say that the authority assesses it"
            for s in sentences(rule["says"]):
                if UNCONDITIONAL.search(s):
                    assert re.search(r"\bHvis\b.*\b(finder|vurderer)\b", s), f"{rule['id']}: '{s}' states the duty without its condition"


def test_discretion_is_never_stated_as_a_duty(tables):
    for rule in tables.rules.values():
        if rule["modality"] == "kan":
            assert " kan " in f" {rule['says']} ", f"{rule['id']}: a 'kan' rule must say 'kan'"
            duty = re.search(r"\b(Kommunen|kommunen|Danmark|Seniorpensionsenheden|den) skal\b|\bhar ret\b", rule["says"])
            assert not duty, f"{rule['id']}: a 'kan' rule must not make the authority's choice a duty"


def _citizen_texts(tables):
    q = tables.questionnaire
    for o in q["outcomes"]:
        yield o["route"], [o["title"], o["request"], *o["todo"]]
    for f in q["facts"]:
        yield f["fact"], [f["question"], f.get("hint", ""), *[a["label"] for a in f["answers"]]]
    yield "special_circumstances", [tables.special_circumstances["intro"], *tables.special_circumstances["items"]]
    yield "general_model", tables.general_model["says"]
    yield "general_model_digital_post", [tables.general_model["digital_post"]["says"]]
    yield "reminders", [r["says"] for r in tables.help["reminders"]]


def test_no_citizen_text_turns_an_assessment_into_a_right(tables):
    rights = {"other-way-digital-post-exempt", "general_model_digital_post"}  # LOV 603/2023 § 2, stk. 1: a right on request
    for where, texts in _citizen_texts(tables):
        for text in texts:
            for s in sentences(text):
                if UNCONDITIONAL.search(s) and where not in rights:
                    assert re.search(r"\b(Hvis|hvis)\b.*\b(finder|vurderer)\b", s), f"{where}: '{s}' states a right the law makes depend on the kommune's assessment"


def test_the_special_circumstances_are_examples_not_a_definition(tables):
    intro = tables.special_circumstances["intro"]
    assert "fx" in intro and ASSESSMENT.search(intro)


def test_only_clear_economic_advantages_let_an_authority_accept_paper(tables):
    for rule in tables.rules.values():
        if rule["kind"] == "discretion-economy":
            assert "klare fordele" in rule["says"] and "samlet økonomisk vurdering" in rule["says"], rule["id"]
            assert "passer" not in rule["says"], f"{rule['id']}: 'efter sagens karakter' is 2. pkt. and covers a meddelelse only"
        if rule["kind"] == "discretion-notice":
            assert rule["pkt"] == 2 and "meddelelse" in rule["says"] and "ansøgning" not in rule["says"], rule["id"]


def test_notices_are_covered_except_for_beboerindskud(tables):
    for rule in tables.rules.values():
        if rule["kind"] in ("mandatory", "other-way-single", "other-way-future", "attendance-future"):
            bolig = rule["chapters"] == ["kommunen-beboerindskud"]
            # § 16, stk. 2 extends to "ansøgninger og meddelelser m.v." of the group in bilag 3
            if rule["kind"] in ("other-way-future", "attendance-future") or not bolig:
                assert "meddelelse" in rule["says"], f"{rule['id']}: the text covers 'ansøgninger og meddelelser m.v.'"
            else:
                assert "meddelelse" not in rule["says"], f"{rule['id']}: beboerindskud covers applications only"


def test_unsourced_sentences_are_gone(tables):
    texts = " ".join(t for _, ts in _citizen_texts(tables) for t in ts)
    texts += " ".join(ch["what"] for ch in tables.help["channels"])
    for phrase in ("og frivillige", "Tag billedlegitimation med", "Du kan godt have en hjælper med",
                   "En fast aftale får du"):
        assert phrase not in texts


def test_health_cards_processed_by_udbetaling_danmark_belong_to_the_health_act_area(tables):
    assert "EU-sygesikringskort" in tables.areas["sundhedsloven"]["summary"]
    assert tables.chapters[tables.areas["sundhedsloven"]["chapter"]]["recipient"] == "udbetaling-danmark"
    assert "gult" in tables.areas["sundhedskort"]["summary"]
    assert "Bestil et nyt gult sundhedskort eller et blåt" not in tables.areas["sundhedskort"]["summary"]


def test_complaint_question_states_the_conditions_of_the_law(tables):
    """§§ 6 stk. 3, 12 stk. 2 and 18 stk. 2: a complaint about the kommune's decision on another
    way, not yet decided; which benefit it was about is the next question (complaint_area), so
    the conditions no longer ask the citizen to judge "samme gruppe" (third review, M1)."""
    for area in ("folkepension", "seniorpension", "helbredstillaeg", "beboerindskud"):
        items = " ".join(tables.hint_list("complaint_conditions", area))
        assert "ikke færdigbehandlet" in items and "anden måde" in items and "samme gruppe" not in items
    q = tables.fact("complaint_pending")
    # the Mehmet case: a complaint about the amount of a benefit is not this complaint
    assert "anden måde" in q["question"] and "beløbet" in q["hint"]
    assert tables.fact("complaint_area")["question"].startswith("Hvilken ydelse")
    rule = dict(tables.rule_of("seniorpension", "complaint-paper"))
    rule["says"] += " " + tables.rule_of("seniorpension", "complaint-paper-scope")["says"]
    # S2: the narrow reading is not stated as settled (the scope is a rule of its own, shown with it)
    assert "som klagen handler om" in rule["says"] and "ikke helt klart" in rule["says"]
    assert "Det gælder kun den ansøgning" not in rule["says"] and "på denne side" not in rule["says"]
    # § 12, stk. 2 limits what Seniorpensionsenheden must do; it does not bar the other ways
    # (LOV 603/2023, § 7): "Andre ansøgninger skal du stadig sende digitalt" denied the Digital Post right
    assert "stadig sende digitalt" not in rule["says"]
    assert "digital-post" in tables.outcome("paper-during-complaint")["sections"]


def test_complaints_are_sent_to_the_kommune_not_to_ankestyrelsen(tables):
    """retssikkerhedsloven § 66: the kommune reassesses and sends the complaint on."""
    for rule in tables.rules.values():
        if rule["kind"] == "complaint-body":
            assert "klage til Ankestyrelsen" not in rule["says"], rule["id"]
    how = " ".join(r["says"] for r in tables.rules.values() if r["kind"] == "complaint-how")
    assert "til kommunen, ikke til Ankestyrelsen" in how and "4 uger" in how


def test_attendance_is_the_kommunes_call_not_the_citizens_answer(tables):
    """§§ 3, 8, 14, 17 stk. 1, 3. pkt.: 'med mindre fremmøde ikke er muligt' is for the kommune to judge."""
    o = tables.outcome("other-way-all-future")
    assert "kan kommunen beslutte det uden at se dig" in o["attendance"]["not_possible"]
    assert "aftale" not in o["attendance"]["required"] + o["attendance"]["not_possible"]


def test_the_digital_post_route_names_no_one_who_decides(tables):
    """LOV 603/2023 § 2, stk. 1: a right on request; the kommune has no discretion to show."""
    o = tables.outcome("other-way-digital-post-exempt")
    assert "who-decides" not in o["sections"]
    from generator.engine import decide
    d = decide(tables, "folkepension", {"lives_abroad": False, "complaint_pending": False, "digital_post_exempt": True})
    assert d.decided_by is None
    says = tables.rule_of("folkepension", "digital-post-right")["says"]
    assert "Kommunen skal sige ja" in says
    # "Den skal ikke vurdere" reads as "need not assess" (five of seven translations said so, leaving
    # room to assess and refuse); the right does not depend on an assessment at all
    assert "Den vurderer ikke, om du har særlige forhold" in says
    assert not [r["id"] for r in tables.rules.values() if "skal ikke vurdere" in r["says"]]


def test_urgency_alone_has_its_own_wording(tables):
    """§ 16: the citizen who can file digitally but whose case is urgent must not be made to say otherwise."""
    o = tables.outcome("other-way-this-application", {"urgent": True, "special_circumstances": False})
    assert "haster" in o["request"] and "kan ikke" not in o["request"] and "mener ikke" not in o["request"]
    assert tables.outcome("other-way-this-application", {"special_circumstances": True}) is not o


def test_ud_phone_numbers_cite_the_page_they_come_from(tables):
    ud = next(c for c in tables.help["channels"] if c["id"] == "udbetaling-danmark-telefon")
    assert ud["source"] == "borger-dk-eu-sygesikringskort"


def _all_texts(tables):
    return [text for text, _path, _line in tables.texts]


def test_the_kommunes_yes_is_a_decision_that_carries_to_udbetaling_danmark(tables):
    """§ 3, stk. 1 and 3 (second legal review): the walkthrough called the kommune's yes an
    "aftale" (hiding the right to complain) valid "kun hos den myndighed, der har givet den"."""
    texts = _all_texts(tables)
    assert not [t for t in texts if re.search(r"\baftalen\b", t, re.IGNORECASE)]
    assert not [t for t in texts if "kun hos den myndighed" in t]
    receipt = " ".join(t for t in texts if "giver kommunen selv Udbetaling Danmark besked" in t)
    # third review S19: a single decision (§ 2, stk. 1) covers "en konkret ansøgning", not the group
    assert "Gælder afgørelsen kun denne ansøgning, gælder den ikke dine næste ansøgninger" in receipt


def test_the_citizen_asks_for_leave_the_kommune_does_not_send(tables):
    """In Danish "bede kommunen om at sende" makes the kommune the sender (second legal review):
    the citizen asks for leave ("om lov til") and sends the application."""
    offenders = [t for t in _all_texts(tables)
                 if re.search(r"bede kommunen (\(Borgerservice\) )?om at (sende|søge)", t)]
    assert not offenders, offenders[:3]


def test_the_digital_post_right_depends_on_the_law_not_on_a_form(tables):
    """LOV 603/2023 § 1-2: the right reaches every self-service whose law allows another way,
    not only where "myndigheden har en" (a paper form); and it is stated in the general-model areas."""
    assert not [t for t in _all_texts(tables) if "myndigheden har en" in t]
    dp = tables.general_model["digital_post"]
    assert dp["source"] == "lov-603-2023" and "ret til" in dp["says"] and "vurderer ikke" in dp["says"]


def test_an_authoritys_own_discretion_says_the_citizen_cannot_count_on_it(tables):
    """§§ 5, 11, 15: 'klare fordele' are the authority's, in its own assessment (second legal review)."""
    for rule in tables.rules.values():
        if rule["kind"] == "discretion-economy" and rule["chapters"] != ["kommunen-beboerindskud"]:
            assert "der vurderer det" in rule["says"] and "ikke regne med" in rule["says"], rule["id"]


def test_digital_post_exemption_grounds_carry_their_limits(tables):
    """Second legal review: the grounds were listed without their limits (a citizen signs that one
    applies), and the 512 kbit/s ground, found only in older lists, was stated as current."""
    dp = tables.help["digital_post"]
    grounds = " ".join(dp["grounds"])
    assert "512" not in grounds and any("512" in u for u in dp["unverified"])
    assert "kognitiv" in grounds and "ikke kan bruge Digital Post" in grounds
    assert any("mindst én af grundene" in s and "hvilken" in s for s in dp["says"])


# ------------------------------------------------------------ third legal review (2026-12-04)
def test_third_review_should_points_stay_fixed(tables):
    """Each SHOULD point of reviews/2026-12-04-third-legal-review.md that is fixed in the tables."""
    r = tables.rules
    # S1: § 9 is about notices on payment, not the payment itself
    assert "beskeder, du sender om udbetalingen" in r["sp-besked-udbetaling"]["says"]
    assert "udbetalingen af din seniorpension" not in r["sp-besked-udbetaling"]["says"]
    # S6: who decides never reads 'bestemmer' after the Digital Post right
    for c in tables.chapters.values():
        assert "bestemmer" not in c["who_decides"] and "skal kommunen sige ja" in c["who_decides"]
    # S7 and independent check SHOULD 9: § 18, stk. 3 gives no right to complain. The complaint rule
    # says what the order presupposes (`info`, "går ud fra"); the notice is the kommune's duty (`skal`)
    cites = {x["id"]: x for x in r.values() if x["source"] == "bek-1584-2021" and x["citation"] == "§ 18, stk. 3"}
    assert set(cites) == {"kommune-klage-ankestyrelsen", "kommune-klage-besked"}
    assert cites["kommune-klage-ankestyrelsen"]["modality"] == "info" and "går ud fra" in cites["kommune-klage-ankestyrelsen"]["says"]
    assert "besked" not in cites["kommune-klage-ankestyrelsen"]["says"]
    assert cites["kommune-klage-besked"]["modality"] == "skal" and "giver kommunen Udbetaling Danmark besked" in cites["kommune-klage-besked"]["says"]
    # S8 and independent check SHOULD 8: the duty to offer is § 16, stk. 1; it is read with § 16, stk. 2,
    # 2. pkt. and § 18, stk. 2, 2. pkt., which presuppose that urgency alone can ground it
    assert r["kb-hast"]["citation"] == "§ 16, stk. 1" and "pkt" not in r["kb-hast"]
    assert [(j["citation"], j.get("pkt")) for j in r["kb-hast"]["jf"]] == [("§ 16, stk. 2", 2), ("§ 18, stk. 2", 2)]
    # S9: the deadline runs from the complaint guidance; decisions can be oral
    frist = r["klage-frist"]["says"]
    assert "at vide, hvordan du klager" in frist and "mundtligt" in frist and "står i brevet" not in frist
    # S10: the 4-week kommune route is said to be the Ankestyrelsen route
    assert "klagevejledningen" in r["ud-klage-patientombuddet"]["says"] and "Ankestyrelsen" in r["ud-klage-patientombuddet"]["says"]
    # S12: abroad without the EU rules: whom to ask
    assert "hvilken kommune der kan beslutte" in r["udland-uden-eu"]["says"]
    # S13: EU cover is not a matter of where you live
    eu = tables.fact("eu_social_security")["hint"]
    assert "ikke nok at bo" in eu and "De gælder fx, hvis du bor" not in eu
    # S14: the general model's discretion is the kommune's, not the citizen's option
    gm = " ".join(tables.general_model["says"])
    assert "Du kan ikke regne med det" in gm and "En besked om en ændring kan kommunen" not in gm
    # S21: no unsourced benefit summaries
    for a in ("foertidspension", "seniorpension", "personligt-tillaeg", "helbredstillaeg", "beboerindskud", "boerne-og-ungeydelse", "barsel"):
        s = tables.areas[a]["summary"]
        for claim in ("behandler kommunen", "arbejdet længe", "meget dårlig", "briller", "almen bolig", "fast beløb", "Orlov"):
            assert claim not in s, (a, claim)
    # S24: a rejected paper application can cost money
    for rid in ("ud-enkelt-papir", "sp-enkelt-papir"):
        says = next(x for x in tables.help["reminders"] if x["id"] == rid)["says"]
        assert "måske penge" in says
    # S25: the language ground carries its limit; smartphone or tablet: ask
    grounds = " ".join(tables.help["digital_post"]["grounds"])
    assert "så svært ved sproget, at du ikke kan bruge Digital Post" in grounds and "smartphone eller tablet" in grounds


def test_third_review_walkthrough_sentences(tables):
    w = tables.walkthroughs
    texts = lambda wid: " ".join(str(v) for s in w[wid]["steps"] for v in
                                 [s.get("helper_tip"), s.get("mistake"), s.get("see")] +
                                 [e.get("text") or e.get("wrong") for e in s["screen"]["elements"]])
    brev, adgang, anden = texts("digital-post-brev"), texts("digital-post-adgang"), texts("anden-maade")
    assert "kom i din indbakke, også selvom du åbner det senere" in brev                        # S15
    assert "Det skal du kun, hvis brevet beder dig om det" not in brev and "til at klage" in brev  # S16
    assert "Læseadgang betyder ikke" not in adgang and "Det kræver en fuldmagt" not in adgang     # S18
    assert "ligger i borgerens indbakke" in adgang
    assert "hos andre myndigheder, fx når du melder flytning" not in anden                        # S19
    assert "gælder den ikke dine næste ansøgninger" in anden
    assert "måske penge" in anden                                                                 # S24
    # S17: the Digital Post letter is Udbetaling Danmark's decision; a complaint about it goes there
    assert "Klager du over Udbetaling Danmarks afgørelse, sender du klagen til Udbetaling Danmark" in brev


def test_independent_check_should_points_stay_fixed(tables):
    """The independent legal check of 2026-12-04 (reviews/2026-12-04-independent-check-of-the-fix.md),
    SHOULD 5, 6, 10, and the third review's S11: each assertion fails on the tables before the fix."""
    r = tables.rules
    # SHOULD 5: the complaint question covers any decision on another way (a no, or a yes for one application)
    complaint = tables.fact("complaint_pending")
    assert "om, hvorvidt du må" in complaint["question"] and "om, at du ikke må" not in complaint["question"]
    assert "et ja, der kun gælder én ansøgning" in complaint["hint"]
    # SHOULD 6: the complaint-paper rules carry their condition (a complaint about a decision on
    # another way, in the group or about that application) in their own text, as area pages show them
    for rule in [x for x in r.values() if x["kind"] == "complaint-paper"]:
        assert rule["says"].startswith("Har du klaget over kommunens afgørelse om, hvorvidt du må søge"), rule["id"]
        assert not rule["says"].startswith("Mens din klage"), rule["id"]
    # SHOULD 10: after the Digital Post right the kommune says yes to a way of applying, not to everything
    for c in tables.chapters.values():
        assert "skal kommunen sige ja til, at du sender en ansøgning på en anden måde" in c["who_decides"], c["id"]
    # S11: Patientombuddet has been Styrelsen for Patientklager since 2018 (sources/sundhedsklageloven-1.txt)
    body = tables.authorities["patientombuddet"]
    assert body["name"] == "Styrelsen for Patientklager" and "Patientombuddet" in body["explains"]
    assert "Styrelsen for Patientklager" in r["ud-klage-patientombuddet"]["says"]
