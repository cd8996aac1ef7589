"""Words the theme shows outside the generated pages: the site name (header, <title>)
and the 404 page. They are msgids like any other (extract.py collects them), so every
language names the site in its own words."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from .catalogs import SOURCE_LANGUAGE, TRANSLATIONS_DIR, load_catalog
from .languages import site_languages

SITE_NAME = "Digital selvbetjening – din ret til hjælp"  # = site_name in mkdocs.yml (a test checks)
SITE_DESCRIPTION = "Skal du søge digitalt, eller må du søge på papir? Vejledning om obligatorisk digital selvbetjening i et enkelt sprog."  # = site_description
NOT_FOUND = "Siden blev ikke fundet"
GO_HOME = "Gå til forsiden"
MSGIDS = (SITE_NAME, SITE_DESCRIPTION, NOT_FOUND, GO_HOME)


def translations(lang: str) -> dict[str, str]:
    """msgid -> text in one language (Danish where a translation is missing)."""
    if lang == SOURCE_LANGUAGE:
        return {m: m for m in MSGIDS}
    path = TRANSLATIONS_DIR / f"{lang}.po"
    return _translations(lang, path, path.stat().st_mtime_ns if path.exists() else 0)


@lru_cache(maxsize=32)  # the i18n plugin runs a build per language: read each catalog once
def _translations(lang: str, path: Path, mtime: int) -> dict[str, str]:
    messages = load_catalog(lang, path).messages
    return {m: messages.get(m, m) for m in MSGIDS}


def site_name(lang: str) -> str:
    return translations(lang)[SITE_NAME]


def site_description(lang: str) -> str:
    return translations(lang)[SITE_DESCRIPTION]


def not_found_parts(site_url: str) -> list[dict]:
    """The 404 page's line for every language (GitHub Pages serves one /404.html for all)."""
    from markupsafe import escape  # here, not above: the msgid line numbers in the catalogs stay as they are
    base = urlparse(site_url or "/").path.rstrip("/") + "/"
    parts = []
    for l in site_languages():
        words = translations(l.code)
        lang = l.code if words[NOT_FOUND] != NOT_FOUND or l.default else SOURCE_LANGUAGE
        # escaped: overrides/404.html writes them as they are (mkdocs' Jinja does not autoescape)
        parts.append({"lang": lang, "dir": l.dir if lang == l.code else "ltr", "name": escape(l.name), "code": l.code,
                      "title": escape(words[NOT_FOUND]), "home_text": escape(words[GO_HOME]),
                      "home": escape(base if l.default else f"{base}{l.code}/"), "default": l.default})
    return parts
