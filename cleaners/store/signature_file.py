"""The kept documents' signatures, each at a fixed place of one file (the record of document n
at HEADER_BYTES + n * RECORD.itemsize), read with one pread a candidate: what the screen before
a verification compares (`KeptIndexMixin._signatures`).

Why (issue 15): on a corpus of template siblings a document's LSH candidates grow with the
store (4 a document at first, 70 at 84,000 documents), and reading each one's signature row
back from SQLite cost ~10 us (a B-tree look-up of a wide row, mostly out of SQLite's 16 MiB
cache, and the row made into Python objects); a pread of one record costs ~1 us and does not
grow with the store.  The records are read, never mapped: the pages stay in the OS's page
cache, not in this process's resident memory (as the key files' entries).

The file is derived from SQLite like the key files, and takes part in their protocol
(disk_keys.KeyFiles): the open batch's records wait in memory (`PendingSignatures`) and are
written at its commit, while the header says APPLYING; a file that does not agree with
SQLite on open is rebuilt from the `sig` column.  A record never written reads as absent
(its `flags` 0); the reader then asks SQLite.  A document no longer kept keeps its record,
which nobody asks for: only kept documents are candidates.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from cleaners.dedup.params import NUM_PERM
from cleaners.store.file_header import HEADER_BYTES, map_header, write_header

MAGIC = 0x31534749_534E4557           # "WENSIGS1" in little-endian bytes
VERSION = 1
HEADER_FIELDS = ("magic", "version", "generation", "state", "boot_hi", "boot_lo")
RECORD = np.dtype([("flags", "<u8"), ("content", "<i8"), ("sig", "<u4", (NUM_PERM,))])
PRESENT, PARTIAL = 1, 2               # `flags` bits


class SignatureFile:
    """The file (see module doc): `write` records, `read` them back; the header's fields as
    a KeyRuns header's (`field`, `set_field`), for KeyFiles' protocol."""

    def __init__(self, path: Path, create: bool = False) -> None:
        self.path = Path(path)
        if create or not self.path.exists():
            write_header(self.path, MAGIC, VERSION)
        self._fd, self._map, self.header = map_header(self.path, MAGIC, VERSION, "a signature file")

    def field(self, name: str) -> int:
        return int(self.header[HEADER_FIELDS.index(name)])

    def set_field(self, name: str, value: int) -> None:
        self.header[HEADER_FIELDS.index(name)] = np.uint64(value)

    def write(self, ns: list[int], held: np.ndarray) -> None:
        """Records (RECORD, one a number of `ns`) each at its place; numbers that follow one
        another (most: documents are numbered as they come) in one pwrite."""
        begin = 0
        while begin < len(ns):
            end = begin + 1
            while end < len(ns) and ns[end] == ns[end - 1] + 1:
                end += 1
            os.pwrite(self._fd, held[begin:end].tobytes(), HEADER_BYTES + ns[begin] * RECORD.itemsize)
            begin = end

    def read(self, ns: list[int]) -> np.ndarray:
        """The records of these numbers (RECORD, in their order; past the end of the file:
        absent).  One pread each, joined (~1 us a record; copied one by one into an array, 3)."""
        size, fd = RECORD.itemsize, self._fd
        parts = [os.pread(fd, size, HEADER_BYTES + n * size) for n in ns]
        joined = b"".join(parts)
        if len(joined) != size * len(ns):
            joined = b"".join(part if len(part) == size else bytes(size) for part in parts)
        return np.frombuffer(joined, dtype=RECORD).copy()

    def sync(self) -> None:
        os.fsync(self._fd)
        self._map.flush()

    def close(self) -> None:
        if self._map is not None:
            self.header = None
            self._map.close()
            os.close(self._fd)
            self._map = None


def records(partial: list[bool], content: list[int], signatures) -> np.ndarray:
    """The records of several documents (RECORD), made in one pass."""
    out = np.zeros(len(content), dtype=RECORD)
    out["flags"] = np.where(np.asarray(partial, dtype=bool), PRESENT | PARTIAL, PRESENT)
    out["content"] = content
    if len(content):
        out["sig"] = np.asarray(signatures).reshape(len(content), NUM_PERM)
    return out


class PendingSignatures:
    """The signature file and the open batch's records (written at its commit: `apply`)."""

    def __init__(self, file: SignatureFile) -> None:
        self.file = file
        self._pending: dict[int, tuple[bool, int, np.ndarray]] = {}    # n -> (partial, content, signature)

    def insert(self, n: int, partial: bool, content: int, signature: np.ndarray) -> None:
        self._pending[n] = (partial, content, signature)

    def add(self, ns: list[int], partial: list[bool], content: list[int], signatures: np.ndarray) -> None:
        """Records written now (a rebuild)."""
        self.file.write(ns, records(partial, content, signatures))

    def read(self, ns: list[int]) -> np.ndarray:
        """The records of these numbers, the open batch's from memory."""
        pending = self._pending
        if not pending:
            return self.file.read(ns)
        out = self.file.read([n for n in ns if n not in pending])
        if len(out) == len(ns):
            return out
        merged = np.zeros(len(ns), dtype=RECORD)
        mine = np.array([n in pending for n in ns], dtype=bool)
        merged[~mine] = out
        merged[mine] = self._records([n for n in ns if n in pending])
        return merged

    def _records(self, ns: list[int]) -> np.ndarray:
        held = [self._pending[n] for n in ns]
        return records([p for p, _, _ in held], [c for _, c, _ in held], [s for _, _, s in held])

    def apply(self) -> None:
        if self._pending:
            ns = sorted(self._pending)
            self.file.write(ns, self._records(ns))
        self.forget()

    def forget(self) -> None:
        self._pending.clear()
