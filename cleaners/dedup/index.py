"""The LSH side: band keys of signatures, and the in-memory multimaps of 64-bit keys to ids
that answer "which documents share a band (or a prefix anchor) with this one".

Why 32 bands x 4 rows: see the package doc (cleaners/dedup/__init__.py).
"""
from __future__ import annotations

import numpy as np

from cleaners.dedup.params import BANDS, HASH_MIX, HASH_PRIME, NUM_PERM, ROWS

_BAND_SALT = np.arange(1, BANDS + 1, dtype=np.uint64) * HASH_MIX
assert ROWS % 2 == 0, "band keys read a band as ROWS/2 uint64 words"


def band_key_matrix(sigs: np.ndarray) -> np.ndarray:
    """uint64 [n, BANDS]: one key per band of each signature, a 64-bit mix of the band's ROWS
    values and the band number.

    Equal bands always give equal keys, so banding never misses a candidate; two different
    bands sharing a key (chance ~2^-64) only add a candidate, which exact verification
    rejects.  The keys are not stored: the index is rebuilt from the signatures on every open.
    """
    pairs = np.ascontiguousarray(sigs, dtype=np.uint32).view(np.uint64).reshape(-1, BANDS, ROWS // 2)
    h = pairs[:, :, 0] * HASH_PRIME     # array arithmetic wraps silently (no errstate needed)
    for r in range(1, ROWS // 2):
        h ^= pairs[:, :, r]
        h *= HASH_PRIME
    h ^= _BAND_SALT
    h *= HASH_MIX
    h ^= h >> np.uint64(32)
    return h


def band_keys(signature: np.ndarray) -> list[int]:
    """The BANDS band keys of one signature."""
    return band_key_matrix(signature).ravel().tolist()


def add_to_multimap(pending: dict, id_: int, key_list: list) -> None:
    """`pending[key]` gets `id_` for each key: an id alone, or a list once a key has several."""
    if pending.keys().isdisjoint(key_list):       # the usual case: no key seen in this batch
        pending.update(dict.fromkeys(key_list, id_))
        return
    for key in key_list:
        held = pending.get(key)
        if held is None:
            pending[key] = id_
        elif isinstance(held, list):
            held.append(id_)
        else:
            pending[key] = [held, id_]


class KeyIndex:
    """Multimap of 64-bit keys to integer ids: which ids were indexed under any of some keys
    (LSH band keys, prefix anchors).

    Most entries sit in one sorted uint64 array of keys with a parallel array of ids (16 bytes
    an entry; 100k documents x 32 bands = 51 MB, where a dict of Python ints took ~200 MB).
    A directory of bucket starts (the top bits of a key -> its first position, about one entry
    a bucket) finds a key's run with two cache misses, where a binary search of the 3M-entry
    array cost ~1 us a key in cache misses.  New entries wait in a small dict and are merged in
    bulk.  Removed entries become tombstones (-1) until the next merge.
    """

    MERGE_AT = 1 << 18       # pending entries before a merge (~8,000 documents, ~16 MB of dict;
                             # a merge copies the whole array: ~60 ms at 100k documents)
    MAX_RUN = 64             # a bucket wider than this (many equal keys) is binary-searched

    def __init__(self) -> None:
        self._keys = np.zeros(0, dtype=np.uint64)
        self._ids = np.zeros(0, dtype=np.int64)
        self._tombstones = 0
        self._build_directory()
        self._pending: dict[int, int | list[int]] = {}
        self._pending_count = 0
        self.generation = 0      # counts changes of the sorted arrays: a `batch` made before is stale

    def extend(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Index many (key, id) pairs at once (e.g. on open): one sort, no per-entry Python work."""
        if len(keys):
            self._merge(np.asarray(keys, dtype=np.uint64), np.asarray(ids, dtype=np.int64))

    def insert(self, id_: int, keys: np.ndarray) -> None:
        """Index one id under its keys."""
        key_list = keys.tolist()
        add_to_multimap(self._pending, id_, key_list)
        self._pending_count += len(key_list)
        if self._pending_count >= self.MERGE_AT:
            self._merge_pending()

    def discard(self, id_: int, keys: np.ndarray) -> None:
        """Forget id_ under these keys (the ones it was inserted with)."""
        pending = self._pending
        for key in keys.tolist():
            held = pending.get(key)
            if held == id_:
                del pending[key]
                self._pending_count -= 1
            elif isinstance(held, list) and id_ in held:
                held.remove(id_)
                self._pending_count -= 1
                if len(held) == 1:
                    pending[key] = held[0]
            else:
                at, _ = self._positions(np.array([key], dtype=np.uint64))
                at = at[self._ids[at] == id_]
                self._ids[at] = -1
                self._tombstones += len(at)
                self.generation += 1

    def find(self, keys: np.ndarray) -> set[int]:
        """Ids indexed under at least one of `keys`."""
        at, _ = self._positions(keys)
        found: set[int] = set(self._ids[at].tolist())
        found.discard(-1)
        self._add_pending(keys.tolist(), found.update, found.add)
        return found

    def find_all(self, keys: np.ndarray) -> list[int]:
        """Ids indexed under each of `keys`, an id once per key it shares (to count shared keys)."""
        at, _ = self._positions(keys)
        found = [i for i in self._ids[at].tolist() if i >= 0]
        self._add_pending(keys.tolist(), found.extend, found.append)
        return found

    def batch(self, key_rows: np.ndarray) -> "BatchQuery":
        """`find` for several rows of keys (uint64 [n, k]), looked up in the sorted arrays in one pass."""
        return BatchQuery(self, key_rows)

    def _add_pending(self, key_list: list[int], add_many, add_one) -> None:
        pending = self._pending
        if pending:
            for key in pending.keys() & key_list:
                held = pending[key]
                if isinstance(held, list):
                    add_many(held)
                else:
                    add_one(held)

    def _merge_pending(self) -> None:
        keys, ids = [], []
        for key, held in self._pending.items():
            if isinstance(held, list):
                keys.extend([key] * len(held))
                ids.extend(held)
            else:
                keys.append(key)
                ids.append(held)
        self._pending.clear()
        self._pending_count = 0
        self._merge(np.array(keys, dtype=np.uint64), np.array(ids, dtype=np.int64))

    def _merge(self, keys: np.ndarray, ids: np.ndarray) -> None:
        order = np.argsort(keys)          # order among equal keys does not matter
        keys, ids = keys[order], ids[order]
        old_keys, old_ids = self._keys, self._ids
        if self._tombstones:
            live = old_ids >= 0
            old_keys, old_ids, self._tombstones = old_keys[live], old_ids[live], 0
        at = np.searchsorted(old_keys, keys, side="right")
        self._keys = np.insert(old_keys, at, keys)
        self._ids = np.insert(old_ids, at, ids)
        self._build_directory()
        self.generation += 1

    def _build_directory(self) -> None:
        """Bucket starts for the sorted keys: 2^bits buckets by the keys' top bits, bits such
        that a bucket holds about one entry (8 bytes a bucket: <= 16 MB at 100k documents)."""
        bits = max(1, int(len(self._keys)).bit_length())
        self._shift = np.uint64(64 - bits)
        counts = np.bincount((self._keys >> self._shift).astype(np.intp), minlength=1 << bits)
        self._starts = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=self._starts[1:])

    def _positions(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in the sorted arrays of every entry whose key is one of `keys`, the index
        in `keys` of each one's key), in the order of `keys`."""
        bucket = (keys >> self._shift).astype(np.intp)
        lo, hi = self._starts[bucket], self._starts[bucket + 1]
        width = int((hi - lo).max(initial=0))
        if width == 0:
            return lo[:0], lo[:0]
        if width > self.MAX_RUN:
            lo, hi = np.searchsorted(self._keys, keys, "left"), np.searchsorted(self._keys, keys, "right")
            counts = hi - lo
            which = np.repeat(np.arange(len(keys)), counts)
            run_starts = np.repeat(np.cumsum(counts) - counts, counts)
            return np.repeat(lo, counts) + np.arange(len(which)) - run_starts, which
        at = lo[:, None] + np.arange(width)
        inside = at < hi[:, None]
        at = np.where(inside, at, 0)
        which, offset = np.nonzero(inside & (self._keys[at] == keys[:, None]))
        return at[which, offset], which


class BatchQuery:
    """`KeyIndex.find` for the rows of keys of several documents added one after another.

    The sorted arrays are searched for all rows at once (one set of numpy calls instead of one
    per document: ~60 us a document less); the pending entries, which the documents added
    in between change, are looked up when a row's answer is asked for.  Should the sorted
    arrays change in between (a merge or a removal), the row is searched again, so the answer
    is always the one `find` would give at that moment.
    """

    def __init__(self, index: KeyIndex, key_rows: np.ndarray) -> None:
        self._index, self._rows, self._generation = index, key_rows, index.generation
        at, which = index._positions(key_rows.ravel())
        ids, owner = index._ids[at].tolist(), (which // key_rows.shape[1]).tolist()
        self._found: list[set[int]] = [set() for _ in range(len(key_rows))]
        for row, id_ in zip(owner, ids):
            self._found[row].add(id_)

    def find(self, row: int) -> set[int]:
        index = self._index
        if index.generation != self._generation:
            return index.find(self._rows[row])
        found = set(self._found[row])
        found.discard(-1)
        index._add_pending(self._rows[row].tolist(), found.update, found.add)
        return found


class LSHIndex(KeyIndex):
    """Banded index of integer doc keys: which documents share a band with a signature.

    The methods taking `bands` expect `band_key_matrix(signature).ravel()` (`Fingerprint.bands`,
    computed where the signature is, e.g. in a worker process).
    """

    def add_many(self, keys, sigs) -> None:
        """Index many documents at once (e.g. on open)."""
        sigs = np.asarray(sigs, dtype=np.uint32).reshape(-1, NUM_PERM)
        self.extend(band_key_matrix(sigs).ravel(), np.repeat(np.asarray(keys, dtype=np.int64), BANDS))

    def add(self, key: int, sig: np.ndarray) -> None:
        self.insert(key, band_key_matrix(sig).ravel())

    def remove(self, key: int, sig: np.ndarray) -> None:
        self.discard(key, band_key_matrix(sig).ravel())

    def query(self, sig: np.ndarray) -> set[int]:
        return self.find(band_key_matrix(sig).ravel())

    def query_bands(self, bands: np.ndarray) -> set[int]:
        """Keys of the documents sharing at least one band key with `bands`."""
        return self.find(bands)
