"""decide(area, facts) -> Decision: may this citizen file another way than digitally?

The order of the questions is the order in which BEK 1584/2021 settles the matter:
  1. Does the order apply at all?               (§ 1, stk. 4: living abroad under EU rules)
  2. Is a complaint pending?                    (§§ 6, 12, 18: paper while it is handled;
                                                 for beboerindskud not when only urgency, § 18 stk. 2)
  3. Special circumstances?                     (§§ 2, 7, 13, 16 stk. 1: the kommune must offer another way)
  4. Only urgency? (beboerindskud)              (§ 16 stk. 2: then never for future applications)
  5. This application, or all future ones?      (§§ 2, 7, 13, 16 stk. 2)
  6. Can you attend in person?                  (§§ 3, 8, 14, 17 stk. 1: attendance for "all future",
                                                 unless your situation makes it impossible)
Which rule settles each step, and its citation, comes from rules.yaml by `kind`;
nothing about the law is written here that is not also a rule entry.
"""
from __future__ import annotations

from dataclasses import dataclass, field

FACT_VALUES = {
    "lives_abroad_eu": (True, False),
    "complaint_pending": (True, False),
    "special_circumstances": (True, False),
    "urgency_only": (True, False),
    "scope": ("this_application", "all_future"),
    "can_attend": (True, False),
}
ROUTES = ("not-covered", "digital", "other-way-this-application", "other-way-all-future",
          "paper-during-complaint")

# The rules that make up the legal basis of each route, by kind (rules.yaml).
ROUTE_KINDS = {
    "not-covered": ("scope-exception",),
    "digital": ("mandatory", "discretion-special", "discretion-economy", "complaint-body"),
    "other-way-this-application": ("other-way-single", "who-may-ask", "no-attendance-single",
                                   "decide-quickly", "help-digitally-first", "notify", "complaint-body"),
    "other-way-all-future": ("other-way-single", "other-way-future", "who-may-ask", "attendance-future",
                             "decide-quickly", "help-digitally-first", "notify", "complaint-body"),
    "paper-during-complaint": ("complaint-paper", "complaint-body", "complaint-notify"),
}
# Kinds of which only the most specific rule applies (e.g. Patientombuddet for sundhedsloven).
MOST_SPECIFIC_ONLY = {"complaint-body"}


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
    legal_basis: list = field(default_factory=list)
    rules: list = field(default_factory=list)  # the rule entries behind legal_basis

    def to_json(self) -> dict:
        keys = ("area", "route", "next_question", "recipient", "decided_by",
                "personal_attendance_required", "complaint_to", "authority_may_accept_paper", "legal_basis")
        return {k: getattr(self, k) for k in keys}


def check_input(tables, area: str, facts: dict) -> None:
    if area not in tables.areas or not tables.areas[area].get("chapter"):
        allowed = ", ".join(a["id"] for a in tables.bek_areas())
        raise DecideError(f"unknown area '{area}'; allowed areas: {allowed}")
    if not isinstance(facts, dict):
        raise DecideError("facts must be a JSON object, e.g. {\"special_circumstances\": true}")
    for name, value in facts.items():
        if name not in FACT_VALUES:
            raise DecideError(f"unknown fact '{name}'; allowed facts: {', '.join(FACT_VALUES)}")
        allowed = FACT_VALUES[name]
        # bool is checked by identity: 1 and 0 are not answers
        if not any(value is a if isinstance(a, bool) else value == a for a in allowed):
            shown = " or ".join(str(a).lower() if isinstance(a, bool) else f'"{a}"' for a in allowed)
            raise DecideError(f"fact '{name}' must be {shown}, not {value!r}")


def decide(tables, area: str, facts: dict) -> Decision:
    check_input(tables, area, facts)
    chapter = tables.chapters[tables.areas[area]["chapter"]]
    body = tables.rule_of(area, "complaint-body")
    may_accept = bool(tables.rules_for(area, "discretion-special") or tables.rules_for(area, "discretion-economy"))
    d = Decision(area=area, recipient=chapter["recipient"], complaint_to=body["body"],
                 authority_may_accept_paper=may_accept)
    extra_kinds: list[str] = []

    def ask(fact: str) -> Decision:
        d.next_question = fact
        return d

    def outcome(route: str, **fields) -> Decision:
        d.route = route
        for key, value in fields.items():
            setattr(d, key, value)
        kinds = ROUTE_KINDS[route] + tuple(extra_kinds)
        for kind in kinds:
            found = tables.rules_for(area, kind)
            if kind in MOST_SPECIFIC_ONLY:
                found = found[-1:]
            for rule in found:
                if rule not in d.rules:
                    d.rules.append(rule)
        d.legal_basis = []
        for rule in d.rules:
            cite = f"{tables.sources[rule['source']]['short']} {rule['citation']}"
            if cite not in d.legal_basis:
                d.legal_basis.append(cite)
        return d

    def has(kind: str) -> bool:
        return bool(tables.rules_for(area, kind))

    if "lives_abroad_eu" not in facts:
        return ask("lives_abroad_eu")
    if facts["lives_abroad_eu"]:
        return outcome("not-covered", complaint_to=None, authority_may_accept_paper=False)

    if "complaint_pending" not in facts:
        return ask("complaint_pending")
    if facts["complaint_pending"]:
        if has("complaint-paper-not-for-urgency"):
            if "urgency_only" not in facts:
                return ask("urgency_only")
            if facts["urgency_only"]:
                extra_kinds.append("complaint-paper-not-for-urgency")
            else:
                return outcome("paper-during-complaint")
        else:
            return outcome("paper-during-complaint")

    if "special_circumstances" not in facts:
        return ask("special_circumstances")
    if not facts["special_circumstances"]:
        return outcome("digital")

    if has("future-not-for-urgency"):
        if "urgency_only" not in facts:
            return ask("urgency_only")
        if facts["urgency_only"]:
            extra_kinds.append("future-not-for-urgency")
            return outcome("other-way-this-application", decided_by=chapter["decided_by"])

    if "scope" not in facts:
        return ask("scope")
    if facts["scope"] == "this_application":
        return outcome("other-way-this-application", decided_by=chapter["decided_by"])

    if "can_attend" not in facts:
        return ask("can_attend")
    return outcome("other-way-all-future", decided_by=chapter["decided_by"],
                   personal_attendance_required=facts["can_attend"])
