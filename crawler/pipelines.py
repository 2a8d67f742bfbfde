"""The item pipeline: fetched pages -> cleaners -> dedup/output store.

The same `cleaners.pipeline.clean_all` and `cleaners.store.Store` the CLI uses,
so a crawled document and a cleaned file come out identically and land in the
same `manifest.jsonl`.  Tier B/C items only add a line to `metadata.jsonl`.
"""
from __future__ import annotations

import logging
import re
import time

from cleaners import pipeline as cleaning
from cleaners import profiles
from cleaners.decode import decode_bytes
from cleaners.document import Document

from . import state as output_state
from .endpoints import endpoint_text, is_endpoint_payload
from .items import BLOCKED, FAILED, METADATA, DocumentItem

logger = logging.getLogger(__name__)


def to_document(item: DocumentItem) -> Document:
    """The cleaners' input: one Document per fetched page, raw bytes and header untouched."""
    meta = {k: v for k, v in item.meta.items() if v is not None}
    if len(item.pages) == 1 and "pages_seen" not in meta:
        # one HTML page holds the whole served text: partial only if the page says so
        page = item.pages[0]
        return Document(id=item.id, site=item.site, url=item.url, data=page.body,
                        content_type=page.content_type, meta=meta)
    pages = [page_document(p, item.site) for p in item.pages]
    meta.setdefault("pages_seen", len(pages))
    if item.page_count:
        meta["page_count"] = item.page_count
    return Document(id=item.id, site=item.site, url=item.url, pages=pages, meta=meta)


def page_document(page, site: str) -> Document:
    """One fetched page as the cleaners' input; a JSON/JSONP text endpoint page
    ("继续阅读" loaders) becomes its plain text."""
    if is_endpoint_payload(page.content_type):
        text = endpoint_text(page.body)
        if text is not None:
            return Document(text=text, is_html=False, url=page.url, site=site)
    return Document(data=page.body, content_type=page.content_type, url=page.url, site=site)


def metadata_record(item: DocumentItem) -> dict:
    """Title, page count, format and URL of a Tier B/C document, from its first page."""
    profile = profiles.resolve(item.site, item.url)
    record = {"site": item.site, "id": item.id, "url": item.url, "tier": item.tier,
              "title": "", "page_count": item.page_count, "format": None,
              "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    if not item.pages:
        return record
    from parsel import Selector
    page = item.pages[0]
    text, _ = decode_bytes(page.body, page.content_type)
    sel = Selector(text=text or "<html></html>")
    for css in (*profile.title_selectors, 'meta[property="og:title"]::attr(content)', "title::text"):
        value = (sel.css(css).get() or "").strip()
        if value:
            record["title"] = value
            break
    for css in (*profile.extra.get("format_selectors", []), 'meta[property="og:document:type"]::attr(content)'):
        value = (sel.css(css).get() or "").strip()
        if value:
            record["format"] = value.lower()
            break
    if record["format"] is None:
        m = re.search(r"格式[:：]\s*([A-Za-z]{2,5})\b", " ".join(sel.css("body *::text").getall()))
        record["format"] = m.group(1).lower() if m else None
    description = (sel.css('meta[name="description"]::attr(content)').get() or "").strip()
    if description:
        record["description"] = description
    return record


class CleanAndStorePipeline:
    """Cleans each document item and adds it to the output store; counts outcomes per site."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.options = cleaning.Options(script=crawler.settings.get("WENKU_SCRIPT", "simplified"))
        self.clean_seconds = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.state = output_state.for_crawler(self.crawler)

    def count(self, outcome: str, n: int = 1):
        self.crawler.stats.inc_value(f"wenku/docs/{outcome}", n)

    def process_item(self, item, spider=None):
        if not isinstance(item, DocumentItem):
            return item
        if item.status in (BLOCKED, FAILED):
            self.count(item.status)
            logger.info("%s %s %s: %s", item.status, item.site, item.url, item.reason)
            return item
        if item.status == METADATA:
            added = self.state.metadata.add(metadata_record(item))
            self.count("metadata" if added else "duplicate")
            return item
        self.store_text(item)
        return item

    def store_text(self, item: DocumentItem):
        started = time.perf_counter()
        try:
            results = cleaning.clean_all(to_document(item), self.options)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the crawl
            logger.error("error cleaning %s (%s %s): %s: %s; please report this page",
                         item.url, item.site, item.id, type(exc).__name__, exc, exc_info=True)
            self.count("failed")
            return
        finally:
            self.clean_seconds += time.perf_counter() - started
            self.crawler.stats.set_value("wenku/clean_seconds", round(self.clean_seconds, 3))
        statuses = []
        for result in results:
            if not result.usable:
                statuses.append("rejected")
                why = ", ".join(k for k in ("too_short", "not_chinese") if result.flags.get(k)) or "empty"
                logger.info("no document left in %s after cleaning (%s)", item.url, why)
                continue
            outcome = self.state.store.add(result)
            statuses.append(outcome.status)
            if outcome.status in ("kept", "replaced") and result.partial:
                self.count("partial")
        for status in statuses:
            self.count({"exact_dup": "duplicate", "near_dup": "duplicate", "replaced": "kept"}.get(status, status))
        if len(results) > 1:
            self.count("compilations_split")
        self.state.ledger.add({"site": item.site, "id": item.id, "url": item.url, "outcomes": statuses})
