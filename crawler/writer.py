"""The writer process: cleaning, dedup and the output store on the machine's other core.

Scrapy runs in one thread.  Cleaning and storing a document in the item pipeline
costs about as much CPU as fetching and parsing it, and meanwhile nothing is
fetched.  With WENKU_WRITER="process" (the default) the crawler process only
fetches and parses; every text document goes, as raw bytes, to ONE writer process
per output folder, which runs the same `pipelines.store_document` (clean_all,
Store.add, ledger) the inline mode runs, in arrival order, and answers with the
outcome counts for the crawl's stats and summary.

    crawler process                                writer process
    process_item -> inbox (multiprocessing.Queue) -> store_document -> replies (pipe)
    event loop reads replies as they come  <--------------------------------'

* Fire and forget: `submit` returns at once unless WENKU_WRITER_BACKLOG documents are
  still unanswered (backpressure: then it waits for replies, never blocking the loop).
* "Do we hold it?" (incremental runs, max_docs): the crawler process reads the folder's
  held ids once at start (opening the store, then closing it for the writer) and adds
  every id it hands to the writer in this run.
* Crash semantics are the inline mode's: only the writer writes the store and the
  ledger, in that order, so a kill -9 leaves exactly what an inline crawl killed at
  the same point would; documents handed over but not committed are simply not held,
  and the rerun fetches them again.  The writer dies with the crawler process
  (PR_SET_PDEATHSIG), so a rerun never meets a writer still holding the store's lock,
  and it ignores Ctrl-C: a graceful stop drains the backlog and closes the store.
"""
from __future__ import annotations

import asyncio
import logging
import os
import signal
import time
from pathlib import Path

from . import state as output_state

logger = logging.getLogger(__name__)

DEFAULT_BACKLOG = 500       # documents handed over and not yet answered, before submit waits
LOCK_WAIT_SECONDS = 10.0    # a killed run's writer may take a moment to let go of the store


class WriterError(RuntimeError):
    """The writer process is gone; documents handed to it may not be stored."""


# ----------------------------------------------------------------- writer process side

def die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to SIGKILL this process when the crawler process dies (Linux); exit
    now if it already has.  Elsewhere a killed crawl's writer ends at its next read."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:
        os._exit(1)


def writer_main(out_dir: str, dedup: bool, parent_pid: int, inbox, replies) -> None:
    """Body of the writer process: store every document it is sent, answer each one."""
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C reaches the crawler, which drains us
    from .pipelines import Report, store_document
    state = output_state.OutputState(Path(out_dir), dedup=dedup)
    crawls: dict[int, tuple] = {}
    idle = 0.0
    documents = 0
    try:
        while True:
            waited = time.perf_counter()
            message = inbox.get()
            idle += time.perf_counter() - waited
            if message is None:
                break
            kind, token, payload = message
            if kind == "crawl":         # a crawler's options, once per crawler
                crawls[token] = payload
                continue
            options, refresh = crawls[token]
            try:
                report = store_document(state, payload, options, refresh)
            except Exception as exc:  # noqa: BLE001 - the store refused one document; go on with the next
                report = Report()
                report.counts["failed"] += 1
                report.logs.append((logging.ERROR, f"error storing {payload.url} ({payload.site} {payload.id}): "
                                                   f"{type(exc).__name__}: {exc}"))
            documents += 1
            replies.send((token, report))
    finally:
        state.close()
    usage = os.times()
    replies.send((None, {"documents": documents, "cpu_seconds": usage.user + usage.system,
                         "idle_seconds": idle}))


# ----------------------------------------------------------------- crawler process side

