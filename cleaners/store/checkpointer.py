"""SQLite's WAL checkpoints on a thread and connection of their own, not in the store's thread.

Why: with `synchronous=NORMAL` a commit writes the WAL without syncing it, but the automatic
checkpoint that follows a commit once the WAL holds 1,000 pages syncs the WAL and then the
database file, in the committing thread; a batch of 1,000 documents writes more than that, so
every commit was followed by two fdatasyncs, 8-200 ms each on this machine's disk (strace of
5,120 documents added to a 150k store: 16 fdatasyncs, 1.15 s), all of it the store thread
asleep, invisible in its CPU figures.  Here the store's connection has automatic checkpoints
off, and after each commit this thread runs a PASSIVE checkpoint (it copies the committed
frames into the database file and syncs as the automatic one did, without blocking the writer;
SQLite restarts the WAL from its start once a checkpoint has copied it all).  The store's own
connection, closed after this one, checkpoints what is left and removes the WAL, as before.
A checkpoint that fails (a full disk, a file-size limit: the database file cannot grow) is kept
and raised in the store's thread by `check()`, at its next commit or at close: the committed
frames stay in the WAL, but a run that cannot write its database must not end as a success."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path


class Checkpointer:
    """`request()` after a commit: a PASSIVE checkpoint soon, on this thread; `close()` at the end."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        db.execute("PRAGMA wal_autocheckpoint=0")
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA synchronous=NORMAL")      # the syncs of the automatic checkpoint
        self._wanted = threading.Event()
        self._closing = False
        self.done = 0                                      # checkpoints run (tests wait for one)
        self.failure: sqlite3.Error | None = None          # the first checkpoint that failed
        self._idle = threading.Condition()
        self._busy = False                                 # a checkpoint is running (`quiet`)
        self._thread = threading.Thread(target=self._run, name="store-checkpointer", daemon=True)
        self._thread.start()

    def request(self) -> None:
        self._wanted.set()

    def check(self) -> None:
        """Raise, in the caller's thread, the first failed checkpoint's error."""
        if self.failure is not None:
            raise sqlite3.OperationalError(f"checkpoint of the index's write-ahead log failed: {self.failure}")

    def quiet(self) -> None:
        """Until no checkpoint is asked for or running: before a fork, since a thread inside
        SQLite at the fork leaves its locks held for ever in the child (a cleaning worker
        forked while a checkpoint ran hung in its first `sqlite3.connect`)."""
        with self._idle:
            self._idle.wait_for(lambda: not self._busy and not self._wanted.is_set())

    def wait(self, done: int) -> None:
        """Until `done` checkpoints have run (tests)."""
        with self._idle:
            self._idle.wait_for(lambda: self.done >= done, timeout=30)

    def close(self) -> None:
        self._closing = True
        self._wanted.set()
        self._thread.join()
        self._db.close()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            if self._closing:
                return
            with self._idle:
                self._busy = True
                self._wanted.clear()
            try:
                self._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            except sqlite3.Error as exc:
                if self.failure is None:
                    self.failure = exc
            with self._idle:
                self._busy = False
                self.done += 1
                self._idle.notify_all()
