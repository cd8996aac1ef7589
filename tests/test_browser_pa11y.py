"""pa11y-ci (axe and HTML_CodeSniffer runners, WCAG 2 AA) with zero errors.

pa11y takes about 2.4 s a page here, so it runs on one page of every kind (home, explainer,
question, outcome, walkthrough step, presenter, print, …) in Danish and in Arabic (right to
left); axe covers every language (test_browser.py).
"""
import json
import os
import re
import subprocess

import a11y_results

from browser import ROOT, chromium_path
from sitepages import sample_by_kind


# Budget (make test under 8 minutes): every kind of page in Danish but the plain lists and the
# practice mode's end pages (the same frame and parts as the kinds checked); in Arabic the kinds
# whose layout right to left differs (the rest share the frame, which axe checks in every language).
# PA11Y_ALL=1 (the GitHub workflow) checks every kind in both.
ALL = os.environ.get("PA11Y_ALL") == "1"
DANISH_LISTS = {"overview", "walkthroughs", "checklists", "areas", "practice-wrong", "practice-done"}
ARABIC_KINDS = {"home", "question", "outcome", "step", "practice-error", "search"}


def test_pa11y_ci_reports_no_errors(server, tmp_path):
    urls = [server + url for code, url, kind in sample_by_kind()
            if code == "da" and (ALL or kind not in DANISH_LISTS) or code == "ar" and (ALL or kind in ARABIC_KINDS)]
    config = {
        "defaults": {
            "standard": "WCAG2AA",
            "runners": ["axe", "htmlcs"],
            "timeout": 60000,
            "concurrency": 1,
            "chromeLaunchConfig": {"args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]},
        },
        "urls": urls,
    }
    if chromium_path():
        config["defaults"]["chromeLaunchConfig"]["executablePath"] = chromium_path()
    path = tmp_path / "pa11yci.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(["npx", "--no-install", "pa11y-ci", "--config", str(path)], cwd=ROOT,
                            capture_output=True, text=True, env=dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1"))
    passed = re.search(r"(\d+)/(\d+) URLs passed", result.stdout)
    errors = sum(int(n) for n in re.findall(r"^\s*>\s+\S+ - (\d+) errors?$", result.stdout, re.M))
    a11y_results.note(tool="pa11y", urls=len(urls), passed=int(passed.group(1)) if passed else 0, errors=errors,
                      languages=["ar", "da"])
    summary = [l for l in result.stdout.splitlines() if "URLs passed" in l or "Errors" in l or "error" in l.lower()]
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert f"{len(urls)}/{len(urls)} URLs passed" in result.stdout, summary
