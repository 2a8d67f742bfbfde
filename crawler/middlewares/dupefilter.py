"""The request dupefilter: one request per document or per canonical URL, in memory only."""
from __future__ import annotations

import logging

from scrapy.dupefilters import BaseDupeFilter

from crawler.middlewares import ORIGINAL_URL
from crawler.urls import canonical_key

logger = logging.getLogger(__name__)


class CanonicalDupeFilter(BaseDupeFilter):
    """One request per document (site + canonical id) or per canonical URL; in memory only.

    Deliberately not persisted to JOBDIR: a request in flight when a crawl is
    killed would be remembered as seen and never fetched again.  Re-discovered
    documents are instead skipped by KnownDocumentMiddleware once they are held.
    """

    def __init__(self, debug: bool = False):
        self.seen: set[tuple] = set()
        self.debug = debug

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getbool("DUPEFILTER_DEBUG"))

    @staticmethod
    def key(request) -> tuple:
        doc_id = request.meta.get("doc_id")
        page = request.meta.get("doc_page", 1)
        if doc_id and page == 1 and not request.meta.get("redirect_times"):
            return ("doc", request.meta.get("site", ""), doc_id)
        return (request.method, canonical_key(request.meta.get(ORIGINAL_URL) or request.url), request.body)

    def request_seen(self, request) -> bool:
        key = self.key(request)
        if key in self.seen:
            return True
        self.seen.add(key)
        return False

    def log(self, request, spider=None):
        if self.debug:
            logger.debug("Filtered duplicate request %s", request)
