"""Replica mode: every request goes to the local replica server, under its real URL everywhere else."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from scrapy.exceptions import NotConfigured


from crawler.middlewares import ORIGINAL_URL


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
        # One slot per exact host, as Scrapy keys them without the replica: www. and m. of a
        # site are separate servers to be polite to, and DOWNLOAD_SLOTS names exact hosts.
        request.meta.setdefault("download_slot", parts.hostname or "")
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
