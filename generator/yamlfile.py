"""Load YAML while remembering the line of every mapping and list item.

Rule tables are edited by hand, so every error must point at a line. The loader
returns ordinary dicts and lists; `line_of(obj, key)` gives the line of a key
(or of the mapping itself when key is None).

Hostile or broken files end in an InputError too, never a traceback: bytes that are
not UTF-8, keys that are lists, nesting deeper than MAX_DEPTH, and documents whose
anchors and aliases (`&a` / `*a`) expand past MAX_NODES values.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

import unicodedata

from .errors import InputError, invisible_problem

MAX_DEPTH = 64          # our deepest table nests 7 levels
MAX_NODES = 200_000     # values after expanding aliases; the largest table has ~6,000


class LineDict(dict):
    """A dict that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent, index):
        # the composer recurses once per level: stop long before Python's recursion limit
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise InputError(self.name, mark.line + 1,
                                 f"the values are nested more than {MAX_DEPTH} levels deep. "
                                 "Check the brackets and indentation from this line on.")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise InputError(loader.name, line, "a key here is a list or a mapping (`? [...]` or `{...}:`). "
                                                "Keys are plain words such as `id:`; write the key as a word.")
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise InputError(loader.name, line, f"the key {key_node.value!r} is read as {type(key).__name__}, "
                                                "not as a word. Put it in quotes or rename it.")
        if key in result:
            raise InputError(loader.name, line,
                             f"the key '{key}' appears twice in the same entry. Keep one of them.")
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_timestamp_as_text(loader: _Loader, node: yaml.ScalarNode):
    # Dates stay ISO strings ("2026-11-22"): simpler to validate and to print.
    return loader.construct_scalar(node)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def _expanded_size(root: yaml.Node, path) -> None:
    """Refuse an alias bomb before constructing it: count values as if every alias were copied."""
    sizes: dict[int, int] = {}

    def size(node) -> int:
        key = id(node)
        if key not in sizes:
            sizes[key] = 0  # a node that contains itself counts once
            if isinstance(node, yaml.SequenceNode):
                n = 1 + sum(size(c) for c in node.value)
            elif isinstance(node, yaml.MappingNode):
                n = 1 + sum(size(k) + size(v) for k, v in node.value)
            else:
                n = 1
            sizes[key] = n
        if sizes[key] > MAX_NODES:
            raise InputError(path, node.start_mark.line + 1,
                             f"this value expands to more than {MAX_NODES:,} values (anchors `&` and aliases `*` "
                             "repeated inside each other). Write the values out instead of using aliases.")
        return sizes[key]

    size(root)


def _decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(path, line, f"this line is not UTF-8 text (byte 0x{data[exc.start]:02x}). "
                                     "Save the file as UTF-8 in your editor.") from None
    text = text.removeprefix("\ufeff")  # the signature Notepad writes at the start: harmless there
    if found := invisible_problem(text):
        raise InputError(path, text[: found[0]].count("\n") + 1, found[1])
    if "\x00" in text:
        raise InputError(path, text[: text.index("\x00")].count("\n") + 1,
                         "the file contains a NUL byte: it is not a text file. Replace it with the YAML table.")
    if not unicodedata.is_normalized("NFC", text):
        line = next(n for n, l in enumerate(text.split("\n"), 1) if not unicodedata.is_normalized("NFC", l))
        raise InputError(path, line, "this line has a letter written as a base letter plus a combining mark (decomposed "
                                     "Unicode, e.g. from a Mac or a PDF). It looks the same but does not match the "
                                     "catalogs. Retype the word, or save the file as NFC.")
    return text


