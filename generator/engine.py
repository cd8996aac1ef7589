"""decide(area, facts) -> Decision: may this citizen file another way than digitally?

Decide contract v3. The order of the questions is the order in which the law settles the matter:
  1. Does the order apply at all?        lives_abroad, then eu_social_security (§ 1, stk. 4:
                                         not covered only with BOTH a home abroad AND EU rules)
  2. Is a complaint pending?             complaint_pending, then complaint_area: the area of the
                                         decision complained about. Paper is processed during the
                                         complaint only where the provision the complaint falls under
                                         binds the authority that receives THIS application (§ 6 stk. 3:
                                         § 2 decisions, same group; § 12 stk. 2: § 7 decisions, that
                                         application; § 18 stk. 2: §§ 13/16 decisions, same group in
                                         bilag 2 or 3). Then, for beboerindskud, urgency_only (§ 18
                                         stk. 2, 2. pkt.: not when that decision rested on urgency alone)
  3. Exempt from Digital Post?           digital_post_exempt (LOV 603/2023 § 2: a right on request)
  4. Special circumstances?              special_circumstances (§§ 2, 7, 13, 16 stk. 1: the kommune
                                         assesses; if it agrees it must offer another way)
  5. Urgent? (beboerindskud)             urgent, only when no other special circumstances (§ 16:
                                         urgency alone can ground a decision, for this application only)
  6. This application, or all future?   scope (§§ 2, 7, 13, 16 stk. 2)
  7. Can you attend in person?           can_attend (§§ 3, 8, 14, 17 stk. 1, 3. pkt.)
"unknown" (Ved ikke) is an answer to eu_social_security, complaint_pending, complaint_area,
urgency_only and digital_post_exempt: it ends in the route `find-out`, which says how to find out,
changes nothing, and states (with their rules) the routes that do not depend on the answer: the
Digital Post right and a request to the kommune (independent legal check, SHOULD 2-4). The questions
do not go on after "Ved ikke": that would repeat the rest of the questionnaire under every unknown
answer (decisions/009).
Which rule settles each step, and its citation, comes from rules.yaml by `kind`; whether a
step exists for an area is read from the rules too (e.g. urgency only where a rule of kind
urgency-reason applies). Nothing about the law is written here that is not also a rule entry.
"""
from __future__ import annotations

from dataclasses import dataclass, field

UNKNOWN = "unknown"  # the answer "Ved ikke"
FACT_VALUES = {
    "lives_abroad": (True, False),
    "eu_social_security": (True, False, UNKNOWN),
    "complaint_pending": (True, False, UNKNOWN),
    "complaint_area": (),  # an area id (tables.bek_areas()) or UNKNOWN: see fact_values()
    "urgency_only": (True, False, UNKNOWN),
    "digital_post_exempt": (True, False, UNKNOWN),
    "special_circumstances": (True, False),
    "urgent": (True, False),
    "scope": ("this_application", "all_future"),
    "can_attend": (True, False),
}
ROUTES = ("not-covered", "digital", "other-way-this-application", "other-way-all-future",
          "paper-during-complaint", "other-way-digital-post-exempt", "find-out")
# What a pending complaint does for this application (complaint_effect()).
OPENS, DOES_NOT_OPEN, AUTHORITY_DECIDES = "opens", "does-not-open", "authority-decides"

_SINGLE = ("other-way-single", "who-may-ask", "no-attendance-single", "decide-quickly",
           "help-digitally-first", "notify")
