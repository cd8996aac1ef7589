"""Render every page of the site, in every language, as Markdown for mkdocs.

Pages are listed by `page_specs()`; each names a Jinja2 template in templates/
and the data it shows. All wording goes through `_()` (catalogs.Translator), so a
page in any language is the Danish page with its strings looked up.
"""
from __future__ import annotations

import datetime
import json
import os
import posixpath
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
from babel import Locale
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup, escape

from .catalogs import SOURCE_LANGUAGE, Translator
from . import pages
from .flow import Flow, Node
from .outcome_answer import answer_rules
from .parallel import parallel_map
from .publisher import Publisher, check_hotline, load_publisher
from .qr import qr_img, qr_svg
from .theme_text import SITE_NAME
from .localformat import day_names, day_range, long_date, time_range
from .statement import KIND_ORDER, SEARCH_STEMMED, load_results
from .validate import SCHEMA_DIR, schema

TEMPLATES = Path(__file__).parent / "templates"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

class _TableEnvironment(jinja2.Environment):
    """StrictUndefined, except for a key that a schema declares optional and an entry leaves out.

    `rule.sayz` or `{{ undefined_name }}` fails the build; `area.wave` on an area without a
    wave is empty, as before, because `wave` is an optional property in areas.schema.json.
    """

    def getattr(self, obj, attribute):
        value = super().getattr(obj, attribute)
        if isinstance(value, jinja2.Undefined) and isinstance(obj, dict) and attribute in optional_keys():
            return jinja2.Undefined(obj=obj, name=attribute)
        return value

    def getitem(self, obj, argument):
        value = super().getitem(obj, argument)
        if isinstance(value, jinja2.Undefined) and isinstance(obj, dict) and argument in optional_keys():
            return jinja2.Undefined(obj=obj, name=argument)
        return value


@lru_cache(maxsize=None)
def optional_keys() -> frozenset:
    """Every property that some schema lists but does not require."""
    keys = set()

    def walk(node):
        if isinstance(node, dict):
            required = set(node.get("required", []))
            keys.update(k for k in node.get("properties", {}) if k not in required)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    for path in SCHEMA_DIR.glob("*.schema.json"):
        walk(schema(path.name[: -len(".schema.json")]))
    return frozenset(keys)


ENV = _TableEnvironment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # typos fail the build (see _TableEnvironment)
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    extensions=["jinja2.ext.i18n", "jinja2.ext.do"],
)
ENV.filters["yaml"] = lambda text: Markup(json.dumps(str(text), ensure_ascii=False))  # JSON strings are YAML


@dataclass
class PageSpec:
    url: str                  # directory URL inside a language, "" for the home page
    template: str
    title: str                # Danish msgid of the page title
    kind: str                 # home, explainer, question, outcome, … (tests sample by kind)
    context: dict = field(default_factory=dict)
    search: bool = True
    hide: tuple = ()

    @property
    def source_path(self) -> str:
        return f"{self.url}index.md"


def page_specs(tables, flow: Flow) -> list[PageSpec]:
    specs = [
        PageSpec(pages.HOME, "home.md.j2", "Søg digitalt – eller få hjælp til at søge på en anden måde", "home", hide=("toc",)),
        PageSpec(pages.AREAS, "areas.md.j2", "Områder med digital selvbetjening", "areas"),
        PageSpec(pages.START, "start.md.j2", "Kan jeg søge på papir?", "start", hide=("toc",)),
        # the whole tree repeats every question: in search it would drown the explainers
        PageSpec(pages.OVERVIEW, "flow_overview.md.j2", "Hele spørgeskemaet på én side", "overview", search=False),
        PageSpec(pages.HELP, "help.md.j2", "Få hjælp", "help"),
        PageSpec(pages.ABOUT, "about.md.j2", "Om siden og kilderne", "about"),
        PageSpec(pages.LANGUAGES, "languages.md.j2", "Sprog og oversættelser", "languages"),
        PageSpec(pages.DEMOS, "walkthroughs.md.j2", "Prøv det i en demo", "walkthroughs"),
        PageSpec(pages.HELPERS, "helpers.md.j2", "For hjælpere", "helpers"),
        PageSpec(pages.CHECKLISTS, "checklists.md.j2", "Tjeklister til hjælpere", "checklists", hide=("toc",)),
        PageSpec(pages.STATEMENT, "statement.md.j2", "Tilgængelighedserklæring", "statement",
                 context={"results": load_results(), "kinds": KIND_ORDER,
                          "search_stemmed": SEARCH_STEMMED}),
        PageSpec(pages.SEARCH, "search.md.j2", "Søg", "search", search=False, hide=("toc",)),
    ]
    for area in tables.areas.values():
        specs.append(PageSpec(pages.area(area["id"]), "explainer.md.j2", area["name"], "explainer",
                              context={"area": area}))
    for node in flow.nodes():
        decision = flow.decision(node)
        if decision.next_question:
            title = tables.fact(decision.next_question)["question"]
            kind, template = "question", "question.md.j2"
        else:
            title = tables.outcome(decision.route, node.facts)["title"]
            kind, template = "outcome", "outcome.md.j2"
        specs.append(PageSpec(flow.url(node), template, title, kind, search=False, hide=("toc",),
                              context={"node": node, "decision": decision,
                                       "answer": answer_rules(decision) if decision.route else []}))
    for w in tables.walkthroughs.values():
        wid = w["id"]
        specs.append(PageSpec(pages.walkthrough(wid), "walkthrough.md.j2", w["title"], "walkthrough", context={"w": w}))
        for n, step in enumerate(w["steps"], 1):
            specs.append(PageSpec(pages.step(wid, n), "step.md.j2", step["title"], "step", search=False,
                                  hide=("toc",), context={"w": w, "step": step, "n": n}))
        specs += practice_specs(w)
        specs.append(PageSpec(pages.presenter(wid), "presenter.md.j2", w["title"], "presenter", search=False,
                              hide=("toc",), context={"w": w}))
        specs.append(PageSpec(pages.handout(wid), "print.md.j2", w["title"], "print", search=False,
                              hide=("toc",), context={"w": w}))
    return specs


