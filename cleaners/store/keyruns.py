"""A multimap of 64-bit keys to integer ids on disk, as a log-structured merge of sorted runs:
the LSH band keys and the prefix anchors of the kept documents (disk_keys.py).

Why (measured, benchmarks/bench_memory.py): the hash table this replaces put each of a
commit's ~40k random keys on a random page of an ever larger file, so the store's thread
slowed from 434 to 856 us a document over 1M documents (page faults, most of them the first
touch of a sparse page).  Here a commit writes its changes as one new sorted run, front to
back (`sorted_run`); runs are merged FANOUT at a time (size-tiered: a level holds fewer than
FANOUT runs, each run of level L+1 is the merge of FANOUT of level L), streamed in chunks, so
every write is sequential, the memory of a merge is bounded, and a look-up tests the filter
of O(FANOUT log n) runs.  Runs of BIG_RUN entries or more merge BIG_FANOUT (2) at a time: the
levels a growing table adds then hold one run or two, not up to FANOUT - 1, and the look-ups
of every document, which test each run, grow less (their merges, twice as many a level, are
on the merge thread).

Files: the header `path` (HEADER_FIELDS then the run list: (number, level) pairs, oldest
first), and the runs `path.<number>.run` beside it.  A run is complete before the header
names it; a run the header does not name (a merge or commit cut short) is deleted on open.
The header's generation/state/boot fields carry disk_keys' protocol with SQLite.

The merges of BACKGROUND_FROM entries or more (the levels a larger table adds, each entry
merged once more per level) run on a thread of their own, one at a time (`MergeJob`): the
caller's thread would otherwise pay for them a commit, more as the table grows (the LSH
table's: 1.66M entries, then 3.3M, 6.6M ...: 0.17 s and up at ~100 ns an entry).  The merged
run is written beside, complete, like any run; the caller's thread names it in the header
(`apply`, so only while disk_keys says APPLYING: a header cut short by a kill is then never
trusted) at the first `apply` after the job ended, and deletes the runs it merged.  Until
then look-ups read those runs, which nobody changes meanwhile: new runs are only appended,
newer than the job's.  `close` cancels a job and deletes what it wrote; the merge is due
again at the next `apply`.

A pair's newest entry decides: a removal (an entry with id ~id) takes back the pair from the
older runs; a merge keeps the newest entry of each pair, and drops removals when it reaches
the oldest run (nothing older is left to take back).
"""
from __future__ import annotations

import ctypes
import os
import threading
from pathlib import Path

import numpy as np

from cleaners.store.file_header import HEADER_BYTES, map_header, write_header
from cleaners.store.sorted_run import ENTRY, RunWriter, SortedRun, lookup_runs, write_run

