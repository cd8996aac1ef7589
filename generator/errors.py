"""Errors for bad input: always `file:line: what is wrong. What to do.`"""
from __future__ import annotations

import re
from pathlib import Path

# LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they reorder text invisibly (refused in every input)
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIDI_ADVICE = ("which can reorder the words a reader sees. Delete it: the page sets the text direction itself.")

# Every invisible character an input may smuggle in: the direction controls above, the implicit
# direction marks (LRM, RLM, ALM: one RLM shows "70 20 00 00" as "00 00 20 70"), zero-width
# characters, the word joiner, a byte order mark inside the text, the soft hyphen and the
# Unicode line and paragraph separators (YAML counts them as line breaks, so every later line
# number would be wrong). generator/bidi.py inserts isolation itself when it renders a page.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
INVISIBLE_NAMES = {
    "\u00ad": "soft hyphen", "\u061c": "Arabic letter mark", "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space", "\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark", "\u200f": "right-to-left mark", "\u2028": "line separator",
    "\u2029": "paragraph separator", "\u2060": "word joiner", "\ufeff": "byte order mark",
}
# Where one is meant: Persian writes the zero-width non-joiner inside words (نیم‌فاصله, e.g. کمک‌هزینه).
INVISIBLE_ALLOWED = {"fa": frozenset("\u200c")}


def invisible_problem(text: str, lang: str | None = None) -> tuple[int, str] | None:
    """(offset, message) of the first invisible character `text` may not hold, or None.
    `lang`: the language of a catalog (None for the Danish rule tables and walkthroughs)."""
    allowed = INVISIBLE_ALLOWED.get(lang, frozenset())
    for m in INVISIBLE.finditer(text):
        ch = m.group()
        if ch in allowed:
            continue
        code = f"U+{ord(ch):04X}"
        if BIDI_CONTROLS.match(ch):
            return m.start(), f"this line contains an invisible direction control ({code}), {BIDI_ADVICE}"
        name = INVISIBLE_NAMES.get(ch, "invisible formatting character")
        return m.start(), (f"this line contains an invisible character ({code}, {name}). It can change what a reader "
                           "sees or breaks search and copying. Delete it (retype the words around it); "
                           "the page sets the text direction itself.")
    return None
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
