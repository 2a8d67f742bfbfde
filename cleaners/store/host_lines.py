"""Per-host line statistics: on how many distinct documents of a host each short line was seen.

A site's pages share their chrome, so a line that recurs on many of one host's documents is
boilerplate (cleaners/steps/host_repeats.py removes it).  The counts live on disk, in
`.host_lines.sqlite` in the output folder, so memory stays flat however many documents go
by, and a scheduled run starts from what the runs before it learnt:

    hosts    (id, host, docs)        documents counted per host (the share's denominator)
    lines    (host, key, docs)       per host and line key (a 64-bit hash), documents with it;
                                     `lines_hot16` indexes by host and docs the lines on
                                     HOT_DOCS or more (a large host's chrome; see `_Reading`)
    counted  (key)                   a 64-bit hash of host + URL of each document counted, so
                                     a document seen again (a rerun, a re-crawl) counts once

About 20 bytes on disk per distinct line of a host, at most host_repeats.MAX_KEYS lines per
document.  One writer, the process that owns the output store (its lock already makes it the
only one: the CLI, a crawl's writer process, the inline crawler); any number of readers (the
cleaning processes: `HostLineReader`, picklable, one connection per process).  WAL and a busy
timeout let them work side by side; readers see what the writer has committed (it commits
every COMMIT_DOCS documents or COMMIT_SECONDS, and on close; the CLI before each window).

Durable when: the documents counted since the last commit wait in the writer's memory; a
commit puts them in the file (WAL, synchronous=NORMAL: it survives a killed process, a power
cut may lose the last commits).  A run killed before the commit loses those counts (as it
lost the open transaction before they waited in memory): a line is then counted on fewer
documents than hold it, never on more; the store's own files and rows are not affected.
"""
from __future__ import annotations

import hashlib
import itertools
import math
import os
import sqlite3
import threading
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from cleaners.document import LineKeys

