"""A title with HTML in any table is shown as text, never run: rendered through the real renderer."""
import shutil

import pytest
import yaml

from generator.catalogs import load_catalogs
from generator.errors import InputErrors
from generator.languages import site_languages
from generator.render import PageSpec, SiteRenderer, check_one_page_per_url
from generator.tables import RULES_DIR, WALKTHROUGH_DIR, load_tables

HOSTILE = "<img src=x onerror=alert(1)>"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    rules, walks = tmp / "rules", tmp / "walkthroughs"
    shutil.copytree(RULES_DIR, rules)
    shutil.copytree(WALKTHROUGH_DIR, walks)
    q = lambda s: '"' + s.replace('"', '\\"') + '"'
    _edit(rules / "areas.yaml", "    name: Folkepension\n", f"    name: {q('Folkepension ' + HOSTILE + ' area')}\n")
    _edit(rules / "questionnaire.yaml", "    question: Er du fritaget for Digital Post?\n",
          f"    question: {q('Er du fritaget ' + HOSTILE + ' question')}\n")
    outcome = yaml.safe_load((rules / "questionnaire.yaml").read_text(encoding="utf-8"))["outcomes"][0]["title"]
    _edit(rules / "questionnaire.yaml", f"title: {outcome}", f"title: {q(outcome + ' ' + HOSTILE + ' outcome')}")
    _edit(walks / "flytning.yaml", "title: Meld flytning\n", f"title: {q('Meld flytning ' + HOSTILE + ' walkthrough')}\n")
    _edit(walks / "flytning.yaml", "  - title: Log på med MitID\n", f"  - title: {q('Log på ' + HOSTILE + ' step')}\n")
    tables = load_tables(rules, walks)
    languages = [l for l in site_languages() if l.code in ("da", "ar")]
    renderer = SiteRenderer(tables, load_catalogs([l.code for l in languages]), languages)
    return renderer.render_all()


@pytest.mark.parametrize("kind", ["area", "question", "outcome", "walkthrough", "step"])
def test_a_hostile_title_is_escaped_everywhere(hostile_pages, kind):
    marked = f"{ESCAPED} {kind}"
    pages = {rel: text for rel, text in hostile_pages.items() if marked in text}
    assert pages, f"no page shows the {kind} title"
    titled = [rel for rel, text in pages.items() if text.split("\n---\n", 1)[0].count(marked)]
    assert titled, f"no page has the {kind} title in its front matter (header topic, <title>, search)"
    for rel, text in hostile_pages.items():
        assert HOSTILE not in text, f"{rel}: the raw HTML of a title reached the page"


def test_two_pages_at_one_address_stop_the_build(tables):
    specs = [PageSpec("papir/x/", "outcome.md.j2", "A", "outcome"), PageSpec("papir/x/", "outcome.md.j2", "B", "outcome")]
    with pytest.raises(InputErrors) as exc:
        check_one_page_per_url(specs, tables)
    [err] = exc.value.errors
    assert err.path.name == "questionnaire.yaml" and err.line and "two pages would have the address 'papir/x/'" in err.message


def test_every_page_of_the_real_tables_has_its_own_address(tables):
    from generator.flow import Flow
    from generator.render import page_specs
    specs = page_specs(tables, Flow(tables))
    check_one_page_per_url(specs, tables)
    assert len({s.url for s in specs}) == len(specs)
