"""Load YAML while remembering the line of every mapping and list item.

Rule tables are edited by hand, so every error must point at a line. The loader
returns ordinary dicts and lists; `line_of(obj, key)` gives the line of a key
(or of the mapping itself when key is None).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError


class LineDict(dict):
    """A dict that knows the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise InputError(
                loader.name, key_node.start_mark.line + 1,
                f"the key '{key}' appears twice in the same entry. Keep one of them.",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
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


def load_yaml(path: Path):
    """Parse a YAML file; a syntax error becomes an InputError with its line."""
    text = Path(path).read_text(encoding="utf-8")
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError(path, line, f"this is not valid YAML ({problem}). Check the indentation and quotes on this line and the one above.") from None
    finally:
        loader.dispose()


def line_of(obj, key=None) -> int | None:
    """The line of `key` in a mapping, of item `key` in a list, or of the object itself."""
    if key is None:
        return getattr(obj, "line", None)
    if isinstance(obj, LineDict):
        return obj.key_lines.get(key, obj.line)
    if isinstance(obj, LineList) and isinstance(key, int) and key < len(obj.item_lines):
        return obj.item_lines[key]
    return getattr(obj, "line", None)