def wait_for_store(out_dir: Path, timeout: float = LOCK_WAIT_SECONDS) -> None:
    """Wait (a little) until no other process holds the store's lock: after a kill -9 the
    killed crawl's writer is being torn down by the kernel while the rerun starts."""
    import fcntl

    from cleaners.store import LOCK_NAME
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

    def __init__(self, out_dir: Path, dedup: bool = True, backlog: int = DEFAULT_BACKLOG):
        import multiprocessing
        self.out_dir = out_dir
        self.users = 0
        self.backlog = backlog
        wait_for_store(out_dir)
        snapshot = output_state.OutputState(out_dir, dedup=dedup)
        try:
            self.held = snapshot.held_ids()
        finally:
            snapshot.close()
        self.metadata = output_state.JsonlLog(out_dir / output_state.METADATA_FILE)
        context = multiprocessing.get_context("spawn")
        self.inbox = context.Queue()
        self.replies, child_end = context.Pipe(duplex=False)
        self.process = context.Process(target=writer_main, name="wenku-writer", daemon=True,
                                       args=(str(out_dir), dedup, os.getpid(), self.inbox, child_end))
        self.process.start()
        child_end.close()           # so that the writer's death reads as EOF here
        self.crawlers: dict[int, object] = {}
        self.pending: dict[int, int] = {}           # crawler token -> documents not answered yet
        self.unanswered = 0
        self.waiters: list[asyncio.Future] = []
        self.totals: dict | None = None
        self.failed: str | None = None
        self.loop = asyncio.get_event_loop()
        self.loop.add_reader(self.replies.fileno(), self._read_replies)

    # -- queries
    def holds(self, site: str, doc_id: str) -> bool:
        key = (site, doc_id)
        return key in self.metadata or key in self.held

    # -- handing documents over
    def _token(self, crawler, options, refresh: bool) -> int:
        """The crawler's key in messages; its options go to the writer once."""
        token = id(crawler)
        if token not in self.crawlers:
            self.crawlers[token] = crawler
            self.pending[token] = 0
            self.inbox.put(("crawl", token, (options, refresh)))
        return token

    async def submit(self, crawler, item, options, refresh: bool) -> None:
        """Hand a text document to the writer; wait only while the backlog is full."""
        if self.unanswered >= self.backlog:
            crawler.stats.inc_value("wenku/writer/backlog_full")
            waited = time.perf_counter()
            while self.unanswered >= self.backlog and self.failed is None:
                await self._next_reply()
            crawler.stats.inc_value("wenku/writer/backlog_wait_seconds", time.perf_counter() - waited, start=0.0)
        if self.failed is not None:
            raise WriterError(self.failed)
        token = self._token(crawler, options, refresh)
        self.held.add((item.site, item.id))
        self.inbox.put(("doc", token, item))
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
        """Event-loop callback: apply every reply waiting in the pipe, wake the waiters."""
        try:
            while self.replies.poll():
                self._apply(self.replies.recv())
        except (EOFError, OSError):
            self._lost()
        waiters, self.waiters = self.waiters, []
        for future in waiters:
            if not future.done():
                future.set_result(None)

    def _apply(self, reply) -> None:
        from .pipelines import apply_report
        token, report = reply
        if token is None:
            self.totals = report
            return
        self.pending[token] -= 1
        self.unanswered -= 1
        apply_report(self.crawlers[token], report)

    def _lost(self) -> None:
        self.loop.remove_reader(self.replies.fileno())
        if self.totals is None and self.failed is None:
            self.failed = (f"the writer process of {self.out_dir} ended unexpectedly (exit code "
                           f"{self.process.exitcode}) with {self.unanswered} documents unanswered; "
                           "see the error above, then rerun: documents not stored are fetched again")

    # -- closing
    def close(self, crawler=None) -> None:
        """Send the writer home: it stores what is left, closes the store, reports its totals."""
        self.metadata.close()
        if self.failed is None:
            self.loop.remove_reader(self.replies.fileno())
            self.inbox.put(None)
            try:
                while self.totals is None:
                    self._apply(self.replies.recv())
            except (EOFError, OSError):
                self._lost()
        self.inbox.close()
        self.process.join(timeout=60)
        if self.failed is not None:
            logger.error("%s", self.failed)
        if crawler is not None and self.totals:
            stats = crawler.stats
            stats.set_value("wenku/writer/cpu_seconds", round(self.totals["cpu_seconds"], 3))
            stats.set_value("wenku/writer/idle_seconds", round(self.totals["idle_seconds"], 3))
            stats.set_value("wenku/writer/documents", self.totals["documents"])
