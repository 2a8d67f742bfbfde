"""Optional WARC archive of every raw response (`-s WENKU_WARC=crawl.warc.gz`).

With the archive a corpus can be re-cleaned later without re-crawling:
`python -m cleaners clean crawl.warc.gz --out DIR`.
"""
from __future__ import annotations

import io
import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)


class WarcArchive:
    """Appends each downloaded response (headers + raw body) as a WARC response record."""

    def __init__(self, path: str):
        from warcio.warcwriter import WARCWriter
        self.path = path
        self.fh = open(path, "ab")
        self.writer = WARCWriter(self.fh, gzip=path.endswith(".gz"))

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("WENKU_WARC")
        if not path:
            raise NotConfigured
        ext = cls(path)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def response_received(self, response, request, spider=None):
        from warcio.statusandheaders import StatusAndHeaders
        if response.url.endswith("/robots.txt"):
            return
        headers = [(k.decode("latin-1"), v.decode("latin-1"))
                   for k, values in response.headers.items() for v in values
                   if k.lower() not in (b"content-encoding", b"transfer-encoding", b"content-length")]
        http_headers = StatusAndHeaders(f"{response.status} OK", headers, protocol="HTTP/1.1")
        record = self.writer.create_warc_record(response.url, "response", payload=io.BytesIO(response.body),
                                                http_headers=http_headers)
        self.writer.write_record(record)

    def spider_closed(self, spider, reason=None):
        self.fh.flush()
        self.fh.close()
        logger.info("Raw responses archived in %s", self.path)
