"""Walkthrough instructions name the Danish button the citizen will see on the real screen.

A reader told to click «الإبلاغ عن الانتقال» looks on borger.dk for a button that does not
exist (native read of 2026-12-04, A3). So every walkthrough string that sends the reader to a
button of the mock screen ("klik på", "tryk på", "vælg", "find" + its label, in any case) must
give the Danish label first and the reader's word in brackets: "Meld flytning (الإبلاغ عن الانتقال)".
"""
import re

import pytest

from generator.catalogs import load_catalog, TRANSLATIONS_DIR

# Every language's walkthrough strings had their native read in the Danish-first order
# (translations/reviews/2026-12-04-demo-read-<lang>.md).
READ = ("en", "ar", "uk", "tr", "pl", "fa", "so")


def button_labels(tables):
    return {el["label"] for w in tables.walkthroughs.values() for s in w["steps"]
            for el in (s.get("screen") or {}).get("elements", []) if el.get("type") == "button"}


def unglossed(labels, messages):
    """(label, msgid, msgstr) for each string that points at a button but lacks 'Label (…'."""
    found = []
    for msgid, msgstr in messages.items():
        for label in labels:
            if (re.search(rf"(?i:klik på|tryk(?: så)? på|vælg|find) {re.escape(label)}(?!\w)", msgid)
                    and f"{label} (" not in msgstr):
                found.append((label, msgid, msgstr))
    return found


@pytest.mark.parametrize("lang", READ)
def test_instructions_give_the_danish_button_label_first(lang, tables):
    catalog = load_catalog(lang, TRANSLATIONS_DIR / f"{lang}.po")
    found = unglossed(button_labels(tables), catalog.messages)
    assert not found, f"{lang}.po: {len(found)} steps without 'Danish label (translation)':\n" + "\n".join(
        f"  {label}: {msgstr[:90]!r}" for label, _, msgstr in found[:10])


def test_the_check_finds_a_button_named_only_in_translation_or_danish_last():
    labels = {"Meld flytning", "Næste"}
    msgid = "Læs oversigten. Er alt rigtigt, så klik på Meld flytning, og godkend med MitID."
    # The Arabic of 2026-12-04 (A3): the button only in Arabic.
    assert unglossed(labels, {msgid: "اقرأ الملخص. إذا كان كل شيء صحيحًا، فانقر على «الإبلاغ عن الانتقال»، ووافق بـ MitID."})
    # The Danish label in brackets after the reader's word: the old order.
    assert unglossed(labels, {"Klik på Næste.": "انقر على «التالي» (Næste)."})
    assert not unglossed(labels, {msgid: "… فانقر على Meld flytning (الإبلاغ عن الانتقال)، ووافق بـ MitID."})
    assert not unglossed(labels, {"Skriv din nye adresse": "اكتب عنوانك الجديد"})
