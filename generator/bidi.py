"""Latin-script words and phone numbers inside right-to-left text, isolated at render time.

An Arabic or Farsi sentence often holds Danish names (Borgerservice, MitID, borger.dk,
"(Børne- og ungeydelse)") and phone numbers. Left in one text node with the Arabic
script, the browser's bidi algorithm reorders them (mirrored brackets, "70 20 00 00"
shown as "00 00 20 70") and a screen reader reads the Danish words with an Arabic voice.
`isolate()` turns every such run into its own element with lang and dir="ltr"
(an element with dir is a bidi isolate), so no translator has to remember markup.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

from markupsafe import Markup, escape

LATIN = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F"
DIGIT = "0-9\u0660-\u0669\u06F0-\u06F9"  # Western, Arabic-Indic and Persian digits
# A Latin run: starts with a Latin letter; spaces, hyphens, slashes, apostrophes, & and +
# join words ("Børne- og ungeydelse", "BEK 1584/2021"); a full stop or colon only inside a
# word ("borger.dk"), never at a sentence end (". " belongs to the right-to-left sentence).
# A Danish phone number as the site writes it: four groups of two digits.
PHONE = re.compile(rf"(?<![{DIGIT}])[{DIGIT}]{{2}}(?:[ \u00A0][{DIGIT}]{{2}}){{3}}(?![{DIGIT}])")
LATIN_RUN = re.compile(rf"[{LATIN}](?:[{LATIN}0-9]|[.:](?=[{LATIN}0-9])"
                       rf"|[\s\-/'’&+]+(?=[{LATIN}0-9])(?!{PHONE.pattern}))*")
TOKEN = re.compile(rf"{PHONE.pattern}|{LATIN_RUN.pattern}")
PLACEHOLDER_OR_PERCENT = re.compile(r"%\((\w+)\)s|%%")

LATIN_LANG = "da"  # Latin-script words on this site are Danish names, labels and addresses


def wrap(text: str, lang: str = LATIN_LANG) -> Markup:
    """Escape plain text; every Latin run and phone number becomes its own isolated element.

    Brackets that enclose exactly one Latin run go inside its element, so
    "(Børne- og ungeydelse)" keeps its brackets, in order, with the Danish words.
    """
    out, pos = [], 0
    for m in TOKEN.finditer(text):
        start, end = m.start(), m.end()
        phone = PHONE.fullmatch(m.group(0)) is not None
        if not phone and start > pos and text[start - 1] == "(" and text[end:end + 1] == ")":
            start, end = start - 1, end + 1
        out.append(escape(text[pos:start]))
        if phone:
            out.append(Markup('<span class="phone-number" dir="ltr">%s</span>') % text[start:end])
        else:
            out.append(Markup('<span lang="%s" dir="ltr">%s</span>') % (lang, text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def isolate(text: str, values: dict | None = None, lang: str = LATIN_LANG, segment=None) -> Markup:
    """A translated string with %(name)s placeholders, rendered for a right-to-left page.

    Values that are already Markup (a name rendered by a macro, a link) are inserted as
    they are; plain values are wrapped like the translator's own text. Without values the
    string is not %-formatted (as gettext does), so "%%" stays as written.
    """
    segment = segment or (lambda part: wrap(part, lang))
    if not values:
        return segment(text)
    out, pos = [], 0
    for m in PLACEHOLDER_OR_PERCENT.finditer(text):
        out.append(segment(text[pos:m.start()]))
        if m.group(0) == "%%":
            out.append(Markup("%"))
        else:
            value = values[m.group(1)]
            out.append(value if isinstance(value, Markup) else segment(str(value)))
        pos = m.end()
    out.append(segment(text[pos:]))
    return Markup("").join(out)


@lru_cache(maxsize=8)
def _danish_in_brackets(terms: frozenset) -> re.Pattern:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<=\()(?:{alternatives})(?=\))", re.IGNORECASE)


def mark_danish(text: str, values: dict | None, terms: frozenset) -> Markup:
    """For left-to-right languages: a Danish label or name the translator gave in brackets
    beside their own word ("Click Next (Næste)") is marked lang="da" for screen readers."""
    if not terms:
        return isolate(text, values, segment=escape)
    pattern = _danish_in_brackets(terms)

    def segment(part: str) -> Markup:
        out, pos = [], 0
        for m in pattern.finditer(part):
            out += [escape(part[pos:m.start()]), Markup('<span lang="da">%s</span>') % m.group(0)]
            pos = m.end()
        out.append(escape(part[pos:]))
        return Markup("").join(out)
    return isolate(text, values, segment=segment)


THEME_TEXT = re.compile(r'(<span class="md-ellipsis">\s*)([^<]*?)(\s*</span>)')


def isolate_theme_text(html_page: str) -> str:
    """The theme writes page titles into the header and the menu as plain text: isolate
    the Latin words there too (called for right-to-left pages only)."""
    def fix(m):
        text = unescape(m.group(2))
        return m.group(1) + str(wrap(text)) + m.group(3) if TOKEN.search(text) else m.group(0)
    return THEME_TEXT.sub(fix, html_page)
