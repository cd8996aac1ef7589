"""Who acts: every legal statement names the authority the cited provision names.

The actor of each provision of BEK 1584/2021 is read from its text (who "skal" or "kan", or
who rejects): Udbetaling Danmark, Seniorpensionsenheden or the kommunalbestyrelse. Then:
- every rule says its actor (and no other authority "skal"/"kan" in its text);
- every outcome (each questionnaire path) sends the paper, the slip and the decision to the
  actor of the provision it cites for them;
- every sentence of a walkthrough step that gives an authority a duty or a power matches a
  rule with that actor and that strength.
Third legal review: M1 (a complaint route naming an authority its provision does not bind),
M2 (seniorpension notices sent to the wrong authority), S3/S5 (slip and recipient).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.flow import Flow

HERE = Path(__file__).parent
BEK_TEXT = HERE.parent / "sources" / "bek-1584-2021.txt"  # the order's text, in the repository

# Names in the order's text and on the pages, for each authority id (authorities.yaml).
IN_TEXT = {"Kommunalbestyrelsen": "kommunen", "kommunalbestyrelsen": "kommunen",
           "Udbetaling Danmark": "udbetaling-danmark", "Seniorpensionsenheden": "seniorpensionsenheden"}
ON_PAGE = {"kommunen": ("kommunen", "Kommunen"), "udbetaling-danmark": ("Udbetaling Danmark",),
           "seniorpensionsenheden": ("Seniorpensionsenheden",)}
SAME = {"kommunen-ansoegning": "kommunen"}  # the kommune as receiver of kap. 4 applications
_ACTOR = re.compile(r"(?:(Kommunalbestyrelsen|Udbetaling Danmark|Seniorpensionsenheden) (?:skal|kan)"
                    r"|(?:skal|kan|afvises af) (kommunalbestyrelsen|Udbetaling Danmark|Seniorpensionsenheden))")


def provisions() -> dict[tuple[int, int], str]:
    para, out = None, {}
    for line in BEK_TEXT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if m := re.fullmatch(r"§ (\d+)", line):
            para = int(m.group(1))
            continue
        if not line or para is None:
            continue
        if m := re.match(r"Stk\. (\d+) (.*)", line):
            out[(para, int(m.group(1)))] = m.group(2)
        elif (para, 1) not in out and not line.startswith(("Kapitel", "Klage", "Ikrafttræden")):
            out[(para, 1)] = line
    return out


PROVISIONS = provisions()


def actor(citation: str) -> str | None:
    """The authority a provision obliges or empowers, read from its text."""
    m = re.match(r"§ (\d+)(?:, stk\. (\d+))?", citation)
    text = PROVISIONS[(int(m.group(1)), int(m.group(2) or 1))]
    if found := _ACTOR.search(text):
        return IN_TEXT[found.group(1) or found.group(2)]
    if ref := re.match(r"Afgørelser efter § (\d+)", text):  # §§ 3, 8, 14, 17: decisions under § 2/7/13/16
        return actor(f"§ {ref.group(1)}, stk. 1")
    return None  # § 1, stk. 4, complaints (§§ 6, 12 stk. 1), § 20: nobody acts


def who(authority_id: str) -> str:
    return SAME.get(authority_id, authority_id)


def bek_rules(tables):
    return [r for r in tables.rules.values() if r["source"] == "bek-1584-2021"]


def test_the_actors_are_read_from_the_text():
    assert actor("§ 1, stk. 2") == "seniorpensionsenheden" and actor("§ 9") == "seniorpensionsenheden"
    assert actor("§ 6, stk. 3") == "udbetaling-danmark" and actor("§ 18, stk. 2") == "kommunen"
    assert actor("§ 12, stk. 2") == "seniorpensionsenheden" and actor("§ 3, stk. 1") == "kommunen"
    assert actor("§ 1, stk. 4") is None


def _subject_of_power(text: str) -> set[str]:
    """Authorities a citizen text makes the subject of 'skal' or 'kan'."""
    found = set()
    for aid, names in ON_PAGE.items():
        for n in names:
            if re.search(rf"(?:\b{n} (?:skal|kan)\b|\b(?:skal|kan) {n}\b)", text):
                found.add(aid)
    return found


def test_every_rule_names_the_actor_of_its_provision(tables):
    for r in bek_rules(tables):
        a = actor(r["citation"])
        if a is None or r["kind"] in ("complaint-body", "complaint-body-health", "scope-exception"):
            continue
        says = r["says"]
        assert any(n in says for n in ON_PAGE[a]), f"{r['id']} ({r['citation']}): the provision's actor is {a}, the text does not name it"
        others = _subject_of_power(says) - {a}
        assert not others, f"{r['id']} ({r['citation']}): gives {others} a duty or power the provision gives {a}"


def test_every_outcome_sends_paper_slip_and_decision_to_the_actor_of_its_provision(tables):
    flow = Flow(tables)
    checked = 0
    for node in flow.nodes():
        d = flow.decision(node)
        if not d.route:
            continue
        where = flow.url(node)
        mandatory = [r for r in d.rules if r["kind"] == "mandatory" and not r.get("areas")]
        if mandatory:
            assert who(d.recipient) == actor(mandatory[0]["citation"]), where
        slip_to = getattr(d, "slip_to", None)  # contract v3; before it, every slip said Borgerservice
        if d.route == "paper-during-complaint" or getattr(d, "find_out", None) == "complaint_group":
            paper = tables.rule_of(node.area, "complaint-paper")
            assert who(d.recipient) == actor(paper["citation"]) == who(slip_to), where
        if d.decided_by:
            single = tables.rule_of(node.area, "other-way-single")
            assert who(d.decided_by) == actor(single["citation"]) == who(slip_to), where
        for r in d.rules:
            if r["kind"] == "complaint-does-not-open":
                # the sentence speaks of the authority that receives THIS application
                assert actor(r["citation"]) == who(d.recipient), (where, r["id"])
        checked += 1
    assert checked > 300


def test_the_explainer_recipient_is_the_actor_of_the_mandatory_provision(tables):
    for c in tables.chapters.values():
        rule = next(r for r in tables.rules.values() if r["kind"] == "mandatory" and c["id"] in r["chapters"] and not r.get("areas"))
        assert who(c["recipient"]) == actor(rule["citation"]), c["id"]


def _step_texts(w):
    for i, step in enumerate(w["steps"], 1):
        for key in ("see", "do", "helper_tip", "mistake"):
            if step.get(key):
                yield i, key, step[key]
        for el in step["screen"]["elements"]:
            for key in ("text", "wrong", "label"):
                if isinstance(el.get(key), str):
                    yield i, f"screen.{key}", el[key]


def test_every_walkthrough_step_gives_powers_only_as_a_rule_does(tables):
    strength = {"skal": ("skal", "skal-hvis"), "kan": ("kan",)}
    powers = {(actor(r["citation"]), m) for r in bek_rules(tables) for m in ("skal", "kan")
              if r["modality"] in strength[m] and actor(r["citation"])}
    seen = 0
    for w in tables.walkthroughs.values():
        for i, key, text in _step_texts(w):
            for aid, names in ON_PAGE.items():
                for n in names:
                    for verb in re.findall(rf"(?:\b{n} (skal|kan)\b|\b(skal|kan) {n}\b)", text):
                        verb = verb[0] or verb[1]
                        seen += 1
                        assert (aid, verb) in powers, f"{w['id']} step {i} {key}: '{n} {verb}' matches no rule of BEK 1584/2021"
    assert seen >= 3


def test_seniorpension_payment_notices_go_to_udbetaling_danmark(tables):
    """M2: § 9 presupposes that notices about paying an awarded seniorpension belong with
    Udbetaling Danmark; no seniorpension text sends a change notice to Seniorpensionsenheden."""
    for r in tables.rules_for("seniorpension"):
        assert "besked om en ændring" not in r["says"] or "Seniorpensionsenheden" not in r["says"], r["id"]
    payment = [r for r in tables.rules_for("seniorpension", "payment-notices") if "udbetalingen" in r["says"]]
    assert payment and actor(payment[0]["citation"]) == "udbetaling-danmark"
    assert "Udbetaling Danmark" in payment[0]["says"] and "§ 9" in payment[0]["note"]
    # independent check, SHOULD 7: on every route (the paper routes too), and the duty to send
    # to Seniorpensionsenheden says "dog" for payment notices; it, not the exception, is the answer
    from generator.flow import Flow
    from generator.outcome_answer import answer_rules
    flow = Flow(tables)
    for node in flow.nodes("seniorpension"):
        d = flow.decision(node)
        if d.route and d.route != "not-covered":
            assert payment[0] in d.rules, (flow.url(node), d.route)
        if d.route == "digital":
            ids = [r["id"] for r in answer_rules(d)]
            assert "sp-udbetaling-til-ud" not in ids and (ids[-1] == "sp-obligatorisk" or len(ids) == 1), (flow.url(node), ids)
    assert "går dog til Udbetaling Danmark" in tables.rules["sp-obligatorisk"]["says"]
    # second check of the fix, SHOULD 2: off the digital route the kommune's decision may cover
    # these notices (§ 9), so the rule says where they go, not that they must be sent digitally
    assert "digitalt" not in payment[0]["says"] and [j["citation"] for j in payment[0]["jf"]] == ["§ 9"]
