"""What a first view of a built page costs: the requests its HTML makes before the reader does
anything (stylesheets, scripts, icons, images not loaded lazily, what the CSS pulls in) and
their bytes as gzip would send them. Shared by the budget test and `make bench`."""
from __future__ import annotations

import gzip
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import tinycss2

BUDGET_BYTES = 30 * 1000      # compressed, per first view
BUDGET_REQUESTS = 5


@lru_cache(maxsize=None)
def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").split()
        if tag == "link" and a.get("href") and {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(rel):
            self.found.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.found.append(a["src"])
        elif tag in ("img", "iframe", "embed", "video", "audio", "source", "input") and a.get("src") and a.get("loading") != "lazy":
            self.found.append(a["src"])
        elif tag == "object" and a.get("data"):
            self.found.append(a["data"])


def _css_urls(css: str) -> list[str]:
    urls = []

    def walk(tokens):
        for t in tokens:
            if t.type == "url":
                urls.append(t.value)
            elif t.type == "function" and t.lower_name == "url":
                urls.extend(a.value for a in t.arguments if a.type == "string")
            for inner in (getattr(t, "content", None), getattr(t, "arguments", None)):
                if isinstance(inner, list):
                    walk(inner)
            if t.type in ("qualified-rule", "at-rule"):
                walk(t.prelude)
    walk(tinycss2.parse_stylesheet(css))
    return urls


def first_view(site: Path, url: str) -> dict:
    """{"bytes", "requests", "files"} for the page at `url` (inside the site, e.g. 'ar/papir/')."""
    page = "http://site/" + url
    files: list[str] = []
    queue = [(page, url.rstrip("/") + "/index.html" if url else "index.html")]
    parser = _Resources()
    parser.feed((site / queue[0][1]).read_text(encoding="utf-8"))
    seen = set()
    total = gzip_size(site / queue[0][1])
    files.append(queue[0][1])
    pending = [(page, href) for href in parser.found]
    while pending:
        base, href = pending.pop(0)
        if href.startswith("data:"):
            continue
        absolute = urljoin(base, href)
        if urlparse(absolute).netloc != "site":
            raise AssertionError(f"{url}: loads {href} from another site")
        path = urlparse(absolute).path.lstrip("/")
        if path in seen:
            continue
        seen.add(path)
        target = site / path
        files.append(path)
        total += gzip_size(target)
        if path.endswith(".css"):
            pending += [(absolute, u) for u in _css_urls(target.read_text(encoding="utf-8"))]
    return {"bytes": total, "requests": len(files), "files": files}


BUDGET_SEARCH_BYTES = 100 * 1000  # compressed: everything a first search downloads (issue 21)


def search_files(site: Path, lang: str, default: str = "da") -> list[Path]:
    """What a language's first search downloads (assets/search.js loads them): the script,
    lunr, the language's stemmer if it has one, and its pages."""
    import json
    pages = site / ("" if lang == default else lang) / "search" / "pages.json"
    stemmer = json.loads(pages.read_text(encoding="utf-8"))["stemmer"]
    files = [site / "assets" / "search.js", site / "assets" / "search" / "lunr.js", pages]
    if stemmer and stemmer != "en":
        lunr = site / "assets" / "javascripts" / "lunr" / "min"
        files += [lunr / "lunr.stemmer.support.min.js", lunr / f"lunr.{stemmer}.min.js"]
    return files


def first_search(site: Path, lang: str) -> dict:
    """{"bytes", "files"}: a language's first search, as gzip would send it."""
    files = search_files(site, lang)
    return {"bytes": sum(gzip_size(f) for f in files), "files": [str(f.relative_to(site)) for f in files]}
