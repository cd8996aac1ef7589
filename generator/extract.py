"""Collect every string we write (templates and rule tables) into messages.pot."""
from __future__ import annotations

import datetime
from pathlib import Path

from babel.messages.catalog import Catalog

from .catalogs import TRANSLATIONS_DIR, update_catalogs, write_catalog
from .languages import ROOT, site_languages
from .render import ENV, TEMPLATES
from .tables import load_tables
from . import theme_text

GETTEXT_FUNCTIONS = ("_", "_p", "da")


def _rel(path: Path) -> str:
    return str(Path(path).resolve().relative_to(ROOT))


def _const_name(message: str) -> str:
    return next(k for k, v in vars(theme_text).items() if v == message and k.isupper())


def build_template(tables=None) -> Catalog:
    tables = tables or load_tables()
    # a fixed creation date keeps the catalogs free of noise between runs
    template = Catalog(project="digital-selvbetjening", version="1", fuzzy=False,
                       creation_date=datetime.datetime(2026, 11, 22, tzinfo=datetime.timezone.utc))
    template.locale = None
    for path in sorted(TEMPLATES.glob("*.j2")):
        source = path.read_text(encoding="utf-8")
        for lineno, _func, message in ENV.extract_translations(source, gettext_functions=GETTEXT_FUNCTIONS):
            # calls with keyword values come back as (msgid, None, …)
            if isinstance(message, tuple):
                message = message[0]
            if isinstance(message, str) and message:
                template.add(message, locations=[(_rel(path), lineno)])
    for lineno, line in enumerate(Path(theme_text.__file__).read_text(encoding="utf-8").splitlines(), 1):
        for message in theme_text.MSGIDS:
            if line.startswith(f"{_const_name(message)} = "):
                template.add(message, locations=[(_rel(theme_text.__file__), lineno)])
    for text, path, line in tables.texts:
        template.add(text, locations=[(_rel(path), line or 0)])
    return template


def extract_and_update(directory: Path = TRANSLATIONS_DIR) -> dict:
    template = build_template()
    directory.mkdir(exist_ok=True)
    write_catalog(template, directory / "messages.pot", {})
    return update_catalogs(template, [l.code for l in site_languages()], directory)
