"""Downloader/spider middlewares: replica routing, politeness, block pages, incremental skip.

Request order (low numbers first): KnownDocument (50) -> BlockPage (60) ->
robots.txt (100) -> ... -> RetryAfter (560) -> ReplicaAddress (990) -> network.
Responses travel back in the opposite order, so the replica mapping is undone
before anything else looks at a URL.
"""
from __future__ import annotations

import logging
import re
import time
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit, urlunsplit

from scrapy import signals
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.dupefilters import BaseDupeFilter
from scrapy.exceptions import IgnoreRequest, NotConfigured

from cleaners import profiles
from cleaners.profiles import fold_host

from crawler.handoff import state as output_state
from crawler.items import DocumentItem
from crawler.urls import canonical_key, hostname

logger = logging.getLogger(__name__)

ORIGINAL_URL = "wenku_original_url"
JUDGED = "wenku_block_judged"       # BlockPageMiddleware looked at this request's response already
BLOCKED = "wenku_blocked"
# Block pages seen on these sites (sites.md §5.5), always checked; profiles add their own.
DEFAULT_BLOCK_MARKERS = (
    "网络环境安全验证", "浏览器安全检查中", "预览过于频繁，请输入验证码", "预览过于频繁,请输入验证码",
    'id="captcha_reading"', 'id="verifyCode"', "ImageVerifierCode",
)


def original_host(request) -> str:
    return fold_host(hostname(request.meta.get(ORIGINAL_URL) or request.url))


def _slot(crawler, request):
    engine = crawler.engine
    key = request.meta.get("download_slot")
    return key, (engine.downloader.slots.get(key) if engine and key else None)


def pause_slot(crawler, request, seconds: float) -> None:
    """Make the request's host wait `seconds` before its next request (per-host back-off)."""
    key, slot = _slot(crawler, request)
    if slot is None:
        return
    saved = crawler.__dict__.setdefault("_wenku_paused_slots", {})
    saved.setdefault(key, slot.delay)
    slot.delay = max(slot.delay, seconds)
    slot.lastseen = time.monotonic()


def drop_queued(crawler, request, reason: str) -> int:
    """Fail the requests already waiting in the host's download slot (they passed the
    middlewares before the host was given up); returns how many."""
    key, slot = _slot(crawler, request)
    dropped = 0
    while slot is not None and slot.queue:
        queued, deferred = slot.queue.popleft()
        queued.meta[BLOCKED] = reason
        deferred.errback(IgnoreRequest(reason))
        dropped += 1
    return dropped


def resume_slot(crawler, request) -> None:
    """Give a paused host its own delay back (after a normal response)."""
    key, slot = _slot(crawler, request)
    saved = crawler.__dict__.get("_wenku_paused_slots", {})
    if slot is not None and key in saved:
        slot.delay = saved.pop(key)


def swap_url(request, url: str) -> None:
    """Point a request at `url`, made of the parts of its already-escaped URL: `_set_url` would
    escape it again (and IDNA-encode the host), twice per page, for nothing."""
    request._url = url


class ReplicaAddressMiddleware:
    """Send every request to REPLICA_ADDRESS (127.0.0.1:PORT) with the original Host header.

    The request's URL is rewritten only while it is on the wire: responses (and the
    request objects that redirect/retry middlewares copy) get their original URL
    back, so spiders, robots.txt caching, redirects and ids never see the replica.
    """

    def __init__(self, address: str):
        self.address = address

    @classmethod
    def from_crawler(cls, crawler):
        address = crawler.settings.get("REPLICA_ADDRESS")
        if not address:
            raise NotConfigured
        return cls(address)

    def process_request(self, request, spider=None):
        original = request.meta.get(ORIGINAL_URL)
        if original is None or urlsplit(request.url).netloc != self.address:
            original = request.url
        parts = urlsplit(original)
        request.meta[ORIGINAL_URL] = original
        request.meta.setdefault("download_slot", fold_host(parts.hostname or ""))
        request.headers["Host"] = parts.netloc
        swap_url(request, urlunsplit(("http", self.address, parts.path or "/", parts.query, "")))
        return None

    def _restore(self, request):
        original = request.meta.pop(ORIGINAL_URL, None)
        if original:
            swap_url(request, original)
            request.headers.pop("Host", None)
        return original

    def process_response(self, request, response, spider=None):
        """The response under its original URL; changed in place (the download handler made it
        for this request alone), not copied with `replace`, which rebuilds it for every page."""
        original = self._restore(request)
        if original and response.url != original:
            response._set_url(original)
        return response

    def process_exception(self, request, exception, spider=None):
        self._restore(request)
        return None


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
        """Default markers (literal) plus the host's profile and the generic profile's (regexes)."""
        if host not in self._patterns:
            profile = profiles.for_url(f"http://{host}/")
            found = [re.compile(re.escape(m)) for m in DEFAULT_BLOCK_MARKERS]
            for source in {profile, profiles.generic()}:
                found += [re.compile(p) for p in source.block_markers]
            self._patterns[host] = found
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
        reason = self.block_reason(host, response.body)
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
