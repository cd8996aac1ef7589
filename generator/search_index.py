"""Each language's search pages: one record per page, in plain text, for assets/search.js.

The theme's search plugin still reads every page (it honours `search: exclude` in a page's
front matter and `data-search-exclude` on an element, so the questionnaire steps, the demo
screens and the demos' made-up people stay out), and the i18n plugin merges what it found
into one index of every language, cut into sections. This module turns that into one small
file per language, `<lang>/search/pages.json`, with one record per page (one hit per page):
its address, its title, the kind of page (the title of its section, in the page's language),
and its own text without the legal-basis section (it repeats the page's rules). The merged
index is then deleted. assets/search.js builds a lunr index from the records in the browser,
with the normalisation of each language (decisions/008).
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml

from . import pages
from .languages import LANGUAGES

# Sections that repeat what the page already says: the legal-basis part lists the same rules
# with their citations. Indexed twice they double the download and the hits for nothing.
REPEATED_SECTIONS = ("#lovgrundlag",)

# lunr-languages stemmer of each site language (generator/languages.yaml, `search`; the theme's
# assets/javascripts/lunr/min/lunr.<x>.min.js); English is lunr's own. uk: the Russian one
# (lunr-languages has no Ukrainian); pl, fa, so: none exists.
STEMMERS = {l.code: l.search for l in LANGUAGES if l.search}

# Words readers type that the pages say differently, per language (applied by assets/search.js)
SYNONYMS = Path(__file__).parent / "search_synonyms.yaml"

# Pages whose kind is shown under a result: the section a page is in, by its address.
KIND_SECTIONS = (pages.AREAS, pages.DEMOS, pages.HELPERS)


class IndexChanged(Exception):
    """The merged index is not shaped as the pinned theme and i18n plugin write it."""


def _check(merged: dict, path: Path) -> None:
    docs = merged.get("docs") if isinstance(merged, dict) else None
    if (not isinstance(docs, list) or not isinstance(merged.get("config"), dict)
            or not all(isinstance(d, dict) and isinstance(d.get("location"), str) for d in docs)):
        raise IndexChanged(f"{path}: the search index is no longer {{\"config\": {{…}}, \"docs\": [{{\"location\": …}}]}} "
                           "(mkdocs-material's search plugin or mkdocs-static-i18n changed). What to do: pin the "
                           "versions in requirements.txt, or adapt generator/search_index.py.")


def plain(text: str) -> str:
    """The index's HTML fragment as plain text: tags become spaces, entities characters."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text or ""))).strip()


def page_records(docs: list[dict]) -> list[dict]:
    """One record per page from the theme's sections (its first entry is the page itself)."""
    records: dict[str, dict] = {}
    for doc in docs:
        location = doc["location"]
        if location.endswith(REPEATED_SECTIONS):
            continue
        url, _, anchor = location.partition("#")
        record = records.setdefault(url, {"u": url, "t": "", "k": "", "x": []})
        title = plain(doc.get("title", ""))
        if not anchor:
            record["t"] = title
        text = plain(doc.get("text", ""))
        # a section's heading belongs to the page's words; the page's own title is its "t"
        if anchor and title:
            record["x"].append(title + ".")
        if text and not (not anchor and text == title):
            record["x"].append(text.removeprefix(title + " ") if not anchor else text)
    titles = {url: r["t"] for url, r in records.items()}
    out = []
    for url, record in records.items():
        section = next((s for s in KIND_SECTIONS if url.startswith(s) and url != s), None)
        record["k"] = titles.get(section, "") if section else ""
        record["x"] = " ".join(record["x"])
        out.append(record)
    return out


def split_by_language(site: Path, languages: list[str], default: str) -> dict[str, int]:
    """Write `search/pages.json` for each language built (the default language's at the root)
    and delete the merged index. Returns the number of pages of each language."""
    merged_path = site / "search" / "search_index.json"
    if not merged_path.exists():
        return {}
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    _check(merged, merged_path)
    groups: dict[str, list] = {code: [] for code in languages}
    for doc in merged["docs"]:
        first = doc["location"].split("/", 1)[0]
        code = first if first in groups and first != default else default
        if code != default:
            doc = dict(doc, location=doc["location"][len(code) + 1:])
        groups[code].append(doc)
    merged_path.unlink()
    synonyms = yaml.safe_load(SYNONYMS.read_text(encoding="utf-8")) or {}
    counts = {}
    for code, docs in groups.items():
        if not docs:
            continue  # a language not built (make serve ONLY=xx)
        records = page_records(docs)
        target = site / ("" if code == default else code) / "search" / "pages.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"lang": code, "stemmer": STEMMERS.get(code),
                                      "synonyms": synonyms.get(code, {}), "pages": records},
                                     ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[code] = len(records)
    return counts