_COMPLAINT = ("complaint-body", "complaint-body-health", "complaint-how")
# The rules that make up the legal basis of each route, by kind (rules.yaml).
ROUTE_KINDS = {
    "not-covered": ("scope-exception",),
    "digital": ("mandatory", "received-when-available", "discretion-special", "discretion-economy",
                "discretion-notice"),
    "other-way-this-application": _SINGLE + _COMPLAINT,
    "other-way-all-future": _SINGLE + ("other-way-future", "attendance-future") + _COMPLAINT,
    "paper-during-complaint": ("complaint-paper", "complaint-paper-scope", "complaint-notify") + _COMPLAINT,
    "other-way-digital-post-exempt": ("digital-post-right", "digital-post-request", "notify") + _COMPLAINT,
    "find-out": (),  # by the fact the citizen cannot answer: FIND_OUT_KINDS
}
# "Ved ikke": the rules that say why the answer matters (the outcome says how to find out).
# Only rules that hold whatever the answer is ("Er du fritaget …", the digital duty): the complaint-paper
# rules say "skal … behandle" outright, and each binds one authority for a complaint under its
# own provision, which a reader who does not know the complaint cannot be told applies
# (independent legal check 2026-12-04, MUST 1). complaint_group has its conditional sentence
# (complaint-group-unsettled) from EFFECT_KINDS.
# After a complaint question or the Digital Post question, the routes that do not depend on the
# answer are stated too, each by its own (conditional) rule: the Digital Post right (LOV 603/2023
# § 2) and the kommune's assessment of special circumstances (§§ 2, 7, 13, 16, stk. 1).
_REGARDLESS = ("digital-post-right", "other-way-single", "urgency-reason")  # urgency: beboerindskud only
FIND_OUT_KINDS = {
    "eu_social_security": ("scope-exception", "mandatory"),
    # complaint_pending: and how to complain, since the deadline may be running (rsl. §§ 66-67)
    "complaint_pending": ("mandatory",) + _REGARDLESS + ("complaint-how",),
    "complaint_area": ("mandatory",) + _REGARDLESS,
    # urgency_only: only this fact is missing, so the § 18, stk. 2 rule and its 2. pkt. exception,
    # both conditional in their text, say what turns on it
    "urgency_only": ("mandatory", "complaint-paper", "complaint-paper-not-for-urgency") + _REGARDLESS,
    "complaint_group": _REGARDLESS,       # and its own conditional sentence (EFFECT_KINDS)
    "digital_post_exempt": _REGARDLESS,
}
# Shown on every route where the order applies: seniorpension payment notices go to Udbetaling
# Danmark (§ 1, stk. 1, jf. § 9; independent check, SHOULD 7). Only seniorpension has such a rule.
ALWAYS_KINDS = ("payment-notices",)
# The sentence an outcome adds when a pending complaint does not settle the paper route.
EFFECT_KINDS = {DOES_NOT_OPEN: "complaint-does-not-open", AUTHORITY_DECIDES: "complaint-group-unsettled"}


class DecideError(ValueError):
    """Bad input to decide(): unknown area or fact, or a value of the wrong type."""


@dataclass
class Decision:
    area: str
    recipient: str
    route: str | None = None
    next_question: str | None = None
    decided_by: str | None = None
    personal_attendance_required: bool = False
    complaint_to: str | None = None
    authority_may_accept_paper: bool = False
    paper_during_complaint_covers: str | None = None
    complaint_effect: str | None = None   # opens | does-not-open | authority-decides
    find_out: str | None = None           # the fact answered "Ved ikke"
    slip_to: str | None = None            # the authority the slip is for (authorities.yaml)
    legal_basis: list = field(default_factory=list)
    rules: list = field(default_factory=list)  # the rule entries behind legal_basis

    @property
    def complaint_rules(self) -> list:
        """How to complain and to whom: the outcome page shows them in their own part."""
        return [r for r in self.rules if r["kind"] in _COMPLAINT]

    @property
    def main_rules(self) -> list:
        return [r for r in self.rules if r["kind"] not in _COMPLAINT]

    def to_json(self) -> dict:
        keys = ("area", "route", "next_question", "recipient", "decided_by",
                "personal_attendance_required", "complaint_to", "authority_may_accept_paper",
                "paper_during_complaint_covers", "complaint_effect", "find_out", "legal_basis")
        return {k: getattr(self, k) for k in keys}


def fact_values(tables, fact: str) -> tuple:
    """The answers a fact takes; complaint_area takes an area id of the order, or "unknown"."""
    if fact == "complaint_area":
        return tuple(a["id"] for a in tables.bek_areas()) + (UNKNOWN,)
    return FACT_VALUES[fact]


def check_input(tables, area: str, facts: dict) -> None:
    if not isinstance(area, str) or area not in tables.areas or not tables.areas[area].get("chapter"):
        allowed = ", ".join(a["id"] for a in tables.bek_areas())
        raise DecideError(f"unknown area '{area}'; allowed areas: {allowed}")
    if not isinstance(facts, dict):
        raise DecideError("facts must be a JSON object, e.g. {\"special_circumstances\": true}")
    for name, value in facts.items():
        if name not in FACT_VALUES:
            raise DecideError(f"unknown fact '{name}'; allowed facts: {', '.join(FACT_VALUES)}")
        allowed = fact_values(tables, name)
        # bool is checked by identity: 1 and 0 are not answers
        if not any(value is a if isinstance(a, bool) else (type(value) is str and value == a) for a in allowed):
            names = [str(a).lower() if isinstance(a, bool) else f'"{a}"' for a in allowed]
            shown = " or ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " or " + names[-1]
            if name == "complaint_area":
                shown = "an area id (as --area takes) or \"unknown\""
            raise DecideError(f"fact '{name}' must be {shown}, not {_short(value)}")


