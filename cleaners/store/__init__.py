"""The output store: one text file per kept document, a manifest, and a persistent dedup index.

    with Store("output") as store:
        outcome = store.add(result)     # "kept" | "exact_dup" | "near_dup" | "replaced"

Layout of OUT_DIR:
    <site>/<doc_id>.txt    title line, blank line, body (UTF-8); names come from safe ids only
    manifest.jsonl         one line per kept document (id, path, title, url, aliases, site, script,
                           partial, chars, sha1, cluster, changes, metadata)
    .index.sqlite          the source of truth: every input ever added (kept, duplicate or
                           superseded), exact keys, MinHash signatures, prefix anchors
    .index.lock            held while a Store is open: one writer at a time
    .pending.log           journal of text files written by the open batch (empty when closed)

Consistency scheme (kill -9 at any point leaves a store that the next open repairs):
  * SQLite (WAL) is the source of truth.  Documents are recorded in batches: one
    transaction per BATCH_DOCS documents or BATCH_SECONDS, and at close.  A killed run
    loses at most its last open batch, which a rerun adds again.  (WAL with synchronous=NORMAL
    survives a killed process; a power cut may also lose the last commits, handled the same way.)
  * A text file is written as temp file + rename after its path was appended to the
    journal `.pending.log`; files and the rows of the docs table are written by a writer
    thread, in order; the batch commits after the thread has put all its files on disk and
    its rows in SQLite, and the journal is emptied after the commit.  On open, a journal path
    that no kept document owns is deleted (its batch never committed); a file or row that
    cannot be written loses the open batch the same way (rollback + recovery).
  * A re-cleaned document (same source again) is written to `<path>.new` and renamed over
    the old file after the commit; on open a `.new` whose content matches the committed
    row is renamed, any other is deleted.  So after recovery file and row always agree.
  * A file a better copy replaced is queued in `trash` in the replacing transaction and
    deleted after the commit (again on open, if a crash came in between).
  * manifest.jsonl is derived: regenerated atomically (temp + rename) from SQLite on close,
    at checkpoints during long runs, and on open when the index changed after the last
    manifest (a `manifest_dirty` flag set in the same transactions).  It is never edited in
    place, so it is always a complete JSONL file that agrees with the index as of its writing;
    after a kill it may lag by up to one checkpoint until the store is opened again (any
    clean/crawl run, `dedup` or `export` brings it up to date before doing anything else).

Identity: an input is (site, result.id) — or its URL, or its text hash when it has no id.
Adding the same identity again never creates a second file: identical content is reported as
an exact duplicate of itself; a changed clean of the same source rewrites the file in place
(unless the new one is a preview and the old one was not).

When a better copy replaces a kept one it gets its own file under its own site and id, the
old file is deleted, and the old copy stays in the index as `superseded` in the same
cluster: its URL, site and id appear in the kept document's `aliases`.
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import functools
import hashlib
import json
import operator
import os
import queue
import re
import sqlite3
import sys
import threading
import time
import unicodedata
from collections import Counter, OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable

import numpy as np

from cleaners import dedup
from cleaners.dedup import DEFAULT_CONTAINMENT, DEFAULT_THRESHOLD, CopyInfo, Fingerprint, KeyIndex, LSHIndex

INDEX_NAME = ".index.sqlite"
JOURNAL_NAME = ".pending.log"
LOCK_NAME = ".index.lock"
MANIFEST_NAME = "manifest.jsonl"
RESERVED_NAMES = {MANIFEST_NAME, INDEX_NAME, LOCK_NAME, JOURNAL_NAME, "con", "prn", "aux", "nul",
                  *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_NAME = 100
CHECKPOINT_SECONDS = 60.0        # manifest refresh interval during long runs
BATCH_DOCS = 1000                # documents per transaction (a commit rewrites ~1 index page a
                                 # document in the WAL: 200 a batch cost ~30 us a document, 1000 ~10)
BATCH_SECONDS = 1.0              # ... or at most this long between commits
FINGERPRINT_CACHE = 1024         # kept docs whose shingles stay in memory for verification
ANCHOR_CANDIDATES = 16

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode      # json.dumps(..., ensure_ascii=False), one encoder
_ENCODE_ANY = json.JSONEncoder(ensure_ascii=False, default=str).encode    # (json.dumps builds one a call)
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_UNSAFE_RUN = re.compile(r"[^A-Za-z0-9_-]+")

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
    content INTEGER NOT NULL,
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


class StoreError(Exception):
    """A store that cannot be opened or used as asked; the message says what to do."""


@dataclass(frozen=True)
class Outcome:
    status: str                    # kept | exact_dup | near_dup | replaced
    doc_id: str                    # the kept document's id (this one's when kept/replaced)
    path: str | None               # the kept document's file, relative to the store
    duplicate_of: str | None = None    # for duplicates: the kept document's id
    replaced: tuple[str, ...] = ()     # for replaced: ids of the copies this one replaced
    similarity: float | None = None


def safe_name(raw: str, max_len: int = MAX_NAME) -> str:
    """A file-name-safe form of an id or site: unchanged when already safe, else slug + hash.

    Safe = ASCII letters, digits, '.', '_', '-', starting with a letter or digit, no '..',
    not a reserved name.  Anything else (/, NUL, '..', Han, 300-char titles) becomes a short
    slug plus 12 hex digits of the raw value's SHA-1, so distinct raw ids stay distinct.
    """
    raw = str(raw)
    if (_SAFE_NAME.fullmatch(raw) and len(raw) <= max_len and ".." not in raw
            and not raw.endswith(".") and raw.lower() not in RESERVED_NAMES
            and raw.split(".")[0].lower() not in RESERVED_NAMES):
        return raw
    digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    slug = _UNSAFE_RUN.sub("_", unicodedata.normalize("NFKC", raw)).strip("_-")[:40].strip("_-")
    return f"{slug}-{digest}" if slug else f"x-{digest}"


def _one_line(title: str | None) -> str:
    """The title as one line: a newline in it would break the title/blank/body file format."""
    return " ".join((title or "").split())


def render(title: str, text: str) -> str:
    """File content: title line, blank line, body (body alone without a title)."""
    return f"{title}\n\n{text}\n" if title else f"{text}\n"


def body_of(content: str, title: str) -> str:
    """Inverse of `render` for a stored file."""
    body = content[len(title) + 2:] if title else content
    return body[:-1] if body.endswith("\n") else body


def _atomic_write(path: Path | str, data: bytes) -> None:
    """Temp file + rename: readers see the old file or the new one, never a part."""
    tmp = f"{path}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Store:
    """Persistent, crash-safe, deduplicating output folder (see module doc)."""

    def __init__(self, out_dir: str | os.PathLike, dedup: bool = True, threshold: float | None = None,
                 containment: float | None = None) -> None:
        self.root = Path(out_dir)
        self.dedup = dedup
        self.threshold = _similarity(threshold, "threshold", DEFAULT_THRESHOLD)
        self.containment = _similarity(containment, "containment", DEFAULT_CONTAINMENT)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create output folder {self.root}: {exc}") from exc
        self._root_resolved = self.root.resolve()
        self._checked_sites: set[str] = set()
        self._lock = open(self.root / LOCK_NAME, "a+")
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise StoreError(f"{self.root} is in use by another process (a crawl or clean run); "
                             "wait for it to finish or choose another --out") from None
        try:
            self.db = sqlite3.connect(self.root / INDEX_NAME, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA cache_size=-65536")         # 64 MiB: the index of 100k docs is ~90 MiB
            self.db.executescript(SCHEMA)
            self._check_params()
            self._move_anchors_into_docs()
        except (sqlite3.Error, StoreError) as exc:
            self._lock.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"{self.root / INDEX_NAME} cannot be opened ({exc}); if it is damaged, "
                             "move it aside and clean into a fresh output folder") from exc
        self._counts = {"kept": 0, "exact_dup": 0, "near_dup": 0, "replaced": 0, "written": 0}
        self._in_batch, self._batch_size, self._batch_started = False, 0, 0.0
        self._written: dict[str, bytes] = {}   # files of the open batch: path (relative) -> content
        self._recover()
        self._journal = os.open(self.root / JOURNAL_NAME, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._writer = _Writer(self.root, self._journal, self.db)
        self._queued: dict[str, tuple] = {}          # identity -> (n, status, doc_id, path, sha1, partial,
        self._queued_doc_ids: set[str] = set()       # cluster) of the rows the writer may not have inserted
        self._queued_keys: dict[bytes, set[int]] = {}    # yet, their doc ids, exact key -> clusters
        self._load_index()
        self._last_manifest = time.monotonic()
        self._manifest_cost = 0.0
        if self._meta("manifest_dirty") == "1" or not (self.root / MANIFEST_NAME).exists():
            self.write_manifest()

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.db is None:
            return
        try:
            self._flush()
            if self._meta("manifest_dirty") == "1":
                self.write_manifest()
        finally:
            self._writer.close()
            os.close(self._journal)
            self.db.close()
            self.db = None
            self._lock.close()

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT v FROM meta WHERE k=?", (key,)).fetchone()
        return row[0] if row else None

    def _check_params(self) -> None:
        stored = self._meta("params")
        if stored is None:
            self.db.execute("INSERT INTO meta VALUES ('params', ?)", (dedup.PARAMS,))
        elif stored != dedup.PARAMS:
            self.db.close()
            raise StoreError(f"{self.root / INDEX_NAME} was built with other dedup parameters ({stored}; this "
                             f"version uses {dedup.PARAMS}): clean into a fresh output folder instead")

    def _move_anchors_into_docs(self) -> None:
        """Stores written before the prefix anchors became a column of `docs` kept them in a
        table of their own (one indexed row per anchor cost ~30 us a kept document): move them."""
        if any(column[1] == "anchors" for column in self.db.execute("PRAGMA table_info(docs)")):
            return
        held: dict[int, list[int]] = {}
        for h, n in self.db.execute("SELECT h, n FROM anchors ORDER BY rowid"):
            held.setdefault(n, []).append(h)
        self.db.execute("BEGIN")
        self.db.execute("ALTER TABLE docs ADD COLUMN anchors BLOB")
        self.db.executemany("UPDATE docs SET anchors=? WHERE n=?",
                            [(np.array(hs, dtype=np.int64).tobytes(), n) for n, hs in held.items()])
        self.db.execute("DROP TABLE anchors")
        self.db.execute("COMMIT")

    def _recover(self) -> None:
        """Finish or undo what a killed run left half done (see module doc)."""
        journal = self.root / JOURNAL_NAME
        paths = journal.read_text(encoding="utf-8").split() if journal.exists() else []
        for path in dict.fromkeys(paths):
            file = self.root / path
            file.with_name(file.name + ".tmp").unlink(missing_ok=True)
            if path.endswith(".new"):
                row = self.db.execute("SELECT sha1 FROM docs WHERE path=? AND status='kept'", (path[:-4],)).fetchone()
                if row and file.exists() and _sha1(file.read_bytes()) == row[0]:
                    os.replace(file, self.root / path[:-4])
                else:
                    file.unlink(missing_ok=True)
            elif not self.db.execute("SELECT 1 FROM docs WHERE path=? AND status='kept'", (path,)).fetchone():
                file.unlink(missing_ok=True)
        journal.write_bytes(b"")
        self._empty_trash()

    def _empty_trash(self) -> None:
        paths = [p for (p,) in self.db.execute("SELECT path FROM trash").fetchall()]
        for path in paths:
            if not self.db.execute("SELECT 1 FROM docs WHERE path=?", (path,)).fetchone():
                (self.root / path).unlink(missing_ok=True)
        if paths:
            self.db.execute("DELETE FROM trash")

    def _load_index(self) -> None:
        """Kept documents' ranking facts, signatures and anchors into memory, LSH rebuilt: ~2 s per 100k."""
        self._clear_index()
        self._kept: dict[int, tuple] = {}     # n -> (CopyInfo, signature|None, doc_id, path, title, cluster)
        self._cluster_kept: dict[int, int] = {}   # cluster -> its kept document
        rows = self.db.execute("SELECT n, partial, content, unrecovered, seq, sig, doc_id, path, title, cluster, "
                               "anchors FROM docs WHERE status='kept'").fetchall()
        keys, sigs, anchor_owners, anchor_counts, anchor_blobs = [], [], [], [], []
        for n, partial, content, unrecovered, seq, sig, doc_id, path, title, cluster, anchor_blob in rows:
            signature = np.frombuffer(sig, dtype=np.uint32) if sig else None
            self._kept[n] = (CopyInfo(bool(partial), content, unrecovered, seq), signature, doc_id, path, title, cluster)
            self._cluster_kept[cluster] = n
            if signature is not None:
                keys.append(n)
                sigs.append(signature)
            if anchor_blob:
                anchor_owners.append(n)
                anchor_counts.append(len(anchor_blob) // 8)
                anchor_blobs.append(anchor_blob)
                if partial:
                    self._index_partial_anchors(n, np.frombuffer(anchor_blob, dtype=np.int64))
        if keys:
            self._lsh.add_many(keys, sigs)
        self._anchors.extend(np.frombuffer(b"".join(anchor_blobs), dtype=np.uint64), np.repeat(anchor_owners, anchor_counts))
        self._next_n = (self.db.execute("SELECT max(n) FROM docs").fetchone()[0] or 0) + 1
        self._next_cluster = (self.db.execute("SELECT max(cluster) FROM docs").fetchone()[0] or 0) + 1
        self._next_seq = (self.db.execute("SELECT max(seq) FROM docs").fetchone()[0] or 0) + 1

    # ------------------------------------------------------------------ queries

    def seen_ids(self, site: str) -> set[str]:
        """Source ids (result.id) already held for a site, kept or recorded as duplicate."""
        prefix = safe_name(site or "local")    # identities are "<site>\0<raw id>": a range of the unique index
        self._sync()
        return {r for (r,) in self.db.execute("SELECT raw_id FROM docs WHERE identity >= ? AND identity < ?",
                                              (prefix + "\x00", prefix + "\x01"))}

    def has(self, site: str, doc_id: str) -> bool:
        """Whether this source id (or stored doc id) of this site is held, kept or as a duplicate."""
        site = safe_name(site or "local")
        self._sync()
        return self.db.execute("SELECT 1 FROM docs WHERE identity=? OR (doc_id=? AND site=?) LIMIT 1",
                               (f"{site}\x00{doc_id}", doc_id, site)).fetchone() is not None

    def summary(self) -> dict:
        """This session's counts: kept, exact_dup, near_dup, replaced, written (files)."""
        return dict(self._counts)

    def __len__(self) -> int:
        return len(self._kept)

    # ------------------------------------------------------------------ adding

    def add(self, result, fingerprint: Fingerprint | None = None) -> Outcome:
        """Record one CleanResult: write it, or record it as a duplicate, or let it replace a worse copy.

        `fingerprint` may be passed when it was computed elsewhere (e.g. in a worker process)
        with `dedup.fingerprint(result.text)`.
        """
        return self.add_prepared(prepare(result, fingerprint))

    def add_many(self, items: Iterable) -> list[Outcome]:
        """`add` for several CleanResults or `Prepared` documents, in order.  Their LSH look-ups
        are made together (`KeyIndex.batch`), so a batch costs less than the documents one by one."""
        prepared = [item if isinstance(item, Prepared) else prepare(item) for item in items]
        lookups = self._lsh_lookups([p.fingerprint for p in prepared])
        return [self.add_prepared(p, lookup) for p, lookup in zip(prepared, lookups)]

    def _lsh_lookups(self, fps: list[Fingerprint]) -> list:
        """Per fingerprint, a function answering its LSH candidates when called (None if not `near`)."""
        near = [fp.bands for fp in fps if fp.near]
        if not (near and self.dedup):
            return [None] * len(fps)
        batch, rows = self._lsh.batch(np.stack(near)), iter(range(len(near)))
        return [functools.partial(batch.find, next(rows)) if fp.near else None for fp in fps]

    def add_prepared(self, prepared: "Prepared", lsh_lookup=None) -> Outcome:
        """`add` for a document whose pure part `prepare` already did (e.g. in a worker process).
        `lsh_lookup`: its LSH candidates from `_lsh_lookups` (else they are looked up here)."""
        fp, content = prepared.fingerprint, prepared.content
        doc = dict(prepared.row)
        identity = doc["identity"]
        existing, doc_id_taken, key_clusters = self._look_up(identity, doc["doc_id"], fp.key)
        existing = self._queued.get(identity) or existing
        if existing and existing[1] == "kept":
            return self._readd_kept(existing, doc, fp, content)
        doc["n"] = existing[0] if existing else self._take("_next_n")
        doc["doc_id"] = existing[2] if existing else self._unique_doc_id(doc["doc_id"], identity, doc_id_taken)
        doc["seq"] = self._take("_next_seq")
        copy = CopyInfo(bool(doc["partial"]), fp.content, doc["unrecovered"], doc["seq"])
        matches = self._find(fp, copy.partial, lsh_lookup, functools.partial(_body, prepared),
                             key_clusters) if self.dedup else []
        if not matches:
            return self._keep_new(doc, fp, content, cluster=self._take("_next_cluster"))
        primary_n, primary_match = matches[0]
        primary_copy = self._kept[primary_n][0]
        if dedup.better(copy, primary_copy):
            losers = [n for n, _ in matches if dedup.better(copy, self._kept[n][0])]
            return self._replace(doc, fp, content, losers)
        return self._record_dup(doc, primary_n, primary_match)

    def _take(self, counter: str) -> int:
        value = getattr(self, counter)
        setattr(self, counter, value + 1)
        return value

    def _look_up(self, identity: str, doc_id: str, key: bytes) -> tuple[tuple | None, bool, set[int]]:
        """(the row of this identity, whether a row has this doc id, the clusters holding this
        exact key) in the committed and inserted rows: one statement (~10 us a document less
        than three); the caller adds the rows still queued for the writer thread (`_queued*`)."""
        existing, doc_id_taken, clusters = None, False, set()
        for tag, *row in self.db.execute(LOOK_UP, (identity, doc_id, key)):
            if tag == 0:
                existing = tuple(row)
            elif tag == 1:
                doc_id_taken = True
            else:
                clusters.add(row[-1])
        return existing, doc_id_taken, clusters

    def _unique_doc_id(self, doc_id: str, identity: str, taken: bool) -> str:
        """doc ids are unique over the whole store (the manifest maps id -> path); `taken`: by
        a row in SQLite (`_look_up`)."""
        if not taken and doc_id not in self._queued_doc_ids:
            return doc_id
        return f"{doc_id[:MAX_NAME - 9]}-{_sha1(identity.encode('utf-8', 'surrogatepass'))[:8]}"

    def _path_for(self, site: str, doc_id: str) -> str:
        """site/doc_id.txt, checked to stay inside the store (defence in depth: safe_name ensures it)."""
        path = f"{site}/{doc_id}.txt"
        if not (_SAFE_NAME.fullmatch(site) and _SAFE_NAME.fullmatch(doc_id) and ".." not in path):
            raise StoreError(f"refusing to write {path!r}: not a safe name")
        if site not in self._checked_sites:    # a planted symlink must not lead outside
            folder = self.root / site
            folder.mkdir(exist_ok=True)
            if folder.resolve().parent != self._root_resolved:
                raise StoreError(f"refusing to write into {folder}: it leads outside {self.root}")
            self._checked_sites.add(site)
        return path

    def _find(self, fp: Fingerprint, partial: bool, lsh_lookup=None, body=None,
              clusters: set[int] | None = None) -> list[tuple[int, dedup.Match]]:
        """Kept documents this text duplicates, best match first (exact key, then verified near dups).
        `body()`: the text, for a `bare` fingerprint's shingles when a candidate is verified;
        `clusters`: those of the exact key in SQLite, when `_look_up` found them already."""
        found: dict[int, dedup.Match] = {}
        if clusters is None:
            clusters = {c for (c,) in self.db.execute("SELECT DISTINCT cluster FROM docs WHERE exact_key=?", (fp.key,))}
        for cluster in clusters | self._queued_keys.get(fp.key, set()):
            kept = self._kept_in_cluster(cluster)
            if kept is not None:
                found[kept] = dedup.Match("exact", 1.0)
        if fp.near:
            candidates = lsh_lookup() if lsh_lookup else self._lsh.query_bands(fp.bands)
            if partial or self._partial_anchors:
                candidates |= self._anchor_candidates(fp, partial)
            for n in candidates - found.keys():
                held = self._kept.get(n)
                if held is None or held[1] is None:
                    continue
                if not self._worth_verifying(fp, partial, held):
                    continue
                if not fp.verifiable:
                    fp.reshingle(body())
                match = dedup.verify(fp, self._fingerprint_of(n), partial, held[0].partial,
                                     self.threshold, self.containment, screen=False)
                if match:
                    found[n] = match
        return sorted(found.items(), key=lambda item: (-item[1].score, item[0]))

    def _worth_verifying(self, fp: Fingerprint, partial: bool, held: tuple) -> bool:
        copy, signature = held[0], held[1]
        return dedup.worth_verifying(fp.signature, fp.content, partial, signature, copy.content, copy.partial,
                                     self.threshold, self.containment)

    def _anchor_candidates(self, fp: Fingerprint, partial: bool) -> set[int]:
        """Kept documents sharing >= 2 prefix anchors: any kept one for a preview, else only
        kept previews (a full copy may contain them)."""
        anchors = fp.anchors
        if not len(anchors):
            return set()
        need = min(2, len(anchors))
        if partial:
            counts = Counter(self._anchors.find_all(anchors.view(np.uint64)))
        else:
            counts = Counter(n for h in anchors.tolist() for n in self._partial_anchors.get(h, ()))
        return {n for n, c in counts.most_common(ANCHOR_CANDIDATES) if c >= need}

    def _kept_in_cluster(self, cluster: int) -> int | None:
        return self._cluster_kept.get(cluster)

    def _fingerprint_of(self, n: int) -> Fingerprint:
        """A kept document's fingerprint, recomputed from its file (cached: candidates are few)."""
        cached = self._cache.get(n)
        if cached is not None:
            self._cache.move_to_end(n)
            return cached
        fp = self._read_fingerprint(self._kept[n])
        self._remember(n, fp)
        return fp

    def _read_fingerprint(self, held: tuple) -> Fingerprint:
        """From the file, or from memory for a file of the open batch (it may not be on disk yet)."""
        staged = held[3] + ".new"
        path = staged if staged in self._written else held[3]
        content = self._written.get(path)
        try:
            body = body_of((content or (self.root / path).read_bytes()).decode("utf-8"), held[4])
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"kept document {self.root / path} is missing or unreadable ({exc}): the store was "
                             "changed by hand; put the file back, or clean into a fresh output folder") from exc
        return dedup.fingerprint(body, signature=held[1])

    def _remember(self, n: int, fp: Fingerprint) -> None:
        if not fp.verifiable:
            return
        self._cache[n] = fp
        if len(self._cache) > FINGERPRINT_CACHE:
            self._cache.popitem(last=False)

    # ------------------------------------------------------------------ writing

    def _write_file(self, path: str, content: bytes) -> None:
        """Journal the path, then write it atomically, on the writer thread (see module doc)."""
        self._writer.write_file(path, content)
        self._written[path] = content
        self._counts["written"] += 1

    def _begin(self) -> None:
        if not self._in_batch:
            self.db.execute("BEGIN")
            self._in_batch, self._batch_size, self._batch_started = True, 0, time.monotonic()

    def _added(self) -> None:
        """One document recorded in the open batch: commit when the batch is full or old."""
        self._batch_size += 1
        if self._batch_size >= BATCH_DOCS or time.monotonic() - self._batch_started >= BATCH_SECONDS:
            self._flush()
            self._maybe_checkpoint()

    def _flush(self) -> None:
        """Commit the open batch once its files are on disk; then finish renames and deletions."""
        if not self._in_batch:
            return
        self._sync()
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('manifest_dirty', '1')")
        self.db.execute("COMMIT")
        self._in_batch = False
        for path in [p for p in self._written if p.endswith(".new")]:
            os.replace(self.root / path, self.root / path[:-4])
        self._written.clear()
        os.ftruncate(self._journal, 0)
        self._empty_trash()

    def _sync(self) -> None:
        """Let the writer thread finish what is queued: before SQL that reads rows the queue may
        hold (other than the look-ups `_queued*` answer) or changes them, and before a commit."""
        error = self._writer.drain()
        self._queued.clear()
        self._queued_doc_ids.clear()
        self._queued_keys.clear()
        if error is not None:
            self._abandon_batch()
            raise error

    def _abandon_batch(self) -> None:
        """A file or row of the open batch could not be written: lose the batch as a killed run
        would (rolled back, its files deleted by the recovery, the in-memory index read again)."""
        self.db.execute("ROLLBACK")
        self._in_batch = False
        self._written.clear()
        self._recover()
        self._load_index()

    def _insert(self, doc: dict) -> None:
        """Queue the row for the writer thread (the SQLite insert releases the GIL: ~30 us a
        document less for the store's thread); the look-ups find it in `_queued*` meanwhile."""
        self._writer.insert(list(ROW_VALUES(doc)))
        self._queued[doc["identity"]] = (doc["n"], doc["status"], doc["doc_id"], doc["path"], doc["sha1"],
                                         doc["partial"], doc["cluster"])
        self._queued_doc_ids.add(doc["doc_id"])
        self._queued_keys.setdefault(doc["exact_key"], set()).add(doc["cluster"])

    def _index_kept(self, doc: dict, fp: Fingerprint) -> None:
        n = doc["n"]
        copy = CopyInfo(bool(doc["partial"]), doc["content"], doc["unrecovered"], doc["seq"])
        self._kept[n] = (copy, fp.signature, doc["doc_id"], doc["path"], doc["title"], doc["cluster"])
        self._cluster_kept[doc["cluster"]] = n
        if copy.partial:
            self._index_partial_anchors(n, fp.anchors)
        if fp.signature is not None:
            self._lsh.insert(n, fp.bands)
        if len(fp.anchors):
            self._anchors.insert(n, fp.anchors.view(np.uint64))
        self._remember(n, fp)

    def _index_partial_anchors(self, n: int, anchors: np.ndarray) -> None:
        for h in anchors.tolist():
            self._partial_anchors.setdefault(h, set()).add(n)

    def _unindex(self, n: int) -> tuple:
        self._sync()      # its row, and the rows the caller then changes, may still be queued
        (blob,) = self.db.execute("SELECT anchors FROM docs WHERE n=?", (n,)).fetchone()
        anchors = np.frombuffer(blob or b"", dtype=np.int64)
        held = self._kept.pop(n)
        if self._cluster_kept.get(held[5]) == n:
            del self._cluster_kept[held[5]]
        if held[0].partial:
            for h in anchors.tolist():
                bucket = self._partial_anchors.get(h)
                if bucket is not None:
                    bucket.discard(n)
                    if not bucket:
                        del self._partial_anchors[h]
        if held[1] is not None:
            self._lsh.remove(n, held[1])
        self._anchors.discard(n, anchors.view(np.uint64))
        self._cache.pop(n, None)
        return held

    def _clear_index(self) -> None:
        """Empty in-memory indexes: LSH, prefix anchors (all kept documents', and kept previews'
        in a dict: asked for every full document), cached shingle sets."""
        self._lsh, self._anchors = LSHIndex(), KeyIndex()
        self._partial_anchors: dict[int, set[int]] = {}   # anchor -> kept previews holding it
        self._cache: OrderedDict[int, Fingerprint] = OrderedDict()

    def _keep_new(self, doc: dict, fp: Fingerprint, content: bytes, cluster: int) -> Outcome:
        doc.update(status="kept", cluster=cluster, path=self._path_for(doc["site"], doc["doc_id"]))
        self._begin()
        self._write_file(doc["path"], content)
        self._insert(doc)
        self._index_kept(doc, fp)
        self._added()
        self._counts["kept"] += 1
        return Outcome("kept", doc["doc_id"], doc["path"])

    def _replace(self, doc: dict, fp: Fingerprint, content: bytes, losers: list[int]) -> Outcome:
        cluster = self._kept[losers[0]][5]
        doc.update(status="kept", cluster=cluster, path=self._path_for(doc["site"], doc["doc_id"]))
        self._begin()
        self._write_file(doc["path"], content)
        replaced = []
        for n in losers:
            held = self._unindex(n)
            replaced.append(held[2])
            self.db.execute("INSERT OR IGNORE INTO trash VALUES (?)", (held[3],))
            self.db.execute("UPDATE docs SET status='superseded', path=NULL WHERE n=?", (n,))
            if held[5] != cluster:
                self.db.execute("UPDATE docs SET cluster=? WHERE cluster=?", (cluster, held[5]))
        self._insert(doc)
        self._index_kept(doc, fp)
        self._added()
        self._counts["replaced"] += 1
        return Outcome("replaced", doc["doc_id"], doc["path"], replaced=tuple(replaced))

    def _record_dup(self, doc: dict, kept_n: int, match: dedup.Match) -> Outcome:
        held = self._kept[kept_n]
        status = "exact_dup" if match.kind == "exact" else "near_dup"
        doc.update(status=status, cluster=held[5], path=None, match=match.kind, similarity=match.score)
        self._begin()
        self._insert(doc)
        self._added()
        self._counts[status] += 1
        return Outcome(status, held[2], held[3], duplicate_of=held[2], similarity=match.score)

    def _readd_kept(self, existing: tuple, doc: dict, fp: Fingerprint, content: bytes) -> Outcome:
        """The same source again: unchanged -> exact dup of itself; re-cleaned -> rewritten in place."""
        n, _, doc_id, path, sha1, was_partial, cluster = existing
        if doc["sha1"] == sha1 or (doc["partial"] and not was_partial):
            status = "exact_dup" if doc["sha1"] == sha1 else "near_dup"
            self._counts[status] += 1
            return Outcome(status, doc_id, path, duplicate_of=doc_id, similarity=1.0 if status == "exact_dup" else None)
        held = self._kept[n]
        doc.update(n=n, doc_id=doc_id, path=path, cluster=cluster, status="kept", seq=held[0].seq)
        self._begin()
        self._write_file(path + ".new", content)
        self._unindex(n)
        fields = ("title", "url", "exact_key", "content", "chars", "partial", "unrecovered", "script", "sha1",
                  "sig", "changes", "metadata", "anchors")
        self.db.execute(f"UPDATE docs SET {', '.join(f + '=?' for f in fields)} WHERE n=?",
                        (*(doc[f] for f in fields), n))
        self._index_kept(doc, fp)
        self._added()
        self._counts["replaced"] += 1
        return Outcome("replaced", doc_id, path, replaced=(doc_id,))

    # ------------------------------------------------------------------ manifest and export

    def _maybe_checkpoint(self) -> None:
        now = time.monotonic()
        if now - self._last_manifest >= max(CHECKPOINT_SECONDS, 20 * self._manifest_cost):
            self.write_manifest()

    def manifest_records(self) -> Iterable[dict]:
        """One record per kept document, with all the places its copies were seen."""
        for record, changes, metadata in self._manifest_rows():
            record["changes"], record["metadata"] = json.loads(changes), json.loads(metadata)
            yield record

    def _manifest_rows(self) -> Iterable[tuple[dict, str, str]]:
        """(record without `changes` and `metadata`, their stored JSON texts) per kept document."""
        self._sync()
        aliases: dict[int, list[dict]] = {}
        for cluster, site, url, doc_id, status in self.db.execute(
                "SELECT cluster, site, url, doc_id, status FROM docs ORDER BY seq"):
            aliases.setdefault(cluster, []).append({"id": doc_id, "site": site, "url": url, "status": status})
        for row in self.db.execute("SELECT doc_id, path, title, url, site, script, partial, chars, sha1, cluster, "
                                   "changes, metadata, unrecovered FROM docs WHERE status='kept' ORDER BY n"):
            (doc_id, path, title, url, site, script, partial, chars, sha1, cluster, changes, metadata, unrecovered) = row
            yield ({"id": doc_id, "path": path, "title": title, "url": url, "aliases": aliases.get(cluster, []),
                    "site": site, "script": script, "partial": bool(partial), "chars": chars, "sha1": sha1,
                    "cluster": cluster, "unrecovered_chars": unrecovered}, changes, metadata)

    def write_manifest(self) -> None:
        """Regenerate manifest.jsonl from the index atomically, then clear the dirty flag.

        The stored `changes` and `metadata` JSON texts are spliced in as they are (what
        json.dumps of the whole record would write, without parsing them again): a third
        less time, and the manifest is rewritten at every checkpoint and close."""
        self._flush()
        started = time.monotonic()
        lines = "".join(f'{_ENCODE(record)[:-1]}, "changes": {changes}, "metadata": {metadata}}}\n'
                        for record, changes, metadata in self._manifest_rows())
        _atomic_write(self.root / MANIFEST_NAME, lines.encode("utf-8"))
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('manifest_dirty', '0')")
        self._last_manifest = time.monotonic()
        self._manifest_cost = self._last_manifest - started

    def export(self, fh: IO[str]) -> int:
        """Write the whole corpus as JSONL (manifest fields + `text`) for datatrove / HF datasets."""
        self._flush()
        count = 0
        for record in self.manifest_records():
            content = (self.root / record["path"]).read_bytes().decode("utf-8")
            record["text"] = body_of(content, record["title"])
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count

    # ------------------------------------------------------------------ re-deduplication

    @classmethod
    def rededup(cls, out_dir: str | os.PathLike, threshold: float | None = None) -> dict:
        """Deduplicate an existing store again (e.g. written with --no-dedup, or a new threshold).

        Kept documents are replayed in arrival order against an empty index in one
        transaction: a crash leaves the store as it was.  Returns the counts.
        """
        with cls(out_dir, dedup=True, threshold=threshold) as store:
            return store._rededup()

    def _rededup(self) -> dict:
        self._flush()
        rows = self.db.execute("SELECT n, partial, content, unrecovered, seq FROM docs WHERE status='kept' "
                               "ORDER BY seq").fetchall()
        previous = self._kept
        self._kept, self._cluster_kept = {}, {}
        self._clear_index()
        counts = {"kept": 0, "exact_dup": 0, "near_dup": 0, "replaced": 0}
        self._begin()
        for n, partial, content, unrecovered, seq in rows:
            held = previous[n]
            fp, copy = self._read_fingerprint(held), CopyInfo(bool(partial), content, unrecovered, seq)
            doc = {"n": n, "doc_id": held[2], "path": held[3], "title": held[4], "cluster": held[5],
                   "partial": partial, "content": content, "unrecovered": unrecovered, "seq": seq}
            matches = self._find(fp, copy.partial)
            if not matches:
                self._index_kept(doc, fp)
                continue
            winner_n, match = matches[0]
            if dedup.better(copy, self._kept[winner_n][0]):
                for loser, _ in matches:
                    if dedup.better(copy, self._kept[loser][0]):
                        self._demote(loser, doc["cluster"], "superseded", None)
                self._index_kept(doc, fp)
                counts["replaced"] += 1
            else:
                self._demote(n, self._kept[winner_n][5], "exact_dup" if match.kind == "exact" else "near_dup",
                             match, held=held)
                counts["exact_dup" if match.kind == "exact" else "near_dup"] += 1
        self._flush()
        self.write_manifest()
        counts["kept"] = len(self._kept)
        return counts

    def _demote(self, n: int, into_cluster: int, status: str, match: dedup.Match | None,
                held: tuple | None = None) -> None:
        """Turn a kept document into a duplicate (`held` given: one not re-indexed yet)."""
        if held is None:
            held = self._unindex(n)
        self._sync()
        self.db.execute("INSERT OR IGNORE INTO trash VALUES (?)", (held[3],))
        self.db.execute("UPDATE docs SET status=?, path=NULL, match=?, similarity=? WHERE n=?",
                        (status, match.kind if match else None, match.score if match else None, n))
        if held[5] != into_cluster:
            self.db.execute("UPDATE docs SET cluster=? WHERE cluster=?", (into_cluster, held[5]))


