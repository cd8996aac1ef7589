"""The search scripts in the built site: lunr and the stemmers our languages use, nothing else.

assets/search.js (ours) needs lunr.js (2.3.9, MIT; the copy that mkdocs ships for its own
search theme, pinned with mkdocs) and, for da/ar/uk/tr, one lunr-languages stemmer (the
theme ships them minified in assets/javascripts/lunr/min/). The theme's search worker and
the stemmers of languages we do not have are deleted: no page loads them.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import mkdocs.contrib.search as mkdocs_search

from .search_index import STEMMERS

LUNR = Path(mkdocs_search.__file__).parent / "templates" / "search" / "lunr.js"
TARGET = Path("assets") / "search" / "lunr.js"


class AssetMissing(Exception):
    """The pinned mkdocs or theme no longer ships a file search needs."""


def install(site: Path) -> None:
    if not LUNR.exists():
        raise AssetMissing(f"{LUNR}: mkdocs no longer ships lunr.js. What to do: pin mkdocs==1.6.1 in "
                           "requirements.txt, or vendor lunr.js 2.3.9 and point generator/search_assets.py at it.")
    (site / TARGET).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LUNR, site / TARGET)
    shutil.rmtree(site / "assets" / "javascripts" / "workers", ignore_errors=True)
    lunr = site / "assets" / "javascripts" / "lunr"
    keep = {"stemmer.support"} | {s for s in STEMMERS.values() if s != "en"}
    for path in lunr.glob("min/lunr.*.min.js"):
        if path.name[len("lunr."):-len(".min.js")] not in keep:
            path.unlink()
    for path in lunr.glob("*.js"):  # tinyseg, wordcut: Japanese and Thai
        path.unlink()
    for name in sorted(keep):
        if not (lunr / "min" / f"lunr.{name}.min.js").exists():
            raise AssetMissing(f"{lunr}/min/lunr.{name}.min.js: the theme no longer ships this stemmer. What to do: "
                               "pin mkdocs-material in requirements.txt, or change STEMMERS in generator/search_index.py.")
