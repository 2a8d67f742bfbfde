"""The writer: reads the stream through a consumer group, deduplicates every document against
the store's persistent index, writes the store, and acknowledges (XACK) an entry only after
the store has committed what came of it.

Exactly once, across a kill -9 at any moment:
  * an entry is acknowledged after `Store.commit`, so a killed writer leaves every entry whose
    document is not committed in the group's pending list; on restart the writer first takes
    over the group's pending entries (XAUTOCLAIM: any consumer's, the store's lock makes this
    the only writer of the folder) and reads them again;
  * an entry read again whose document was committed before the kill (killed between the
    commit and the XACK) is a no-op: the store's identity (site, id) makes the same source
    once more an exact duplicate of itself, no second file, no second row.
Acknowledged entries are deleted from the stream (XDEL), so Redis holds only what waits.

The idle exit waits for the producers (`producers.py`): no entry for `idle_exit` seconds and
no producer alive, then one last read for what a producer pushed just before it left.

Redis that stops answering mid-run is waited for (`outage.py`): up to `--redis-lost-after`
seconds, then the writer stops with exit 1 and says what to do.  Nothing is acknowledged that
is not committed, so a rerun once Redis is back stores what is left, each document once.
"""
from __future__ import annotations

import signal
import sys
import time
from collections import Counter
from pathlib import Path

from cleaners import pipeline
from cleaners.document import Document
from cleaners.store import Store
from cleaners.store.rejects import RejectLog
from cleaners.stream import producers, records
from cleaners.stream.outage import RETRY_SECONDS, RedisLost, RedisOutage, outage_errors

ADD_CHUNK = 64        # documents prepared and added together: each holds its text and shingle hashes meanwhile

BLOCK_MS = 500                    # how long one XREADGROUP waits for new entries
WHAT_TO_DO = ("Restart it and rerun the same command: the writer stores what the stream still holds "
              "(entries it stored and could not acknowledge are read again, and stored once).")


class Stopping:
    """SIGTERM / SIGINT ask the loop to stop after the batch in hand (committed, acknowledged)."""

    def __init__(self) -> None:
        self.asked = False
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._ask)

    def _ask(self, *_) -> None:
        self.asked = True


def describe(client) -> str:
    """The client's Redis as a URL, for messages (redis://HOST:PORT/DB)."""
    kwargs = getattr(getattr(client, "connection_pool", None), "connection_kwargs", {})
    return f"redis://{kwargs.get('host', '?')}:{kwargs.get('port', '?')}/{kwargs.get('db', 0)}"


def ensure_group(client, stream: str, group: str) -> None:
    """The consumer group, created (with the stream) reading from the start when missing."""
    try:
        client.xgroup_create(stream, group, id="0", mkstream=True)
    except Exception as exc:  # noqa: BLE001 - redis.ResponseError; the redis package is imported lazily
        if "BUSYGROUP" not in str(exc):
            raise


def take_over_pending(client, stream: str, group: str, consumer: str, batch: int) -> int:
    """Claim every entry the group's consumers read but did not acknowledge (a killed writer's)."""
    claimed, start = 0, "0-0"
    while True:
        reply = client.xautoclaim(stream, group, consumer, min_idle_time=0, start_id=start, count=batch)
        start, entries = reply[0], reply[1]
        claimed += len(entries)
        if start in (b"0-0", "0-0"):
            return claimed


def ingest(client, out: Path, stream: str = records.STREAM, group: str = records.GROUP, consumer: str = "writer",
           idle_exit: float | None = None, batch: int = 500, dedup: bool = True,
           options: pipeline.Options | None = None, stopping: Stopping | None = None, log=sys.stderr,
           outage: RedisOutage | None = None) -> Counter:
    """Run the writer until the stream has been idle for `idle_exit` seconds with no producer
    alive (None: until stopped).  Returns the counts of what became of the entries.

    Redis must answer at the start (its errors then go to the caller at once).  Later, a Redis
    that stops answering is waited for, up to `outage.lost_after` seconds (then RedisLost): what
    was committed and not acknowledged stays pending in the group, and once Redis answers again
    the writer reads its own pending entries first (stored ones are no-ops), then new ones."""
    options = options or pipeline.Options()
    outage = outage or RedisOutage(describe(client))
    counts: Counter = Counter(entries=0)
    ensure_group(client, stream, group)
    with Store(out, dedup=dedup) as store, RejectLog(out) as rejects:
        counts["taken_over"] = take_over_pending(client, stream, group, consumer, batch)
        loop = _Loop(client, store, rejects, stream, group, consumer, idle_exit, batch, options, counts, log)
        while not (stopping and stopping.asked) and not loop.done:
            try:
                if outage.down:
                    ensure_group(client, stream, group)      # a Redis restarted empty has lost the group
                    loop.resume()
                loop.step()
            except outage_errors() as exc:
                outage.failed(exc)
                if outage.lost:
                    raise RedisLost(outage.lost_message(WHAT_TO_DO)) from exc
                time.sleep(RETRY_SECONDS)
                continue
            outage.answered()
        counts.update({f"store_{k}": v for k, v in store.summary().items()})
    return counts


