"""One sorted run of a key table (`keyruns.KeyRuns`): (key, id) entries sorted by key then id,
written once, front to back, and never changed; a removal is an entry too (its id stored as
~id, a negative number), so that a newer run can take back a pair an older one holds.

Layout: a 4 KiB header (RUN_FIELDS, uint64 each), the entries (16 bytes each: key, id),
padded to a page, then the presence filter (uint64 words), then the fences (the key of every FENCE_EVERY-th
entry: the first of each 4 KiB page of entries).

Why this shape: a commit's keys are uniform random hashes, so any table updated in place
(the hash table before it, a B-tree) writes one random page per key; the runs are written
sequentially and merged sequentially (`merge`), and a look-up costs one filter test per run
and one pread of each page holding a key the filter lets through.  The filter (a blocked Bloom
filter: FILTER_BITS_PER_ENTRY bits an entry, four bits a key in one 64-bit word, ~0.5 % false
positives, see `_probes`) and the fences
(8 bytes a page) are the resident part: ~2 bytes an entry, ~80 bytes a kept document.  The
entries are read with pread, never mapped: the pages stay in the OS's page cache, not in
this process's resident memory.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

RUN_MAGIC = 0x324E5552_4E455757      # "WWENRUN2"
RUN_FIELDS = ("magic", "count", "filter_bytes", "fences", "adds")
HEADER_BYTES = 4096
ENTRY = np.dtype([("key", "<u8"), ("id", "<i8")])
FENCE_EVERY = HEADER_BYTES // ENTRY.itemsize        # entries a page
FILTER_BITS_PER_ENTRY = 16
WRITE_CHUNK = 1 << 18                # entries written (and filtered) at a time
_NO_ENTRIES, _NO_WHICH = np.zeros(0, dtype=ENTRY), np.zeros(0, dtype=np.intp)
_NO_ENTRIES.flags.writeable = _NO_WHICH.flags.writeable = False     # shared: nobody may change them


def _filter_words(count: int) -> int:
    """A power of two of 64-bit words with at least FILTER_BITS_PER_ENTRY bits an entry."""
    words = 8
    while words * 64 < FILTER_BITS_PER_ENTRY * count:
        words *= 2
    return words


def _probes(keys: np.ndarray, words: int) -> tuple[np.ndarray, np.ndarray]:
    """(word, mask) of each key in a blocked Bloom filter: the word is picked by the key's top
    bits (so sorted keys pick words in order), its four bits by four 6-bit fields of its low
    bits (the keys are uniform 64-bit hashes).  One word a key: one memory access a test, and
    a run's filter is set by one OR a word, not a slow `np.bitwise_or.at` a bit."""
    return _words(keys, words), probe_masks(keys)


def _words(keys: np.ndarray, words: int) -> np.ndarray:
    return (keys >> np.uint64(65 - words.bit_length())).astype(np.intp)


def probe_masks(keys: np.ndarray) -> np.ndarray:
    """The filter bits of each key (`_probes`): the same in every run, so a look-up in several
    runs computes them once (`lookup_runs`' `masks`)."""
    one, six = np.uint64(1), np.uint64(63)
    return ((one << (keys & six)) | (one << ((keys >> np.uint64(6)) & six))
            | (one << ((keys >> np.uint64(12)) & six)) | (one << ((keys >> np.uint64(18)) & six)))


