"""Fixes to the theme's HTML that templates cannot reach (applied to every page).

Measured with the stock mkdocs-material 9.8.1 (../shared/TOOLCHAIN.md):
- <html> has no dir (Material puts dir on <body> only): screen readers and CSS need it on <html>.
- the skip link points at the first heading of the table of contents, or is missing;
  it must lead to the main content on every page.
- the search dialog has no accessible name (axe aria-dialog-name).
- the search form has no submit button (HTML_CodeSniffer H32.2).
- the #__toc checkbox has no accessible name (H91.InputCheckbox.Name, F68).
- the search index of every language is loaded on every page (1.5 MB for eight languages).
"""
from __future__ import annotations

import re

from .languages import RTL

MAIN_ID = "hovedindhold"


def fix_page(html: str, default_language: str = "da") -> str:
    m = re.search(r'<html lang="([^"]+)"', html)
    lang = m.group(1) if m else "da"
    direction = "rtl" if lang.split("-")[0] in RTL else "ltr"
    html = re.sub(r'<html lang="([^"]+)"( dir="[^"]*")?', f'<html lang="{lang}" dir="{direction}"', html, count=1)

    # each language searches its own index (see search_index.py): point "base" at the language
    if lang != default_language:
        html = re.sub(r'("base": ")([^"]*)(")', lambda m: f"{m.group(1)}{m.group(2)}/{lang}/{m.group(3)}", html, count=1)

    search_label = re.search(r'class="md-search__input"[^>]*aria-label="([^"]+)"', html)
    label = search_label.group(1) if search_label else "Search"
    html = html.replace('data-md-component="search" role="dialog">',
                        f'data-md-component="search" role="dialog" aria-label="{label}">', 1)
    html = re.sub(r'(<form class="md-search__form" name="search">.*?)(</form>)',
                  lambda m: m.group(1) + f'<button type="submit" class="md-search__submit" tabindex="-1" aria-label="{label}"></button>' + m.group(2),
                  html, count=1, flags=re.S)

    toc_title = re.search(r'<label class="md-nav__title" for="__toc">\s*<span class="md-nav__icon md-icon"></span>\s*([^<]+?)\s*</label>', html)
    toc_label = toc_title.group(1) if toc_title else "Table of contents"
    html = html.replace('<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">',
                        f'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc" aria-label="{toc_label}">')

    # one skip link, always present, always to the main content
    # the theme's own words for "skip to content", left in <head> by overrides/main.html
    skip_meta = re.search(r'<meta name="skip-link-text" content="([^"]*)">\n?', html)
    text = skip_meta.group(1) if skip_meta else "Skip to content"
    if skip_meta:
        html = html.replace(skip_meta.group(0), "", 1)
    html = re.sub(r'<div data-md-component="skip">.*?</div>',
                  f'<div data-md-component="skip"><a href="#{MAIN_ID}" class="md-skip">{text}</a></div>',
                  html, count=1, flags=re.S)
    html = html.replace('<main class="md-main" data-md-component="main">',
                        f'<main class="md-main" data-md-component="main" id="{MAIN_ID}" tabindex="-1">', 1)
    return html

