"""The item pipeline: fetched pages -> cleaners -> dedup/output store.

The same `cleaners.pipeline.clean_all` and `cleaners.store.Store` the CLI uses,
so a crawled document and a cleaned file come out identically and land in the
same `manifest.jsonl`.  Tier B/C items only add a line to `metadata.jsonl`.
"""
from __future__ import annotations

import logging
import re
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from cleaners import profiles
from cleaners.steps.decode import decode_bytes
from cleaners.document import Document
from cleaners.store.rejects import RejectLog

from crawler.handoff import state as output_state
from crawler.endpoints import endpoint_text, is_endpoint_payload
from crawler.items import BLOCKED, FAILED, METADATA, DocumentItem

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


@dataclass
class Report:
    """What became of one document: outcome counts for the stats, log lines, time spent.

    Built where the document is cleaned and stored (the crawler process, or the writer
    process) and applied to the crawler's stats and log by `apply_report`."""

    counts: Counter = field(default_factory=Counter)
    logs: list[tuple[int, str]] = field(default_factory=list)
    clean_seconds: float = 0.0
    store_seconds: float = 0.0


@dataclass
class Cleaned:
    """A fetched document cleaned and made ready for the store: all of storing it that does not
    need the store (clean_all, fingerprints, `store.prepare`), so a cleaning worker process can
    do it; picklable.  `parts` has one (result id, partial, why rejected or None, reject detail,
    Prepared or None) per cleaning result, in order."""

    parts: list[tuple] = field(default_factory=list)
    clean_seconds: float = 0.0
    prepare_seconds: float = 0.0
    error: str | None = None


def rejection(result) -> str | None:
    """Why a cleaning result cannot be stored (None: it can)."""
    if result.usable:
        return None
    return result.rejection or "empty"


def cleaning_options(settings) -> dict:
    """The crawl's cleaning options as plain values, `cleaners.pipeline.Options(**them)` where the
    cleaning happens: the crawler process of a writer-process crawl never imports the cleaners'
    pipeline (~0.2 s of start-up before the first request)."""
    return {"script": settings.get("WENKU_SCRIPT", "simplified")}


def clean_document(item: DocumentItem, options) -> Cleaned:
    """Clean one fetched document and prepare its results for the store (the CPU-heavy half);
    `options` is a `cleaners.pipeline.Options`."""
    from cleaners import dedup
    from cleaners import pipeline as cleaning
    from cleaners.store import prepare
    started = time.thread_time()      # CPU seconds: what the benchmark's "share of time" means
    try:
        results = cleaning.clean_all(to_document(item), options)
        fingerprints = [dedup.fingerprint(r.text or "") if r.usable else None for r in results]
        cleaned_at = time.thread_time()
        parts = []
        for result, fingerprint in zip(results, fingerprints):
            why = rejection(result)
            parts.append((result.id, result.partial, why, result.flags.get("reject_detail", ""),
                          None if why else prepare(result, fingerprint)))
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the crawl
        return Cleaned(error=f"error cleaning {item.url} ({item.site} {item.id}): {type(exc).__name__}: {exc}; "
                             f"please report this page\n{traceback.format_exc()}")
    return Cleaned(parts, cleaned_at - started, time.thread_time() - cleaned_at)


def record_document(state, item: DocumentItem, cleaned: Cleaned, refresh: bool) -> Report:
    """Add a cleaned document's results to the store and record it in the ledger (the half that
    needs the store; `state` is the output folder's OutputState in the process that owns it)."""
    report = Report(clean_seconds=cleaned.clean_seconds)
    if cleaned.error is not None:
        report.logs.append((logging.ERROR, cleaned.error))
        report.counts["failed"] += 1
        return report
    started = time.thread_time()
    if state.holds(item.site, item.id) and not (refresh or item.replace):
        report.counts["duplicate"] += 1     # fetched twice in one run (e.g. re-discovered after a resume)
        return report
    statuses, stored = [], []
    for result_id, partial, why, detail, prepared in cleaned.parts:
        if why is not None:
            statuses.append("rejected")
            report.logs.append((logging.INFO, f"no document left in {item.url} after cleaning ({why})"))
            with RejectLog(state.out_dir) as rejects:
                rejects.add(why, id=result_id, url=item.url, detail=detail)
            continue
        outcome = state.store.add_prepared(prepared)
        statuses.append(outcome.status)
        stored.append(result_id)
        if outcome.status in ("kept", "replaced") and partial:
            report.counts["partial"] += 1
    for status in statuses:
        report.counts[{"exact_dup": "duplicate", "near_dup": "duplicate", "replaced": "kept"}.get(status, status)] += 1
    if len(cleaned.parts) > 1:
        report.counts["compilations_split"] += 1
    state.ledger.add({"site": item.site, "id": item.id, "url": item.url, "outcomes": statuses, "results": stored})
    report.store_seconds = cleaned.prepare_seconds + time.thread_time() - started
    return report


def store_document(state, item: DocumentItem, options, refresh: bool) -> Report:
    """Clean a fetched text document, add its results to the store, record it in the ledger."""
    return record_document(state, item, clean_document(item, options), refresh)


def apply_report(crawler, report: Report) -> None:
    """Count a document's outcomes in the crawler's stats and log what happened to it."""
    stats = crawler.stats
    for outcome, n in report.counts.items():
        stats.inc_value(f"wenku/docs/{outcome}", n)
    if report.clean_seconds:
        stats.inc_value("wenku/clean_seconds", report.clean_seconds, start=0.0)
    if report.store_seconds:
        stats.inc_value("wenku/store_seconds", report.store_seconds, start=0.0)
    for level, message in report.logs:
        logger.log(level, "%s", message)


class CleanAndStorePipeline:
    """Cleans each document item and adds it to the output store; counts outcomes per site.

    WENKU_WRITER="process" (the default) hands text documents to the writer process of
    the output folder (crawler/writer.py) and goes on at once: cleaning and storing run
    on another core while the engine keeps fetching.  "inline" cleans and stores here.
    Tier B/C metadata records are always written from the crawler process.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.options = cleaning_options(crawler.settings)
        self.refresh = crawler.settings.getbool("WENKU_REFRESH")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None):
        self.state = output_state.for_crawler(self.crawler)

    async def close_spider(self, spider=None):
        """Wait until the writer has stored every document of this crawl (its stats need them)."""
        finish = getattr(self.state, "finish", None)
        if finish is not None:
            await finish(self.crawler)

    @cached_property
    def inline_options(self):
        """The options as the cleaners take them, for cleaning in this process ("inline")."""
        from cleaners.pipeline import Options
        return Options(**self.options)

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
        submit = getattr(self.state, "submit", None)
        if submit is not None:
            await submit(self.crawler, item, self.options, self.refresh)
        else:
            apply_report(self.crawler, store_document(self.state, item, self.inline_options, self.refresh))
        return item
