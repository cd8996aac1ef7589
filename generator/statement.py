"""The accessibility statement (tilgængelighedserklæring) is built from the last test run.

The tests write build/a11y-results.json (tests/a11y_results.py); this module reads it for
the statement page. No figure on the page is typed by hand: without a results file the page
says that no test results are attached. The contact, and whether the statement is complete or a
draft, come from publisher.yaml (generator/publisher.py).
"""
from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

from .errors import InputError
from .languages import ROOT
from .pages import STATEMENT as STATEMENT_URL  # noqa: F401  (the page map is pages.py)

DEFAULT_RESULTS = ROOT / "build" / "a11y-results.json"
# Our search (assets/search.js, decisions/008) has a lunr-languages stemmer for these site
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
    problem = _results_problem(data)
    if problem:
        raise InputError(path, None, f"the test results file is stale or damaged: {problem}. "
                         "Delete it and run the tests again (make test) to write a new one.")
    return data


_COUNTS = {"axe": ("page_checks", "pages", "violations"), "pa11y": ("urls", "errors")}


def _results_problem(data: dict) -> str | None:
    """Everything statement.md.j2 reads, with the type it needs (a figure on the page is never a guess)."""
    try:
        when = datetime.datetime.fromisoformat(str(data["date"]).replace("Z", "+00:00"))
    except ValueError:
        return f"'date' is {str(data['date'])[:40]!r}, not a date and time (YYYY-MM-DDTHH:MM:SS+00:00)"
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.timezone.utc)
    if when > datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1):
        return f"'date' is {data['date']}, which has not come yet"
    if not isinstance(data.get("all_passed"), bool):
        return "'all_passed' is missing or not true/false"
    if not isinstance(data.get("tools"), dict) or not all(isinstance(v, (str, type(None))) for v in data["tools"].values()):
        return "'tools' is missing or not a table of versions"
    if not isinstance(data.get("commit"), (str, type(None))):
        return "'commit' is not text"
    for kind, c in data["checks"].items():
        if not isinstance(c, dict):
            return f"the check '{kind}' is not a table"
        for key in ("tests", "passed", "skipped") + _COUNTS.get(kind, ()):
            if not isinstance(c.get(key), int) or isinstance(c.get(key), bool) or c[key] < 0:
                return f"'{kind}.{key}' is missing or not a whole number"
        if not isinstance(c.get("failed"), list):
            return f"'{kind}.failed' is missing or not a list"
        if kind in _COUNTS and not isinstance(c.get("languages"), list):
            return f"'{kind}.languages' is missing or not a list"
        if kind == "axe" and not (isinstance(c.get("widths"), list) and all(isinstance(w, int) for w in c["widths"])):
            return "'axe.widths' is missing or not a list of numbers"
    return None

