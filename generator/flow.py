"""The questionnaire as a tree of pages, derived from the engine.

Every node is the list of answers given so far for one area; its page address
encodes those answers (/papir/<area>/<fact>-<answer>/…), so any step or outcome
can be shared, bookmarked or opened on a helper's screen.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import pages
from .engine import FACT_VALUES, Decision, decide



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

    def decision(self, node: Node) -> Decision:
        return decide(self.tables, node.area, node.facts)

    def children(self, node: Node) -> list[tuple[object, Node]]:
        d = self.decision(node)
        if d.next_question is None:
            return []
        fact = d.next_question
        return [(v, Node(node.area, node.answers + ((fact, v),))) for v in FACT_VALUES[fact]]

    def nodes(self, area: str | None = None):
        """Every node, depth first, for one area or all BEK areas."""
        areas = [area] if area else [a["id"] for a in self.tables.bek_areas()]
        for a in areas:
            stack = [Node(a, ())]
            while stack:
                node = stack.pop()
                yield node
                stack.extend(child for _, child in reversed(self.children(node)))

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
