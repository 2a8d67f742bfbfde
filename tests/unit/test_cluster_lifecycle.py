"""A distributed worker's stop (crawler/cluster/lifecycle.py), on fakeredis: the stats its run
report's health reads say whether the shared crawl, any worker of it, fetched pages and made
documents (which worker got a site's document pages and which only its listings is the queue's
choice, so one worker's figures alone cannot say the crawl failed)."""
from __future__ import annotations

from collections import deque
from types import SimpleNamespace

import pytest
from scrapy import Request, signals
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.statscollectors import MemoryStatsCollector

from cleaners.stream.outage import RedisOutage
from crawler.cluster.keys import SHARED_CRAWL_FETCHED, SHARED_CRAWL_PARSED, CrawlKeys
from crawler.cluster.frontier import TOKEN, ClusterScheduler
from crawler.cluster.lifecycle import ClusterLifecycle, StartOnceMiddleware

fakeredis = pytest.importorskip("fakeredis")


def idle_worker(server) -> ClusterLifecycle:
    crawler = SimpleNamespace(settings=Settings({"WENKU_REDIS_IDLE": 0}), signals=SignalManager())
    crawler.stats = MemoryStatsCollector(crawler)
    crawler.wenku_frontier = SimpleNamespace(
        server=server, keys=CrawlKeys("wenku", "doc88"), queue=[], drop_own_leftovers=lambda: None,
        put_back_orphans=lambda: 0, others_in_flight=lambda: 0, waiting=False)
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


def output_worker():
    """A StartOnceMiddleware with a frontier that records the tokens leaving the ledger."""
    crawler = SimpleNamespace(signals=SignalManager())
    left: list[str] = []
    crawler.wenku_frontier = SimpleNamespace(finished=left.append)
    return StartOnceMiddleware(crawler), crawler, left


def response_of(token: str):
    return SimpleNamespace(request=Request("https://doc88.example/p-1.html", meta={TOKEN: token}))


def test_a_request_leaves_the_ledger_only_once_its_items_are_through_the_pipelines():
    middleware, crawler, left = output_worker()
    response = response_of("t1")
    first, second = {"id": "1"}, {"id": "2"}
    outputs = list(middleware.process_spider_output(response, [first, Request("https://doc88.example/p-2.html"),
                                                              second]))
    assert len(outputs) == 3 and left == []      # output ended, both documents still on their way to the stream
    crawler.signals.send_catch_log(signals.item_scraped, item=first, response=response, spider=None)
    assert left == []
    crawler.signals.send_catch_log(signals.item_dropped, item=second, response=response, exception=None, spider=None)
    assert left == ["t1"]


def test_a_response_without_items_leaves_the_ledger_when_its_output_ends():
    middleware, _, left = output_worker()
    list(middleware.process_spider_output(response_of("t2"), [Request("https://doc88.example/list-2.html")]))
    assert left == ["t2"]


def test_an_owner_entry_whose_request_is_gone_is_cleared_not_waited_on():
    server = fakeredis.FakeRedis()
    frontier = SimpleNamespace(server=server, keys=CrawlKeys("wenku", "doc88"))
    server.hset(frontier.keys.owners, "t3", "vm:1489:04513a81")    # a worker killed between the two deletes
    assert ClusterScheduler.put_back_orphans(frontier) == 0
    assert server.hlen(frontier.keys.owners) == 0


def test_a_finished_request_leaves_both_halves_of_the_ledger():
    server = fakeredis.FakeRedis()
    frontier = ClusterScheduler.__new__(ClusterScheduler)
    frontier.server, frontier.keys = server, CrawlKeys("wenku", "doc88")
    frontier.outage, frontier.held = RedisOutage("redis://test"), deque()
    server.hset(frontier.keys.inflight, "t4", b"request")
    server.hset(frontier.keys.owners, "t4", "vm:1:abc")
    frontier.finished("t4")
    assert server.hlen(frontier.keys.inflight) == 0 and server.hlen(frontier.keys.owners) == 0
