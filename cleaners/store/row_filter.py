"""A presence filter of the values the store looks up for every new document (its identity, its
doc id, its exact key), so that the look-up statement (`schema.LOOK_UP`) runs only for a
document that may have a row: most documents are new, and the statement's three index
searches were ~10 % of the store thread's time.

Bloom filters in memory, one per column, BITS_PER_VALUE bits a value at least (4 bits each,
~0.2-0.3 % false positives at the fill that makes them grow): ~6-12 bytes a document.  They are
derived from SQLite, never saved: built on the first look-up after the index was (re)loaded,
and built again, twice as large, when the values reach the capacity.  A value is added when its
row is queued or changed; rows rolled back or deleted only leave false positives, which cost a
statement, never a wrong answer."""
from __future__ import annotations

import sqlite3

import numpy as np

BITS_PER_VALUE = 16                # at the capacity; twice that just after a build
MIN_CAPACITY = 1 << 14             # values a filter is built for at least
PROBES = 4
COLUMNS = ("identity", "doc_id", "exact_key")
_MASK64 = (1 << 64) - 1


class RowFilter:
    """`may_hold(identity, doc_id, exact_key)`: False when no row has any of the three."""

    def __init__(self, db: sqlite3.Connection, sync) -> None:
        """`sync()`: lets the writer thread insert the rows it holds (a build reads them all)."""
        self._db, self._sync = db, sync
        self._bits: list[bytearray] = []
        self._shift = 0
        self._capacity = self._count = 0

    def reset(self) -> None:
        """The rows changed behind the filter's back (recovery, a reload): built again when next asked."""
        self._bits = []

    def may_hold(self, identity: str, doc_id: str, exact_key: bytes) -> bool:
        if not self._bits or self._count >= self._capacity:
            self._build()
        bits = self._bits
        return (_held(bits[0], hash(identity), self._shift) or _held(bits[1], hash(doc_id), self._shift)
                or _held(bits[2], hash(exact_key), self._shift))

    def add(self, identity: str | None, doc_id: str | None, exact_key: bytes | None) -> None:
        """A row queued or changed with these values (None: a column it did not change)."""
        if not self._bits:
            return                          # built from SQLite and the queued rows when next asked
        self._count += 1
        for bits, value in zip(self._bits, (identity, doc_id, exact_key)):
            if value is not None:
                _set(bits, hash(value), self._shift)

    def _build(self) -> None:
        self._sync()
        count = self._db.execute("SELECT count(*) FROM docs").fetchone()[0]
        capacity = MIN_CAPACITY
        while capacity < 2 * count:
            capacity *= 2
        nbits = capacity * BITS_PER_VALUE
        self._shift = 64 - (nbits.bit_length() - 1)
        self._bits = []
        for name in COLUMNS:
            # a full scan of one column: SQLite reads its index (covering), not the table
            hashes = np.fromiter((hash(value) for (value,) in self._db.execute(f"SELECT {name} FROM docs")),
                                 dtype=np.int64, count=-1)
            self._bits.append(_bulk(hashes, nbits, self._shift))
        self._capacity, self._count = capacity, count


def _positions(h: int, shift: int) -> tuple[int, ...]:
    """The PROBES bit positions of a value's hash in a filter of 2**(64 - shift) bits: the top
    bits of four multiplicative mixes of the hash."""
    h &= _MASK64
    return tuple(((h * m) & _MASK64) >> shift for m in _MIXES)


_MIXES = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)


def _held(bits: bytearray, h: int, shift: int) -> bool:
    for position in _positions(h, shift):
        if not bits[position >> 3] >> (position & 7) & 1:
            return False
    return True


def _set(bits: bytearray, h: int, shift: int) -> None:
    for position in _positions(h, shift):
        bits[position >> 3] |= 1 << (position & 7)


def _bulk(hashes: np.ndarray, nbits: int, shift: int) -> bytearray:
    """A filter of `nbits` bits holding these hashes: the positions of `_positions`, vectorised."""
    on = np.zeros(nbits, dtype=bool)
    h = hashes.view(np.uint64)
    for m in _MIXES:
        on[(h * np.uint64(m)) >> np.uint64(shift)] = True
    return bytearray(np.packbits(on, bitorder="little").tobytes())
