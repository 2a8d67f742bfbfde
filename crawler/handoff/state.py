"""The output folder's state, one per folder per process, shared by everything that asks.

One state per output folder per process, shared by the item pipeline (which adds)
and the middlewares (which ask "do we already hold this?"), so that `python -m
crawler demo` running every spider in one process writes through one store.  The
state is the store itself (`output.OutputState`, "inline") or the crawler's side of
a writer process that owns it (`writer_state.WriterState`, "process").
"""
from __future__ import annotations

import threading
from pathlib import Path

from scrapy import signals

from cleaners.stream.outage import LOST_AFTER
from crawler.handoff.launch import writer_mode
from crawler.handoff.output import OutputState
from crawler.handoff.writer_state import WriterState

# the store itself, the crawler's side of the writer that owns it, or a distributed worker's
# stream (crawler/handoff/stream_state.py StreamState, imported only for such a crawl)
FolderState = OutputState | WriterState
_open: dict[Path, FolderState] = {}
_lock = threading.Lock()


def open_state(path: Path, dedup: bool, writer: str, backlog: int = 500, workers: int = 0,
               redis: dict | None = None) -> FolderState:
    """The folder's state in this process: the store itself ("inline"), or a writer
    process that owns it ("process", see crawler/handoff/writer.py) with `workers` cleaning
    processes, or the Redis stream of a distributed crawl ("redis": `redis` holds url, stream
    and backlog)."""
    if writer == "redis":
        # Imported here: it imports the `redis` client (~0.25 s of CPU at start-up, measured),
        # which a crawl without WENKU_REDIS_URL never needs.
        from crawler.handoff.stream_state import StreamState
        return StreamState(path, **redis)
    if writer == "process":
        return WriterState(path, dedup=dedup, backlog=backlog, workers=workers)
    if writer != "inline":
        raise ValueError(f"WENKU_WRITER={writer!r}: use 'process' (clean and store in a writer process) "
                         "or 'inline' (in the crawler process)")
    return OutputState(path, dedup=dedup)


def acquire(out_dir: str | Path, dedup: bool = True, writer: str = "inline", backlog: int = 500,
            workers: int = 0, redis: dict | None = None) -> FolderState:
    """The shared state of an output folder; call `release` once per `acquire`."""
    path = Path(out_dir).resolve()
    with _lock:
        state = _open.get(path)
        if state is None:
            state = _open[path] = open_state(path, dedup, writer, backlog, workers, redis)
        state.users += 1
        return state


def release(state: FolderState, crawler=None) -> None:
    """Let go of a folder's state; the last user closes it (and reports into `crawler`'s stats)."""
    with _lock:
        state.users -= 1
        if state.users <= 0:
            state.close(crawler)
            _open.pop(state.out_dir, None)


def for_crawler(crawler) -> FolderState:
    """The state of the crawler's WENKU_OUT folder, released when the spider closes."""
    state = getattr(crawler, "_wenku_state", None)
    if state is None:
        settings = crawler.settings
        redis = {"url": settings.get("WENKU_REDIS_URL"), "stream": settings.get("WENKU_REDIS_STREAM"),
                 "backlog": settings.getint("WENKU_REDIS_BACKLOG"),
                 "lost_after": settings.getfloat("WENKU_REDIS_LOST_AFTER", LOST_AFTER)}
        state = acquire(settings.get("WENKU_OUT"), settings.getbool("WENKU_DEDUP", True), writer_mode(settings),
                        settings.getint("WENKU_WRITER_BACKLOG", 500), settings.getint("WENKU_CLEAN_WORKERS", 0), redis)
        crawler._wenku_state = state
        crawler.signals.connect(lambda **_: _release_once(crawler), signal=signals.spider_closed, weak=False)
    return state


def _release_once(crawler):
    state = getattr(crawler, "_wenku_state", None)
    if state is not None:
        crawler._wenku_state = None
        release(state, crawler)

