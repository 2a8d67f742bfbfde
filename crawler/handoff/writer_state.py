"""The crawler-process side of the writer process (crawler/handoff/writer.py): taking over
the writer `launch.py` starts, handing it documents, applying its replies.

No thread here: documents are framed and written with non-blocking writes from the event
loop, and replies are read when the loop says the pipe is readable (see writer.py on why).
"""
from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import time
from pathlib import Path

from cleaners.store import LOCK_NAME

from crawler.handoff.framing import PIPE_BYTES, frame, read_messages, unframe, write_all
from crawler.handoff.launch import start_process, take_early
from crawler.handoff.output import METADATA_FILE, JsonlLog, OutputState
from crawler.handoff.recording import apply_report

logger = logging.getLogger(__name__)

DEFAULT_BACKLOG = 500       # documents handed over and not yet answered, before submit waits
LOCK_WAIT_SECONDS = 10.0    # a killed run's writer may take a moment to let go of the store
SEND_DELAY = 0.01           # seconds a document may wait for others to share its write
SEND_BATCH_BYTES = 256 * 1024


class WriterError(RuntimeError):
    """The writer process is gone; documents handed to it may not be stored."""


def wait_for_store(out_dir: Path, timeout: float = LOCK_WAIT_SECONDS) -> None:
    """Wait (a little) until no other process holds the store's lock: after a kill -9 the
    killed crawl's writer is being torn down by the kernel while the rerun starts."""
    lock_path = out_dir / LOCK_NAME
    if not lock_path.exists():
        return
    deadline = time.monotonic() + timeout
    with open(lock_path, "a+") as fh:
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fh, fcntl.LOCK_UN)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return      # the Store says who holds it and what to do
                time.sleep(0.05)


