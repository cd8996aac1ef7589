"""Points of the native reads of 2026-12-04 that live in the built pages (issue 20)."""
import re

from sitepages import file_for


def page(url: str) -> str:
    return file_for(url).read_text(encoding="utf-8")


def test_the_ukrainian_header_is_not_called_khheder(site_dir):
    """uk minor 3: the theme's ARIA label «Хедер» is anglicised jargon read out on every page."""
    html = page("uk/")
    assert 'aria-label="Шапка сторінки"' in html
    assert "Хедер" not in html


def test_ukrainian_area_pages_end_the_date_sentence_once(site_dir):
    """uk minor 1: «… 2021 р..» on 182 pages."""
    html = page("uk/omraader/folkepension/")
    assert "2021 року." in html
    assert "р.." not in html


def test_farsi_hours_read_from_opening_to_closing(site_dir):
    """F2/R1: «<bdi>8:00 – 20:00</bdi>» displayed as «20:00 – 8:00» to a Persian reader."""
    html = page("fa/")
    assert re.search(r"<bdi>8:00 تا 20:00</bdi>", html)


def test_english_pages_write_british_dates(site_dir):
    html = page("en/omraader/folkepension/")
    assert "1 August 2021" in html and "August 1, 2021" not in html
