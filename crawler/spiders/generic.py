"""The generic spider: official sites (教育局 publish the originals), URL lists, sitemaps.

    scrapy crawl generic -a start=URL[,URL]    a government column (or 信息公开 directory):
                                               its listing read to the end, every article
                                               and attachment on the start hosts fetched;
                                               reruns fetch only what is new or changed
                                               (columns.py; -a allow_hosts=H[,H] widens
                                               the hosts in scope)
    scrapy crawl generic -a urls=FILE          every URL in the file is a document
    scrapy crawl generic -a sitemap=URL        every page the sitemap lists is a document
    scrapy crawl generic -a start=URL -a follow=2 -a doc_pattern='/art/\\d+'
                                               follow links on the start hosts up to
                                               depth 2; pages matching doc_pattern are
                                               documents (without it: every page)

Extraction is the cleaners' business: without a profile they fall back to
trafilatura.  Ids are a hash of the canonical URL, the site is the folded host.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import scrapy
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from cleaners import profiles
from cleaners.profiles import fold_host

from crawler.middlewares import BLOCKED as BLOCKED_META
from crawler.urls import absolute, hostname, strip_tracking, url_id
from crawler.items import page_from_response
from crawler.spiders.arguments import SpiderArgumentError, reject_unknown, whole_number
from crawler.spiders.base import WenkuSpider, crawl_key, page_selector, query_values
from crawler.spiders.columns import ColumnCrawl
from crawler.spiders.profiled import politeness_settings, read_url_file

SKIP_EXTENSIONS = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|zip|rar|7z|exe|mp[34]|avi|woff2?|ttf)$", re.I)
__all__ = ["GenericSpider", "url_id"]


def _pattern(doc_pattern: str) -> re.Pattern:
    try:
        return re.compile(doc_pattern)
    except re.error as exc:
        raise SpiderArgumentError(f"-a doc_pattern={doc_pattern}: not a regular expression ({exc})") from None


class GenericSpider(ColumnCrawl, WenkuSpider):
    name = "generic"

    def __init__(self, urls: str | None = None, start: str | None = None, sitemap: str | None = None,
                 follow: str = "0", doc_pattern: str | None = None, max_docs: str | None = None,
                 allow_hosts: str | None = None, **kwargs):
        reject_unknown(self, kwargs)
        super().__init__(**kwargs)
        self.crawl_key = crawl_key(self.name, {"urls": urls, "start": start, "sitemap": sitemap, "follow": follow,
                                               "doc_pattern": doc_pattern, "max_docs": max_docs,
                                               "allow_hosts": allow_hosts})
        self.urls_file, self.start_arg, self.sitemap = urls, start, sitemap
        self.follow = whole_number("follow", follow, default=0)
        self.doc_pattern = _pattern(doc_pattern) if doc_pattern else None
        self.max_docs = whole_number("max_docs", max_docs)
        if not (urls or start or sitemap):
            raise SpiderArgumentError("the generic spider needs -a urls=FILE, -a start=URL[,URL] or -a sitemap=URL")
        self.hosts = {fold_host(hostname(u)) for u in self.seed_urls()}
        self.hosts |= {fold_host(h.strip()) for h in (allow_hosts or "").split(",") if h.strip()}
        # a start URL alone is a column: read as a listing (columns.py)
        self.column_mode = bool(start) and not (self.follow or doc_pattern)
        # Scrapy's offsite middleware then drops requests to other hosts, redirects included.
        self.allowed_domains = sorted(self.hosts)

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        settings.setdict(politeness_settings(profiles.generic(), settings), priority="spider")

    def seed_urls(self) -> list[str]:
        seeds = []
        if self.urls_file:
            seeds += read_url_file(self.urls_file)
        if self.start_arg:
            seeds += [u.strip() for u in self.start_arg.split(",") if u.strip()]
        if self.sitemap:
            seeds.append(self.sitemap)
        return seeds

    async def start(self):
        if self.urls_file:
            for url in read_url_file(self.urls_file):
                yield self.doc_request(url, depth_left=0)
        if self.start_arg:
            for url in self.start_arg.split(","):
                if url.strip():
                    yield (self.column_request(url.strip()) if self.column_mode
                           else self.page_request(url.strip(), depth_left=self.follow))
        if self.sitemap:
            yield scrapy.Request(self.sitemap, callback=self.parse_sitemap)

    def is_document_url(self, url: str) -> bool:
        return self.doc_pattern.search(url) is not None if self.doc_pattern else True

    def doc_request(self, url: str, depth_left: int) -> scrapy.Request:
        doc_id = url_id(url)
        site = fold_host(hostname(url))
        return scrapy.Request(strip_tracking(url), callback=self.parse_page, errback=self.doc_failed,
                              meta={"doc_id": doc_id, "site": site, "doc_url": strip_tracking(url),
                                    "doc_page": 1, "depth_left": depth_left})

    def page_request(self, url: str, depth_left: int) -> scrapy.Request:
        if self.is_document_url(url):
            return self.doc_request(url, depth_left)
        return scrapy.Request(strip_tracking(url), callback=self.parse_page, meta={"depth_left": depth_left})

    def parse_sitemap(self, response):
        """Sitemap index, urlset or robots.txt: every page URL is a document."""
        body = response.body
        if response.url.endswith(".gz") or body[:2] == b"\x1f\x8b":
            body = gunzip(body)
        if response.url.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.text, base_url=response.url):
                yield scrapy.Request(url, callback=self.parse_sitemap)
            return
        sitemap = Sitemap(body)
        for entry in sitemap:
            loc = entry.get("loc")
            if not loc:
                continue
            if sitemap.type == "sitemapindex":
                yield scrapy.Request(loc, callback=self.parse_sitemap)
            else:
                yield self.doc_request(loc, depth_left=0)

    def parse_page(self, response):
        meta = response.meta
        if meta.get(BLOCKED_META):
            if meta.get("doc_id"):
                yield self.blocked_item(response.request, meta[BLOCKED_META])
            return
        if not hasattr(response, "text") and b"<" not in response.body[:1024]:
            return      # not a page of text (image, archive...)
        if meta.get("doc_id"):
            item = self.document_item(response, meta["doc_id"], [page_from_response(response)], None)
            item.site = meta["site"]
            yield item
        depth_left = meta.get("depth_left", 0)
        if depth_left <= 0:
            return
        for href in query_values(page_selector(response), "a::attr(href)"):
            url = absolute(response.url, href)
            if (url and fold_host(hostname(url)) in self.hosts
                    and not SKIP_EXTENSIONS.search(urlsplit(url).path)):
                yield self.page_request(url, depth_left - 1)
