"""Loading and validating the rule tables: every error says file:line and what to do."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import InputErrors
from generator.tables import RULES_DIR, WALKTHROUGH_DIR, load_tables
from generator.validate import schema


@pytest.fixture
def copy(tmp_path):
    """Copies of the real tables, to break one thing at a time."""
    rules, walks = tmp_path / "rules", tmp_path / "walkthroughs"
    shutil.copytree(RULES_DIR, rules)
    shutil.copytree(WALKTHROUGH_DIR, walks)

    def edit(name, old, new, folder=rules):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"test setup: {old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        line = text[: text.index(old)].count("\n") + 1
        return path, line

    def errors():
        with pytest.raises(InputErrors) as exc:
            load_tables(rules, walks)
        return exc.value.errors

    return edit, errors, rules, walks


def test_the_real_tables_load(tables):
    assert len(tables.rules) >= 50
    assert {a["id"] for a in tables.bek_areas()} >= {"folkepension", "beboerindskud", "seniorpension"}
    assert len(tables.walkthroughs) >= 6


def test_every_rule_cites_a_law_with_a_paragraph(tables):
    for rule in tables.rules.values():
        assert rule["source"] in {"bek-1584-2021", "lov-603-2023", "retssikkerhedsloven"}
        assert rule["citation"].startswith("§ ")


def test_missing_paragraph_19_is_recorded(tables):
    # § 19 does not exist although § 1, stk. 3 refers to §§ 13-19 (see the note)
    assert any("§ 19" in (r.get("note") or "") for r in tables.rules.values())
    assert "§ 10" in next(r for r in tables.rules.values() if r["citation"] == "§ 9")["note"]


def test_drafting_slips_are_recorded_as_notes(tables):
    notes = " ".join(r.get("note", "") for r in tables.rules.values())
    for slip in ("§ 7, stk. 1", "§ 2, stk. 1", "§ 1, stk. 2"):
        assert slip in notes


def test_municipal_areas_are_marked_as_not_from_bek_1584(tables):
    general = [a for a in tables.areas.values() if a.get("model") == "general"]
    assert {a["id"] for a in general} == {"flytning", "sundhedskort", "boernepasning", "skole-og-sfo"}
    assert all(a["source"] != "bek-1584-2021" for a in general)


def test_help_channels_have_source_date_and_status(tables):
    for ch in tables.help["channels"]:
        assert ch["source"] in tables.sources and ch["checked"] and isinstance(ch["verified"], bool)
    assert not next(c for c in tables.help["channels"] if c["id"] == "udbetaling-danmark-telefon")["verified"]


def test_yaml_syntax_error_points_at_the_line(copy):
    edit, errors, *_ = copy
    path, line = edit("rules.yaml", "    kind: mandatory\n", "    kind: [mandatory\n")
    [err] = errors()
    assert err.path.name == "rules.yaml" and err.line in (line, line + 1)
    assert "not valid YAML" in err.message


def test_unknown_key_is_named_with_its_line(copy):
    edit, errors, *_ = copy
    path, line = edit("rules.yaml", "    citation: § 2, stk. 1\n", "    citation: § 2, stk. 1\n    citaton: x\n")
    [err] = errors()
    assert err.path.name == "rules.yaml" and "citaton" in err.message and "spelling" in err.message


def test_missing_citation_is_reported(copy):
    edit, errors, *_ = copy
    path, line = edit("rules.yaml", "    citation: § 4\n", "")
    [err] = errors()
    assert "missing 'citation'" in err.message and err.line <= line


def test_malformed_citation_explains_the_format(copy):
    edit, errors, *_ = copy
    path, line = edit("rules.yaml", "    citation: § 4\n", "    citation: paragraf 4\n")
    [err] = errors()
    assert err.line == line and "e.g. '§ 2, stk. 1'" in err.message


def test_duplicate_id(copy):
    edit, errors, *_ = copy
    path, line = edit("rules.yaml", "  - id: ud-eget-skoen-oekonomi\n", "  - id: ud-eget-skoen-saerlige\n")
    msgs = [str(e) for e in errors()]
    assert any("'ud-eget-skoen-saerlige' is used twice" in m and f"rules.yaml:{line}" in m for m in msgs)


def test_unknown_area_in_a_rule(copy):
    edit, errors, *_ = copy
    path, line = edit("rules.yaml", "    areas: [sundhedsloven]\n", "    areas: [sundhedslov]\n")
    [err] = errors()
    assert "unknown area 'sundhedslov'" in err.message and "folkepension" in err.message and err.line == line


def test_unknown_authority(copy):
    edit, errors, *_ = copy
    path, line = edit("rules.yaml", "    body: patientombuddet\n", "    body: patientombud\n")
    [err] = errors()
    assert "unknown authority 'patientombud'" in err.message and err.line == line


def test_unknown_source(copy):
    edit, errors, *_ = copy
    path, line = edit("help.yaml", "    source: mitid-dk\n", "    source: mitid\n")
    [err] = errors()
    assert "unknown source 'mitid'" in err.message and err.path.name == "help.yaml" and err.line == line


def test_unknown_chapter(copy):
    edit, errors, *_ = copy
    path, line = edit("areas.yaml", "    chapter: seniorpensionsenheden\n", "    chapter: senior\n")
    assert any("unknown chapter 'senior'" in e.message and e.line == line for e in errors())


def test_the_engine_needs_each_kind_once_per_chapter(copy):
    edit, errors, *_ = copy
    edit("rules.yaml", "    kind: attendance-future\n    chapters: [seniorpensionsenheden]\n",
         "    kind: decide-quickly\n    chapters: [seniorpensionsenheden]\n")
    assert any("has 0 general rules of kind 'attendance-future'" in e.message for e in errors())


def test_walkthrough_with_a_real_looking_cpr_is_rejected(copy):
    edit, errors, rules, walks = copy
    text = (walks / "folkepension.yaml").read_text(encoding="utf-8")
    cpr = next(l for l in text.splitlines() if "cpr:" in l)
    path, line = edit("folkepension.yaml", cpr, cpr.split("cpr:")[0] + 'cpr: "120345-6789"', folder=walks)
    [err] = errors()
    assert err.line == line and "can never be a real person" in err.message


def test_walkthrough_with_an_unknown_area(copy):
    edit, errors, rules, walks = copy
    path, line = edit("flytning.yaml", "area: flytning", "area: flyt", folder=walks)
    [err] = errors()
    assert "unknown area 'flyt'" in err.message and err.line == line


def test_schemas_are_published_as_json_schema():
    for name in ("rules", "areas", "help", "walkthrough", "questionnaire"):
        s = schema(name)
        assert s["$schema"].startswith("https://json-schema.org/")
    for path in list(RULES_DIR.glob("*.yaml")) + list(WALKTHROUGH_DIR.glob("*.yaml")):
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schema/"), path


def test_check_command_reports_errors_without_traceback(copy, monkeypatch):
    edit, errors, rules, walks = copy
    edit("rules.yaml", "    citation: § 4\n", "    citation: paragraf 4\n")
    code = (
        "import sys; from pathlib import Path; import generator.tables as t;"
        f"t.RULES_DIR = Path({str(rules)!r}); t.load_tables.__defaults__ = (t.RULES_DIR, t.WALKTHROUGH_DIR);"
        "from generator.__main__ import main; sys.exit(main(['check']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert result.returncode == 1
    assert "rules.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_walkthrough_without_a_practice_error_is_rejected(copy):
    edit, errors, rules, walks = copy
    text = (walks / "sundhedskort.yaml").read_text(encoding="utf-8")
    start = text.index("          error:\n")
    end = text.index("        - type:", start)
    (walks / "sundhedskort.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    [err] = errors()
    assert err.path.name == "sundhedskort.yaml" and "has 0" in err.message
    assert err.line == text[: text.index("steps:")].count("\n") + 1


def test_walkthrough_with_two_practice_errors_points_at_the_second(copy):
    edit, errors, rules, walks = copy
    block = "          error:\n            message: Udfyld CPR-nummer.\n            try: x\n            fix: y\n"
    path, line = edit("fuldmagt.yaml", "          value: Inger Demo-Larsen\n", "          value: Inger Demo-Larsen\n" + block, folder=walks)
    [err] = errors()
    text = path.read_text(encoding="utf-8")
    second = text.index("          error:\n", text.index("          error:\n") + 1)
    assert err.line == text[:second].count("\n") + 1 and "exactly one field with an 'error'" in err.message and "has 2" in err.message