def check_one_page_per_url(specs: list[PageSpec], tables) -> None:
    """Two pages at one address would silently drop one (e.g. an outcome): refuse to build."""
    from .errors import InputError, InputErrors
    from .yamlfile import line_of
    where = next((p for p in tables.files if p.name == "questionnaire.yaml"), Path("questionnaire.yaml"))
    first: dict[str, PageSpec] = {}
    errors = []
    for spec in specs:
        other = first.setdefault(spec.url, spec)
        if other is not spec:
            errors.append(InputError(where, line_of(tables.questionnaire, "facts"),
                                     f"two pages would have the address '{spec.url}' ({other.kind} '{other.title}' and "
                                     f"{spec.kind} '{spec.title}'), so one would be lost. Give each answer and question "
                                     "its own slug, and each area its own id."))
    if errors:
        raise InputErrors(errors)


def practice_error_step(w) -> int:
    """The step whose screen shows the walkthrough's validation error (tables.py checks there is one)."""
    return next(n for n, s in enumerate(w["steps"], 1)
                for el in s["screen"]["elements"] if el["type"] == "field" and "error" in el)


def practice_specs(w) -> list[PageSpec]:
    """Practice mode: one page per screen, the validation error, the wrong turns, the end."""
    k = practice_error_step(w)
    common = dict(search=False, hide=("toc",))
    wid = w["id"]
    specs = [PageSpec(pages.practice(wid, n), "practice.md.j2", step["title"], "practice", **common,
                      context={"w": w, "step": step, "n": n, "error_step": k, "error_screen": False})
             for n, step in enumerate(w["steps"], 1)]
    specs.append(PageSpec(pages.practice_error(wid, k), "practice.md.j2", w["steps"][k - 1]["title"], "practice-error", **common,
                          context={"w": w, "step": w["steps"][k - 1], "n": k, "error_step": k, "error_screen": True}))
    specs.append(PageSpec(pages.practice_wrong(wid), "practice_wrong.md.j2", "Du valgte en anden knap", "practice-wrong",
                          **common, context={"w": w}))
    specs.append(PageSpec(pages.practice_done(wid), "practice_done.md.j2", "Godt klaret – du har øvet hele forløbet",
                          "practice-done", **common, context={"w": w}))
    return specs


