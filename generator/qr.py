"""QR codes as inline SVG, made at build time (no network, no JavaScript)."""
from __future__ import annotations

from functools import lru_cache

import segno
from markupsafe import Markup, escape


@lru_cache(maxsize=4096)
def _svg(url: str) -> str:
    code = segno.make(url, error="m")
    # a white quiet zone is part of the symbol, so the code scans on any background
    svg = code.svg_inline(scale=4, border=4, svgclass="qr", lineclass=None, omitsize=True, light="#fff", dark="#000")
    return svg


def qr_svg(url: str, label: str) -> Markup:
    """The QR code for `url`, named for screen readers by `label` (already translated)."""
    svg = _svg(url)
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" data-qr-url="{escape(url)}" ', 1)
    return Markup(svg)
