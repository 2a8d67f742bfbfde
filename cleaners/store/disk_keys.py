"""The store's key files: the LSH band keys, the prefix anchors of all kept documents and those
of the kept previews, each a `KeyRuns` table (a header file and its sorted runs), with the
changes of the open batch held in memory until it commits (then written as one run a table),
and the protocol that keeps the files in step with SQLite across kills.

Consistency (see also the package doc): SQLite is the source of truth and the key files are
derived from it.  Each commit increments `index_generation` in the meta table; the files
record the generation they agree with.  At a commit the batch's changes are applied to the
files (their header says APPLYING meanwhile), then SQLite commits, then the files take the
new generation.  A kill -9 leaves what was written to the files in the page cache, so
on open the files are good when they hold SQLite's generation and were not APPLYING; after
an OS crash or power cut (another boot id, files not closed cleanly) or any mismatch they
are rebuilt from the `sig` and `anchors` columns (a few seconds per 100k documents).
"""
from __future__ import annotations

import uuid
from pathlib import Path

import numpy as np

from cleaners.dedup.index import add_to_multimap
from cleaners.dedup.params import CROWDED_BAND
from cleaners.store.keyruns import KeyRuns
from cleaners.store.layout import KEY_FILE_NAMES, SIGNATURE_FILE_NAME
from cleaners.store.signature_file import PendingSignatures, SignatureFile

CLOSED, OPEN, APPLYING = 0, 1, 2          # header `state`: synced at close / in use / half applied
SPILL_AT = 1 << 17                        # pending entries that go to the file before the commit


