"""Read the built site: pages, their language, links and ids (shared by site and browser tests)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from generator.flow import Flow
from generator.languages import RTL  # noqa: F401  (re-exported for the tests)
from generator.languages import site_languages
from generator.render import page_specs
from generator.tables import load_tables

SITE = Path(__file__).resolve().parent.parent / "site"
ROOT_RESULTS = Path(__file__).resolve().parent.parent / "test-results"
ROOT_RESULTS.mkdir(exist_ok=True)


@dataclass
class ParsedPage:
    html_attrs: dict = field(default_factory=dict)
    ids: set = field(default_factory=set)
    links: list = field(default_factory=list)       # (href, attrs)
    resources: list = field(default_factory=list)   # src/href of script, link, img, iframe…
    forms: list = field(default_factory=list)       # action of each <form> (GET: reachable without JavaScript)
    data: dict = field(default_factory=dict)        # data-* attribute -> list of values
    h1: int = 0


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        p = self.page
        if tag == "html":
            p.html_attrs = a
        if "id" in a:
            p.ids.add(a["id"])
        if tag == "a" and "href" in a:
            p.links.append((a["href"], a))
        if tag == "form" and a.get("action"):
            p.forms.append(a["action"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            p.resources.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical",):
            p.resources.append(a["href"])
        if tag == "h1":
            p.h1 += 1
        for k, v in a.items():
            if k.startswith("data-"):
                p.data.setdefault(k, []).append(v)


@lru_cache(maxsize=None)
def parse(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


@lru_cache(maxsize=None)
def language_prefix(code: str) -> str:
    default = next(l for l in site_languages() if l.default)
    return "" if code == default.code else f"{code}/"


@lru_cache(maxsize=None)
def expected_pages() -> list[tuple[str, str, str]]:
    """(language, url inside the site, page kind) for every page the site must have."""
    tables = load_tables()
    specs = page_specs(tables, Flow(tables))
    return [(l.code, language_prefix(l.code) + s.url, s.kind) for l in site_languages() for s in specs]


def file_for(url: str) -> Path:
    return SITE / url / "index.html" if url.endswith("/") or url == "" else SITE / url


def resolve(page_url: str, href: str) -> tuple[str, str] | None:
    """The site-relative path and fragment an internal link leads to; None for external links."""
    parsed = urlparse(href)
    if parsed.scheme or href.startswith("//"):
        return None
    target = urlparse(urljoin("http://site/" + page_url, href))
    return unquote(target.path.lstrip("/")), target.fragment


def sample_by_kind(language: str | None = None) -> list[tuple[str, str, str]]:
    """One page of each kind per language (the first of each), for slower checks."""
    seen, out = set(), []
    for code, url, kind in expected_pages():
        if (language is None or code == language) and (code, kind) not in seen:
            seen.add((code, kind))
            out.append((code, url, kind))
    return out



@lru_cache(maxsize=None)
def representative_questionnaire_urls() -> frozenset[str]:
    """Questionnaire pages that differ in what they show, not only in their address: each
    question once per regime, each outcome (and its wording variant) once per regime.

    Question and outcome pages are one template filled from the rule tables; what varies is
    the question, the area's rules and the outcome wording, so this set meets every text the
    questionnaire can show. AXE_ALL=1 checks every page (the GitHub workflow)."""
    tables = load_tables()
    flow = Flow(tables)
    seen, urls = set(), set()
    for node in flow.nodes():
        d = flow.decision(node)
        chapter = tables.areas[node.area]["chapter"]
        if d.next_question:
            key = ("q", chapter, d.next_question)
        else:
            key = ("o", chapter, d.route, tables.outcome(d.route, node.facts)["title"])
        if key not in seen:
            seen.add(key)
            urls.add(flow.url(node))
    return frozenset(urls)
