"""The native read of the walkthrough strings (translations/reviews/2026-12-04-demo-read-<lang>.md):
what it fixed in en, tr, uk and pl stays fixed."""
import re

import pytest
from babel.messages.pofile import read_po

from generator.catalogs import TRANSLATIONS_DIR, load_catalog

DEMO_READ = ["en", "tr", "uk", "pl"]


def walkthrough_msgids():
    with open(TRANSLATIONS_DIR / "messages.pot", "rb") as f:
        pot = read_po(f)
    return {m.id for m in pot if m.id and any(p.startswith("generator/walkthroughs/") for p, _ in m.locations)}


# "…kommer du til at give en anden fuldmagt" = you would give *another person* power of attorney.
# Read as "a different power of attorney" in all four languages before the read.
ANOTHER_PERSON = {"en": "another person power of attorney", "tr": "başka birine vekâlet",
                  "uk": "довіреність іншій людині", "pl": "pełnomocnictwa innej osobie"}


@pytest.mark.parametrize("lang", DEMO_READ)
def test_the_fuldmagt_wrong_turn_says_you_would_give_another_person_power_of_attorney(lang):
    catalog = load_catalog(lang, TRANSLATIONS_DIR / f"{lang}.po")
    [msgid] = [m for m in catalog.messages if m.startswith("På den rigtige side kommer du til at give en anden fuldmagt")]
    assert ANOTHER_PERSON[lang] in catalog.messages[msgid], catalog.messages[msgid]


# "løsning" is the self-service system, not the solution to a problem (review T2, P1).
SOLUTION = {"tr": r"çözüm", "pl": r"rozwiązani"}


@pytest.mark.parametrize("lang", sorted(SOLUTION))
def test_walkthroughs_do_not_render_loesning_as_the_solution_to_a_problem(lang):
    catalog = load_catalog(lang, TRANSLATIONS_DIR / f"{lang}.po")
    wrong = [(msgid, catalog.messages[msgid]) for msgid in walkthrough_msgids()
             if "løsning" in msgid and re.search(SOLUTION[lang], catalog.messages.get(msgid, ""), re.I)]
    assert not wrong, f"{lang}: løsning read as 'solution': {wrong[:3]}"


# Plain forms for phone screens and reading aloud (review P minor 1, P minor 3, U minor 2).
UNWANTED = {"pl": (r"\(-\w+\)|\(a\)|\bobywatel|\bpomocnik", "gender-split forms, 'obywatel' or 'pomocnik'"),
            "uk": (r"(?<=\w)'(?=\w)", "the ASCII apostrophe (the catalog uses ’)")}


@pytest.mark.parametrize("lang", sorted(UNWANTED))
def test_walkthrough_strings_keep_the_plain_forms_the_read_chose(lang):
    pattern, what = UNWANTED[lang]
    catalog = load_catalog(lang, TRANSLATIONS_DIR / f"{lang}.po")
    wrong = [catalog.messages[m] for m in walkthrough_msgids() if re.search(pattern, catalog.messages.get(m, ""))]
    assert not wrong, f"{lang}: {what} in {wrong[:3]}"
