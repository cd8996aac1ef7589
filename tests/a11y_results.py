"""The accessibility statement's figures: what the test run checked and found.

Tests marked `a11y` (conftest.py marks them by name, KINDS below) are collected with their
outcome; the checks themselves add figures with `note()` (axe: pages, widths, violations;
pa11y: URLs, errors). At the end of the run the results go to build/a11y-results.json
(or $A11Y_RESULTS), which the generator turns into the statement page. Works under
pytest-xdist: figures travel with each test's report as user properties.
"""
from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(os.environ.get("A11Y_RESULTS") or ROOT / "build" / "a11y-results.json")

# what each accessibility test checks; a test may count in several kinds
KINDS = {
    "test_axe_zero_violations_at_phone_and_desktop_width": ("axe",),
    "test_axe_zero_violations_on_practice_screens_at_360_and_1280": ("axe",),
    "test_pa11y_ci_reports_no_errors": ("pa11y",),
    "test_one_questionnaire_path_per_area_by_keyboard_without_javascript": ("keyboard", "no-js"),
    "test_every_walkthrough_practised_without_javascript_by_keyboard": ("keyboard", "no-js", "rtl"),
    "test_presenter_view_by_keyboard": ("keyboard",),
    "test_presenter_arrows_follow_reading_direction_in_arabic": ("keyboard", "rtl"),
    "test_questionnaire_and_walkthrough_fit_320px_and_mirror_right_to_left": ("rtl",),
    "test_html_lang_and_dir_on_every_page": ("rtl",),
    "test_print_view_fits_a4_without_cut_content": ("print",),
    "test_outcome_slip_prints_on_one_a4_page": ("print",),
}
_pending: list[dict] = []     # figures noted by the test that is running (this process)
_tests: dict[str, dict] = {}  # nodeid -> outcome, kinds, figures (the controller's view)


def note(**figures) -> None:
    """Called by a check (e.g. the axe sweep) inside a test: figures for the statement."""
    _pending.append(figures)


def mark(items) -> None:
    import pytest
    for item in items:
        kinds = KINDS.get(getattr(item, "originalname", item.name))
        if kinds or item.get_closest_marker("a11y"):
            item.add_marker(pytest.mark.a11y)
            item.user_properties.append(("a11y_kinds", list(kinds or ("other",))))


def drain(item) -> None:
    """After a test (autouse fixture): move its figures into its report."""
    while _pending:
        item.user_properties.append(("a11y_figures", _pending.pop(0)))


def logreport(report) -> None:
    props = dict((k, v) for k, v in report.user_properties if k == "a11y_kinds")
    if "a11y_kinds" not in props:
        return
    entry = _tests.setdefault(report.nodeid, {"kinds": props["a11y_kinds"], "outcome": "passed", "figures": []})
    if report.failed or (report.skipped and report.when != "teardown"):
        entry["outcome"] = "failed" if report.failed else "skipped"
    if report.when == "teardown":
        entry["figures"] = [v for k, v in report.user_properties if k == "a11y_figures"]


def _version(cmd: list[str]) -> str | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20, cwd=ROOT).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def _node_version(package: str) -> str | None:
    path = ROOT / "node_modules" / package / "package.json"
    return json.loads(path.read_text(encoding="utf-8")).get("version") if path.exists() else None


def summary() -> dict:
    kinds: dict[str, dict] = {}
    for nodeid, t in sorted(_tests.items()):
        for kind in t["kinds"]:
            k = kinds.setdefault(kind, {"tests": 0, "passed": 0, "failed": [], "skipped": 0})
            k["tests"] += 1
            k["passed"] += t["outcome"] == "passed"
            k["skipped"] += t["outcome"] == "skipped"
            if t["outcome"] == "failed":
                k["failed"].append(nodeid)
    figures = [f for t in _tests.values() for f in t["figures"]]
    axe = [f for f in figures if f.get("tool") == "axe"]
    if "axe" in kinds:
        kinds["axe"].update(
            page_checks=sum(f["checks"] for f in axe),
            pages=len({u for f in axe for u in f["urls"]}),
            languages=sorted({l for f in axe for l in f["languages"]}),
            widths=sorted({w for f in axe for w in f["widths"]}),
            violations=sum(f["violations"] for f in axe))
    pa11y = [f for f in figures if f.get("tool") == "pa11y"]
    if "pa11y" in kinds:
        kinds["pa11y"].update(urls=sum(f["urls"] for f in pa11y), errors=sum(f["errors"] for f in pa11y),
                              languages=sorted({l for f in pa11y for l in f["languages"]}))
    browsers = sorted({f["browser"] for f in figures if f.get("browser")})
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat(),
        "commit": os.environ.get("GITHUB_SHA") or _version(["git", "rev-parse", "HEAD"]),
        "tools": {
            "axe-core": _node_version("axe-core"), "pa11y-ci": _node_version("pa11y-ci"),
            "playwright": _safe_metadata("playwright"), "pytest": _safe_metadata("pytest"),
            "chromium": browsers[0] if browsers else None, "python": platform.python_version(),
        },
        "checks": kinds,
        "all_passed": all(not k["failed"] for k in kinds.values()),
    }


def _safe_metadata(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def write(config) -> Path | None:
    """At the end of the run, in the controlling process: write the results file."""
    if hasattr(config, "workerinput") or not _tests:
        return None
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return RESULTS
