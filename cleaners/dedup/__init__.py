"""Duplicate detection: the folded text key, MinHash signatures, exact verification, copy ranking.

Everything here is pure (no I/O); `cleaners.store` keeps the persistent index.

Modules, lowest first: params (every parameter and threshold), shingles (folding, the code
streams, shingle hashes, prefix anchors), index (LSH band keys, KeyIndex, LSHIndex), minhash
(signatures, Fingerprint, exact verification), ranking (which copy wins).  The names the rest
of the project uses are re-exported here.

Folding (`fold`, used for every key, never for the written text):
  OpenCC t2s -> NFKC -> lower case -> keep only letters and digits (whitespace, punctuation
  and symbols go), so copies that differ only in script, spacing or punctuation width fold
  to the same string and share one exact key (xxh3-128 of the folded text).

Near duplicates:
  * shingles are character 5-grams of the folded text; in a Han-dominant text the Latin
    letters are dropped first (Han-dominant = at least half of the non-Latin characters are
    Han), because pinyin annotations ("教育(jiào yù)") are the main way mirrors of one
    document differ and carry no content of their own;
  * 128-permutation R-MinHash signatures (rensa) over numpy-hashed shingles;
  * LSH with 32 bands x 4 rows: P(candidate) = 1-(1-J^4)^32 is 0.988 at J = 0.6, 0.9998 at
    0.7 and 0.23 at 0.3, so at the default threshold the banding misses almost nothing; the many
    extra candidates are cheap because each is first screened by the signature estimate and
    only then verified with the real Jaccard of the two shingle sets.  A duplicate is only
    ever declared after that exact verification, so LSH false positives never drop a text.
    The store's LSH look-ups leave out a band key held by more than CROWDED_BAND kept
    documents (a crowded bucket, a template's wording): what that can miss is measured in
    cleaners/store/matching.py's module doc.
  * DEFAULT_THRESHOLD = 0.6, from measurement on the gold texts (tests/support/dedup_corpus.py):
    copies with 5 / 10 / 20 % of their sentences replaced, dropped or added have Jaccard
    0.81-0.94 / 0.70-0.85 / 0.66-0.77, script-flipped, pinyin-annotated and re-titled copies
    1.0, while county reports written from one template (50-70 % of the sentences shared,
    own names and figures) score 0.33-0.44.  0.6 keeps every edit up to 20 % and a margin of
    0.16 above the template siblings (data-juicer's 0.7 would split most 20 % edits).

Containment: a preview (`partial`) whose shingles lie for >= DEFAULT_CONTAINMENT inside a
fuller copy is a duplicate of it.  Candidates come from prefix anchors: the first
PREFIX_ANCHORS shingle hashes whose low bits are zero (content-defined sampling, so a prefix
of a text yields the same anchors as the text).  Previews are the first pages of a document
(see research/sites.md), so this finds them whichever copy arrives first; a preview that
holds most of the text is also caught by Jaccard.

Which copy wins (`rank`): not partial over partial, then more content (near-dup stream
characters), then fewer unrecovered characters, then the earlier arrival.
"""
from __future__ import annotations

from cleaners.dedup.index import BatchQuery, KeyIndex, LSHIndex, band_key_matrix, band_keys
from cleaners.dedup.minhash import (Fingerprint, Match, containment, estimate_jaccard, fingerprint, fingerprints,
                                    jaccard, signatures, verify, worth_verifying)
from cleaners.dedup.params import (BANDS, DEFAULT_CONTAINMENT, DEFAULT_THRESHOLD, MIN_SHINGLES, NGRAM, NUM_PERM,
                                   PARAMS, ROWS)
from cleaners.dedup.ranking import CopyInfo, better, rank
from cleaners.dedup.shingles import code_streams, fold, prefix_anchors, shingle_hashes

__all__ = [
    "BANDS", "DEFAULT_CONTAINMENT", "DEFAULT_THRESHOLD", "MIN_SHINGLES", "NGRAM", "NUM_PERM", "PARAMS", "ROWS",
    "code_streams", "fold", "prefix_anchors", "shingle_hashes",
    "BatchQuery", "KeyIndex", "LSHIndex", "band_key_matrix", "band_keys",
    "Fingerprint", "Match", "containment", "estimate_jaccard", "fingerprint", "fingerprints", "jaccard",
    "signatures", "verify", "worth_verifying",
    "CopyInfo", "better", "rank",
]
