"""Links to attachments on an article page: the files (PDF, Word, WPS, OFD, sheets) it publishes.

A link is an attachment when its path ends in one of the `_gov.toml` [attachments] extensions,
or when a download script names the file in a parameter (Hanweb
`downfile.jsp?…&filename=<hex>.pdf`).  The format is that extension.
"""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from cleaners import profiles

from crawler.urls import absolute


@lru_cache(maxsize=1)
def rules() -> tuple[frozenset[str], tuple[str, ...]]:
    section = profiles.get("_gov").extra.get("attachments", {})
    return frozenset(e.lower() for e in section.get("extensions", [])), tuple(section.get("filename_parameters", []))


def extension(name: str) -> str:
    tail = name.rsplit("/", 1)[-1]
    return tail.rsplit(".", 1)[1].lower() if "." in tail else ""


def attachment_format(url: str) -> str | None:
    """The attachment format a URL points to, or None when it is no attachment."""
    extensions, parameters = rules()
    parts = urlsplit(url)
    found = extension(parts.path)
    if found in extensions:
        return found
    for name, value in parse_qsl(parts.query):
        if name in parameters and extension(value) in extensions:
            return extension(value)
    return None


def attachment_links(root, page_url: str) -> list[tuple[str, str, str]]:
    """(url, format, link text) of every attachment linked from the page, each URL once."""
    found: dict[str, tuple[str, str, str]] = {}
    for link in root.iter("a", "iframe", "embed"):
        url = absolute(page_url, link.get("href") or link.get("src"))
        fmt = attachment_format(url) if url else None
        if fmt and url not in found:
            found[url] = (url.split("#", 1)[0], fmt, " ".join((link.text_content() or "").split()))
    return list(found.values())
