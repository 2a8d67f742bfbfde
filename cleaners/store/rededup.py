"""Deduplicating an existing store again (written with --no-dedup, or for a new threshold)."""
from __future__ import annotations

import os
import sqlite3

import numpy as np

from cleaners import dedup
from cleaners.store.kept_index import HELD, held_of


class RededupMixin:
    """Part of `Store`: `rededup`.  Uses the look-ups (MatchingMixin), the kept documents'
    index (KeptIndexMixin), the open batch (BatchMixin) and `write_manifest` (Store)."""

    db: sqlite3.Connection

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
        order = np.fromiter((n for (n,) in self.db.execute("SELECT n FROM docs WHERE status='kept' ORDER BY seq")),
                            dtype=np.int64)
        counts = {"kept": 0, "exact_dup": 0, "near_dup": 0, "replaced": 0}
        self._begin()
        self._clear_index()
        # Not yet replayed: `replay`, so that look-ups see only the replayed kept documents.
        self.db.execute("UPDATE docs SET status='replay' WHERE status='kept'")
        for n in order.tolist():
            held = held_of(self.db.execute(HELD, (n,)).fetchone())
            copy, fp = held[0], self._read_fingerprint(held)
            doc = {"n": n, "doc_id": held[2], "path": held[3], "title": held[4], "cluster": held[5],
                   "partial": int(copy.partial), "content": copy.content, "unrecovered": copy.unrecovered,
                   "seq": copy.seq}
            matches = self._find(fp, copy.partial)
            if not matches:
                self._keep_again(doc, fp)
                continue
            _, match, winner = matches[0]
            if dedup.better(copy, winner[0]):
                for loser, _, loser_held in matches:
                    if dedup.better(copy, loser_held[0]):
                        self._demote(loser, doc["cluster"], "superseded", None)
                self._keep_again(doc, fp)
                counts["replaced"] += 1
            else:
                status = "exact_dup" if match.kind == "exact" else "near_dup"
                self._demote(n, winner[5], status, match, held=held)
                counts[status] += 1
        self._flush()
        self.write_manifest()
        counts["kept"] = len(self)
        return counts

    def _keep_again(self, doc: dict, fp) -> None:
        self.db.execute("UPDATE docs SET status='kept' WHERE n=?", (doc["n"],))
        self._index_kept(doc, fp, queued=False)

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
