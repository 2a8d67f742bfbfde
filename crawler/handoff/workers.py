"""The writer's cleaning workers: N forked processes that clean while the writer stores.

WENKU_CLEAN_WORKERS=N: the writer forks N cleaning processes (after a warm-up, before
it opens the store); a thread hands them chunks of CHUNK_DOCS documents as they arrive,
and the results come back in arrival order, so the output is the one a lone writer
produces.  Used in the writer process only (crawler/handoff/writer.py).
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Iterable
from contextlib import contextmanager

from cleaners import pipeline as cleaning

from crawler.handoff.documents import clean_document
from crawler.items import DocumentItem, FetchedPage

CHUNK_DOCS = 8              # documents per cleaning-worker task: small enough to keep every worker busy


def die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to SIGKILL this process when the crawler process dies (Linux); exit
    now if it already has.  Elsewhere a killed crawl's writer ends at its next read (EOF)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:
        os._exit(1)


def clean_chunk(docs: list[tuple]) -> list:
    """Cleaning worker task: `clean_document` for each (options, item), in order."""
    return [clean_document(item, options) for options, item in docs]


def warm_up() -> None:
    """Clean one small page before the workers are forked: the cleaners build their tables,
    compiled rules and converters lazily (a second or more of CPU), and each worker would
    otherwise build its own."""
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
def cleaned_batches(batches: Iterable[list[tuple]], workers: int, pipe_fds: tuple[int, ...] = ()):
    """Yield an iterator of (batch, [Cleaned]) in arrival order.

    workers=0: cleaned here, one document after the other.  workers=N: N forked processes clean
    chunks of CHUNK_DOCS documents while this process stores the chunks already cleaned; a
    thread hands them the documents as they arrive.  The workers are forked on entry, before
    the store is opened and before any thread exists.  `batches`: lists of (token, refresh,
    options, item), as the writer reads them."""
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
