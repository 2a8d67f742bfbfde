"""A distributed crawl worker's output state (crawler/handoff/stream_state.py) on fakeredis:
it counts as a producer of the stream from when it opens until it closes."""
from __future__ import annotations

import fakeredis
import redis

from cleaners.stream import producers, records
from crawler.handoff.stream_state import StreamState


def test_a_worker_counts_as_a_producer_of_the_stream_while_its_output_is_open(tmp_path, monkeypatch):
    server = fakeredis.FakeServer()
    monkeypatch.setattr(redis.Redis, "from_url", classmethod(lambda cls, url, **_: fakeredis.FakeRedis(server=server)))
    watcher = fakeredis.FakeRedis(server=server)
    state = StreamState(tmp_path, url="redis://127.0.0.1:1/0", stream=records.STREAM, backlog=0)
    try:
        assert producers.live(watcher, records.STREAM) == 1
    finally:
        state.close()
    assert producers.live(watcher, records.STREAM) == 0
