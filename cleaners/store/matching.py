"""Finding what a new document duplicates: the row of its identity, kept documents with its
exact key, LSH and prefix-anchor candidates, each near candidate verified.

Crowded buckets (dedup.params.CROWDED_BAND, applied by the LSH key file's look-ups,
disk_keys.PendingKeys): a band key held by more than CROWDED_BAND kept documents yields none of
them, as a stop word yields no postings.  Why it rarely misses a near duplicate: a kept document
at Jaccard J >= the threshold (0.6) shares each of the 32 bands with probability J^4 >= 0.13,
four bands on average, and is missed only when *every* band it shares is crowded; a band is
crowded when its four minima fall on wording hundreds of kept documents hold (a template's),
while a near duplicate shares wording of its own too, whose bands few documents hold.  What it
costs, measured (issue 15) on 84,298 template siblings (bench_clean's fresh prose, each sharing
much wording with a fifth of the others; 3,903 verified near matches): the smallest bucket a
match shares held at most 174 documents, so at 256 nothing is lost there (same outcomes); a
limit of 128 would have lost 6 matches, 64 lost 31 (a run with 64: 7 of the 84,298 outcomes
differ, 6 pairs at exact J 0.61-0.70 not found), 16 lost 412.  Buckets grow with the store on such a corpus, so a fixed limit
misses more the larger the store (matches in buckets past 256 at ~1M documents of it); what it
buys is a bound on the candidates of any document (BANDS * CROWDED_BAND), not a flat cost below
it: there the candidates are the template siblings, and each costs a pread of its signature
(signature_file.py) and a numpy comparison."""
from __future__ import annotations

import functools
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Callable

import numpy as np

from cleaners import dedup
from cleaners.dedup import Fingerprint
from cleaners.dedup.params import ESTIMATE_MARGIN
from cleaners.store.kept_index import Held
from cleaners.store.row_filter import RowFilter
from cleaners.store.schema import LOOK_UP

ANCHOR_CANDIDATES = 16
# Up to this many near candidates, their facts are read in one statement and each screened on its
# own (most documents: a few); more (template siblings), `_screened` reads only their signatures
# and screens them together, and the facts of those it lets through come after.
SCREEN_ONE_BY_ONE = 8


@dataclass
class Lookups:
    """A document's key-file look-ups made ahead (`_batched_lookups`): functions answering
    its LSH candidates and the ids sharing its prefix anchors (None: look up when needed)."""

    lsh: Callable[[], set[int]] | None = None
    anchors: Callable[[], list[int]] | None = None


