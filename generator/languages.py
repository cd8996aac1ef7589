"""The site's languages, read from mkdocs.yml (the i18n plugin's list is the one list)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RTL = {"ar", "fa", "he", "ur"}


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # endonym, as the language names itself
    default: bool

    @property
    def dir(self) -> str:
        return "rtl" if self.code in RTL else "ltr"


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml uses !ENV and python tags; we only need plain values."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_languages(config_file: Path = ROOT / "mkdocs.yml") -> list[Language]:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = [Language(l["locale"], l["name"], bool(l.get("default"))) for l in plugin["i18n"]["languages"]]
            # the default (source) language first: it is listed last for the i18n plugin's sake
            return sorted(langs, key=lambda l: not l.default)
    raise SystemExit(f"{config_file}: no i18n plugin with languages found")


