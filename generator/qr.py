"""QR codes made at build time (no network, no JavaScript).

Printed handouts carry them inline (qr_svg). Every other page only links them: the
"show this page in another language" list has one image per language, loaded only when
the reader opens it (qr_img; the files are written next to each page by write_page_codes).
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import segno
from markupsafe import Markup, escape

from .parallel import parallel_map, workers

FILE_NAME = "qr.svg"
SCALE, BORDER = 4, 4


# The on-screen codes (one per page and language: about 4,000) use one fixed mask pattern.
# Choosing the best of the 8 masks is what the QR standard recommends and what segno does by
# default, but it costs 5 times as long (about 14 s of a full build); any mask decodes, and a
# screen shows the code sharply. The printed handouts keep the best mask (paper, fewer codes).
SCREEN_MASK = 0


@lru_cache(maxsize=8192)
def _code(url: str, mask: int | None = SCREEN_MASK):
    return segno.make(url, error="m", mask=mask)


@lru_cache(maxsize=4096)
def _svg(url: str) -> str:
    # a white quiet zone is part of the symbol, so the code scans on any background
    return _code(url, mask=None).svg_inline(scale=SCALE, border=BORDER, svgclass="qr", lineclass=None, omitsize=True,
                                 light="#fff", dark="#000")


def qr_svg(url: str, label: str) -> Markup:
    """The QR code for `url`, named for screen readers by `label` (already translated)."""
    svg = _svg(url)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" data-qr-url="{escape(url)}" ', 1)
    return Markup(svg)


# The size the list shows every code at (CSS: .share-qr-list .qr is 8em). The files carry a
# viewBox, so a code of any version scales to it; the attributes only reserve the square.
IMG_SIZE = 128


def qr_img(url: str, page_href: str, label: str) -> Markup:
    """An image of the QR code for `url`: the file qr.svg in the folder of the page `page_href`
    links to. Loaded only when shown (loading=lazy inside a closed <details>). Rendering the
    page encodes nothing: write_page_codes makes the file."""
    return Markup(f'<img class="qr" src="{escape(page_href)}{FILE_NAME}" width="{IMG_SIZE}" height="{IMG_SIZE}" '
                  f'loading="lazy" alt="{escape(label)}" data-qr-url="{escape(url)}">')


def write_page_codes(site: Path, site_url: str) -> int:
    """qr.svg next to every page of the built site: the code of that page's address."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    folders = sorted(page.parent for page in site.rglob("index.html"))
    share = workers(len(folders))
    parts = [[(folder, _page_url(site, folder, base)) for folder in folders[i::share]] for i in range(share)]
    return sum(parallel_map(_write_codes, parts))


def _page_url(site: Path, folder: Path, base: str) -> str:
    rel = folder.relative_to(site).as_posix()
    return base + ("" if rel == "." else rel + "/")


def _write_codes(part: list[tuple[Path, str]]) -> int:
    for folder, url in part:
        buffer = io.BytesIO()
        _code(url).save(buffer, kind="svg", scale=SCALE, border=BORDER, lineclass=None, svgclass=None,
                        light="#fff", dark="#000", xmldecl=False, omitsize=True)  # a viewBox: scales
        (folder / FILE_NAME).write_bytes(buffer.getvalue())
    return len(part)
