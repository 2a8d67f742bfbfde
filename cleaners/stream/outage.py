"""How long Redis has not answered, and when to give up on it.

A crawl worker or the writer of a distributed crawl rides out a short outage (Redis restarted,
a failover, a network blip): its calls fail, it keeps what it cannot hand over and tries again.
Once Redis has not answered for `lost_after` seconds it stops with one clear error and a
non-zero exit, instead of looping for ever (a scheduled job must end and say why).

The clock is a parameter so that the deadline can be tested without waiting for it.
"""
from __future__ import annotations

import logging
import time

LOST_AFTER = 60.0        # seconds without an answer before a worker or the writer gives up (default)
RETRY_SECONDS = 1.0      # between tries of a call that must go through, while Redis does not answer
# A Redis call that takes longer counts as failed (redis-py's default waits for ever, scrapy-redis's
# 30 s and tries again): a hung Redis (stopped, or cut off without a reset) then fails within the
# grace period.  The writer's client and the workers' (crawler/cluster/keys.py REDIS_PARAMS) use both.
SOCKET_TIMEOUT = 10.0
CONNECT_TIMEOUT = 5.0

logger = logging.getLogger(__name__)


def outage_errors() -> tuple[type[BaseException], ...]:
    """The errors that mean "Redis does not answer" (refused, reset, timed out, still loading
    its data after a restart), not "Redis refused this command"."""
    # Imported here: `redis` costs ~0.25 s of start-up (measured), and this module is imported
    # by every `python -m cleaners` command through cleaners/stream/ingest.py.
    import redis
    return (redis.ConnectionError, redis.TimeoutError)


class RedisLost(Exception):
    """Redis has not answered for the whole grace period; the message says what to do."""


class RedisOutage:
    """The current outage of one Redis, if any: `failed` at each failed call, `answered` at each
    call that went through; `lost` once the failures have lasted `lost_after` seconds."""

    def __init__(self, url: str, lost_after: float = LOST_AFTER, clock=time.monotonic, log=logger) -> None:
        self.url = url
        self.lost_after = float(lost_after)
        self.clock = clock
        self.log = log
        self.since: float | None = None          # when the current outage began (None: Redis answers)
        self.last_error = ""
        self.abandoned = False                   # given up before the grace period ended (`abandon`)

    @property
    def down(self) -> bool:
        return self.since is not None

    @property
    def lost(self) -> bool:
        return self.abandoned or (self.since is not None and self.clock() - self.since >= self.lost_after)

    def abandon(self) -> None:
        """Given up now, whatever the clock says (Redis came back without what it held): those
        waiting for it stop waiting."""
        self.abandoned = True

    def failed(self, error: BaseException) -> None:
        self.last_error = str(error) or type(error).__name__
        if self.since is None:
            self.since = self.clock()
            self.log.warning("Redis at %s does not answer (%s): retrying for up to %g s (then this process stops)",
                             self.url, self.last_error, self.lost_after)

    def answered(self) -> bool:
        """Redis answered; True when that ends an outage."""
        if self.since is None:
            return False
        self.log.warning("Redis at %s answers again after %.1f s", self.url, self.clock() - self.since)
        self.since = None
        return True

    def lost_message(self, what_to_do: str) -> str:
        return (f"Redis at {self.url} has not answered for {self.lost_after:g} s (last error: {self.last_error}): "
                f"is redis-server running at {self.url}? {what_to_do}")


def client(url: str):
    """A Redis client of `url` with the timeouts above (the writer's and a crawl worker's own
    calls); a ValueError that names the URL and what to give when it is no Redis URL."""
    import redis        # (here, for the start-up cost `outage_errors` avoids)
    try:
        return redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=CONNECT_TIMEOUT)
    except ValueError as exc:       # http://…, a bare host
        raise ValueError(f"{url}: {exc}; give redis://HOST:PORT/DB") from None


def unreachable_message(url: str, error: BaseException, what_to_do: str = "Start it and rerun the same command.") -> str:
    """What to say when Redis does not answer when a process starts (it then fails at once)."""
    return f"Redis at {url} does not answer ({error}): is redis-server running at {url}? {what_to_do}"