class _Writer:
    """Writes the text files and inserts the rows of the open batch on a thread of its own, in
    order, each file's path journaled before the file: the store goes on with the next
    documents meanwhile (file system calls and SQLite release the GIL).  The batch is
    committed by the store after `drain`.  After an error nothing more is written until
    `drain` has reported it."""

    def __init__(self, root: Path, journal: int, db: sqlite3.Connection) -> None:
        self._root, self._journal, self._db = root, journal, db
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._queued = 0
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()

    def write_file(self, path: str, content: bytes) -> None:
        self._queue.put((path, content))
        self._queued += 1

    def insert(self, row: list) -> None:
        """INSERT_ROW with these values."""
        self._queue.put(row)
        self._queued += 1

    def drain(self) -> BaseException | None:
        """Wait until everything queued so far is done; the first error met since the last drain."""
        if self._queued:
            done = threading.Event()
            self._queue.put(done)
            done.wait()
            self._queued = 0
        error, self._error = self._error, None
        return error

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()

    def _run(self) -> None:
        while True:
            items = [self._queue.get()]
            with contextlib.suppress(queue.Empty):      # all that is queued: one journal write for it
                while True:
                    items.append(self._queue.get_nowait())
            self._write([item for item in items if isinstance(item, tuple)])
            self._insert([item for item in items if isinstance(item, list)])
            for item in items:
                if item is None:
                    return
                if isinstance(item, threading.Event):
                    item.set()

    def _write(self, files: list[tuple[str, bytes]]) -> None:
        if not files or self._error is not None:
            return
        try:
            os.write(self._journal, "".join(f"{path}\n" for path, _ in files).encode("ascii"))
            for path, content in files:
                _atomic_write(os.path.join(self._root, path), content)
        except BaseException as exc:      # reported by `drain`, in the store's thread
            self._error = exc

    def _insert(self, rows: list[list]) -> None:
        if not rows or self._error is not None:
            return
        try:
            self._db.executemany(INSERT_ROW, rows)
        except BaseException as exc:
            self._error = exc


