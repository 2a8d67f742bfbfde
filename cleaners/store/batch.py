"""The open batch: documents are recorded in one transaction per BATCH_DOCS documents or
BATCH_SECONDS, their files and rows handed to the writer thread; the batch commits once the
thread has written them all, and the manifest is refreshed at checkpoints between batches."""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from cleaners.store import journal, manifest
from cleaners.store.checkpointer import Checkpointer
from cleaners.store.disk_keys import KeyFiles
from cleaners.store.row_filter import RowFilter
from cleaners.store.schema import ROW_VALUES, next_generation
from cleaners.store.writer_thread import BatchWriter

CHECKPOINT_SECONDS = 60.0        # manifest refresh interval during long runs ...
CHECKPOINT_SPACING = 50          # ... at least this many times the last refresh took: the rewrite
                                 # grows with the store, and at 20x it was ~5 % of a long run's time
BATCH_DOCS = 1000                # documents per transaction (a commit rewrites ~1 index page a
                                 # document in the WAL: 200 a batch cost ~30 us a document, 1000 ~10)
BATCH_SECONDS = 1.0              # ... or at most this long between commits


class BatchMixin:
    """Part of `Store`: the open transaction and what the writer thread holds of it.  Uses
    `root`, `db`, `_counts`, `write_manifest` (Store), `_keys`, `_load_index` and `_forget_batch`
    (KeptIndexMixin)."""

    root: Path
    db: sqlite3.Connection
    _counts: dict[str, int]
    _journal: int                         # the journal's file descriptor
    _writer: BatchWriter
    _keys: KeyFiles
    _in_batch: bool
    _batch_size: int
    _batch_started: float
    _holding: bool                        # `add_many` at work: the batch commits after its documents
    _written: dict[str, bytes]            # files of the open batch: path (relative) -> content
    _queued: dict[str, tuple]             # identity -> (n, status, doc_id, path, sha1, partial, cluster)
    _queued_doc_ids: set[str]             # ... of the rows the writer may not have inserted yet,
    _queued_keys: dict[bytes, set[int]]   # their doc ids, exact key -> clusters
    _last_manifest: float
    _rows: RowFilter                      # told of every row queued (`_insert`)
    _manifest_cost: float
    _checkpointer: Checkpointer

    def _write_file(self, path: str, content: bytes) -> None:
        """Journal the path, then write it atomically, on the writer thread (see the package doc)."""
        self._writer.write_file(path, content)
        self._written[path] = content
        self._counts["written"] += 1

    def _begin(self) -> None:
        if not self._in_batch:
            self.db.execute("BEGIN")
            self._in_batch, self._batch_size, self._batch_started = True, 0, time.monotonic()

    def _added(self) -> None:
        """One document recorded in the open batch: commit when the batch is full or old."""
        self._batch_size += 1
        if not self._holding:
            self._commit_if_due()

    def _commit_if_due(self) -> None:
        if self._in_batch and (self._batch_size >= BATCH_DOCS or time.monotonic() - self._batch_started >= BATCH_SECONDS):
            self._flush()
            self._maybe_checkpoint()

    def _flush(self) -> None:
        """Commit the open batch once its files are on disk; then finish the renames.  Superseded
        copies stay in `trash` until a manifest no longer names them (`write_manifest`)."""
        if not self._in_batch:
            return
        self._checkpointer.check()         # an earlier checkpoint could not write the database file
        self._sync()
        manifest.mark_dirty(self.db)
        generation = next_generation(self.db)
        self._keys.spill()                 # the key files: APPLYING until they take `generation`
        self.db.execute("COMMIT")
        self._checkpointer.request()       # the WAL's checkpoint (its syncs) off this thread
        self._in_batch = False
        self._keys.committed(generation)
        for path in [p for p in self._written if p.endswith(".new")]:
            os.replace(self.root / path, self.root / path[:-4])
        self._written.clear()
        journal.clear(self._journal)

    def _sync(self) -> None:
        """Let the writer thread finish what is queued: before SQL that reads rows the queue may
        hold (other than the look-ups `_queued*` answer) or changes them, and before a commit."""
        error = self._writer.drain()
        self._forget_batch()
        self._queued.clear()
        self._queued_doc_ids.clear()
        self._queued_keys.clear()
        if error is not None:
            self._abandon_batch()
            raise error

    def _abandon_batch(self) -> None:
        """A file or row of the open batch could not be written: lose the batch as a killed run
        would (rolled back, its files deleted by the recovery, the key files opened again: rebuilt
        if the batch had spilled into them)."""
        self.db.execute("ROLLBACK")
        self._in_batch = False
        self._written.clear()
        journal.recover(self.root, self.db)
        self._load_index()

    def _insert(self, doc: dict) -> None:
        """Queue the row for the writer thread (the SQLite insert releases the GIL: ~30 us a
        document less for the store's thread); the look-ups find it in `_queued*` meanwhile."""
        self._writer.insert(list(ROW_VALUES(doc)))
        self._queued[doc["identity"]] = (doc["n"], doc["status"], doc["doc_id"], doc["path"], doc["sha1"],
                                         doc["partial"], doc["cluster"])
        self._queued_doc_ids.add(doc["doc_id"])
        self._queued_keys.setdefault(doc["exact_key"], set()).add(doc["cluster"])
        self._rows.add(doc["identity"], doc["doc_id"], doc["exact_key"])

    def _maybe_checkpoint(self) -> None:
        now = time.monotonic()
        if now - self._last_manifest >= max(CHECKPOINT_SECONDS, CHECKPOINT_SPACING * self._manifest_cost):
            self.write_manifest()
