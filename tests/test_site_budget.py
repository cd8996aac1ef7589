"""First view of every page kind in Danish, Arabic and Ukrainian within the budget of issue 10:
<= 30 KB compressed and <= 5 requests (computed from the built files; `make bench` measures the
same in Chromium, and the browser test checks the real requests)."""
import pytest

from budget import BUDGET_BYTES, BUDGET_REQUESTS, BUDGET_SEARCH_BYTES, first_search, first_view
from sitepages import SITE, sample_by_kind


@pytest.mark.parametrize("lang", ["da", "ar", "uk"])
def test_first_view_of_every_page_kind_is_within_budget(site_dir, lang):
    over = []
    for _, url, kind in sample_by_kind(lang):
        cost = first_view(SITE, url)
        if cost["bytes"] > BUDGET_BYTES or cost["requests"] > BUDGET_REQUESTS:
            over.append(f"{kind} {url}: {cost['bytes']} bytes gzip, {cost['requests']} requests {cost['files']}")
    assert not over, "over budget:\n" + "\n".join(over)


def test_nothing_about_search_is_in_a_first_view(site_dir):
    for _, url, kind in sample_by_kind("da"):
        files = first_view(SITE, url)["files"]
        assert not [f for f in files if "search" in f or "lunr" in f], (url, files)


@pytest.mark.parametrize("lang", ["da", "en", "ar", "uk", "tr", "pl", "fa", "so"])
def test_a_first_search_downloads_at_most_100_kb(site_dir, lang):
    """Issue 21: everything the first search on a phone fetches (script, lunr, stemmer, the
    language's pages), gzip. tests/test_browser_csp.py checks these are the files requested."""
    cost = first_search(SITE, lang)
    assert cost["bytes"] <= BUDGET_SEARCH_BYTES, cost
