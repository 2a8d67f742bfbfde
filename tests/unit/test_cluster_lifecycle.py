"""A distributed worker's stop (crawler/cluster/lifecycle.py), on fakeredis: the stats its run
report's health reads say whether the shared crawl, any worker of it, fetched pages and made
documents (which worker got a site's document pages and which only its listings is the queue's
choice, so one worker's figures alone cannot say the crawl failed)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.statscollectors import MemoryStatsCollector

from crawler.cluster.keys import SHARED_CRAWL_FETCHED, SHARED_CRAWL_PARSED, CrawlKeys
from crawler.cluster.lifecycle import ClusterLifecycle

fakeredis = pytest.importorskip("fakeredis")


def idle_worker(server) -> ClusterLifecycle:
    crawler = SimpleNamespace(settings=Settings({"WENKU_REDIS_IDLE": 0}), signals=SignalManager())
    crawler.stats = MemoryStatsCollector(crawler)
    crawler.wenku_frontier = SimpleNamespace(
        server=server, keys=CrawlKeys("wenku", "doc88"), queue=[], drop_own_leftovers=lambda: None,
        put_back_orphans=lambda: 0, others_in_flight=lambda: 0)
    lifecycle = ClusterLifecycle(crawler)
    lifecycle.opened_at = 0.0
    return lifecycle


def test_a_worker_stopping_after_another_made_documents_says_the_shared_crawl_made_them():
    server = fakeredis.FakeRedis()
    other, this = idle_worker(server), idle_worker(server)
    other.response_received()
    other.item_scraped(item=None)                 # the other worker parsed the site's document page
    this.spider_idle()                            # ... this one fetched only its search page
    assert this.crawler.stats.get_value(SHARED_CRAWL_FETCHED) == 1
    assert this.crawler.stats.get_value(SHARED_CRAWL_PARSED) == 1


def test_a_worker_of_a_crawl_that_made_no_document_says_nothing_of_the_kind():
    server = fakeredis.FakeRedis()
    this = idle_worker(server)
    this.response_received()
    this.spider_idle()
    assert this.crawler.stats.get_value(SHARED_CRAWL_FETCHED) == 1
    assert this.crawler.stats.get_value(SHARED_CRAWL_PARSED) is None
