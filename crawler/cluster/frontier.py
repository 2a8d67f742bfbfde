"""The shared frontier: scrapy-redis's priority queue and dupefilter, plus a ledger of the
requests each worker has taken and not finished, so that those of a worker killed mid-run
are put back into the queue (`put_back_orphans`) instead of being lost.

A request is taken and entered in the ledger in one Lua script (`TAKE`): a kill can come
between any two steps of a worker, never inside that one.  It leaves the ledger when its
response has been handled and its items pushed to the stream (`StartOnceMiddleware` marks it,
crawler/cluster/lifecycle.py).  A request put back is fetched again; what it yields again is
a no-op for the writer (the store's identity), so the output holds every document once.

While Redis does not answer (crawler/cluster/link.py), nothing is taken, and the requests this
worker finds and the ledger entries it finishes are held here, in their order, until Redis
answers again (`replay_held`, from the lifecycle's beat): a request leaves the ledger only
after the requests its page yielded are in the queue.  A take whose answer was lost (the script
may have run) is put back then too: its request would sit in the ledger under a token no one
holds, and this worker, alive, would drop it as its own leftover when it stops.  A worker that
gives Redis up drops what it held; the ledger entries it did not finish are put back when the
crawl is rerun.
"""
from __future__ import annotations

import hashlib
import uuid
from collections import deque

from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from cleaners.stream.outage import LOST_AFTER
from crawler.cluster.keys import CrawlKeys, crawl_name, worker_id
from crawler.cluster.link import REDIS_ERRORS, outage_for
from crawler.middlewares.dupefilter import CanonicalDupeFilter

TOKEN = "wenku_inflight"           # request.meta key: the request's entry in the in-flight ledger

TAKE = """
local taken = redis.call('ZRANGE', KEYS[1], 0, 0)
if #taken == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], ARGV[1], taken[1])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
return taken[1]
"""

# The dupefilter's mark and the queue's entry in one step: a call that failed midway (Redis
# gone) and is made again finds the request either wholly enqueued or not at all, never marked
# seen and missing from the queue.
ENQUEUE = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""

PUT_BACK = """
local data = redis.call('HGET', KEYS[1], ARGV[1])
if not data then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], data)
return 1
"""


