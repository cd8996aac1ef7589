"""The second battery of hostile inputs (issue 19; ../shared/reviews/2026-12-04-hostile-inputs.md), as data.

All 96 cases of the review, each with the verdict the review found (`before`), the verdict
now (`after`) and the test that guards it:
- `case`: a change to a copy of the real inputs (rules/, walkthroughs/, translations/), loaded
  by tests/test_bad_input2.py. `needle` is what the error must say (with the file and, where
  `marker` is given, the line of the marker); needle None: it must load without error
  (correct output: a leading BOM, CRLF line endings).
- `test`: the name of a test in tests/test_bad_input2.py for cases that need a command, a
  build step or a rendered page.

Verdicts after: CLEAR (file:line, what is wrong, what to do), CORRECT (correct output),
HARMLESS (as designed, unchanged), NOT-OURS (another engineer's issue).
"""
from __future__ import annotations

from dataclasses import dataclass

from badinput import Case, append, replace

RLM, LRM, ALM, ZWSP, WJ, BOM, LS = "\u200f", "\u200e", "\u061c", "\u200b", "\u2060", "\ufeff", "\u2028"
PAYLOAD = '0;url=https://evil.example/phish\\" http-equiv=\\"refresh'
DESCRIPTION = "Skal du søge digitalt, eller må du søge på papir? Vejledning om obligatorisk digital selvbetjening i et enkelt sprog."


@dataclass
class Battery:
    id: str
    input: str
    before: str
    after: str
    case: Case | None = None
    test: str | None = None


def _po(id_, lang, msgid, msgstr, needle, at="msgid"):
    """Replace the msgstr under `msgid` in translations/<lang>.po."""
    def change(text):
        start = text.index(f'msgid "{msgid}"\nmsgstr "')
        end = text.index("\n", start + len(msgid) + 10)
        return text[:start] + f'msgid "{msgid}"\nmsgstr "{msgstr}"' + text[end:]
    # a translation's error points at its entry (the msgid line, as Poedit lists it); a character
    # the syntax check refuses, at the line that holds it
    marker = f'msgid "{msgid}"\nmsgstr "{msgstr}"' if at == "msgid" else f'msgstr "{msgstr}"'
    return Case(id_, f"translations/{lang}.po", change, needle, marker=marker)


