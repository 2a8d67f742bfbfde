"""Redis that stops answering mid-run, on fakeredis and a fake clock: the grace period
(cleaners/stream/outage.py), what a crawl worker holds meanwhile and hands over once Redis
answers (crawler/cluster/frontier.py), its beat giving Redis up (crawler/cluster/lifecycle.py),
and the writer (cleaners/stream/ingest.py) that never acknowledges what it has not committed.
The same with a real redis-server killed and restarted: tests/integration/test_redis_outage.py."""
from __future__ import annotations

import io
import logging
import threading
import time
from collections import deque
from types import SimpleNamespace

import fakeredis
import pytest
import redis
from scrapy import Request, Spider
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.statscollectors import MemoryStatsCollector
from scrapy_redis.queue import PriorityQueue

import dedup_corpus as corpus
from cleaners import pipeline
from cleaners.document import Document
from cleaners.stream import ingest, records
from cleaners.stream.outage import RedisLost, RedisOutage
from crawler.cluster.frontier import ClusterDupeFilter, ClusterScheduler
from crawler.cluster.keys import REDIS_EMPTIED, REDIS_LOST, CrawlKeys
from crawler.cluster.lifecycle import ClusterLifecycle
from store_checks import assert_consistent, manifest


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def outage(clock, lost_after: float = 30) -> RedisOutage:
    return RedisOutage("redis://127.0.0.1:6379/0", lost_after, clock=clock, log=logging.getLogger("test"))


def test_an_outage_is_lost_only_once_redis_has_not_answered_for_the_whole_grace_period():
    clock = FakeClock()
    watch = outage(clock, lost_after=30)
    watch.failed(redis.ConnectionError("Connection refused"))
    clock.now += 29.9
    watch.failed(redis.ConnectionError("Connection refused"))     # failures go on: the start stays
    assert watch.down and not watch.lost
    clock.now += 0.1
    assert watch.lost
    assert "has not answered for 30 s (last error: Connection refused): is redis-server running at " \
           "redis://127.0.0.1:6379/0? Restart it" in watch.lost_message("Restart it.")


def test_an_answer_ends_the_outage_and_the_next_one_gets_its_own_grace_period():
    clock = FakeClock()
    watch = outage(clock, lost_after=30)
    watch.failed(redis.ConnectionError("reset"))
    clock.now += 20
    assert watch.answered() and not watch.down
    assert not watch.answered()                 # no outage to end
    watch.failed(redis.ConnectionError("reset"))
    clock.now += 20
    assert not watch.lost


# -- the frontier: what a worker finds and finishes while Redis is away


def frontier_on(server, clock) -> ClusterScheduler:
    """A ClusterScheduler on fakeredis (whose Lua the fake lacks: the scripts as Python)."""
    client = fakeredis.FakeRedis(server=server)
    frontier = ClusterScheduler.__new__(ClusterScheduler)
    spider = Spider(name="doc88")
    frontier.server, frontier.spider, frontier.stats = client, spider, None
    frontier.keys = CrawlKeys("wenku", "doc88")
    frontier.queue = PriorityQueue(client, spider, frontier.keys.requests)
    frontier.df = ClusterDupeFilter(client, key=frontier.keys.seen)
    frontier.outage, frontier.held, frontier.started_seen = outage(clock), deque(), False

    def enqueue(keys, args):
        if client.sadd(keys[0], args[0]) == 0:
            return 0
        client.zadd(keys[1], {args[2]: float(args[1])})
        return 1

    def take(keys, args):
        taken = client.zpopmin(keys[0])
        if not taken:
            return None
        client.hset(keys[1], args[0], taken[0][0])
        client.hset(keys[2], args[0], args[1])
        return taken[0][0]

    def put_back(keys, args):
        data = client.hget(keys[0], args[0])
        if data is None:
            return 0
        client.hdel(keys[0], args[0])
        client.hdel(keys[1], args[0])
        client.zadd(keys[2], {data: float(args[1])})
        return 1

    frontier._enqueue, frontier._take, frontier._put_back = enqueue, take, put_back
    return frontier


