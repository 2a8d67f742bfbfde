"""The writer process: cleaning, dedup and the output store on the machine's other core.

Scrapy runs in one thread.  Cleaning and storing a document in the item pipeline
costs about as much CPU as fetching and parsing it, and meanwhile nothing is
fetched.  With WENKU_WRITER="process" (the default) the crawler process only
fetches and parses; every text document goes, as raw bytes, to ONE writer process
per output folder (`python -m crawler.handoff.writer`), which runs the same two halves of
`pipelines.store_document` the inline mode runs (`clean_document`: clean_all,
fingerprints, store.prepare; `record_document`: Store.add_prepared, ledger), in
arrival order, and answers with the outcome counts for the crawl's stats and summary.

    crawler process (event loop only)                writer process
    process_item -> frame -> pipe (non-blocking) -> clean_document + record_document -> frame -> pipe
    event loop reads replies as they come  <-------------------------------------------------------'

* WENKU_CLEAN_WORKERS=N: the writer forks N cleaning processes (after a warm-up, before
  it opens the store) and only records; a thread hands them chunks of CHUNK_DOCS
  documents as they arrive, and the results are recorded in arrival order, so the
  output is the one a lone writer produces.  On a loopback crawl the lone writer is
  the bottleneck (cleaning costs about what fetching does); the workers let the two
  cores share crawling, cleaning and storing however the moment needs.

* `python -m crawler demo` starts the writer before it imports Scrapy (`start_early`): the
  writer's own start-up (imports, warm-up, forking the workers: ~1.5 s of CPU) runs while the
  crawler's start-up leaves the other core idle.  The store is opened when the first document
  is in, so the crawler process has read what the folder holds by then.

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
  a graceful stop drains the backlog and closes the store.  Cleaning workers die with
  the writer the same way and store nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import fcntl
import logging
import multiprocessing
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from crawler.handoff import state as output_state

logger = logging.getLogger(__name__)

DEFAULT_BACKLOG = 500       # documents handed over and not yet answered, before submit waits
LOCK_WAIT_SECONDS = 10.0    # a killed run's writer may take a moment to let go of the store
PIPE_BYTES = 1 << 20        # ask Linux for 1 MiB pipes (default 64 KiB): fewer wake-ups
HEADER = struct.Struct("!I")
SEND_DELAY = 0.01           # seconds a document may wait for others to share its write
SEND_BATCH_BYTES = 256 * 1024
CHUNK_DOCS = 8              # documents per cleaning-worker task: small enough to keep every worker busy


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


class Incoming:
    """The documents arriving on `in_fd`, batch by batch (one batch per read), each with its
    crawler's token, refresh flag and cleaning options; counts the seconds spent waiting."""

    def __init__(self, in_fd: int):
        self.in_fd = in_fd
        self.idle = 0.0

    def __iter__(self):
        from cleaners.pipeline import Options
        crawls: dict[int, tuple] = {}
        buffer = bytearray()
        while True:
            waited = time.perf_counter()
            messages = read_messages(self.in_fd, buffer)
            self.idle += time.perf_counter() - waited
            if messages is None:
                return
            batch = []
            for kind, token, payload in messages:
                if kind == "crawl":         # a crawler's options, once per crawler
                    options, refresh = payload
                    crawls[token] = (Options(**options), refresh)
                    continue
                options, refresh = crawls[token]
                batch.append((token, refresh, options, payload))
            if batch:
                yield batch


def clean_chunk(docs: list[tuple]) -> list:
    """Cleaning worker task: `clean_document` for each (options, item), in order."""
    from crawler.pipelines import clean_document
    return [clean_document(item, options) for options, item in docs]


def warm_up() -> None:
    """Clean one small page before the workers are forked: the cleaners build their tables,
    compiled rules and converters lazily (a second or more of CPU), and each worker would
    otherwise build its own."""
    from cleaners import pipeline as cleaning

    from crawler.items import DocumentItem, FetchedPage
    from crawler.pipelines import clean_document
    text = "教育局工作总结。扎实推进学校标准化建设，新增学位300个，取得了明显成效。" * 6
    page = FetchedPage("https://warm.up/doc/1.html", f"<html><body><h1>工作总结</h1><p>{text}</p></body></html>"
                       .encode("utf-8"), "text/html; charset=utf-8")
    clean_document(DocumentItem(id="1", site="warm-up", url=page.url, pages=[page]), cleaning.Options())


def start_worker(writer_pid: int, pipe_fds: tuple[int, ...]) -> None:
    """Cleaning worker start-up: die with the writer; leave Ctrl-C to the crawler, like the writer;
    close the inherited ends of the crawler's pipes (so the writer's exit is seen as EOF at once)."""
    die_with_parent(writer_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for fd in pipe_fds:
        os.close(fd)


@contextmanager
def cleaned_batches(batches: Incoming, workers: int, pipe_fds: tuple[int, ...] = ()):
    """Yield an iterator of (batch, [Cleaned]) in arrival order.

    workers=0: cleaned here, one document after the other.  workers=N: N forked processes clean
    chunks of CHUNK_DOCS documents while this process stores the chunks already cleaned; a
    thread hands them the documents as they arrive.  The workers are forked on entry, before
    the store is opened and before any thread exists."""
    from crawler.pipelines import clean_document
    if workers <= 0:
        yield ((batch, [clean_document(item, options) for _, _, options, item in batch]) for batch in batches)
        return
    warm_up()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker,
                             initargs=(os.getpid(), pipe_fds)) as pool:
        pool.submit(int).result()       # a fork-context pool starts every worker at the first submit
        chunks: queue.SimpleQueue = queue.SimpleQueue()

        def hand_out():
            try:
                for batch in batches:
                    for i in range(0, len(batch), CHUNK_DOCS):
                        chunk = batch[i:i + CHUNK_DOCS]
                        chunks.put((chunk, pool.submit(clean_chunk, [(o, item) for _, _, o, item in chunk])))
            except BaseException as exc:  # noqa: BLE001 - re-raised in the storing thread
                chunks.put(exc)
            chunks.put(None)

        def in_order():
            while (entry := chunks.get()) is not None:
                if isinstance(entry, BaseException):
                    raise entry
                chunk, future = entry
                yield chunk, future.result()

        threading.Thread(target=hand_out, name="writer-hand-out", daemon=True).start()
        yield in_order()


