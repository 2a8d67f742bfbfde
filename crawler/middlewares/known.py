"""Incremental crawling and -a max_docs: documents the output folder holds are not fetched
again, and at most N new ones are scheduled."""
from __future__ import annotations

from scrapy.exceptions import IgnoreRequest, NotConfigured

from crawler.handoff import state as output_state
from crawler.items import DocumentItem


class KnownDocumentMiddleware:
    """Incremental crawling: never fetch a document page whose id the output already holds.

    Asked per request (not once at start), so a document fetched twice in one run —
    e.g. re-discovered after a resume — is fetched only once.  WENKU_REFRESH=True
    (`-s WENKU_REFRESH=True`) re-fetches everything.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.refresh = crawler.settings.getbool("WENKU_REFRESH", False)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        doc_id = request.meta.get("doc_id")
        if self.refresh or not doc_id or request.meta.get("doc_page", 1) != 1:
            return None
        state = output_state.for_crawler(self.crawler)
        if state.holds(request.meta.get("site", ""), doc_id):
            self.crawler.stats.inc_value("wenku/known_skipped")
            raise IgnoreRequest(f"already held: {request.meta.get('site')} {doc_id}")
        return None


class MaxDocsMiddleware:
    """`-a max_docs=N`: schedule at most N new documents, then stop discovering.

    Counted on outgoing first-page document requests that are not already held,
    so an incremental run fetches up to N *new* documents.
    """

    def __init__(self, crawler):
        self.crawler = crawler
        self.scheduled: set[tuple[str, str]] = set()
        self.refresh = crawler.settings.getbool("WENKU_REFRESH", False)

    @classmethod
    def from_crawler(cls, crawler):
        """Not installed when the crawler's spider has no max_docs: every request and item of
        every page would otherwise pass through one more async generator for nothing."""
        spider = getattr(crawler, "spider", None)
        if spider is not None and cls._limit(spider) is None:
            raise NotConfigured     # no message: Scrapy would log it as a warning on every crawl
        return cls(crawler)

    @staticmethod
    def _limit(spider):
        value = getattr(spider, "max_docs", None)
        return int(value) if value not in (None, "", "0", 0) else None

    def _keep(self, request, spider) -> bool:
        limit = self._limit(spider)
        doc_id = request.meta.get("doc_id") if hasattr(request, "meta") else None
        if limit is None or not doc_id or request.meta.get("doc_page", 1) != 1:
            return True
        key = (request.meta.get("site", ""), doc_id)
        if key in self.scheduled:
            return True
        if not self.refresh and output_state.for_crawler(self.crawler).holds(*key):
            return True     # skipped downstream, does not count
        if len(self.scheduled) >= limit:
            self.crawler.stats.inc_value("wenku/max_docs_dropped")
            return False
        self.scheduled.add(key)
        return True

    def process_spider_output(self, response, result, spider=None):
        for obj in result:
            if isinstance(obj, DocumentItem) or self._keep(obj, spider or self.crawler.spider):
                yield obj

    async def process_spider_output_async(self, response, result, spider=None):
        async for obj in result:
            if isinstance(obj, DocumentItem) or self._keep(obj, spider or self.crawler.spider):
                yield obj

    async def process_start(self, start):
        async for obj in start:
            if isinstance(obj, DocumentItem) or self._keep(obj, self.crawler.spider):
                yield obj
