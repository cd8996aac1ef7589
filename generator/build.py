"""Generate docs/<lang>/… from the rule tables and catalogs.

Everything is rendered in memory first: if any input is bad, nothing is written
and the previous pages (and site) stay as they were. Each docs/<lang>/ is written
aside and swapped in whole (swap.py), and only when a page of it changed, so
`mkdocs serve` does not rebuild in a loop.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .catalogs import TRANSLATIONS_DIR, load_catalogs
from .errors import InputError, InputErrors
from .languages import ROOT, site_languages
from .render import SiteRenderer
from .swap import SwapError, remove, swap_in
from .publisher import load_publisher, publisher_file
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
    paths = [ROOT / "mkdocs.yml", *[p for p in (publisher_file(),) if p.exists()]]
    for pattern in ("rules/*.yaml", "walkthroughs/*.yaml", "schema/*.json", "templates/*", "*.py"):
        paths += sorted(PACKAGE.glob(pattern))
    paths += sorted(TRANSLATIONS_DIR.glob("*.po"))
    paths += [p for p in (results_path(),) if p.exists()]  # the accessibility statement's figures
    for p in paths:
        st = p.stat()
        digest.update(f"{p}:{st.st_mtime_ns}:{st.st_size}".encode())
    digest.update(os.environ.get("SITE_URL", "").encode())
    return digest.hexdigest()


def render_site(site_url: str = "", publisher=None):
    """site_url: the public address, used unless publisher.yaml has one; none (or a local or
    example address) renders a preview."""
    languages = site_languages()
    tables = load_tables()
    catalogs = load_catalogs([l.code for l in languages])
    return SiteRenderer(tables, catalogs, languages, site_url, publisher or load_publisher()), languages


def write_tree(docs_dir: Path, pages: dict[str, str], language_codes: list[str]) -> tuple[int, int]:
    """Write docs/<lang>/ aside and swap it in, one language at a time.

    A language whose pages are all unchanged is not touched (mkdocs serve would rebuild
    in a loop). A failure or an interrupt while writing leaves the previous docs/<lang>/
    as it was and removes the half-written copy.
    """
    written = removed = 0
    for code in language_codes:
        prefix = f"{code}/"
        wanted = {rel[len(prefix):]: text for rel, text in pages.items() if rel.startswith(prefix)}
        target = docs_dir / code
        existing = {p.relative_to(target).as_posix() for p in target.rglob("*.md")} if target.is_dir() else set()
        changed = [rel for rel, text in wanted.items() if rel not in existing or (target / rel).read_text(encoding="utf-8") != text]
        gone = existing - set(wanted)
        if not changed and not gone:
            continue
        new = docs_dir / f".{code}.new"
        try:
            remove(new)
            for rel, text in wanted.items():
                path = new / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            swap_in(new, target, old=docs_dir / f".{code}.old")
        except SwapError as exc:
            raise InputErrors([InputError(target, None, str(exc))]) from None
        finally:
            if new.exists():
                shutil.rmtree(new, ignore_errors=True)
        written += len(changed)
        removed += len(gone)
    return written, removed


def generate(docs_dir: Path = DOCS_DIR, site_url: str = "") -> Report:
    renderer, languages = render_site(site_url)
    pages = renderer.render_all()
    written, removed = write_tree(docs_dir, pages, [l.code for l in languages])
    return Report(pages=len(pages), written=written, removed=removed, languages=len(languages))
