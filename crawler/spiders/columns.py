"""Column crawling for the generic spider: a government column URL alone -> every article and attachment.

    scrapy crawl generic -a start=URL[,URL...] [-a allow_hosts=HOST[,HOST...]]

A start URL is read as a listing (crawler/listings/: repeated dated item links, TRS script
pagers, Hanweb datastore + dataproxy, gkmlpt directory + JSON API); its pages are followed one
after the other to the end, every listed article on the start URL's host is fetched, and the
files an article links (PDF, Word, WPS, OFD, sheets) become documents of their own
(`attachment_of`, `format`, and the article's date and source in their metadata).  A start
URL that is no listing is a document itself.  Other hosts are not followed unless named in
`allow_hosts`.

Reruns (crawler/listings/incremental.py): held articles are not fetched again unless their
listed date changed (or, with WENKU_REVALIDATE, the server's ETag / Last-Modified says so);
a listing is read only until WENKU_LISTING_MARGIN held rows in a row were seen.
"""
from __future__ import annotations

import json
from functools import cached_property
from urllib.parse import urlsplit

import lxml.html
import scrapy
from lxml import etree
from scrapy import exceptions as scrapy_exceptions
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError

from cleaners.profiles import fold_host
from cleaners.steps.decode import decode_bytes
from cleaners.steps.page_metadata import read_html
from cleaners.store.rejects import REJECTS_NAME, RejectLog

from crawler import listings
from crawler.attachments import attachment_links
from crawler.handoff import state as output_state
from crawler.items import BLOCKED, FAILED, DocumentItem, page_from_response
from crawler.listings.incremental import KNOWN, NEW, REVALIDATE, ListedLog, conditional_headers, verdict
from crawler.middlewares import BLOCKED as BLOCKED_META
from crawler.urls import hostname, strip_tracking, url_id

LISTING_PRIORITY, DOCUMENT_PRIORITY = 15, 10
INHERITED = ("date", "source")          # what an attachment takes from its article's page
TOO_LARGE = "too large"
# A download cut at `download_maxsize`: Scrapy >= 2.13 raises its own error, older ones Twisted's.
CANCELLED = tuple(e for e in (getattr(scrapy_exceptions, "DownloadCancelledError", None), CancelledError) if e)


def decoded(response) -> str:
    content_type = response.headers.get(b"Content-Type")
    text, _ = decode_bytes(response.body, content_type.decode("latin-1") if content_type else None)
    return text or ""


def html_root(text: str):
    try:
        return lxml.html.document_fromstring(text or "<html/>")
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring("<html/>")