@dataclass(frozen=True, eq=False)
class Prepared:
    """What `Store.add` needs from a CleanResult, computed without the store: picklable, so a
    worker process can do this part (render, SHA-1, JSON, fingerprint) and the single writer
    only decides and records."""

    row: dict                      # the docs-table columns that depend on the result alone
    content: bytes                 # the text file's bytes (title line, blank line, body)
    fingerprint: Fingerprint       # verifiable (holds its shingle hashes) unless unpickled

    def __reduce__(self):
        """Pickled with a `bare` fingerprint: the shingle hashes are most of the bytes a worker
        sends, and the store needs them only for the documents it verifies (`Store._find`
        takes them from `content` then)."""
        return Prepared, (self.row, self.content, self.fingerprint.bare())


def prepare(result, fingerprint: Fingerprint | None = None) -> Prepared:
    """The pure part of `Store.add`: file content, identity, row fields and a verifiable fingerprint.

    A `fingerprint` passed in must be `dedup.fingerprint(result.text)` (or its `bare()` copy).
    """
    site = safe_name(result.site or "local")
    title, text = _one_line(result.title), result.text or ""
    try:
        content = render(title, text).encode("utf-8")
    except UnicodeEncodeError:   # lone surrogates: the files are UTF-8, so they become U+FFFD
        title, text = _valid_utf8(title), _valid_utf8(text)
        content = render(title, text).encode("utf-8")
    url = _valid_utf8(result.url) if result.url else result.url
    raw_id = _valid_utf8(str(result.id)) if result.id not in (None, "") else (
        url or "sha1-" + _sha1(text.encode("utf-8"))[:16])
    fp = fingerprint if fingerprint is not None else dedup.fingerprint(text)
    row = {"identity": f"{site}\x00{raw_id}", "raw_id": raw_id, "site": site, "url": url, "title": title,
           "doc_id": safe_name(raw_id),     # the file name wanted; the store suffixes it when another source has it
           "exact_key": fp.key, "content": fp.content, "chars": len(text),
           "partial": int(bool(result.partial)), "unrecovered": int(result.flags.get("unrecovered_chars") or 0),
           "script": result.flags.get("script"), "sha1": _sha1(content),
           "sig": fp.signature.tobytes() if fp.signature is not None else None,
           "anchors": fp.anchors.tobytes() if len(fp.anchors) else None,
           "changes": _valid_utf8(_ENCODE(result.change_counts())),
           "metadata": _valid_utf8(_ENCODE_ANY(result.metadata)),
           "match": None, "similarity": None}     # a kept document's; the store sets them for a duplicate
    return Prepared(row, content, fp)


