"""Generate docs/<lang>/… from the rule tables and catalogs.

Everything is rendered in memory first: if any input is bad, nothing is written
and the previous pages (and site) stay as they were. Files are written only when
their content changed, so `mkdocs serve` does not rebuild in a loop.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .catalogs import TRANSLATIONS_DIR, load_catalogs
from .languages import ROOT, site_languages
from .render import SiteRenderer
from .statement import results_path
from .tables import load_tables

DOCS_DIR = ROOT / "docs"
PACKAGE = Path(__file__).parent


@dataclass
class Report:
    pages: int
    written: int
    removed: int
    languages: int


def input_fingerprint() -> str:
    """Changes whenever a rule table, walkthrough, template, catalog or the generator changes."""
    digest = hashlib.sha256()
    paths = [ROOT / "mkdocs.yml"]
    for pattern in ("rules/*.yaml", "walkthroughs/*.yaml", "schema/*.json", "templates/*", "*.py"):
        paths += sorted(PACKAGE.glob(pattern))
    paths += sorted(TRANSLATIONS_DIR.glob("*.po"))
    paths += [p for p in (results_path(),) if p.exists()]  # the accessibility statement's figures
    for p in paths:
        st = p.stat()
        digest.update(f"{p}:{st.st_mtime_ns}:{st.st_size}".encode())
    digest.update(os.environ.get("SITE_URL", "").encode())
    digest.update(os.environ.get("A11Y_CONTACT", "").encode())
    return digest.hexdigest()


def render_site(site_url: str = ""):
    languages = site_languages()
    tables = load_tables()
    catalogs = load_catalogs([l.code for l in languages])
    return SiteRenderer(tables, catalogs, languages, site_url), languages


def write_tree(docs_dir: Path, pages: dict[str, str], language_codes: list[str]) -> tuple[int, int]:
    written = removed = 0
    for rel, text in pages.items():
        path = docs_dir / rel
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".md.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        written += 1
    wanted = {docs_dir / rel for rel in pages}
    for code in language_codes:
        lang_dir = docs_dir / code
        if not lang_dir.exists():
            continue
        for path in sorted(lang_dir.rglob("*.md"), reverse=True):
            if path not in wanted:
                path.unlink()
                removed += 1
        for d in sorted((p for p in lang_dir.rglob("*") if p.is_dir()), reverse=True):
            if not any(d.iterdir()):
                d.rmdir()
    return written, removed


def generate(docs_dir: Path = DOCS_DIR, site_url: str = "") -> Report:
    renderer, languages = render_site(site_url)
    pages = renderer.render_all()
    written, removed = write_tree(docs_dir, pages, [l.code for l in languages])
    return Report(pages=len(pages), written=written, removed=removed, languages=len(languages))
