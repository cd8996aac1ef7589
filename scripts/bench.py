"""make bench: first-view bytes and requests (Chromium) and Lighthouse scores + LCP for each page
kind x da/ar/uk, for this site and for a stock mkdocs-material build of the same pages, side by
side. Both are served gzip-compressed on 127.0.0.1. Also the wall time of a full build of every
language (budget: 30 s on 2 cores), and search: the query set's top-3 score per language
(tests/search_queries.yaml, budget 90 %) and the bytes of a first search (budget 100 KB gzip).
Results: build/bench.json.

    .venv/bin/python scripts/bench.py [--no-lighthouse] [--site DIR --label NAME ...]

`make bench` builds site/ first; this script builds the stock site into build/stock/ from the
same generated docs/.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser import ARGS, PHONE, chromium_path  # noqa: E402
from budget import BUDGET_BYTES, BUDGET_REQUESTS, BUDGET_SEARCH_BYTES  # noqa: E402

LANGS = ("da", "ar", "uk")
KINDS = ("home", "question", "outcome", "step")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUILD_BUDGET_S = 30  # a full build of every language, on a 2-core machine (issue 10)


def time_full_build() -> dict:
    """Wall time of `mkdocs build --strict` of every language into a scratch folder, the generator
    included (it renders every page; docs/ is rewritten only where a page changed)."""
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", scratch],
                       cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), check=True)
        seconds = round(time.perf_counter() - started, 1)
    return {"seconds": seconds, "cores": len(os.sched_getaffinity(0)), "budget_s": BUILD_BUDGET_S}


def pages() -> list[tuple[str, str, str]]:
    """(language, kind, url) for the page kinds of the issue, the first of each kind."""
    from sitepages import sample_by_kind
    return [(lang, kind, url) for lang in LANGS for _, url, kind in sample_by_kind(lang) if kind in KINDS]


# -- the stock build ---------------------------------------------------------------------------

def stock_config(target: Path) -> Path:
    """Our mkdocs.yml minus everything that is ours: no overrides, hooks, scripts or icons."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    edits = [
        ("docs_dir: docs\n", f"docs_dir: {ROOT / 'docs'}\nsite_dir: {target}\n"),
        ("strict: true\n", "strict: false\n"),
        # only the UI strings of the languages the theme lacks (Somali), nothing else of ours
        ("  custom_dir: overrides\n", f"  custom_dir: {target.parent / 'theme'}\n"),
        ("  favicon: assets/favicon.svg\n", ""),
        ("  logo: assets/favicon.svg\n", ""),
        ("hooks:\n  - generator/hooks.py\n", ""),
        ("extra_javascript:\n  - assets/site.js\n", ""),
    ]
    for old, new in edits:
        if old not in text:
            raise SystemExit(f"mkdocs.yml: no '{old.strip()}' to remove for the stock build. Update scripts/bench.py.")
        text = text.replace(old, new, 1)
    languages = target.parent / "theme" / "partials" / "languages"
    languages.mkdir(parents=True, exist_ok=True)
    for own in (ROOT / "overrides" / "partials" / "languages").glob("*.html"):
        (languages / own.name).write_text(own.read_text(encoding="utf-8"), encoding="utf-8")
    config = target.parent / "stock-mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_stock(target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    config = stock_config(target)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("ONLY", None)
    print("== stock mkdocs-material build of the same pages ->", target, flush=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)], cwd=ROOT, env=env,
                   check=True)


# -- a compressing server ----------------------------------------------------------------------

class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_GzipHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


# -- measuring -------------------------------------------------------------------------------

def first_views(base: str, urls: list[str]) -> dict[str, dict]:
    """Cold cache, JS on, phone viewport: requests and compressed bytes until the network is idle."""
    from urllib.parse import urlparse

    from playwright.sync_api import sync_playwright
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
        for url in urls:
            context = browser.new_context(viewport=PHONE)
            context.route(lambda u: urlparse(u).hostname not in ("127.0.0.1", None), lambda r: r.abort())
            page = context.new_page()
            done = []
            page.on("requestfinished", lambda r: done.append(r))
            failed = []
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.goto(base + url, wait_until="load")
            page.wait_for_load_state("networkidle")
            size = sum(r.sizes()["responseBodySize"] for r in done)
            out[url] = {"bytes": size, "requests": len(done) + len(failed),
                        "external": [u for u in failed if urlparse(u).hostname != "127.0.0.1"]}
            context.close()
        browser.close()
    return out


