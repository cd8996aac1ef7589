"""Shared fixtures. Layers as in DESIGN.md: tables/engine (fast), rendering, built site, browser."""
from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import a11y_results

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
sys.path.insert(0, str(ROOT))


def pytest_configure(config):
    config.addinivalue_line("markers", "site: needs the built site in site/")
    config.addinivalue_line("markers", "browser: drives Chromium")
    config.addinivalue_line("markers", "a11y: an accessibility check; its outcome goes into the accessibility statement")


def pytest_collection_modifyitems(items):
    a11y_results.mark(items)
    for item in items:
        name = Path(str(item.fspath)).name
        if name.startswith("test_browser"):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.site)
        elif name.startswith("test_site"):
            item.add_marker(pytest.mark.site)
    # The browser sweeps take up to a minute each: run them first, so that with `-n 2` the
    # short tests fill the gaps at the end instead of one worker finishing a sweep alone.
    items.sort(key=lambda item: 0 if item.get_closest_marker("browser") else 1)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module (tests/browser.py says which)."""
    from playwright.sync_api import sync_playwright

    from browser import launch
    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def tables():
    from generator.tables import load_tables
    return load_tables()


@pytest.fixture(scope="session")
def languages():
    from generator.languages import site_languages
    return site_languages()


@pytest.fixture(scope="session")
def renderer():
    """The site's renderer and its languages by code, for pages rendered in memory (rendered.py)."""
    from generator.build import render_site
    r, languages = render_site()
    return r, {l.code: l for l in languages}


@pytest.fixture(scope="session")
def site_dir():
    """The built site. `make test` builds it first; a bare `pytest` builds it if missing."""
    if not (SITE / "index.html").exists():
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=ROOT, check=True, env=env)
    return SITE


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site_dir):
    """Serve site/ on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


# The accessibility statement's figures (a11y_results.py): outcomes and figures of the
# tests marked a11y, written to build/a11y-results.json at the end of the run.
@pytest.fixture(autouse=True)
def _a11y_figures(request):
    yield
    a11y_results.drain(request.node)


def pytest_runtest_logreport(report):
    a11y_results.logreport(report)


def pytest_sessionfinish(session):
    a11y_results.write(session.config)
