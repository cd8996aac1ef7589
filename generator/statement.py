"""The accessibility statement (tilgængelighedserklæring) is built from the last test run.

The tests write build/a11y-results.json (tests/a11y_results.py); this module reads it for
the statement page. No figure on the page is typed by hand: without a results file the page
says that no test results are attached.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import InputError
from .languages import ROOT
from .pages import STATEMENT as STATEMENT_URL  # noqa: F401  (the page map is pages.py)

DEFAULT_RESULTS = ROOT / "build" / "a11y-results.json"
# Our search (assets/search.js, decisions/007) has a lunr-languages stemmer for these site
# languages only (generator/languages.yaml, `search`); Ukrainian gets the Russian one.
SEARCH_STEMMED = ("da", "en", "ar", "tr")
KIND_ORDER = ("axe", "pa11y", "keyboard", "no-js", "rtl", "print", "other")


def results_path() -> Path:
    return Path(os.environ.get("A11Y_RESULTS") or DEFAULT_RESULTS)


def load_results(path: Path | None = None) -> dict | None:
    path = path or results_path()
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(path, exc.lineno, f"the test results file is not valid JSON ({exc.msg}). "
                         "Delete it and run the tests again (make test) to write a new one.") from None
    if not isinstance(data, dict) or not isinstance(data.get("checks"), dict) or "date" not in data:
        raise InputError(path, None, "the test results file has no 'date' or 'checks'. "
                         "Delete it and run the tests again (make test) to write a new one.")
    return data


def contact() -> str:
    """Where to report a problem: set by whoever publishes the site (the workflow sets the issue tracker)."""
    return os.environ.get("A11Y_CONTACT", "").strip()
