"""Optional WARC archive of every raw response (`-s WENKU_WARC=crawl.warc.gz`).

With the archive a corpus can be re-cleaned later without re-crawling:
`python -m cleaners clean crawl.warc.gz --out DIR` gives the crawl's documents, because each
document the crawl cleaned is archived too, as a metadata record that names its pages'
response records (cleaners/sources/warc.py reads both).
"""
from __future__ import annotations

import io
import logging
import os

from scrapy import signals
from scrapy.exceptions import NotConfigured

from cleaners.sources.warc import DOCUMENT_TYPE, INFO_FIELD, document_record
from crawler.items import OK, DocumentItem
from crawler.handoff.documents import to_document

logger = logging.getLogger(__name__)


class WarcArchive:
    """Appends each downloaded response (headers + raw body) as a WARC response record, and
    each text document handed to the item pipeline as a document record after its pages."""

    def __init__(self, path: str):
        from warcio.warcwriter import WARCWriter
        self.path = path
        self.fh = open(path, "ab")
        self.writer = WARCWriter(self.fh, gzip=path.endswith(".gz"))
        self.writer.write_record(self.writer.create_warcinfo_record(
            os.path.basename(path), {"software": "wenku-corpus crawler", INFO_FIELD: DOCUMENT_TYPE}))

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("WENKU_WARC")
        if not path:
            raise NotConfigured
        ext = cls(path)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
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

    def item_scraped(self, item, response=None, spider=None):
        """The Document the item pipeline cleaned (`to_document`), its pages' bytes by digest."""
        if not isinstance(item, DocumentItem) or item.status != OK:
            return
        record = self.writer.create_warc_record(item.url, "metadata",
                                                payload=io.BytesIO(document_record(to_document(item))),
                                                warc_content_type=DOCUMENT_TYPE)
        self.writer.write_record(record)

    def spider_closed(self, spider, reason=None):
        self.fh.flush()
        self.fh.close()
        logger.info("Raw responses archived in %s", self.path)