BATTERY = [
    # ---- rule tables and walkthroughs (YAML)
    Battery("y01", "merge key <<: *fp", "UNCLEAR", "CLEAR",
            Case("y01", "rules/areas.yaml",
                 lambda t: t.replace("  - id: folkepension\n", "  - &fp\n    id: folkepension\n", 1)
                 .replace("  - id: personligt", "  - <<: *fp\n    id: personligt", 1),
                 "merge keys (`<<: *name`) are not supported", marker="<<: *fp")),
    Battery("y02", "!!python/object/apply tag", "CLEAR", "CLEAR",
            Case("y02", "rules/areas.yaml", replace("    name: Folkepension\n", '    name: !!python/object/apply:os.system ["touch PWNED"]\n'),
                 "is not allowed: the tables hold only text", marker="!!python")),
    Battery("y03", "UTF-8 BOM at the start of areas.yaml", "SILENT-HARMLESS", "CORRECT",
            Case("y03", "rules/areas.yaml", lambda t: BOM + t, None)),
    Battery("y04", "BOM in the middle of a line", "CLEAR", "CLEAR",
            Case("y04", "rules/areas.yaml", replace("    name: Folkepension\n", f"    {BOM}name: Folkepension\n"),
                 "invisible character (U+FEFF, byte order mark)", marker=f"{BOM}name")),
    Battery("y05", "CRLF line endings", "SILENT-HARMLESS", "CORRECT",
            Case("y05", "rules/rules.yaml", lambda t: t.replace("\n", "\r\n"), None)),
    Battery("y06", "tab indentation", "CLEAR", "CLEAR",
            Case("y06", "rules/areas.yaml", replace("    name: Folkepension\n", "\tname: Folkepension\n"), "'\\t' that cannot start any token", marker="\tname")),
    Battery("y07", "tab inside a value", "CLEAR", "CLEAR", test="test_the_first_round_neighbours_still_give_clear_errors"),
    Battery("y08", "area id ../../x", "CLEAR", "CLEAR",
            Case("y08", "rules/areas.yaml", replace("  - id: folkepension\n", "  - id: ../../x\n"), "A stable id", marker="id: ../../x")),
    Battery("y09", "area id 'Folke Pension'", "CLEAR", "CLEAR",
            Case("y09", "rules/areas.yaml", replace("  - id: folkepension\n", "  - id: Folke Pension\n"), "A stable id", marker="id: Folke Pension")),
    Battery("y10", "recursive alias", "UNCLEAR", "CLEAR",
            Case("y10", "rules/areas.yaml", replace("    name: Folkepension\n", "    name: &r [*r]\n"), "refers to the value that contains it", marker="&r [*r]")),
    Battery("y11", "!!set", "CLEAR", "CLEAR",
            Case("y11", "rules/areas.yaml", replace("    name: Folkepension\n", "    name: !!set {a, b}\n"), "should be string, not set", marker="!!set")),
    Battery("y12", "!!binary", "CLEAR", "CLEAR",
            Case("y12", "rules/areas.yaml", replace("    name: Folkepension\n", "    name: !!binary aGVsbG8=\n"), "should be string, not bytes", marker="!!binary")),
    Battery("y13", "!!omap", "CLEAR", "CLEAR",
            Case("y13", "rules/areas.yaml", replace("    name: Folkepension\n", "    name: !!omap [a: 1, b: 2]\n"), "should be string, not list", marker="!!omap")),
    Battery("y14", "pkt: 2.0", "SILENT-HARMFUL", "CLEAR",
            Case("y14", "rules/rules.yaml", replace("    citation: § 1, stk. 1\n    pkt: 2\n", "    citation: § 1, stk. 1\n    pkt: 2.0\n"),
                 "should be integer, not float", marker="pkt: 2.0")),
    Battery("y15", "pkt: 1.5", "CLEAR", "CLEAR",
            Case("y15", "rules/rules.yaml", replace("    citation: § 1, stk. 1\n    pkt: 2\n", "    citation: § 1, stk. 1\n    pkt: 1.5\n"),
                 "should be integer, not float", marker="pkt: 1.5")),
    Battery("y16", 'says: " "', "SILENT-HARMFUL", "CLEAR",
            Case("y16", "rules/rules.yaml", replace("    says: En digital ansøgning eller meddelelse er kommet frem, når Udbetaling Danmark kan se den.\n", '    says: " "\n'),
                 "is only spaces", marker='says: " "')),
    Battery("y17", 'says: "\\u200b"', "SILENT-HARMFUL", "CLEAR",
            Case("y17", "rules/rules.yaml", replace("    says: En digital ansøgning eller meddelelse er kommet frem, når Udbetaling Danmark kan se den.\n", f'    says: "{ZWSP}"\n'),
                 "invisible character (U+200B, zero-width space)", marker=f'says: "{ZWSP}"')),
    Battery("y18", "checked: 2099-12-31", "SILENT-HARMFUL", "CLEAR",
            Case("y18", "rules/sources.yaml", replace("    checked: 2026-11-22\n", "    checked: 2099-12-31\n"), "a day that has not come yet", marker="checked: 2099-12-31")),
    Battery("y19", "LOV 603/2023 § 99, stk. 7", "SILENT-HARMFUL", "CLEAR",
            Case("y19", "rules/rules.yaml", replace("    source: lov-603-2023\n    citation: § 2, stk. 1\n", "    source: lov-603-2023\n    citation: § 99, stk. 7\n"),
                 "LOV 603/2023 has no § 99", marker="citation: § 99, stk. 7")),
    Battery("y20", "NBSP in a citation", "CLEAR", "CLEAR",
            Case("y20", "rules/rules.yaml", replace("    citation: § 20\n", "    citation: §\u00a020\n"), "The section and subsection", marker="citation: §\u00a020")),
    Battery("y21", "modality: kan on a 'skal' rule", "SILENT-HARMLESS", "HARMLESS", test="test_y21_the_discretion_test_still_guards_modality"),
    Battery("y22", "source url with a Cyrillic о", "SILENT-HARMFUL", "CLEAR",
            Case("y22", "rules/sources.yaml", replace("    url: https://www.borger.dk/\n", "    url: https://www.b\u043erger.dk/\n"),
                 "non-Latin letter 'о' (U+043E)", marker="url: https://www.b\u043erger")),
    Battery("y23", "source url with a user part (@evil.example)", "SILENT-HARMFUL", "CLEAR",
            Case("y23", "rules/sources.yaml", replace("    url: https://www.borger.dk/\n", "    url: https://www.borger.dk@evil.example/\n"),
                 "has a user part before '@'", marker="borger.dk@evil")),
    Battery("y24", "area id of 300 characters", "TRACEBACK", "CLEAR",
            Case("y24", "rules/areas.yaml", replace("  - id: folkepension\n", "  - id: " + "a" * 300 + "\n"), "the id is 300 characters long", marker="id: aaaa")),
    Battery("y25", "5 MB of comments", "SILENT-HARMLESS", "HARMLESS",
            Case("y25", "rules/help.yaml", append(("# " + "x" * 98 + "\n") * 10_000), None)),  # 1 MB here (5 in the review): same path, less test time
    Battery("y26", "area summary of 5.4 MB", "SILENT-HARMFUL", "CLEAR",
            Case("y26", "rules/areas.yaml", replace("    summary: Ansøgning om lån fra kommunen til beboerindskud.\n",
                                                    "    summary: " + "Et lån fra kommunen. " * 2_000 + "\n"),  # 42 KB (5.4 MB in the review)
                 "characters long; a text here may have at most 2,000", marker="summary: Et lån fra kommunen. Et")),
    Battery("y27", "RLM before the hotline number (helpers.yaml)", "SILENT-HARMFUL", "CLEAR",
            Case("y27", "rules/helpers.yaml", replace("Den Digitale Hotline på 70 20 00 00", f"Den Digitale Hotline på {RLM}70 20 00 00"),
                 "invisible character (U+200F, right-to-left mark)", marker=f"på {RLM}70")),
    Battery("y28", "area name in NFD", "SILENT-HARMLESS", "CLEAR",
            Case("y28", "rules/areas.yaml", replace("    name: Lån til beboerindskud\n", "    name: La\u030an til beboerindskud\n"),
                 "decomposed", marker="La\u030an")),
    Battery("y29", 'says: ""', "CLEAR", "CLEAR",
            Case("y29", "rules/rules.yaml", replace("    says: En digital ansøgning eller meddelelse er kommet frem, når Udbetaling Danmark kan se den.\n", '    says: ""\n'),
                 "is empty", marker='says: ""')),
    Battery("y30", "walkthrough title: (null)", "CLEAR", "CLEAR", test="test_the_first_round_neighbours_still_give_clear_errors"),
    Battery("y31", "U+2028 inside a says", "UNCLEAR", "CLEAR",
            Case("y31", "rules/rules.yaml", replace("er kommet frem, når Udbetaling", f"er kommet frem,{LS} når Udbetaling"),
                 "invisible character (U+2028, line separator)", marker=f"frem,{LS}")),
    Battery("y32", "key nаme with a Cyrillic а", "CLEAR", "CLEAR",
            Case("y32", "rules/areas.yaml", replace("    name: Folkepension\n", "    n\u0430me: Folkepension\n"),
                 "'а' (U+0430): a letter that only looks like a Latin one", marker="n\u0430me")),
    Battery("y33", "two areas named Boligstøtte", "SILENT-HARMFUL", "CLEAR",
            Case("y33", "rules/areas.yaml", replace("    name: Lån til beboerindskud\n", "    name: Boligstøtte\n"),
                 "is also the name of the area on line 34", marker="name: Boligstøtte\n    summary: Ansøgning om lån")),
    Battery("w01", "walkthrough with id 'vis'", "SILENT-HARMLESS", "HARMLESS", test="test_w01_a_walkthrough_called_vis_has_its_own_pages"),
    Battery("w02", "real-format CPR in a mock field", "SILENT-HARMFUL", "CLEAR",
            Case("w02", "walkthroughs/folkepension.yaml", replace('          value: "990159-1234"\n', '          value: "010190-1235"\n'),
                 "has the form of a real CPR number", marker='value: "010190-1235"')),
    Battery("q01", "Ja/Nej answer values swapped", "SILENT-HARMFUL", "CLEAR",
            Case("q01", "rules/questionnaire.yaml",
                 replace('      - {value: true, slug: ja, label: "Ja, jeg har en klage i gang over den afgørelse"}\n      - {value: false, slug: nej, label: "Nej"}\n',
                         '      - {value: false, slug: ja, label: "Ja, jeg har en klage i gang over den afgørelse"}\n      - {value: true, slug: nej, label: "Nej"}\n'),
                 "value true goes with slug ja", marker='{value: false, slug: ja, label: "Ja, jeg har en klage')),

    # ---- catalogs and theme text
    Battery("p01", "UTF-8 BOM at the start of en.po", "UNCLEAR", "CORRECT", Case("p01", "translations/en.po", lambda t: BOM + t, None)),
    Battery("p02", "CRLF in en.po", "SILENT-HARMLESS", "CORRECT", Case("p02", "translations/en.po", lambda t: t.replace("\n", "\r\n"), None)),
    Battery("p03", "U+2028 inside a msgstr", "UNCLEAR", "CLEAR",
            _po("p03", "en", "Kilde", f"Sou{LS}rce", "invisible character (U+2028, line separator)", at="msgstr")),
    Battery("p04", "msgctxt entry overriding 'Kilde'", "SILENT-HARMFUL", "CLEAR",
            Case("p04", "translations/en.po", append('\nmsgctxt "x"\nmsgid "Kilde"\nmsgstr "EVIL OVERRIDE"\n'), "msgctxt (a context) is not used", marker='msgctxt "x"')),
    Battery("p05", "plural entry", "TRACEBACK", "CLEAR",
            Case("p05", "translations/en.po", append('\nmsgid "Xyz hest"\nmsgid_plural "Xyz heste"\nmsgstr[0] "horse"\nmsgstr[1] "horses"\n'),
                 "plural forms are not used on this site", marker='msgid_plural "Xyz')),
    Battery("p06", "missing closing quote, then make translations", "SILENT-HARMFUL", "CLEAR", test="test_make_translations_refuses_a_damaged_catalog_and_changes_none"),
    Battery("p07", "non-UTF-8 byte, then make translations", "TRACEBACK", "CLEAR", test="test_make_translations_refuses_a_damaged_catalog_and_changes_none"),
    Battery("p08", "charset=ISO-8859-1 header", "TRACEBACK", "CLEAR",
            Case("p08", "translations/ar.po", replace("charset=utf-8", "charset=ISO-8859-1"), "charset=ISO-8859-1", marker="charset=ISO-8859-1")),
    Battery("p09", "msgstr 50× longer", "SILENT-HARMLESS", "HARMLESS", Case("p09", "translations/en.po", replace('msgstr "Source"\n', 'msgstr "' + "Source " * 50 + '"\n'), None)),
    Battery("p10", "uk msgstr = the Danish msgid", "SILENT-HARMFUL", "CLEAR",
            _po("p10", "uk", "Kan jeg søge på papir?", "Kan jeg søge på papir?", "the translation is the Danish text itself")),
    Battery("p11", "pl msgstr in Arabic script", "SILENT-HARMFUL", "CLEAR",
            _po("p11", "pl", "Kan jeg søge på papir?", "هل يمكنني أن أقدّم الطلب على الورق؟", "Arabic letters, which the pl catalog does not use")),
    Battery("p12", "RLM in 'Screen %(n)s of %(total)s'", "SILENT-HARMFUL", "CLEAR",
            _po("p12", "en", "Skærm %(n)s af %(total)s", f"Screen {RLM}%(n)s / %(total)s", "invisible character (U+200F, right-to-left mark)", at="msgstr")),
    Battery("p13", "ZWSP, ALM, WJ, BOM inside ar 'المصدر'", "SILENT-HARMFUL", "CLEAR",
            _po("p13", "ar", "Kilde", f"الم{ZWSP}ص{ALM}در{WJ}{BOM}", "invisible character (U+200B, zero-width space)", at="msgstr")),
    Battery("p14", "msgid typo (an orphan translation)", "SILENT-HARMLESS", "HARMLESS",
            Case("p14", "translations/en.po", replace('msgid "Kilde"\n', 'msgid "Kilde "\n'), None)),
    Battery("p15", "{% raw %} in a msgstr", "CLEAR", "CLEAR", _po("p15", "en", "Kilde", "{% raw %}Source", "template syntax ('{%')")),
    Battery("p16", "{{ 7*7 }} in a msgstr", "SILENT-HARMLESS", "CLEAR", _po("p16", "en", "Kilde", "Source {{ 7*7 }}", "template syntax ('{{')")),
    Battery("t01", "en site description with \" http-equiv=\"refresh", "SILENT-HARMFUL", "CLEAR",
            _po("t01", "en", DESCRIPTION, PAYLOAD, "which this text (the site's name or description")),
    Battery("t02", "uk site name with ASCII quotes", "SILENT-HARMFUL", "CLEAR",
            _po("t02", "uk", "Digital selvbetjening – din ret til hjælp", 'Цифрове самообслуговування – \\"ваше право на допомогу\\"',
                "contains '\"', which this text")),
    Battery("t03", "the t01 payload as a review-sheet correction", "SILENT-HARMFUL", "CLEAR", test="test_review_import_refuses_a_payload_a_formula_and_a_stale_row"),

    # ---- review sheet CSV
    Battery("c01", "=HYPERLINK(…) correction", "SILENT-HARMFUL", "CLEAR", test="test_review_import_refuses_a_payload_a_formula_and_a_stale_row"),
    Battery("c02", "a stray quote after the id", "UNCLEAR", "CLEAR", test="test_review_import_reads_excel_sheets_and_blames_the_right_row"),
    Battery("c03", "the ar sheet imported as fa", "SILENT-HARMFUL", "CLEAR", test="test_review_import_refuses_another_languages_sheet"),
    Battery("c05", "newline in --reviewer", "SILENT-HARMFUL", "CLEAR", test="test_review_import_refuses_a_reviewer_over_several_lines"),
    Battery("c07", "a row with a NUL byte", "CLEAR", "CLEAR", test="test_review_import_reads_excel_sheets_and_blames_the_right_row"),
    Battery("c08", "CSV path that does not exist", "TRACEBACK", "CLEAR", test="test_review_import_of_a_missing_file_is_one_line"),
    Battery("c09", "CSV saved as UTF-16", "TRACEBACK", "CORRECT", test="test_review_import_reads_excel_sheets_and_blames_the_right_row"),
    Battery("c10", "OK on a row shown as missing (stale fuzzy)", "SILENT-HARMFUL", "CLEAR", test="test_review_import_refuses_a_payload_a_formula_and_a_stale_row"),
    Battery("c11", "';'-separated CSV (Danish Excel)", "UNCLEAR", "CORRECT", test="test_review_import_reads_excel_sheets_and_blames_the_right_row"),
    Battery("c12", "correction containing U+202E", "UNCLEAR", "CLEAR", test="test_review_import_refuses_a_payload_a_formula_and_a_stale_row"),
    Battery("c13", "correction containing U+0001", "UNCLEAR", "CLEAR", test="test_review_import_refuses_a_payload_a_formula_and_a_stale_row"),

    # ---- decide CLI
    Battery("d01", "duplicate JSON keys", "SILENT-HARMFUL", "CLEAR", test="test_decide_refuses_duplicate_facts_and_huge_numbers"),
    Battery("d02", "NaN", "CLEAR", "CLEAR", test="test_decide_refuses_duplicate_facts_and_huge_numbers"),
    Battery("d03", '"false"', "CLEAR", "CLEAR", test="test_decide_refuses_duplicate_facts_and_huge_numbers"),
    Battery("d04", "--area with ../", "CLEAR", "CLEAR", test="test_decide_with_odd_areas_and_facts_that_do_not_apply"),
    Battery("d05", "non-UTF-8 bytes in --area", "CLEAR", "CLEAR", test="test_decide_with_odd_areas_and_facts_that_do_not_apply"),
    Battery("d06", "9,000 keys", "CLEAR", "CLEAR", test="test_decide_refuses_duplicate_facts_and_huge_numbers"),
    Battery("d07", "a 5,001-digit integer", "TRACEBACK", "CLEAR", test="test_decide_refuses_duplicate_facts_and_huge_numbers"),
    Battery("d08", "facts that do not apply", "SILENT-HARMLESS", "HARMLESS", test="test_decide_with_odd_areas_and_facts_that_do_not_apply"),

    # ---- other CLI, environment and side inputs
    Battery("g01", "graph --out README.md", "TRACEBACK", "CLEAR", test="test_graph_out_naming_a_file_is_one_line"),
    Battery("g02", "review sheet ../../etc", "CLEAR", "CLEAR", test="test_graph_out_naming_a_file_is_one_line"),
    Battery("e01", "no SITE_URL: localhost in QR codes", "SILENT-HARMFUL", "NOT-OURS (issue 18)"),
    Battery("e02", "SITE_URL=example.org/path/", "CLEAR", "CLEAR (mkdocs' own check, unchanged)"),
    Battery("e03", 'SITE_URL with "', "SILENT-HARMLESS", "HARMLESS (escaped, unchanged)"),
    Battery("e04", "ONLY=zz", "CLEAR", "CLEAR (the i18n plugin's own check, unchanged)"),
    Battery("e05", "ONLY=en make build replaces the whole site", "SILENT-HARMFUL", "CLEAR", test="test_make_build_says_when_only_one_language_was_built"),
    Battery("a01", "stale a11y-results.json", "TRACEBACK", "CLEAR", test="test_a_stale_results_file_is_one_line_not_a_traceback"),
    Battery("x01", "glossary match (\\w+\\s?)+;$", "HANG", "CLEAR", test="test_a_glossary_pattern_cannot_hang"),

    # ---- build and runtime
    Battery("b01", "Ctrl-C to the group", "CLEAR", "CLEAR", test="test_a_signal_stops_the_whole_build_and_leaves_site_unchanged"),
    Battery("b02", "SIGTERM to the group", "SILENT-HARMLESS", "CLEAR", test="test_a_signal_stops_the_whole_build_and_leaves_site_unchanged"),
    Battery("b03", "SIGTERM to make only (orphaned mkdocs)", "SILENT-HARMLESS", "CLEAR", test="test_the_build_stops_when_its_parent_dies"),
    Battery("b04", "SIGKILL to the group", "SILENT-HARMLESS", "HARMLESS (site/ intact; the next build removes site.new/)", test="test_the_build_stops_when_its_parent_dies"),
    Battery("b05", "two make build at once", "BROKEN-SITE", "CLEAR", test="test_a_second_build_in_the_same_checkout_stops_with_a_message"),
    Battery("b06", "SIGTERM to make, build again at once", "SILENT-HARMLESS", "CLEAR", test="test_the_build_stops_when_its_parent_dies"),
    Battery("b07", "disk full during make build", "TRACEBACK", "CLEAR", test="test_a_full_disk_in_the_build_is_one_line"),
    Battery("b08", "disk full during make translations", "TRACEBACK", "CLEAR", test="test_a_catalog_write_that_fails_leaves_the_catalog_whole"),
    Battery("b09", "site/ cannot be renamed", "UNCLEAR", "CLEAR", test="test_when_site_cannot_be_replaced_the_new_build_is_kept_where_the_message_says"),
    Battery("b10", "site/ is a symlink to the web root", "SILENT-HARMFUL", "CORRECT", test="test_a_symlinked_site_is_updated_where_it_points"),

    # ---- built site
    Battery("s01", "CSP and no third-party request on every page", "SILENT-HARMLESS", "HARMLESS (pass; tests/test_browser_csp.py)"),
    Battery("s02", "hostile search queries", "SILENT-HARMLESS", "HARMLESS (pass; tests/test_browser.py)"),
    Battery("s03", "URL reflection in site.js", "SILENT-HARMLESS", "HARMLESS (pass)"),
]

BEFORE = {"CLEAR": 25, "UNCLEAR": 10, "TRACEBACK": 11, "SILENT-HARMLESS": 19, "SILENT-HARMFUL": 29, "HANG": 1, "BROKEN-SITE": 1}
CASES2 = [b.case for b in BATTERY if b.case is not None]