MAGIC = 0x31534E55_5259454B          # "KEYRUNS1" in little-endian bytes
VERSION = 1
HEADER_FIELDS = ("magic", "version", "generation", "state", "boot_hi", "boot_lo", "next_run", "runs")
RUN_LIST_AT = 16                     # uint64 index of the run list in the header
MAX_RUNS = (HEADER_BYTES // 8 - RUN_LIST_AT) // 2
FANOUT = 4                           # runs of one level merged into one of the next
MERGE_CHUNK = 1 << 17                # entries read from each run at a time by a merge
SMALL_RUNS = 1 << 14                 # the newest two runs merge while together they hold at most this many
                                     # entries (~2 ms): a small table (the kept previews' anchors)
                                     # stays one run, not FANOUT - 1 a level, each a look-up of every document
BACKGROUND_FROM = 1 << 20            # a merge of at least this many entries runs on a thread of its own
BIG_RUN, BIG_FANOUT = 1 << 20, 2     # runs this large merge BIG_FANOUT at a time: fewer runs a look-up tests


class KeyRuns:
    """The table (see module doc): `add`, `remove`, `apply` and `find` take arrays of keys."""

    def __init__(self, path: Path, create: bool = False) -> None:
        """Open the table at `path`, or make it empty when asked to or when there is none (an
        existing one is then replaced)."""
        self.path = Path(path)
        if create or not self.path.exists():
            self._create()
        self._fd, self._map, self.header = map_header(self.path, MAGIC, VERSION, "a key table")
        listed = self.header[RUN_LIST_AT:RUN_LIST_AT + 2 * self.field("runs")].reshape(-1, 2).tolist()
        self.runs: list[SortedRun] = []
        self.numbers = [number for number, _ in listed]
        self.levels = [level for _, level in listed]
        try:
            for number in self.numbers:
                self.runs.append(SortedRun(self._run_path(number)))
        except (OSError, ValueError):
            self.close()
            raise
        self._entries = sum(run.count for run in self.runs)
        self._job: MergeJob | None = None
        self._delete_unlisted({self._run_path(number).name for number, _ in listed})

    def _create(self) -> None:
        """An empty header, written beside and renamed; the old runs go."""
        write_header(self.path, MAGIC, VERSION, {HEADER_FIELDS.index("next_run"): 1})
        self._delete_unlisted(set())

    def _run_path(self, number: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{number:06d}.run")

    def _delete_unlisted(self, listed: set[str]) -> None:
        for path in self.path.parent.glob(f"{self.path.name}.*.run*"):
            if path.name not in listed:
                path.unlink(missing_ok=True)

    def close(self) -> None:
        job, self._job = getattr(self, "_job", None), None
        if job is not None:
            job.cancel()
        for run in getattr(self, "runs", []):
            run.close()
        self.runs, self._entries = [], 0
        if self._map is not None:
            self.header = None
            self._map.close()
            os.close(self._fd)
            self._map = None

    def field(self, name: str) -> int:
        return int(self.header[HEADER_FIELDS.index(name)])

    def set_field(self, name: str, value: int) -> None:
        self.header[HEADER_FIELDS.index(name)] = np.uint64(value)

    @property
    def entries(self) -> int:
        """Entries in the runs (removals and pairs held twice too, until a merge drops them):
        counted when the runs change, not a sum a call (asked for every full document)."""
        return self._entries

    def sync(self) -> None:
        """The runs and the header on disk, and the folder's names (at close: a power cut
        then finds them)."""
        for run in self.runs:
            run.sync()
        self._map.flush()
        folder = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)

    # ------------------------------------------------------------------ look-ups

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(ids, which): every pair held whose key is one of `keys`, as its id and the index in
        `keys` of its key."""
        entries, which, ages = lookup_runs(self.runs, keys)
        if not len(entries):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.intp)
        ids = entries["id"]
        if (ages[0] != ages).any() or (ids < 0).any():
            newest = _newest(which, ~np.minimum(ids, ~ids), ages)     # ~min(id, ~id): the id, removal or not
            ids, which = ids[newest], which[newest]
            held = ids >= 0
            ids, which = ids[held], which[held]
        return ids, which

    # ------------------------------------------------------------------ changes

    def add(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Index each id under its key."""
        self.apply(keys, ids, np.zeros(len(keys), dtype=bool))

    def remove(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Forget each id under its key."""
        self.apply(keys, ids, np.ones(len(keys), dtype=bool))

    def apply(self, keys: np.ndarray, ids: np.ndarray, removed: np.ndarray) -> None:
        """Changes in their order (an id added under a key, or removed if `removed`), as one new
        run holding the last change of each pair; then the merges that are due."""
        keys, ids = np.asarray(keys, dtype=np.uint64), np.asarray(ids, dtype=np.int64)
        if not len(keys):
            return
        last = _newest(keys, ids, np.arange(len(keys)))
        entries = np.empty(len(last), dtype=ENTRY)
        entries["key"] = keys[last]
        entries["id"] = np.where(np.asarray(removed, dtype=bool)[last], ~ids[last], ids[last])
        number = self._take_number()
        self._replace(len(self.runs), len(self.runs), write_run(self._run_path(number), entries), number, 0)
        self._merge_due()

    def _take_number(self) -> int:
        number = self.field("next_run")
        self.set_field("next_run", number + 1)
        return number

    def _merge_due(self) -> None:
        """Install a background merge that has ended; merge the newest two runs while they are
        small together (SMALL_RUNS; the merged run keeps the older one's level); then the runs
        of the lowest level that holds FANOUT of them (the job's runs aside), and again: the
        levels only fall from the oldest run to the newest, so those runs are the newest ones
        but for the job's.  A merge of BACKGROUND_FROM entries or more becomes the job, or waits
        for the running one to end."""
        self._install_merged()
        busy = self._job.runs if self._job is not None else []
        while (len(self.runs) >= 2 and self.runs[-1].count + self.runs[-2].count <= SMALL_RUNS
               and not any(run in busy for run in self.runs[-2:])):
            first, number = len(self.runs) - 2, self._take_number()
            merged = merge(self.runs[first:], self._run_path(number), drop_removals=first == 0)
            self._replace(first, len(self.runs), merged, number, self.levels[first])
        while True:
            busy = self._job.runs if self._job is not None else []
            free = [(level, run.count) for run, level in zip(self.runs, self.levels) if run not in busy]
            full = [level for level in {level for level, _ in free}
                    if len(sizes := [count for at, count in free if at == level]) >= (
                        BIG_FANOUT if min(sizes) >= BIG_RUN else FANOUT)]
            if not full:
                return
            level = min(full)
            first = next(i for i, (run, at) in enumerate(zip(self.runs, self.levels))
                         if at == level and run not in busy)
            if any(run in busy for run in self.runs[first:]):
                return                       # older than the job's runs: after it
            if sum(run.count for run in self.runs[first:]) >= BACKGROUND_FROM:
                if self._job is None:
                    number = self._take_number()
                    self._job = MergeJob(self.runs[first:], self._run_path(number), number, first == 0, level + 1)
                    continue
                return
            number = self._take_number()
            merged = merge(self.runs[first:], self._run_path(number), drop_removals=first == 0)
            self._replace(first, len(self.runs), merged, number, level + 1)

    def _install_merged(self) -> None:
        """The background merge's run in place of the runs it merged, once it has ended (its
        error, if it failed, raised here)."""
        job = self._job
        if job is None or not job.ended():
            return
        self._job = None
        merged = job.result()
        first = self.runs.index(job.runs[0])
        assert self.runs[first:first + len(job.runs)] == job.runs, "a merged run changed under its job"
        self._replace(first, first + len(job.runs), merged, job.number, job.level)

    def _replace(self, first: int, end: int, run: SortedRun, number: int, level: int) -> None:
        """The runs first..end - 1 become `run`: in the header, then their files go."""
        gone = self.runs[first:end]
        self.runs[first:end], self.numbers[first:end], self.levels[first:end] = [run], [number], [level]
        if len(self.runs) > MAX_RUNS:
            raise ValueError(f"{self.path}: more than {MAX_RUNS} runs")
        listed = np.array([v for pair in zip(self.numbers, self.levels) for v in pair], dtype=np.uint64)
        self.header[RUN_LIST_AT:RUN_LIST_AT + len(listed)] = listed
        self.set_field("runs", len(self.runs))
        self._entries = sum(run.count for run in self.runs)
        for old in gone:
            old.close()
            old.path.unlink(missing_ok=True)


class MergeCancelled(Exception):
    """A background merge stopped by `MergeJob.cancel`."""


class MergeJob:
    """One merge (`merge`) of `runs` into `path`, on a thread of its own; the runs are only read."""

    def __init__(self, runs: list[SortedRun], path: Path, number: int, drop_removals: bool, level: int) -> None:
        self.runs, self.number, self.level = list(runs), number, level
        self._stop = threading.Event()
        self._merged: SortedRun | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(path, drop_removals), name="keyruns-merge",
                                        daemon=True)
        self._thread.start()

    def _run(self, path: Path, drop_removals: bool) -> None:
        try:
            self._merged = merge(self.runs, path, drop_removals, self._stop.is_set)
        except BaseException as exc:      # raised in the caller's thread by `result`
            self._error = exc
        _release_freed_memory()

    def ended(self) -> bool:
        return not self._thread.is_alive()

    def result(self) -> SortedRun:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._merged

    def cancel(self) -> None:
        """Stop the merge (at its next chunk) and delete what it wrote."""
        self._stop.set()
        self._thread.join()
        if self._merged is not None:
            self._merged.close()
            self._merged.path.unlink(missing_ok=True)


def merge(runs: list[SortedRun], path: Path, drop_removals: bool, stopped=lambda: False) -> SortedRun:
    """One run of the newest entry of each pair of `runs` (oldest first), read and written
    MERGE_CHUNK entries a run at a time.  Each round takes, from every run, the entries with a
    key below the smallest last key read from a run not read to its end: all entries of those
    keys are then read.  `stopped()` true at a round: MergeCancelled, nothing left written."""
    readers = [run.chunks(MERGE_CHUNK) for run in runs]
    buffers = [np.zeros(0, dtype=ENTRY) for _ in runs]
    ended = [False] * len(runs)
    writer = RunWriter(path, sum(run.count for run in runs))
    try:
        while True:
            if stopped():
                raise MergeCancelled(path)
            for j, reader in enumerate(readers):
                while not ended[j] and (not len(buffers[j]) or buffers[j]["key"][0] == buffers[j]["key"][-1]):
                    more = next(reader, None)
                    if more is None:
                        ended[j] = True
                    else:
                        buffers[j] = np.concatenate((buffers[j], more))
            reading = [buffers[j]["key"][-1] for j in range(len(runs)) if not ended[j]]
            parts, ages = [], []
            for j, buffer in enumerate(buffers):
                take = len(buffer) if not reading else int(np.searchsorted(buffer["key"], min(reading), "left"))
                parts.append(buffer[:take])
                ages.append(np.full(take, j))
                buffers[j] = buffer[take:]
            entries = np.concatenate(parts)
            ids = entries["id"]
            entries = entries[_newest(entries["key"], ~np.minimum(ids, ~ids), np.concatenate(ages))]
            writer.write(entries[entries["id"] >= 0] if drop_removals else entries)
            if not reading:
                return writer.finish()
    except BaseException:
        writer.abandon()
        raise


def _newest(groups: np.ndarray, ids: np.ndarray, ages: np.ndarray) -> np.ndarray:
    """Indexes of the newest (largest age) element of each (group, id) pair, in (group, id) order.
    Most groups (random keys) have one element: one stable sort by group places them, and only
    the elements of groups met more than once are sorted by (group, id, age)."""
    order = np.argsort(groups, kind="stable")
    sorted_groups = groups[order]
    repeated = np.zeros(len(order), dtype=bool)
    same = sorted_groups[1:] == sorted_groups[:-1]
    if not same.any():
        return order
    repeated[1:] |= same
    repeated[:-1] |= same
    several = order[repeated]
    several = several[np.lexsort((ages[several], ids[several], groups[several]))]
    last = np.ones(len(several), dtype=bool)
    last[:-1] = (groups[several][1:] != groups[several][:-1]) | (ids[several][1:] != ids[several][:-1])
    kept = np.concatenate((order[~repeated], several[last]))
    return kept[np.argsort(groups[kept], kind="stable")]


def _release_freed_memory() -> None:
    """glibc's malloc_trim: the chunks a merge freed go back to the OS.  A thread's allocations
    come from a malloc arena of its own, which kept them: +78 MiB resident after 1,000 commits
    of 26k entries (/tmp micro-benchmark: 472 -> 350 MiB once trimmed; 380 with merges in line)."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):     # not glibc
        pass