def _short(value) -> str:
    text = repr(value) if not isinstance(value, (list, dict)) else type(value).__name__
    return text if len(text) <= 40 else text[:37] + "..."


def citation_text(tables, rule: dict) -> str:
    """'BEK 1584/2021 § 2, stk. 1': the contract's legal-basis string (no pkt.)."""
    return f"{tables.sources[rule['source']]['short']} {rule['citation']}"


def citation_texts(tables, rule: dict) -> list[str]:
    """The rule's own provision and those it is read with (`jf`), as legal-basis strings."""
    short = tables.sources[rule["source"]]["short"]
    return [citation_text(tables, rule)] + [f"{short} {see['citation']}" for see in rule.get("jf", [])]


def same_group(tables, area: str, other: str) -> bool | None:
    """Are two areas in the same group of the order's bilag? None: no source settles it.

    An area is read as one group, so the same area is the same group (an assumption: areas.yaml,
    `group_note`; the complaint-paper rules state the group condition in their own text). Areas
    whose bilag a source gives (areas.yaml `bilag`) are in different groups when the bilag differ.
    Anything else needs the bilag text (sources/bek-1584-2021-bilag.txt) and is left to the authority."""
    if area == other:
        return True
    a, b = tables.areas[area].get("bilag"), tables.areas[other].get("bilag")
    if a and b and a["number"] != b["number"]:
        return False
    return None


def complaint_effect(tables, area: str, complaint_area: str) -> str:
    """Does a pending complaint about a decision in complaint_area open the paper route here?

    Only where the provision the complaint falls under binds the authority that receives this
    application (rules.yaml, kind complaint-paper: `complaint_about` lists the regimes whose
    decisions it covers, `covers` whether the group or only that application)."""
    paper = tables.rule_of(area, "complaint-paper")
    if tables.areas[complaint_area]["chapter"] not in paper["complaint_about"]:
        return DOES_NOT_OPEN
    if paper["covers"] == "this-application":
        return OPENS if complaint_area == area else DOES_NOT_OPEN
    together = same_group(tables, area, complaint_area)
    return {True: OPENS, False: DOES_NOT_OPEN, None: AUTHORITY_DECIDES}[together]


