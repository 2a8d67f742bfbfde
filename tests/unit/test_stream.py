"""The stream writer's loop (cleaners/stream) on fakeredis: what it stores, rejects and
acknowledges, and when it stops.  The real redis-server runs in tests/integration/test_redis.py."""
from __future__ import annotations

import io
import json
import threading
import time

import fakeredis
import pytest

import dedup_corpus as corpus
from cleaners import pipeline
from cleaners.document import Document
from cleaners.stream import ingest, producers, records
from store_checks import assert_consistent, manifest


@pytest.fixture
def client():
    return fakeredis.FakeRedis()


def held(root) -> dict:
    """Each kept document's file hash and the ids of all its copies (a duplicate seen again
    moves to the end of the aliases: the order is arrival order)."""
    return {r["id"]: (r["sha1"], sorted(a["id"] for a in r["aliases"])) for r in manifest(root)}


def push(client, payload: bytes) -> None:
    client.xadd(records.STREAM, {records.FIELD: payload})


def test_results_and_raw_documents_are_stored_bad_entries_rejected_and_all_acknowledged(client, tmp_path):
    docs = corpus.build(seed=4, mixed=3)
    for doc in docs[:6]:
        push(client, records.encode_result(pipeline.clean(Document(id=doc.id, site=doc.site, url=f"https://x/{doc.id}",
                                                                   title=doc.title, text=doc.text))))
    push(client, records.encode_document(Document(id="raw1", site="fanwen", title=docs[6].title, text=docs[6].text)))
    push(client, b"not json")
    push(client, json.dumps({"kind": "result"}).encode())
    counts = ingest.ingest(client, tmp_path, idle_exit=0.2, batch=4, log=io.StringIO())
    assert counts["entries"] == 9 and counts["bad"] == 2
    stored = {r["id"] for r in manifest(tmp_path)} | {a["id"] for r in manifest(tmp_path) for a in r["aliases"]}
    assert {d.id for d in docs[:6]} | {"raw1"} <= stored
    assert client.xlen(records.STREAM) == 0
    assert client.xpending(records.STREAM, records.GROUP)["pending"] == 0
    rejects = [json.loads(line) for line in (tmp_path / "rejects.jsonl").read_text().splitlines()]
    assert [r["reason"] for r in rejects] == ["bad stream entry", "bad stream entry"]
    assert_consistent(tmp_path)


def test_entries_read_but_not_acknowledged_are_taken_over_and_stored_once(client, tmp_path):
    """A writer killed after reading (and even after committing) leaves its entries pending:
    the next writer claims them; the ones already stored are exact duplicates of themselves."""
    docs = corpus.build(seed=5, mixed=3)[:8]
    for doc in docs:
        push(client, records.encode_result(pipeline.clean(Document(id=doc.id, site=doc.site, text=doc.text,
                                                                   title=doc.title))))
    ingest.ensure_group(client, records.STREAM, records.GROUP)
    client.xreadgroup(records.GROUP, "killed-writer", {records.STREAM: ">"}, count=5)
    first = ingest.ingest(client, tmp_path, idle_exit=0.2, log=io.StringIO())
    after_first = held(tmp_path)
    client.xgroup_setid(records.STREAM, records.GROUP, id="0")          # as if none had been acknowledged
    for doc in docs:
        push(client, records.encode_result(pipeline.clean(Document(id=doc.id, site=doc.site, text=doc.text,
                                                                   title=doc.title))))
    second = ingest.ingest(client, tmp_path, idle_exit=0.2, log=io.StringIO())
    assert first["taken_over"] == 5 and first["entries"] == 8
    assert second["store_kept"] == 0 and second["store_written"] == 0
    assert held(tmp_path) == after_first
    assert_consistent(tmp_path)


def test_the_writer_stops_by_itself_when_the_stream_stays_idle(client, tmp_path):
    started = time.monotonic()
    counts = ingest.ingest(client, tmp_path, idle_exit=0.5, log=io.StringIO())
    assert 0.5 <= time.monotonic() - started < 5
    assert counts["entries"] == 0


def test_the_idle_writer_waits_for_a_live_producer_and_stores_what_it_pushes_before_leaving(client, tmp_path):
    """A slow crawl worker (a site under back-off) pushes after the idle time: the writer must
    still be there, and must read the entry pushed just before the worker left."""
    doc = corpus.build(seed=6, mixed=0)[0]
    producers.beat(client, records.STREAM, "worker-1")

    def slow_worker():
        time.sleep(1.0)
        push(client, records.encode_result(pipeline.clean(Document(id=doc.id, site=doc.site, title=doc.title,
                                                                   text=doc.text))))
        producers.leave(client, records.STREAM, "worker-1")

    worker = threading.Thread(target=slow_worker)
    worker.start()
    log = io.StringIO()
    counts = ingest.ingest(client, tmp_path, idle_exit=0.2, log=log)
    worker.join()
    assert counts["entries"] == 1 and counts["store_kept"] == 1
    assert "waiting for 1 producer(s) still alive" in log.getvalue()
    assert client.xlen(records.STREAM) == 0


def test_a_producer_killed_without_leaving_holds_the_idle_writer_only_until_its_beat_runs_out(client, tmp_path):
    producers.beat(client, records.STREAM, "killed-worker", ttl=0.6)
    started = time.monotonic()
    counts = ingest.ingest(client, tmp_path, idle_exit=0.1, log=io.StringIO())
    assert 0.6 <= time.monotonic() - started < 5
    assert counts["entries"] == 0 and producers.live(client, records.STREAM) == 0


def test_a_batch_of_entries_is_added_together_so_its_key_file_look_ups_are_made_in_one_pass(client, tmp_path,
                                                                                              monkeypatch):
    from cleaners.store import Store, disk_keys
    docs = corpus.build(seed=5, mixed=3)[:8]
    for doc in docs:
        push(client, records.encode_result(pipeline.clean(Document(id=doc.id, site=doc.site, url=f"https://x/{doc.id}",
                                                                   title=doc.title, text=doc.text))))
    one_by_one = []
    monkeypatch.setattr(Store, "add", lambda *args, **kwargs: one_by_one.append(1))
    searches, real_find = [], disk_keys.PendingKeys.find
    monkeypatch.setattr(disk_keys.PendingKeys, "find", lambda self, keys: (searches.append(1), real_find(self, keys))[1])
    counts = ingest.ingest(client, tmp_path, idle_exit=0.2, batch=8, log=io.StringIO())
    assert counts["entries"] == 8 and one_by_one == [] and searches == []
    assert sum(counts[s] for s in ("kept", "exact_dup", "near_dup", "replaced")) == 8
    assert_consistent(tmp_path)