def _yaml_error(path, text: str, exc: yaml.YAMLError) -> InputError:
    if isinstance(exc, yaml.reader.ReaderError):
        line = text[: exc.position].count("\n") + 1
        return InputError(path, line, f"this line contains a control character (U+{exc.character:04X}) that YAML "
                                      "does not allow. Delete it (it is often invisible: retype the line).")
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    context = getattr(exc, "context", None) or ""
    problem = getattr(exc, "problem", None) or context or "invalid YAML"
    if isinstance(exc, yaml.constructor.ConstructorError) and problem_mark:
        line = problem_mark.line + 1
        if "yaml.org,2002:merge" in problem:
            return InputError(path, line, "merge keys (`<<: *name`) are not supported in these tables. "
                                          "Write the keys of the entry out in full.")
        if "recursive" in problem:
            return InputError(path, line, "this alias (`*name`) refers to the value that contains it, so the value "
                                          "would never end. Write the value out instead of the alias.")
        if "constructor for the tag" in problem:
            tag = problem.split("'")[1] if "'" in problem else "?"
            return InputError(path, line, f"the tag '{tag}' is not allowed: the tables hold only text, numbers, "
                                          "true/false, lists and keys. Remove the tag (the word starting with !).")
    mark = problem_mark or context_mark
    if context_mark and "end of stream" in problem:
        # an unclosed quote or bracket: point where it opens, not at the end of the file
        mark, problem = context_mark, f"{context.replace('while scanning', 'this starts')}, which is never closed"
    elif context_mark and problem_mark and context_mark.line != problem_mark.line and context:
        problem += f"; {context.replace('while parsing', 'in')} that opens on line {context_mark.line + 1}"
    line = mark.line + 1 if mark else None
    return InputError(path, line, f"this is not valid YAML ({problem}). "
                                  "Check the indentation and quotes on this line and the one above.")


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])(.*)$""")


def _closes(quote: str, rest: str) -> bool:
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    return re.search(r"'(?!')", rest.replace("''", "")) is not None


def _unclosed_quote(path, text: str, exc: yaml.YAMLError) -> InputError | None:
    """A quote left open swallows the lines after it, and YAML reports the error far below.
    Point at the last value before the error that opens a quote and does not close it."""
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return None
    lines = text.splitlines()[: mark.line + 1]
    found = None
    for number, line in enumerate(lines, 1):
        m = _QUOTED_VALUE.match(line)
        # a quoted value legitimately spread over lines closes before the error line
        if m and not _closes(m.group(1), m.group(2)) and not any(m.group(1) in l for l in lines[number:-1]):
            found = number
    if found is None:
        return None
    return InputError(path, found, "this value opens a quote that is not closed on its line, so YAML reads on "
                                   f"to line {mark.line + 1}. Add the closing quote.")


def load_yaml(path: Path):
    """Parse a YAML file; a syntax error becomes an InputError with its line."""
    path = Path(path)
    try:
        text = _decode(path, path.read_bytes())
    except OSError as exc:
        raise InputError(path, None, f"the file cannot be read ({exc.strerror}). Check that it exists and is readable.") from None
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#") for l in text.splitlines()):
        raise InputError(path, 1, "the file is empty. Write the table (see the other files and the schema in "
                                  "generator/schema/), or delete the file.")
    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:
        raise _yaml_error(path, text, exc) from None
    loader.name = str(path)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(path, 1, "the file holds no table. Write the table, or delete the file.")
        _expanded_size(node, path)
        doc = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise _unclosed_quote(path, text, exc) or _yaml_error(path, text, exc) from None
    finally:
        loader.dispose()
    if not isinstance(doc, dict):
        raise InputError(path, 1, f"the file holds a {type(doc).__name__}, not a table of keys. "
                                  "Start it with the table's first key, e.g. `rules:`.")
    return doc


def line_of(obj, key=None) -> int | None:
    """The line of `key` in a mapping, of item `key` in a list, or of the object itself."""
    if key is None:
        return getattr(obj, "line", None)
    if isinstance(obj, LineDict):
        return obj.key_lines.get(key, obj.line)
    if isinstance(obj, LineList) and isinstance(key, int) and key < len(obj.item_lines):
        return obj.item_lines[key]
    return getattr(obj, "line", None)
