"""Hostile translations through every catalog entry into rendered pages (issue 19).

Catalogs come from outside translators: untrusted input. For a hostile string, every entry
of the English catalog is either refused by the catalog check (translation_problem, with
the entry's line) or, when accepted, rendered into every kind of page by the project's own
renderer (in memory, no build). The HTML must then parse to the same elements and
attributes as with harmless translations, and show the hostile text as text. The theme's
own uses (site name and description in attributes) go through hooks.on_config the same way.

Profiles as in tests/test_fuzz.py: `short` in make test-fast, HYPOTHESIS_PROFILE=long in the workflow.
"""
from __future__ import annotations

import copy
from unittest import mock
from html.parser import HTMLParser
from types import SimpleNamespace

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import test_fuzz  # noqa: F401  (registers the short and long profiles)
from generator import theme_text
from generator.catalogs import PLACEHOLDER, load_catalogs, translation_problem
from generator.languages import site_languages
from generator.render import SiteRenderer

HOSTILE = ['"', "'", "<", ">", "&", "&amp;", "</p>", "<script>", '" onmouseover="x', "' autofocus '", "javascript:",
           "data:text/html,", "{{ config }}", "{% raw %}", "${x}", "`", "](x)", "%", "%%", "\\", "\n", "=", "/>", "<!--",
           "-->", "]]>", "\u202e", "\u200f", "\u061c", "\ufeff", "\u00a0", "😀", "ح", "§ 99", "https://evil.example/"]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text("abcXYZ 0123.,:;!?-", max_size=4)),
                        min_size=1, max_size=6).map("".join).filter(bool)


class Shape(HTMLParser):
    """The elements with their attribute names, and all text and attribute values, of a page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.text.extend(value or "" for _, value in attrs)

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, ()))

    def handle_data(self, data):
        self.text.append(data)


ALL = [l for l in site_languages() if l.code in ("da", "en")]   # the renderer needs the default language
LANGS = [l for l in ALL if l.code == "en"]
CATALOGS = load_catalogs(["da", "en"])
BASE = CATALOGS["en"]


def with_every_entry(text: str):
    """The English catalog with `text` (plus each entry's placeholders) in every entry that accepts it,
    and harmless words in the others (so the pages compare with the harmless ones)."""
    catalog = copy.copy(BASE)
    catalog.messages = {}
    accepted = refused = 0
    for msgid in BASE.messages:
        values = "".join(f" %({p})s" for p in PLACEHOLDER.findall(msgid))
        candidate = text + values
        if translation_problem(msgid, candidate, "en"):
            refused += 1
            catalog.messages[msgid] = "Plain words" + values   # as on the harmless pages
        else:
            accepted += 1
            catalog.messages[msgid] = candidate
    return catalog, accepted, refused


@pytest.fixture(scope="module")
def pages(tables):
    renderer = SiteRenderer(tables, dict(CATALOGS), ALL)
    sample = list({spec.kind: spec for spec in renderer.specs}.values())  # every kind of page once
    harmless, _, _ = with_every_entry("Plain words")
    renderer.catalogs["en"] = harmless
    shapes = [Shape(renderer.render(spec, LANGS[0])).tags for spec in sample]
    return renderer, sample, shapes


@settings(settings.get_profile(test_fuzz.PROFILE))
@given(text=hostile_text)
def test_hostile_translations_render_as_text_or_are_refused(pages, text):
    renderer, sample, shapes = pages
    catalog, accepted, _ = with_every_entry(text)
    renderer.catalogs["en"] = catalog
    visible = " ".join(text.split())
    for spec, shape in zip(sample, shapes):
        html = renderer.render(spec, LANGS[0])
        parsed = Shape(html)
        assert parsed.tags == shape, f"{spec.url}: the translation {text!r} changed the page's elements"
        if accepted and visible:
            found = " ".join(" ".join(parsed.text).split())
            assert visible in found or visible in " ".join(found.split()), f"{spec.url}: {text!r} not shown as text"


THEME = jinja2.Environment(autoescape=False).from_string(  # as Material writes them: raw, and with | e
    '<meta name="description" content="{{ config.site_description }}">'
    '<a href="/" title="{{ config.site_name | e }}" aria-label="{{ config.site_name }}">{{ config.site_name }}</a>')


@settings(settings.get_profile(test_fuzz.PROFILE))
@given(text=hostile_text)
def test_the_theme_writes_site_name_and_description_as_text(text):
    from generator import hooks
    config = SimpleNamespace(plugins={"i18n": SimpleNamespace(current_language="en")}, extra={}, site_url="",
                             site_name="", site_description="")
    with mock.patch.object(theme_text, "site_name", lambda lang: text), \
         mock.patch.object(theme_text, "site_description", lambda lang: text), \
         mock.patch.object(theme_text, "not_found_parts", lambda url: []):
        hooks.on_config(config)
    parsed = Shape(THEME.render(config=config))
    assert parsed.tags == [("meta", ("content", "name")), ("a", ("aria-label", "href", "title")), ("/a", ())]
    assert parsed.text[1] == text and parsed.text[3] == text and parsed.text[4] == text
    assert parsed.text[5] == text
