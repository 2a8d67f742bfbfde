"""Who is still pushing to a stream: the writer's idle exit waits for them.

A writer that stops after `--idle-exit` seconds without an entry would otherwise stop in the
middle of a slow crawl (a government site under back-off, a worker restarting after a crash)
and leave the entries pushed after it in the stream until the next run. Each producer (a
crawl worker's `StreamState`) beats into a sorted set `<stream>:producers` with the time its
beat runs out; the writer counts the beats still running. Times are the Redis server's, so
workers on other machines need no common clock.
"""
from __future__ import annotations

BEAT_SECONDS = 2.0            # a producer renews its beat this often ...
BEAT_TTL = 10.0               # ... and counts as gone this long after its last one (a kill -9)


def producers_key(stream: str) -> str:
    return f"{stream}:producers"


def _server_now(client) -> float:
    seconds, micros = client.time()
    return seconds + micros / 1e6


def beat(client, stream: str, producer: str, ttl: float = BEAT_TTL) -> None:
    """`producer` is alive and may push to `stream` for the next `ttl` seconds."""
    client.zadd(producers_key(stream), {producer: _server_now(client) + ttl})


def leave(client, stream: str, producer: str) -> None:
    """`producer` has pushed its last entry (call after its last XADD)."""
    client.zrem(producers_key(stream), producer)


def live(client, stream: str) -> int:
    """How many producers' beats are still running (the run-out ones are removed)."""
    key = producers_key(stream)
    client.zremrangebyscore(key, "-inf", _server_now(client))
    return int(client.zcard(key))