class WriterState:
    """The crawler-process side of an output folder whose store a writer process owns.

    Offers what the middlewares and the pipeline use of `OutputState`: `holds`,
    `metadata` (Tier B/C records stay in this process), plus `submit` / `finish`.
    """

    def __init__(self, out_dir: Path, dedup: bool = True, backlog: int = DEFAULT_BACKLOG, workers: int = 0):
        self.out_dir = out_dir
        self.users = 0
        self.backlog = backlog
        wait_for_store(out_dir)
        snapshot = OutputState(out_dir, dedup=dedup)
        try:
            self.held = snapshot.held_ids()
        finally:
            snapshot.close()
        self.metadata = JsonlLog(out_dir / METADATA_FILE)
        self.process, self.send_fd, self.reply_fd = (take_early(out_dir, dedup, workers)
                                                     or start_process(out_dir, dedup, workers))
        self.outgoing = bytearray()     # framed messages the pipe has not taken yet
        self.flush_timer: asyncio.TimerHandle | None = None
        self.waiting_writable = False
        self.incoming = bytearray()     # reply bytes not yet making a whole message
        self.crawlers: dict[int, object] = {}
        self.pending: dict[int, int] = {}           # crawler token -> documents not answered yet
        self.unanswered = 0
        self.waiters: list[asyncio.Future] = []
        self.totals: dict | None = None
        self.failed: str | None = None
        self.loop = asyncio.get_event_loop()
        self.loop.add_reader(self.reply_fd, self._read_replies)

    # -- queries
    def holds(self, site: str, doc_id: str) -> bool:
        key = (site, doc_id)
        return key in self.metadata or key in self.held

    # -- handing documents over
    def _send(self, message) -> None:
        """Queue a message; written within SEND_DELAY seconds, with the others queued meanwhile
        (one write and one wake-up of the writer per batch rather than per document)."""
        self.outgoing += frame(message)
        if len(self.outgoing) >= SEND_BATCH_BYTES:
            self._flush()
        elif self.flush_timer is None and not self.waiting_writable:
            self.flush_timer = self.loop.call_later(SEND_DELAY, self._flush)

    def _flush(self) -> None:
        """Write what the pipe takes now; come back when it is writable again."""
        if self.flush_timer is not None:
            self.flush_timer.cancel()
            self.flush_timer = None
        try:
            written = os.write(self.send_fd, self.outgoing) if self.outgoing else 0
        except BlockingIOError:
            written = 0
        except OSError as exc:      # EPIPE: the writer is gone
            self.outgoing.clear()
            self.loop.remove_writer(self.send_fd)
            self.waiting_writable = False
            self._lost(exc)
            return
        del self.outgoing[:written]
        if self.outgoing and not self.waiting_writable:
            self.loop.add_writer(self.send_fd, self._flush)
            self.waiting_writable = True
        elif not self.outgoing and self.waiting_writable:
            self.loop.remove_writer(self.send_fd)
            self.waiting_writable = False

    def _token(self, crawler, options, refresh: bool) -> int:
        """The crawler's key in messages; its options go to the writer once."""
        token = id(crawler)
        if token not in self.crawlers:
            self.crawlers[token] = crawler
            self.pending[token] = 0
            self._send(("crawl", token, (options, refresh)))
        return token

    async def submit(self, crawler, item, options, refresh: bool) -> None:
        """Hand a text document to the writer; wait only while the backlog is full."""
        if self.unanswered >= self.backlog:
            crawler.stats.inc_value("wenku/writer/backlog_full")
            while self.unanswered >= self.backlog and self.failed is None:
                await self._next_reply()
        if self.failed is not None:
            raise WriterError(self.failed)
        token = self._token(crawler, options, refresh)
        self.held.add((item.site, item.id))
        self._send(("doc", token, item))
        self.pending[token] += 1
        self.unanswered += 1

    async def finish(self, crawler) -> None:
        """Wait until every document this crawler handed over has been answered."""
        token = id(crawler)
        while self.pending.get(token) and self.failed is None:
            await self._next_reply()
        if self.failed is not None:
            logger.error("%s", self.failed)

    def _next_reply(self) -> asyncio.Future:
        future = self.loop.create_future()
        self.waiters.append(future)
        return future

    def _read_replies(self) -> None:
        """Event-loop callback: apply every whole reply in the pipe, wake the waiters."""
        try:
            data = os.read(self.reply_fd, PIPE_BYTES)
        except BlockingIOError:
            return
        except OSError as exc:
            data, error = b"", exc
        else:
            error = None
        if data:
            self.incoming += data
            for replies in unframe(self.incoming):
                for reply in replies:
                    self._apply(reply)
        else:                       # end of file: the writer has exited
            self.loop.remove_reader(self.reply_fd)
            self._lost(error)
        waiters, self.waiters = self.waiters, []
        for future in waiters:
            if not future.done():
                future.set_result(None)

    def _apply(self, reply) -> None:
        token, report = reply
        if token is None:
            self.totals = report
            return
        self.pending[token] -= 1
        self.unanswered -= 1
        apply_report(self.crawlers[token], report)

    def _lost(self, error: Exception | None = None) -> None:
        if self.totals is None and self.failed is None:
            code = self.process.poll()
            self.failed = (f"the writer process of {self.out_dir} ended unexpectedly (exit code {code}"
                           f"{f', {error}' if error else ''}) with {self.unanswered} documents unanswered; "
                           "see the error above, then rerun: documents not stored are fetched again")

    # -- closing
    def close(self, crawler=None) -> None:
        """Send the writer home: it stores what is left, closes the store, reports its totals."""
        self.metadata.close()
        if self.flush_timer is not None:
            self.flush_timer.cancel()
        self.loop.remove_writer(self.send_fd)
        self.loop.remove_reader(self.reply_fd)
        if self.failed is None:
            try:
                os.set_blocking(self.send_fd, True)
                write_all(self.send_fd, bytes(self.outgoing))
            except OSError as exc:
                self._lost(exc)
        os.close(self.send_fd)      # end of file: the writer finishes, closes the store and reports
        os.set_blocking(self.reply_fd, True)
        try:
            while self.totals is None:
                batches = read_messages(self.reply_fd, self.incoming)
                if batches is None:
                    self._lost()
                    break
                for reply in (r for batch in batches for r in batch):
                    self._apply(reply)
        finally:
            os.close(self.reply_fd)
        self.process.wait()
        if self.failed is not None:
            logger.error("%s", self.failed)
            if crawler is not None:     # the run's health reads it: a failed store fails the run
                crawler.stats.set_value("wenku/writer/failed", self.failed)
        if crawler is not None and self.totals:
            stats = crawler.stats
            stats.set_value("wenku/writer/cpu_seconds", round(self.totals["cpu_seconds"], 3))
            stats.set_value("wenku/writer/own_cpu_seconds", round(self.totals["own_cpu_seconds"], 3))
            stats.set_value("wenku/writer/idle_seconds", round(self.totals["idle_seconds"], 3))
            stats.set_value("wenku/writer/documents", self.totals["documents"])
            stats.set_value("wenku/writer/workers", self.totals.get("workers", 0))
