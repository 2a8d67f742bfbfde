"""One spider per site profile, generated from `cleaners/profiles/*.toml`.

A new TOML profile gives a new spider name (`scrapy crawl <profile name>`); the
class below is the only code.  Tier A profiles fetch documents and their
preview pages; Tier B/C profiles (no text for anonymous visitors) fetch the
document page once and hand it on for metadata only.

Arguments (`-a key=value`):
  query=教育局工作总结   use the site's search (profile `search_url`)
  start=URL[,URL...]     start from these listing/search/document URLs
  urls=FILE              a file of URLs, one per line (# comments allowed)
  max_docs=N             fetch at most N new documents
Without any of them the profile's `start_urls` (listing/category pages) are used.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import scrapy

from cleaners import profiles
from cleaners.page_facts import page_count as stated_page_count
from cleaners.profiles import Profile

from crawler.endpoints import endpoint_text
from crawler.items import METADATA, page_from_response
from crawler.middlewares import BLOCKED as BLOCKED_META
from crawler.urls import absolute, doc_id_for, doc_url_for, same_site, strip_tracking
from crawler.spiders.arguments import SpiderArgumentError, reject_unknown, whole_number
from crawler.spiders.base import WenkuSpider, crawl_key, page_selector, query_values, select_all


def read_url_file(path: str) -> list[str]:
    """URLs from a file, one per line; blank lines and `#` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SpiderArgumentError(f"cannot read the URL list {path}: {exc.strerror or exc}; "
                                  f"pass -a urls=FILE with one URL per line") from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def politeness_settings(profile: Profile, settings) -> dict:
    """Per-host delay/concurrency from the profile, never below the floor; none when WENKU_POLITE is off."""
    if not settings.getbool("WENKU_POLITE", True):
        return {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY_JITTER": 0}
    delay = max(profile.download_delay, settings.getfloat("WENKU_DELAY_FLOOR", 1.0))
    concurrency = max(1, min(profile.concurrency, 2))
    slots = {host: {"delay": delay, "concurrency": concurrency} for host in profile.hosts}
    return {"DOWNLOAD_DELAY": delay, "AUTOTHROTTLE_START_DELAY": delay,
            "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency, "DOWNLOAD_SLOTS": slots}


class ProfileSpider(WenkuSpider):
    """Finds documents through search, listings and related links; fetches their pages."""

    profile_name = ""

    def __init__(self, query: str | None = None, start: str | None = None, urls: str | None = None,
                 max_docs: str | None = None, **kwargs):
        reject_unknown(self, kwargs)
        super().__init__(**kwargs)
        self.crawl_key = crawl_key(self.name, {"query": query, "start": start, "urls": urls, "max_docs": max_docs})
        self.profile: Profile = profiles.get(self.profile_name)
        self.site = self.profile.name
        self.tier = self.profile.tier
        self.query, self.start_arg, self.urls_file = query, start, urls
        self.max_docs = whole_number("max_docs", max_docs)
        self.allowed_domains = sorted({profiles.fold_host(h) for h in self.profile.hosts})
        self.listing_pages = 0
        self.requested: set[str] = set()
        self._doc_ids: dict[str, str | None] = {}

    @classmethod
    def update_settings(cls, settings):
        super().update_settings(settings)
        settings.setdict(politeness_settings(profiles.get(cls.profile_name), settings), priority="spider")

    # ------------------------------------------------------------------ entry points
    def entry_urls(self) -> list[str]:
        if self.query:
            if not self.profile.search_url:
                raise SpiderArgumentError(f"profile {self.site!r} has no search_url; start from listings (no -a query)")
            return [self.profile.search_url.format(query=quote(self.query), page=1)]
        if self.start_arg:
            return [u.strip() for u in self.start_arg.split(",") if u.strip()]
        if self.urls_file:
            return read_url_file(self.urls_file)
        return list(self.profile.extra.get("start_urls", []))

    async def start(self):
        for url in self.entry_urls():
            request = self.request_for(url, listing=True)
            if request is not None:
                yield request

    def request_for(self, url: str, listing: bool = False, **meta) -> scrapy.Request | None:
        """A document request (one per canonical id) or a listing request, or None off-site."""
        if not same_site(self.profile, url):
            return None
        doc_id = self.doc_id_of(url)
        if doc_id:
            if doc_id in self.requested:
                return None     # the dupefilter would drop it too; saves building the request
            self.requested.add(doc_id)
            doc_url = doc_url_for(self.profile, doc_id, url)
            return scrapy.Request(doc_url, callback=self.parse_document, errback=self.doc_failed, priority=10,
                                  meta={"doc_id": doc_id, "site": self.site, "doc_url": doc_url,
                                        "doc_page": 1, **meta})
        if listing and not self.is_page_url(url):
            # next listing pages go first (15 > documents' 10): discovery stays ahead of
            # fetching, so the downloader never drains at the end of a listing page
            return scrapy.Request(strip_tracking(url), callback=self.parse_listing, meta=meta, priority=15)
        return None

    def doc_id_of(self, url: str) -> str | None:
        """`doc_id_for`, remembered per URL: listings and related-document lists link the
        same documents over and over, and parsing a URL costs more than a dict lookup."""
        try:
            return self._doc_ids[url]
        except KeyError:
            if len(self._doc_ids) > 200_000:
                self._doc_ids.clear()
            doc_id = self._doc_ids[url] = doc_id_for(self.profile, url)
            return doc_id

    def is_page_url(self, url: str) -> bool:
        return any(re.search(p, url) for p in self.profile.page_url)

    # ----------------------------------------------------------------- listings
    def parse_listing(self, response):
        """Search results, category listings, home pages: document links and the next page."""
        sel = page_selector(response)
        links = select_all(sel, self.profile.listing_links) if self.profile.listing_links else []
        if not links:
            links = query_values(sel, "a::attr(href)")
        for href in links:
            url = absolute(response.url, href)
            if url and self.doc_id_of(url):
                request = self.request_for(url)
                if request is not None:
                    yield request
        limit = self.settings.getint("WENKU_MAX_LISTING_PAGES", 200)
        for href in select_all(sel, self.profile.next_page)[:1]:
            url = absolute(response.url, href)
            if url and self.listing_pages < limit:
                self.listing_pages += 1
                request = self.request_for(url, listing=True)
                if request is not None:
                    yield request

    # ---------------------------------------------------------------- documents
    def parse_document(self, response):
        """A document page: hand its bytes on, follow its next preview page, find related documents."""
        meta = response.meta
        if meta.get(BLOCKED_META):
            yield self.blocked_item(response.request, meta[BLOCKED_META])
            return
        first = meta.get("doc_page", 1) == 1
        if first:
            meta["doc_url"] = response.url      # after redirects: the site's own canonical page
        sel = page_selector(response)
        pages = [*meta.get("pages", []), page_from_response(response)]
        page_count = meta.get("page_count") or stated_page_count(sel, self.profile)
        if self.tier != "A":
            item = self.document_item(response, meta["doc_id"], pages, page_count)
            item.status = METADATA
            yield item
            return
        follow = (self.endpoint_request(response, sel, pages, page_count) if first else None) \
            or self.next_page_request(response, sel, pages, page_count)
        yield follow or self.document_item(response, meta["doc_id"], pages, page_count)
        hops = meta.get("hops", 0)
        if first and hops < self.settings.getint("WENKU_MAX_RELATED_HOPS", 2):
            for href in select_all(sel, self.profile.related_links):
                url = absolute(response.url, href)
                request = self.request_for(url, hops=hops + 1) if url else None
                if request is not None:
                    yield request

    def continuation(self, response, url: str, callback, pages, page_count, **extra) -> scrapy.Request:
        """The request for the next piece of the same document, carrying what was read so far."""
        keep = {k: v for k, v in response.meta.items() if k in ("doc_id", "site", "doc_url", "depth", "hops")}
        return scrapy.Request(url, callback=callback, errback=self.doc_failed, priority=20,
                              meta={**keep, "doc_page": len(pages) + 1, "pages": pages,
                                    "page_count": page_count, **extra})

    def next_page_request(self, response, sel, pages, page_count) -> scrapy.Request | None:
        """The next preview page the site serves anonymously (link or `_N` URL), within limits."""
        if len(pages) >= self.settings.getint("WENKU_MAX_DOC_PAGES", 50):
            return None
        if page_count and len(pages) >= page_count:
            return None
        for href in select_all(sel, self.profile.doc_next_page):
            url = absolute(response.url, href)
            if url and same_site(self.profile, url) and url != response.url:
                return self.continuation(response, url, self.parse_document, pages, page_count)
        return None

    def endpoint_request(self, response, sel, pages, page_count) -> scrapy.Request | None:
        """First request to the public "继续阅读" text endpoint, when the profile has one.

        Profile fields: `text_endpoint` (URL template with {page} and named variables),
        `text_endpoint_vars` (name -> regex with one group, over the page source; `last_page`
        caps the pages asked for), `text_endpoint_first_page` (selectors for the first page
        number the endpoint serves).
        """
        template = self.profile.extra.get("text_endpoint")
        if not template:
            return None
        source = sel.get()
        values = {}
        for name, pattern in self.profile.extra.get("text_endpoint_vars", {}).items():
            m = re.search(pattern, source)
            if m:
                values[name] = m.group(1)
        first = select_all(sel, self.profile.extra.get("text_endpoint_first_page", []), default="::text")
        if not first or not first[0].isdigit():
            return None
        start = int(first[0])
        last = min(x for x in (page_count, _int(values.get("last_page")),
                               self.settings.getint("WENKU_MAX_DOC_PAGES", 50)) if x)
        if start > last:
            return None
        try:
            url = template.format(page=start, **values)
        except KeyError as exc:
            self.logger.warning("%s: text endpoint variable %s not found on the page; profile %s needs fixing",
                                response.url, exc, self.site)
            return None
        return self.continuation(response, url, self.parse_endpoint, pages, page_count,
                                 endpoint={"values": values, "page": start, "last": last},
                                 pages_seen=start - 1)

    def parse_endpoint(self, response):
        """One page from the text endpoint; a refusal (no text) ends the document."""
        meta = response.meta
        state = meta["endpoint"]
        pages = meta["pages"]
        if meta.get(BLOCKED_META) or endpoint_text(response.body) is None:
            yield self.document_item(response, meta["doc_id"], pages, meta.get("page_count"),
                                     pages_seen=meta["pages_seen"])
            return
        pages = [*pages, page_from_response(response)]
        page = state["page"]
        if page < state["last"]:
            url = self.profile.extra["text_endpoint"].format(page=page + 1, **state["values"])
            yield self.continuation(response, url, self.parse_endpoint, pages, meta.get("page_count"),
                                    endpoint={**state, "page": page + 1}, pages_seen=page)
        else:
            yield self.document_item(response, meta["doc_id"], pages, meta.get("page_count"), pages_seen=page)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def spider_classes() -> dict[str, type[ProfileSpider]]:
    """One ProfileSpider subclass per enabled site profile (the generic rules excluded)."""
    found = {}
    for name, profile in sorted(profiles.all_profiles().items()):
        if name == profiles.GENERIC or not profile.enabled:
            continue
        class_name = "".join(part.capitalize() for part in name.replace("-", "_").split("_")) + "Spider"
        found[class_name] = type(class_name, (ProfileSpider,), {
            "name": name, "profile_name": name, "__module__": __name__,
            "__doc__": f"{profile.label or name}: tier {profile.tier} profile spider."})
    return found


globals().update(spider_classes())
