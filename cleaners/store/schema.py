"""The SQLite index (.index.sqlite): its schema, the row layout and statements the store runs
on every document, the JSON text of the `changes`/`metadata` columns, and opening an index
(pragmas, parameter check, migration of older stores)."""
from __future__ import annotations

import json
import operator
import sqlite3
from pathlib import Path

import numpy as np

from cleaners import dedup
from cleaners.store.errors import StoreError
from cleaners.store.layout import INDEX_NAME

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
    n INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,
    raw_id TEXT NOT NULL,
    doc_id TEXT NOT NULL UNIQUE,
    site TEXT NOT NULL,
    url TEXT,
    title TEXT NOT NULL,
    status TEXT NOT NULL,            -- kept | exact_dup | near_dup | superseded
    cluster INTEGER NOT NULL,
    path TEXT UNIQUE,                -- kept documents only
    exact_key BLOB NOT NULL,
    content INTEGER NOT NULL,        -- -1: stored without a fingerprint (--no-dedup), computed later
    chars INTEGER NOT NULL,
    partial INTEGER NOT NULL,
    unrecovered INTEGER NOT NULL,
    script TEXT,
    sha1 TEXT,
    sig BLOB,
    match TEXT,                      -- how a duplicate matched: exact | jaccard | containment
    similarity REAL,
    changes TEXT NOT NULL,
    metadata TEXT NOT NULL,
    seq INTEGER NOT NULL,
    anchors BLOB                     -- prefix anchors (int64), indexed in memory
);
CREATE INDEX IF NOT EXISTS docs_key ON docs(exact_key);
CREATE INDEX IF NOT EXISTS docs_cluster ON docs(cluster);      -- a cluster's kept document, cluster merges
CREATE INDEX IF NOT EXISTS docs_unsigned ON docs(n) WHERE content < 0;    -- stored without a fingerprint
CREATE TABLE IF NOT EXISTS trash (path TEXT PRIMARY KEY);
"""

ROW_COLUMNS = ("n", "identity", "raw_id", "doc_id", "site", "url", "title", "status", "cluster", "path",
               "exact_key", "content", "chars", "partial", "unrecovered", "script", "sha1", "sig", "match",
               "similarity", "changes", "metadata", "seq", "anchors")
LOOK_UP = ("SELECT 0, n, status, doc_id, path, sha1, partial, cluster FROM docs WHERE identity=?1 "
           "UNION ALL SELECT 1, 0, 0, 0, 0, 0, 0, 0 FROM (SELECT 1 FROM docs WHERE doc_id=?2 LIMIT 1) "
           "UNION ALL SELECT DISTINCT 2, 0, 0, 0, 0, 0, 0, cluster FROM docs WHERE exact_key=?3")
ROW_VALUES = operator.itemgetter(*ROW_COLUMNS)   # a row dict (every column a key) -> its values
INSERT_ROW = f"INSERT OR REPLACE INTO docs ({','.join(ROW_COLUMNS)}) VALUES ({','.join('?' * len(ROW_COLUMNS))})"

# SQLite's page cache: a fixed part of the store's memory.  The look-ups by identity, doc id, exact
# key and cluster read index pages the OS keeps cached anyway (a miss is a pread, not a disk read
# while the machine has memory to spare); 64 MiB made the resident memory grow with the store
# until ~60k documents (benchmarks/bench_memory.py).
CACHE_KIB = 16384

ENCODE_JSON = json.JSONEncoder(ensure_ascii=False).encode      # json.dumps(..., ensure_ascii=False), one encoder
ENCODE_JSON_ANY = json.JSONEncoder(ensure_ascii=False, default=str).encode    # (json.dumps builds one a call)


def open_index(root: Path) -> sqlite3.Connection:
    """The store's index, created when new, checked against this version's dedup parameters and
    migrated to the current schema.  Raises sqlite3.Error or StoreError."""
    db = sqlite3.connect(root / INDEX_NAME, isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    db.executescript(SCHEMA)
    _check_params(db, root)
    _move_anchors_into_docs(db)
    return db


def read_meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT v FROM meta WHERE k=?", (key,)).fetchone()
    return row[0] if row else None


def index_generation(db: sqlite3.Connection) -> int:
    """Commits so far: the key files record the one they agree with (cleaners/store/disk_keys.py)."""
    return int(read_meta(db, "index_generation") or 0)


def next_generation(db: sqlite3.Connection) -> int:
    """In the committing transaction: the generation this commit makes."""
    generation = index_generation(db) + 1
    db.execute("INSERT OR REPLACE INTO meta VALUES ('index_generation', ?)", (str(generation),))
    return generation


def _check_params(db: sqlite3.Connection, root: Path) -> None:
    stored = read_meta(db, "params")
    if stored is None:
        db.execute("INSERT INTO meta VALUES ('params', ?)", (dedup.PARAMS,))
    elif stored != dedup.PARAMS:
        db.close()
        raise StoreError(f"{root / INDEX_NAME} was built with other dedup parameters ({stored}; this "
                         f"version uses {dedup.PARAMS}): clean into a fresh output folder instead")


def _move_anchors_into_docs(db: sqlite3.Connection) -> None:
    """Stores written before the prefix anchors became a column of `docs` kept them in a
    table of their own (one indexed row per anchor cost ~30 us a kept document): move them."""
    if any(column[1] == "anchors" for column in db.execute("PRAGMA table_info(docs)")):
        return
    held: dict[int, list[int]] = {}
    for h, n in db.execute("SELECT h, n FROM anchors ORDER BY rowid"):
        held.setdefault(n, []).append(h)
    db.execute("BEGIN")
    db.execute("ALTER TABLE docs ADD COLUMN anchors BLOB")
    db.executemany("UPDATE docs SET anchors=? WHERE n=?",
                   [(np.array(hs, dtype=np.int64).tobytes(), n) for n, hs in held.items()])
    db.execute("DROP TABLE anchors")
    db.execute("COMMIT")
