"""Manifest checkpoints written by a child process: during a long run the manifest is rewritten
every minute or so (batch.py), and writing it was the store's thread's work, ~20 us a kept
document a rewrite, ~30 us a document of a 200k-document run (benchmarks/bench_memory.py).
A child reads the committed index (a WAL reader: its own snapshot, the store goes on
committing) and renames its manifest into place; the store meanwhile adds documents.

Order kept with the synchronous writes (`Store.write_manifest`, close): they wait for a
running child first, so an older manifest never replaces a newer one.  Superseded files
(`trash`) listed before the child started are deleted only after it succeeded: its snapshot
is later than their commit, so its manifest no longer names them.  A child whose store
process dies is killed with it (Linux's parent-death signal) and renames nothing; where that
signal is missing (not Linux), checkpoints are written by the store's thread as before.

    python -m cleaners.store.checkpoint ROOT PARENT_PID     # the child
"""
from __future__ import annotations

import ctypes
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import cleaners
from cleaners.store import journal, manifest
from cleaners.store.layout import INDEX_NAME

logger = logging.getLogger(__name__)
PR_SET_PDEATHSIG = 1
AVAILABLE = sys.platform.startswith("linux")


class Checkpoint:
    """One child writing the manifest: `done()` polls it, `wait()` waits; both, once it ended,
    delete the superseded files it made safe to delete.  `cost`: its wall time (seconds)."""

    def __init__(self, root: Path, db: sqlite3.Connection) -> None:
        self._root, self._db = root, db
        self._trash = [p for (p,) in db.execute("SELECT path FROM trash")]
        package_parent = str(Path(cleaners.__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [package_parent] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))
        self._started = time.monotonic()
        self._child = subprocess.Popen([sys.executable, "-m", "cleaners.store.checkpoint", str(root), str(os.getpid())],
                                       env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE)
        self.cost = 0.0

    def done(self) -> bool:
        if self._child.poll() is None:
            return False
        self._finish()
        return True

    def wait(self) -> None:
        self._child.wait()
        self._finish()

    def _finish(self) -> None:
        self.cost = time.monotonic() - self._started
        error = self._child.stderr.read().decode("utf-8", "replace") if self._child.stderr else ""
        if self._child.stderr:
            self._child.stderr.close()
        if self._child.returncode != 0:
            logger.warning("%s: the manifest checkpoint failed (%s): %s", self._root, self._child.returncode,
                           error.strip()[-500:])
            return
        journal.empty_trash(self._root, self._db, self._trash)


def _child(root: Path, parent: int) -> int:
    """Write the manifest from the committed index; rename it only while `parent` lives."""
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL) != 0 or os.getppid() != parent:
        return 1
    db = sqlite3.connect(f"file:{root / INDEX_NAME}?mode=ro", uri=True, isolation_level=None)
    try:
        db.execute("BEGIN")          # one snapshot for the whole file
        manifest.write_file(root, db, before_rename=lambda: os.getppid() == parent)
        db.execute("COMMIT")
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(_child(Path(sys.argv[1]), int(sys.argv[2])))
