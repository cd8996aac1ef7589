"""Errors for bad input: always `file:line: what is wrong. What to do.`"""
from __future__ import annotations

import re
from pathlib import Path

# LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they reorder text invisibly (refused in every input)
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIDI_ADVICE = ("which can reorder the words a reader sees. Delete it: the page sets the text direction itself.")
MAX_MESSAGE = 600  # characters: a hostile value must not print megabytes of error


class InputError(Exception):
    """One problem in an input file (rule table, catalog, walkthrough)."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path = Path(path)
        self.line = line
        if len(message) > MAX_MESSAGE:
            message = message[: MAX_MESSAGE - 40] + f" […{len(message) - MAX_MESSAGE + 40:,} characters cut]"
        self.message = message
        super().__init__(str(self))

    def __reduce__(self):  # back from a worker process (generator/parallel.py) whole
        return (InputError, (self.path, self.line, self.message))

    def __str__(self) -> str:
        where = display_path(self.path)
        if self.line:
            where += f":{self.line}"
        return f"{where}: {self.message}"


class InputErrors(Exception):
    """Several problems, reported together so an editor can fix them in one go."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def __reduce__(self):
        return (InputErrors, (self.errors,))


def display_path(path: Path) -> str:
    """The path relative to the working directory when possible (shorter, clickable)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
