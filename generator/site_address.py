"""The site's public address, or none: then the build is a preview.

A QR code, a sitemap entry or a canonical link that points at 127.0.0.1, localhost or an
example domain opens nothing on a citizen's phone (usability walk, problem 1). So such an
address is never used: the build becomes a preview instead, which writes no QR code and no
sitemap and says on every page that the site has no public address yet.
"""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

# RFC 2606/6761 names that never lead to a published site (".test" is left to the tests' own
# address: no one publishes there, and it is never the default of anything)
_PLACEHOLDER_DOMAINS = ("localhost", "example", "invalid", "local")
_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")


def is_placeholder(url: str) -> bool:
    """True for an address a phone cannot open as this site: a local host or an example domain."""
    host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    if not host:
        return True
    try:
        ip = ipaddress.ip_address(host)
        return ip.is_loopback or ip.is_unspecified or ip.is_private or ip.is_link_local
    except ValueError:
        pass
    labels = host.split(".")
    return (labels[-1] in _PLACEHOLDER_DOMAINS or len(labels) == 1
            or any(host == d or host.endswith("." + d) for d in _EXAMPLE_DOMAINS))


def normalise(url: str) -> str:
    url = url.strip()
    return url.rstrip("/") + "/" if url else ""


def public_address(*candidates: str | None) -> str:
    """The first candidate that is a real public address (with a final /), or "" (a preview)."""
    for url in candidates:
        if url and url.strip() and not is_placeholder(url):
            return normalise(url)
    return ""
