"""Block pages (WAF/captcha): recognised by the profiles' markers, never retried; the host is
paused, and given up for the run after a few."""
from __future__ import annotations

import logging
import re

from scrapy import signals
from scrapy.exceptions import IgnoreRequest

from cleaners import profiles
from cleaners.profiles import fold_host

from crawler.middlewares import BLOCKED, ORIGINAL_URL
from crawler.middlewares.slots import drop_queued, pause_slot
from crawler.urls import hostname

logger = logging.getLogger(__name__)

JUDGED = "wenku_block_judged"       # BlockPageMiddleware looked at this request's response already


def original_host(request) -> str:
    return fold_host(hostname(request.meta.get(ORIGINAL_URL) or request.url))


class BlockPageMiddleware:
    """Detect WAF/captcha pages, log them, back the host off; never retry the blocked page.

    A block page is passed on with `meta['wenku_blocked']` set (the spider records
    the document as blocked) and pauses its host for WENKU_BLOCK_BACKOFF seconds.
    After WENKU_BLOCK_MAX block pages from one host the host is given up for the
    run: its remaining requests are dropped with the same mark.

    A page is judged as soon as its body is in (the `response_downloaded` signal), before
    the downloader starts the host's next queued request; a compressed body waits for
    `process_response`, after decompression, and then the one request the downloader had
    already started still goes out.
    """

    SCAN_BYTES = 65536

    def __init__(self, crawler):
        self.crawler = crawler
        self.backoff = crawler.settings.getfloat("WENKU_BLOCK_BACKOFF", 1800.0)
        self.max_blocks = crawler.settings.getint("WENKU_BLOCK_MAX", 2)
        self.blocks: dict[str, int] = {}
        self._patterns: dict[str, list[re.Pattern]] = {}
        self._any: dict[str, re.Pattern] = {}

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler)
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        return middleware

    def patterns_for(self, host: str) -> list[re.Pattern]:
        """The generic profile's markers (always checked), then the host's profile's own (regexes)."""
        if host not in self._patterns:
            self._patterns[host] = [re.compile(p) for source in self.profiles_for(host) for p in source.block_markers]
        return self._patterns[host]

    def any_marker(self, host: str) -> re.Pattern | None:
        """All of the host's markers in one regex: one scan of a normal page instead of one per
        marker (None if a marker cannot be combined, e.g. it has inline global flags)."""
        if host not in self._any:
            try:
                self._any[host] = re.compile("|".join(f"(?:{p.pattern})" for p in self.patterns_for(host)))
            except re.error:
                self._any[host] = None
        return self._any[host]

    def block_reason(self, host: str, body: bytes) -> str | None:
        text = sniff_text(body[:self.SCAN_BYTES])
        combined = self.any_marker(host)
        if combined is not None and not combined.search(text):
            return None
        for pattern in self.patterns_for(host):   # the reason: the first marker in profile order
            m = pattern.search(text)
            if m:
                return m.group(0)
        return None

    def profiles_for(self, host: str) -> list:
        """The generic profile, then the host's own when it has one."""
        profile = profiles.for_url(f"http://{host}/")
        return [profiles.generic()] + ([profile] if profile.name != profiles.GENERIC else [])

    def waf_reason(self, host: str, response) -> str | None:
        """A WAF challenge known by its status or the cookies it sets, whatever the body."""
        found = self.profiles_for(host)
        if any(response.status in p.block_statuses for p in found):
            return f"HTTP {response.status} WAF challenge"
        names = [cookie.split(b"=", 1)[0].strip().decode("latin-1")
                 for cookie in response.headers.getlist(b"Set-Cookie")]
        for pattern in (c for p in found for c in p.block_cookies):
            hit = next((name for name in names if re.search(pattern, name)), None)
            if hit:
                return f"WAF cookie {hit}"
        return None

    def given_up(self, host: str) -> bool:
        return self.blocks.get(host, 0) >= self.max_blocks

    def process_request(self, request, spider=None):
        host = original_host(request)
        if self.given_up(host) and not request.url.endswith("/robots.txt"):
            self.crawler.stats.inc_value("wenku/blocked/skipped_requests")
            request.meta[BLOCKED] = f"host {host} given up after {self.blocks[host]} block pages"
            raise IgnoreRequest(request.meta[BLOCKED])
        return None

    def response_downloaded(self, response, request, spider=None):
        """Judge an uncompressed page the moment it is downloaded (see the class doc)."""
        request.meta.pop(JUDGED, None)        # a redirect's new request copies the old one's meta
        if response.headers.get(b"Content-Encoding", b"identity").lower() in (b"identity", b""):
            self.judge(request, response)
            request.meta[JUDGED] = True

    def process_response(self, request, response, spider=None):
        if not request.meta.pop(JUDGED, False):
            self.judge(request, response)
        return response

    def judge(self, request, response) -> None:
        """Count, log and act on a block page: pause its host, or give the host up."""
        host = original_host(request)
        reason = self.waf_reason(host, response) or self.block_reason(host, response.body)
        if reason is None:
            return
        url = request.meta.get(ORIGINAL_URL) or response.url
        self.blocks[host] = self.blocks.get(host, 0) + 1
        stats = self.crawler.stats
        stats.inc_value("wenku/blocked/pages")
        stats.inc_value(f"wenku/blocked/host/{host}")
        if self.given_up(host):
            dropped = drop_queued(self.crawler, request, f"host {host} given up after {self.blocks[host]} block pages")
            logger.warning("Block page from %s (%r): giving %s up for this run after %d block pages "
                           "(%d queued requests dropped)", url, reason, host, self.blocks[host], dropped)
        else:
            logger.warning("Block page from %s (%r): pausing %s for %.0fs; the page is not retried",
                           url, reason, host, self.backoff)
            pause_slot(self.crawler, request, self.backoff)
        request.meta[BLOCKED] = f"block page: {reason}"


def sniff_text(data: bytes) -> str:
    """Enough decoding to look for block markers: UTF-8 if it is, else gb18030, never raising."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3:          # a character cut at the scan boundary
            return data[:exc.start].decode("utf-8", "replace")
        return data.decode("gb18030", "replace")
