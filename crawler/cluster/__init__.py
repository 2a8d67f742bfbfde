"""Many crawl workers on one shared frontier in Redis (`-s WENKU_REDIS_URL=redis://HOST:PORT/DB`).

Every worker runs the same spiders with the same command.  With the setting, `addon.py`
switches the crawl to scrapy-redis: the request queue and the dupefilter live in Redis
(`frontier.py`), start requests are enqueued by one worker only, a worker that dies leaves
its in-flight requests to be put back by the others, and workers stop by themselves once
the shared queue has been idle for WENKU_REDIS_IDLE seconds (`lifecycle.py`); the item
pipeline cleans each document and pushes the results to a Redis stream
(crawler/handoff/stream_state.py), which `python -m cleaners ingest` stores.  Without the
setting nothing here is loaded and the crawl runs in one process as before.

Redis that stops answering mid-run is waited for WENKU_REDIS_LOST_AFTER seconds (what the
worker finds meanwhile is held, then handed over), then the crawl closes as `redis_lost` and
exits 1; Redis not answering when a worker starts fails it at once (`link.py`).

Modules, each importing only those listed before it:
    keys       the Redis key names of a crawl, this worker's id, the client's timeouts
    link       the client, the check at start, the outage shared by this process's crawls
    frontier   ClusterScheduler (scrapy-redis queue + in-flight ledger), ClusterDupeFilter
    lifecycle  ClusterLifecycle (heartbeat, orphans put back, idle stop), StartOnceMiddleware
    addon      ClusterAddon: the settings switch
"""