class ClusterScheduler(Scheduler):
    """scrapy-redis's Scheduler whose `next_request` also enters the request in the ledger."""

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        settings = crawler.settings
        scheduler.prefix = settings.get("WENKU_REDIS_PREFIX", "wenku")
        scheduler.outage = outage_for(settings.get("WENKU_REDIS_URL"),
                                      settings.getfloat("WENKU_REDIS_LOST_AFTER", LOST_AFTER))
        scheduler.held = deque()                  # ("enqueue", request) / ("finish" | "put_back", token) while Redis is away
        scheduler.started_seen = False            # the crawl's `started` key seen: Redis without it lost the crawl
        crawler.wenku_frontier = scheduler        # for the lifecycle extension and middleware
        return scheduler

    def open(self, spider):
        # scrapy-redis names the queue after spider.name: a crawl's name instead (keys.py)
        self.queue_key = self.queue_key.replace("%(spider)s", crawl_name(spider))
        result = super().open(spider)
        self.keys = CrawlKeys(self.prefix, crawl_name(spider))
        self._take = self.server.register_script(TAKE)
        self._enqueue = self.server.register_script(ENQUEUE)
        self._put_back = self.server.register_script(PUT_BACK)
        return result

    @property
    def waiting(self) -> bool:
        """Redis does not answer, or what was held meanwhile is not all handed over yet."""
        return self.outage.down or bool(self.held)

    def next_request(self):
        if self.waiting:
            return None
        token = uuid.uuid4().hex
        try:
            data = self._take(keys=[self.keys.requests, self.keys.inflight, self.keys.owners],
                              args=[token, worker_id()])
        except REDIS_ERRORS as exc:
            self.outage.failed(exc)
            # The script may have run and only its answer been lost: the request would sit in the
            # ledger under a token no one holds.  Put back once Redis answers (a no-op if not taken).
            self.held.append(("put_back", token))
            return None
        if not data:
            return None
        request = self.queue._decode_request(data)
        request.meta[TOKEN] = token
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis", spider=self.spider)
        return request

    def has_pending_requests(self) -> bool:
        """Requests in the shared queue; while Redis does not answer, yes (the crawl waits, the
        lifecycle's beat gives Redis up in the end)."""
        if self.waiting:
            return True
        try:
            return len(self.queue) > 0
        except REDIS_ERRORS as exc:
            self.outage.failed(exc)
            return True

    def enqueue_request(self, request) -> bool:
        return self._now_or_held("enqueue", request)

    def finished(self, token: str) -> None:
        """The request's response was handled: out of the ledger (or held until Redis answers)."""
        self._now_or_held("finish", token)

    def _now_or_held(self, kind: str, value) -> bool:
        if not self.waiting:
            try:
                return self._apply(kind, value)
            except REDIS_ERRORS as exc:
                self.outage.failed(exc)
        self.held.append((kind, value))
        return True

    def replay_held(self) -> None:
        """What was held while Redis did not answer, in its order; a Redis error stops it (raised)."""
        while self.held:
            self._apply(*self.held[0])
            self.held.popleft()

    def _apply(self, kind: str, value) -> bool:
        if kind == "put_back":
            data = self.server.hget(self.keys.inflight, value)
            if data is not None:
                self._requeue(value, data)
            return True
        if kind == "finish":
            # both ledger entries in one transaction (a worker killed between two deletes left an
            # owner's entry with no request, which no one could put back and every idle worker
            # waited on for ever)
            ledger = self.server.pipeline(transaction=True)
            ledger.hdel(self.keys.inflight, value).hdel(self.keys.owners, value).execute()
            return True
        request = value
        data, score = self.queue._encode_request(request), -request.priority
        if request.dont_filter:
            self.server.zadd(self.queue.key, {data: score})
        elif not self._enqueue(keys=[self.df.key, self.queue.key],
                               args=[self.df.request_fingerprint(request), score, data]):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
        return True

    def put_back_orphans(self) -> int:
        """Requests taken by workers whose heartbeat has expired, back into the queue."""
        owners = {t.decode(): w.decode() for t, w in self.server.hgetall(self.keys.owners).items()}
        dead = {w for w in set(owners.values()) if not self.server.exists(self.keys.heartbeat(w))}
        put_back = 0
        for token, owner in owners.items():
            if owner not in dead:
                continue
            data = self.server.hget(self.keys.inflight, token)
            if data is None:       # finished, its owner killed before it left the ledger whole (older runs)
                self.server.hdel(self.keys.owners, token)
                continue
            put_back += self._requeue(token, data)
        return put_back

    def _requeue(self, token: str, data: bytes) -> int:
        """The ledger entry `token` (its request `data`) back into the queue, at its priority."""
        return self._put_back(keys=[self.keys.inflight, self.keys.owners, self.keys.requests],
                              args=[token, -self.queue._decode_request(data).priority])

    def others_in_flight(self) -> int:
        """Requests other workers took and have not finished (a dead one's too, until put back)."""
        me = worker_id().encode()
        return sum(owner != me for owner in self.server.hvals(self.keys.owners))

    def drop_own_leftovers(self) -> None:
        """When idle and at a clean close: what this worker took and no longer works on (failed,
        dropped, redirected or retried as a new request)."""
        me = worker_id()
        for token, owner in self.server.hgetall(self.keys.owners).items():
            if owner.decode() == me:
                self.finished(token.decode())


class ClusterDupeFilter(RFPDupeFilter):
    """scrapy-redis's dupefilter keyed like the crawler's own: one request per document (site
    + canonical id) or per canonical URL (CanonicalDupeFilter.key)."""

    @classmethod
    def from_spider(cls, spider):
        """scrapy-redis's, keyed by the crawl's name (keys.py), not the spider's."""
        settings = spider.settings
        key = settings.get("SCHEDULER_DUPEFILTER_KEY") % {"spider": crawl_name(spider)}
        return cls(get_redis_from_settings(settings), key=key, debug=settings.getbool("DUPEFILTER_DEBUG"))

    def request_fingerprint(self, request) -> str:
        return hashlib.sha1(repr(CanonicalDupeFilter.key(request)).encode("utf-8")).hexdigest()