class PendingKeys:
    """One key file and the open batch's changes to it, answered together: the look-ups
    `find` (ids sharing any key) and `find_all` (an id once per shared key, to count them).
    `crowded` (the LSH table's: dedup.params.CROWDED_BAND): a key then held by more ids, in the
    file and the batch together, answers none of them (matching.py's module doc says why)."""

    def __init__(self, file: KeyRuns, on_spill, crowded: int | None = None) -> None:
        self.file = file
        self.crowded = crowded               # a key held by more ids than this answers none (`_answer`)
        self.crowded_lookups = 0             # look-ups that left a crowded key out (the run's summary says so)
        self._added: dict[int, int | list[int]] = {}     # key -> id (or ids) added in this batch
        self._removed: set[tuple[int, int]] = set()       # (key, id) removed in this batch
        self._removed_keys: set[int] = set()              # ... their keys
        self._log: list[tuple[bool, int, np.ndarray]] = []    # (added?, id, keys), in order, for `apply`
        self._pending = 0
        self._on_spill = on_spill            # called before pending changes go to the file early
        self.generation = 0                  # counts changes of the file: a `batch` made before is stale

    def insert(self, id_: int, keys: np.ndarray) -> None:
        key_list = keys.tolist()
        add_to_multimap(self._added, id_, key_list)
        self._log.append((True, id_, keys))
        self._pending += len(key_list)
        if self._pending >= SPILL_AT:
            self._on_spill()

    def discard(self, id_: int, keys: np.ndarray) -> None:
        added = self._added
        for key in keys.tolist():
            held = added.get(key)
            if held == id_:
                del added[key]
            elif isinstance(held, list) and id_ in held:
                held.remove(id_)
            self._removed.add((key, id_))
            self._removed_keys.add(key)
        self._log.append((False, id_, keys))
        self._pending += len(keys)

    def any(self) -> bool:
        """Whether any entry may be held (a cheap test before asking)."""
        return bool(self.file.entries or self._added)

    def find(self, keys: np.ndarray) -> set[int]:
        found: set[int] = set()
        self._answer(keys.tolist(), *self.file.find(keys), found.update, found.add)
        return found

    query_bands = find

    def find_all(self, keys: np.ndarray) -> list[int]:
        found: list[int] = []
        self._answer(keys.tolist(), *self.file.find(keys), found.extend, found.append)
        return found

    def _answer(self, key_list: list[int], ids: np.ndarray, which: np.ndarray, add_many, add_one) -> None:
        """Give the ids held under the keys of `key_list`: those the file holds (`ids`, and in
        `which` the index of their key), less the pairs this batch removed, and those it added;
        none of a key held by more than `crowded` ids (then counted first, in numpy)."""
        removed, added = self._removed, self._added
        if removed and len(ids):         # (a replacement in this batch): only the keys it touched are asked
            touched = np.array([key in self._removed_keys for key in key_list], dtype=bool)[which]
            if touched.any():
                at = np.flatnonzero(touched)
                gone = [(key_list[w], i) in removed for i, w in zip(ids[at].tolist(), which[at].tolist())]
                keep = np.ones(len(ids), dtype=bool)
                keep[at[gone]] = False
                ids, which = ids[keep], which[keep]
        pending = added.keys() & key_list if added else ()
        if self.crowded is not None and (pending or len(ids) > self.crowded):
            ids, pending = self._uncrowded(key_list, ids, which, pending)
        add_many(ids.tolist())
        for key in pending:
            held = added[key]
            if isinstance(held, list):
                add_many(held)
            else:
                add_one(held)

    def _uncrowded(self, key_list: list[int], ids: np.ndarray, which: np.ndarray, pending) -> tuple:
        """`ids` and `pending` (keys this batch added to) without those of the crowded keys."""
        added = self._added
        adds = [(key, len(held) if isinstance(held, list) else 1) for key in pending for held in (added[key],)]
        if len(ids) + sum(count for _, count in adds) <= self.crowded:
            return ids, pending                 # no key can hold more (most look-ups)
        sizes = np.bincount(which, minlength=len(key_list)).tolist()
        if adds:
            positions: dict[int, list[int]] = {}
            for w, key in enumerate(key_list):
                positions.setdefault(key, []).append(w)
            for key, count in adds:
                for w in positions[key]:
                    sizes[w] += count
        stopped = {key_list[w] for w, size in enumerate(sizes) if size > self.crowded}
        if not stopped:
            return ids, pending
        self.crowded_lookups += 1
        crowded = np.fromiter((key in stopped for key in key_list), dtype=bool, count=len(key_list))
        return ids[~crowded[which]], [key for key in pending if key not in stopped]

    def batch(self, rows: list[np.ndarray]) -> "PendingBatch":
        """Look-ups of several rows of keys, made now in one pass over the file (see PendingBatch)."""
        return PendingBatch(self, rows)

    def apply(self) -> None:
        """Write the pending changes to the file, in their order, as one run."""
        if self._log:
            sizes = [len(keys) for _, _, keys in self._log]
            self.file.apply(np.concatenate([keys for _, _, keys in self._log]),
                            np.repeat([id_ for _, id_, _ in self._log], sizes),
                            np.repeat([not added for added, _, _ in self._log], sizes))
        self.forget()
        self.generation += 1

    def forget(self) -> None:
        """Drop the pending changes (the batch was rolled back, or they are in the file)."""
        self._added.clear()
        self._removed.clear()
        self._removed_keys.clear()
        self._log.clear()
        self._pending = 0


class PendingBatch:
    """`PendingKeys.find` and `find_all` for the keys of several documents added one after
    another (a row of keys each, of any length): the file is searched for all rows at once;
    the pending changes, which the documents added in between make, are looked at when a
    row's answer is asked for.  Should the file change in between (a commit), the row is
    searched again."""

    def __init__(self, keys: PendingKeys, rows: list[np.ndarray]) -> None:
        self._keys, self._rows, self._generation = keys, rows, keys.generation
        self._starts = [0] * (len(rows) + 1)
        self._ids, self._which = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.intp)
        if not rows:
            return
        bounds = np.zeros(len(rows) + 1, dtype=np.intp)
        np.cumsum([len(row) for row in rows], out=bounds[1:])
        ids, which = keys.file.find(np.concatenate(rows))
        owner = np.searchsorted(bounds, which, "right") - 1
        order = np.argsort(owner, kind="stable")         # a row's entries together, in the file's order
        self._ids, self._which = ids[order], (which - bounds[owner])[order]
        self._starts = np.searchsorted(owner[order], np.arange(len(rows) + 1)).tolist()

    def find(self, row: int) -> set[int]:
        if self._keys.generation != self._generation:
            return self._keys.find(self._rows[row])
        found: set[int] = set()
        self._answer(row, found.update, found.add)
        return found

    def find_all(self, row: int) -> list[int]:
        if self._keys.generation != self._generation:
            return self._keys.find_all(self._rows[row])
        found: list[int] = []
        self._answer(row, found.extend, found.append)
        return found

    def _answer(self, row: int, add_many, add_one) -> None:
        begin, end = self._starts[row], self._starts[row + 1]
        self._keys._answer(self._rows[row].tolist(), self._ids[begin:end], self._which[begin:end], add_many, add_one)