class RunWriter:
    """Writes one run: `write` chunks of entries in order, then `finish`; the file appears under
    its name only when finished (written beside, then renamed)."""

    def __init__(self, path: Path, at_most: int) -> None:
        self.path, self._tmp = Path(path), Path(f"{path}.tmp")
        self._fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.pwrite(self._fd, bytes(HEADER_BYTES), 0)
        self._filter = np.zeros(_filter_words(at_most), dtype=np.uint64)
        self._fences: list[np.ndarray] = []
        self.count = self.adds = 0

    def write(self, entries: np.ndarray) -> None:
        """The next entries (ENTRY, sorted, after those written before)."""
        if not len(entries):
            return
        os.pwrite(self._fd, entries.tobytes(), HEADER_BYTES + ENTRY.itemsize * self.count)
        word, mask = _probes(entries["key"], len(self._filter))
        if len(word) > 1 and (word[1:] < word[:-1]).any():        # not sorted: the filter needs it
            order = np.argsort(word, kind="stable")
            word, mask = word[order], mask[order]
        starts = np.flatnonzero(np.concatenate(([True], word[1:] != word[:-1])))
        self._filter[word[starts]] |= np.bitwise_or.reduceat(mask, starts)
        first = (-self.count) % FENCE_EVERY
        self._fences.append(entries["key"][first::FENCE_EVERY].copy())
        self.count += len(entries)
        self.adds += int((entries["id"] >= 0).sum())

    def finish(self) -> "SortedRun":
        entry_bytes = -(-ENTRY.itemsize * self.count // HEADER_BYTES) * HEADER_BYTES
        fences = np.concatenate(self._fences) if self._fences else np.zeros(0, dtype=np.uint64)
        os.pwrite(self._fd, self._filter.tobytes() + fences.tobytes(), HEADER_BYTES + entry_bytes)
        header = np.array([RUN_MAGIC, self.count, self._filter.nbytes, len(fences), self.adds], dtype=np.uint64)
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
        self._filter = np.frombuffer(os.pread(self._fd, filter_bytes, at), dtype=np.uint64)
        self._fences = np.frombuffer(os.pread(self._fd, 8 * fence_count, at + filter_bytes), dtype=np.uint64)
        if self._filter.nbytes != filter_bytes or len(self._fences) != fence_count:
            os.close(self._fd)
            raise ValueError(f"{self.path} is cut short")

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def sync(self) -> None:
        os.fsync(self._fd)

    def maybe_held(self, keys: np.ndarray, masks: np.ndarray | None = None) -> np.ndarray:
        """False for a key the run surely does not hold (the filter lacks one of its bits);
        `masks`: `probe_masks(keys)`, when the caller has them."""
        masks = probe_masks(keys) if masks is None else masks
        return (self._filter[_words(keys, len(self._filter))] & masks) == masks

    def pages_of(self, wanted: np.ndarray) -> list[int]:
        """The pages that may hold these keys, each once, in order (from the fences: a key
        equal to a page's first key may also end the pages before it)."""
        first = np.maximum(np.searchsorted(self._fences, wanted, "left") - 1, 0)
        last = np.searchsorted(self._fences, wanted, "right") - 1       # -1: below the first key
        if (first >= last).all():                                       # most keys: one page
            return sorted(set(last[last >= 0].tolist()))
        return sorted({page for a, b in zip(first.tolist(), last.tolist()) for page in range(a, b + 1)})

    def read_pages(self, pages: list[int]) -> bytes:
        """The entries of these pages (in order), the last page's padding left out."""
        last = (self.count - 1) // FENCE_EVERY
        tail = ENTRY.itemsize * (self.count - last * FENCE_EVERY)
        return b"".join(os.pread(self._fd, HEADER_BYTES if page != last else tail, HEADER_BYTES * (1 + page))
                        for page in pages)

    def chunks(self, size: int):
        """The entries in order, `size` at a time (a merge reads its runs so)."""
        for begin in range(0, self.count, size):
            count = min(size, self.count - begin)
            yield np.frombuffer(os.pread(self._fd, ENTRY.itemsize * count, HEADER_BYTES + ENTRY.itemsize * begin),
                                dtype=ENTRY)


def lookup_runs(runs: list[SortedRun], keys: np.ndarray, masks: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(entries, which, ages): every entry of these runs whose key is one of `keys`, the index
    in `keys` of its key, and the index in `runs` of its run.  A run costs a filter test; a run
    the filter lets keys through costs one pread a page holding them, and its pages are
    searched for them together with the other runs' (asked for a chunk of documents in 6-12
    runs, a look-up of each run on its own was ~35 numpy calls a run, more than its reads)."""
    keys = np.asarray(keys, dtype=np.uint64)
    masks = probe_masks(keys) if masks is None and runs else masks
    blobs, asked, at = [], [], 0
    for age, run in enumerate(runs):
        maybe = np.flatnonzero(run.maybe_held(keys, masks))
        if not len(maybe):
            continue
        wanted = keys[maybe]
        pages = run.pages_of(wanted)
        if pages:
            blob = run.read_pages(pages)
            blobs.append(blob)
            asked.append((age, maybe, wanted, at, at + len(blob) // ENTRY.itemsize))
            at += len(blob) // ENTRY.itemsize
    if not asked:
        return _NO_ENTRIES, _NO_WHICH, _NO_WHICH
    read = np.frombuffer(b"".join(blobs), dtype=ENTRY)
    held = read["key"]
    lows, counts = [], []
    for _, _, wanted, begin, end in asked:                  # a run's pages: sorted, searched alone
        part = held[begin:end]
        low = np.searchsorted(part, wanted, "left")
        lows.append(low + begin)
        counts.append(np.searchsorted(part, wanted, "right") - low)
    if len(asked) == 1:
        low, count, where = lows[0], counts[0], asked[0][1]
        ages = np.full(len(where), asked[0][0], dtype=np.intp)
    else:
        low, count, where = np.concatenate(lows), np.concatenate(counts), np.concatenate([a[1] for a in asked])
        ages = np.repeat([a[0] for a in asked], [len(a[1]) for a in asked])
    found = np.flatnonzero(count)
    if not len(found):
        return _NO_ENTRIES, _NO_WHICH, _NO_WHICH
    low, count, where, ages = low[found], count[found], where[found], ages[found]
    if int(count.max()) == 1:
        return read[low], where, ages
    starts = np.repeat(low - np.cumsum(count) + count, count)
    return read[np.arange(int(count.sum())) + starts], np.repeat(where, count), np.repeat(ages, count)
