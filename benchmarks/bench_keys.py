"""The key table alone as it grows: µs a document per slice for the store's pattern of use, with
the sorted runs (cleaners/store/keyruns.py), a SQLite WITHOUT ROWID table, or the hash table
they replaced (cleaners/store/keyfile.py of an earlier git ref).

    .venv/bin/python benchmarks/bench_keys.py --kind runs --docs 300000
    .venv/bin/python benchmarks/bench_keys.py --kind sqlite --docs 300000
    .venv/bin/python benchmarks/bench_keys.py --kind hashtable --ref 211ad4b --docs 300000

The pattern: KEYS_PER_DOC random 64-bit keys a document (32 LSH bands + 8 prefix anchors),
a fifth of the documents repeating the keys of one of the last RECENT documents (the duplicates, whose keys
are found); a look-up of CHUNK documents' keys at once, then their keys added, one commit of
all changes a COMMIT documents (as Store.add_many and the store's batches do).  Printed per
slice: documents so far, µs a document of wall time and of this thread's CPU, and the table's
files on disk.  The store folder is --out-parent (default: the system temp folder).

Figures: see the docstring of benchmarks/bench_memory.py (issue 15, flat as the store grows).
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaners.store.keyruns import KeyRuns  # noqa: E402

KEYS_PER_DOC = 40
CHUNK = 64
COMMIT = 1000
DUPLICATES = 0.2
RECENT = 1 << 16                  # documents whose keys a duplicate may repeat (a fixed memory)


class SqliteKeys:
    """(key, id) rows of a WITHOUT ROWID table, a commit's rows inserted in key order."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE k (key INTEGER, id INTEGER, PRIMARY KEY (key, id)) WITHOUT ROWID")

    def find(self, keys: np.ndarray):
        wanted = keys.view(np.int64).tolist()
        rows = self.db.execute(f"SELECT key, id FROM k WHERE key IN ({','.join('?' * len(wanted))})", wanted).fetchall()
        return rows

    def add(self, keys: np.ndarray, ids: np.ndarray) -> None:
        order = np.argsort(keys.view(np.int64), kind="stable")
        self.db.execute("BEGIN")
        self.db.executemany("INSERT OR IGNORE INTO k VALUES (?, ?)",
                            zip(keys.view(np.int64)[order].tolist(), ids[order].tolist()))
        self.db.execute("COMMIT")



class RunKeys:
    def __init__(self, path: Path) -> None:
        self.table = KeyRuns(path)

    def find(self, keys):
        return self.table.find(keys)

    def add(self, keys, ids):
        self.table.add(keys, ids)


class HashKeys:
    """The earlier hash table, loaded from a git ref's cleaners/store/keyfile.py."""

    def __init__(self, path: Path, ref: str) -> None:
        source = subprocess.run(["git", "-C", str(ROOT), "show", f"{ref}:cleaners/store/keyfile.py"],
                                capture_output=True, text=True, check=True).stdout
        module_path = path.with_name("keyfile_of_ref.py")
        module_path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("keyfile_of_ref", module_path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        self.table = module.KeyFile(path)

    def find(self, keys):
        return self.table.find(keys)

    def add(self, keys, ids):
        self.table.add(keys, ids)
        self.table.release()          # as the store did after each commit


def run(table, docs: int, slice_size: int, folder: Path) -> None:
    rng = np.random.default_rng(1)
    recent = np.zeros((RECENT, KEYS_PER_DOC), dtype=np.uint64)      # keys of the last RECENT documents
    pending_keys, pending_ids = [], []
    wall0, cpu0, found = time.perf_counter(), time.thread_time(), 0
    for start in range(0, docs, CHUNK):
        n = min(CHUNK, docs - start)
        keys = rng.integers(1, 2**64, size=(n, KEYS_PER_DOC), dtype=np.uint64)
        for row in np.flatnonzero(rng.random(n) < DUPLICATES).tolist():
            if start:
                keys[row] = recent[rng.integers(0, min(start, RECENT))]
        recent[np.arange(start, start + n) % RECENT] = keys
        result = table.find(keys.ravel())
        found += len(result[0]) if isinstance(result, tuple) else len(result)
        pending_keys.append(keys.ravel())
        pending_ids.append(np.repeat(np.arange(start, start + n), KEYS_PER_DOC))
        done = start + n
        if done % COMMIT < CHUNK or done == docs:
            table.add(np.concatenate(pending_keys), np.concatenate(pending_ids))
            pending_keys, pending_ids = [], []
        if done % slice_size < CHUNK or done == docs:
            wall, cpu = time.perf_counter() - wall0, time.thread_time() - cpu0
            size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
            rss = next(line.split()[1] for line in Path("/proc/self/status").read_text().splitlines()
                       if line.startswith("RssAnon"))
            print(f"{done:>9,} docs: {wall / slice_size * 1e6:6.0f} us/doc wall, {cpu / slice_size * 1e6:6.0f} us/doc "
                  f"CPU; {size / 2**20:,.0f} MiB of files; {found:,} pairs found so far; "
                  f"anonymous RSS {int(rss) / 1024:.0f} MiB", flush=True)
            wall0, cpu0 = time.perf_counter(), time.thread_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=("runs", "sqlite", "hashtable"), default="runs")
    parser.add_argument("--ref", default="211ad4b", help="git ref of the hash table (--kind hashtable)")
    parser.add_argument("--docs", type=int, default=300_000)
    parser.add_argument("--slice", type=int, default=50_000, help="documents a printed slice")
    parser.add_argument("--out-parent", help="folder for the table's files (default: the system temp folder)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench_keys_", dir=args.out_parent))
    print(f"{args.kind}, {args.docs:,} docs of {KEYS_PER_DOC} keys; load average {Path('/proc/loadavg').read_text().strip()}")
    try:
        table = {"runs": lambda: RunKeys(folder / "t.keys"), "sqlite": lambda: SqliteKeys(folder / "t.sqlite"),
                 "hashtable": lambda: HashKeys(folder / "t.keys", args.ref)}[args.kind]()
        run(table, args.docs, args.slice, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
