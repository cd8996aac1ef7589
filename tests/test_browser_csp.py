"""Every page kind in every language under its Content-Security-Policy (issue 10): no policy
violation, no console error, no request leaving 127.0.0.1; a first view makes at most 5 requests
and none for search; opening search then works under the same policy, in the reader's language."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browser import DESKTOP, PHONE, search_for
from budget import BUDGET_REQUESTS
from generator.languages import site_languages
from sitepages import language_prefix, sample_by_kind

LANGS = [l.code for l in site_languages()]
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", e =>
  (window.__csp = window.__csp || []).push(e.violatedDirective + " " + e.blockedURI));"""


class Recorder:
    def __init__(self, page):
        self.page, self.requests, self.errors = page, [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))

    def external(self):
        return [u for u in self.requests if urlparse(u).hostname not in ("127.0.0.1", None)]

    def violations(self):
        return self.page.evaluate("window.__csp || []")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_kind_keeps_its_policy_and_budget(browser, server, lang):
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(REPORT_VIOLATIONS)
    # anything leaving 127.0.0.1 is recorded by the listener and stopped here
    context.route(lambda url: urlparse(url).hostname not in ("127.0.0.1", None), lambda route: route.abort())
    problems = []
    page = context.new_page()
    rec = Recorder(page)
    for _, url, kind in sample_by_kind(lang):
        rec.requests.clear()
        rec.errors.clear()
        page.goto(server + url, wait_until="load")  # the deferred script has run by now
        if kind == "search":  # its script loads lunr after "load": let that finish, or it counts for the next page
            page.wait_for_load_state("networkidle")
        search = [u for u in rec.requests if "/search" in u or "lunr" in u]
        # the search page is search in use: it loads search at once, counted apart (100 KB)
        view = [u for u in rec.requests if u not in search] if kind == "search" else rec.requests
        search = [] if kind == "search" else search
        if rec.violations() or rec.errors or rec.external() or search or len(view) > BUDGET_REQUESTS:
            problems.append(f"{kind} {url}: violations {rec.violations()} errors {rec.errors} "
                            f"external {rec.external()} search {search} requests {len(view)}")
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang,query,expected", [
    ("da", "boligstotte", "omraader/boligstoette/"),
    ("ar", "ورق", "ar/papir/"),
    ("fa", "کاغذ", "fa/papir/"),
])
def test_search_loads_on_first_use_under_the_policy(browser, server, site_dir, lang, query, expected):
    """Nothing of search before the reader opens it; then exactly the files budget.search_files
    counts (<= 100 KB, tests/test_site_budget.py): the script, lunr, the language's stemmer if
    it has one, and its own pages, under the page's policy."""
    from budget import search_files
    context = browser.new_context(viewport=PHONE)
    context.add_init_script(REPORT_VIOLATIONS)
    page = context.new_page()
    rec = Recorder(page)
    page.goto(server + language_prefix(lang), wait_until="load")
    page.wait_for_load_state("networkidle")
    assert not [u for u in rec.requests if "/search" in u or "lunr" in u], rec.requests
    results = search_for(page, query)   # PHONE: with the header's search button
    paths = [urlparse(h).path.lstrip("/") for h in results.evaluate_all("els => els.map(e => e.href)")]
    assert expected in paths[:3], paths
    assert all(p.startswith(language_prefix(lang)) for p in paths), paths
    assert results.first.get_attribute("data-search-result") is not None
    wanted = {server + str(f.relative_to(site_dir)) for f in search_files(site_dir, lang)}
    assert {u for u in rec.requests if "/search" in u or "lunr" in u} == wanted
    assert not rec.violations() and not rec.errors and not rec.external()
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    context.close()


def test_search_without_javascript_leads_to_the_search_page_that_lists_the_areas(browser, server):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "ar/papir/")
    link = page.locator(".md-search-result__meta a[data-search-fallback]")
    assert link.get_attribute("href") == "../omraader/"
    page.locator("input.md-search__input").fill("السكن")
    with page.expect_navigation():
        page.locator("input.md-search__input").press("Enter")
    assert urlparse(page.url).path == "/ar/soeg/" and "q=" in page.url
    assert page.locator("[data-search-nojs]").is_visible()
    assert page.locator("[data-search-nojs] a[href$='omraader/boligstoette/']").count() == 1
    assert page.locator("[data-search-result]").count() == 0
    context.close()
