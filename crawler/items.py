"""What spiders hand to the item pipeline: fetched bytes, never decoded text.

Spiders only find and fetch.  Decoding, extraction, cleaning, splitting and
storing happen in the item pipeline, through the same code the cleaners CLI uses.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from scrapy.exceptions import DropItem

# status values
OK = "ok"                # text pages fetched (may still be partial)
METADATA = "metadata"    # Tier B/C: the site serves no text anonymously; record what it is
BLOCKED = "blocked"      # a block/captcha page or a backed-off host
FAILED = "failed"        # network error, 4xx/5xx after retries


@dataclass
class FetchedPage:
    """One HTTP response, exactly as received."""

    url: str
    body: bytes
    content_type: str | None = None
    status: int = 200


@dataclass
class DocumentItem:
    """One document of one site, with its preview pages in reading order."""

    id: str
    site: str
    url: str
    pages: list[FetchedPage] = field(default_factory=list)
    page_count: int | None = None   # what the site says the document has, if known
    status: str = OK
    tier: str = "A"
    reason: str = ""                # why blocked/failed, for the log and summary
    meta: dict = field(default_factory=dict)
    replace: bool = False           # a held document fetched again because it changed: replaces the copy


def page_from_response(response) -> FetchedPage:
    """The raw bytes and Content-Type header of a response (not `response.text`)."""
    content_type = response.headers.get(b"Content-Type")
    return FetchedPage(url=response.url, body=response.body,
                       content_type=content_type.decode("latin-1") if content_type else None,
                       status=response.status)


class NotHandedOn(DropItem):
    """A document the item pipeline could not hand on, for a reason its message says in full (a
    distributed worker that gave Redis up): logged as that one line, without the item's pages
    (crawler/extensions/summary.py QuietLogFormatter)."""
