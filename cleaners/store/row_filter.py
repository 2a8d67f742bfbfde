"""A presence filter of the values the store looks up for every new document (its identity, its
doc id, its exact key), so that the look-up statement (`schema.LOOK_UP`) runs only for a
document that may have a row: most documents are new, and the statement's three index
searches were ~10 % of the store thread's time.

Bloom filters in memory, one per column, BITS_PER_VALUE bits a value at least, two bits a value
taken from the two halves of its 64-bit `hash` (few Python integer operations: a look-up with
four multiplied probes cost ~10 us a document; ~0.4-1.4 % false positives a value): ~6-12
bytes a document.  They are
derived from SQLite, never saved: built on the first look-up after the index was (re)loaded,
and built again, twice as large, when the values reach the capacity.  A value is added when its
row is queued or changed; rows rolled back or deleted only leave false positives, which cost a
statement, never a wrong answer."""
from __future__ import annotations

import sqlite3

import numpy as np

BITS_PER_VALUE = 16                # at the capacity; twice that just after a build
MIN_CAPACITY = 1 << 14             # values a filter is built for at least
COLUMNS = ("identity", "doc_id", "exact_key")


class RowFilter:
    """`may_hold(identity, doc_id, exact_key)`: False when no row has any of the three."""

    def __init__(self, db: sqlite3.Connection, sync) -> None:
        """`sync()`: lets the writer thread insert the rows it holds (a build reads them all)."""
        self._db, self._sync = db, sync
        self._bits: list[bytearray] = []
        self._mask = 0
        self._capacity = self._count = 0

    def reset(self) -> None:
        """The rows changed behind the filter's back (recovery, a reload): built again when next asked."""
        self._bits = []

    def may_hold(self, identity: str, doc_id: str, exact_key: bytes) -> bool:
        if not self._bits or self._count >= self._capacity:
            self._build()
        return _held(self._bits[0], hash(identity), self._mask) or _held(self._bits[1], hash(doc_id), self._mask) \
            or _held(self._bits[2], hash(exact_key), self._mask)

    def add(self, identity: str | None, doc_id: str | None, exact_key: bytes | None) -> None:
        """A row queued or changed with these values (None: a column it did not change)."""
        if not self._bits:
            return                          # built from SQLite when next asked
        self._count += 1
        if identity is not None:
            _set(self._bits[0], hash(identity), self._mask)
        if doc_id is not None:
            _set(self._bits[1], hash(doc_id), self._mask)
        if exact_key is not None:
            _set(self._bits[2], hash(exact_key), self._mask)

    def _build(self) -> None:
        self._sync()
        count = self._db.execute("SELECT count(*) FROM docs").fetchone()[0]
        capacity = MIN_CAPACITY
        while capacity < 2 * count:
            capacity *= 2
        nbits = capacity * BITS_PER_VALUE
        if nbits > 1 << 32:
            raise ValueError(f"{count} rows: more than the row filter's 2**32 bits hold")
        self._mask = nbits - 1
        self._bits = []
        for name in COLUMNS:
            # a full scan of one column: SQLite reads its index (covering), not the table
            hashes = np.fromiter((hash(value) for (value,) in self._db.execute(f"SELECT {name} FROM docs")),
                                 dtype=np.int64, count=-1).view(np.uint64)
            bits = np.zeros(nbits // 8, dtype=np.uint8)
            for positions in (hashes & np.uint64(self._mask), (hashes >> np.uint64(32)) & np.uint64(self._mask)):
                np.bitwise_or.at(bits, positions >> np.uint64(3), np.left_shift(1, positions & np.uint64(7)).astype(np.uint8))
            self._bits.append(bytearray(bits.tobytes()))
        self._capacity, self._count = capacity, count


def _held(bits: bytearray, h: int, mask: int) -> bool:
    """Both bits of a value's hash set: its two halves, each masked to the filter's size."""
    low, high = h & mask, (h >> 32) & mask
    return bool(bits[low >> 3] >> (low & 7) & 1 and bits[high >> 3] >> (high & 7) & 1)


def _set(bits: bytearray, h: int, mask: int) -> None:
    low, high = h & mask, (h >> 32) & mask
    bits[low >> 3] |= 1 << (low & 7)
    bits[high >> 3] |= 1 << (high & 7)
