"""Check a loaded YAML document against its JSON Schema, with line numbers.

jsonschema reports where (a path of keys) and what; we turn that into
`file:line: what is wrong. What to do.` for an editor who may not read JSON Schema.
"""
from __future__ import annotations

import datetime
import json
import reprlib
import re
from functools import lru_cache
from pathlib import Path

import jsonschema

from .errors import InputError
from .yamlfile import line_of

SCHEMA_DIR = Path(__file__).parent / "schema"

_repr = reprlib.Repr()
_repr.maxstring = _repr.maxother = 60
_repr.maxlist = _repr.maxdict = 4
_repr.maxlevel = 2
_short = _repr.repr

# A pattern only checks the shape; these also check that the date or time exists,
# so `checked: 2026-02-30` or `close: "25:99"` stop `make check`, not the build.
_DATE, _CLOCK = r"^\d{4}-\d{2}-\d{2}$", r"^\d{2}:\d{2}$"


def _pattern(validator, pattern, instance, schema_node):
    yield from jsonschema.Draft202012Validator.VALIDATORS["pattern"](validator, pattern, instance, schema_node)
    if not isinstance(instance, str) or not re.search(pattern, instance):
        return
    try:
        if pattern == _DATE:
            datetime.date.fromisoformat(instance)
        elif pattern == _CLOCK:
            datetime.time(*map(int, instance.split(":")))
    except ValueError:
        what = "date" if pattern == _DATE else "time of day"
        yield jsonschema.ValidationError(f"{instance!r} is not a real {what}", validator="real-date")


# `pkt: 2.0` is an integer to JSON Schema, and the page would print "2.0. pkt.": only whole numbers written as such.
_TYPES = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda checker, instance: isinstance(instance, int) and not isinstance(instance, bool))
_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern}, type_checker=_TYPES)

MAX_TEXT = 2_000   # characters in one value; the longest text in the tables has ~400, a page's first view is 30 KB
# A CPR number: DDMMYY-NNNN. Mock screens must show fictional ones: the first six digits are no real date.
_CPR = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})[- ]?\d{4}(?![\d-])")


def _real_date(day: str, month: str, year: str) -> bool:
    try:
        datetime.date(2000 + int(year), int(month), int(day))
        return True
    except ValueError:
        return False


def content_problems(doc, path: Path) -> list[InputError]:
    """Checks of every text value that a schema cannot express."""
    errors = []

    def walk(node, where, line):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, where + (key,), line_of(node, key) or line)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, where + (i,), line_of(node, i) or line)
        elif isinstance(node, str):
            name = ".".join(map(str, where)) or "the file"
            if node and not node.strip():
                errors.append(InputError(path, line, f"'{name}' is only spaces, so the page would show nothing. Write the text, or remove the key."))
            elif len(node) > MAX_TEXT:
                errors.append(InputError(path, line, f"'{name}' is {len(node):,} characters long; a text here may have at most "
                                                     f"{MAX_TEXT:,}. Shorten it (was something pasted twice?)."))
            for m in ([] if where and where[-1] == "cpr" else _CPR.finditer(node)):  # persona.cpr: its schema pattern says more
                if _real_date(*m.groups()):
                    errors.append(InputError(path, line, f"'{name}' contains '{m.group()}', which has the form of a real CPR number. "
                                                         "Mock screens show fictional numbers only: make the first two digits 99 "
                                                         "(a day that does not exist), e.g. 99" + m.group()[2:] + "."))
    walk(doc, (), line_of(doc))
    return errors


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def _line_at(doc, path) -> int | None:
    node, line = doc, line_of(doc)
    for key in path:
        line = line_of(node, key) or line
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
    return line


def _explain(error: jsonschema.ValidationError) -> str:
    where = ".".join(str(p) for p in error.absolute_path) or "the file"
    v = error.validator
    if v == "required":
        missing = error.message.split("'")[1]
        return f"'{where}' is missing '{missing}'. Add it (see the schema {error.schema.get('$id', '')} for what it means).".replace(" (see the schema  for what it means)", "")
    if v == "additionalProperties":
        odd = sorted({f"'{c}' (U+{ord(c):04X})" for k in error.instance if isinstance(k, str) for c in k if ord(c) > 127})
        note = f" The key contains {', '.join(odd)}: a letter that only looks like a Latin one; retype the key." if odd else ""
        return f"{error.message.replace('Additional properties are not allowed', 'unknown key')} in '{where}'. Check the spelling, or remove it.{note}"
    if v == "real-date":
        return f"'{where}' is {_short(error.instance)}, which does not exist. Write a real date (YYYY-MM-DD) or time (HH:MM, 00:00-23:59)."
    if v == "pattern":
        desc = error.schema.get("description", f"it must match {error.schema['pattern']}")
        return f"'{where}' is {_short(error.instance)}: {desc}"
    if v == "enum":
        allowed = ", ".join(repr(x) for x in error.schema["enum"])
        return f"'{where}' is {_short(error.instance)}; allowed values: {allowed}."
    if v == "type":
        return f"'{where}' should be {error.schema['type']}, not {type(error.instance).__name__} ({_short(error.instance)})."
    if v == "minItems":
        return f"'{where}' needs at least {error.schema['minItems']} item(s)."
    if v == "minLength":
        return f"'{where}' is empty. Write the text, or remove the key."
    if v == "oneOf":
        return f"'{where}' does not match any allowed form. Check its 'type' and keys against the schema."
    return f"'{where}': {_short(error.message)}"


def _line_of_error(doc, error: jsonschema.ValidationError) -> int | None:
    line = _line_at(doc, error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        patterns = error.schema.get("patternProperties", {})
        extra = [k for k in error.instance if k not in known and not any(re.search(p, k) for p in patterns)]
        if extra:  # point at the unknown key, not at the start of its entry
            line = line_of(error.instance, extra[0]) or line
    return line


def check_against_schema(doc, schema_name: str, path: Path) -> list[InputError]:
    validator = _Validator(schema(schema_name))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    return [InputError(path, _line_of_error(doc, e), _explain(e)) for e in errors] + content_problems(doc, path)


def translatable_paths(schema_node: dict, prefix=()):
    """Yield key paths (with '*' for list items) of the fields marked x-translate."""
    if schema_node.get("x-translate"):
        yield prefix
    for key, sub in schema_node.get("properties", {}).items():
        yield from translatable_paths(sub, prefix + (key,))
    if "items" in schema_node:
        yield from translatable_paths(schema_node["items"], prefix + ("*",))
    for alt in schema_node.get("oneOf", []):
        yield from translatable_paths(alt, prefix)
