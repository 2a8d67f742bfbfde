"""The switch: with WENKU_REDIS_URL set (`-s WENKU_REDIS_URL=redis://HOST:PORT/DB`), the crawl
uses the shared frontier and pushes documents to the Redis stream; without it, nothing changes.

An add-on (Scrapy's ADDONS) because it must see the command line's settings and then override
the project's (settings.py sets SCHEDULER and DUPEFILTER_CLASS for the one-process crawl)."""
from __future__ import annotations

from crawler.cluster.keys import REDIS_PARAMS

CLUSTER_SETTINGS = {
    "SCHEDULER": "crawler.cluster.frontier.ClusterScheduler",
    "DUPEFILTER_CLASS": "crawler.cluster.frontier.ClusterDupeFilter",
    "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
    "SCHEDULER_PERSIST": True,          # a worker closing must not clear the queue the others use
    "SCHEDULER_FLUSH_ON_START": False,
    "WENKU_WRITER": "redis",
}


class ClusterAddon:
    def update_settings(self, settings) -> None:
        url = settings.get("WENKU_REDIS_URL")
        if not url:
            return
        prefix = settings.get("WENKU_REDIS_PREFIX", "wenku")
        params = {**REDIS_PARAMS, **settings.getdict("REDIS_PARAMS")}     # the user's own win
        for name, value in {**CLUSTER_SETTINGS, "REDIS_URL": url, "REDIS_PARAMS": params,
                            "SCHEDULER_QUEUE_KEY": f"{prefix}:%(spider)s:requests",
                            "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:%(spider)s:dupefilter"}.items():
            settings.set(name, value, priority="cmdline")
        extensions = dict(settings.getdict("EXTENSIONS"))
        extensions["crawler.cluster.lifecycle.ClusterLifecycle"] = 10
        settings.set("EXTENSIONS", extensions, priority="cmdline")
        middlewares = dict(settings.getdict("SPIDER_MIDDLEWARES"))
        middlewares["crawler.cluster.lifecycle.StartOnceMiddleware"] = 5
        settings.set("SPIDER_MIDDLEWARES", middlewares, priority="cmdline")
