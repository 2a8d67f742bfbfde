"""The writer process: cleaning, dedup and the output store on the machine's other core.

Scrapy runs in one thread.  Cleaning and storing a document in the item pipeline
costs about as much CPU as fetching and parsing it, and meanwhile nothing is
fetched.  With WENKU_WRITER="process" (the default) the crawler process only
fetches and parses; every text document goes, as raw bytes, to ONE writer process
per output folder (`python -m crawler.writer`), which runs the same
`pipelines.store_document` (clean_all, Store.add, ledger) the inline mode runs, in
arrival order, and answers with the outcome counts for the crawl's stats and summary.

    crawler process (event loop only)                writer process
    process_item -> frame -> pipe (non-blocking) -> store_document -> frame -> pipe
    event loop reads replies as they come  <-------------------------------------'

* No thread in the crawler process: a thread there (multiprocessing.Queue's feeder)
  makes the event loop wait for the GIL after every call that releases it (lxml
  parsing, socket sends), which cost more than the cleaning it moved away.  Frames
  are written with non-blocking writes; what the pipe cannot take yet is written
  when the event loop says the pipe is writable.
* Fire and forget: `submit` returns at once unless WENKU_WRITER_BACKLOG documents are
  still unanswered (backpressure: then it awaits replies; the loop keeps running).
* "Do we hold it?" (incremental runs, max_docs): the crawler process reads the folder's
  held ids once at start (opening the store, then closing it for the writer) and adds
  every id it hands to the writer in this run.
* Crash semantics are the inline mode's: only the writer writes the store and the
  ledger, in that order, so a kill -9 leaves what an inline crawl killed at the same
  point would; documents handed over but not committed are not held, and the rerun
  fetches them again.  The writer dies with the crawler process (PR_SET_PDEATHSIG), so
  a rerun never meets a writer still holding the store's lock, and it ignores Ctrl-C:
  a graceful stop drains the backlog and closes the store.
"""
from __future__ import annotations

import argparse
import asyncio
import fcntl
import logging
import os
import pickle
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

from . import state as output_state

logger = logging.getLogger(__name__)

DEFAULT_BACKLOG = 500       # documents handed over and not yet answered, before submit waits
LOCK_WAIT_SECONDS = 10.0    # a killed run's writer may take a moment to let go of the store
PIPE_BYTES = 1 << 20        # ask Linux for 1 MiB pipes (default 64 KiB): fewer wake-ups
HEADER = struct.Struct("!I")
SEND_DELAY = 0.01           # seconds a document may wait for others to share its write
SEND_BATCH_BYTES = 256 * 1024


class WriterError(RuntimeError):
    """The writer process is gone; documents handed to it may not be stored."""


# ----------------------------------------------------------------- framing

def frame(message) -> bytes:
    """One message on a pipe: 4-byte length, then its pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


def unframe(buffer: bytearray) -> list:
    """Take every complete message off the front of `buffer` (a partial one stays)."""
    messages, start = [], 0
    while len(buffer) - start >= HEADER.size:
        (size,) = HEADER.unpack_from(buffer, start)
        end = start + HEADER.size + size
        if end > len(buffer):
            break
        messages.append(pickle.loads(memoryview(buffer)[start + HEADER.size:end]))
        start = end
    del buffer[:start]
    return messages


def write_all(fd: int, data: bytes) -> None:
    """Write every byte to a blocking file descriptor."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def widen_pipe(fd: int) -> None:
    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)
    except OSError:
        pass    # not Linux, or above /proc/sys/fs/pipe-max-size: the default works, with more wake-ups


# ----------------------------------------------------------------- writer process side

def die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to SIGKILL this process when the crawler process dies (Linux); exit
    now if it already has.  Elsewhere a killed crawl's writer ends at its next read (EOF)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:
        os._exit(1)


def read_messages(fd: int, buffer: bytearray) -> list | None:
    """Block until at least one whole message is in; every whole message now readable
    (None at end of file).  Reading all that is there makes the replies come in batches."""
    while True:
        messages = unframe(buffer)
        if messages:
            return messages
        data = os.read(fd, PIPE_BYTES)
        if not data:
            return None
        buffer += data


