"""The output store: one text file per kept document, a manifest, and a persistent dedup index.

    with Store("output") as store:
        outcome = store.add(result)     # "kept" | "exact_dup" | "near_dup" | "replaced"

Layout of OUT_DIR:
    <site>/<doc_id>.txt    title line, blank line, body (UTF-8); names come from safe ids only
    manifest.jsonl         one line per kept document (id, path, title, url, aliases, site, script,
                           partial, chars, sha1, cluster, changes, metadata)
    .index.sqlite          the source of truth: every input ever added (kept, duplicate or
                           superseded), exact keys, MinHash signatures, prefix anchors
    .lsh.keys, .anchors.keys, .partial.keys
                           the kept documents' LSH band keys and prefix anchors (all, and
                           the previews'), derived from the index: each a header file and
                           its sorted runs (`.lsh.keys.000012.run` ...)
    .signatures            the kept documents' MinHash signatures, a record each at a fixed
                           place, derived from the index (what the screen of candidates reads)
    .index.lock            held while a Store is open: one writer at a time
    .pending.log           journal of text files written by the open batch (empty when closed)

Consistency scheme (kill -9 at any point leaves a store that the next open repairs):
  * SQLite (WAL) is the source of truth.  Documents are recorded in batches: one
    transaction per BATCH_DOCS documents or BATCH_SECONDS, and at close.  A killed run
    loses at most its last open batch, which a rerun adds again.  (WAL with synchronous=NORMAL
    survives a killed process; a power cut may also lose the last commits, handled the same way.)
  * A text file is written in place (`layout.write_new`) after its path was appended to the
    journal `.pending.log` (a half-written one belongs to no committed row); files and the
    rows of the docs table are written by a writer thread, in order; the batch commits after
    the thread has put all its files on disk and its rows in SQLite, and the journal is
    emptied after the commit. On open, a journal path that no kept document owns is deleted
    (its batch never committed); a file or row that cannot be written loses the open batch the
    same way (rollback + recovery).
  * A re-cleaned document (same source again) is written to `<path>.new` and renamed over
    the old file after the commit; on open a `.new` whose content matches the committed
    row is renamed, any other is deleted.  So after recovery file and row always agree.
  * A file a better copy replaced is queued in `trash` in the replacing transaction and
    deleted after the commit (again on open, if a crash came in between).
  * The key files and the signature file are derived from SQLite: the open batch's changes
    wait in memory and are applied at its commit, marked by a generation number in both
    (disk_keys.py; a large merge runs on a thread, its run named by the header only at a
    later commit); files that
    do not agree with SQLite on open (a kill in the middle of a commit, an OS crash, a store
    written before them) are rebuilt from the `sig` and `anchors` columns.
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

Modules, each importing only those listed before it:
    errors         StoreError
    layout         reserved names, safe_name, the file format (render, body_of), write_new, atomic_write, sha1_hex
    schema         the SQLite schema, row layout and statements; open_index (pragmas, checks, migration)
    journal        .pending.log and the recovery on open (half-written files, `.new` files, trash)
    locking        .index.lock: one writer at a time
    checkpointer   Checkpointer: SQLite's WAL checkpoints (their syncs) on a thread of their own, after each commit
    writer_thread  BatchWriter: the open batch's files and rows, written on a thread of its own
    manifest       manifest.jsonl (derived from the index) and the JSONL export
    shards         the export as datatrove-shaped JSONL / Parquet shards
    prepared       Prepared / prepare: the pure part of adding, done in worker processes too
    file_header    the mapped header of the derived files (magic, version, fields): written beside and renamed
    sorted_run     SortedRun: one sorted run of (key, id) entries, its presence filter and fences
    keyruns        KeyRuns: 64-bit keys to ids, sorted runs merged size-tiered (an LSM; big merges on a thread)
    signature_file SignatureFile: the kept documents' signatures, a record each at a fixed place (the screen's reads)
    disk_keys      KeyFiles: the three key files and the signature file, the open batch's changes, the generations
    kept_index     KeptIndexMixin: the kept documents' index (key files, facts from SQLite, shingle cache)
    matching       MatchingMixin: look-ups by identity and exact key, near-duplicate candidates, verification
    batch          BatchMixin: transactions, the writer thread's queue, manifest checkpoints
    adding         AddingMixin: add / add_many / add_prepared and Outcome
    rededup        RededupMixin: Store.rededup
    store          Store: opening, closing, queries, manifest and export
    cli            `dedup` and `export` commands of `python -m cleaners`
"""
from __future__ import annotations

from cleaners.store.adding import Outcome
from cleaners.store.cli import main_dedup, main_export, register_cli, run_dedup, run_export
from cleaners.store.errors import StoreError
from cleaners.store.layout import (INDEX_NAME, JOURNAL_NAME, LOCK_NAME, MANIFEST_NAME, MAX_NAME, RESERVED_NAMES,
                                   body_of, render, safe_name)
from cleaners.store.prepared import Prepared, prepare
from cleaners.store.store import Store

__all__ = ["Store", "StoreError", "Outcome", "Prepared", "prepare", "safe_name", "render", "body_of",
           "INDEX_NAME", "JOURNAL_NAME", "LOCK_NAME", "MANIFEST_NAME", "MAX_NAME", "RESERVED_NAMES",
           "register_cli", "run_dedup", "run_export", "main_dedup", "main_export"]
