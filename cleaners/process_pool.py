"""The cleaning worker processes of `python -m cleaners clean --jobs N`: multiprocessing's Pool,
less one busy wake-up, forked once the parent has built its tables so that the workers inherit
them instead of each building its own."""
from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.pool
import os
from typing import Callable


class QuietPool(multiprocessing.pool.Pool):
    """multiprocessing's Pool whose worker-handler thread sleeps until a worker exits or the work
    changes.  The stock one also waits on the result pipe (`_get_sentinels`): every result a
    worker sends wakes it, and it loops (waitpid on each worker, a new poll set, a poll that
    returns at once: the pipe is still readable) until the result-handler thread has read the
    result, a thread that needs the GIL the loop keeps taking.  Measured, 10 MB of JSONL with
    --jobs 2: that thread spent 0.6 s of CPU and the parent made ~19k voluntary context switches
    (2.7k without the wake-up), ~1 s more CPU in all: the whole gain of a second worker on two
    cores.  Worker deaths still wake it (their sentinels), and so does the end of the work (the
    change notifier, which the cache signals when it empties)."""

    def _get_sentinels(self) -> list:
        notifier = getattr(self, "_change_notifier", None)      # CPython 3.8+; else the stock list
        return [notifier._reader] if notifier is not None else super()._get_sentinels()


def start(jobs: int, before_fork: Callable[[], None] | None = None) -> QuietPool:
    """`jobs` forked workers.  `before_fork` leaves the parent's other threads idle (a thread
    holding a lock at the fork, SQLite's say, leaves it held for ever in the child).  The
    parent's objects are frozen out of the garbage collector's sight across the fork, so a
    child's collections do not write to (and copy) the pages it inherited."""
    if before_fork is not None:
        before_fork()
    gc.freeze()
    try:
        return QuietPool(jobs, context=multiprocessing.get_context(_START_METHOD))
    finally:
        gc.unfreeze()


def default_jobs() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                  # not Linux
        return os.cpu_count() or 1


# fork: the workers inherit what the parent has built (tables, caches); where there is no fork
# (Windows), spawn, and the workers build their own.
_START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
