"""A worker's link to Redis: its client (`client`, cleaners/stream/outage.py's, with the writer's
timeouts), the check when a crawl starts, and the one outage record the frontier, the lifecycle
and the stream output of this process share.

Redis that does not answer when the crawl starts fails the crawl at once (RedisUnreachable:
nothing to resume yet, and a wrong URL should not wait a minute).  Redis that stops answering
mid-run is waited for WENKU_REDIS_LOST_AFTER seconds (cleaners/stream/outage.py), then the
crawl closes with the finish reason `redis_lost`, which the run's health judges a crawl
stopped early: exit 1 (crawler/commands/crawl.py, `python -m crawler`)."""
from __future__ import annotations

from cleaners.stream.outage import LOST_AFTER, RedisOutage, client, outage_errors, unreachable_message
from crawler.cluster.keys import RedisUnreachable

REDIS_ERRORS = outage_errors()
WHAT_TO_DO = "Restart it and rerun the same command: the crawl resumes from what Redis kept."

_outages: dict[str, RedisOutage] = {}


def outage_for(url: str, lost_after: float = LOST_AFTER) -> RedisOutage:
    """The outage record of `url` in this process (one for every crawl and the stream output)."""
    outage = _outages.get(url)
    if outage is None:
        outage = _outages[url] = RedisOutage(url, lost_after)
    return outage


def check_reachable(url: str) -> None:
    """RedisUnreachable, with what to do, unless Redis at `url` answers a PING."""
    try:
        probe = client(url)
    except ValueError as exc:
        raise RedisUnreachable(f"WENKU_REDIS_URL={exc}") from None
    try:
        probe.ping()
    except REDIS_ERRORS as exc:
        raise RedisUnreachable(unreachable_message(url, exc)) from None
    finally:
        probe.close()
