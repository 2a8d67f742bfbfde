"""The writer thread: the open batch's text files and rows, written off the store's thread."""
from __future__ import annotations

import contextlib
import os
import queue
import sqlite3
import threading
from pathlib import Path

from cleaners.store import journal
from cleaners.store.layout import write_new
from cleaners.store.schema import INSERT_ROW

HANDOFF = 32          # files and rows handed to the thread at once (a document is one of each)


class BatchWriter:
    """Writes the text files and inserts the rows of the open batch on a thread of its own, in
    order, each file's path journaled before the file: the store goes on with the next
    documents meanwhile (file system calls and SQLite release the GIL).  The batch is
    committed by the store after `drain`.  After an error nothing more is written until
    `drain` has reported it."""

    def __init__(self, root: Path, journal_fd: int, db: sqlite3.Connection) -> None:
        self._root, self._journal, self._db = root, journal_fd, db
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._queued = 0
        self._handoff: list = []           # files and rows not yet handed to the thread
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()

    def write_file(self, path: str, content: bytes) -> None:
        self._add((path, content))

    def insert(self, row: list) -> None:
        """INSERT_ROW with these values."""
        self._add(row)

    def _add(self, item) -> None:
        """Handed over HANDOFF items at a time: woken per document, the thread took the GIL
        from the store's thread at each of its system calls, and on a loaded machine every such
        hand-over waits for the scheduler."""
        self._handoff.append(item)
        self._queued += 1
        if len(self._handoff) >= HANDOFF:
            self._hand_over()

    def _hand_over(self) -> None:
        if self._handoff:
            self._queue.put(self._handoff)
            self._handoff = []

    def drain(self) -> BaseException | None:
        """Wait until everything queued so far is done; the first error met since the last drain."""
        if self._queued:
            self._hand_over()
            done = threading.Event()
            self._queue.put([done])
            done.wait()
            self._queued = 0
        error, self._error = self._error, None
        return error

    def close(self) -> None:
        self._hand_over()
        self._queue.put([None])
        self._thread.join()

    def _run(self) -> None:
        while True:
            items = list(self._queue.get())
            with contextlib.suppress(queue.Empty):      # all that is queued: one journal write for it
                while True:
                    items += self._queue.get_nowait()
            self._write([item for item in items if isinstance(item, tuple)])
            self._insert([item for item in items if isinstance(item, list)])
            for item in items:
                if item is None:
                    return
                if isinstance(item, threading.Event):
                    item.set()

    def _write(self, files: list[tuple[str, bytes]]) -> None:
        if not files or self._error is not None:
            return
        try:
            journal.record(self._journal, [path for path, _ in files])
            for path, content in files:
                write_new(os.path.join(self._root, path), content)
        except BaseException as exc:      # reported by `drain`, in the store's thread
            self._error = exc

    def _insert(self, rows: list[list]) -> None:
        if not rows or self._error is not None:
            return
        try:
            self._db.executemany(INSERT_ROW, rows)
        except BaseException as exc:
            self._error = exc
