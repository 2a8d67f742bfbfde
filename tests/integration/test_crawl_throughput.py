"""What the crawl benchmark's speed-ups must not change: outputs, redirects, replica answers."""
from __future__ import annotations

import asyncio
import contextlib
import threading

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.middlewares.known import MaxDocsMiddleware
from crawler.middlewares.politeness import QuickMetaRefreshMiddleware
from crawler.extensions.summary import PlainStatsCollector
from crawler.urls import absolute
from tests.support.crawl_support import ROOT, replica, run_crawl, stable_output
from replicas.client import fetch
from replicas.families import synthetic
from replicas.prerendered import Pages, serve_forever

SYNTH = ["--spiders", "synthdoc", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8"]


def test_cleaning_workers_store_exactly_what_the_writer_alone_stores(tmp_path, monkeypatch):
    monkeypatch.setenv("WENKU_PROFILES", str(ROOT / "benchmarks" / "profiles"))
    alone, workers = tmp_path / "alone", tmp_path / "workers"
    with replica({"synthetic_docs": 120}) as (_, address):
        run_crawl(address, alone, *SYNTH, "-s", "WENKU_CLEAN_WORKERS=0")
        proc = run_crawl(address, workers, *SYNTH, "-s", "WENKU_CLEAN_WORKERS=2", "-v")
    assert "'wenku/writer/workers': 2" in proc.stderr
    assert sum(1 for k in stable_output(workers) if k.endswith(".txt")) == 120
    assert stable_output(workers, ordered=False) == stable_output(alone, ordered=False)


def test_prerendered_server_answers_the_bytes_the_replica_server_does():
    pages = Pages({"synthetic_docs": 60})
    pages.prerender(synthetic.paths(60)[:5])        # the rest is rendered on demand
    bound: list[int] = []
    ready = threading.Event()
    loop = asyncio.new_event_loop()
    task = loop.create_task(serve_forever(0, pages, ready=lambda port: (bound.append(port), ready.set())))
    threading.Thread(target=run_until_cancelled, args=(loop, task), daemon=True).start()
    assert ready.wait(10)
    try:
        with replica({"synthetic_docs": 60}) as (_, address):
            for url in ["https://www.synthdoc.com/robots.txt", "https://www.synthdoc.com/list/1.html",
                        "https://www.synthdoc.com/doc/59.html", "https://www.synthdoc.com/doc/61.html",
                        "https://www.renrendoc.com/paper/511241566.html"]:
                ours, theirs = fetch(url, bound[0]), fetch(url, int(address.rsplit(":", 1)[1]))
                assert (ours.status, ours.headers["content-type"], ours.body) == \
                       (theirs.status, theirs.headers["content-type"], theirs.body), url
    finally:
        loop.call_soon_threadsafe(task.cancel)


def run_until_cancelled(loop, task) -> None:
    with contextlib.suppress(asyncio.CancelledError):
        loop.run_until_complete(task)


def test_meta_refresh_is_followed_and_pages_without_one_pass_untouched():
    mw = QuickMetaRefreshMiddleware.from_crawler(get_crawler())
    request = Request("https://www.synthdoc.com/doc/1.html")
    plain = HtmlResponse(request.url, body=b"<html><body>" + "正文".encode() * 3000 + b"</body></html>")
    assert mw.process_response(request, plain) is plain
    moved = HtmlResponse(request.url, body=b'<html><head><meta http-equiv="Refresh" content="0; url=/doc/2.html">'
                                           b"</head><body></body></html>")
    redirected = mw.process_response(request, moved)
    assert isinstance(redirected, Request) and redirected.url == "https://www.synthdoc.com/doc/2.html"


def test_max_docs_middleware_is_only_installed_for_spiders_that_set_max_docs():
    crawler = FakeCrawler()
    crawler.spider = type("Spider", (), {"max_docs": None})()
    with pytest.raises(NotConfigured):
        MaxDocsMiddleware.from_crawler(crawler)
    crawler.spider.max_docs = "3"
    assert MaxDocsMiddleware.from_crawler(crawler)._limit(crawler.spider) == 3


def test_absolute_links_are_kept_and_relative_ones_resolved():
    base = "https://www.synthdoc.com/list/2.html"
    assert absolute(base, " https://www.synthdoc.com/doc/7.html ") == "https://www.synthdoc.com/doc/7.html"
    assert absolute(base, "../doc/7.html") == "https://www.synthdoc.com/doc/7.html"
    assert absolute(base, "javascript:void(0)") is None


def test_stats_still_accept_the_old_spider_argument():
    stats = PlainStatsCollector(FakeCrawler())
    stats.inc_value("pages")
    stats.inc_value("pages", spider=None)
    assert stats.get_value("pages") == 2


class FakeCrawler:
    """Just enough of a Crawler for middlewares that read settings (Scrapy's defaults) and stats."""

    def __init__(self):
        from scrapy.settings import Settings
        from scrapy.statscollectors import MemoryStatsCollector
        self.settings = Settings()
        self.stats = MemoryStatsCollector(self)
        self.engine = None
        self.spider = None
