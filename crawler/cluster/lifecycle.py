"""A worker's life on the shared frontier: its heartbeat, the orphans of dead workers put back,
start requests enqueued by one worker only, finished requests out of the ledger, and the
stop once the shared queue has been idle for WENKU_REDIS_IDLE seconds.

The beat is also where Redis that stopped answering is watched (crawler/cluster/link.py):
each beat tries it again and hands over what the frontier held meanwhile; once it has not
answered for WENKU_REDIS_LOST_AFTER seconds the crawl closes with the reason `redis_lost`; one
that answers again without the crawl's keys (restarted with no persistence) closes it with the
reason `redis_emptied`: going on would crawl on from an empty queue and finish as if complete."""
from __future__ import annotations

import asyncio
import logging
import time

from scrapy import signals
from itemadapter import is_item
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from cleaners.stream.outage import LOST_AFTER, RETRY_SECONDS
from crawler.cluster.frontier import TOKEN
from crawler.cluster.keys import (HEARTBEAT_SECONDS, HEARTBEAT_TTL, REDIS_EMPTIED, REDIS_LOST,
                                  SHARED_CRAWL_FETCHED, SHARED_CRAWL_PARSED, worker_id)
from crawler.cluster.link import REDIS_ERRORS, WHAT_TO_DO, check_reachable, outage_for

logger = logging.getLogger(__name__)
DONE = b"done"                    # the `started` key once the start requests are enqueued


