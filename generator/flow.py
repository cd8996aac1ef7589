"""The questionnaire as a tree of pages, derived from the engine.

Every node is the list of answers given so far for one area; its page address
encodes those answers (/papir/<area>/<fact>-<answer>/…), so any step or outcome
can be shared, bookmarked or opened on a helper's screen.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import pages
from .engine import (AUTHORITY_DECIDES, DOES_NOT_OPEN, OPENS, UNKNOWN, Decision, complaint_effect, decide,
                     fact_values)

# complaint_area: the question lists every area, but what follows depends only on what the
# complaint does for this application (engine.complaint_effect). The pages therefore have one
# node per class, not one per area; the node's answer is the class, and decide() gets an area
# of that class (test_flow checks that every area of a class gives the same decision).
AREA_CLASS = {OPENS: "same", DOES_NOT_OPEN: "other", AUTHORITY_DECIDES: "unsettled"}


@dataclass(frozen=True)
class Node:
    area: str
    answers: tuple  # ((fact, value), ...) in the order asked

    @property
    def facts(self) -> dict:
        return dict(self.answers)


class Flow:
    def __init__(self, tables):
        self.tables = tables
        self.fact_slug = {f["fact"]: f["slug"] for f in tables.questionnaire["facts"]}
        self.value_slug = {(f["fact"], a["value"]): a["slug"]
                           for f in tables.questionnaire["facts"] for a in f["answers"]}

    def url(self, node: Node) -> str:
        return pages.questionnaire(node.area, tuple(f"{self.fact_slug[f]}-{self.value_slug[(f, v)]}" for f, v in node.answers))

    def answer(self, fact: str, value) -> dict:
        """The questionnaire entry for one answer (True is not 1 here)."""
        entry = next(f for f in self.tables.questionnaire["facts"] if f["fact"] == fact)
        return next(a for a in entry["answers"] if type(a["value"]) is type(value) and a["value"] == value)

    def area_class(self, area: str, complaint_area: str) -> str:
        if complaint_area == UNKNOWN:
            return UNKNOWN
        return AREA_CLASS[complaint_effect(self.tables, area, complaint_area)]

    def members(self, area: str, cls: str) -> list[str]:
        """The complaint areas of one class, this application's own area first."""
        values = [v for v in fact_values(self.tables, "complaint_area") if v != UNKNOWN]
        values.sort(key=lambda v: v != area)
        return [v for v in values if self.area_class(area, v) == cls] if cls != UNKNOWN else [UNKNOWN]

    def facts(self, node: Node) -> dict:
        """The node's answers as decide() takes them (a complaint_area class becomes an area)."""
        facts = dict(node.answers)
        if "complaint_area" in facts:
            facts["complaint_area"] = self.members(node.area, facts["complaint_area"])[0]
        return facts

    def decision(self, node: Node) -> Decision:
        return decide(self.tables, node.area, self.facts(node))

    def children(self, node: Node) -> list[tuple[object, Node]]:
        d = self.decision(node)
        if d.next_question is None:
            return []
        fact = d.next_question
        if fact == "complaint_area":
            found = {self.area_class(node.area, v) for v in fact_values(self.tables, fact)}
            classes = [c for c in ("same", "other", "unsettled", UNKNOWN) if c in found]
            return [(c, Node(node.area, node.answers + ((fact, c),))) for c in classes]
        return [(v, Node(node.area, node.answers + ((fact, v),))) for v in fact_values(self.tables, fact)]

    def choices(self, node: Node) -> list[tuple[object, str, Node]]:
        """The answers a question page lists: (value, label, the node it leads to).

        complaint_area lists every area by name (this application's first), then "Ved ikke"."""
        children = self.children(node)
        fact = self.decision(node).next_question
        if fact != "complaint_area":
            return [(v, self.answer(fact, v)["label"], child) for v, child in children]
        by_class = dict(children)
        out = [(a, self.tables.areas[a]["name"], by_class[self.area_class(node.area, a)])
               for cls in ("same", "other", "unsettled") if cls in by_class
               for a in self.members(node.area, cls)]
        out.sort(key=lambda c: [x["id"] for x in self.tables.bek_areas()].index(c[0]) if c[0] != node.area else -1)
        return out + [(UNKNOWN, self.answer(fact, UNKNOWN)["label"], by_class[UNKNOWN])]

    def nodes(self, area: str | None = None):
        """Every node, depth first, for one area or all BEK areas."""
        areas = [area] if area else [a["id"] for a in self.tables.bek_areas()]
        for a in areas:
            stack = [Node(a, ())]
            while stack:
                node = stack.pop()
                yield node
                stack.extend(child for _, child in reversed(self.children(node)))

    def slip_answers(self, node: Node, outcome: dict) -> list[tuple]:
        """The answers the slip records: all but those the outcome leaves off (`slip_leaves_out`),
        e.g. a 'no' to special circumstances on a slip that asks for urgency (review S4)."""
        leave_out = set(outcome.get("slip_leaves_out", []))
        return [(f, v) for f, v in node.answers if f not in leave_out]

    def prefixes(self, node: Node) -> list[Node]:
        """The node of each earlier question, for 'change your answer' links."""
        return [Node(node.area, node.answers[:i]) for i in range(len(node.answers))]


def mermaid(flow: Flow, area: str) -> str:
    lines = ["flowchart TD"]
    ids = {}
    for node in flow.nodes(area):
        key = f"n{len(ids)}"
        ids[node] = key
        d = flow.decision(node)
        label = d.next_question if d.next_question else f"route: {d.route}"
        shape = f'{key}{{"{label}"}}' if d.next_question else f'{key}(["{label}"])'
        lines.append(f"  {shape}")
    for node in ids:
        for value, child in flow.children(node):
            lines.append(f"  {ids[node]} -- {str(value).lower()} --> {ids[child]}")
    return "\n".join(lines) + "\n"


def dot(flow: Flow, area: str) -> str:
    lines = [f'digraph "{area}" {{', "  node [fontname=sans];"]
    ids = {}
    for node in flow.nodes(area):
        key = f"n{len(ids)}"
        ids[node] = key
        d = flow.decision(node)
        if d.next_question:
            lines.append(f'  {key} [shape=diamond, label="{d.next_question}"];')
        else:
            lines.append(f'  {key} [shape=box, style=rounded, label="{d.route}\\n{", ".join(d.legal_basis)}"];')
    for node in ids:
        for value, child in flow.children(node):
            lines.append(f'  {ids[node]} -> {ids[child]} [label="{str(value).lower()}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
