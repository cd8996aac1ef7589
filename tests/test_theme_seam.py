"""The seam with the theme: every post-build edit applies to the pinned theme's real pages
(captured in tests/fixtures/ by capture_theme_pages.py) and fails loudly when its pattern is gone."""
from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator import chrome, css_purge, search_index

FIXTURES = Path(__file__).parent / "fixtures"
HOME_DA = (FIXTURES / "theme-page-da-home.html").read_text(encoding="utf-8")
QUESTION_AR = (FIXTURES / "theme-page-ar-question.html").read_text(encoding="utf-8")


def config_of(html):
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))


def test_every_patch_applies_to_the_pinned_theme():
    da = chrome.fix_page(HOME_DA, default_language="da")
    assert '<html lang="da" dir="ltr"' in da
    assert '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" aria-label="Indholdsfortegnelse">' in da
    assert '<div data-md-component="skip"><a href="#hovedindhold" class="md-skip">' in da
    assert 'id="hovedindhold" tabindex="-1"' in da
    assert 'skip-link-text' not in da
    assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete', da)
    assert config_of(da) == {"base": ".",
                             "translations": {k: config_of(HOME_DA)["translations"][k] for k in chrome.SEARCH_STRINGS}}

    ar = chrome.fix_page(QUESTION_AR, default_language="da")
    assert '<html lang="ar" dir="rtl"' in ar
    assert config_of(ar)["base"] == config_of(QUESTION_AR)["base"] + "/ar/"
    assert 'id="__toc"' not in ar  # no table of contents here: nothing to name, and no error
    # the page built at the root (make serve ONLY=ar) searches the root index
    assert config_of(chrome.fix_page(QUESTION_AR, default_language="ar"))["base"] == config_of(QUESTION_AR)["base"]


BREAKAGES = [
    ("html-dir", HOME_DA, '<html lang="da"', '<html data-lang="da"'),
    ("page-config", HOME_DA, '<script id="__config"', '<script id="__md_config"'),
    ("page-config", HOME_DA, '"translations":', '"strings":'),
    ("toc-label", HOME_DA, 'type="checkbox" id="__toc">', 'type="checkbox" id="__toc" class="x">'),
    ("toc-label", HOME_DA, '<nav class="md-nav md-nav--secondary"', '<nav class="md-nav md-toc"'),
    ("checkbox-autocomplete", HOME_DA, 'id="__drawer" autocomplete="off">', 'id="__drawer">'),
    ("checkbox-autocomplete", QUESTION_AR, 'id="__search" autocomplete="off">', 'id="__search" autocomplete="nope">'),
    ("skip-link", HOME_DA, '<meta name="skip-link-text"', '<meta name="skip"'),
    ("skip-link", QUESTION_AR, '<div data-md-component="skip">', '<div data-md-component="skip-link">'),
    ("main-id", HOME_DA, '<main class="md-main" data-md-component="main">', '<main class="md-main">'),
]


@pytest.mark.parametrize("patch,page,old,new", BREAKAGES, ids=[f"{b[0]}-{i}" for i, b in enumerate(BREAKAGES)])
def test_each_patch_raises_when_the_theme_changes(patch, page, old, new):
    assert old in page, "the fixture no longer has the pattern this test breaks"
    with pytest.raises(chrome.ThemeChanged) as error:
        chrome.fix_page(page.replace(old, new), default_language="da")
    assert error.value.patch == patch
    assert "What to do" in str(error.value)


def test_a_theme_change_stops_the_build_with_the_page_named():
    from mkdocs.exceptions import PluginError
    from generator import hooks
    config = {"plugins": {"i18n": SimpleNamespace(config=SimpleNamespace(build_only_locale=None, languages=[
        SimpleNamespace(locale="da", default=True)]))}}
    config = SimpleNamespace(plugins=config["plugins"])
    page = SimpleNamespace(file=SimpleNamespace(src_uri="da/index.md"))
    with pytest.raises(PluginError, match=r"^da/index.md: generator/chrome.py, patch 'main-id'"):
        hooks.on_post_page(HOME_DA.replace('data-md-component="main"', ""), page, config)


def test_the_i18n_plugins_internal_flag_is_checked():
    from mkdocs.exceptions import PluginError
    from generator import hooks
    assert hooks._i18n_building(SimpleNamespace(plugins={"i18n": SimpleNamespace(building=True)})) is True
    with pytest.raises(PluginError, match="mkdocs-static-i18n has no boolean `building` flag"):
        hooks._i18n_building(SimpleNamespace(plugins={"i18n": SimpleNamespace(is_building=False)}))


def test_the_search_index_split_refuses_an_index_of_another_shape(tmp_path):
    (tmp_path / "search").mkdir()
    index = tmp_path / "search" / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["da"]}, "docs": [{"loc": "x/"}]}), encoding="utf-8")
    with pytest.raises(search_index.IndexChanged, match="search_index.json: the search index is no longer"):
        search_index.split_by_language(tmp_path, ["da", "ar"], "da")


