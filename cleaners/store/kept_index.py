"""The index of the kept documents: LSH band keys and prefix anchors in key files on disk
(`disk_keys`), their signatures in the signature file (`signature_file`: what a candidate's
screen reads), the facts of a kept document read from SQLite when it passes the screen, and a
small cache of shingle sets.  Memory stays flat as the store grows: what is held per document
is only that of the open batch (its rows may still be queued for the writer thread)."""
from __future__ import annotations

import os
import sqlite3
from collections import OrderedDict
from pathlib import Path

import numpy as np

from cleaners import dedup
from cleaners.dedup import BANDS, NUM_PERM, CopyInfo, Fingerprint, band_key_matrix
from cleaners.store.disk_keys import KeyFiles, PendingKeys
from cleaners.store.signature_file import PARTIAL, PRESENT, PendingSignatures
from cleaners.store.errors import StoreError
from cleaners.store.layout import body_of
from cleaners.store.row_filter import RowFilter
from cleaners.store.schema import index_generation

# Bytes of kept documents' shingle hashes kept for verification.  A cached entry is small on a corpus of
# short template siblings, so 32 MiB filled over ~80,000 documents there and read as 0.2-0.5 KB of
# resident growth a document (bench_memory.py --corpus); 16 MiB cost the store no time there (same
# store-thread slices as 32 in one run) and 8 MiB ~10 %.
FINGERPRINT_CACHE = 16 << 20
REBUILD_ROWS = 4096              # rows read at a time when the key files are rebuilt
HELD = ("SELECT partial, content, unrecovered, seq, sig, doc_id, path, title, cluster, anchors FROM docs "
        "WHERE n=?")
HELD_MANY = ("SELECT n, partial, content, unrecovered, seq, sig, doc_id, path, title, cluster FROM docs "
             "WHERE n IN ({}) AND status='kept'")
HELD_MANY_AT_ONCE = 32           # ids a statement (a statement a count is cached: few counts)
# What the screen before a verification reads of a near candidate the signature file has no
# record of (none, in a store whose files agree with SQLite: a safety net).
SCREEN_MANY = "SELECT n, partial, content, sig FROM docs WHERE n IN ({}) AND status='kept'"
SCREEN_AT_ONCE = 128             # ids a statement, padded with -1 (no such n): one statement, cached
Held = tuple                     # (CopyInfo, signature|None, doc_id, path, title, cluster)