def test_requests_found_and_finished_while_redis_is_away_are_held_in_order_and_handed_over_once_it_answers():
    server, clock = fakeredis.FakeServer(), FakeClock()
    frontier = frontier_on(server, clock)
    frontier.server.hset(frontier.keys.inflight, "t1", b"the listing page's request")
    frontier.server.hset(frontier.keys.owners, "t1", "vm:1:abc")
    server.connected = False
    assert frontier.next_request() is None               # nothing taken (its token is put back: a no-op)
    assert frontier.enqueue_request(Request("https://doc88.example/p-1.html"))   # a link the listing yielded
    frontier.finished("t1")                              # ... then the listing leaves the ledger
    assert frontier.outage.down and frontier.has_pending_requests()   # the crawl waits, it does not finish
    assert [kind for kind, _ in frontier.held] == ["put_back", "enqueue", "finish"]    # the link goes in first
    with pytest.raises(redis.ConnectionError):
        frontier.replay_held()                           # the beat's try while Redis is still away
    assert len(frontier.held) == 3
    server.connected = True
    frontier.replay_held()
    frontier.outage.answered()
    assert not frontier.held
    assert len(frontier.queue) == 1                      # the link is in the shared queue ...
    assert frontier.server.hlen(frontier.keys.inflight) == 0      # ... and the listing out of the ledger
    assert frontier.next_request().url == "https://doc88.example/p-1.html"
    assert not frontier.enqueue_request(Request("https://doc88.example/p-1.html"))   # seen: the dupefilter has it



def test_a_request_taken_when_redis_died_before_answering_goes_back_to_the_queue_once_it_answers():
    server, clock = fakeredis.FakeServer(), FakeClock()
    frontier = frontier_on(server, clock)
    assert frontier.enqueue_request(Request("https://doc88.example/p-1.html"))
    take = frontier._take

    def taken_then_cut_off(keys, args):       # the script ran; its answer never came
        take(keys, args)
        server.connected = False
        raise redis.ConnectionError("Connection closed by server.")

    frontier._take = taken_then_cut_off
    assert frontier.next_request() is None
    server.connected = True
    assert frontier.server.hlen(frontier.keys.inflight) == 1 and len(frontier.queue) == 0   # in no one's hands
    frontier._take = take
    frontier.replay_held()
    frontier.outage.answered()
    assert frontier.server.hlen(frontier.keys.inflight) == 0 and frontier.server.hlen(frontier.keys.owners) == 0
    assert frontier.next_request().url == "https://doc88.example/p-1.html"


# -- the beat: Redis given up once the grace period is over


def lifecycle_on(server, clock, closed: list) -> ClusterLifecycle:
    crawler = SimpleNamespace(settings=Settings({"WENKU_REDIS_IDLE": 0}), signals=SignalManager())
    crawler.stats = MemoryStatsCollector(crawler)
    crawler.engine = SimpleNamespace(close_spider_async=lambda reason: closed.append(reason))
    crawler.wenku_frontier = frontier_on(server, clock)
    lifecycle = ClusterLifecycle(crawler)
    lifecycle.outage = crawler.wenku_frontier.outage
    return lifecycle


def test_the_beat_waits_out_the_grace_period_then_closes_the_crawl_as_redis_lost():
    server, clock, closed = fakeredis.FakeServer(), FakeClock(), []
    lifecycle = lifecycle_on(server, clock, closed)
    lifecycle.beat()
    assert server.connected and not lifecycle.outage.down
    server.connected = False
    for _ in range(14):                                  # 28 s of beats
        lifecycle.beat()
        clock.now += 2
    assert closed == []
    with pytest.raises(Exception) as idle:
        lifecycle.spider_idle()                          # an idle worker does not finish meanwhile
    assert type(idle.value).__name__ == "DontCloseSpider"
    clock.now += 2
    lifecycle.beat()
    assert closed == [REDIS_LOST]
    lifecycle.beat()
    assert closed == [REDIS_LOST]                        # once


