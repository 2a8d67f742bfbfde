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


def clean_for_store(doc: Document, options: cleaning.Options) -> tuple[list, list, float]:
    """Clean one document and fingerprint its results: the CPU-heavy part, run in a worker
    process when WENKU_CLEAN_WORKERS > 0.  Returns (results, fingerprints, seconds)."""
    from cleaners import dedup
    started = time.perf_counter()
    results = cleaning.clean_all(doc, options)
    fingerprints = [dedup.fingerprint(r.text or "") if r.usable else None for r in results]
    return results, fingerprints, time.perf_counter() - started


_pools: dict[int, object] = {}


def worker_pool(workers: int):
    """One process pool per worker count, shared by every spider of the process."""
    if workers not in _pools:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        _pools[workers] = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"))
    return _pools[workers]


class CleanAndStorePipeline:
    """Cleans each document item and adds it to the output store; counts outcomes per site.

    WENKU_CLEAN_WORKERS=N cleans in N worker processes (the engine keeps fetching
    meanwhile); 0 cleans in the crawler process.  The store is always written from
    the crawler process (one writer).
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.options = cleaning.Options(script=crawler.settings.get("WENKU_SCRIPT", "simplified"))
        self.workers = crawler.settings.getint("WENKU_CLEAN_WORKERS", 0)
        self.clean_seconds = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.state = output_state.for_crawler(self.crawler)

    def count(self, outcome: str, n: int = 1):
        self.crawler.stats.inc_value(f"wenku/docs/{outcome}", n)

    async def process_item(self, item, spider=None):
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
        await self.store_text(item)
        return item

    async def cleaned(self, item: DocumentItem) -> tuple[list, list]:
        doc = to_document(item)
        if self.workers > 0:
            import asyncio
            future = worker_pool(self.workers).submit(clean_for_store, doc, self.options)
            results, fingerprints, seconds = await asyncio.wrap_future(future)
        else:
            results, fingerprints, seconds = clean_for_store(doc, self.options)
        self.clean_seconds += seconds
        self.crawler.stats.set_value("wenku/clean_seconds", round(self.clean_seconds, 3))
        return results, fingerprints

    async def store_text(self, item: DocumentItem):
        try:
            results, fingerprints = await self.cleaned(item)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the crawl
            logger.error("error cleaning %s (%s %s): %s: %s; please report this page",
                         item.url, item.site, item.id, type(exc).__name__, exc, exc_info=True)
            self.count("failed")
            return
        if self.state.holds(item.site, item.id) and not self.crawler.settings.getbool("WENKU_REFRESH"):
            self.count("duplicate")     # fetched twice in one run (e.g. re-discovered after a resume)
            return
        statuses, stored = [], []
        for result, fingerprint in zip(results, fingerprints):
            if not result.usable:
                statuses.append("rejected")
                why = ", ".join(k for k in ("too_short", "not_chinese") if result.flags.get(k)) or "empty"
                logger.info("no document left in %s after cleaning (%s)", item.url, why)
                continue
            outcome = self.state.store.add(result, fingerprint=fingerprint)
            statuses.append(outcome.status)
            stored.append(result.id)
            if outcome.status in ("kept", "replaced") and result.partial:
                self.count("partial")
        for status in statuses:
            self.count({"exact_dup": "duplicate", "near_dup": "duplicate", "replaced": "kept"}.get(status, status))
        if len(results) > 1:
            self.count("compilations_split")
        self.state.ledger.add({"site": item.site, "id": item.id, "url": item.url, "outcomes": statuses,
                               "results": stored})
