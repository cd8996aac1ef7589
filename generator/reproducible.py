"""Two builds of the same sources give identical files, on any day.

mkdocs dates the sitemap (<lastmod>) and stamps sitemap.xml.gz with the build time unless
SOURCE_DATE_EPOCH is set. Unless the caller set it, it becomes the time of the last commit
(the sources' date), or failing that the newest modification time of the inputs.
"""
from __future__ import annotations

import gzip
import os
import subprocess
from pathlib import Path

from .build import PACKAGE
from .catalogs import TRANSLATIONS_DIR
from .languages import ROOT


def source_date() -> int:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                             timeout=10, check=True).stdout.strip()
        if out:
            return int(out)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    inputs = [*PACKAGE.rglob("*.yaml"), *PACKAGE.rglob("*.j2"), *TRANSLATIONS_DIR.glob("*.po")]
    return int(max(p.stat().st_mtime for p in inputs))


def set_source_date_epoch() -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date()))


def gzip_without_timestamp(path: Path) -> None:
    """Rewrite a .gz file with mtime 0 and no file name in its header."""
    if not path.exists():
        return
    data = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
