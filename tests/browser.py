"""Chromium for the browser tests: CHROMIUM_PATH, else Debian's, else Playwright's own."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def chromium_path() -> str | None:
    """$CHROMIUM_PATH, else Debian's /usr/bin/chromium, else None (Playwright's own)."""
    return os.environ.get("CHROMIUM_PATH") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)


def search_for(page, query: str):
    """Search as a reader does: open search (on a phone, with the header's search button), type
    the query and wait for the first result. Returns the result links."""
    if page.viewport_size["width"] < 1220:  # below the theme's 76.25em the box hides behind a button
        page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material listens on keyup; fill() alone does not fire it for every script
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=15000)
    return results
