"""The dedup parameters in one place: shingle size, signature and banding shape, thresholds.

PARAMS names the ones a store's signatures depend on; a store written with other values is
refused (cleaners.store), so change one only together with PARAMS.  Why these values: see
the package doc (cleaners/dedup/__init__.py).
"""
from __future__ import annotations

import numpy as np

NGRAM = 5
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 20240611
DEFAULT_THRESHOLD = 0.6
DEFAULT_CONTAINMENT = 0.8
PREFIX_ANCHORS = 8
ANCHOR_MASK = np.uint64(31)          # one shingle in 32 is an anchor candidate
ESTIMATE_MARGIN = 0.15               # > 3.5 sigma of a 128-perm estimate around J = 0.6
# An LSH band key held by more kept documents than this (a crowded bucket: the band of a
# template's wording) yields none of them as candidates, a bound on a document's LSH candidates
# (at most BANDS * CROWDED_BAND) whatever the corpus: see cleaners/store/matching.py's module
# doc for what it can miss.  Counted at each look-up, not stored: change it freely.
CROWDED_BAND = 256
MIN_SHINGLES = 8                     # below this a text is matched by its exact key only
PARAMS = f"ngram={NGRAM};perm={NUM_PERM};bands={BANDS};seed={SEED};fold=2"

# The 64-bit multiply-xor hashing of shingles and of LSH bands.
HASH_PRIME = np.uint64(0x100000001B3)
HASH_MIX = np.uint64(0x9E3779B97F4A7C15)
