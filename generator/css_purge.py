"""The theme's stylesheet reduced to the rules the built pages can use (tinycss2, no regex).

Like PurgeCSS: a selector is kept when every class, id, element name and attribute it
requires occurs in some built page (or in the safelist: what assets/site.js creates).
Selectors are judged per comma-separated part; what sits inside a functional pseudo-class
(:not(), :is(), :where(), :has()) is not required, so such selectors are kept whenever the
rest matches. @media/@supports/@container blocks are reduced the same way, and
@keyframes only stay when a kept rule names them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from tinycss2.ast import (AtRule, Declaration, FunctionBlock, HashToken, IdentToken, LiteralToken,
                          QualifiedRule, SquareBracketsBlock, WhitespaceToken)

# Classes that exist only once assets/site.js has rendered search results.
SAFELIST_CLASSES = {"md-search-result__item", "md-search-result__link", "md-search-result__article",
                    "md-typeset", "md-search-result__list", "md-search-result__meta"}
SAFELIST_TAGS = {"html", "body", "mark", "h1", "p", "li", "a", "article"}
GROUPING = {"media", "supports", "container", "layer", "document"}


@dataclass
class Used:
    tags: set = field(default_factory=set)
    classes: set = field(default_factory=set)
    ids: set = field(default_factory=set)
    attributes: set = field(default_factory=set)


# Reading 1,760 pages with html.parser takes seconds; these patterns find the same names (and,
# harmlessly, maybe more: a name wrongly seen as used only keeps a rule). tests/test_theme_seam.py
# checks that they find everything html.parser finds on a real page.
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def collect(pages) -> Used:
    """Element names, classes, ids and attribute names used by the given HTML files."""
    used = Used(tags=set(SAFELIST_TAGS), classes=set(SAFELIST_CLASSES))
    tags: set = set()
    for path in pages:
        tags.update(_TAG.findall(Path(path).read_text(encoding="utf-8")))  # the chrome repeats: parse each tag once
    for tag, attributes in tags:
        used.tags.add(tag.lower())
        for name, *values in _ATTRIBUTE.findall(attributes):
            name = name.lower()
            used.attributes.add(name)
            value = next((v for v in values if v), "")
            if name == "class":
                used.classes.update(value.split())
            elif name == "id" and value:
                used.ids.add(value)
    return used


def _split_selectors(prelude):
    parts, current = [], []
    for token in prelude:
        if isinstance(token, LiteralToken) and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def _requirements_met(selector, used: Used) -> bool:
    previous = None
    for token in selector:
        if isinstance(token, IdentToken):
            if isinstance(previous, LiteralToken) and previous.value == ".":
                if token.value not in used.classes:
                    return False
            elif isinstance(previous, LiteralToken) and previous.value in (":", "::"):
                pass  # a pseudo-class or pseudo-element
            elif token.lower_value not in used.tags and token.value != "*":
                return False
        elif isinstance(token, HashToken) and token.is_identifier:
            if token.value not in used.ids:
                return False
        elif isinstance(token, SquareBracketsBlock):
            names = [t for t in token.content if isinstance(t, IdentToken)]
            if names and names[0].lower_value not in used.attributes:
                return False
        # FunctionBlock (:not(), :is(), …): nothing inside is required
        previous = token
    return True


def _strip(tokens):
    while tokens and isinstance(tokens[0], WhitespaceToken):
        tokens = tokens[1:]
    while tokens and isinstance(tokens[-1], WhitespaceToken):
        tokens = tokens[:-1]
    return tokens


def _animation_names(declarations) -> set:
    names = set()
    for d in declarations:
        if isinstance(d, Declaration) and d.lower_name in ("animation", "animation-name"):
            names.update(t.value for t in d.value if isinstance(t, IdentToken))
    return names


def _reduce(rules, used: Used, animations: set, top: bool = True) -> list:
    out: list = []
    for rule in rules:
        if isinstance(rule, QualifiedRule):
            kept = [_strip(s) for s in _split_selectors(rule.prelude) if _requirements_met(s, used)]
            if not kept:
                continue
            prelude = ",".join(tinycss2.serialize(s) for s in kept)
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            animations |= _animation_names(declarations)
            out.append(f"{prelude}{{{tinycss2.serialize(rule.content).strip()}}}")
        elif isinstance(rule, AtRule) and rule.lower_at_keyword in GROUPING and rule.content is not None:
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            body = _reduce(inner, used, animations, top=False)
            if body:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{''.join(body)}}}")
        elif isinstance(rule, AtRule) and rule.lower_at_keyword.endswith("keyframes") and top:
            out.append(rule)  # kept or not once every rule has been seen (reduce_css)
        else:
            out.append(tinycss2.serialize([rule]))
    return out


def _var_references(tokens, found: set) -> set:
    for token in tokens:
        if isinstance(token, FunctionBlock):
            if token.lower_name == "var":
                found.update(t.value for t in token.arguments if isinstance(t, IdentToken) and t.value.startswith("--"))
            _var_references(token.arguments, found)
        elif hasattr(token, "content") and isinstance(token.content, list):
            _var_references(token.content, found)
    return found


def _drop_unused_properties(css: str, also_uses: str) -> str:
    """Custom properties (--md-…) that nothing reads any more; repeated until none is left."""
    while True:
        referenced = _var_references(tinycss2.parse_component_value_list(css + also_uses), set())
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        dropped = False

        def walk(rules):
            nonlocal dropped
            out = []
            for rule in rules:
                if isinstance(rule, QualifiedRule):
                    decls = [d for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                             if isinstance(d, Declaration)]
                    keep = [d for d in decls if not d.name.startswith("--") or d.name in referenced]
                    dropped |= len(keep) < len(decls)
                    if keep:
                        body = ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                                        + ("!important" if d.important else "") for d in keep)
                        out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
                elif isinstance(rule, AtRule) and rule.lower_at_keyword in GROUPING and rule.content is not None:
                    body = walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                    if body:
                        out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{''.join(body)}}}")
                else:
                    out.append(tinycss2.serialize([rule]))
            return out

        css = "".join(walk(rules))
        if not dropped:
            return css


def reduce_css(css: str, used: Used, also_uses: str = "") -> str:
    """The stylesheet without the rules no page can match (`also_uses`: CSS that follows it)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    errors = [r for r in rules if r.type == "error"]
    if errors:
        raise ValueError(f"line {errors[0].source_line}: the theme's CSS does not parse: {errors[0].message}")
    animations: set = set()
    parts = _reduce(rules, used, animations)
    result = []
    for part in parts:
        if isinstance(part, AtRule):
            name = next((t.value for t in part.prelude if isinstance(t, IdentToken)), None)
            if name in animations:
                result.append(tinycss2.serialize([part]))
        else:
            result.append(part)
    return _drop_unused_properties("".join(result), also_uses)