def _body(prepared: Prepared) -> str:
    """The text of a prepared document, from its file content."""
    return body_of(prepared.content.decode("utf-8"), prepared.row["title"])


def _similarity(value: float | None, name: str, fallback: float) -> float:
    """A similarity threshold in (0, 1], the documented default when None."""
    if value is None:
        return fallback
    if not 0 < value <= 1:
        raise ValueError(f"{name} must be in (0, 1], not {value}")
    return float(value)


def _valid_utf8(text: str) -> str:
    """Lone surrogates (from broken decodes) become U+FFFD: files and SQLite hold UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


# ---------------------------------------------------------------------- CLI

def register_cli(sub) -> None:
    """Add `dedup DIR` and `export DIR [--out FILE]` to cleaners.cli's subparsers."""
    d = sub.add_parser("dedup", help="re-deduplicate an existing output store",
                       description="Replay every kept document of DIR against a fresh index and record "
                                   "duplicates (files of dropped copies are deleted, their URLs kept as aliases).")
    d.add_argument("dir", metavar="DIR")
    d.add_argument("--threshold", type=float, default=None,
                   help=f"near-duplicate Jaccard threshold (default {dedup.DEFAULT_THRESHOLD})")
    d.set_defaults(func=run_dedup)
    e = sub.add_parser("export", help="write a store as one JSONL corpus with a `text` field",
                       description="One JSON object per kept document: the manifest fields plus `text` "
                                   "(readable by datatrove's JsonlReader and Hugging Face `datasets`).")
    e.add_argument("dir", metavar="DIR")
    e.add_argument("--out", default="-", help="output file (default: standard output)")
    e.set_defaults(func=run_export)