class KeyFiles:
    """The three key files of a store (`lsh`, `anchors`, `partial`), the signature file
    (`signatures`, signature_file.py) and their state protocol."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, KeyRuns | SignatureFile] = {}
        self.tables: dict[str, PendingKeys] = {}
        self.signatures: PendingSignatures | None = None

    def open(self, generation: int) -> bool:
        """Open the files; True when they agree with SQLite at `generation`, else False (the
        caller then `reset`s and rebuilds them)."""
        self.close(clean=False)
        names = {**KEY_FILE_NAMES, "signatures": SIGNATURE_FILE_NAME}
        if not all((self.root / file_name).exists() for file_name in names.values()):
            return False                     # a new store, or one written before these files
        try:
            for name, file_name in KEY_FILE_NAMES.items():
                self._files[name] = KeyRuns(self.root / file_name)
            self._files["signatures"] = SignatureFile(self.root / SIGNATURE_FILE_NAME)
        except (OSError, ValueError):
            self.close(clean=False)
            self._files = {}
            return False
        self._wrap()
        boot = _boot_id()
        good = all(f.field("generation") == generation and (f.field("state") == CLOSED or (
            f.field("state") == OPEN and (f.field("boot_hi"), f.field("boot_lo")) == boot))
            for f in self._files.values())
        if good:
            self._set_state(OPEN)
        return good

    def reset(self) -> None:
        """Empty files, APPLYING until a commit."""
        self.close(clean=False)
        for name, file_name in KEY_FILE_NAMES.items():
            self._files[name] = KeyRuns(self.root / file_name, create=True)
        self._files["signatures"] = SignatureFile(self.root / SIGNATURE_FILE_NAME, create=True)
        self._wrap()
        self._set_state(APPLYING)

    def _wrap(self) -> None:
        self.tables = {name: PendingKeys(f, self.spill, CROWDED_BAND if name == "lsh" else None)
                       for name, f in self._files.items() if isinstance(f, KeyRuns)}
        self.signatures = PendingSignatures(self._files["signatures"])

    def spill(self) -> None:
        """Pending changes to the files before the commit (the files are APPLYING until it)."""
        self._set_state(APPLYING)
        for table in self.tables.values():
            table.apply()
        self.signatures.apply()

    def forget(self) -> None:
        for table in self.tables.values():
            table.forget()
        self.signatures.forget()

    def committed(self, generation: int) -> None:
        """SQLite committed `generation`, whose changes `spill` applied."""
        for f in self._files.values():
            f.set_field("generation", generation)
        self._set_state(OPEN)

    def close(self, clean: bool = True) -> None:
        """Close the files; `clean`: synced to disk and marked CLOSED (good after a power cut)."""
        for f in self._files.values():
            if clean and f.field("state") == OPEN:
                f.sync()
                f.set_field("state", CLOSED)
                f.sync()
            f.close()
        self._files, self.tables, self.signatures = {}, {}, None

    def _set_state(self, state: int) -> None:
        boot_hi, boot_lo = _boot_id()
        for f in self._files.values():
            f.set_field("boot_hi", boot_hi)
            f.set_field("boot_lo", boot_lo)
            f.set_field("state", state)


def _boot_id() -> tuple[int, int]:
    """This boot of the OS (a page cache survives a killed process, not a reboot)."""
    try:
        value = uuid.UUID(Path("/proc/sys/kernel/random/boot_id").read_text().strip()).int
    except (OSError, ValueError):
        return 0, 0
    return value >> 64, value & (2**64 - 1)
