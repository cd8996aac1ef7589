"""Dates and opening hours as each language's readers write them (native reads of 2026-12-04)."""
import datetime
import unicodedata

import pytest

from generator.catalogs import TRANSLATIONS_DIR, load_catalog
from generator.languages import site_languages
from generator.localformat import long_date
from generator.render import closed_days, format_hours

RTL = [l.code for l in site_languages() if l.dir == "rtl"]
AUG_1_2021 = datetime.date(2021, 8, 1)


@pytest.fixture(scope="module")
def hotline(tables):
    return next(ch for ch in tables.help["channels"] if ch.get("hours"))


def first_strong(text: str) -> str | None:
    """The direction a <bdi> takes from its content (the first strong character)."""
    for ch in text:
        if unicodedata.bidirectional(ch) in ("L",):
            return "ltr"
        if unicodedata.bidirectional(ch) in ("R", "AL"):
            return "rtl"
    return None


@pytest.mark.parametrize("lang", RTL)
def test_opening_hours_read_in_order_in_right_to_left_languages(lang, hotline):
    """F2/R1: «<bdi>8:00 – 20:00</bdi>» has no strong letter, resolves left to right, and a
    Persian reader met 20:00 first. Every time range must itself resolve right to left."""
    for days, hours in format_hours(hotline, lang):
        assert first_strong(hours) == "rtl", (lang, hours)
        assert first_strong(days) == "rtl", (lang, days)


def test_farsi_hours_use_the_persian_word_for_to(hotline):
    assert ("دوشنبه تا پنجشنبه", "8:00 تا 20:00") in format_hours(hotline, "fa")


def test_english_dates_and_times_are_british(hotline):
    """E minor 1: 'August 1, 2021' and '8:00 AM' beside British text."""
    assert long_date(AUG_1_2021, "en") == "1 August 2021"
    assert format_hours(hotline, "en")[0] == ("Monday – Thursday", "08:00 – 20:00")


def test_somali_dates_put_the_day_first_and_hours_use_24_hours(hotline):
    assert long_date(AUG_1_2021, "so") == "1 Agosto 2021"
    assert all("GH" not in h and "GD" not in h for _, h in format_hours(hotline, "so"))


def test_ukrainian_date_sentence_ends_with_one_full_stop():
    """uk minor 1: 'Правила діють з %(date)s.' and CLDR's '… 2021 р.' gave 'р..' on 182 pages."""
    catalog = load_catalog("uk", TRANSLATIONS_DIR / "uk.po")
    for msgid, msgstr in catalog.messages.items():
        if "%(date)s" in msgstr:
            text = msgstr.replace("%(date)s", long_date(AUG_1_2021, "uk"))
            assert ".." not in text, (msgid, text)


def test_ukrainian_day_names_use_the_catalogs_apostrophe(hotline):
    """uk minor 2: one apostrophe (’) throughout; CLDR writes 'пʼятниця'."""
    names = [d for d, _ in format_hours(hotline, "uk")] + closed_days(hotline, "uk")
    assert "п’ятниця" in names
    assert not any("\u02bc" in n or "'" in n for n in names)


@pytest.mark.parametrize("lang,month", [("fa", "اوت"), ("so", "Agosto")])
def test_translated_dates_name_the_month_as_the_generated_dates(lang, month):
    """fa minor 4 / so minor 5: «1 آگوست 2021» beside the generated «1 اوت 2021» on the same page."""
    assert month in long_date(AUG_1_2021, lang)
    catalog = load_catalog(lang, TRANSLATIONS_DIR / f"{lang}.po")
    other = {"fa": ("آگوست",), "so": ("Ogosto", "Disembar")}[lang]
    assert not [m for m, s in catalog.messages.items() if any(o in s for o in other)]
