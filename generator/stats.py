"""`python -m generator stats`: what the site holds, and how plain its Danish is.

LIX = words / sentences + 100 × long words / words (a long word has more than six
letters). Under 25 very easy, 25–34 easy, 35–44 medium, 45–54 hard, 55+ very hard.
"""
from __future__ import annotations

import re

from .catalogs import load_catalogs
from .flow import Flow
from .languages import site_languages
from .render import page_specs
from .tables import load_tables

WORD = re.compile(r"[A-Za-zÆØÅæøåÉé]+(?:-[A-Za-zÆØÅæøå]+)*")


def lix(text: str) -> float:
    words = WORD.findall(text)
    sentences = max(1, len(re.findall(r"[.!?:]+(?:\s|$)", text)))
    if not words:
        return 0.0
    long_words = sum(1 for w in words if len(w.replace("-", "")) > 6)
    return len(words) / sentences + 100 * long_words / len(words)


def band(score: float) -> str:
    for limit, name in ((25, "very easy"), (35, "easy"), (45, "medium"), (55, "hard")):
        if score < limit:
            return name
    return "very hard"


def print_stats() -> None:
    tables = load_tables()
    languages = site_languages()
    specs = page_specs(tables, Flow(tables))
    kinds: dict[str, int] = {}
    for s in specs:
        kinds[s.kind] = kinds.get(s.kind, 0) + 1
    print(f"pages per language: {len(specs)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    print(f"languages: {len(languages)} → {len(specs) * len(languages)} pages in all")
    catalogs = load_catalogs([l.code for l in languages])
    for l in languages:
        c = catalogs[l.code]
        status = "source" if l.default else f"{c.translated}/{c.total} translated, {len(c.fuzzy)} fuzzy, {c.status}"
        print(f"  {l.code} {l.name}: {status}")
    says = " ".join(r["says"] for r in tables.rules.values())
    walk = " ".join(st[k] for w in tables.walkthroughs.values() for st in w["steps"] for k in ("see", "do", "helper_tip", "mistake"))
    for name, text in (("rule texts", says), ("walkthrough steps", walk)):
        score = lix(text)
        print(f"LIX of the {name}: {score:.0f} ({band(score)})")