def lighthouse(url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run([str(LIGHTHOUSE), url, "--form-factor=mobile",
                        f"--only-categories={','.join(CATEGORIES)}", "--output=json",
                        f"--output-path={report.name}", "--quiet",
                        f"--chrome-flags=--headless=new {' '.join(ARGS)}"],
                       env=dict(os.environ, **({"CHROME_PATH": chromium_path()} if chromium_path() else {})),
                       check=True, timeout=300,
                       stdout=subprocess.DEVNULL)
        data = json.loads(Path(report.name).read_text(encoding="utf-8"))
    scores = {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["lcp_s"] = round(data["audits"]["largest-contentful-paint"]["numericValue"] / 1000, 2)
    return scores


def measure(label: str, site: Path, with_lighthouse: bool) -> dict:
    httpd, base = serve(site)
    try:
        rows = pages()
        print(f"== {label}: first views in Chromium ({len(rows)} pages)", flush=True)
        views = first_views(base, [url for _, _, url in rows])
        result = {}
        for lang, kind, url in rows:
            entry = dict(views[url], url=url)
            if with_lighthouse:
                print(f"   lighthouse {label} {lang} {kind}", flush=True)
                entry.update(lighthouse(base + url))
            result[f"{kind}/{lang}"] = entry
        return result
    finally:
        httpd.shutdown()


def search_scores(site: Path) -> tuple[dict, dict]:
    """The query set through the site's own search in Chromium, and each language's first search."""
    from playwright.sync_api import sync_playwright

    from budget import first_search
    from search_quality import HELD_OUT, query_set, run_language
    from sitepages import language_prefix
    httpd, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=ARGS)
            page = browser.new_page(viewport=PHONE)
            scores = {lang: run_language(page, base, language_prefix(lang), rows) for lang, rows in query_set().items()}
            held_out = {lang: run_language(page, base, language_prefix(lang), rows) for lang, rows in query_set(HELD_OUT).items()}
            browser.close()
    finally:
        httpd.shutdown()
    return scores, held_out, {lang: first_search(site, lang)["bytes"] for lang in scores}


def table(results: dict) -> str:
    labels = list(results)
    keys = list(results[labels[0]])
    lines = []
    width = {l: max(12, len(l) + 5) for l in labels}  # room for the label's heading
    head = "page kind/lang".ljust(16) + "".join(f"{l + ' KB':>{width[l]}}{'req':>5}" for l in labels)
    if len(labels) >= 2:
        head += f"{'ratio KB':>10}"
    lh = any("performance" in e for r in results.values() for e in r.values())
    if lh:
        head += "".join(f"  {l[:10] + ' P/A/BP/SEO LCP':>30}" for l in labels)  # rows: 32 wide
    lines.append(head)
    for key in keys:
        row = key.ljust(16)
        for l in labels:
            e = results[l][key]
            row += f"{e['bytes'] / 1000:{width[l]}.1f}{e['requests']:5d}"
        if len(labels) >= 2:
            row += f"{results[labels[-1]][key]['bytes'] / max(1, results[labels[0]][key]['bytes']):10.1f}"
        if lh:
            for l in labels:
                e = results[l][key]
                row += f"  {e.get('performance', '-')}/{e.get('accessibility', '-')}/{e.get('best-practices', '-')}/{e.get('seo', '-')} {e.get('lcp_s', '-')} s".rjust(32)
        lines.append(row)
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="first views only (fast)")
    parser.add_argument("--no-stock", action="store_true", help="do not build and measure the stock site")
    parser.add_argument("--no-build-time", action="store_true", help="do not time a full build")
    parser.add_argument("--site", action="append", default=[], help="another built site to measure (with --label)")
    parser.add_argument("--label", action="append", default=[])
    parser.add_argument("--output", default=str(ROOT / "build" / "bench.json"))
    args = parser.parse_args()
    with_lighthouse = not args.no_lighthouse
    if with_lighthouse and not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE} is missing: run npm ci", file=sys.stderr)
        return 1
    sites = {"this site": ROOT / "site"}
    for label, site in zip(args.label, args.site):
        sites[label] = Path(site)
    if not args.no_stock:
        stock = ROOT / "build" / "stock" / "site"
        build_stock(stock)
        sites["stock material"] = stock
    build = None if args.no_build_time else time_full_build()
    results = {label: measure(label, site, with_lighthouse) for label, site in sites.items()}
    from search_quality import PASS, table as score_table
    scores, held_out, search_bytes = search_scores(ROOT / "site")
    over = [f"{key}: {e['bytes']} bytes, {e['requests']} requests"
            for key, e in results["this site"].items()
            if e["bytes"] > BUDGET_BYTES or e["requests"] > BUDGET_REQUESTS or e["external"]]
    over += [f"search {lang}: {sum(r['right'] for r in rows)}/{len(rows)} right in the top 3 (budget {PASS:.0%})"
             for lang, rows in scores.items() if sum(r["right"] for r in rows) < PASS * len(rows)]
    over += [f"first search {lang}: {b} bytes gzip (budget {BUDGET_SEARCH_BYTES})"
             for lang, b in search_bytes.items() if b > BUDGET_SEARCH_BYTES]
    if build and build["cores"] <= 2 and build["seconds"] > BUILD_BUDGET_S:
        over.append(f"full build: {build['seconds']} s on {build['cores']} cores (budget {BUILD_BUDGET_S} s)")
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps({"budget": {"bytes": BUDGET_BYTES, "requests": BUDGET_REQUESTS},
                                             "build": build, "results": results, "search": {"scores": scores, "held_out": held_out, "first_search_bytes": search_bytes},
                                             "over_budget": over},
                                            indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print("\nsearch (tests/search_queries.yaml, the site's own search in Chromium):")
    print(score_table(scores))
    print("\nsearch, held-out queries (tests/search_queries_heldout.yaml, written without seeing the tuning; no budget yet):")
    print(score_table(held_out))
    print("first search, gzip KB: " + ", ".join(f"{lang} {b / 1000:.1f}" for lang, b in search_bytes.items()))
    if build:
        print(f"full build, every language: {build['seconds']} s on {build['cores']} cores "
              f"(budget {BUILD_BUDGET_S} s on 2)")
    print(f"== written to {args.output}")
    if over:
        print("over budget:\n" + "\n".join(over), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
