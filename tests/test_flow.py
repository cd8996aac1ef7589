"""Every questionnaire path: reachable, finite, ends in an outcome that cites the law."""
import json
import subprocess
import sys

from generator.engine import ROUTES
from generator.flow import Flow, Node, dot, mermaid


def test_every_path_ends_in_an_outcome_without_cycles(tables):
    flow = Flow(tables)
    for node in flow.nodes():
        asked = [fact for fact, _ in node.answers]
        assert len(asked) == len(set(asked)), f"{flow.url(node)} asks a fact twice"
        d = flow.decision(node)
        assert (d.next_question is None) != (d.route is None)
        if d.route:
            assert d.legal_basis, f"{flow.url(node)} cites nothing"
            assert all(c.startswith(("BEK 1584/2021 § ", "LOV 603/2023 § ", "Retssikkerhedsloven § ")) for c in d.legal_basis)
        else:
            assert flow.children(node), f"{flow.url(node)} is a dead end"


def test_every_route_is_reachable_and_urls_are_unique(tables):
    flow = Flow(tables)
    nodes = list(flow.nodes())
    urls = [flow.url(n) for n in nodes]
    assert len(urls) == len(set(urls))
    reached = {flow.decision(n).route for n in nodes} - {None}
    assert reached == set(ROUTES)
    for area in tables.bek_areas():
        routes = {flow.decision(n).route for n in flow.nodes(area["id"])} - {None}
        assert set(ROUTES) == routes, area["id"]


def test_urls_encode_the_answers(tables):
    flow = Flow(tables)
    node = Node("folkepension", (("lives_abroad", True), ("eu_social_security", False), ("complaint_pending", False),
                                 ("digital_post_exempt", False), ("special_circumstances", True), ("scope", "all_future")))
    assert flow.url(node) == "papir/folkepension/udland-ja/eu-nej/klage-nej/digitalpost-nej/saerlige-ja/omfang-alle/"
    assert flow.decision(node).next_question == "can_attend"


def test_graph_outputs_cover_every_node(tables):
    flow = Flow(tables)
    m = mermaid(flow, "beboerindskud")
    d = dot(flow, "beboerindskud")
    n = len(list(flow.nodes("beboerindskud")))
    assert m.startswith("flowchart TD") and m.count("-->") == n - 1
    assert d.count("->") == n - 1 and "§ 16, stk. 2" in d


def test_graph_command_writes_mermaid_and_dot(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "graph", "--out", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "flow.mmd").read_text().count("flowchart TD") == 12
    assert (tmp_path / "folkepension.dot").read_text().startswith('digraph "folkepension"')


def test_decide_command_agrees_with_every_path(tables):
    """The CLI and the pages use the same engine; check the CLI on every terminal path."""
    flow = Flow(tables)
    cases = [(n.area, flow.facts(n), flow.decision(n)) for n in flow.nodes() if flow.decision(n).route]
    script = (
        "import json,sys; from generator.tables import load_tables; from generator.engine import decide;"
        "t=load_tables(); cases=json.load(sys.stdin);"
        "print(json.dumps([decide(t,a,f).to_json() for a,f in cases]))"
    )
    # one process for all paths; the command itself is tested in test_engine.py
    result = subprocess.run([sys.executable, "-c", script], input=json.dumps([[a, f] for a, f, _ in cases]),
                            capture_output=True, text=True, check=True)
    outs = json.loads(result.stdout)
    for (area, facts, expected), out in zip(cases, outs):
        assert out == expected.to_json()


def test_every_complaint_area_of_a_class_gives_the_same_decision(tables):
    """The pages have one node per kind of complaint_area answer (flow.AREA_CLASS): that is only
    right if every area of the kind leads to the same decision as the one the page uses."""
    from generator.engine import decide
    flow = Flow(tables)
    for node in flow.nodes():
        facts = dict(node.answers)
        if "complaint_area" not in facts or facts["complaint_area"] == "unknown":
            continue
        shown = flow.decision(node).to_json()
        for area in flow.members(node.area, facts["complaint_area"]):
            assert decide(tables, node.area, {**flow.facts(node), "complaint_area": area}).to_json() == shown, (flow.url(node), area)


def test_the_complaint_area_question_lists_every_area_and_ved_ikke(tables):
    flow = Flow(tables)
    node = Node("folkepension", (("lives_abroad", False), ("complaint_pending", True)))
    choices = flow.choices(node)
    values = [v for v, _, _ in choices]
    assert values[0] == "folkepension" and values[-1] == "unknown"
    assert sorted(values[:-1]) == sorted(a["id"] for a in tables.bek_areas())
    to = {v: flow.url(child) for v, _, child in choices}
    assert to["folkepension"].endswith("/klageomraade-samme/")
    assert to["helbredstillaeg"] == to["seniorpension"] and to["helbredstillaeg"].endswith("/klageomraade-anden/")
    assert to["boligstoette"].endswith("/klageomraade-maaske-samme-gruppe/")


def test_questions_citizens_often_cannot_answer_have_ved_ikke(tables):
    flow = Flow(tables)
    asked = {}
    for node in flow.nodes():
        d = flow.decision(node)
        if d.next_question:
            asked.setdefault(d.next_question, [v for v, _, _ in flow.choices(node)])
    for fact in ("eu_social_security", "complaint_pending", "complaint_area", "digital_post_exempt"):
        assert "unknown" in asked[fact], fact