def decide(tables, area: str, facts: dict) -> Decision:
    check_input(tables, area, facts)
    chapter = tables.chapters[tables.areas[area]["chapter"]]

    def slip_to(route: str, unknown: str | None) -> str:
        """Whom the slip is for: the authority that receives the paper or must answer the
        question (§ 6, stk. 3, § 12, stk. 2, § 18, stk. 2; § 1, stk. 4), else the kommune, which
        decides about another way (§§ 2, 7, 13, 16) and gives the help."""
        if route in ("paper-during-complaint", "not-covered") or unknown in ("eu_social_security", "complaint_group"):
            return chapter["recipient"]
        return chapter["decided_by"]

    body = tables.rule_of(area, "complaint-body")
    may_accept = bool(tables.rules_for(area, "discretion-special") or tables.rules_for(area, "discretion-economy"))
    d = Decision(area=area, recipient=chapter["recipient"], complaint_to=body["body"],
                 authority_may_accept_paper=may_accept)
    extra_kinds: list[str] = []
    left_out: list[str] = []  # kinds a branch knows another of its rules already says

    def ask(fact: str) -> Decision:
        d.next_question = fact
        return d

    def has(kind: str) -> bool:
        return bool(tables.rules_for(area, kind))

    def outcome(route: str, **fields) -> Decision:
        d.route = route
        for key, value in fields.items():
            setattr(d, key, value)
        always = ALWAYS_KINDS if route != "not-covered" else ()
        for kind in ROUTE_KINDS[route] + tuple(extra_kinds) + always:
            if kind in left_out:
                continue
            for rule in tables.rules_for(area, kind):
                if rule.get("scope") == "all_future" and route == "other-way-this-application":
                    continue  # e.g. § 17, stk. 3: a notice only of decisions for all future applications
                if rule not in d.rules:
                    d.rules.append(rule)
        d.slip_to = slip_to(route, d.find_out)
        d.legal_basis = list(dict.fromkeys(c for r in d.rules for c in citation_texts(tables, r)))
        return d

    def other_way(route: str, **fields) -> Decision:
        return outcome(route, decided_by=chapter["decided_by"], **fields)

    def find_out(fact: str) -> Decision:
        """'Ved ikke': nothing is decided; the page says how to find out. Not knowing whether a
        complaint is pending keeps the complaint body: the reader may still be in time to complain."""
        extra_kinds.extend(FIND_OUT_KINDS[fact])
        return outcome("find-out", find_out=fact,
                       complaint_to=d.complaint_to if fact == "complaint_pending" else None)

    # 1. § 1, stk. 4: both a home abroad and cover by the EU rules
    if "lives_abroad" not in facts:
        return ask("lives_abroad")
    if facts["lives_abroad"]:
        if "eu_social_security" not in facts:
            return ask("eu_social_security")
        if facts["eu_social_security"] == UNKNOWN:
            return find_out("eu_social_security")
        if facts["eu_social_security"]:
            return outcome("not-covered", complaint_to=None, authority_may_accept_paper=False)
        extra_kinds.append("abroad-not-covered-by-eu")  # the order applies; which kommune is unsaid

    # 2. a complaint about the kommune's decision on another way, still being processed
    if "complaint_pending" not in facts:
        return ask("complaint_pending")
    if facts["complaint_pending"] == UNKNOWN:
        return find_out("complaint_pending")
    if facts["complaint_pending"]:
        if "complaint_area" not in facts:
            return ask("complaint_area")
        if facts["complaint_area"] == UNKNOWN:
            return find_out("complaint_area")
        d.complaint_effect = complaint_effect(tables, area, facts["complaint_area"])
        if d.complaint_effect == OPENS:
            paper = tables.rule_of(area, "complaint-paper")
            if has("complaint-paper-not-for-urgency"):
                if "urgency_only" not in facts:
                    return ask("urgency_only")
                if facts["urgency_only"] == UNKNOWN:
                    d.complaint_effect = None  # not settled until the reader knows
                    return find_out("urgency_only")
                if facts["urgency_only"]:
                    extra_kinds.append("complaint-paper-not-for-urgency")  # the right to complain stays
                    d.complaint_effect = DOES_NOT_OPEN  # § 18, stk. 2, 2. pkt.
            if "complaint-paper-not-for-urgency" not in extra_kinds:
                return outcome("paper-during-complaint", paper_during_complaint_covers=paper["covers"])
        elif d.complaint_effect == AUTHORITY_DECIDES:
            # no source settles whether the two benefits are one group: the authority decides,
            # so the citizen asks it before sending paper (the page says how)
            extra_kinds.append(EFFECT_KINDS[AUTHORITY_DECIDES])
            extra_kinds.extend(FIND_OUT_KINDS["complaint_group"])
            return outcome("find-out", find_out="complaint_group", complaint_to=None)
        else:
            extra_kinds.append(EFFECT_KINDS[DOES_NOT_OPEN])  # one sentence; the questions go on

    # 3. LOV 603/2023 § 2: exempt from Digital Post -> a right on request
    if "digital_post_exempt" not in facts:
        return ask("digital_post_exempt")
    if facts["digital_post_exempt"] == UNKNOWN:
        return find_out("digital_post_exempt")
    if facts["digital_post_exempt"]:
        return outcome("other-way-digital-post-exempt")  # a right: nobody decides

    # 4-5. special circumstances, as the kommune will assess them; urgency alone (beboerindskud)
    if "special_circumstances" not in facts:
        return ask("special_circumstances")
    if not facts["special_circumstances"]:
        if has("urgency-reason"):
            if "urgent" not in facts:
                return ask("urgent")
            if facts["urgent"]:
                extra_kinds.extend(("urgency-reason", "complaint-paper-not-for-urgency"))
                # the urgency rule is the § 16, stk. 1 duty for this ground (kb-hast, read with
                # stk. 2, 2. pkt.); the general special-circumstances rule would cite it twice (S4)
                left_out.append("other-way-single")
                return other_way("other-way-this-application")
        return outcome("digital")

    # 6-7. this application, or all future ones (with attendance unless impossible)
    if "scope" not in facts:
        return ask("scope")
    if facts["scope"] == "this_application":
        return other_way("other-way-this-application")
    if "can_attend" not in facts:
        return ask("can_attend")
    return other_way("other-way-all-future", personal_attendance_required=facts["can_attend"])
