"""The writer process: cleaning, dedup and the output store on the machine's other core.

Scrapy runs in one thread.  Cleaning and storing a document in the item pipeline
costs about as much CPU as fetching and parsing it, and meanwhile nothing is
fetched.  With WENKU_WRITER="process" (the default) the crawler process only
fetches and parses; every text document goes, as raw bytes, to ONE writer process
per output folder (`python -m crawler.handoff.writer`), which runs the same two halves of
`recording.store_document` the inline mode runs (`clean_document`: clean_all,
fingerprints, store.prepare; `record_document`: Store.add_prepared, ledger), in
arrival order, and answers with the outcome counts for the crawl's stats and summary.

    crawler process (event loop only)                writer process
    process_item -> frame -> pipe (non-blocking) -> clean_document + record_document -> frame -> pipe
    event loop reads replies as they come  <-------------------------------------------------------'

* WENKU_CLEAN_WORKERS=N: the writer forks N cleaning processes (workers.py; after a warm-up,
  before it opens the store) and only records; a thread hands them chunks of CHUNK_DOCS
  documents as they arrive, and the results are recorded in arrival order, so the
  output is the one a lone writer produces.  On a loopback crawl the lone writer is
  the bottleneck (cleaning costs about what fetching does); the workers let the two
  cores share crawling, cleaning and storing however the moment needs.

* `python -m crawler demo` starts the writer before it imports Scrapy (launch.py `start_early`): the
  writer's own start-up (imports, warm-up, forking the workers: ~1.5 s of CPU) runs while the
  crawler's start-up leaves the other core idle.  The store is opened when the first document
  is in, so the crawler process has read what the folder holds by then.

* The crawler process's side is writer_state.py (`WriterState`), the pipes' framing framing.py.
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
import logging
import os
import signal
import sqlite3
import sys
import time
from pathlib import Path

from cleaners.store import StoreError
from crawler.handoff.documents import pipeline_options
from crawler.handoff.framing import frame, read_messages, write_all
from crawler.handoff.output import OutputState
from crawler.handoff.recording import Report, record_document
from crawler.handoff.workers import cleaned_batches, die_with_parent


class Incoming:
    """The documents arriving on `in_fd`, batch by batch (one batch per read), each with its
    crawler's token, refresh flag and cleaning options; counts the seconds spent waiting."""

    def __init__(self, in_fd: int, out_dir: Path | None = None):
        self.in_fd = in_fd
        self.out_dir = out_dir
        self.idle = 0.0

    def __iter__(self):
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
                    crawls[token] = (pipeline_options(options, self.out_dir), refresh)
                    continue
                options, refresh = crawls[token]
                batch.append((token, refresh, options, payload))
            if batch:
                yield batch


def serve(out_dir: Path, dedup: bool, in_fd: int, reply_fd: int, workers: int = 0) -> dict:
    """Store every document read from `in_fd`, answer each one on `reply_fd`; the totals.

    Documents are cleaned by `workers` processes (0: here) and answered per batch cleaned
    (one write, one wake-up of the crawler's loop).  The store is opened when the first
    document is in: a writer started early (`start_early`) must leave the folder to the
    crawler process until it has read what the folder holds."""
    incoming = Incoming(in_fd, out_dir)
    documents = 0
    with cleaned_batches(incoming, workers, (in_fd, reply_fd)) as stream:
        state = None
        try:
            for batch, cleaned in stream:
                state = state or OutputState(out_dir, dedup=dedup)
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
    """`python -m crawler.handoff.writer`: started by launch.start_process, not by hand."""
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
    try:
        totals = serve(Path(args.out), not args.no_dedup, args.in_fd, args.reply_fd, args.workers)
    except (OSError, sqlite3.Error, StoreError) as exc:
        # disk full, a read-only folder: one line naming the folder and what to do, no traceback
        print(f"error: the writer could not store into {args.out} ({exc}); free disk space or fix the "
              "folder's permissions, then rerun: documents not stored are fetched again", file=sys.stderr)
        return 1
    write_all(args.reply_fd, frame([(None, totals)]))
    os.close(args.reply_fd)
    return 0


if __name__ == "__main__":
    sys.exit(main())
