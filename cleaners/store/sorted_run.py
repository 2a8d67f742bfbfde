"""One sorted run of a key table (`keyruns.KeyRuns`): (key, id) entries sorted by key then id,
written once, front to back, and never changed; a removal is an entry too (its id stored as
~id, a negative number), so that a newer run can take back a pair an older one holds.

Layout: a 4 KiB header (RUN_FIELDS, uint64 each), the entries (16 bytes each: key, id),
padded to a page, then the presence filter, then the fences (the key of every FENCE_EVERY-th
entry: the first of each 4 KiB page of entries).

Why this shape: a commit's keys are uniform random hashes, so any table updated in place
(the hash table before it, a B-tree) writes one random page per key; the runs are written
sequentially and merged sequentially (`merge`), and a look-up costs one filter test per run
and one pread of a page for a key the filter lets through.  The filter (a Bloom filter of
FILTER_BITS_PER_ENTRY bits and FILTER_PROBES probes, ~0.2 % false positives) and the fences
(8 bytes a page) are the resident part: ~2 bytes an entry, ~80 bytes a kept document.  The
entries are read with pread, never mapped: the pages stay in the OS's page cache, not in
this process's resident memory.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

RUN_MAGIC = 0x314E5552_4E455757      # "WWENRUN1"
RUN_FIELDS = ("magic", "count", "filter_bytes", "fences", "adds")
HEADER_BYTES = 4096
ENTRY = np.dtype([("key", "<u8"), ("id", "<i8")])
FENCE_EVERY = HEADER_BYTES // ENTRY.itemsize        # entries a page
FILTER_BITS_PER_ENTRY = 16
FILTER_PROBES = 4
PROBE_FACTORS = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93],
                         dtype=np.uint64)[:FILTER_PROBES, None]
WRITE_CHUNK = 1 << 18                # entries written (and filtered) at a time


def _filter_bytes(count: int) -> int:
    """A power of two of bytes with at least FILTER_BITS_PER_ENTRY bits an entry."""
    size = 64
    while size * 8 < FILTER_BITS_PER_ENTRY * count:
        size *= 2
    return size


def _probes(keys: np.ndarray, filter_bytes: int) -> tuple[np.ndarray, np.ndarray]:
    """(byte, bit mask) of each key's FILTER_PROBES filter bits, each [FILTER_PROBES, len(keys)]:
    the top bits of the key times an odd constant (multiplicative hashing)."""
    shift = np.uint64(64 - (8 * filter_bytes).bit_length() + 1)
    at = (keys[None, :] * PROBE_FACTORS) >> shift
    return (at >> np.uint64(3)).astype(np.intp), np.left_shift(1, (at & np.uint64(7)).astype(np.uint8))


class RunWriter:
    """Writes one run: `write` chunks of entries in order, then `finish`; the file appears under
    its name only when finished (written beside, then renamed)."""

    def __init__(self, path: Path, at_most: int) -> None:
        self.path, self._tmp = Path(path), Path(f"{path}.tmp")
        self._fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.pwrite(self._fd, bytes(HEADER_BYTES), 0)
        self._filter = np.zeros(_filter_bytes(at_most), dtype=np.uint8)
        self._fences: list[np.ndarray] = []
        self.count = self.adds = 0

    def write(self, entries: np.ndarray) -> None:
        """The next entries (ENTRY, sorted, after those written before)."""
        if not len(entries):
            return
        os.pwrite(self._fd, entries.tobytes(), HEADER_BYTES + ENTRY.itemsize * self.count)
        byte, bit = _probes(entries["key"], len(self._filter))
        np.bitwise_or.at(self._filter, byte.ravel(), bit.ravel())
        first = (-self.count) % FENCE_EVERY
        self._fences.append(entries["key"][first::FENCE_EVERY].copy())
        self.count += len(entries)
        self.adds += int((entries["id"] >= 0).sum())

    def finish(self) -> "SortedRun":
        entry_bytes = -(-ENTRY.itemsize * self.count // HEADER_BYTES) * HEADER_BYTES
        fences = np.concatenate(self._fences) if self._fences else np.zeros(0, dtype=np.uint64)
        os.pwrite(self._fd, self._filter.tobytes() + fences.tobytes(), HEADER_BYTES + entry_bytes)
        header = np.array([RUN_MAGIC, self.count, len(self._filter), len(fences), self.adds], dtype=np.uint64)
        os.pwrite(self._fd, header.tobytes(), 0)
        os.close(self._fd)
        os.replace(self._tmp, self.path)
        return SortedRun(self.path)

    def abandon(self) -> None:
        os.close(self._fd)
        self._tmp.unlink(missing_ok=True)


def write_run(path: Path, entries: np.ndarray) -> "SortedRun":
    """A run of these entries (ENTRY, sorted by key then id, one entry per pair)."""
    writer = RunWriter(path, len(entries))
    for begin in range(0, len(entries), WRITE_CHUNK):
        writer.write(entries[begin:begin + WRITE_CHUNK])
    return writer.finish()


class SortedRun:
    """A run read back: its filter and fences in memory, its entries read with pread."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_RDONLY)
        header = np.frombuffer(os.pread(self._fd, 8 * len(RUN_FIELDS), 0), dtype=np.uint64)
        if len(header) != len(RUN_FIELDS) or int(header[0]) != RUN_MAGIC:
            os.close(self._fd)
            raise ValueError(f"{self.path} is not a sorted run of this version")
        self.count, filter_bytes, fence_count, self.adds = (int(v) for v in header[1:])
        at = HEADER_BYTES + -(-ENTRY.itemsize * self.count // HEADER_BYTES) * HEADER_BYTES
        self._filter = np.frombuffer(os.pread(self._fd, filter_bytes, at), dtype=np.uint8)
        self._fences = np.frombuffer(os.pread(self._fd, 8 * fence_count, at + filter_bytes), dtype=np.uint64)
        if len(self._filter) != filter_bytes or len(self._fences) != fence_count:
            os.close(self._fd)
            raise ValueError(f"{self.path} is cut short")

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def sync(self) -> None:
        os.fsync(self._fd)

    def maybe_held(self, keys: np.ndarray) -> np.ndarray:
        """False for a key the run surely does not hold (the filter lacks one of its bits)."""
        byte, bit = _probes(keys, len(self._filter))
        return ((self._filter[byte] & bit) != 0).all(axis=0)

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(entries, which): every entry of the run whose key is one of `keys`, and the index in
        `keys` of its key.  The pages that may hold a key are known from the fences: one pread
        a key the filter lets through (more for a key with many pages of holders)."""
        maybe = np.flatnonzero(self.maybe_held(keys))
        if not len(maybe):
            return np.zeros(0, dtype=ENTRY), np.zeros(0, dtype=np.intp)
        wanted = keys[maybe]
        first = np.maximum(np.searchsorted(self._fences, wanted, "left") - 1, 0)
        last = np.searchsorted(self._fences, wanted, "right") - 1       # -1: below the first key
        found, which = [], []
        for w, key, lo, hi in zip(maybe.tolist(), wanted.tolist(), first.tolist(), last.tolist()):
            if hi < 0:
                continue
            begin, end = lo * FENCE_EVERY, min((hi + 1) * FENCE_EVERY, self.count)
            page = np.frombuffer(os.pread(self._fd, ENTRY.itemsize * (end - begin),
                                          HEADER_BYTES + ENTRY.itemsize * begin), dtype=ENTRY)
            held = page["key"]
            start, stop = np.searchsorted(held, key, "left"), np.searchsorted(held, key, "right")
            if stop > start:
                found.append(page[start:stop])
                which.append(np.full(stop - start, w, dtype=np.intp))
        if not found:
            return np.zeros(0, dtype=ENTRY), np.zeros(0, dtype=np.intp)
        return np.concatenate(found), np.concatenate(which)

    def chunks(self, size: int):
        """The entries in order, `size` at a time (a merge reads its runs so)."""
        for begin in range(0, self.count, size):
            count = min(size, self.count - begin)
            yield np.frombuffer(os.pread(self._fd, ENTRY.itemsize * count, HEADER_BYTES + ENTRY.itemsize * begin),
                                dtype=ENTRY)