def _existing_store(path: str) -> Path:
    root = Path(path)
    if not (root / INDEX_NAME).exists():
        raise StoreError(f"{root} is not an output store (no {INDEX_NAME}); "
                         "create one with `python -m cleaners clean PATH --out DIR`")
    return root


def run_dedup(args) -> int:
    try:
        counts = Store.rededup(_existing_store(args.dir), threshold=args.threshold)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"dedup {args.dir}: {counts['kept']} kept, {counts['exact_dup']} exact dups, "
          f"{counts['near_dup']} near dups, {counts['replaced']} replaced by better copy", file=sys.stderr)
    return 0


def run_export(args) -> int:
    try:
        root = _existing_store(args.dir)
        with Store(root) as store:
            if args.out == "-":
                count = store.export(sys.stdout)
            else:
                target = Path(args.out)
                tmp = target.with_name(target.name + ".tmp")
                with open(tmp, "w", encoding="utf-8") as fh:
                    count = store.export(fh)
                os.replace(tmp, target)
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"exported {count} documents from {args.dir}", file=sys.stderr)
    return 0


def main_dedup(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleaners")
    register_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["dedup", *(argv or [])])
    return args.func(args)


def main_export(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cleaners")
    register_cli(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["export", *(argv or [])])
    return args.func(args)
