"""manifest.jsonl and the JSONL export, both derived from the index.

The manifest is never edited in place: it is regenerated whole (temp + rename) and a
`manifest_dirty` flag in the index, set in every committing transaction, says when it lags."""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from json.encoder import encode_basestring
from typing import IO, Iterable

from cleaners.store.layout import MANIFEST_NAME, body_of
from cleaners.store.schema import ENCODE_JSON, read_meta


def mark_dirty(db: sqlite3.Connection) -> None:
    """In the committing transaction: the manifest no longer agrees with the index."""
    db.execute("INSERT OR REPLACE INTO meta VALUES ('manifest_dirty', '1')")


def is_dirty(db: sqlite3.Connection) -> bool:
    return read_meta(db, "manifest_dirty") == "1"


def is_stale(root: Path, db: sqlite3.Connection) -> bool:
    """Dirty, or missing (deleted by hand): to be written before the store is used."""
    return is_dirty(db) or not (root / MANIFEST_NAME).exists()


# The kept documents in the order they were first kept, with the size of each one's cluster (a
# cluster of one, most documents, needs no query for its aliases: the kept document is the one).
LINES = ("SELECT doc_id, path, title, url, site, script, partial, chars, sha1, cluster, changes, metadata, unrecovered, "
         "(SELECT count(*) FROM docs a WHERE a.cluster=docs.cluster) FROM docs WHERE status='kept' ORDER BY n")
ALIASES = "SELECT doc_id, site, url, status FROM docs WHERE cluster=? ORDER BY seq"


def rows(db: sqlite3.Connection) -> Iterable[tuple[dict, str, str]]:
    """(record without `changes` and `metadata`, their stored JSON texts) per kept document, in
    the order they were first kept; each kept document's aliases read with it (the cluster
    index), so that memory stays flat however large the store."""
    for row in db.execute(LINES):
        (doc_id, path, title, url, site, script, partial, chars, sha1, cluster, changes, metadata, unrecovered,
         members) = row
        held = [(doc_id, site, url, "kept")] if members == 1 else db.execute(ALIASES, (cluster,))
        aliases = [{"id": a_id, "site": a_site, "url": a_url, "status": a_status}
                   for a_id, a_site, a_url, a_status in held]
        yield ({"id": doc_id, "path": path, "title": title, "url": url, "aliases": aliases,
                "site": site, "script": script, "partial": bool(partial), "chars": chars, "sha1": sha1,
                "cluster": cluster, "unrecovered_chars": unrecovered}, changes, metadata)


def records(db: sqlite3.Connection) -> Iterable[dict]:
    """One record per kept document, with all the places its copies were seen."""
    for record, changes, metadata in rows(db):
        record["changes"], record["metadata"] = json.loads(changes), json.loads(metadata)
        yield record


def lines(db: sqlite3.Connection) -> Iterable[str]:
    """The manifest's lines, in the order of `rows`: each the text `ENCODE_JSON` gives for the
    record `records` makes (same keys, order, separators and escapes), with `changes` and
    `metadata` spliced as stored.

    Why not `rows` and `ENCODE_JSON`: the manifest is rewritten whole at every checkpoint and
    close, and a dict, the aliases' query and the encoding cost ~47 us a kept document (close:
    136 s for 810k kept documents on a loaded machine); here the aliases of a cluster of one,
    the kept document alone (most documents), are written without a query, ~21 us."""
    aliases = db.cursor()
    for doc_id, path, title, url, site, script, partial, chars, sha1, cluster, changes, metadata, unrecovered, \
            members in db.execute(LINES):
        doc_id, url, site = _quote(doc_id), _quote(url), _quote(site)
        if members == 1:
            held = f'[{{"id": {doc_id}, "site": {site}, "url": {url}, "status": "kept"}}]'
        else:
            held = ENCODE_JSON([{"id": a_id, "site": a_site, "url": a_url, "status": a_status}
                                for a_id, a_site, a_url, a_status in aliases.execute(ALIASES, (cluster,))])
        yield (f'{{"id": {doc_id}, "path": {_quote(path)}, "title": {_quote(title)}, "url": {url}, "aliases": {held}, '
               f'"site": {site}, "script": {_quote(script)}, "partial": {"true" if partial else "false"}, '
               f'"chars": {chars}, "sha1": {_quote(sha1)}, "cluster": {cluster}, "unrecovered_chars": {unrecovered}, '
               f'"changes": {changes}, "metadata": {metadata}}}\n')


def _quote(value: str | None) -> str:
    """A string (or None) as `ENCODE_JSON` writes it."""
    return "null" if value is None else encode_basestring(value)


def write(root: Path, db: sqlite3.Connection) -> None:
    """Regenerate manifest.jsonl from the index atomically (temp file, written as the rows are
    read, then renamed), then clear the dirty flag."""
    target = root / MANIFEST_NAME
    tmp = target.with_name(target.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(lines(db))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    db.execute("INSERT OR REPLACE INTO meta VALUES ('manifest_dirty', '0')")


def documents(root: Path, kept: Iterable[dict]) -> Iterable[tuple[dict, str]]:
    """(manifest record, text) of these kept documents, the text read from their files."""
    for record in kept:
        yield record, body_of((root / record["path"]).read_bytes().decode("utf-8"), record["title"])


def export(root: Path, kept: Iterable[dict], fh: IO[str]) -> int:
    """Write these manifest records with their `text` as JSONL (for datatrove / HF datasets)."""
    count = 0
    for record, text in documents(root, kept):
        record["text"] = text
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