class ColumnCrawl:
    """Mixed into GenericSpider; uses its `hosts` (folded hosts in scope) and `crawler`."""

    hosts: set[str]

    # ------------------------------------------------------------------ settings and state
    @cached_property
    def refresh(self) -> bool:
        return self.settings.getbool("WENKU_REFRESH", False)

    @cached_property
    def margin(self) -> int:
        return self.settings.getint("WENKU_LISTING_MARGIN", 5)

    @cached_property
    def listed(self) -> ListedLog:
        return ListedLog(self.settings.get("WENKU_OUT"))

    @cached_property
    def requested(self) -> set[str]:
        """URLs of articles and attachments asked for in this run (a pinned row is listed on every page)."""
        return set()

    @cached_property
    def too_large(self) -> set[str]:
        """Attachment URLs an earlier run refused for their size (rejects.jsonl): not fetched again."""
        path = self.settings.get("WENKU_OUT") and f"{self.settings.get('WENKU_OUT')}/{REJECTS_NAME}"
        found = set()
        try:
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError:
                        continue
                    if record.get("reason") == TOO_LARGE and record.get("url"):
                        found.add(record["url"])
        except (OSError, TypeError):
            pass
        return found

    def in_scope(self, url: str) -> bool:
        return fold_host(hostname(url)) in self.hosts

    def holds(self, site: str, doc_id: str) -> bool:
        return output_state.for_crawler(self.crawler).holds(site, doc_id)

    # ------------------------------------------------------------------ listings
    def column_request(self, url: str) -> scrapy.Request:
        """The start URL, read as a listing (a `#fragment` names one column of a directory)."""
        only = urlsplit(url).fragment or None
        return scrapy.Request(strip_tracking(url), callback=self.parse_listing_page, priority=LISTING_PRIORITY,
                              meta={"listing": {"pages": 1, "known_run": 0, "state": {"only": only}, "start": True}})

    def listing_request(self, page: listings.PageRequest, listing: dict) -> scrapy.Request:
        return scrapy.Request(page.url, method=page.method, body=page.body, headers=dict(page.headers),
                              callback=self.parse_listing_page, priority=LISTING_PRIORITY,
                              meta={"listing": {**listing, "state": page.state, "start": False}})

    def parse_listing_page(self, response):
        listing = response.meta["listing"]
        if response.meta.get(BLOCKED_META):
            self.logger.warning("Listing page %s blocked: %s", response.url, response.meta[BLOCKED_META])
            return
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        text = decoded(response)
        page = listings.read(response.url, text, content_type, listing["state"])
        if page is None:
            if listing["start"]:            # a start URL that lists nothing is a document itself
                yield from self.start_document(response, text)
            else:
                self.logger.info("%s lists no articles", response.url)
            return
        self.crawler.stats.inc_value("wenku/listing/pages")
        for column in page.columns:         # a directory: every column is a listing of its own
            yield self.listing_request(column, {"pages": 1, "known_run": 0})
        run = listing["known_run"]
        for entry in page.entries:
            request, known = self.article_request(entry)
            if request is not None:
                yield request
            if known is not None:
                run = run + 1 if known else 0
        limit = self.settings.getint("WENKU_MAX_LISTING_PAGES", 200)
        if page.next is None:
            return
        if not self.refresh and run >= self.margin:
            self.crawler.stats.inc_value("wenku/listing/stopped_at_known")
            self.logger.info("%s: %d held articles in a row; the listing's further pages are not read", response.url, run)
        elif listing["pages"] < limit:
            yield self.listing_request(page.next, {"pages": listing["pages"] + 1, "known_run": run})

    def article_request(self, entry: listings.Entry) -> tuple[scrapy.Request | None, bool | None]:
        """The request a listed article needs on this run, and whether it counts as known
        (None: not counted, e.g. listed twice on one run or off the hosts in scope)."""
        url = strip_tracking(entry.url)
        if not self.in_scope(url) or url in self.requested:
            return None, None
        site, doc_id = fold_host(hostname(url)), url_id(url)
        record = self.listed.get(site, doc_id)
        judged = NEW if self.refresh else verdict(self.holds(site, doc_id), entry.date, record, self.settings.getbool(
            "WENKU_REVALIDATE", False))
        self.crawler.stats.inc_value(f"wenku/listing/{judged}")
        if judged == KNOWN:
            # held and unchanged: found, as a profile spider's known-document skip counts it
            self.crawler.stats.inc_value("wenku/known_skipped")
            return None, True
        self.requested.add(url)
        meta = {"site": site, "doc_url": url, "doc_page": 1, "listed_date": entry.date}
        # A held article goes past the known-document skip under `refetch_id` and replaces its copy.
        meta["doc_id" if judged == NEW else "refetch_id"] = doc_id
        headers = {}
        if judged == REVALIDATE:
            headers = conditional_headers(record)
            meta["handle_httpstatus_list"] = [304]
        request = scrapy.Request(url, callback=self.parse_article, errback=self.article_failed, headers=headers,
                                 priority=DOCUMENT_PRIORITY, meta=meta)
        return request, judged == REVALIDATE       # a held article being revalidated counts as known

    # ------------------------------------------------------------------ articles
    def parse_article(self, response):
        meta = response.meta
        doc_id, site, url = meta.get("doc_id") or meta["refetch_id"], meta["site"], meta["doc_url"]
        if meta.get(BLOCKED_META):
            yield DocumentItem(id=doc_id, site=site, url=url, status=BLOCKED, reason=meta[BLOCKED_META])
            return
        if response.status == 304:
            self.crawler.stats.inc_value("wenku/listing/unchanged")
            self.crawler.stats.inc_value("wenku/known_skipped")
            return
        self.listed.record(site, doc_id, url, meta.get("listed_date"), header(response, b"ETag"),
                           header(response, b"Last-Modified"))
        yield DocumentItem(id=doc_id, site=site, url=url, pages=[page_from_response(response)],
                           replace=bool(meta.get("refetch_id")))
        yield from self.attachment_requests(response, url)

    def start_document(self, response, text: str):
        url = strip_tracking(response.url)
        site = fold_host(hostname(url))
        yield DocumentItem(id=url_id(url), site=site, url=url, pages=[page_from_response(response)])
        yield from self.attachment_requests(response, url, text)

    def article_failed(self, failure):
        request = failure.request
        if failure.check(IgnoreRequest):
            return
        reason = f"HTTP {failure.value.response.status}" if failure.check(HttpError) else \
            f"{type(failure.value).__name__}: {failure.value}"
        doc_id = request.meta.get("doc_id") or request.meta.get("refetch_id")
        self.logger.info("Article %s failed: %s", request.url, reason)
        yield DocumentItem(id=doc_id, site=request.meta.get("site", ""), url=request.meta.get("doc_url") or request.url,
                           status=FAILED, reason=reason)

    # ------------------------------------------------------------------ attachments
    def attachment_requests(self, response, article_url: str, text: str | None = None):
        if not self.settings.getbool("WENKU_ATTACHMENTS", True):
            return
        text = decoded(response) if text is None else text
        links = [(u, f) for u, f, _ in attachment_links(html_root(text), response.url)
                 if self.in_scope(u) and u not in self.requested and (self.refresh or u not in self.too_large)]
        if not links:
            return
        inherited = {c.before: c.after for c in read_html(text) if c.before in INHERITED}
        for url, fmt in links:
            self.requested.add(url)
            yield scrapy.Request(url, callback=self.parse_attachment, errback=self.attachment_failed,
                                 priority=DOCUMENT_PRIORITY, meta={
                                     "doc_id": url_id(url), "site": fold_host(hostname(url)), "doc_url": url, "doc_page": 1,
                                     "download_maxsize": self.settings.getint("WENKU_ATTACHMENT_MAX_BYTES", 30 << 20),
                                     "attachment": {"attachment_of": article_url, "format": fmt, **inherited}})

    def parse_attachment(self, response):
        meta = response.meta
        if meta.get(BLOCKED_META):
            yield DocumentItem(id=meta["doc_id"], site=meta["site"], url=meta["doc_url"], status=BLOCKED,
                               reason=meta[BLOCKED_META])
            return
        yield DocumentItem(id=meta["doc_id"], site=meta["site"], url=meta["doc_url"],
                           pages=[page_from_response(response)], meta=dict(meta["attachment"]))

    def attachment_failed(self, failure):
        """A file not fetched: too large for WENKU_ATTACHMENT_MAX_BYTES, an HTTP error, a network error."""
        request = failure.request
        if failure.check(IgnoreRequest) and not request.meta.get(BLOCKED_META):
            return          # robots.txt, already held
        if failure.check(*CANCELLED):
            reason, detail = TOO_LARGE, f"over WENKU_ATTACHMENT_MAX_BYTES={request.meta.get('download_maxsize')}"
        elif failure.check(HttpError):
            reason, detail = "failed", f"HTTP {failure.value.response.status}"
        else:
            reason, detail = "failed", request.meta.get(BLOCKED_META) or f"{type(failure.value).__name__}: {failure.value}"
        with RejectLog(self.settings.get("WENKU_OUT")) as rejects:
            rejects.add(reason, id=request.meta["doc_id"], url=request.meta["doc_url"],
                        where=request.meta["attachment"]["attachment_of"], detail=detail)
        yield DocumentItem(id=request.meta["doc_id"], site=request.meta["site"], url=request.meta["doc_url"],
                           status=FAILED, reason=f"{reason}: {detail}")


def header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
