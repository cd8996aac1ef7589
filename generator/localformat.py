"""Dates, opening hours and numbers as each language's readers write them.

Babel's CLDR data is the base; a few languages differ from what this site's readers expect
(native reads of 2026-12-04):
- English: the translations are British ("licence", "1 August 2021"); CLDR "en" is American
  ("August 1, 2021", "8:00 AM"). Dates and times use en_GB.
- Ukrainian: CLDR ends a date with "р.", so "з %(date)s." became "р.." on 182 pages. Dates are
  written out ("1 серпня 2021 року"), as in running text; day names use the typographic
  apostrophe (’) of the catalog, not CLDR's ʼ.
- Somali: CLDR writes "Agosto 1, 2021" and "8:00 GH": day first, and a 24-hour clock as on
  Danish signs ("08:00").
- Farsi: a time range "8:00 – 20:00" holds no right-to-left letter, so a <bdi> resolves it
  left to right and a Persian reader meets "20:00" first. «8:00 تا 20:00» reads in order.
"""
from __future__ import annotations

import datetime

from babel.dates import format_date, format_time, get_day_names

FORMAT_LOCALE = {"en": "en_GB"}
DATE_PATTERN = {"uk": "d MMMM y 'року'", "so": "d MMMM y"}
TIME_PATTERN = {"so": "HH:mm"}
RANGE = {"fa": "{0} تا {1}"}  # "from … to …": the Persian word makes the range read right to left
DEFAULT_RANGE = "{0} – {1}"
APOSTROPHE = {"uk": ("\u02bc", "\u2019")}
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _locale(lang: str) -> str:
    return FORMAT_LOCALE.get(lang, lang)


def _typography(text: str, lang: str) -> str:
    if lang in APOSTROPHE:
        text = text.replace(*APOSTROPHE[lang])
    return text


def long_date(day: datetime.date, lang: str) -> str:
    return _typography(format_date(day, DATE_PATTERN.get(lang, "long"), locale=_locale(lang)), lang)


def time_of_day(t: datetime.time, lang: str) -> str:
    return format_time(t, TIME_PATTERN.get(lang, "short"), locale=_locale(lang))


def time_range(start: datetime.time, end: datetime.time, lang: str) -> str:
    return RANGE.get(lang, DEFAULT_RANGE).format(time_of_day(start, lang), time_of_day(end, lang))


def day_names(lang: str) -> list[str]:
    names = get_day_names("wide", locale=_locale(lang))
    return [_typography(names[i], lang) for i in range(7)]


def day_range(first: str, last: str, lang: str) -> str:
    return RANGE.get(lang, DEFAULT_RANGE).format(first, last)
