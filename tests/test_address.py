"""No address, no code (issue 18, usability walk problem 1): a build without a public address
never writes 127.0.0.1, localhost or an example domain into a page, QR code, sitemap, canonical
link or handout. It builds a preview instead, whose QR boxes say the site has no public address
yet (in every language), and every page says it is a preview.
"""
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.build import render_site
from generator.publisher import load_publisher
from generator.site_address import is_placeholder, public_address

# The tests' own address (.test is reserved: it can never be a published site)
TEST_ADDRESS = "https://vejledning.test/digital-selvbetjening/"
FORBIDDEN = re.compile(r"127\.0\.0\.1|localhost|\bexample\.(?:com|org|net)\b|\.example\b", re.IGNORECASE)
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost:8000/", "http://[::1]:8000/",
                                 "http://0.0.0.0:8000/", "https://example.org/path/", "https://www.example.com/",
                                 "http://site.localhost/", "https://kommune.example/", "http://192.168.1.10/", ""])
def test_a_local_or_example_address_is_never_the_site_address(url):
    assert public_address(url) == ""
    assert url == "" or is_placeholder(url)


def test_the_publishers_address_comes_first_then_site_url_then_none():
    example = load_publisher()
    assert example.address("https://owner.github.io/repo") == "https://owner.github.io/repo/"
    assert example.address("http://127.0.0.1:8000/") == "" and example.address(None) == ""
    assert replace(example, url="https://vejledning.test").address("https://owner.github.io/repo/") == "https://vejledning.test/"


def test_mkdocs_serve_and_a_build_without_address_become_a_preview(monkeypatch):
    """`mkdocs serve` sets site_url to http://127.0.0.1:8000/ before the hooks run."""
    from mkdocs.config import load_config
    from generator import hooks
    for given, expected in (("http://127.0.0.1:8000/", ""), ("", ""), (TEST_ADDRESS, TEST_ADDRESS)):
        config = load_config(str(ROOT / "mkdocs.yml"), site_url=given)
        config.plugins["i18n"].current_language = "da"
        assert hooks.on_config(config).site_url == expected, given


@pytest.fixture(scope="module")
def both_ways():
    return {way: render_site(site_url=address) for way, address in (("preview", ""), ("address", TEST_ADDRESS))}


def _sample(renderer):
    """One page of every kind, and every handout (they carry the printed QR codes)."""
    seen, out = set(), []
    for spec in renderer.specs:
        if spec.kind not in seen or spec.kind == "print":
            seen.add(spec.kind)
            out.append(spec)
    return out


def test_neither_way_writes_a_local_or_example_address_into_a_page(both_ways):
    for way, (renderer, languages) in both_ways.items():
        for lang in languages[:3]:   # da, en, ar: left to right and right to left
            for spec in _sample(renderer):
                page = renderer.render(spec, lang)
                assert not FORBIDDEN.search(page), (way, lang.code, spec.url, FORBIDDEN.search(page).group(0))
                codes = re.findall(r'data-qr-url="([^"]*)"', page)
                if way == "preview":
                    assert not codes and "<svg" not in page.split("handout-qr", 1)[-1].split("</section>")[0], (lang.code, spec.url)
                else:
                    assert codes and all(c.startswith(TEST_ADDRESS) for c in codes), (lang.code, spec.url)


def test_a_preview_says_in_every_language_that_there_is_no_public_address_yet(both_ways):
    renderer, languages = both_ways["preview"]
    handout = next(s for s in renderer.specs if s.kind == "print")
    for lang in languages:
        page = renderer.render(handout, lang)
        boxes = re.findall(r'<p class="qr-none" data-qr-none>(.*?)</p>', page, re.S)
        assert len(boxes) == len(languages) + 1, lang.code   # one per language of the QR chooser, one in the share list
        assert 'class="untranslated"' not in boxes[0], f"{lang.code}: the box is not translated"
        home = renderer.render(renderer.by_url[""], lang)
        assert "data-qr-none" in home and "data-preview" in home, lang.code
        footer = re.search(r"^publisher_html: (.*)$", home, re.M).group(1)
        assert "data-preview" in footer and "untranslated" not in footer, lang.code
    renderer, languages = both_ways["address"]
    assert "data-preview" not in renderer.render(renderer.by_url[""], languages[0])


@pytest.mark.site
def test_the_built_site_carries_no_local_or_example_address(site_dir):
    """Whichever way site/ was built (make test: a preview; the workflow: its Pages address)."""
    sitemap = site_dir / "sitemap.xml"
    codes = list(site_dir.rglob("qr.svg"))
    for path in site_dir.rglob("*"):
        if path.suffix in (".html", ".xml", ".svg", ".json", ".txt", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found = FORBIDDEN.search(text)
            assert not found, f"{path.relative_to(site_dir)}: {found.group(0)}"
    pages = [p for p in site_dir.rglob("index.html")]
    for page in pages[:: max(1, len(pages) // 200)]:   # who publishes it: in every page's footer
        footer = page.read_text(encoding="utf-8").split('class="md-copyright site-footer"', 1)[1]
        assert re.search(r'<span class="site-publisher" data-publisher="(example|named)">', footer), page
    if not sitemap.exists():   # a preview
        assert not codes and not (site_dir / "sitemap.xml.gz").exists()
        for page in pages[:: max(1, len(pages) // 200)]:
            html = page.read_text(encoding="utf-8")
            assert 'rel="canonical"' not in html and "data-preview" in html, page
    else:
        locs = re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))
        base = locs[0][: locs[0].index("/", 8) + 1]
        assert locs and all(l.startswith(base) for l in locs) and len(codes) == len(pages)
        html = (site_dir / "index.html").read_text(encoding="utf-8")
        assert "data-preview" not in html and f'<link rel="canonical" href="{base}' in html
