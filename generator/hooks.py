"""mkdocs hooks: `mkdocs build` and `mkdocs serve` regenerate the pages themselves.

Listed in mkdocs.yml under `hooks:`. The i18n plugin runs a whole build per
language, so on_pre_build runs once per language: the fingerprint makes the
later runs free.
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks are loaded by path

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from generator import bidi, build, chrome, search_index, theme_text  # noqa: E402
from generator.languages import RTL  # noqa: E402
from generator.errors import InputError, InputErrors  # noqa: E402

log = logging.getLogger("mkdocs.generator")
_last_fingerprint = None


@event_priority(-150)  # after the i18n plugin has set up the language being built
def on_config(config):
    """The site name in the language being built; the RTL set and the 404 page's words for the theme."""
    lang = config.plugins["i18n"].current_language
    try:
        config.site_name = theme_text.site_name(lang)
        config.site_description = theme_text.site_description(lang)  # <meta name="description">
        config.extra["not_found"] = theme_text.not_found_parts(config.site_url or "")
    except (InputError, InputErrors) as exc:
        raise PluginError(f"the site was not built, because of bad input:\n{exc}") from None
    config.extra["rtl"] = sorted(RTL)
    return config


def on_pre_build(config):
    global _last_fingerprint
    fingerprint = build.input_fingerprint() + str(config.site_url)
    if fingerprint == _last_fingerprint:
        return
    try:
        report = build.generate(Path(config.docs_dir), site_url=config.site_url or "")
    except (InputError, InputErrors) as exc:
        # one line per problem, no traceback; the previous pages and site are untouched
        raise PluginError(f"the site was not built, because of bad input:\n{exc}") from None
    _last_fingerprint = fingerprint
    log.info(f"generator: {report.pages} pages in {report.languages} languages "
             f"({report.written} written, {report.removed} removed)")


def on_serve(server, config, builder):
    root = Path(__file__).resolve().parent
    for folder in ("rules", "walkthroughs", "templates"):
        server.watch(str(root / folder))
    server.watch(str(root.parent / "translations"))
    return server


def on_post_page(output, page, config):
    output = chrome.fix_page(output, default_language=_default_language(config))
    if re.search(r'<html lang="[^"]*" dir="rtl"', output):
        output = bidi.isolate_theme_text(output)
    return output


def _default_language(config) -> str:
    return next(l.locale for l in config.plugins["i18n"].config.languages if l.default)


@event_priority(-200)  # after the i18n plugin has built every language and merged the search index
def on_post_build(config):
    """Drop what the site never uses; give each language its own search index."""
    if config.plugins["i18n"].building:
        return  # a per-language build inside the i18n plugin's loop; the last one comes here
    site = Path(config.site_dir)
    search_index.split_by_language(site, [l.locale for l in config.plugins["i18n"].config.languages],
                                   _default_language(config))
    for path in site.rglob("*.map"):
        path.unlink()
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    if lunr.exists():
        keep = {"stemmer.support", "multi"} | set(config.plugins["material/search"].config.lang or [])
        for path in lunr.glob("lunr.*.min.js"):
            if path.name[len("lunr."):-len(".min.js")] not in keep:
                path.unlink()