def serve(out_dir: Path, dedup: bool, in_fd: int, reply_fd: int, workers: int = 0) -> dict:
    """Store every document read from `in_fd`, answer each one on `reply_fd`; the totals.

    Documents are cleaned by `workers` processes (0: here) and answered per batch cleaned
    (one write, one wake-up of the crawler's loop).  The store is opened when the first
    document is in: a writer started early (`start_early`) must leave the folder to the
    crawler process until it has read what the folder holds."""
    from crawler.pipelines import Report, record_document
    incoming = Incoming(in_fd)
    documents = 0
    with cleaned_batches(incoming, workers, (in_fd, reply_fd)) as stream:
        state = None
        try:
            for batch, cleaned in stream:
                state = state or output_state.OutputState(out_dir, dedup=dedup)
                replies = []
                for (token, refresh, _, item), done in zip(batch, cleaned):
                    try:
                        report = record_document(state, item, done, refresh)
                    except Exception as exc:  # noqa: BLE001 - the store refused one document; go on with the next
                        report = Report()
                        report.counts["failed"] += 1
                        report.logs.append((logging.ERROR, f"error storing {item.url} ({item.site} "
                                                           f"{item.id}): {type(exc).__name__}: {exc}"))
                    documents += 1
                    replies.append((token, report))
                write_all(reply_fd, frame(replies))
        finally:
            if state is not None:
                state.close()
    usage = os.times()      # the workers have been joined: their CPU is in children_*
    own = usage.user + usage.system
    return {"documents": documents, "cpu_seconds": own + usage.children_user + usage.children_system,
            "own_cpu_seconds": own, "idle_seconds": incoming.idle, "workers": workers}


def main(argv: list[str] | None = None) -> int:
    """`python -m crawler.handoff.writer`: started by WriterState, not by hand."""
    parser = argparse.ArgumentParser(description="the output-folder writer process of a crawl (internal)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--no-dedup", action="store_true")
    parser.add_argument("--parent", type=int, required=True)
    parser.add_argument("--in-fd", type=int, required=True)
    parser.add_argument("--reply-fd", type=int, required=True)
    parser.add_argument("--workers", type=int, default=0, help="cleaning worker processes (0: clean here)")
    args = parser.parse_args(argv)
    die_with_parent(args.parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C reaches the crawler, which drains us
    totals = serve(Path(args.out), not args.no_dedup, args.in_fd, args.reply_fd, args.workers)
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


_early: dict[tuple, tuple] = {}     # (out_dir, dedup, workers) -> a started writer's (process, send_fd, reply_fd)


def start_early(out_dir: Path, dedup: bool, workers: int) -> None:
    """Start the writer of `out_dir` before the crawler process imports Scrapy (`python -m crawler
    demo`): the writer's own start-up (imports, the cleaners' warm-up, forking the workers: ~1.5 s
    of CPU) then runs on the core that the crawler's start-up leaves idle.  The folder's
    `WriterState` takes it over; `discard_early` ends one that no crawl took."""
    out_dir = out_dir.resolve()
    _early[(out_dir, dedup, workers)] = WriterState.start_process(out_dir, dedup, workers)


def discard_early() -> None:
    """End the early writers no crawl took over: at end of file they exit without opening a store."""
    while _early:
        process, send_fd, reply_fd = _early.popitem()[1]
        os.close(send_fd)
        os.set_blocking(reply_fd, True)
        while os.read(reply_fd, PIPE_BYTES):
            pass                    # its totals
        os.close(reply_fd)
        process.wait()


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
        snapshot = output_state.OutputState(out_dir, dedup=dedup)
        try:
            self.held = snapshot.held_ids()
        finally:
            snapshot.close()
        self.metadata = output_state.JsonlLog(out_dir / output_state.METADATA_FILE)
        self.process, self.send_fd, self.reply_fd = (_early.pop((out_dir, dedup, workers), None)
                                                     or self.start_process(out_dir, dedup, workers))
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
    def start_process(out_dir: Path, dedup: bool, workers: int):
        """Start `python -m crawler.handoff.writer` with a pipe each way; our ends are non-blocking."""
        doc_read, doc_write = os.pipe()
        reply_read, reply_write = os.pipe()
        widen_pipe(doc_write)
        widen_pipe(reply_write)
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)}
        command = [sys.executable, "-m", "crawler.handoff.writer", "--out", str(out_dir), "--parent", str(os.getpid()),
                   "--in-fd", str(doc_read), "--reply-fd", str(reply_write), "--workers", str(workers),
                   *([] if dedup else ["--no-dedup"])]
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
        from crawler.pipelines import apply_report
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
            stats.set_value("wenku/writer/own_cpu_seconds", round(self.totals["own_cpu_seconds"], 3))
            stats.set_value("wenku/writer/idle_seconds", round(self.totals["idle_seconds"], 3))
            stats.set_value("wenku/writer/documents", self.totals["documents"])
            stats.set_value("wenku/writer/workers", self.totals.get("workers", 0))


if __name__ == "__main__":
    sys.exit(main())
