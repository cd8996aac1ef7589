"""mkdocs hooks: `mkdocs build` and `mkdocs serve` regenerate the pages themselves.

Listed in mkdocs.yml under `hooks:`. The i18n plugin runs a whole build per
language, so on_pre_build runs once per language: the fingerprint makes the
later runs free.
"""
from __future__ import annotations

import logging
import re
import signal
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks are loaded by path

from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from generator import bidi, build, chrome, css_purge, qr, reproducible, search_assets, search_index, theme_text  # noqa: E402
from generator.publisher import load_publisher  # noqa: E402
from generator.languages import LANGUAGES, RTL  # noqa: E402
from generator.errors import InputError, InputErrors  # noqa: E402

log = logging.getLogger("mkdocs.generator")
_last_fingerprint = None


def _one_line_os_error(kind, value, tb, _default=sys.excepthook):
    """A full disk or a file that cannot be written ends the build with one line, not a traceback
    (generator/swap.py then says that site/ is unchanged)."""
    if isinstance(value, OSError) and not isinstance(value, (BrokenPipeError,)):
        where = f"{value.filename}: " if value.filename else ""
        print(f"error: {where}{value.strerror or value} (while building). Free disk space or check that you may "
              "write there, then build again.", file=sys.stderr)
        return
    _default(kind, value, tb)


def _stop_like_ctrl_c(signum, frame):
    """SIGTERM (generator/swap.py stopping the build, a CI cancel) cleans up like Ctrl-C: the
    generator's half-written docs/.<lang>.new/ is removed instead of left behind."""
    raise KeyboardInterrupt


def on_startup(command, dirty):
    """In the mkdocs process only (not when tests import this module)."""
    sys.excepthook = _one_line_os_error
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop_like_ctrl_c)


@event_priority(-150)  # after the i18n plugin has set up the language being built
def on_config(config):
    """The site name in the language being built; the RTL set and the 404 page's words for the theme."""
    reproducible.set_source_date_epoch()
    lang = config.plugins["i18n"].current_language
    try:
        publisher = load_publisher()
        # publisher.yaml's url, else SITE_URL; `mkdocs serve` sets 127.0.0.1, and a local or example
        # address is never written into a page: "" makes the build a preview (site_address.py)
        config.site_url = publisher.address(config.site_url)
        if not config.site_url:
            log.info("generator: no public address (publisher.yaml 'url' or SITE_URL): building a preview "
                     "without QR codes and sitemap")
        config.extra["publisher_logo"] = publisher.logo_svg
        # Escaped here: the theme writes both into attributes (aria-label, <meta content>) without
        # escaping, and mkdocs' Jinja does not autoescape. Markup is not escaped a second time by `| e`.
        config.site_name = escape(theme_text.site_name(lang))
        config.site_description = escape(theme_text.site_description(lang))  # <meta name="description">
        config.extra["not_found"] = theme_text.not_found_parts(config.site_url or "")
    except (InputError, InputErrors) as exc:
        raise PluginError(f"the site was not built, because of bad input:\n{exc}") from None
    config.extra["rtl"] = sorted(RTL)
    config.extra["language_menu_name"] = chrome.language_menu_name()
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


# Every page is HTML (decisions/001). Python-Markdown would parse each one only to pass it
# through unchanged: a quarter of the build time (11 of 44 s). The page body goes around it
# and comes back as the page's content; tests/test_templates.py checks that Markdown
# would have changed nothing but blank lines.
_page_html: dict[str, str] = {}


@event_priority(100)  # before any plugin's on_page_markdown, which then sees an empty page
def on_page_markdown(markdown, page, config, files):
    _page_html[page.file.src_uri] = markdown
    return ""


@event_priority(100)  # before any plugin reads page.content
def on_page_content(html, page, config, files):
    if html.strip():
        raise PluginError(f"{page.file.src_uri}: Markdown produced content from an empty page; "
                          "a plugin or extension now adds to every page (generator/hooks.py)")
    return _page_html.pop(page.file.src_uri).strip()  # as Markdown gave it: no blank lines around