# White space next to these is never significant in CSS (not so next to "(" or ":": "and (",
# "a :hover" and "1px + 2px" need theirs).
_TIGHT = {"{", "}", ";", ",", ">"}


def minify(css: str) -> str:
    """Our own stylesheet without its comments and with white space only where CSS needs it.
    Tokens are kept as tinycss2 reads them, so strings and numbers stay exactly as written."""
    return _compact(tinycss2.parse_component_value_list(css, skip_comments=True)).strip()


def _compact(nodes) -> str:
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, WhitespaceToken):
            parts.append(" ")
        elif hasattr(node, "content") and isinstance(node.content, list) and node.type.endswith("block"):
            opening, closing = {"{} block": "{}", "[] block": "[]", "() block": "()"}[node.type]
            parts.append(opening + _compact(node.content).strip() + closing)
        elif isinstance(node, FunctionBlock):
            parts.append(f"{tinycss2.serialize([IdentToken(0, 0, node.name)])}(" + _compact(node.arguments).strip() + ")")
        else:
            parts.append(tinycss2.serialize([node]))
    out: list[str] = []
    for i, part in enumerate(parts):
        if part == " " and ((out and out[-1][-1:] in _TIGHT) or (i + 1 < len(parts) and parts[i + 1][:1] in _TIGHT)):
            continue
        if part == " " and out and out[-1] == " ":
            continue
        out.append(part)
    return "".join(out)
