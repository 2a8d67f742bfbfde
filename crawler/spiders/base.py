"""Shared spider plumbing: decoding for navigation, document requests and items.

Spiders find and fetch only.  They read the page (correctly decoded, via the
cleaners' decoder) just enough to find links and the page count; the raw bytes
go to the item pipeline untouched.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

import scrapy
from lxml import etree, html
from parsel import Selector
from parsel.csstranslator import css2xpath
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

from cleaners.steps.decode import decode_bytes
from cleaners.steps.extract import DEFAULT_MAX_ELEMENTS, element_estimate

from crawler.items import BLOCKED, FAILED, DocumentItem, FetchedPage
from crawler.middlewares import BLOCKED as BLOCKED_META


def crawl_key(name: str, arguments: dict) -> str:
    """The spider's name, and a digest of the start arguments it was given (`-a key=value`), as
    a distributed crawl keys its queue (crawler/cluster/keys.py): the same command gives the same
    key on every worker, other arguments another crawl."""
    given = {key: value for key, value in arguments.items() if value not in (None, "")}
    if not given:
        return name
    digest = hashlib.sha1(json.dumps(given, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()
    return f"{name}:{digest[:12]}"


# One parser for every page: parsel makes a new one per page (a third of a small page's parse).
HTML_PARSER = html.HTMLParser(recover=True, encoding="utf-8", huge_tree=True)


def page_selector(response) -> Selector:
    """A selector over the page decoded from its bytes (not Scrapy's guess, which
    reads an undeclared GBK page as cp1252), parsed the way parsel parses HTML text."""
    content_type = response.headers.get(b"Content-Type")
    text, _ = decode_bytes(response.body, content_type.decode("latin-1") if content_type else None)
    if element_estimate(text or "") > DEFAULT_MAX_ELEMENTS:
        # Links of a page of millions of elements are not worth gigabytes of tree: the page is
        # handed on unparsed, and the cleaners reject it with the limit as the reason.
        text = ""
    data = (text or "").strip().replace("\x00", "").encode("utf-8") or b"<html/>"
    root = etree.fromstring(data, parser=HTML_PARSER, base_url=response.url)
    if root is None:
        root = etree.fromstring(b"<html/>", parser=HTML_PARSER, base_url=response.url)
    return Selector(root=root, type="html")


@lru_cache(maxsize=1024)
def compiled_query(query: str) -> etree.XPath:
    """A profile selector compiled once: CSS (parsel's dialect, `::attr()`/`::text`) or XPath."""
    xpath = query if query.startswith(("/", "(")) else css2xpath(query)
    return etree.XPath(xpath, namespaces={"re": "http://exslt.org/regular-expressions"}, smart_strings=False)


def query_values(sel: Selector, query: str) -> list[str]:
    """What `sel.xpath(query).getall()` (or `.css`) returns, without wrapping every attribute
    and text node in a Selector first (most of the cost of link extraction)."""
    try:
        values = compiled_query(query)(sel.root)
    except etree.XPathError:
        values = None
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        # elements, numbers, odd expressions: parsel's own rendering
        return (sel.xpath(query) if query.startswith(("/", "(")) else sel.css(query)).getall()
    return values


def select_all(sel: Selector, selectors, default: str = "::attr(href)") -> list[str]:
    """Values of every selector, in order: CSS (`::attr(x)`/`::text` allowed; a bare
    element selector means its href) or XPath (starting with `/` or `(`)."""
    out: list[str] = []
    for query in selectors:
        if not query.startswith(("/", "(")) and "::" not in query:
            query += default
        out += [v.strip() for v in query_values(sel, query) if v and v.strip()]
    return out


class WenkuSpider(scrapy.Spider):
    """Base for the profile spiders and the generic spider: items and failure handling."""

    site = ""
    tier = "A"

    def document_item(self, response, doc_id: str, pages: list[FetchedPage], page_count: int | None,
                      **meta) -> DocumentItem:
        return DocumentItem(id=doc_id, site=self.site, url=response.meta.get("doc_url") or response.url,
                            pages=pages, page_count=page_count, tier=self.tier, meta=meta)

    def blocked_item(self, request, reason: str) -> DocumentItem:
        return DocumentItem(id=request.meta["doc_id"], site=request.meta.get("site", self.site),
                            url=request.meta.get("doc_url") or request.url, status=BLOCKED,
                            tier=self.tier, reason=reason)

    def doc_failed(self, failure):
        """Errback of document requests: a block, a backed-off host, a 404, a network error."""
        request = failure.request
        if not request.meta.get("doc_id"):
            return
        pages = request.meta.get("pages") or []
        blocked = request.meta.get(BLOCKED_META)
        if pages:
            # a later preview page failed or was blocked: keep what was read; the page count flags it partial
            meta = {"pages_failed": blocked or str(failure.value)}
            if request.meta.get("pages_seen") is not None:
                meta["pages_seen"] = request.meta["pages_seen"]
            yield DocumentItem(id=request.meta["doc_id"], site=self.site, url=request.meta.get("doc_url"),
                               pages=pages, page_count=request.meta.get("page_count"), tier=self.tier, meta=meta)
            return
        if blocked:
            yield self.blocked_item(request, blocked)
            return
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        elif failure.check(IgnoreRequest):
            return      # robots.txt, already held, max_docs: nothing to record
        else:
            reason = f"{type(failure.value).__name__}: {failure.value}"
        self.logger.info("Document %s failed: %s", request.url, reason)
        yield DocumentItem(id=request.meta["doc_id"], site=self.site, url=request.meta.get("doc_url") or request.url,
                           status=FAILED, tier=self.tier, reason=reason)