def on_serve(server, config, builder):
    root = Path(__file__).resolve().parent
    for folder in ("rules", "walkthroughs", "templates"):
        server.watch(str(root / folder))
    server.watch(str(root.parent / "translations"))
    server.watch(str(root.parent / "publisher.yaml"))
    return server


def on_post_page(output, page, config):
    try:
        output = chrome.fix_page(output, default_language=_root_language(config))
    except chrome.ThemeChanged as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
    if re.search(r'<html lang="[^"]*" dir="rtl"', output):
        output = bidi.isolate_theme_text(output)
    return output


_root_404: str | None = None


def on_post_template(output, template_name, config):
    """One 404.html serves the whole site. Every language build writes it; the site's own
    language is built first, and each later build writes that first page again."""
    global _root_404
    if template_name != "404.html":
        return output
    if config.plugins["i18n"].current_language == _root_language(config):
        _root_404 = output
    return _root_404 or output


def _root_language(config) -> str:
    """The language built at the site's root: the default, or the one of `ONLY=xx`."""
    return config.plugins["i18n"].config.build_only_locale or _default_language(config)


def _default_language(config) -> str:
    return next(l.locale for l in config.plugins["i18n"].config.languages if l.default)


@event_priority(-200)  # after the i18n plugin has built every language and merged the search index
def on_post_build(config):
    """Drop what the site never uses; give each language its own search index."""
    if _i18n_building(config):
        return  # a per-language build inside the i18n plugin's loop; the last one comes here
    site = Path(config.site_dir)
    try:
        # the language at the root: with `ONLY=ar` Arabic is built there, and searched as Arabic
        search_index.split_by_language(site, [l.locale for l in config.plugins["i18n"].config.languages],
                                       _root_language(config))
    except search_index.IndexChanged as exc:
        raise PluginError(str(exc)) from None
    search_assets.install(site)
    for path in site.rglob("*.map"):
        path.unlink()
    _one_stylesheet(site, Path(config.theme.custom_dir) / "assets" / "site.css")
    for path in (site / "assets" / "javascripts").glob("bundle.*.js"):
        path.unlink()  # the theme's bundle: no page loads it (overrides/main.html)
    if config.site_url:
        qr.write_page_codes(site, config.site_url)
        reproducible.gzip_without_timestamp(site / "sitemap.xml.gz")
    else:  # a preview: a sitemap needs the public address (its entries would be bare paths)
        for path in (site / "sitemap.xml", site / "sitemap.xml.gz"):
            path.unlink(missing_ok=True)


def _i18n_building(config) -> bool:
    """The i18n plugin's internal flag: true while it re-runs the build for each language."""
    plugin = config.plugins.get("i18n")
    building = getattr(plugin, "building", None)
    if not isinstance(building, bool):
        raise PluginError("generator/hooks.py: mkdocs-static-i18n has no boolean `building` flag any more "
                          "(the plugin changed). The post-build steps must run once, after the last language. "
                          "What to do: pin mkdocs-static-i18n==1.3.1 in requirements.txt, or find the new way "
                          "to tell the plugin's per-language builds from the last one.")
    return building


def _one_stylesheet(site: Path, own_css: Path) -> None:
    """The theme's CSS reduced to the selectors the built pages use, followed by ours (without
    its comments: 5.3 -> 3.4 KB gzip on every first view), in one file."""
    theme = sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(theme) != 1:
        raise PluginError(f"generator/hooks.py: expected one theme stylesheet assets/stylesheets/main.*.min.css "
                          f"in the built site, found {len(theme)} (the theme changed). What to do: adapt "
                          "_one_stylesheet() to the theme's new file names.")
    ours = own_css.read_text(encoding="utf-8")
    used = css_purge.collect(site.rglob("*.html"))
    try:
        reduced = css_purge.reduce_css(theme[0].read_text(encoding="utf-8"), used, also_uses=ours)
    except ValueError as exc:
        raise PluginError(f"{theme[0]}: {exc}") from None
    (site / "assets" / "stylesheets" / "site.css").write_text(reduced + "\n" + css_purge.minify(ours), encoding="utf-8")
    for path in [*theme, *(site / "assets" / "stylesheets").glob("palette.*.css"), site / "assets" / "site.css"]:
        path.unlink(missing_ok=True)