FILE_NAME = ".host_lines.sqlite"   # hidden, like the index: the store's own file
MIN_DOCS = 5              # a line is the host's chrome from this many of its documents ...
MIN_SHARE = 0.2           # ... and this share of the documents counted for the host
COMMIT_DOCS = 200
COMMIT_SECONDS = 2.0
BUSY_MS = 10_000
LOOKUP_CHUNK = 500       # document keys per look-up in `counted` (SQLite allows 32,766 variables)
CACHE_KIB = 4_096         # SQLite page cache per connection (memory stays flat)
HOT_DOCS = 16             # lines on this many documents or more are indexed by host and docs (lines_hot16)
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS hosts (id INTEGER PRIMARY KEY, host TEXT NOT NULL UNIQUE, docs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS lines (host INTEGER NOT NULL, key INTEGER NOT NULL, docs INTEGER NOT NULL,
                                  PRIMARY KEY (host, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS counted (key INTEGER PRIMARY KEY);
CREATE INDEX IF NOT EXISTS lines_hot{HOT_DOCS} ON lines (host, docs) WHERE docs >= {HOT_DOCS};
"""
HOT_CACHE_HOSTS = 4_096   # large hosts whose lines over the threshold a reading process holds


def _connect(path: Path, check_same_thread: bool = True) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_MS / 1000, check_same_thread=check_same_thread)
    db.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return db


def _valid(host: str) -> str:
    """The host as SQLite takes it: a lone surrogate (from a broken URL) becomes U+FFFD."""
    return host.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def document_key(host: str, doc: str) -> int:
    """A document's key in `counted`: signed 64 bits of host + its URL (or id)."""
    digest = hashlib.blake2b(f"{host}\x00{doc}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


class HostLineTable:
    """The writer's side: count a kept document's lines (`count`), commit now and then.  The
    file is made by the first document counted: a folder of documents without URLs (no host)
    gets none.  `auto_commit=False`: only `commit` (and `close`) commit, never `count` after
    COMMIT_DOCS or COMMIT_SECONDS (the CLI commits before each window itself, and a commit
    timed by the clock would let documents being cleaned meanwhile see counts they must not)."""

    def __init__(self, out_dir: str | os.PathLike, auto_commit: bool = True):
        self.path = Path(out_dir) / FILE_NAME
        self.auto_commit = auto_commit
        self.db: sqlite3.Connection | None = None
        self._committed_at = time.monotonic()
        self._pending: dict[int, tuple[str, tuple[int, ...]]] = {}   # document key -> (host, line keys)

    def _open(self) -> sqlite3.Connection:
        if self.db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = _connect(self.path)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.executescript(SCHEMA)
        return self.db

    def count(self, line_keys: LineKeys, doc: str) -> None:
        """Count one kept document's lines for its host, unless this document (host + URL) was
        counted before.  Nothing is asked of SQLite here: the document waits in memory until
        the next `commit` (readers see only committed counts anyway, and a killed run loses it
        as it lost the open transaction); there, the documents counted before are dropped with
        one look-up for the window, and the rest go in one upsert per distinct (host, line),
        not one per line of each document: a host's chrome lines, on every page of a window,
        are written once (5,000 documents of 64 lines, 250 a host in a row: 84 -> 58 us of CPU
        a document; hosts interleaved: 125 -> 115).  No statement per document also means no
        wait per document for the GIL, which SQLite releases (on a loaded machine the writer
        thread of the store took it each time: 3 s of a 50 MB run)."""
        host = _valid(line_keys.host)
        self._open()
        self._pending.setdefault(document_key(host, doc), (host, line_keys.keys))
        due = len(self._pending) >= COMMIT_DOCS or time.monotonic() - self._committed_at >= COMMIT_SECONDS
        if self.auto_commit and due:
            self.commit()

    def _write_pending(self) -> None:
        """The documents waiting in memory, into the open transaction."""
        if not self._pending:
            return
        db = self._open()
        keys = list(self._pending)
        for chunk in range(0, len(keys), LOOKUP_CHUNK):
            part = keys[chunk:chunk + LOOKUP_CHUNK]
            for (seen,) in db.execute(f"SELECT key FROM counted WHERE key IN ({','.join('?' * len(part))})", part):
                del self._pending[seen]
        hosts, lines = Counter(), Counter()
        for host, line_keys in self._pending.values():
            hosts[host] += 1
            lines.update(zip(itertools.repeat(host), line_keys))
        db.executemany("INSERT INTO counted (key) VALUES (?)", ((key,) for key in self._pending))
        db.executemany("INSERT INTO hosts (host, docs) VALUES (?, ?) "
                       "ON CONFLICT (host) DO UPDATE SET docs = docs + excluded.docs", hosts.items())
        ids = {host: db.execute("SELECT id FROM hosts WHERE host = ?", (host,)).fetchone()[0] for host in hosts}
        db.executemany("INSERT INTO lines (host, key, docs) VALUES (?, ?, ?) "
                       "ON CONFLICT (host, key) DO UPDATE SET docs = docs + excluded.docs",
                       [(ids[host], key, docs) for (host, key), docs in lines.items()])
        self._pending.clear()

    def commit(self) -> None:
        """Make the counts so far visible to the readers (the cleaning processes)."""
        if self.db is not None:           # (counts wait only once it is open: `count` opens it)
            self._write_pending()
            self.db.commit()
        self._committed_at = time.monotonic()

    def host_docs(self, host: str) -> int:
        self._write_pending()
        row = self._open().execute("SELECT docs FROM hosts WHERE host = ?", (_valid(host),)).fetchone()
        return row[0] if row else 0

    def close(self) -> None:
        if self.db is not None:
            self.commit()
            self.db.close()
            self.db = None

    def __enter__(self) -> "HostLineTable":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class HostLineReader:
    """The readers' side (`pipeline.Options.host_lines`): which of a document's line keys its host
    repeats.  Picklable (path and thresholds only): each process opens its own connection."""

    def __init__(self, out_dir: str | os.PathLike, min_docs: int = MIN_DOCS, share: float = MIN_SHARE):
        if min_docs < 2:
            raise ValueError(f"min_docs must be 2 or more (a line on one document repeats nothing), not {min_docs}")
        self.path = str(Path(out_dir).resolve() / FILE_NAME)
        self.min_docs, self.share = min_docs, share

    def __repr__(self) -> str:
        return f"HostLineReader({self.path!r}, min_docs={self.min_docs}, share={self.share})"

    def threshold(self, host_docs: int) -> int:
        """Distinct documents a line needs on a host that has `host_docs` counted."""
        return max(self.min_docs, math.ceil(self.share * host_docs))

    def repeated(self, host: str, keys: tuple[int, ...]) -> dict[int, int]:
        """key -> documents of the host with that line, for the keys at or over the threshold;
        empty while the table does not exist yet (nothing kept so far).  See `_Reading`."""
        if not keys or not os.path.exists(self.path):
            return {}
        try:
            return _reader(self.path, os.getpid()).repeated(_valid(host), keys, self)
        except sqlite3.OperationalError:      # the writer has created the file but not its tables yet
            return {}


class _Reading:
    """One process's read connection to a table, and for each large host (threshold HOT_DOCS or
    more: 80 documents at the default share) its lines at or over the threshold as of the table's
    committed state, loaded once for that state (and those thresholds).

    `PRAGMA data_version` changes whenever another connection (the writer) has committed since
    it was last asked (~3 us: the WAL index's header): what was loaded under another version is
    loaded again, so a document sees exactly the committed counts of its moment, as when each
    call looked its keys up.  The version is read before the load: a commit during a load only
    makes the next call load again.  The load walks `lines_hot16` from the most documents down
    until a line is under the threshold: the lines over it and one more, however many lines the
    host has (at most MAX_KEYS / share are over it).

    A smaller host has its document's keys looked up as before (its row, then its keys in one
    indexed query): an index of every line on 5 or more documents, to load small hosts too, cost
    the writer more to keep (~+35 us a document, 2,000 hosts of 10 documents and 64 keys each)
    than it saved the readers (~6 us).  CPU a document, a run's look-ups and commits replayed
    (bench_host_lines.py --replay, 20,000 documents of 64 keys): 50 hosts, reader 102 -> 41 us,
    writer 303 -> 309 (the index); 2,000 hosts, reader 34 -> 37, writer 135 -> 145.
    bench_store_path's corpus (one host): reader ~17 -> ~9 us replayed, ~46 -> ~28 in a run."""

    def __init__(self, path: str):
        self.db = _connect(Path(path), check_same_thread=False)
        self.lock = threading.Lock()
        self.hosts: dict[tuple[str, int, float], tuple[int, dict[int, int]]] = {}   # -> (version, lines)

    def repeated(self, host: str, keys: tuple[int, ...], reader: HostLineReader) -> dict[int, int]:
        ident = (host, reader.min_docs, reader.share)
        with self.lock:
            loaded = self.hosts.get(ident)
            if loaded is None or loaded[0] != self._version():
                row = self._host(host)
                if row is None or row[1] < reader.min_docs:
                    return {}
                threshold = reader.threshold(row[1])
                loaded = self._load(ident, reader) if threshold >= HOT_DOCS else None
                if loaded is None:
                    return self._look_up(row[0], threshold, keys)
            hot = loaded[1]
            return {key: hot[key] for key in keys if key in hot} if hot else {}

    def _version(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def _host(self, host: str) -> tuple[int, int] | None:
        return self.db.execute("SELECT id, docs FROM hosts WHERE host = ?", (host,)).fetchone()

    def _look_up(self, host_id: int, threshold: int, keys: tuple[int, ...]) -> dict[int, int]:
        # (the threshold applied here: with a `docs >= ?` SQLite would plan the statement again
        # at each new value, to see whether lines_hot16 applies: 45 -> 75 us a look-up)
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(f"SELECT key, docs FROM lines WHERE host = ? AND key IN ({marks})", (host_id, *keys))
        return {key: docs for key, docs in rows if docs >= threshold}

    def _load(self, ident: tuple[str, int, float], reader: HostLineReader) -> tuple[int, dict[int, int]] | None:
        """(version, the host's lines at or over its threshold), kept; None if the host is not
        large as of this version (look its keys up)."""
        if len(self.hosts) >= HOT_CACHE_HOSTS:
            self.hosts.clear()
        version = self._version()
        row = self._host(ident[0])
        if row is None or reader.threshold(row[1]) < HOT_DOCS:
            return None
        threshold, found = reader.threshold(row[1]), {}
        lines = self.db.execute(f"SELECT key, docs FROM lines WHERE host = ? AND docs >= {HOT_DOCS} "
                                "ORDER BY docs DESC", (row[0],))      # (the condition: the index's)
        try:
            for key, docs in lines:
                if docs < threshold:
                    break
                found[key] = docs
        finally:
            lines.close()         # a statement left open would hold its read transaction (and snapshot)
        self.hosts[ident] = version, found
        return version, found


@lru_cache(maxsize=8)
def _reader(path: str, pid: int) -> _Reading:
    """One read connection per table and process (`pid`: a forked cleaning worker opens its own,
    never its parent's); it only reads, so any thread of the process may use it."""
    return _Reading(path)
