"""Fixes to the theme's HTML that templates cannot reach (applied to every page).

Measured with the stock mkdocs-material 9.8.1 (../shared/TOOLCHAIN.md):
- <html> has no dir (Material puts dir on <body> only): screen readers and CSS need it on <html>.
- the skip link points at the first heading of the table of contents, or is missing;
  it must lead to the main content on every page.
- the #__toc checkbox has no accessible name (H91.InputCheckbox.Name, F68).
- the theme's checkbox toggles carry autocomplete="off", invalid on type=checkbox (Nu Html Checker).
- the page config (inline JSON) carries every UI string; assets/search.js needs only the base
  address of this language (its search/pages.json) and the search result strings.

Each patch must apply exactly where the pinned theme's HTML has its pattern. When a theme
upgrade changes that HTML, the patch raises ThemeChanged instead of silently doing nothing
(tests/test_chrome.py runs every patch on a captured page of the pinned theme).
"""
from __future__ import annotations

import json
import re

from .languages import RTL

MAIN_ID = "hovedindhold"
SEARCH_STRINGS = ("search.result.none", "search.result.one", "search.result.other")


# The language menu's name, readable before one reads Danish (issue 16: a 文A icon named only
# "Vælg sprog" was missed): overrides/partials/alternate.html shows these words, each in its language.
LANGUAGE_MENU_NAME = (("da", "Sprog"), ("en", "Language"), ("ar", "اللغة"))


def language_menu_name() -> list[dict]:
    return [{"lang": code, "dir": "rtl" if code in RTL else "ltr", "text": word} for code, word in LANGUAGE_MENU_NAME]


class ThemeChanged(Exception):
    """A patch found no place to apply: the theme's HTML is not what chrome.py was written for."""

    def __init__(self, patch: str, expected: str):
        super().__init__(
            f"generator/chrome.py, patch '{patch}': the theme's page no longer contains {expected}. "
            "The theme (mkdocs-material) or its templates changed. What to do: pin the theme version in "
            "requirements.txt, or adapt the patch to the new HTML and recapture tests/fixtures/theme-page.html.")
        self.patch = patch


def _sub_once(patch: str, expected: str, pattern: str, repl, html: str, flags: int = 0) -> str:
    new, n = re.subn(pattern, repl, html, count=1, flags=flags)
    if n != 1:
        raise ThemeChanged(patch, expected)
    return new


def _replace_once(patch: str, old: str, new: str, html: str) -> str:
    if old not in html:
        raise ThemeChanged(patch, repr(old))
    return html.replace(old, new, 1)


def html_dir(html: str) -> tuple[str, str]:
    m = re.search(r'<html lang="([^"]+)"', html)
    if not m:
        raise ThemeChanged("html-dir", '<html lang="…">')
    lang = m.group(1)
    direction = "rtl" if lang.split("-")[0] in RTL else "ltr"
    html = _sub_once("html-dir", '<html lang="…">', r'<html lang="([^"]+)"( dir="[^"]*")?',
                     f'<html lang="{lang}" dir="{direction}"', html)
    return html, lang


def page_config(html: str, lang: str, default_language: str) -> str:
    """Keep what assets/search.js needs; each language searches its own pages (search_index.py)."""
    pattern = r'(<script id="__config" type="application/json">)(.*?)(</script>)'
    m = re.search(pattern, html, flags=re.S)
    if not m:
        raise ThemeChanged("page-config", '<script id="__config" type="application/json">')
    try:
        config = json.loads(m.group(2))
        base, strings = config["base"], config["translations"]
        kept = {"base": base if lang == default_language else f"{base}/{lang}/",
                "translations": {k: strings[k] for k in SEARCH_STRINGS}}
    except (ValueError, KeyError, TypeError) as exc:
        raise ThemeChanged("page-config", f"a page config with base and {', '.join(SEARCH_STRINGS)} ({exc})") from None
    text = json.dumps(kept, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return html[:m.start(2)] + text + html[m.end(2):]


def toc_label(html: str) -> str:
    """Name the #__toc checkbox after the table of contents (the theme's own translated word)."""
    toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
    if 'id="__toc"' not in html:
        return html  # a page without a table of contents
    title = re.search(r'<nav class="md-nav md-nav--secondary" aria-label="([^"]+)">', html)
    if not title:
        raise ThemeChanged("toc-label", 'the table of contents <nav class="md-nav md-nav--secondary" aria-label="…">')
    return _replace_once("toc-label", toggle, toggle.replace('id="__toc">', f'id="__toc" aria-label="{title.group(1)}">'), html)


def checkbox_autocomplete(html: str) -> str:
    """The drawer and search toggles: autocomplete is not allowed on type=checkbox."""
    for toggle in ("drawer", "search"):
        html = _replace_once("checkbox-autocomplete",
                             f'data-md-toggle="{toggle}" type="checkbox" id="__{toggle}" autocomplete="off">',
                             f'data-md-toggle="{toggle}" type="checkbox" id="__{toggle}">', html)
    return html


def skip_link(html: str) -> str:
    """One skip link, always present, always to the main content, in the theme's own words
    (left in <head> by overrides/main.html)."""
    skip_meta = re.search(r'<meta name="skip-link-text" content="([^"]*)">\n?', html)
    if not skip_meta:
        raise ThemeChanged("skip-link", '<meta name="skip-link-text"> from overrides/main.html')
    html = html.replace(skip_meta.group(0), "", 1)
    html = _sub_once("skip-link", '<div data-md-component="skip">…</div>', r'<div data-md-component="skip">.*?</div>',
                     f'<div data-md-component="skip"><a href="#{MAIN_ID}" class="md-skip">{skip_meta.group(1)}</a></div>',
                     html, flags=re.S)
    return _replace_once("main-id", '<main class="md-main" data-md-component="main">',
                         f'<main class="md-main" data-md-component="main" id="{MAIN_ID}" tabindex="-1">', html)


def fix_page(html: str, default_language: str = "da") -> str:
    html, lang = html_dir(html)
    html = page_config(html, lang, default_language)
    html = toc_label(html)
    html = checkbox_autocomplete(html)
    return skip_link(html)
