"""A multimap of 64-bit keys to integer ids in a memory-mapped file: the LSH band keys and the
prefix anchors of the kept documents, on disk instead of in the store's memory.

Why this shape (measured, see benchmarks/bench_memory.py): the keys are uniform random 64-bit
hashes, ~40 per kept document, so every sorted structure (a SQLite index, LMDB's B+tree)
puts each new key on a random page: SQLite rewrote ~40 pages of 4 KB into its WAL per
document and took ~150 us a document for the inserts alone at 100k documents.  An
open-addressing hash table does each insert and look-up with one random access, vectorized
over all the keys of a batch with numpy, and grows by doubling (a streamed copy).

Layout: a 4 KiB header (HEADER_FIELDS, uint64 each), then `capacity` slots of (key, id),
16 bytes each, then a presence filter of FILTER_BITS_PER_SLOT bits a slot.  Key 0 marks an empty slot (a real key 0 is stored as 1: at worst an extra
candidate, which the store's exact verification rejects).  Linear probing; a removed entry
keeps its key and gets id -1 (a tombstone), so probe runs stay unbroken; tombstones go at
the next growth.  Look-ups read the slots with pread, as SQLite reads its file: the pages
stay in the OS's page cache, not in this process's resident memory (through the map, every
page touched would stay mapped, ~16 neighbours with it, until dropped).  Changes are written
through the map; `release` drops those pages again (the store calls it after every commit).

The presence filter (a Bloom filter, two bits a key, 8-16 bits an entry: 1-5 % false
positives) answers most look-ups without reading a slot: the keys of a new document are
mostly not held, and a pread costs ~1.5 us of system call a key (~40 keys a document).  It
is the one part of the table that stays resident (mapped, never released): 1-2 bytes an
entry, ~40-80 bytes a kept document.  It only ever gains bits (a removed entry leaves its
bits: an extra slot read at worst) and is rebuilt at each growth.
"""
from __future__ import annotations

import mmap
import os
from pathlib import Path

import numpy as np

MAGIC = 0x31595245_4B4E4557          # "WENKEY1" in little-endian bytes
VERSION = 2                          # 2: the presence filter after the slots
HEADER_BYTES = 4096
HEADER_FIELDS = ("magic", "version", "capacity", "used", "live", "generation", "state", "boot_hi", "boot_lo")
MIN_CAPACITY = 1 << 12
MAX_LOAD = 0.5                       # used slots (tombstones too) per slot before the table grows
WINDOW = 16                          # slots read at once per key (256 bytes: four cache lines)
PLACE_WINDOW = 4                     # slots looked at per key and round when placing (at most half
                                     # full, a run rarely goes past 4: a quarter of the work arrays)
FILTER_BITS_PER_SLOT = 4             # presence filter bits: 8-16 an entry at 1/4-1/2 load
VECTOR_ROUNDS = 4                    # rounds of `_place_some` before the pairs left go one by one
FIRST_SCAN, MAX_SCAN = 16, 4096      # slots scanned at once by `_place_one_by_one`, growing
PLACE_CHUNK = 1 << 15                # pairs placed at a time (~10 MB of work arrays)
GROW_CHUNK = 1 << 20                 # slots copied at a time when the table grows
TOMBSTONE = np.uint64(2**64 - 1)     # the id of a removed entry (-1)