def serve(out_dir: Path, dedup: bool, in_fd: int, reply_fd: int) -> dict:
    """Store every document read from `in_fd`, answer each one on `reply_fd`; the totals.

    Documents are answered per batch read (one write, one wake-up of the crawler's loop)."""
    from .pipelines import Report, store_document
    state = output_state.OutputState(out_dir, dedup=dedup)
    crawls: dict[int, tuple] = {}
    idle, documents = 0.0, 0
    buffer = bytearray()
    try:
        while True:
            waited = time.perf_counter()
            messages = read_messages(in_fd, buffer)
            idle += time.perf_counter() - waited
            if messages is None:
                break
            replies = []
            for kind, token, payload in messages:
                if kind == "crawl":         # a crawler's options, once per crawler
                    crawls[token] = payload
                    continue
                options, refresh = crawls[token]
                try:
                    report = store_document(state, payload, options, refresh)
                except Exception as exc:  # noqa: BLE001 - the store refused one document; go on with the next
                    report = Report()
                    report.counts["failed"] += 1
                    report.logs.append((logging.ERROR, f"error storing {payload.url} ({payload.site} "
                                                       f"{payload.id}): {type(exc).__name__}: {exc}"))
                documents += 1
                replies.append((token, report))
            if replies:
                write_all(reply_fd, frame(replies))
    finally:
        state.close()
    usage = os.times()
    return {"documents": documents, "cpu_seconds": usage.user + usage.system, "idle_seconds": idle}


def main(argv: list[str] | None = None) -> int:
    """`python -m crawler.writer`: started by WriterState, not by hand."""
    parser = argparse.ArgumentParser(description="the output-folder writer process of a crawl (internal)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--no-dedup", action="store_true")
    parser.add_argument("--parent", type=int, required=True)
    parser.add_argument("--in-fd", type=int, required=True)
    parser.add_argument("--reply-fd", type=int, required=True)
    args = parser.parse_args(argv)
    die_with_parent(args.parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C reaches the crawler, which drains us
    totals = serve(Path(args.out), not args.no_dedup, args.in_fd, args.reply_fd)
    write_all(args.reply_fd, frame([(None, totals)]))
    os.close(args.reply_fd)
    return 0


# ----------------------------------------------------------------- crawler process side

def wait_for_store(out_dir: Path, timeout: float = LOCK_WAIT_SECONDS) -> None:
    """Wait (a little) until no other process holds the store's lock: after a kill -9 the
    killed crawl's writer is being torn down by the kernel while the rerun starts."""
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
        self.process, self.send_fd, self.reply_fd = self._start(out_dir, dedup)
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

    @staticmethod
    def _start(out_dir: Path, dedup: bool):
        """Start `python -m crawler.writer` with a pipe each way; our ends are non-blocking."""
        doc_read, doc_write = os.pipe()
        reply_read, reply_write = os.pipe()
        widen_pipe(doc_write)
        widen_pipe(reply_write)
        root = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        command = [sys.executable, "-m", "crawler.writer", "--out", str(out_dir), "--parent", str(os.getpid()),
                   "--in-fd", str(doc_read), "--reply-fd", str(reply_write), *([] if dedup else ["--no-dedup"])]
        process = subprocess.Popen(command, pass_fds=(doc_read, reply_write), env=env, cwd=root)
        os.close(doc_read)          # so that each side sees the other's death as EOF / EPIPE
        os.close(reply_write)
        os.set_blocking(doc_write, False)
        os.set_blocking(reply_read, False)
        return process, doc_write, reply_read

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
        from .pipelines import apply_report
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
        if crawler is not None and self.totals:
            stats = crawler.stats
            stats.set_value("wenku/writer/cpu_seconds", round(self.totals["cpu_seconds"], 3))
            stats.set_value("wenku/writer/idle_seconds", round(self.totals["idle_seconds"], 3))
            stats.set_value("wenku/writer/documents", self.totals["documents"])


if __name__ == "__main__":
    sys.exit(main())
