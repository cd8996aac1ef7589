"""Citations of BEK 1584/2021 are checked against an index derived from its text."""
from generator import bek_index
from generator.tables import BEK, RULES_DIR, BEK_INDEX, load_bek_index


def test_the_committed_index_is_what_the_script_derives_from_the_source():
    derived = bek_index.render(bek_index.parse(bek_index.SOURCE.read_text(encoding="utf-8")))
    assert (RULES_DIR / BEK_INDEX).read_text(encoding="utf-8") == derived, \
        "run `python -m generator.bek_index` and commit generator/rules/bek-1584-2021-index.yaml"


def test_the_index_knows_the_shape_of_the_order():
    index = load_bek_index(RULES_DIR / BEK_INDEX)
    assert "§ 19" not in index and "§ 20" in index           # the order has no § 19
    assert index["§ 1"] == {1: 3, 2: 3, 3: 3, 4: 1}
    assert index["§ 3"][1] == 3 and index["§ 4"] == {1: 1}    # pkt. 1-3; a § without stk.


def test_sentences_do_not_split_at_abbreviations():
    assert bek_index.sentences("Ansøgninger m.v., der ikke indgives, afvises, jf. § 2. Når der træffes afgørelse efter § 2, stk. 2, skal kommunen give besked.") == 2
    assert bek_index.sentences("Omfattet af EF-forordning nr. 883/04 eller 1408/71.") == 1


def test_every_rule_and_area_citation_exists(tables):
    index = load_bek_index(RULES_DIR / BEK_INDEX)
    for entry in list(tables.rules.values()) + list(tables.areas.values()):
        if entry.get("source") == BEK:
            para, _, stk = entry["citation"].partition(", stk. ")
            assert para in index
            assert int(stk or 1) in index[para]
            assert entry.get("pkt", 1) <= index[para][int(stk or 1)]
