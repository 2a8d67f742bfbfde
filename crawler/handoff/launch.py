"""Where a crawl cleans and stores, and starting the writer process that does it.

Kept apart from the rest of the hand-over, with nothing heavy imported: `python -m crawler
demo` imports this module before Scrapy to start the writer early (`start_early`), and every
millisecond of imports before that start is a millisecond the writer starts later.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from crawler.handoff.framing import PIPE_BYTES, widen_pipe

_early: dict[tuple, tuple] = {}     # (out_dir, dedup, workers) -> a started writer's (process, send_fd, reply_fd)


def writer_mode(settings) -> str:
    """Where documents are cleaned and stored: "process" needs the asyncio reactor (the writer's
    replies are read by its event loop); any other reactor cleans "inline"."""
    mode = settings.get("WENKU_WRITER", "inline") or "inline"
    if mode == "process" and "asyncio" not in (settings.get("TWISTED_REACTOR") or ""):
        return "inline"
    return mode


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
    # From a scrapyd egg the project root is the egg (a zip file): no folder to start in.
    process = subprocess.Popen(command, pass_fds=(doc_read, reply_write), env=env,
                               cwd=root if os.path.isdir(root) else None)
    os.close(doc_read)          # so that each side sees the other's death as EOF / EPIPE
    os.close(reply_write)
    os.set_blocking(doc_write, False)
    os.set_blocking(reply_read, False)
    return process, doc_write, reply_read


def start_early(out_dir: Path, dedup: bool, workers: int) -> None:
    """Start the writer of `out_dir` before the crawler process imports Scrapy (`python -m crawler
    demo`): the writer's own start-up (imports, the cleaners' warm-up, forking the workers: ~1.5 s
    of CPU) then runs on the core that the crawler's start-up leaves idle.  The folder's
    `WriterState` takes it over (`take_early`); `discard_early` ends one that no crawl took."""
    out_dir = out_dir.resolve()
    _early[(out_dir, dedup, workers)] = start_process(out_dir, dedup, workers)


def take_early(out_dir: Path, dedup: bool, workers: int):
    """The writer `start_early` started for these arguments (None if there is none)."""
    return _early.pop((out_dir, dedup, workers), None)


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
