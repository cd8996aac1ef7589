"""The answer at the top of an outcome page: at most three plain sentences that answer the
question the reader came with (may I? must I attend? what about my complaint?).

No new legal text: the sentences are rule-table entries (rules.yaml), chosen by `kind` from the
rules the engine already put behind the decision, so each one is shown with its citation and is
part of the page's legal basis. Which kinds answer which route is a choice of emphasis, written
here once; the law itself stays in the rule table.
"""
from __future__ import annotations

import re

from .engine import EFFECT_KINDS

# route -> the rule kinds whose text answers the reader, in the order shown.
# other-way-all-future: Jørgen asks "must I come in person?"; the attendance rule answers it.
ANSWER_KINDS = {
    "not-covered": ("scope-exception",),
    "digital": ("mandatory",),
    "other-way-this-application": ("other-way-single",),
    "other-way-all-future": ("attendance-future",),
    "paper-during-complaint": ("complaint-paper",),
    "other-way-digital-post-exempt": ("digital-post-right",),
    # "Ved ikke": the heading and the steps say how to find out; no rule answers yet
    "find-out": (),
}
# A pending complaint that does not settle the paper route: the reader came with that question
# (is my complaint enough?), so its one sentence comes first.
COMPLAINT_EFFECT_KINDS = tuple(EFFECT_KINDS.values())
# Urgency alone (beboerindskud): the urgency rule is the answer, for this application only.
URGENT_KINDS = ("urgency-reason",)
MAX_SENTENCES = 3


def sentences(text: str) -> int:
    """Sentences in a Danish text: a full stop (or ! ?) before a capital letter or the end;
    'stk. 1' and 'nr. 2' do not end a sentence."""
    return len(re.findall(r"[.!?](?=\s+[A-ZÆØÅ]|\s*$)", text.strip()))


def answer_rules(decision) -> list[dict]:
    """The rule entries that answer the reader, taken from the decision's own rules
    (the last one of a kind: an area-specific rule comes after the general one)."""
    kinds = ANSWER_KINDS[decision.route]
    if not kinds:
        return []
    if any(r["kind"] in URGENT_KINDS for r in decision.rules):
        kinds = URGENT_KINDS
    chosen = [r for r in decision.rules if r["kind"] in COMPLAINT_EFFECT_KINDS][:1]
    for kind in kinds:
        of_kind = [r for r in decision.rules if r["kind"] == kind]
        if of_kind:
            chosen.append(of_kind[-1])
    # keep to MAX_SENTENCES: drop trailing rules, never cut a rule's text in half
    while len(chosen) > 1 and sum(sentences(r["says"]) for r in chosen) > MAX_SENTENCES:
        chosen.pop()
    return chosen
