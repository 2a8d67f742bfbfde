"""The `Store` class: opening (lock, index, recovery), closing, the queries, the manifest and
export; adding, matching, the kept documents' index, the open batch and re-deduplication are the
mixins it is made of (see the package doc for the consistency scheme they keep)."""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from typing import IO, Iterable

from cleaners.dedup import DEFAULT_CONTAINMENT, DEFAULT_THRESHOLD
from cleaners.store import journal, locking, manifest, shards
from cleaners.store.adding import AddingMixin
from cleaners.store.batch import BatchMixin
from cleaners.store.checkpointer import Checkpointer
from cleaners.store.disk_keys import KeyFiles
from cleaners.store.errors import StoreError
from cleaners.store.kept_index import KeptIndexMixin
from cleaners.store.layout import INDEX_NAME, foreign_output, safe_name
from cleaners.store.matching import MatchingMixin
from cleaners.store.rededup import RededupMixin
from cleaners.store.row_filter import RowFilter
from cleaners.store.schema import open_index
from cleaners.store.writer_thread import BatchWriter


class Store(AddingMixin, RededupMixin, MatchingMixin, BatchMixin, KeptIndexMixin):
    """Persistent, crash-safe, deduplicating output folder (see the package doc)."""

    def __init__(self, out_dir: str | os.PathLike, dedup: bool = True, threshold: float | None = None,
                 containment: float | None = None) -> None:
        self.root = Path(out_dir)
        self.dedup = dedup
        self.threshold = _similarity(threshold, "threshold", DEFAULT_THRESHOLD)
        self.containment = _similarity(containment, "containment", DEFAULT_CONTAINMENT)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create output folder {self.root}: {exc}") from exc
        self._root_resolved = self.root.resolve()
        self._checked_sites = set()
        foreign = foreign_output(self.root)
        if foreign is not None:         # (before the lock: its file would be left in that folder)
            raise StoreError(f"{self.root} holds {foreign.relative_to(self.root)} but no store index ({INDEX_NAME}): "
                             "it is not an output folder of this tool (or its index was removed), and a new store "
                             "would overwrite such files; give a new or empty output folder")
        self._lock = locking.acquire(self.root)
        try:
            self.db = open_index(self.root)
        except (sqlite3.Error, StoreError) as exc:
            self._lock.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{self.root / INDEX_NAME} cannot be opened ({exc}); if it is damaged, "
                             "move it aside and clean into a fresh output folder") from exc
        self._checkpointer = Checkpointer(self.root / INDEX_NAME, self.db)
        self._counts = {"kept": 0, "exact_dup": 0, "near_dup": 0, "replaced": 0, "written": 0}
        self._in_batch, self._batch_size, self._batch_started, self._holding = False, 0, 0.0, False
        self._written = {}
        journal.recover(self.root, self.db)
        self._journal = journal.open_journal(self.root)
        self._writer = BatchWriter(self.root, self._journal, self.db)
        self._queued, self._queued_doc_ids, self._queued_keys = {}, set(), {}
        self._keys = KeyFiles(self.root)
        self._rows = RowFilter(self.db, self._sync)
        self._load_index()
        self._last_manifest = time.monotonic()
        self._manifest_cost = 0.0
        if manifest.is_stale(self.root, self.db):
            self.write_manifest()

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.db is None:
            return
        try:
            self._flush()
            if manifest.is_dirty(self.db):
                self.write_manifest()
        finally:
            self._writer.close()
            self._keys.close(clean=not self._in_batch)
            os.close(self._journal)
            self._checkpointer.close()
            self.db.close()
            self.db = None
            self._lock.close()
        self._checkpointer.check()         # the last commit's checkpoint, run after it

    def commit(self) -> None:
        """Commit the open batch now: every document added so far survives a kill from here on."""
        self._flush()

    def settle(self) -> None:
        """Commit, then wait until the store's threads are out of SQLite (the commit's WAL
        checkpoint done): before the process forks (process_pool.start's `before_fork`)."""
        self.commit()
        self._checkpointer.quiet()

    # ------------------------------------------------------------------ queries

    def seen_ids(self, site: str) -> set[str]:
        """Source ids (result.id) already held for a site, kept or recorded as duplicate."""
        prefix = safe_name(site or "local")    # identities are "<site>\0<raw id>": a range of the unique index
        self._sync()
        return {r for (r,) in self.db.execute("SELECT raw_id FROM docs WHERE identity >= ? AND identity < ?",
                                              (prefix + "\x00", prefix + "\x01"))}

    def has(self, site: str, doc_id: str) -> bool:
        """Whether this source id (or stored doc id) of this site is held, kept or as a duplicate.

        Asked before every document of a crawl: the rows still queued for the writer thread
        answer from `_queued*` (as `_look_up` does), so the thread is waited for only when a
        queued row has this doc id (its site is not in `_queued_doc_ids`), not per document
        (a wait a document cost a crawl's writer ~1 ms a document: the thread's work no longer
        overlapped the store's)."""
        site = safe_name(site or "local")
        identity = f"{site}\x00{doc_id}"
        if identity in self._queued:
            return True
        if doc_id in self._queued_doc_ids:
            self._sync()
        return self.db.execute("SELECT 1 FROM docs WHERE identity=? OR (doc_id=? AND site=?) LIMIT 1",
                               (identity, doc_id, site)).fetchone() is not None

    def summary(self) -> dict:
        """This session's counts: kept, exact_dup, near_dup, replaced, written (files), and,
        when any, the documents whose near-duplicate look-up left out a crowded LSH bucket
        (dedup.params.CROWDED_BAND): a near duplicate sharing only such buckets goes unseen,
        so a run says when that could have happened."""
        counts = dict(self._counts)
        crowded = getattr(getattr(self, "_lsh", None), "crowded_lookups", 0)
        if crowded:
            counts["lookups_past_crowded_buckets"] = crowded
        return counts

    def __len__(self) -> int:
        """Kept documents."""
        return self._kept_count()

    # ------------------------------------------------------------------ manifest and export

    def manifest_records(self) -> Iterable[dict]:
        """One record per kept document, with all the places its copies were seen."""
        self._sync()
        yield from manifest.records(self.db)

    def write_manifest(self) -> None:
        """Regenerate manifest.jsonl from the index atomically (see `manifest.write`)."""
        self._flush()
        started = time.monotonic()
        self._sync()
        manifest.write(self.root, self.db)
        # Only now may superseded copies go: a manifest that failed to be written (disk full)
        # still names them, and must not name a file that is gone.
        journal.empty_trash(self.root, self.db)
        self._last_manifest = time.monotonic()
        self._manifest_cost = self._last_manifest - started

    def export(self, fh: IO[str]) -> int:
        """Write the whole corpus as JSONL (manifest fields + `text`) for datatrove / HF datasets."""
        self._flush()
        return manifest.export(self.root, self.manifest_records(), fh)

    def export_shards(self, out: Path, fmt: str = "jsonl", shard_size: int = 10_000) -> list[Path]:
        """Write the corpus as datatrove-shaped shards (`text`, `id`, `metadata`): see `shards`.

        Shards already in `out` are replaced only when they hold this store's documents (an
        earlier export of it): a second store exported into the same folder replaced the first
        one's shards without a word."""
        self._flush()
        self._refuse_foreign_shards(Path(out), fmt)
        return shards.write_shards(shards.corpus_records(manifest.documents(self.root, self.manifest_records())),
                                   Path(out), fmt, shard_size)

    def _refuse_foreign_shards(self, out: Path, fmt: str) -> None:
        earlier = shards.earlier_shards(out, fmt)
        first = shards.first_record(earlier[0], fmt) if earlier else None
        if first is None:
            return
        site = (first.get("metadata") or {}).get("site") or ""
        if not self.has(site, str(first.get("id"))):
            raise StoreError(f"--out {out} holds {len(earlier)} {fmt} shard(s) of another corpus (its first document, "
                             f"{first.get('id')}, is not in {self.root}); an export there would replace them: "
                             f"give an empty folder, or remove those shards first")


def _similarity(value: float | None, name: str, fallback: float) -> float:
    """A similarity threshold in (0, 1], the documented default when None."""
    if value is None:
        return fallback
    if not 0 < value <= 1:
        raise ValueError(f"{name} must be in (0, 1], not {value}")
    return float(value)
