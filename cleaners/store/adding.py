"""Adding a document: keep it, record it as a duplicate of a kept one, let it replace worse
copies, or rewrite the file of a source cleaned again; and the `Outcome` each add returns."""
from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from cleaners import dedup
from cleaners.dedup import Fingerprint
from cleaners.store.errors import StoreError
from cleaners.store.kept_index import Held, copy_of
from cleaners.store.layout import MAX_NAME, SAFE_NAME, sha1_hex
from cleaners.store.matching import Lookups
from cleaners.store.prepared import Prepared, body_of_prepared, prepare


@dataclass(frozen=True)
class Outcome:
    status: str                    # kept | exact_dup | near_dup | replaced
    doc_id: str                    # the kept document's id (this one's when kept/replaced)
    path: str | None               # the kept document's file, relative to the store
    duplicate_of: str | None = None    # for duplicates: the kept document's id
    replaced: tuple[str, ...] = ()     # for replaced: ids of the copies this one replaced
    similarity: float | None = None


class AddingMixin:
    """Part of `Store`: the public `add*` methods and the four ways a document is recorded.
    Uses the look-ups (MatchingMixin), the kept documents' index (KeptIndexMixin), the open batch
    (BatchMixin) and `root`, `dedup`, `_counts`, `_checked_sites`, `_root_resolved` (Store)."""

    root: Path
    db: sqlite3.Connection
    dedup: bool
    _counts: dict[str, int]
    _checked_sites: set[str]      # site folders checked to lie inside the store
    _root_resolved: Path
    _holding: bool

    def add(self, result, fingerprint: Fingerprint | None = None) -> Outcome:
        """Record one CleanResult: write it, or record it as a duplicate, or let it replace a worse copy.

        `fingerprint` may be passed when it was computed elsewhere (e.g. in a worker process)
        with `dedup.fingerprint(result.text)`.
        """
        return self.add_prepared(prepare(result, fingerprint, fingerprinted=self.dedup))

    def add_many(self, items: Iterable) -> list[Outcome]:
        """`add` for several CleanResults or `Prepared` documents, in order.  Their LSH look-ups
        and prefix-anchor look-ups are made together (`PendingKeys.batch`), so a batch costs less
        than the documents one by one."""
        prepared = [item if isinstance(item, Prepared) else prepare(item, fingerprinted=self.dedup) for item in items]
        lookups = self._batched_lookups([p.fingerprint for p in prepared], [bool(p.row["partial"]) for p in prepared])
        self._holding = True       # a commit among them would make the look-ups made ahead stale: after them
        try:
            outcomes = [self.add_prepared(p, lookup) for p, lookup in zip(prepared, lookups)]
        finally:
            self._holding = False
        self._commit_if_due()
        return outcomes

    def add_prepared(self, prepared: "Prepared", lookups: Lookups | None = None) -> Outcome:
        """`add` for a document whose pure part `prepare` already did (e.g. in a worker process).
        `lookups`: its key-file look-ups from `_batched_lookups` (else they are made here)."""
        fp, content = prepared.fingerprint, prepared.content
        doc = dict(prepared.row)
        identity = doc["identity"]
        existing, doc_id_taken, key_clusters = self._look_up(identity, doc["doc_id"], fp.key)
        existing = self._queued.get(identity) or existing
        if existing and existing[1] == "kept":
            return self._readd_kept(existing, doc, fp, content)
        if existing:
            doc["n"], doc["doc_id"] = existing[0], existing[2]
        else:
            doc["n"], self._next_n = self._next_n, self._next_n + 1
            doc["doc_id"] = self._unique_doc_id(doc["doc_id"], identity, doc_id_taken)
        doc["seq"], self._next_seq = self._next_seq, self._next_seq + 1
        copy = copy_of(doc, fp.content)
        matches = self._find(fp, copy.partial, lookups, functools.partial(body_of_prepared, prepared),
                             key_clusters) if self.dedup else []
        if not matches:
            cluster, self._next_cluster = self._next_cluster, self._next_cluster + 1
            return self._keep_new(doc, fp, content, cluster=cluster)
        _, primary_match, primary = matches[0]
        if dedup.better(copy, primary[0]):
            losers = [(n, held) for n, _, held in matches if dedup.better(copy, held[0])]
            return self._replace(doc, fp, content, losers)
        return self._record_dup(doc, primary, primary_match)

    def _unique_doc_id(self, doc_id: str, identity: str, taken: bool) -> str:
        """doc ids are unique over the whole store (the manifest maps id -> path); `taken`: by
        a row in SQLite (`_look_up`)."""
        if not taken and doc_id not in self._queued_doc_ids:
            return doc_id
        return f"{doc_id[:MAX_NAME - 9]}-{sha1_hex(identity.encode('utf-8', 'surrogatepass'))[:8]}"

    def _path_for(self, site: str, doc_id: str) -> str:
        """site/doc_id.txt, checked to stay inside the store (defence in depth: safe_name ensures it)."""
        path = f"{site}/{doc_id}.txt"
        if not (SAFE_NAME.fullmatch(site) and SAFE_NAME.fullmatch(doc_id) and ".." not in path):
            raise StoreError(f"refusing to write {path!r}: not a safe name")
        if site not in self._checked_sites:    # a planted symlink must not lead outside
            folder = self.root / site
            folder.mkdir(exist_ok=True)
            if folder.resolve().parent != self._root_resolved:
                raise StoreError(f"refusing to write into {folder}: it leads outside {self.root}")
            self._checked_sites.add(site)
        return path

    def _keep_new(self, doc: dict, fp: Fingerprint, content: bytes, cluster: int) -> Outcome:
        doc.update(status="kept", cluster=cluster, path=self._path_for(doc["site"], doc["doc_id"]))
        self._begin()
        self._write_file(doc["path"], content)
        self._insert(doc)
        self._index_kept(doc, fp)
        self._added()
        self._counts["kept"] += 1
        return Outcome("kept", doc["doc_id"], doc["path"])

    def _replace(self, doc: dict, fp: Fingerprint, content: bytes, losers: list[tuple[int, Held]]) -> Outcome:
        cluster = losers[0][1][5]
        doc.update(status="kept", cluster=cluster, path=self._path_for(doc["site"], doc["doc_id"]))
        self._begin()
        self._write_file(doc["path"], content)
        replaced = []
        for n, _ in losers:
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

    def _record_dup(self, doc: dict, held: Held, match: dedup.Match) -> Outcome:
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
        held = self._held(n)
        doc.update(n=n, doc_id=doc_id, path=path, cluster=cluster, status="kept", seq=held[0].seq)
        self._begin()
        self._write_file(path + ".new", content)
        self._unindex(n)
        fields = ("title", "url", "exact_key", "content", "chars", "partial", "unrecovered", "script", "sha1",
                  "sig", "changes", "metadata", "anchors")
        self.db.execute(f"UPDATE docs SET {', '.join(f + '=?' for f in fields)} WHERE n=?",
                        (*(doc[f] for f in fields), n))
        self._rows.add(None, None, doc["exact_key"])
        self._index_kept(doc, fp)
        self._added()
        self._counts["replaced"] += 1
        return Outcome("replaced", doc_id, path, replaced=(doc_id,))
