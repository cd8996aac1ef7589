"""Targeted edits of translations/*.po without rewriting (rewrapping, reordering) the files.

babel's write_po rewrites every line of a catalog, which makes merges painful. These
helpers change only the lines of the entries they touch. Catalogs here are written
with width=0, so every msgid and msgstr is one line.

    from generator.po_edit import Po
    po = Po("ar"); po.set("Kilde", "المصدر"); po.save()
"""
from __future__ import annotations

import re
from pathlib import Path

from . import atomic

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
LANGUAGES = ("en", "ar", "uk", "tr", "pl", "fa", "so")


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def unquote(line: str) -> str:
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), line[1:-1])


class Po:
    def __init__(self, lang: str, directory: Path = TRANSLATIONS):
        self.path = directory / ("messages.pot" if lang == "pot" else f"{lang}.po")
        self.lines = self.path.read_text(encoding="utf-8").split("\n")

    def _index(self, msgid: str) -> int | None:
        want = "msgid " + quote(msgid)
        for i, line in enumerate(self.lines):
            if line == want:
                return i
        return None

    def msgids(self):
        for i, line in enumerate(self.lines):
            if line.startswith('msgid "') and line != 'msgid ""':
                yield i, unquote(line[6:]), unquote(self.lines[i + 1][7:])

    def has(self, msgid: str) -> bool:
        return self._index(msgid) is not None

    def get(self, msgid: str) -> str:
        i = self._index(msgid)
        return unquote(self.lines[i + 1][7:])

    def set(self, msgid: str, msgstr: str) -> None:
        i = self._index(msgid)
        if i is None:
            raise KeyError(f"{self.path.name}: no entry {msgid!r}")
        assert self.lines[i + 1].startswith("msgstr "), self.lines[i + 1]
        self.lines[i + 1] = "msgstr " + quote(msgstr)

    def rename(self, old: str, new: str, msgstr: str | None = None) -> None:
        i = self._index(old)
        if i is None:
            raise KeyError(f"{self.path.name}: no entry {old!r}")
        self.lines[i] = "msgid " + quote(new)
        if msgstr is not None:
            self.lines[i + 1] = "msgstr " + quote(msgstr)

    def comment(self, msgid: str, line: str) -> None:
        """Add a comment line (e.g. '# reviewed-by: …') at the top of an entry's comments."""
        i = self._index(msgid)
        start = i
        while start > 0 and self.lines[start - 1].startswith("#"):
            start -= 1
        if line not in self.lines[start:i]:
            self.lines.insert(start, line)  # translator comments come first

    def flag(self, msgid: str, flag: str) -> None:
        """Add a flag (e.g. 'reviewed') to an entry, on its '#,' line if it has one."""
        i = self._index(msgid)
        if i is None:
            raise KeyError(f"{self.path.name}: no entry {msgid!r}")
        j = i - 1
        while j >= 0 and self.lines[j].startswith("#"):
            if self.lines[j].startswith("#,"):
                flags = [f.strip() for f in self.lines[j][2:].split(",")]
                if flag not in flags:
                    self.lines[j] += f", {flag}"
                return
            j -= 1
        self.lines.insert(i, f"#, {flag}")

    def unflag(self, msgid: str, flag: str) -> None:
        i = self._index(msgid)
        j = i - 1
        while j >= 0 and self.lines[j].startswith("#"):
            if self.lines[j].startswith("#,"):
                flags = [f.strip() for f in self.lines[j][2:].split(",") if f.strip() != flag]
                if flags:
                    self.lines[j] = "#, " + ", ".join(flags)
                else:
                    del self.lines[j]
                return
            j -= 1

    def remove(self, msgid: str) -> None:
        """Delete an entry with its comments (a string no template uses any more)."""
        i = self._index(msgid)
        start = i
        while start > 0 and self.lines[start - 1].startswith("#"):
            start -= 1
        end = i + 2
        if start > 0 and self.lines[start - 1] == "":
            start -= 1
        del self.lines[start:end]

    def append(self, msgid: str, msgstr: str, references: list[str], python_format: bool = False) -> None:
        if self.has(msgid):
            self.set(msgid, msgstr)
            return
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        entry = [""] + [f"#: {r}" for r in references]
        if python_format:
            entry.append("#, python-format")
        entry += ["msgid " + quote(msgid), "msgstr " + quote(msgstr), ""]
        self.lines += entry

    def header(self, name: str, value: str) -> None:
        for i, line in enumerate(self.lines):
            if line.startswith(f'"{name}:'):
                self.lines[i] = quote(f"{name}: {value}\n")
                return
            if line.startswith("#:"):
                break
        raise KeyError(f"{self.path.name}: no header {name}")

    def save(self) -> None:
        atomic.write_text(self.path, "\n".join(self.lines))
