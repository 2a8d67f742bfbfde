"""The output folder of a distributed crawl worker (WENKU_WRITER="redis", set by
crawler/cluster/addon.py): documents are cleaned here and their results pushed to the Redis
stream that `python -m cleaners ingest` stores; nothing of the store is in this process.

Tier B/C metadata records stay in this worker's own WENKU_OUT/metadata.jsonl (they are not
documents and the writer does not take them).  `holds` answers from them only: a document is
fetched once per crawl thanks to the shared dupefilter, and if two workers or a restart fetch
it again, the writer's identity (site, id) makes the second copy a no-op.

While it is open, the worker beats as a producer of the stream (`cleaners/stream/producers.py`),
so that a writer with `--idle-exit` does not stop while this worker may still push.

While Redis does not answer (crawler/cluster/link.py, the outage this process's crawls share),
a document waits to be pushed, up to WENKU_REDIS_LOST_AFTER seconds; then it is dropped
(NotHandedOn) and its request stays in the in-flight ledger, fetched again when the crawl is rerun.
"""
from __future__ import annotations

import asyncio
import time
from pathlib import Path

import redis
from twisted.internet import task

from cleaners.stream import producers
from cleaners.stream.outage import LOST_AFTER, RETRY_SECONDS, RedisLost
from cleaners.stream.records import FIELD, encode_result
from crawler.cluster import link
from crawler.cluster.keys import worker_id
from crawler.handoff.documents import pipeline_options, rejection, to_document
from crawler.handoff.output import METADATA_FILE, JsonlLog
from crawler.handoff.recording import Report, apply_report
from crawler.items import NotHandedOn

BACKLOG_WAIT = 0.5                 # seconds between looks at a stream longer than the backlog


class StreamState:
    """What a crawl worker's pipeline and middlewares ask of the output folder, on a stream."""

    def __init__(self, out_dir: Path, url: str, stream: str, backlog: int, lost_after: float = LOST_AFTER) -> None:
        self.out_dir = out_dir
        self.client = link.client(url)
        self.outage = link.outage_for(url, lost_after)
        self.stream, self.backlog = stream, backlog
        self.metadata = JsonlLog(out_dir / METADATA_FILE)
        self.users = 0
        self.producer = worker_id()              # the name of this worker's heartbeat on the frontier too
        self._beats = task.LoopingCall(self._beat)
        self._beats.start(producers.BEAT_SECONDS, now=True)

    def _beat(self) -> None:
        if self.outage.down:            # the crawl's beat tries Redis meanwhile
            return
        try:
            producers.beat(self.client, self.stream, self.producer)
        except redis.RedisError:        # Redis away for a moment: the next beat tries again
            pass

    def holds(self, site: str, doc_id: str) -> bool:
        return (site, doc_id) in self.metadata

    async def submit(self, crawler, item, options: dict, refresh: bool) -> None:
        """Clean the document here and push its usable results to the stream (waiting while the
        stream holds more than the backlog: the writer is behind)."""
        # Imported here: the cleaners' pipeline costs ~0.2 s of start-up (measured: 0.17-0.26 s),
        # and a worker imports this module before its first document.
        from cleaners import pipeline
        started = time.thread_time()
        report = Report()
        # No host-lines table: the writer that would count them is on another machine.
        results = pipeline.clean_all(to_document(item), pipeline_options(options))
        entries = []
        for result in results:
            why = rejection(result)
            if why:
                report.counts["rejected"] += 1
                report.logs.append((20, f"no document left in {item.url} after cleaning ({why})"))
                continue
            entries.append(encode_result(result))
        report.clean_seconds = time.thread_time() - started
        try:
            await self._push(entries)
        except RedisLost:
            raise NotHandedOn(f"not pushed to the Redis stream (Redis given up), fetched again when the crawl is "
                              f"rerun: {item.url}") from None
        report.counts["queued"] += len(entries)
        apply_report(crawler, report)

    async def _push(self, entries: list[bytes]) -> None:
        """Onto the stream, once it holds no more than the backlog (the writer is behind) and
        Redis answers; RedisLost if it does not for WENKU_REDIS_LOST_AFTER seconds.  A push that
        failed midway and is made again adds some entries twice: the writer's identity makes
        the second copy a no-op."""
        outage = self.outage
        while not outage.lost:
            if outage.down:
                await asyncio.sleep(RETRY_SECONDS)
                continue
            try:
                if self.backlog and self.client.xlen(self.stream) > self.backlog:
                    await asyncio.sleep(BACKLOG_WAIT)
                    continue
                if entries:
                    pipe = self.client.pipeline(transaction=False)
                    for entry in entries:
                        pipe.xadd(self.stream, {FIELD: entry})
                    pipe.execute()
                return
            except link.REDIS_ERRORS as exc:
                outage.failed(exc)
        raise RedisLost(outage.lost_message(link.WHAT_TO_DO))

    def close(self, crawler=None) -> None:
        if self._beats.running:
            self._beats.stop()
        if not self.outage.down:
            try:
                producers.leave(self.client, self.stream, self.producer)     # after the last XADD
            except redis.RedisError:        # the beat runs out by itself
                pass
        self.metadata.close()
        self.client.close()
