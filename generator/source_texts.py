"""The texts the rule tables cite, kept in the repository's sources/ folder.

sources/sources.yaml lists every file there with its source id (generator/rules/sources.yaml),
address, retrieval date and sha256 checksum. Tools and tests read the texts through this
module, never from a folder beside the repository. `check()` reports a file without an entry,
an entry without a file and a changed checksum as `file:line: what is wrong. What to do.`
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import InputError, InputErrors
from .languages import ROOT
from .validate import check_against_schema
from .yamlfile import line_of, load_yaml

SOURCES_DIR = ROOT / "sources"
INDEX = SOURCES_DIR / "sources.yaml"
NOT_TEXTS = {"README.md", "sources.yaml"}


def load_index(index: Path = INDEX) -> list[dict]:
    doc = load_yaml(index)
    problems = check_against_schema(doc, "source-texts", index)
    if problems:
        raise InputErrors(problems)
    return doc["texts"]


def path_of(file: str, folder: Path = SOURCES_DIR) -> Path:
    return folder / file


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(index: Path = INDEX, source_ids: set[str] | None = None) -> list[InputError]:
    """Every file in the folder has one entry, every entry its file with that checksum, and
    (given the ids of generator/rules/sources.yaml) every entry a known source."""
    folder = index.parent
    texts = load_index(index)
    errors = []
    listed = {}
    for entry in texts:
        if entry["file"] in listed:
            errors.append(InputError(index, line_of(entry, "file"), f"'{entry['file']}' is listed twice. Keep one entry."))
        listed[entry["file"]] = entry
        path = folder / entry["file"]
        if not path.is_file():
            errors.append(InputError(index, line_of(entry, "file"), f"'{entry['file']}' is not in {folder.name}/. "
                                     "Add the text, or remove its entry."))
        elif sha256(path) != entry["sha256"]:
            errors.append(InputError(index, line_of(entry, "sha256"), f"the checksum of '{entry['file']}' does not match: "
                                     f"the file's is {sha256(path)}. If the text was changed on purpose (a newer copy), "
                                     "write the new checksum and the new 'retrieved' date; otherwise restore the file."))
        if source_ids is not None and entry["source"] not in source_ids:
            errors.append(InputError(index, line_of(entry, "source"), f"no source '{entry['source']}' in "
                                     "generator/rules/sources.yaml. Use the id of the source this text belongs to."))
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name not in NOT_TEXTS and path.name not in listed:
            errors.append(InputError(index, None, f"'{path.name}' is in {folder.name}/ but has no entry here. Add one "
                                     "(file, source, url, retrieved, sha256: see README.md in this folder)."))
    return errors
