"""The site's page map: every address a page has, inside one language, built in one place.

Templates (as `pages.…`), page_specs(), the questionnaire flow, the tests and mkdocs.yml's
nav all take their addresses from here; no template writes 'demo/' or 'papir/' itself.
Addresses are directory URLs relative to a language's root ("" is the home page).
"""
from __future__ import annotations

HOME = ""
AREAS = "omraader/"
START = "papir/"                 # "Kan jeg søge på papir?": the questionnaire's first page
OVERVIEW = "papir/oversigt/"     # the whole questionnaire on one page
HELP = "hjaelp/"
ABOUT = "om/"
LANGUAGES = "sprog/"
DEMOS = "demo/"
HELPERS = "hjaelpere/"
CHECKLISTS = "hjaelpere/tjeklister/"
STATEMENT = "tilgaengelighed/"   # the accessibility statement
SEARCH = "soeg/"                 # search results: soeg/?q=ord (an address a helper can share)

# the main sections, in the order of mkdocs.yml's nav (a test keeps the two in step)
SECTIONS = (HOME, START, AREAS, DEMOS, HELP, HELPERS, ABOUT, LANGUAGES)


def area(area_id: str) -> str:
    """An area's explainer."""
    return f"{AREAS}{area_id}/"


def questionnaire(area_id: str, segments: tuple[str, ...] = ()) -> str:
    """A questionnaire page: the area's first question, or the page after these answers."""
    return "/".join((START + area_id,) + tuple(segments)) + "/"


def walkthrough(wid: str) -> str:
    """A walkthrough's overview."""
    return f"{DEMOS}{wid}/"


def step(wid: str, n: int) -> str:
    return f"{walkthrough(wid)}{n}/"


def presenter(wid: str) -> str:
    return f"{walkthrough(wid)}vis/"


def handout(wid: str) -> str:
    """The printable handout with a QR code."""
    return f"{walkthrough(wid)}print/"


def practice(wid: str, n: int = 1) -> str:
    """Practice mode: screen n."""
    return f"{walkthrough(wid)}oev/{n}/"


def practice_error(wid: str, n: int) -> str:
    """Practice mode: screen n showing its validation error."""
    return f"{practice(wid, n)}fejl/"


def practice_wrong(wid: str, n: int | None = None) -> str:
    """Practice mode: the wrong turns; with n, the part about screen n's other buttons."""
    return f"{walkthrough(wid)}oev/forkert/" + (f"#s{n}-" if n is not None else "")


def practice_done(wid: str) -> str:
    return f"{walkthrough(wid)}oev/faerdig/"