class MatchingMixin:
    """Part of `Store`: look-ups and verification.  Uses the kept documents' index (KeptIndexMixin:
    `_held`, `_helds`, `_signatures`, `_lsh`, `_anchors`, `_partial`, `_kept_in_cluster`, `_fingerprint_of`),
    `dedup`, `threshold`, `containment` (Store) and `_queued_keys` (BatchMixin)."""

    db: sqlite3.Connection
    dedup: bool
    threshold: float
    containment: float
    _queued_keys: dict[bytes, set[int]]
    _rows: RowFilter

    def _batched_lookups(self, fps: list[Fingerprint], partial: list[bool]) -> list[Lookups]:
        """Per fingerprint, its key-file look-ups made together with the others' (one pass over
        each file for a chunk of documents, not one per document and file): LSH candidates,
        and the prefix anchors it shares (with kept documents for a preview, kept previews
        for a full text).  Answered when called, with the changes made in between."""
        if not self.dedup:
            return [Lookups() for _ in fps]
        near = [k for k, fp in enumerate(fps) if fp.near]
        anchored = {table: [k for k, fp in enumerate(fps) if len(fp.anchors) and partial[k] == for_previews]
                    for table, for_previews in ((self._anchors, True), (self._partial, False))}
        lookups = [Lookups() for _ in fps]
        if near:
            batch = self._lsh.batch([fps[k].bands for k in near])
            for row, k in enumerate(near):
                lookups[k].lsh = functools.partial(batch.find, row)
        for table, members in anchored.items():
            if members:
                batch = table.batch([fps[k].anchors.view(np.uint64) for k in members])
                for row, k in enumerate(members):
                    lookups[k].anchors = functools.partial(batch.find_all, row)
        return lookups

    def _look_up(self, identity: str, doc_id: str, key: bytes) -> tuple[tuple | None, bool, set[int]]:
        """(the row of this identity, whether a row has this doc id, the clusters holding this
        exact key) in the committed and inserted rows: one statement (~10 us a document less
        than three); the caller adds the rows still queued for the writer thread (`_queued*`)."""
        existing, doc_id_taken, clusters = None, False, set()
        if not self._rows.may_hold(identity, doc_id, key):      # most documents: no row has any
            return existing, doc_id_taken, clusters
        for tag, *row in self.db.execute(LOOK_UP, (identity, doc_id, key)):
            if tag == 0:
                existing = tuple(row)
            elif tag == 1:
                doc_id_taken = True
            else:
                clusters.add(row[-1])
        return existing, doc_id_taken, clusters

    def _find(self, fp: Fingerprint, partial: bool, lookups: Lookups | None = None, body=None,
              clusters: set[int] | None = None) -> list[tuple[int, dedup.Match, Held]]:
        """Kept documents this text duplicates, best match first (exact key, then verified near
        dups), each with its facts.  `lookups`: its key-file look-ups from `_batched_lookups`
        (else made here); `body()`: the text, for a `bare` fingerprint's shingles when a
        candidate is verified; `clusters`: those of the exact key in SQLite, when `_look_up`
        found them already."""
        lookups = lookups or Lookups()
        found: dict[int, tuple[dedup.Match, Held]] = {}
        if clusters is None:
            clusters = {c for (c,) in self.db.execute("SELECT DISTINCT cluster FROM docs WHERE exact_key=?", (fp.key,))}
        for cluster in clusters | self._queued_keys.get(fp.key, set()):
            kept = self._kept_in_cluster(cluster)
            if kept is not None:
                found[kept] = (dedup.Match("exact", 1.0), self._held(kept))
        if fp.near:
            candidates = lookups.lsh() if lookups.lsh else self._lsh.query_bands(fp.bands)
            if partial or self._partial.any():
                candidates |= self._anchor_candidates(fp, partial, lookups.anchors)
            pending = sorted(candidates - found.keys())
            if len(pending) > SCREEN_ONE_BY_ONE:
                self._verify_screened(fp, partial, pending, body, found)
                pending = []
            helds = self._helds(pending) if pending else {}
            for n in pending:
                held = helds.get(n)
                if held is None or held[1] is None or not self._worth_verifying(fp, partial, held):
                    continue
                match = self._verified(fp, body, partial, n, held, held[0].partial)
                if match:
                    found[n] = (match, held)
        return sorted(((n, match, held) for n, (match, held) in found.items()), key=lambda item: (-item[1].score, item[0]))

    def _verified(self, fp: Fingerprint, body, partial: bool, n: int, held: Held | None,
                  other_partial: bool) -> dedup.Match | None:
        """The exact verification of kept document `n` (its facts `held`, or None when its
        shingle set is cached), the text's shingles taken first from `body()` when bare."""
        if not fp.verifiable:
            fp.reshingle(body())
        return dedup.verify(fp, self._fingerprint_of(n, held), partial, other_partial,
                            self.threshold, self.containment, screen=False)

    def _worth_verifying(self, fp: Fingerprint, partial: bool, held: tuple) -> bool:
        copy, signature = held[0], held[1]
        return dedup.worth_verifying(fp.signature, fp.content, partial, signature, copy.content, copy.partial,
                                     self.threshold, self.containment)

    def _verify_screened(self, fp: Fingerprint, partial: bool, pending: list[int], body,
                         found: dict[int, tuple[dedup.Match, Held]]) -> None:
        """Verify the candidates `_screened` lets through, adding the matches to `found`.  Their
        facts (a SQLite row each) are read only for those whose shingle set is not cached (the
        file is read then) and for those that match: on a corpus of template siblings most that
        pass the screen are siblings below the threshold met again and again (cached), and the
        rows of 2.8 of them a document cost ~90 us at 84,000 documents."""
        ids, partials = self._screened(fp, partial, pending)
        cache = self._cache
        helds = self._helds([n for n in ids if n not in cache]) if ids else {}
        matched: dict[int, dedup.Match] = {}
        for n, other_partial in zip(ids, partials):
            held = helds.get(n)
            if held is None and n not in cache:
                continue                      # no longer kept
            match = self._verified(fp, body, partial, n, held, other_partial)
            if match:
                matched[n] = match
        late = self._helds([n for n in matched if n not in helds]) if matched else {}
        for n, match in matched.items():
            held = helds.get(n) or late.get(n)
            if held is not None:
                found[n] = (match, held)

    def _screened(self, fp: Fingerprint, partial: bool, pending: list[int]) -> tuple[list[int], list[bool]]:
        """The candidates among `pending` (sorted) that `dedup.worth_verifying` lets through, in
        order, and whether each is a preview: every signature estimate in one numpy comparison, the scalar screen only where a
        preview's containment may still call it worth it.  A document of a template-heavy corpus
        has hundreds of candidates; one at a time they cost ~15 us each."""
        ids, partials, contents, signatures = self._signatures(pending)
        if not ids:
            return [], []
        estimates = np.count_nonzero(signatures == fp.signature, axis=1) / len(fp.signature)
        worth = estimates >= self.threshold - ESTIMATE_MARGIN
        for k in np.flatnonzero(~worth & (np.array(partials) | partial)).tolist():
            worth[k] = dedup.worth_verifying(fp.signature, fp.content, partial, signatures[k], contents[k],
                                             partials[k], self.threshold, self.containment)
        through = np.flatnonzero(worth).tolist()
        return [ids[k] for k in through], [partials[k] for k in through]

    def _anchor_candidates(self, fp: Fingerprint, partial: bool, anchor_lookup=None) -> set[int]:
        """Kept documents sharing >= 2 prefix anchors: any kept one for a preview, else only
        kept previews (a full copy may contain them); the ANCHOR_CANDIDATES sharing most
        (ties: the earlier)."""
        anchors = fp.anchors
        if not len(anchors):
            return set()
        need = min(2, len(anchors))
        shared = anchor_lookup() if anchor_lookup else \
            (self._anchors if partial else self._partial).find_all(anchors.view(np.uint64))
        if len(shared) < need:       # most documents share none: no Counter, no sort
            return set()
        counts = Counter(shared)
        if len(counts) <= ANCHOR_CANDIDATES:
            return {n for n, c in counts.items() if c >= need}
        ids = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))      # sorted in numpy: a template's
        hits = np.fromiter(counts.values(), dtype=np.int64, count=len(counts))   # previews share them by hundreds
        best = np.lexsort((ids, -hits))[:ANCHOR_CANDIDATES]
        return set(ids[best[hits[best] >= need]].tolist())
