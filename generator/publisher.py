"""Who publishes the site: publisher.yaml at the repository root (one file a publisher edits).

Read by the header logo, the footer, the about page, the slip, the handout and the
accessibility statement. Bad input stops the build with `publisher.yaml:line: what is wrong,
and what to do`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, InputErrors
from .languages import ROOT
from .site_address import is_placeholder, public_address
from .validate import check_against_schema
from .yamlfile import line_of, load_yaml

PUBLISHER_FILE = ROOT / "publisher.yaml"
MAX_LOGO_BYTES = 20_000
# An inlined logo runs in every page: nothing in it may run, load or link anything.
_LOGO_FORBIDDEN = re.compile(r"<script|<foreignObject|<iframe|<image|\son[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*[\"'](?!#)|url\(\s*[\"']?(?!#)|@import|<!ENTITY|<!DOCTYPE",
                             re.IGNORECASE)


@dataclass(frozen=True)
class Publisher:
    example: bool
    name: str
    short_name: str
    url: str            # from publisher.yaml ("" when not set there)
    contact: str        # e-mail address or https form address, or ""
    hotline: str        # id of a channel in generator/rules/help.yaml
    logo_svg: str = ""  # the logo's SVG markup, checked, or ""
    path: Path = PUBLISHER_FILE
    hotline_line: int | None = None

    @property
    def contact_href(self) -> str:
        return self.contact if self.contact.startswith("https://") else (f"mailto:{self.contact}" if self.contact else "")

    def address(self, site_url: str | None = None) -> str:
        """The public address: publisher.yaml's url, else `site_url` (SITE_URL), else "" (a preview)."""
        return public_address(self.url, site_url)


def publisher_file() -> Path:
    return Path(os.environ.get("PUBLISHER_FILE") or PUBLISHER_FILE)


def load_publisher(path: Path | None = None) -> Publisher:
    path = Path(path or publisher_file())
    if not path.exists():
        raise InputError(path, None, "the publisher file is missing. Restore publisher.yaml from git (the example) "
                                     "and write your name, address and contact in it.")
    doc = load_yaml(path)
    problems = check_against_schema(doc, "publisher", path)
    if problems:
        raise InputErrors(problems)
    errors = []
    url = doc.get("url", "").strip()
    if url and is_placeholder(url):
        errors.append(InputError(path, line_of(doc, "url"), f"'url' is {url!r}, a local or example address that opens "
                                 "nothing on a citizen's phone. Write the site's public address, or leave it empty for a preview."))
    if not doc["example"] and not doc.get("contact"):
        errors.append(InputError(path, line_of(doc, "contact") or line_of(doc, "example"), "a real publisher ('example: false') "
                                 "needs a 'contact': an e-mail address or a contact form's https address, where citizens report problems."))
    logo = ""
    if doc.get("logo"):
        logo, problem = _read_logo(path.parent, doc["logo"])
        if problem:
            errors.append(InputError(path, line_of(doc, "logo"), problem))
    if errors:
        raise InputErrors(errors)
    return Publisher(example=doc["example"], name=doc["name"].strip(), short_name=doc["short_name"].strip(), url=url,
                     contact=doc.get("contact", "").strip(), hotline=doc["hotline"], logo_svg=logo, path=path,
                     hotline_line=line_of(doc, "hotline"))


def _read_logo(root: Path, rel: str) -> tuple[str, str | None]:
    path = (root / rel).resolve()
    if root.resolve() not in path.parents or not path.is_file():
        return "", f"'logo' is {rel!r}, which is not a file in this repository. Put the SVG file in the repository (e.g. overrides/assets/) and give its path."
    data = path.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        return "", f"the logo {rel} is {len(data):,} bytes; it is inlined into every page, so keep it under {MAX_LOGO_BYTES:,} (simplify it, e.g. with svgo)."
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "", f"the logo {rel} is not UTF-8 text. Save it as a plain SVG file."
    text = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", text)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S).strip()
    if not text.startswith("<svg") or not text.endswith("</svg>"):
        return "", f"the logo {rel} is not one <svg> element. Give an SVG file (not PNG or HTML)."
    if m := _LOGO_FORBIDDEN.search(text):
        return "", f"the logo {rel} contains {m.group(0).strip()!r}: a logo inlined into every page may not run scripts or load or link anything. Remove it from the SVG."
    return text, None


def check_hotline(publisher: Publisher, channel_ids) -> None:
    if publisher.hotline not in channel_ids:
        raise InputError(publisher.path, publisher.hotline_line, f"'hotline' is {publisher.hotline!r}, which is not a channel "
                         f"with a phone number in generator/rules/help.yaml. Use one of: {', '.join(channel_ids)}.")