class KeyFile:
    """The table in one file; `add`, `remove` and `find` take arrays of keys (see module doc)."""

    def __init__(self, path: Path, capacity: int | None = None) -> None:
        """Open `path`, or create it empty with room for `capacity` entries when it does not
        exist or `capacity` is given (an existing file is then replaced)."""
        self.path = Path(path)
        if capacity is not None or not self.path.exists():
            _create(self.path, _capacity_for(capacity or 0))
        self._open()

    def _open(self) -> None:
        self._fd = os.open(self.path, os.O_RDWR)
        self._map = mmap.mmap(self._fd, 0)
        self._map.madvise(mmap.MADV_RANDOM)
        self.header = np.frombuffer(self._map, dtype=np.uint64, count=len(HEADER_FIELDS))
        if int(self.header[0]) != MAGIC or int(self.header[1]) != VERSION:
            self.close()
            raise ValueError(f"{self.path} is not a key file of this version")
        capacity = int(self.header[2])
        self._slots = np.frombuffer(self._map, dtype=np.uint64, count=2 * capacity, offset=HEADER_BYTES)
        self._slots = self._slots.reshape(capacity, 2)
        self._mask = np.uint64(capacity - 1)
        self._shift = np.uint64(64 - capacity.bit_length() + 1)
        self._filter = np.frombuffer(self._map, dtype=np.uint8, count=_filter_bytes(capacity),
                                     offset=HEADER_BYTES + 16 * capacity)
        self._filter_mask = np.uint64(8 * _filter_bytes(capacity) - 1)

    def close(self) -> None:
        if self._map is None:
            return
        self.header = self._slots = self._filter = None
        self._map.close()
        os.close(self._fd)
        self._map = None

    def field(self, name: str) -> int:
        return int(self.header[HEADER_FIELDS.index(name)])

    def set_field(self, name: str, value: int) -> None:
        self.header[HEADER_FIELDS.index(name)] = np.uint64(value)

    @property
    def live(self) -> int:
        return self.field("live")

    def release(self) -> None:
        """Drop the slots' mapped pages from this process (they stay in the page cache, dirty
        ones are written back by the kernel as usual); the header and the filter stay."""
        self._map.madvise(mmap.MADV_DONTNEED, HEADER_BYTES, 16 * len(self._slots))

    def sync(self) -> None:
        """Write the dirty pages to disk and wait (at close: a power cut then finds them)."""
        self._map.flush()

    # ------------------------------------------------------------------ look-ups

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(ids, which): every live entry whose key is one of `keys`, as its id and the index in
        `keys` of its key."""
        keys = _nonzero(keys)
        maybe = np.flatnonzero(self._maybe_held(keys))
        _, which, ids = self._locate(keys[maybe])
        live = ids >= 0
        return ids[live], maybe[which[live]]

    def _filter_bits(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(byte, bit mask) of the filter's two bits of each key: its low and its high 32 bits
        (the keys are uniform 64-bit hashes), each [2, len(keys)]."""
        at = np.stack((keys, keys >> np.uint64(32))) & self._filter_mask
        return (at >> np.uint64(3)).astype(np.intp), np.left_shift(1, (at & np.uint64(7)).astype(np.uint8))

    def _maybe_held(self, keys: np.ndarray) -> np.ndarray:
        """False for a key the table surely does not hold (the filter lacks one of its bits)."""
        byte, bit = self._filter_bits(keys)
        return ((self._filter[byte] & bit) != 0).all(axis=0)

    def _locate(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(slot numbers, which, ids) of every entry, tombstones too, whose key is one of `keys`:
        the slots from each key's home to the first empty one, read WINDOW at a time."""
        rows, start = np.arange(len(keys)), self._home(keys)
        found_at, found_rows, found_ids = [], [], []
        mask = self._mask
        while len(rows):
            held = self._read_windows(start)                  # (k, WINDOW, 2)
            hit = held[:, :, 0] == keys[rows, None]
            if hit.any():
                r, c = np.nonzero(hit)
                found_at.append((start[r] + c.astype(np.uint64)) & mask)
                found_rows.append(rows[r])
                found_ids.append(held[r, c, 1].view(np.int64))
            more = (held[:, :, 0] != 0).all(axis=1)          # no empty slot yet: the run goes on
            rows, start = rows[more], start[more] + np.uint64(WINDOW)
        if not found_at:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.int64)
        return np.concatenate(found_at), np.concatenate(found_rows), np.concatenate(found_ids)

    def _read_windows(self, starts: np.ndarray) -> np.ndarray:
        """The WINDOW slots from each start, read with pread, not through the map: a look-up
        then leaves no page mapped into this process (see the module doc)."""
        fd, capacity, size = self._fd, len(self._slots), WINDOW * 16
        blobs = []
        for start in (starts & self._mask).tolist():
            if start + WINDOW <= capacity:
                blobs.append(os.pread(fd, size, HEADER_BYTES + 16 * start))
            else:                                   # the run wraps around the end of the table
                blobs.append(os.pread(fd, 16 * (capacity - start), HEADER_BYTES + 16 * start)
                             + os.pread(fd, 16 * (start + WINDOW - capacity), HEADER_BYTES))
        return np.frombuffer(b"".join(blobs), dtype=np.uint64).reshape(len(blobs), WINDOW, 2)

    # ------------------------------------------------------------------ changes

    def add(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Index each id under its key (a pair already held is not added twice)."""
        keys, ids = _nonzero(np.asarray(keys, dtype=np.uint64)), np.asarray(ids, dtype=np.int64)
        if not len(keys):
            return
        if self.field("used") + len(keys) > MAX_LOAD * len(self._slots):
            self._grow(self.live + len(keys))
        self._place(keys, ids)

    def _place(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """The filter's bits of the keys, then `_place_some`, PLACE_CHUNK pairs at a time (its
        work arrays are PLACE_WINDOW x 16 bytes a pair)."""
        byte, bit = self._filter_bits(keys)
        np.bitwise_or.at(self._filter, byte.ravel(), bit.ravel())
        for begin in range(0, len(keys), PLACE_CHUNK):
            self._place_some(keys[begin:begin + PLACE_CHUNK], ids[begin:begin + PLACE_CHUNK])

    def remove(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Forget each id under its key (tombstones)."""
        keys, ids = _nonzero(np.asarray(keys, dtype=np.uint64)), np.asarray(ids, dtype=np.int64)
        maybe = np.flatnonzero(self._maybe_held(keys))
        at, which, held_ids = self._locate(keys[maybe])
        at = at[held_ids == ids[maybe[which]]]
        self._slots[at, 1] = TOMBSTONE
        self.set_field("live", self.live - len(at))

    def _place_some(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Put each pair in the first empty slot of its key's run, unless the run holds it.
        Pairs racing for one slot: the first takes it, the others look on from there."""
        slots, mask, window = self._slots, self._mask, np.arange(PLACE_WINDOW, dtype=np.uint64)
        start, todo, placed = self._home(keys), np.arange(len(keys)), 0
        ids_as_keys = ids.view(np.uint64)
        rounds = 0
        while len(todo) and rounds < VECTOR_ROUNDS:
            rounds += 1
            at = (start[todo, None] + window) & mask
            held = slots[at]                                   # (k, WINDOW, 2)
            empty = held[:, :, 0] == 0
            has_empty = empty.any(axis=1)
            first = np.where(has_empty, empty.argmax(axis=1), PLACE_WINDOW)
            before = np.arange(PLACE_WINDOW)[None, :] < first[:, None]
            present = (before & (held[:, :, 0] == keys[todo, None])
                       & (held[:, :, 1] == ids_as_keys[todo, None])).any(axis=1)
            ready = np.nonzero(has_empty & ~present)[0]
            target = at[ready, first[ready]]
            _, winners = np.unique(target, return_index=True)
            chosen = ready[winners]
            slots[target[winners], 0] = keys[todo[chosen]]
            slots[target[winners], 1] = ids_as_keys[todo[chosen]]
            placed += len(chosen)
            lost = np.ones(len(ready), dtype=bool)
            lost[winners] = False
            start[todo[~has_empty & ~present]] += np.uint64(PLACE_WINDOW)
            start[todo[ready[lost]]] = target[lost]
            done = present
            done[chosen] = True
            todo = todo[~done]
        placed += self._place_one_by_one(keys[todo], ids_as_keys[todo], start[todo])
        self.set_field("used", self.field("used") + placed)
        self.set_field("live", self.live + placed)

    def _place_one_by_one(self, keys: np.ndarray, ids: np.ndarray, starts: np.ndarray) -> int:
        """The pairs `_place_some` has not placed after VECTOR_ROUNDS rounds, in order, each from
        its start on (the slots before it hold other pairs), scanning its run in chunks that
        double.  Why: a round moves a pair PLACE_WINDOW slots on and costs ~50 us of numpy calls
        whatever its size, and a key many documents share (a prefix anchor of a site's template:
        thousands of holders) has a run of thousands of slots, so a crawl's small commits spent
        ~300 rounds a call on a few such pairs.  The number placed."""
        slots, capacity, placed = self._slots, len(self._slots), 0
        for key, id_, at in zip(keys.tolist(), ids.tolist(), (starts & self._mask).tolist()):
            end = min(at + FIRST_SCAN, capacity)
            first = _first_free(slots[at:end].tolist(), key, id_)     # most runs end here: plain Python
            size = FIRST_SCAN
            while first is None:
                at, size = end % capacity, min(4 * size, MAX_SCAN)
                end = min(at + size, capacity)
                first = _first_free_in(slots[at:end], key, id_)
            if first >= 0:
                slots[at + first] = (key, id_)
                placed += 1
        return placed

    def _grow(self, entries: int) -> None:
        """Copy the live entries into a table with room for `entries` (at most MAX_LOAD full):
        written beside, then renamed over this one (an interrupted growth leaves this file)."""
        grown_path = self.path.with_name(self.path.name + ".grow")
        _create(grown_path, _capacity_for(entries))
        grown = KeyFile(grown_path)
        for name in ("generation", "state", "boot_hi", "boot_lo"):
            grown.set_field(name, self.field(name))
        for begin in range(0, len(self._slots), GROW_CHUNK):
            chunk = self._slots[begin:begin + GROW_CHUNK]
            live = (chunk[:, 0] != 0) & (chunk[:, 1] != TOMBSTONE)
            grown._place(np.ascontiguousarray(chunk[live, 0]), np.ascontiguousarray(chunk[live, 1]).view(np.int64))
            grown.release()                # the pages both maps touched: page cache, not this process
            self.release()
        del chunk                      # a view of the map: it must go before the map closes
        grown.close()
        self.close()
        os.replace(grown_path, self.path)
        self._open()

    def _home(self, keys: np.ndarray) -> np.ndarray:
        return keys >> self._shift


def _first_free(chunk: list, key: int, id_: int) -> int | None:
    """The index of the first empty slot of `chunk` ([key, id] lists); -1 when the pair is held
    before it; None when the chunk has neither."""
    for i, (held, held_id) in enumerate(chunk):
        if held == 0:
            return i
        if held == key and held_id == id_:
            return -1
    return None


def _first_free_in(chunk: np.ndarray, key: int, id_: int) -> int | None:
    """`_first_free` for a long chunk, with numpy."""
    empty = np.flatnonzero(chunk[:, 0] == 0)
    end = int(empty[0]) if len(empty) else len(chunk)
    if ((chunk[:end, 0] == np.uint64(key)) & (chunk[:end, 1] == np.uint64(id_))).any():
        return -1
    return end if len(empty) else None


def _nonzero(keys: np.ndarray) -> np.ndarray:
    """Key 0 marks an empty slot: a real 0 is looked up and stored as 1."""
    keys = np.asarray(keys, dtype=np.uint64)
    return np.where(keys == 0, np.uint64(1), keys) if not keys.all() else keys


def _capacity_for(entries: int) -> int:
    """The power of two holding `entries` at most MAX_LOAD full (with room to grow into)."""
    capacity = MIN_CAPACITY
    while capacity * MAX_LOAD < 2 * entries:
        capacity *= 2
    return capacity


def _filter_bytes(capacity: int) -> int:
    return max(8, capacity * FILTER_BITS_PER_SLOT // 8)


def _create(path: Path, capacity: int) -> None:
    """An empty table file (sparse: the slots and the filter read as zeros until written)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.truncate(HEADER_BYTES + 16 * capacity + _filter_bytes(capacity))
        header = np.zeros(len(HEADER_FIELDS), dtype=np.uint64)
        header[:3] = (MAGIC, VERSION, capacity)
        fh.write(header.tobytes())
    os.replace(tmp, path)
