"""The item pipeline: fetched pages -> cleaners -> dedup/output store.

The same `cleaners.pipeline.clean_all` and `cleaners.store.Store` the CLI uses,
so a crawled document and a cleaned file come out identically and land in the
same `manifest.jsonl`.  Tier B/C items only add a line to `metadata.jsonl`.
The hand-over itself (cleaning, recording, the writer process) is crawler/handoff/.
"""
from __future__ import annotations

import logging
from functools import cached_property

from crawler.handoff import state as output_state
from crawler.handoff.documents import cleaning_options, metadata_record, pipeline_options
from crawler.handoff.recording import apply_report, store_document
from crawler.items import BLOCKED, FAILED, METADATA, DocumentItem

logger = logging.getLogger(__name__)


class CleanAndStorePipeline:
    """Cleans each document item and adds it to the output store; counts outcomes per site.

    WENKU_WRITER="process" (the default) hands text documents to the writer process of
    the output folder (crawler/handoff/writer.py) and goes on at once: cleaning and storing run
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
        return pipeline_options(self.options, self.state.out_dir)

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
