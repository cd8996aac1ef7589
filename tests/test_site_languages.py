"""The built site names itself in each language, and its one 404 page speaks every language."""
import os
import re
from urllib.parse import urlparse

from generator import theme_text
from generator.languages import site_languages
from sitepages import SITE, language_prefix


def test_site_name_is_translated_in_header_and_title_of_every_language():
    for l in site_languages():
        html = (SITE / language_prefix(l.code) / "index.html").read_text(encoding="utf-8")
        name = theme_text.site_name(l.code)
        assert l.default or name != theme_text.SITE_NAME, f"{l.code}: no translated site name"
        assert re.search(rf"<title>[^<]*{re.escape(name)}</title>", html), l.code
        assert re.search(rf'class="md-header__topic">\s*<span class="md-ellipsis">\s*{re.escape(name)}\s*</span>', html), l.code


def test_404_page_says_not_found_in_every_language_with_lang_dir_and_a_link_home():
    html = (SITE / "404.html").read_text(encoding="utf-8")
    for l in site_languages():
        words = theme_text.translations(l.code)
        base = urlparse(os.environ.get("SITE_URL", "/")).path.rstrip("/") + "/"
        home = base + language_prefix(l.code)
        line = re.search(rf'<(?:li|h1) lang="{l.code}" dir="{l.dir}">(.*?)</(?:li|h1)>', html, re.S)
        assert line and words[theme_text.NOT_FOUND] in line.group(1), l.code
        assert f'<a href="{home}" hreflang="{l.code}">{words[theme_text.GO_HOME]}</a>' in html, l.code


def test_404_page_is_framed_in_the_site_language_and_its_language_menu_leads_to_each_home():
    """The i18n plugin lets the language built last write /404.html. Listed last, Danish was built
    twice for it, and the menu linked the last page built (the accessibility statement)."""
    html = (SITE / "404.html").read_text(encoding="utf-8")
    default = next(l for l in site_languages() if l.default)
    assert re.search(rf'<html lang="{default.code}"', html)
    assert f"<title>{theme_text.site_name(default.code)}</title>" in html
    base = urlparse(os.environ.get("SITE_URL", "/")).path.rstrip("/") + "/"
    menu = dict((code, href) for href, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]{2})"[^>]*class="md-select__link"', html))
    assert menu == {l.code: base + language_prefix(l.code) for l in site_languages()}
