"""The in-memory index of the kept documents: their ranking facts, MinHash LSH, prefix
anchors and a small cache of shingle sets, loaded from SQLite on open and kept in step with it."""
from __future__ import annotations

import sqlite3
from collections import OrderedDict
from pathlib import Path

import numpy as np

from cleaners import dedup
from cleaners.dedup import CopyInfo, Fingerprint, KeyIndex, LSHIndex
from cleaners.store.errors import StoreError
from cleaners.store.layout import body_of

FINGERPRINT_CACHE = 1024         # kept docs whose shingles stay in memory for verification


class KeptIndexMixin:
    """Part of `Store`: the kept documents in memory.  Uses `root`, `db`, `_written` (files of
    the open batch, from BatchMixin) and `_sync` (BatchMixin)."""

    root: Path
    db: sqlite3.Connection
    _written: dict[str, bytes]
    _kept: dict[int, tuple]               # n -> (CopyInfo, signature|None, doc_id, path, title, cluster)
    _cluster_kept: dict[int, int]         # cluster -> its kept document
    _lsh: LSHIndex
    _anchors: KeyIndex                    # prefix anchors of all kept documents
    _partial_anchors: dict[int, set[int]]     # anchor -> kept previews holding it (asked for every full document)
    _cache: OrderedDict[int, Fingerprint]     # n -> verifiable fingerprint, least recently used first
    _next_n: int
    _next_cluster: int
    _next_seq: int

    def _load_index(self) -> None:
        """Kept documents' ranking facts, signatures and anchors into memory, LSH rebuilt: ~2 s per 100k."""
        self._clear_index()
        self._kept, self._cluster_kept = {}, {}
        rows = self.db.execute("SELECT n, partial, content, unrecovered, seq, sig, doc_id, path, title, cluster, "
                               "anchors FROM docs WHERE status='kept'").fetchall()
        keys, sigs, anchor_owners, anchor_counts, anchor_blobs = [], [], [], [], []
        for n, partial, content, unrecovered, seq, sig, doc_id, path, title, cluster, anchor_blob in rows:
            signature = np.frombuffer(sig, dtype=np.uint32) if sig else None
            self._kept[n] = (CopyInfo(bool(partial), content, unrecovered, seq), signature, doc_id, path, title, cluster)
            self._cluster_kept[cluster] = n
            if signature is not None:
                keys.append(n)
                sigs.append(signature)
            if anchor_blob:
                anchor_owners.append(n)
                anchor_counts.append(len(anchor_blob) // 8)
                anchor_blobs.append(anchor_blob)
                if partial:
                    self._index_partial_anchors(n, np.frombuffer(anchor_blob, dtype=np.int64))
        if keys:
            self._lsh.add_many(keys, sigs)
        self._anchors.extend(np.frombuffer(b"".join(anchor_blobs), dtype=np.uint64), np.repeat(anchor_owners, anchor_counts))
        self._next_n = (self.db.execute("SELECT max(n) FROM docs").fetchone()[0] or 0) + 1
        self._next_cluster = (self.db.execute("SELECT max(cluster) FROM docs").fetchone()[0] or 0) + 1
        self._next_seq = (self.db.execute("SELECT max(seq) FROM docs").fetchone()[0] or 0) + 1

    def _clear_index(self) -> None:
        """Empty in-memory indexes: LSH, prefix anchors (all kept documents', and kept previews'
        in a dict: asked for every full document), cached shingle sets."""
        self._lsh, self._anchors = LSHIndex(), KeyIndex()
        self._partial_anchors = {}
        self._cache = OrderedDict()

    def _index_kept(self, doc: dict, fp: Fingerprint) -> None:
        n = doc["n"]
        copy = CopyInfo(bool(doc["partial"]), doc["content"], doc["unrecovered"], doc["seq"])
        self._kept[n] = (copy, fp.signature, doc["doc_id"], doc["path"], doc["title"], doc["cluster"])
        self._cluster_kept[doc["cluster"]] = n
        if copy.partial:
            self._index_partial_anchors(n, fp.anchors)
        if fp.signature is not None:
            self._lsh.insert(n, fp.bands)
        if len(fp.anchors):
            self._anchors.insert(n, fp.anchors.view(np.uint64))
        self._remember(n, fp)

    def _index_partial_anchors(self, n: int, anchors: np.ndarray) -> None:
        for h in anchors.tolist():
            self._partial_anchors.setdefault(h, set()).add(n)

    def _unindex(self, n: int) -> tuple:
        self._sync()      # its row, and the rows the caller then changes, may still be queued
        (blob,) = self.db.execute("SELECT anchors FROM docs WHERE n=?", (n,)).fetchone()
        anchors = np.frombuffer(blob or b"", dtype=np.int64)
        held = self._kept.pop(n)
        if self._cluster_kept.get(held[5]) == n:
            del self._cluster_kept[held[5]]
        if held[0].partial:
            for h in anchors.tolist():
                bucket = self._partial_anchors.get(h)
                if bucket is not None:
                    bucket.discard(n)
                    if not bucket:
                        del self._partial_anchors[h]
        if held[1] is not None:
            self._lsh.remove(n, held[1])
        self._anchors.discard(n, anchors.view(np.uint64))
        self._cache.pop(n, None)
        return held

    def _kept_in_cluster(self, cluster: int) -> int | None:
        return self._cluster_kept.get(cluster)

    def _fingerprint_of(self, n: int) -> Fingerprint:
        """A kept document's fingerprint, recomputed from its file (cached: candidates are few)."""
        cached = self._cache.get(n)
        if cached is not None:
            self._cache.move_to_end(n)
            return cached
        fp = self._read_fingerprint(self._kept[n])
        self._remember(n, fp)
        return fp

    def _read_fingerprint(self, held: tuple) -> Fingerprint:
        """From the file, or from memory for a file of the open batch (it may not be on disk yet)."""
        staged = held[3] + ".new"
        path = staged if staged in self._written else held[3]
        content = self._written.get(path)
        try:
            body = body_of((content or (self.root / path).read_bytes()).decode("utf-8"), held[4])
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"kept document {self.root / path} is missing or unreadable ({exc}): the store was "
                             "changed by hand; put the file back, or clean into a fresh output folder") from exc
        return dedup.fingerprint(body, signature=held[1])

    def _remember(self, n: int, fp: Fingerprint) -> None:
        if not fp.verifiable:
            return
        self._cache[n] = fp
        if len(self._cache) > FINGERPRINT_CACHE:
            self._cache.popitem(last=False)
