"""Politeness and redirects: 429/503 Retry-After back-off per host, and meta-refresh redirects
looked for only where they can be."""
from __future__ import annotations

import logging
import re
import time
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware

from crawler.middlewares.slots import pause_slot, resume_slot

logger = logging.getLogger(__name__)


class QuickMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's MetaRefreshMiddleware, asked only about pages whose head mentions "refresh".

    Scrapy's looks for `<meta http-equiv="refresh">` in every HTML page by decoding the whole
    body (encoding sniffing included) and stripping tags from its first 4096 characters;
    on a crawl of thousands of pages without one, that is a share of each page's CPU.  The
    tag cannot be there if the word is not: the first 16 KiB of bytes hold 4096 characters
    in any ASCII-compatible encoding (UTF-8 needs at most 4 bytes a character)."""

    HEAD_BYTES = 4 * 4096
    WORD = re.compile(rb"(?i)refresh")

    def process_response(self, request, response, spider=None):
        if not self.WORD.search(response.body, 0, self.HEAD_BYTES):
            return response
        return super().process_response(request, response)


class RetryAfterMiddleware:
    """Honour 429/503 + Retry-After: back the host's download slot off, then retry.

    AutoThrottle ignores these statuses, so without this a throttled crawl keeps
    hammering.  The wait is per host (the downloader slot), capped, and retried a
    bounded number of times; the slot gets its own delay back after the next success.
    """

    STATUSES = (429, 503)

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.default_wait = settings.getfloat("WENKU_RETRY_AFTER_DEFAULT", 10.0)
        self.max_wait = settings.getfloat("WENKU_RETRY_AFTER_MAX", 120.0)
        self.max_times = settings.getint("WENKU_RETRY_AFTER_TIMES", 4)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def wait_for(self, response) -> float:
        """Seconds to wait: the Retry-After header (delta or HTTP date), else the default."""
        header = response.headers.get(b"Retry-After")
        wait = None
        if header:
            value = header.decode("latin-1").strip()
            try:
                wait = float(value)
            except ValueError:
                try:
                    wait = parsedate_to_datetime(value).timestamp() - time.time()
                except (TypeError, ValueError):
                    wait = None
        if wait is None:
            wait = self.default_wait
        return min(max(wait, 0.0), self.max_wait)

    def process_response(self, request, response, spider=None):
        if response.status not in self.STATUSES:
            resume_slot(self.crawler, request)
            return response
        stats = self.crawler.stats
        stats.inc_value(f"wenku/throttled/{response.status}")
        times = request.meta.get("retry_after_times", 0) + 1
        if times > self.max_times:
            logger.warning("Giving up on %s after %d x HTTP %d", request.url, times - 1, response.status)
            stats.inc_value("wenku/throttled/gave_up")
            return response
        wait = self.wait_for(response)
        pause_slot(self.crawler, request, wait)
        logger.info("HTTP %d from %s: backing %s off %.1fs (retry %d/%d)",
                    response.status, request.url, request.meta.get("download_slot"), wait, times, self.max_times)
        retry = request.replace(dont_filter=True)
        retry.meta["retry_after_times"] = times
        retry.priority = request.priority - 1
        return retry