class KeptIndexMixin:
    """Part of `Store`: the kept documents' index.  Uses `root`, `db`, `dedup` (Store), and
    `_written` (files of the open batch), `_sync`, `_begin`, `_flush` (BatchMixin)."""

    root: Path
    db: sqlite3.Connection
    dedup: bool
    _written: dict[str, bytes]
    _keys: KeyFiles
    _rows: RowFilter                      # which identities, doc ids and exact keys may have a row
    _lsh: PendingKeys                     # band keys -> kept documents
    _anchors: PendingKeys                 # prefix anchors -> kept documents
    _partial: PendingKeys                 # prefix anchors -> kept previews (asked for every full document)
    _sigs: PendingSignatures              # kept documents' signatures, a record each (what the screen reads)
    _batch_kept: dict[int, Held]          # kept in the open batch, rows maybe still queued: n -> facts
    _batch_cluster_kept: dict[int, int]   # ... cluster -> its kept document
    _cache: OrderedDict[int, Fingerprint]     # n -> verifiable fingerprint, least recently used first
    _cache_bytes: int
    _next_n: int
    _next_cluster: int
    _next_seq: int

    def _load_index(self) -> None:
        """Open the key files (rebuilt from SQLite when they do not agree with it) and take
        the next free numbers."""
        self._forget_batch()
        self._rows.reset()
        self._cache, self._cache_bytes = OrderedDict(), 0
        if not self._keys.open(index_generation(self.db)):
            self._rebuild_key_files()
        self._bind_tables()
        self._next_n = (self.db.execute("SELECT max(n) FROM docs").fetchone()[0] or 0) + 1
        self._next_cluster = (self.db.execute("SELECT max(cluster) FROM docs").fetchone()[0] or 0) + 1
        self._next_seq = (self.db.execute("SELECT max(seq) FROM docs").fetchone()[0] or 0) + 1
        if self.dedup:
            self._sign_unsigned()

    def _sign_unsigned(self) -> None:
        """Fingerprint the kept documents a run without dedup stored without one (`prepare`),
        from their files, and index them: the first deduplicating open after such a run."""
        unsigned = np.fromiter((n for (n,) in self.db.execute("SELECT n FROM docs WHERE content < 0 AND status='kept'")),
                               dtype=np.int64)
        for begin in range(0, len(unsigned), REBUILD_ROWS):
            self._begin()
            helds = [held_of(self.db.execute(HELD, (n,)).fetchone()) for n in unsigned[begin:begin + REBUILD_ROWS].tolist()]
            texts = [self._read_body(held) for held in helds]
            for n, held, fp in zip(unsigned[begin:begin + REBUILD_ROWS].tolist(), helds, dedup.fingerprints(texts)):
                copy = held[0]
                self.db.execute("UPDATE docs SET exact_key=?, content=?, sig=?, anchors=? WHERE n=?",
                                (fp.key, fp.content, fp.signature.tobytes() if fp.near else None,
                                 fp.anchors.tobytes() if len(fp.anchors) else None, n))
                self._rows.add(None, None, fp.key)
                doc = {"n": n, "partial": copy.partial, "content": fp.content, "unrecovered": copy.unrecovered,
                       "seq": copy.seq, "doc_id": held[2], "path": held[3], "title": held[4], "cluster": held[5]}
                self._index_kept(doc, fp, queued=False)
            self._flush()

    def _bind_tables(self) -> None:
        tables = self._keys.tables
        self._lsh, self._anchors, self._partial = tables["lsh"], tables["anchors"], tables["partial"]
        self._sigs = self._keys.signatures

    def _forget_batch(self) -> None:
        """The open batch's rows are in SQLite now (or rolled back): it answers for them."""
        self._batch_kept, self._batch_cluster_kept = {}, {}

    def _rebuild_key_files(self) -> None:
        """Key files from the `sig` and `anchors` columns of the kept rows, read a few
        thousand at a time (memory stays flat): ~3 s per 100k kept documents."""
        self._reset_key_files()
        cursor = self.db.execute("SELECT n, partial, sig, anchors, content FROM docs WHERE status='kept'")
        while rows := cursor.fetchmany(REBUILD_ROWS):
            signed = [(n, sig, partial, content) for n, partial, sig, _, content in rows if sig]
            if signed:
                sigs = np.frombuffer(b"".join(row[1] for row in signed), dtype=np.uint32).reshape(-1, NUM_PERM)
                self._lsh.file.add(band_key_matrix(sigs).ravel(), np.repeat([row[0] for row in signed], BANDS))
                self._sigs.add([row[0] for row in signed], [bool(row[2]) for row in signed],
                               [row[3] for row in signed], sigs)
            for name, wanted in (("anchors", (0, 1)), ("partial", (1,))):
                held = [(n, blob) for n, partial, _, blob, _ in rows if blob and partial in wanted]
                if held:
                    keys = np.frombuffer(b"".join(blob for _, blob in held), dtype=np.uint64)
                    owners = np.repeat([n for n, _ in held], [len(blob) // 8 for _, blob in held])
                    self._keys.tables[name].file.add(keys, owners)
        self._keys.committed(index_generation(self.db))

    def _reset_key_files(self) -> None:
        self._keys.reset()
        self._bind_tables()

    def _clear_index(self) -> None:
        """Empty key files (to be filled again by the caller), nothing cached."""
        self._reset_key_files()
        self._forget_batch()
        self._cache, self._cache_bytes = OrderedDict(), 0

    def _index_kept(self, doc: dict, fp: Fingerprint, queued: bool = True) -> None:
        """Index a kept document; `queued`: its row went to the writer thread (not yet in SQLite)."""
        n = doc["n"]
        copy = copy_of(doc, doc["content"])
        if queued:
            self._batch_kept[n] = (copy, fp.signature, doc["doc_id"], doc["path"], doc["title"], doc["cluster"])
            self._batch_cluster_kept[doc["cluster"]] = n
        anchors = fp.anchors.view(np.uint64)
        if copy.partial and len(anchors):
            self._partial.insert(n, anchors)
        if fp.signature is not None:
            self._lsh.insert(n, fp.bands)
            self._sigs.insert(n, copy.partial, copy.content, fp.signature)
        if len(anchors):
            self._anchors.insert(n, anchors)
        self._remember(n, fp)

    def _held(self, n: int) -> Held | None:
        """A kept document's facts (None if n is not kept)."""
        held = self._batch_kept.get(n)
        if held is not None:
            return held
        row = self.db.execute(HELD + " AND status='kept'", (n,)).fetchone()
        return held_of(row) if row else None

    def _helds(self, ns: list[int]) -> dict[int, Held]:
        """`_held` of several kept documents (those not kept are left out): one statement for
        those not of the open batch, not one each (a document's LSH candidates are read so)."""
        found = {n: self._batch_kept[n] for n in ns if n in self._batch_kept}
        rest = [n for n in ns if n not in found]
        for begin in range(0, len(rest), HELD_MANY_AT_ONCE):
            part = rest[begin:begin + HELD_MANY_AT_ONCE]
            sql = HELD_MANY.format(",".join("?" * len(part)))
            found.update((row[0], held_of(row[1:])) for row in self.db.execute(sql, part))
        return found

    def _signatures(self, ns: list[int]) -> tuple[list[int], list[bool], list[int], np.ndarray]:
        """(ids, partial, content, signatures as a matrix, one row each) of the kept documents
        among `ns` that have a signature, in the order of `ns`: what the screen reads, from the
        signature file (a pread each), SQLite asked only for any without a record there."""
        records = self._sigs.read(ns)
        flags = records["flags"]
        missing = np.flatnonzero((flags & PRESENT) == 0).tolist()
        if missing:
            asked = [ns[k] for k in missing]
            sql = SCREEN_MANY.format(",".join("?" * SCREEN_AT_ONCE))
            for begin in range(0, len(asked), SCREEN_AT_ONCE):
                part = asked[begin:begin + SCREEN_AT_ONCE]
                for n, partial, content, sig in self.db.execute(sql, part + [-1] * (SCREEN_AT_ONCE - len(part))):
                    if sig:
                        k = missing[asked.index(n)]
                        records[k] = (PRESENT | (PARTIAL if partial else 0), content,
                                      np.frombuffer(sig, dtype=np.uint32))
            flags = records["flags"]
        found = np.flatnonzero(flags & PRESENT)
        records = records[found]
        return ([ns[k] for k in found.tolist()], ((records["flags"] & PARTIAL) != 0).tolist(),
                records["content"].tolist(), records["sig"])

    def _kept_in_cluster(self, cluster: int) -> int | None:
        n = self._batch_cluster_kept.get(cluster)
        if n is not None:
            return n
        row = self.db.execute("SELECT n FROM docs WHERE cluster=? AND status='kept' LIMIT 1", (cluster,)).fetchone()
        return row[0] if row else None

    def _all_kept(self) -> set[int]:
        """Every kept document (tests offer them all as LSH candidates)."""
        self._sync()
        return {n for (n,) in self.db.execute("SELECT n FROM docs WHERE status='kept'")}

    def _kept_count(self) -> int:
        self._sync()
        return self.db.execute("SELECT count(*) FROM docs WHERE status='kept'").fetchone()[0]

    def _unindex(self, n: int) -> Held:
        self._sync()      # its row, and the rows the caller then changes, may still be queued
        row = self.db.execute(HELD, (n,)).fetchone()
        held = held_of(row)
        anchors = np.frombuffer(row[-1] or b"", dtype=np.uint64)
        if held[0].partial and len(anchors):
            self._partial.discard(n, anchors)
        if held[1] is not None:
            self._lsh.discard(n, band_key_matrix(held[1]).ravel())
        if len(anchors):
            self._anchors.discard(n, anchors)
        self._forget_cached(n)
        return held

    def _fingerprint_of(self, n: int, held: Held) -> Fingerprint:
        """A kept document's fingerprint, recomputed from its file (cached: candidates are few)."""
        cached = self._cache.get(n)
        if cached is not None:
            self._cache.move_to_end(n)
            return cached
        fp = Fingerprint.for_verifying(self._read_body(held), held[1])    # what `verify` reads, no more
        self._remember(n, fp)
        return fp

    def _read_fingerprint(self, held: Held) -> Fingerprint:
        return dedup.fingerprint(self._read_body(held), signature=held[1])

    def _read_body(self, held: Held) -> str:
        """A kept document's text, from its file, or from memory for a file of the open batch
        (it may not be on disk yet)."""
        staged = held[3] + ".new"
        path = staged if staged in self._written else held[3]
        content = self._written.get(path)
        try:
            body = body_of((content or _read_file(f"{self.root}/{path}")).decode("utf-8"), held[4])
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"kept document {self.root / path} is missing or unreadable ({exc}): the store was "
                             "changed by hand; put the file back, or clean into a fresh output folder") from exc
        return body

    def _remember(self, n: int, fp: Fingerprint) -> None:
        if not fp.verifiable:
            return
        self._forget_cached(n)
        self._cache[n] = fp
        self._cache_bytes += _shingle_bytes(fp)
        while self._cache_bytes > FINGERPRINT_CACHE and self._cache:
            self._cache_bytes -= _shingle_bytes(self._cache.popitem(last=False)[1])

    def _forget_cached(self, n: int) -> None:
        fp = self._cache.pop(n, None)
        if fp is not None:
            self._cache_bytes -= _shingle_bytes(fp)


def _read_file(path: str) -> bytes:
    """A file's bytes (pathlib's `read_bytes` costs ~2x: a Path made and an io object a read,
    for every candidate read back)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def copy_of(doc: dict, content: int) -> CopyInfo:
    """What ranks a document row among its copies (`dedup.rank`), with its content size."""
    return CopyInfo(bool(doc["partial"]), content, doc["unrecovered"], doc["seq"], doc["doc_id"])


def held_of(row: tuple) -> Held:
    partial, content, unrecovered, seq, sig, doc_id, path, title, cluster = row[:9]
    signature = np.frombuffer(sig, dtype=np.uint32) if sig else None
    return CopyInfo(bool(partial), content, unrecovered, seq, doc_id), signature, doc_id, path, title, cluster


def _shingle_bytes(fp: Fingerprint) -> int:
    """Memory a cached fingerprint holds, at most: its shingle hashes and their sorted set
    (made when it is first verified), or the set alone for a `bare` one."""
    return 2 * fp.hashes.nbytes if fp.hashes is not None else fp.__dict__["unique"].nbytes