def built_date() -> str:
    """The date of this version of the site (ISO): the sources' date, as the sitemap has it."""
    from .reproducible import source_date
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = int(epoch) if epoch and epoch.isdigit() else source_date()
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).date().isoformat()


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one directory URL to another that works under any site prefix."""
    if to_url.startswith(("http://", "https://", "#", "tel:", "mailto:")):
        return to_url
    path, _, anchor = to_url.partition("#")
    rel = posixpath.relpath(path or ".", from_url or ".")
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def format_phone(number: str) -> Markup:
    spaced = " ".join(number[i:i + 2] for i in range(0, len(number), 2))
    # phone numbers stay left-to-right inside right-to-left text
    return Markup(f'<a class="phone" href="tel:+45{number}" dir="ltr"><bdi>{spaced}</bdi></a>')


def format_hours(channel: dict, lang: str) -> list[tuple[str, str]]:
    """(days, hours) rows of a contact channel, written as the language writes them (localformat)."""
    names = day_names(lang)
    clock = lambda s: datetime.time(*map(int, s.split(":")))
    rows = []
    for slot in channel.get("hours", []):
        days = [names[DAYS.index(d)] for d in slot["days"]]
        label = days[0] if len(days) == 1 else day_range(days[0], days[-1], lang)
        rows.append((label, time_range(clock(slot["open"]), clock(slot["close"]), lang)))
    return rows


def closed_days(channel: dict, lang: str) -> list[str]:
    names = day_names(lang)
    return [names[DAYS.index(d)] for d in channel.get("closed", [])]


def danish_terms(tables) -> frozenset:
    """Danish button labels and area names: a translation that gives one in brackets beside
    its own word ("Click Next (Næste)") gets it marked lang="da" (bidi.mark_danish)."""
    terms = {el["label"] for w in tables.walkthroughs.values() for step in w["steps"]
             for el in (step.get("screen") or {}).get("elements", []) if el.get("type") == "button"}
    return frozenset(terms | {a["name"] for a in tables.areas.values()})


class SiteRenderer:
    def __init__(self, tables, catalogs: dict, languages: list, site_url: str = "", publisher: Publisher | None = None):
        self.tables = tables
        self.publisher = publisher or load_publisher()
        check_hotline(self.publisher, [ch["id"] for ch in tables.help["channels"] if ch.get("phone")])
        self.built = built_date()
        self.catalogs = catalogs
        self.languages = languages
        self.flow = Flow(tables)
        self.specs = page_specs(tables, self.flow)
        check_one_page_per_url(self.specs, tables)
        self.by_url = {s.url: s for s in self.specs}
        self.site_url = self.publisher.address(site_url)  # "" for a preview: no QR code, no sitemap
        self.danish_terms = danish_terms(tables)

    def lang_prefix(self, code: str) -> str:
        default = next(l for l in self.languages if l.default)
        return "" if code == default.code else f"{code}/"

    def absolute_url(self, code: str, url: str) -> str:
        return f"{self.site_url}{self.lang_prefix(code)}{url}"

    def render_all(self) -> dict[str, str]:
        """Every page of every language: {"<lang>/<path>.md": text}. The languages are shared
        out over the processor cores (each one takes a second or more); the result is the same."""
        out = {}
        for part in parallel_map(self.render_language, self.languages):
            out.update(part)
        return out

    def render_language(self, lang) -> dict[str, str]:
        return {f"{lang.code}/{spec.source_path}": self.render(spec, lang) for spec in self.specs}

    def render(self, spec: PageSpec, lang) -> str:
        _ = Translator(self.catalogs[lang.code], danish_terms=self.danish_terms)
        tables = self.tables
        here = self.lang_prefix(lang.code) + spec.url
        context = dict(
            spec.context,
            _p=_.plain, da=Translator(self.catalogs[SOURCE_LANGUAGE]), catalogs=self.catalogs,
            in_language=lambda code: relative_url(here, self.lang_prefix(code) + spec.url),
            date=lambda iso: long_date(datetime.date.fromisoformat(iso), lang.code),
            number=lambda n: format_decimal(n, locale=lang.code),
            percent=lambda x: format_percent(x, format="#,##0.#%", locale=lang.code),
            _=_, t=tables, flow=self.flow, page=spec, lang=lang, languages=self.languages, pages=pages,
            url=lambda to: relative_url(spec.url, to), phone=format_phone,
            hours=lambda ch: format_hours(ch, lang.code), closed=lambda ch: closed_days(ch, lang.code),
            source=lambda sid: tables.sources[sid], authority=lambda aid: tables.authorities[aid],
            absolute_url=lambda code, to: self.absolute_url(code, to), qr=qr_svg, qr_img=qr_img,
            Node=Node, is_danish=lang.code == SOURCE_LANGUAGE,
            # who publishes the site, at which address ("" = a preview), and the date of this version
            publisher=self.publisher, site_address=self.site_url, built=self.built, site_name_da=SITE_NAME,
            da_date=lambda iso: long_date(datetime.date.fromisoformat(iso), SOURCE_LANGUAGE),
            site_name=SITE_NAME,
            language_in_danish=Locale.parse(lang.code).get_display_name(SOURCE_LANGUAGE),  # "arabisk" (the slip)
        )
        body = ENV.get_template(spec.template).render(context)
        body += ENV.get_template("_share.md.j2").render(context)  # before counting fallbacks
        catalog = self.catalogs[lang.code]
        unreviewed = [m for m in _.seen if not catalog.is_reviewed(m)]  # the page is reviewed when every string is
        self.last_seen = list(_.seen)  # the review sheet groups strings by page
        frame = ENV.get_template("_frame.md.j2").render(
            context, body=Markup(body), fallbacks=_.fallbacks, catalog=catalog, unreviewed=len(unreviewed),
            # the theme's templates do not escape: escape here, for <title>, header and search
            title=escape(_.plain(spec.title)),
        )
        return frame
