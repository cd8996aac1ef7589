"""One search index per language instead of the i18n plugin's merged one.

The merged index holds every language (1.5 MB for eight) and Material's search
worker downloads and indexes all of it on every page view. Split, each language
loads only its own pages, and a query finds only pages in the reader's language.
Pages of a language other than the default point their search "base" at their
language folder (chrome.fix_page), so results resolve as before.
"""
from __future__ import annotations

import json
from pathlib import Path

from .bidi import isolate_html_text


# Sections that repeat what the page already says: the legal-basis part lists the same rules
# with their citations. Indexed twice they double the download and the hits for nothing.
REPEATED_SECTIONS = ("#lovgrundlag",)


class IndexChanged(Exception):
    """The merged index is not shaped as the pinned theme and i18n plugin write it."""


def _check(merged: dict, path: Path) -> None:
    docs = merged.get("docs") if isinstance(merged, dict) else None
    if (not isinstance(docs, list) or not isinstance(merged.get("config"), dict)
            or not all(isinstance(d, dict) and isinstance(d.get("location"), str) for d in docs)):
        raise IndexChanged(f"{path}: the search index is no longer {{\"config\": {{…}}, \"docs\": [{{\"location\": …}}]}} "
                           "(mkdocs-material's search plugin or mkdocs-static-i18n changed). What to do: pin the "
                           "versions in requirements.txt, or adapt generator/search_index.py and assets/site.js.")


def split_by_language(site: Path, languages: list[str], default: str, rtl: frozenset = frozenset(),
                      pipelines: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Write each language's own index; in right-to-left languages the Latin words and phone
    numbers of the results are isolated as on the pages (bidi.isolate_html_text). `pipelines`
    gives each language its own lunr languages (else the merged index's list, for all)."""
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    _check(merged, merged_path)
    groups: dict[str, list] = {code: [] for code in languages}
    for doc in merged["docs"]:
        if doc["location"].endswith(REPEATED_SECTIONS):
            continue
        first = doc["location"].split("/", 1)[0]
        code = first if first in groups and first != default else default
        if code != default:
            doc = dict(doc, location=doc["location"][len(code) + 1:])
        if code in rtl:
            doc = dict(doc, title=isolate_html_text(doc.get("title", "")), text=isolate_html_text(doc.get("text", "")))
        groups[code].append(doc)
    counts = {}
    for code, docs in groups.items():
        if not docs and code != default:
            continue  # a language not built (make serve ONLY=xx)
        target = merged_path if code == default else site / code / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = dict(merged["config"], lang=pipelines[code]) if pipelines and code in pipelines else merged["config"]
        target.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")
        counts[code] = len(docs)
    return counts
