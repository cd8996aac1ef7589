"""One page map (generator/pages.py): templates, page specs, the nav and the tests agree."""
import re
from pathlib import Path

import yaml

from generator import pages
from generator.render import TEMPLATES

ROOT = Path(__file__).resolve().parent.parent


def test_no_template_writes_an_address_of_its_own():
    """Addresses come from pages.py: a renamed section cannot leave a stale link behind."""
    prefixes = {p.split("/")[0] for p in (pages.AREAS, pages.START, pages.HELP, pages.ABOUT, pages.LANGUAGES,
                                          pages.DEMOS, pages.HELPERS, pages.STATEMENT)}
    for path in TEMPLATES.glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        for literal in re.findall(r"""["']([a-z-]+)/""", text):
            assert literal not in prefixes, f"{path.name}: '{literal}/' written by hand; use pages.…"


def test_the_nav_lists_the_sections_of_the_page_map():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    nav = [entry if isinstance(entry, str) else next(iter(entry.values())) for entry in config["nav"]]
    assert nav == [f"{s}index.md" for s in pages.SECTIONS]


def test_builders_nest_under_their_sections():
    assert pages.questionnaire("folkepension").startswith(pages.START)
    assert pages.questionnaire("folkepension", ("udland-nej",)) == "papir/folkepension/udland-nej/"
    for build in (pages.step("x", 2), pages.practice("x", 3), pages.practice_error("x", 3), pages.practice_done("x"),
                  pages.presenter("x"), pages.handout("x")):
        assert build.startswith(pages.walkthrough("x")) and build.endswith("/")
    assert pages.practice_wrong("x", 4).endswith("/oev/forkert/#s4-")