def test_the_search_index_becomes_one_record_per_page_without_the_legal_basis(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": {"lang": ["da"]}, "docs": [
        {"location": "omraader/", "title": "Områder", "text": "Områder <p>Vælg</p>"},
        {"location": "omraader/x/", "title": "X &amp; Y", "text": "X &amp; Y <p>Om X.</p>"},
        {"location": "omraader/x/#klage", "title": "Klage", "text": "<p>Sådan klager du.</p>"},
        {"location": "omraader/x/#lovgrundlag", "title": "Lovgrundlag", "text": "<p>§ 1</p>"},
        {"location": "ar/omraader/x/", "title": "س", "text": "<p>نص</p>"}]}), encoding="utf-8")
    assert search_index.split_by_language(tmp_path, ["da", "ar"], "da") == {"da": 2, "ar": 1}
    assert not (tmp_path / "search" / "search_index.json").exists()
    da = json.loads((tmp_path / "search" / "pages.json").read_text(encoding="utf-8"))
    assert da["stemmer"] == "da" and da["lang"] == "da"
    assert da["pages"][1] == {"u": "omraader/x/", "t": "X & Y", "k": "Områder", "x": "Om X. Klage. Sådan klager du."}
    ar = json.loads((tmp_path / "ar" / "search" / "pages.json").read_text(encoding="utf-8"))
    assert ar["pages"] == [{"u": "omraader/x/", "t": "س", "k": "", "x": "نص"}] and ar["stemmer"] == "ar"


def test_css_reduction_keeps_what_pages_use_and_drops_the_rest():
    used = css_purge.Used(tags={"html", "body", "p", "a"}, classes={"used", "md-typeset"}, ids={"top"},
                          attributes={"dir", "class"})
    css = (":root{--kept:1px;--dropped:2px;--chain:var(--kept)}"
           ".used{margin:var(--chain)}.unused{color:red}.used .unused,.used>p{padding:0}"
           "p:not(.unused){color:blue}#top{top:0}#gone{top:1px}[dir=rtl] .used{left:0}[data-x] a{x:y}"
           "table td{border:0}a:hover{color:#000}"
           "@media print{.unused{display:none}}@media screen{.used{animation:spin 1s}}"
           "@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}")
    out = css_purge.reduce_css(css, used)
    assert out == (":root{--kept:1px;--chain:var(--kept)}.used{margin:var(--chain)}.used>p{padding:0}"
                   "p:not(.unused){color:blue}#top{top:0}[dir=rtl] .used{left:0}a:hover{color:#000}"
                   "@media screen{.used{animation:spin 1s}}@keyframes spin{to{transform:rotate(1turn)}}")
    # a custom property the following stylesheet reads is kept
    assert "--dropped:2px" in css_purge.reduce_css(css, used, also_uses=".x{width:var(--dropped)}")


def test_css_reduction_refuses_css_it_cannot_parse():
    with pytest.raises(ValueError, match="line 1: the theme's CSS does not parse"):
        css_purge.reduce_css("@media print{.a{}}}", css_purge.Used())


def test_collecting_used_names_misses_nothing_html_parser_sees(tmp_path):
    from html.parser import HTMLParser
    seen = css_purge.Used()

    class Reference(HTMLParser):
        def handle_starttag(self, tag, attrs):
            seen.tags.add(tag)
            for name, value in attrs:
                seen.attributes.add(name)
                if name == "class" and value:
                    seen.classes.update(value.split())
                elif name == "id" and value:
                    seen.ids.add(value)

    pages = []
    for i, html in enumerate((chrome.fix_page(HOME_DA), chrome.fix_page(QUESTION_AR))):
        Reference(convert_charrefs=True).feed(html)
        pages.append(tmp_path / f"{i}.html")
        pages[-1].write_text(html, encoding="utf-8")
    used = css_purge.collect(pages)
    for kind in ("tags", "classes", "ids", "attributes"):
        assert getattr(seen, kind) <= getattr(used, kind), (kind, getattr(seen, kind) - getattr(used, kind))
    assert {"md-header", "md-search__input", "share-qr-list"} <= used.classes and "hovedindhold" in used.ids


@pytest.mark.parametrize("css,expected", [
    ("/* note */ a  >  b , c { color : red ; }\n", "a>b,c{color : red;}"),
    # the spaces CSS needs stay: "and (", a descendant ":hover", the operators of calc()
    ("@media screen and (max-width: 1px) {\n  .a :hover { margin: calc(1px + 2px) }\n}", "@media screen and (max-width: 1px){.a :hover{margin: calc(1px + 2px)}}"),
    # strings and urls exactly as written, a comment inside a string too
    ('.x::before { content: "a  b /* c */"; }', '.x::before{content: "a  b /* c */";}'),
    ('[dir=rtl] .a { background: url("a b.svg") }', '[dir=rtl] .a{background: url("a b.svg")}'),
])
def test_our_stylesheet_is_minified_without_changing_a_rule(css, expected):
    assert css_purge.minify(css) == expected


def test_minifying_our_stylesheet_keeps_every_rule_and_declaration():
    import tinycss2
    source = (Path(__file__).resolve().parent.parent / "overrides" / "assets" / "site.css").read_text(encoding="utf-8")

    def rules(css):
        def walk(nodes):
            out = []
            for rule in nodes:
                if rule.type == "qualified-rule":
                    decls = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                    out.append((" ".join(tinycss2.serialize(rule.prelude).split()),
                                [(d.name, " ".join(tinycss2.serialize(d.value).split()), d.important) for d in decls]))
                elif rule.type == "at-rule":
                    inner = tinycss2.parse_rule_list(rule.content or [], skip_comments=True, skip_whitespace=True)
                    out.append((rule.lower_at_keyword, " ".join(tinycss2.serialize(rule.prelude).split()), walk(inner)))
            return out
        return walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))

    minified = css_purge.minify(source)
    assert "/*" not in minified and len(minified) < 0.85 * len(source)
    normalise = lambda r: json.dumps(r).replace(", ", ",").replace(" ,", ",").replace("> ", ">").replace(" >", ">")
    assert normalise(rules(minified)) == normalise(rules(source))