class ClusterLifecycle:
    """Extension (loaded by the addon): heartbeat and orphans every HEARTBEAT_SECONDS, the
    crawl-wide activity time, and the idle stop."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.idle_seconds = settings.getfloat("WENKU_REDIS_IDLE", 60.0)
        url = settings.get("WENKU_REDIS_URL")
        if url:     # built before the engine, the scheduler and the run lock: a wrong URL fails here, at once
            check_reachable(url)
        self.outage = outage_for(url, settings.getfloat("WENKU_REDIS_LOST_AFTER", LOST_AFTER))
        self.opened_at = time.time()
        self._last_activity = 0.0
        self._uncounted = 0              # documents made while Redis did not answer, counted once it does
        self._beat = None
        self._given_up = False
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.response_received, signal=signals.response_received)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    @property
    def frontier(self):
        return self.crawler.wenku_frontier

    def spider_opened(self, spider=None) -> None:
        self.opened_at = time.time()
        self.beat()
        self._beat = task.LoopingCall(self.beat)
        self._beat.start(HEARTBEAT_SECONDS, now=False)

    def beat(self) -> None:
        """I am alive; what was held while Redis did not answer, handed over; and the requests of
        workers that are not alive, back into the queue.  Redis not answering: the crawl waits,
        up to WENKU_REDIS_LOST_AFTER seconds, then closes (`give_up`)."""
        frontier = self.frontier
        try:
            if self.outage.down and frontier.started_seen and not frontier.server.exists(frontier.keys.started):
                self.give_up(emptied=True)
                return
            frontier.replay_held()
            frontier.server.set(frontier.keys.heartbeat(worker_id()), "1", ex=HEARTBEAT_TTL)
            put_back = frontier.put_back_orphans()
            self._count_documents()
        except REDIS_ERRORS as exc:
            self.outage.failed(exc)
            if self.outage.lost:
                self.give_up()
            return
        self.outage.answered()
        if put_back:
            logger.warning("put back %d requests taken by workers that stopped answering", put_back)
            self.crawler.stats.inc_value("wenku/cluster/put_back", put_back)

    def give_up(self, emptied: bool = False) -> None:
        """Redis has not answered for WENKU_REDIS_LOST_AFTER seconds (or, `emptied`, answers again
        without the crawl's keys): close the crawl (finish reason `redis_lost` / `redis_emptied`,
        a crawl stopped early for the run's health: exit 1)."""
        if self._given_up:
            return
        self._given_up = True
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        self.outage.abandon()           # documents waiting to be pushed stop waiting
        held = len(self.frontier.held)
        if emptied:
            logger.error("Redis at %s answers again but holds nothing of this crawl (restarted with no "
                         "persistence?): its queue and seen requests are gone. Rerun the same command: the crawl "
                         "starts over, and the writer stores only what it does not hold yet.", self.outage.url)
        else:
            logger.error("%s%s", self.outage.lost_message(WHAT_TO_DO),
                         f" ({held} request(s) and ledger entries this worker held are dropped; the pages behind "
                         "them are fetched again then)" if held else "")
        self.crawler.stats.set_value("wenku/cluster/redis_lost", self.outage.last_error)
        deferred_from_coro(self.crawler.engine.close_spider_async(reason=REDIS_EMPTIED if emptied else REDIS_LOST))

    def response_received(self, **_) -> None:
        now = time.time()
        if now - self._last_activity >= 1.0 and not self.outage.down:
            self._last_activity = now
            try:
                self.frontier.server.set(self.frontier.keys.activity, repr(now))
            except REDIS_ERRORS as exc:
                self.outage.failed(exc)

    def item_scraped(self, **_) -> None:
        """A document made: counted crawl-wide, since which worker fetched a site's document
        pages and which only its listings is the queue's choice."""
        self._uncounted += 1
        if not self.outage.down:
            try:
                self._count_documents()
            except REDIS_ERRORS as exc:
                self.outage.failed(exc)

    def _count_documents(self) -> None:
        if self._uncounted:
            self.frontier.server.incrby(self.frontier.keys.documents, self._uncounted)
            self._uncounted = 0

    def spider_idle(self, spider=None) -> None:
        """Out of the ledger what this worker took and no longer works on; then stay open while
        the shared queue holds requests, another worker has requests in
        flight (a dead one's come back into the queue once its heartbeat expires), or any
        worker handled a response in the last WENKU_REDIS_IDLE seconds.  While Redis does not
        answer, stay open too: the beat decides."""
        frontier = self.frontier
        if frontier.waiting:
            raise DontCloseSpider
        try:
            self._idle(frontier)
        except REDIS_ERRORS as exc:
            self.outage.failed(exc)
            raise DontCloseSpider from None

    def _idle(self, frontier) -> None:
        # Idle, this worker has nothing in progress: what it took and has not finished in the
        # ledger was redirected or retried (a new request, already queued), ignored by a
        # middleware or failed into an errback, none of which passes the spider middleware.
        # Left there, each idle worker waited on the other's leftovers for ever.
        frontier.drop_own_leftovers()
        if len(frontier.queue) or frontier.put_back_orphans() or frontier.others_in_flight():
            raise DontCloseSpider
        last = float(frontier.server.get(frontier.keys.activity) or 0)
        if time.time() - max(last, self.opened_at) < self.idle_seconds:
            raise DontCloseSpider
        if last:
            # the shared crawl fetched pages, whichever worker did: one that came (back) too late
            # to fetch any of them is no failed crawl (the run report's health reads this)
            self.crawler.stats.set_value(SHARED_CRAWL_FETCHED, 1)
        if int(frontier.server.get(frontier.keys.documents) or 0):
            # ... and made documents: this worker's share may have been listing pages only
            self.crawler.stats.set_value(SHARED_CRAWL_PARSED, 1)
        logger.info("the shared queue has been idle for %.0f s: this worker stops", self.idle_seconds)

    def spider_closed(self, spider=None, reason=None) -> None:
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        frontier = self.frontier
        if self.outage.down:      # the heartbeat runs out by itself; what this worker took is put back
            return
        try:
            frontier.replay_held()
            if reason == "finished":
                frontier.drop_own_leftovers()
            frontier.server.delete(frontier.keys.heartbeat(worker_id()))
        except REDIS_ERRORS as exc:
            logger.warning("Redis at %s did not answer when this worker closed (%s): its heartbeat runs out "
                           "by itself", self.outage.url, exc)


class StartOnceMiddleware:
    """Spider middleware (loaded by the addon): the start requests come from one worker only
    (the first to claim the crawl's `started` key; another takes over if that one dies before
    it has enqueued them all), and a request leaves the in-flight ledger once its response's
    output has all been yielded and each of its items is through the item pipelines (scraped,
    dropped or failed).  The pipelines push a document to the stream asynchronously: a request
    that left the ledger when its output ended lost its document to a kill before the push (a
    crawl killed midway kept 199 of 200)."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self._items: dict[str, int] = {}       # token -> its items not yet through the pipelines
        self._ended: set[str] = set()          # tokens whose output has ended, items still on the way
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(self._item_through, signal=signal)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    async def process_start(self, start):
        frontier = self.crawler.wenku_frontier
        server, keys, me = frontier.server, frontier.keys, worker_id()
        while True:
            turn = await patiently(frontier, lambda: _claim_start(server, keys, me))
            if turn is None:                    # Redis given up: the beat closes the crawl
                return
            frontier.started_seen = True        # the crawl's `started` key exists from now on
            if turn == "done":
                logger.info("start requests already enqueued by another worker")
                return
            if turn == "ours":
                break
            await asyncio.sleep(0.5)
        async for request in start:
            yield request
        # once the start requests held while Redis did not answer are in the queue, not before
        await patiently(frontier, lambda: server.set(keys.started, DONE), settled=True)

    def process_spider_output(self, response, result, spider=None):
        token = _token(response)
        for output in result:
            self._count(token, output)
            yield output
        self._output_ended(token)

    async def process_spider_output_async(self, response, result, spider=None):
        token = _token(response)
        async for output in result:
            self._count(token, output)
            yield output
        self._output_ended(token)

    def _count(self, token: str | None, output) -> None:
        if token and is_item(output):
            self._items[token] = self._items.get(token, 0) + 1

    def _output_ended(self, token: str | None) -> None:
        if not token:
            return
        if self._items.get(token, 0):
            self._ended.add(token)
        else:
            self._items.pop(token, None)
            self.crawler.wenku_frontier.finished(token)

    def _item_through(self, response=None, **_) -> None:
        token = _token(response)
        if not token or token not in self._items:
            return
        self._items[token] -= 1
        if not self._items[token] and token in self._ended:
            del self._items[token]
            self._ended.discard(token)
            self.crawler.wenku_frontier.finished(token)


def _claim_start(server, keys, me: str) -> str:
    """Whose turn the start requests are: "ours", "done" (enqueued already) or "wait" (a live
    worker is enqueueing them; if it dies, its turn is ours)."""
    server.set(keys.heartbeat(me), "1", ex=HEARTBEAT_TTL)
    holder = server.get(keys.started)
    if holder == DONE:
        return "done"
    if holder is None and server.set(keys.started, me, nx=True):
        return "ours"
    if holder is not None and not server.exists(keys.heartbeat(holder.decode())):
        if server.getset(keys.started, me) == holder:      # the dead holder's turn is ours
            return "ours"
    return "wait"


async def patiently(frontier, call, settled: bool = False):
    """`call()` once Redis answers (`settled`: and once the frontier holds nothing back); None if
    Redis is given up first.  Waiting does not call Redis: the lifecycle's beat tries it."""
    outage = frontier.outage
    while not outage.lost:
        if outage.down or (settled and frontier.held):
            await asyncio.sleep(RETRY_SECONDS)
            continue
        try:
            return call()
        except REDIS_ERRORS as exc:
            outage.failed(exc)
    return None


def _token(response) -> str | None:
    """The ledger entry of the request behind `response` (None: not a shared frontier's)."""
    request = getattr(response, "request", None)
    return request.meta.get(TOKEN) if request is not None else None
