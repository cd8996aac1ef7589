"""Every hostile input of issue 11 ends in `file:line: what is wrong. What to do.`

No traceback, no silent pass. The cases are data in tests/badinput.py.
"""
import json

import pytest

from badinput import CASES, apply, make_copy
from generator.__main__ import main
from generator.catalogs import load_catalog
from generator.errors import InputError, InputErrors
from generator.tables import load_tables


def load(dirs, case):
    if case.file.startswith("translations/"):
        return load_catalog("en", dirs["translations"] / "en.po")
    return load_tables(dirs["rules"], dirs["walkthroughs"])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_gives_file_line_and_advice(tmp_path, case):
    dirs = make_copy(tmp_path)
    path, line = apply(case, dirs)
    with pytest.raises((InputError, InputErrors)) as exc:
        load(dirs, case)
    errors = exc.value.errors if isinstance(exc.value, InputErrors) else [exc.value]
    hits = [e for e in errors if case.needle in e.message]
    assert hits, f"no error says {case.needle!r}: {[str(e) for e in errors]}"
    err = hits[0]
    assert err.path.name == path.name
    if line is not None:
        assert err.line == line, str(err)
    elif case.id == "unclosed-bracket":
        assert err.line is not None
    # every message says what to do: a second sentence after the problem
    assert err.message.rstrip(".").count(".") >= 1 or "Rename" in err.message
    assert len(str(exc.value)) < 2000


def test_an_alias_bomb_under_the_cap_gives_a_short_error_quickly(tmp_path):
    from badinput import alias_bomb
    dirs = make_copy(tmp_path)
    (dirs["walkthroughs"] / "bomb.yaml").write_text(alias_bomb(5), encoding="utf-8")  # 111,111 values
    with pytest.raises(InputErrors) as exc:
        load_tables(dirs["rules"], dirs["walkthroughs"])
    assert "bomb.yaml:2: 'title' should be string" in str(exc.value) and len(str(exc.value)) < 3000


def test_input_error_caps_its_message():
    err = InputError("x.yaml", 3, "a" * 100_000)
    assert len(str(err)) < 700 and "characters cut" in str(err)


def test_the_check_command_prints_one_line_per_problem(tmp_path, monkeypatch, capsys):
    dirs = make_copy(tmp_path)
    (dirs["walkthroughs"] / "extra.yml").write_text("id: extra\n", encoding="utf-8")
    import generator.tables as tables
    monkeypatch.setattr(tables, "RULES_DIR", dirs["rules"])
    monkeypatch.setattr(tables, "WALKTHROUGH_DIR", dirs["walkthroughs"])
    monkeypatch.setattr(tables.load_tables, "__defaults__", (dirs["rules"], dirs["walkthroughs"]))
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "extra.yml: only .yaml files are read here" in err


@pytest.mark.parametrize("facts,needle", [
    ("[" * 60000 + "]" * 60000, "nested too deeply"),
    ('{"scope": ' + "[" * 500 + "]" * 500 + "}", "fact 'scope' must be"),
    ("{not json", "not valid JSON"),
    ('"a string"', "must be a JSON object"),
])
def test_decide_with_bad_facts_exits_2_with_one_line(capsys, facts, needle):
    assert main(["decide", "--area", "folkepension", "--facts", facts]) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1 and len(err) < 400, err


def test_every_schema_object_forbids_unknown_keys():
    import json
    from generator.validate import SCHEMA_DIR

    def objects(node, where):
        if isinstance(node, dict):
            if node.get("type") == "object" or "properties" in node or "patternProperties" in node:
                yield where, node
            for key, value in node.items():
                yield from objects(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from objects(value, f"{where}/{i}")
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        for where, node in objects(json.loads(path.read_text(encoding="utf-8")), path.name):
            assert node.get("additionalProperties") is False, f"{where}: add \"additionalProperties\": false"


def test_a_quoted_value_over_two_lines_is_not_blamed_for_a_later_error(tmp_path):
    from generator.yamlfile import load_yaml
    path = tmp_path / "x.yaml"
    path.write_text('a: "one\n  two"\nb: [1, 2\nc: 3\n', encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_yaml(path)
    assert exc.value.line == 4 and "flow sequence that opens on line 3" in exc.value.message
