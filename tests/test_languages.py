"""One list of languages (generator/languages.yaml): mkdocs.yml and the theme agree with it."""
from pathlib import Path

from generator import theme_text
from generator.extract import build_template
from generator.languages import LANGUAGES, RTL, mkdocs_config

ROOT = Path(__file__).resolve().parent.parent


def _plugin(config, name):
    return next(p[name] for p in config["plugins"] if isinstance(p, dict) and name in p)


def test_mkdocs_i18n_languages_agree_with_the_language_file():
    config = mkdocs_config()
    listed = _plugin(config, "i18n")["languages"]
    assert [(l["locale"], l["name"], bool(l.get("default"))) for l in listed] == \
        [(l.code, l.name, l.default) for l in LANGUAGES]
    # mkdocs-static-i18n 1.3.1 builds the default language first, and again if it is not listed first
    assert listed[0].get("default"), "the default language goes first (listed later, it is built twice)"


def test_mkdocs_search_languages_agree_with_the_language_file():
    assert set(_plugin(mkdocs_config(), "search")["lang"]) == {l.search for l in LANGUAGES if l.search}


def test_right_to_left_set_comes_from_the_language_file_only():
    assert RTL == {"ar", "fa"}
    switcher = (ROOT / "overrides" / "partials" / "alternate.html").read_text(encoding="utf-8")
    assert "config.extra.rtl" in switcher and "'ar'" not in switcher and '"ar"' not in switcher


def test_site_name_and_404_words_are_translatable():
    assert mkdocs_config()["site_name"] == theme_text.SITE_NAME
    assert mkdocs_config()["site_description"] == theme_text.SITE_DESCRIPTION
    ids = {m.id for m in build_template()}
    assert set(theme_text.MSGIDS) <= ids
