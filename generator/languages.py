"""The site's languages: generator/languages.yaml is the one list (codes, endonyms, direction,
search language). mkdocs.yml repeats it for its plugins; a test checks that they agree."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "languages.yaml"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # endonym, as the language names itself
    default: bool
    direction: str = "ltr"
    search: str | None = None

    @property
    def dir(self) -> str:
        return self.direction


def _load(path: Path = DATA) -> list[Language]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    langs = [Language(r["code"], r["name"], bool(r.get("default")), r.get("dir", "ltr"), r.get("search")) for r in rows]
    bad = [l.code for l in langs if l.direction not in ("ltr", "rtl")]
    if bad or sum(l.default for l in langs) != 1:
        raise SystemExit(f"{path}: every language needs dir ltr or rtl, and exactly one is the default")
    return langs


LANGUAGES = _load()
RTL = frozenset(l.code for l in LANGUAGES if l.direction == "rtl")


def site_languages(config_file: Path | None = None) -> list[Language]:
    """The languages, the default (source) language first."""
    return sorted(LANGUAGES, key=lambda l: not l.default)


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and python tags; we only need plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