def test_a_short_outage_is_ridden_out_by_the_beat():
    server, clock, closed = fakeredis.FakeServer(), FakeClock(), []
    lifecycle = lifecycle_on(server, clock, closed)
    server.connected = False
    lifecycle.item_scraped()                             # a document made meanwhile: counted later
    lifecycle.beat()
    clock.now += 20
    server.connected = True
    lifecycle.beat()
    assert not lifecycle.outage.down and closed == []
    assert int(lifecycle.frontier.server.get(lifecycle.frontier.keys.documents)) == 1


def test_a_redis_back_without_the_crawls_keys_closes_the_crawl_instead_of_crawling_on_from_an_empty_queue():
    server, clock, closed = fakeredis.FakeServer(), FakeClock(), []
    lifecycle = lifecycle_on(server, clock, closed)
    frontier = lifecycle.frontier
    frontier.server.set(frontier.keys.started, b"done")
    frontier.started_seen = True
    server.connected = False
    lifecycle.beat()
    server.connected = True
    lifecycle.beat()                                     # back with its data: ridden out
    assert closed == [] and not lifecycle.outage.down
    server.connected = False
    lifecycle.beat()
    server.connected = True
    frontier.server.flushall()                           # restarted with no persistence
    lifecycle.beat()
    assert closed == [REDIS_EMPTIED]


# -- the writer


def push_corpus(client, seed: int, count: int) -> list:
    results = [pipeline.clean(Document(id=d.id, site=d.site, url=f"https://{d.site}.example/{d.id}.html", title=d.title, text=d.text))
               for d in corpus.build(seed=seed, mixed=3)[:count]]
    for result in results:
        client.xadd(records.STREAM, {records.FIELD: records.encode_result(result)})
    return results


def test_the_writer_gives_redis_up_after_the_grace_period_having_acknowledged_only_what_it_committed(tmp_path,
                                                                                                    monkeypatch):
    server = fakeredis.FakeServer()
    client = fakeredis.FakeRedis(server=server)
    push_corpus(client, seed=5, count=6)
    monkeypatch.setattr(ingest, "RETRY_SECONDS", 0.02)
    watch = RedisOutage("redis://test", lost_after=0.5, log=logging.getLogger("test"))
    outcome = {}

    def writer():
        try:
            ingest.ingest(client, tmp_path, batch=3, log=io.StringIO(), outage=watch)
        except RedisLost as exc:
            outcome["lost"] = str(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    deadline = time.monotonic() + 30
    while client.xlen(records.STREAM) and time.monotonic() < deadline:
        time.sleep(0.02)
    server.connected = False
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert "has not answered for 0.5 s" in outcome["lost"]
    assert len(manifest(tmp_path)) == 6
    assert_consistent(tmp_path)


def test_a_commit_whose_acknowledgement_failed_is_read_again_once_redis_answers_and_stored_once(tmp_path):
    client = fakeredis.FakeRedis()
    push_corpus(client, seed=7, count=6)
    real_pipeline, failures = client.pipeline, []

    def connection_reset(*_):
        raise redis.ConnectionError("Connection reset by peer")

    def pipeline_failing_once(*args, **kwargs):
        made = real_pipeline(*args, **kwargs)
        if not failures:
            failures.append(1)
            made.execute = connection_reset     # the first XACK + XDEL: committed, not acknowledged
        return made

    client.pipeline = pipeline_failing_once
    log = io.StringIO()
    counts = ingest.ingest(client, tmp_path, batch=3, idle_exit=0.3, log=log,
                           outage=RedisOutage("redis://test", lost_after=30, log=logging.getLogger("test")))
    assert failures == [1]
    assert counts["store_kept"] == len(manifest(tmp_path)) and len(manifest(tmp_path)) <= 6
    assert sorted(r["id"] for r in manifest(tmp_path)) == sorted({r["id"] for r in manifest(tmp_path)})
    assert client.xlen(records.STREAM) == 0
    assert client.xpending(records.STREAM, records.GROUP)["pending"] == 0
    assert_consistent(tmp_path)