class _Loop:
    """One read of the stream at a time: store what came, commit, then acknowledge."""

    def __init__(self, client, store, rejects, stream, group, consumer, idle_exit, batch, options, counts, log):
        self.client, self.store, self.rejects = client, store, rejects
        self.stream, self.group, self.consumer = stream, group, consumer
        self.idle_exit, self.batch, self.options, self.counts, self.log = idle_exit, batch, options, counts, log
        self.read_from, self.last_entry = "0", time.monotonic()     # "0": this consumer's pending entries first
        self.waiting_for, self.last_read, self.done = None, False, False

    def resume(self) -> None:
        """After an outage: this consumer's pending entries again (a read whose reply was lost, a
        commit whose XACK failed), and the idle time from now (the producers beat again)."""
        self.read_from, self.last_entry = "0", time.monotonic()
        self.waiting_for, self.last_read = None, False

    def step(self) -> None:
        reply = self.client.xreadgroup(self.group, self.consumer, {self.stream: self.read_from}, count=self.batch,
                                       block=None if self.read_from != ">" or self.last_read else BLOCK_MS)
        entries = reply[0][1] if reply else []
        if self.read_from != ">":
            if not entries:
                self.read_from = ">"
                return
            self.read_from = entries[-1][0]
        if not entries:
            self.idle()
            return
        self.last_entry, self.last_read, self.waiting_for = time.monotonic(), False, None
        counts = self.counts
        results = [result for entry_id, fields in entries
                   for result in usable_results(self.rejects, entry_id, fields, self.options, counts)]
        for begin in range(0, len(results), ADD_CHUNK):          # look-ups batched (`Store.add_many`)
            counts.update(outcome.status for outcome in self.store.add_many(results[begin:begin + ADD_CHUNK]))
        self.store.commit()                                   # durable: now they may be acknowledged
        ids = [entry_id for entry_id, _ in entries]
        # acknowledged and deleted in one transaction: killed between the two (Redis or this
        # process), entries were left acknowledged in the stream, read by no one, for ever
        done = self.client.pipeline(transaction=True)
        done.xack(self.stream, self.group, *ids).xdel(self.stream, *ids).execute()
        counts["entries"] += len(ids)
        print(f"ingest: {counts['entries']} entries, {self.store.summary()['kept']} kept this run", file=self.log,
              flush=True)

    def idle(self) -> None:
        if self.last_read:
            self.done = True
            return
        if self.idle_exit is not None and time.monotonic() - self.last_entry >= self.idle_exit:
            alive = producers.live(self.client, self.stream)
            self.last_read = alive == 0           # one more read: an entry pushed just before a producer left
            if alive and alive != self.waiting_for:
                print(f"ingest: idle for {self.idle_exit:g} s, waiting for {alive} producer(s) still alive",
                      file=self.log, flush=True)
            self.waiting_for = alive


def usable_results(rejects: RejectLog, entry_id, fields: dict, options: pipeline.Options,
                   counts: Counter) -> list:
    """The results of one entry for the store (the rest into rejects.jsonl, with the reason):
    a batch's go to `Store.add_many` together, whose key-file look-ups are made in one pass
    over each file for all of them, not per document and file."""
    where = f"stream entry {entry_id.decode() if isinstance(entry_id, bytes) else entry_id}"
    fields = fields or {}               # a pending entry trimmed from the stream comes back without fields
    raw = fields.get(records.FIELD.encode()) or fields.get(records.FIELD)
    try:
        item = records.decode(raw, where) if raw is not None else None
        if item is None:
            raise ValueError(f"no `{records.FIELD}` field")
    except ValueError as exc:        # json.JSONDecodeError is a ValueError too
        counts["bad"] += 1
        rejects.add("bad stream entry", where=where, detail=str(exc)[:300])
        return []
    usable = []
    for result in pipeline.clean_all(item, options) if isinstance(item, Document) else [item]:
        why = result.rejection if isinstance(item, Document) else (None if result.text else "empty")
        if why:
            counts["rejected"] += 1
            rejects.add(why, id=result.id, url=result.url, where=where)
        else:
            usable.append(result)
    return usable
