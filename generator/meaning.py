"""Checks of the rule tables for meaning, not only shape (run by tables.load_tables).

The schemas say what a value looks like; these say whether it can be true: a `checked`
date is not in the future, a source link goes to a known authority's host, two areas do
not share a name, a "Ja" answer has the value true, an id fits in a file name. Each is
general (keyed to no entry), so new rules, areas and questions are checked the same way.
"""
from __future__ import annotations

import datetime
import ipaddress
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from .errors import InputError
from .yamlfile import line_of

# Hosts a source may link to: the authorities' and organisations' own sites (subdomains
# included). A look-alike (www.bоrger.dk with a Cyrillic о) or a link with a user part
# (https://www.borger.dk@evil.example/) is refused. Add a host here once you have checked
# that it is the authority's own site.
SOURCE_HOSTS = ("retsinformation.dk", "borger.dk", "vpt.dk", "ast.dk", "mitid.dk", "aeldresagen.dk",
                "danskekommuner.dk", "ft.dk", "kl.dk", "digst.dk", "sundhed.dk", "atp.dk",
                "udbetaling.dk", "familieretshuset.dk", "socialjura.dk", "nyidanmark.dk", "lifeindenmark.borger.dk")
MAX_ID = 60  # an id becomes a folder name in every language: docs/<lang>/omraader/<id>/…


def check_meaning(docs: dict, paths: dict, walkthroughs: list, errors: list) -> None:
    today = datetime.date.today()
    everything = [(docs[stem], paths[stem]) for stem in docs] + [(w, w["_path"]) for w in walkthroughs]
    for doc, path in everything:
        for node, key, value in _pairs(doc):
            line = line_of(node, key)
            if key == "checked" and isinstance(value, str) and _date(value) and _date(value) > today:
                errors.append(InputError(path, line, f"'checked' is {value}, a day that has not come yet. Write the date "
                                                     "you read the source (YYYY-MM-DD), today or earlier."))
            elif key == "url" and isinstance(value, str):
                problem = url_problem(value)
                if problem:
                    errors.append(InputError(path, line, f"the link {value!r} {problem}"))
            elif key in ("id", "slug", "area") and isinstance(value, str) and len(value) > MAX_ID:
                errors.append(InputError(path, line, f"the {key} is {len(value)} characters long; at most {MAX_ID} fit in "
                                                     "the page addresses and file names. Choose a shorter one."))
    if "areas" in docs:
        seen: dict[str, int] = {}
        for i, area in enumerate(docs["areas"]["areas"]):
            name = unicodedata.normalize("NFC", area.get("name", "")).casefold().strip()
            if name in seen:
                errors.append(InputError(paths["areas"], line_of(area, "name"),
                                         f"the area name '{area['name']}' is also the name of the area on line {seen[name]}: "
                                         "the list of areas would show it twice. Give each area its own name."))
            seen.setdefault(name, line_of(area, "name"))
    if "questionnaire" in docs:
        for fact in docs["questionnaire"]["facts"]:
            for j, answer in enumerate(fact.get("answers", [])):
                problem = _answer_problem(answer)
                if problem:
                    errors.append(InputError(paths["questionnaire"], line_of(fact["answers"], j),
                                             f"the answer to '{fact['fact']}' {problem}"))


def _answer_problem(answer: dict) -> str | None:
    """A yes/no answer whose value, slug and label disagree would send a "Ja" down the "Nej" path."""
    value = answer.get("value")
    if not isinstance(value, bool):
        return None
    word = "ja" if value else "nej"
    label, slug = str(answer.get("label", "")), str(answer.get("slug", ""))
    first = re.match(r"\w+", label.casefold())
    if slug in ("ja", "nej") and slug != word:
        return f"has value: {str(value).lower()} but slug: {slug}. value true goes with slug ja, false with nej."
    if first and first.group() in ("ja", "nej") and first.group() != word:
        return (f"is labelled '{label}' but has value: {str(value).lower()}, so choosing it would follow the other "
                f"answer's path. Swap the values (true for Ja, false for Nej).")
    return None


def url_problem(url: str) -> str | None:
    """Why a source link may not be shown, or None."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return "is not a valid address. Copy it from the browser's address bar."
    if parts.scheme != "https":
        return "does not start with https://. Link to the source over https."
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return ("has a user part before '@', so it leads to the host after the '@'. Remove everything between "
                "https:// and the '@'.")
    if port is not None:
        return "names a port. Link to the site's ordinary address."
    if not host.isascii():
        odd = next(c for c in host if not c.isascii())
        return (f"has the non-Latin letter '{odd}' (U+{ord(odd):04X}) in its host, a look-alike of a real address. "
                "Retype the address.")
    try:
        ipaddress.ip_address(host)
        return "is an IP address. Link to the authority's site by its name."
    except ValueError:
        pass
    if not any(host == h or host.endswith("." + h) for h in SOURCE_HOSTS):
        return (f"goes to {host}, which is not on the list of source hosts (generator/meaning.py SOURCE_HOSTS). "
                "Check that it is the authority's own site, then add the host to the list.")
    return None


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _pairs(node):
    """(mapping, key, value) for every key of every mapping in a document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if not str(key).startswith("_"):
                yield node, key, value
                yield from _pairs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _pairs(value)
