"""Deduplicating an existing store again (written with --no-dedup, or for a new threshold)."""
from __future__ import annotations

import os
import sqlite3

from cleaners import dedup
from cleaners.dedup import CopyInfo


class RededupMixin:
    """Part of `Store`: `rededup`.  Uses the look-ups (MatchingMixin), the in-memory index
    (KeptIndexMixin), the open batch (BatchMixin) and `write_manifest` (Store)."""

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
