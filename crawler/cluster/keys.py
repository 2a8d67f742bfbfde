"""The Redis keys of a distributed crawl (one set per crawl and WENKU_REDIS_PREFIX) and the id
of this worker process.

A crawl is a spider with its start arguments (`crawl_name`): the demo runs `generic` four times
in one process, once per official site, and two queries of one site are two crawls.  Keyed by
the spider's name alone, the four shared one queue and one "started" mark: the first enqueued
its start requests and the other three never did, so they fetched nothing."""
from __future__ import annotations

import os
import socket
import uuid
from functools import lru_cache

from cleaners.stream.outage import CONNECT_TIMEOUT, SOCKET_TIMEOUT

HEARTBEAT_SECONDS = 2.0           # a live worker refreshes its heartbeat this often
HEARTBEAT_TTL = 6                 # ... and is taken for dead this long after its last one
# Stats a worker sets when it stops on an idle queue, read by the run report (crawler/reports: it
# imports these names from here, a module of the standard library's imports and one of cleaners' constants)
SHARED_CRAWL_FETCHED = "wenku/cluster/shared_crawl_fetched"   # some worker of the crawl fetched pages
SHARED_CRAWL_PARSED = "wenku/cluster/shared_crawl_parsed"     # some worker of the crawl made documents
REDIS_LOST = "redis_lost"         # the finish reason of a worker that gave Redis up (crawler/cluster/link.py)
REDIS_EMPTIED = "redis_emptied"   # ... of one whose Redis came back without the crawl (restarted with no persistence)
# scrapy-redis's client parameters: the writer's timeouts (cleaners/stream/outage.py), so the
# outage's deadline holds (every call blocks the crawl's event loop meanwhile), and a timed-out
# call not tried again.  Here, not in link.py, because the add-on that sets them loads for every
# crawl and must not import `redis`.
REDIS_PARAMS = {"socket_timeout": SOCKET_TIMEOUT, "socket_connect_timeout": CONNECT_TIMEOUT, "retry_on_timeout": False,
                "encoding": "utf-8"}


@lru_cache(maxsize=1)
def worker_id() -> str:
    """This process among the workers: host, pid and a random part (a pid can come again)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def crawl_name(spider) -> str:
    """The spider's `crawl_key` (its name, and a digest of its start arguments when it has
    any: crawler/spiders/base.py), or its name."""
    return getattr(spider, "crawl_key", None) or spider.name


class CrawlKeys:
    """Key names under `<prefix>:<crawl>:` (`crawl_name`)."""

    def __init__(self, prefix: str, crawl: str) -> None:
        base = f"{prefix}:{crawl}"
        self.requests = f"{base}:requests"            # the shared queue (scrapy-redis priority queue)
        self.seen = f"{base}:dupefilter"              # request fingerprints seen (scrapy-redis dupefilter)
        self.inflight = f"{base}:inflight"            # token -> encoded request taken by a worker
        self.owners = f"{base}:owners"                # token -> the worker that took it
        self.started = f"{base}:started"              # who enqueues the start requests; "done" when enqueued
        self.activity = f"{base}:activity"            # time of the last response any worker handled
        self.documents = f"{base}:documents"          # documents any worker's spider made of its pages
        self.heartbeat_prefix = f"{base}:worker:"     # + worker id, with a TTL: the live workers

    def heartbeat(self, worker: str) -> str:
        return self.heartbeat_prefix + worker


class RedisUnreachable(RuntimeError):
    """Redis did not answer when a crawl worker started; the message says what to do.  Defined
    here, where `redis` is not imported, so that the commands that report it in one line
    (crawler/commands/crawl.py) need not import `redis`."""
