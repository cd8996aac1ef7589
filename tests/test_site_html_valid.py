"""The Nu Html Checker (npm vnu-jar, Java): 0 errors on every page kind in Danish and Arabic;
VNU_ALL=1 (the GitHub workflow) checks every page of every language."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from sitepages import SITE, expected_pages, file_for, sample_by_kind

VNU = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_kind_is_valid_html(site_dir):
    if not shutil.which("java"):
        pytest.fail("the Nu Html Checker needs Java (apt-get install default-jre-headless)")
    assert VNU.exists(), f"{VNU} is missing: run npm ci"
    if os.environ.get("VNU_ALL") == "1":
        urls = [url for _, url, _ in expected_pages()]
    else:
        urls = [url for lang in ("da", "ar") for _, url, _ in sample_by_kind(lang)]
    files = [str(file_for(url)) for url in urls]
    run = subprocess.run(["java", "-Xss1024k", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                         capture_output=True, text=True, timeout=900)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    root = SITE.resolve().as_uri() + "/"
    errors = [f"{m.get('url', '').replace(root, '')}:{m.get('lastLine', '?')}: {m.get('message')}"
              for m in messages if m.get("type") == "error"]
    assert not errors, f"{len(errors)} errors in {len(files)} pages:\n" + "\n".join(errors[:20])
