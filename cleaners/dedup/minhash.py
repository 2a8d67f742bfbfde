"""MinHash signatures and exact verification: the `Fingerprint` of a text (exact key, shingle
hashes, signature, prefix anchors), the cheap signature screen, and the exact Jaccard and
containment comparison that alone declares a duplicate.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import rensa
import xxhash

from cleaners.dedup.index import band_key_matrix
from cleaners.dedup.params import (DEFAULT_CONTAINMENT, DEFAULT_THRESHOLD, ESTIMATE_MARGIN, MIN_SHINGLES,
                                   NUM_PERM, SEED)
from cleaners.dedup.shingles import code_streams, prefix_anchors, shingle_hashes


def signatures(hash_rows: list[np.ndarray]) -> np.ndarray:
    """R-MinHash signatures (uint32 [n, NUM_PERM]) of several shingle-hash arrays at once."""
    if not hash_rows:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    offsets = np.zeros(len(hash_rows) + 1, dtype=np.uint64)
    np.cumsum([len(r) for r in hash_rows], out=offsets[1:])
    flat = np.concatenate(hash_rows) if len(hash_rows) > 1 else hash_rows[0]
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
    return np.asarray(matrix.to_rows(), dtype=np.uint32).reshape(len(hash_rows), NUM_PERM)


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """Everything the index needs to know about one text."""

    key: bytes                      # xxh3-128 of the folded text: the exact-duplicate key
    content: int                    # characters in the shingled stream ("more content")
    hashes: np.ndarray | None       # shingle hashes in text order (None in a `bare` copy)
    signature: np.ndarray | None    # uint32[NUM_PERM]; None when too short for near-dup
    anchors: np.ndarray             # prefix anchors (int64)

    @property
    def near(self) -> bool:
        return self.signature is not None

    def bare(self) -> "Fingerprint":
        """A copy for sending from a worker process: key, signature, LSH band keys and anchors,
        without the shingle hashes (~45 KB of a 60 KB document to pickle, pipe and unpickle);
        the store gives it its shingle set again (`reshingle`) only for the few documents it
        verifies."""
        copy = Fingerprint(self.key, self.content, None, self.signature, self.anchors)
        if self.near:
            copy.__dict__["bands"] = self.bands
        return copy

    def reshingle(self, text: str) -> None:
        """Make a `bare` fingerprint of `text` verifiable again: its shingle set, from the text."""
        self.__dict__["unique"] = _sorted_set(shingle_hashes(code_streams(text)[1]))

    @classmethod
    def for_verifying(cls, text: str, signature: np.ndarray | None) -> "Fingerprint":
        """A fingerprint of `text` that serves `verify` alone (its signature, `content` and
        shingle set), for a kept document read back from its file: no exact key and no prefix
        anchors (~20 % of `fingerprint`'s time), the hashes kept only as their sorted set."""
        stream = code_streams(text)[1]
        hashes = shingle_hashes(stream)
        fp = object.__new__(cls)         # the frozen dataclass's __init__ is a setattr a field
        fp.__dict__.update(key=b"", content=len(stream), hashes=None, anchors=_NO_ANCHORS,
                           signature=signature if len(hashes) >= MIN_SHINGLES else None,
                           unique=_sorted_set(hashes))
        return fp

    @property
    def verifiable(self) -> bool:
        return self.hashes is not None or "unique" in self.__dict__

    @cached_property
    def bands(self) -> np.ndarray:
        """The LSH band keys of the signature (uint64[BANDS]); only for a `near` fingerprint."""
        return band_key_matrix(self.signature).ravel()

    @cached_property
    def unique(self) -> np.ndarray:
        """The shingle set, sorted: what exact verification compares."""
        return _sorted_set(self.hashes)

    def __reduce__(self):
        """Pickle the arrays as raw bytes, rebuilt as views of them: half the cost of numpy's
        own array pickling each way, paid for every document a worker sends to the writer."""
        arrays = {name: value.tobytes() for name, value in self.__dict__.items()
                  if isinstance(value, np.ndarray) and name != "anchors"}
        return _unpickle_fingerprint, (self.key, self.content, self.anchors.tobytes(), arrays)


_ARRAY_TYPES = {"hashes": np.uint64, "signature": np.uint32, "unique": np.uint64, "bands": np.uint64}


_NO_ANCHORS = np.zeros(0, dtype=np.int64)
_NO_ANCHORS.flags.writeable = False       # shared: nobody may change it


def _unpickle_fingerprint(key: bytes, content: int, anchors: bytes, arrays: dict[str, bytes]) -> Fingerprint:
    """Built without the frozen dataclass's __init__ (an `object.__setattr__` a field): the
    store's thread unpickles one for every document a worker sends."""
    fp = object.__new__(Fingerprint)
    fp.__dict__.update(key=key, content=content, hashes=None, signature=None,
                       anchors=np.frombuffer(anchors, dtype=np.int64))
    for name, raw in arrays.items():
        fp.__dict__[name] = np.frombuffer(raw, dtype=_ARRAY_TYPES[name])
    return fp


def fingerprint(text: str, signature: np.ndarray | None = None) -> Fingerprint:
    """Fold, shingle and sign one text (pass `signature` when it is already known)."""
    folded, stream = code_streams(text)
    key = xxhash.xxh3_128_digest(folded.tobytes())
    hashes = shingle_hashes(stream)
    if len(hashes) < MIN_SHINGLES:
        return Fingerprint(key, len(stream), hashes, None, np.zeros(0, dtype=np.int64))
    if signature is None:
        signature = signatures([hashes])[0]
    return Fingerprint(key, len(stream), hashes, signature, prefix_anchors(hashes))


def fingerprints(texts: list[str]) -> list[Fingerprint]:
    """`fingerprint` for many texts, signing them in one rensa call (saves ~60 us a text) and
    computing their LSH band keys in one numpy pass (saves ~20 us a text)."""
    parts = []
    for text in texts:
        folded, stream = code_streams(text)
        parts.append((xxhash.xxh3_128_digest(folded.tobytes()), len(stream), shingle_hashes(stream)))
    signable = [h for _, _, h in parts if len(h) >= MIN_SHINGLES]
    sig_matrix = signatures(signable)
    sigs, bands = iter(sig_matrix), iter(band_key_matrix(sig_matrix))
    out = []
    for key, content, hashes in parts:
        if len(hashes) < MIN_SHINGLES:
            out.append(Fingerprint(key, content, hashes, None, np.zeros(0, dtype=np.int64)))
        else:
            fp = Fingerprint(key, content, hashes, next(sigs), prefix_anchors(hashes))
            fp.__dict__["bands"] = next(bands)
            out.append(fp)
    return out


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def _sorted_set(values: np.ndarray) -> np.ndarray:
    """np.unique by sorting (numpy 2's hash-based unique is ~5x slower on 64-bit hashes)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def _intersection(ua: np.ndarray, ub: np.ndarray) -> int:
    """|A ∩ B| of two sorted unique arrays: merged by a stable sort (timsort finds the two runs
    and merges them in linear time), a common value then sits twice in a row.  ~40 % faster
    than a binary search of one array in the other."""
    if not (len(ua) and len(ub)):
        return 0
    merged = np.concatenate((ua, ub))
    merged.sort(kind="stable")
    return int(np.count_nonzero(merged[1:] == merged[:-1]))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard of two shingle-hash sets."""
    ua, ub = _sorted_set(a), _sorted_set(b)
    inter = _intersection(ua, ub)
    union = len(ua) + len(ub) - inter
    return inter / union if union else 1.0


def containment(part: np.ndarray, whole: np.ndarray) -> float:
    """Exact share of `part`'s shingles found in `whole`."""
    ua = _sorted_set(part)
    return _intersection(ua, _sorted_set(whole)) / len(ua) if len(ua) else 1.0


def worth_verifying(a_sig: np.ndarray, a_content: int, a_partial: bool, b_sig: np.ndarray, b_content: int,
                    b_partial: bool, threshold: float = DEFAULT_THRESHOLD, contain: float = DEFAULT_CONTAINMENT) -> bool:
    """The cheap screen before an exact comparison: is the signature estimate anywhere near a threshold?

    Containment of the smaller in the larger is guessed from the Jaccard estimate and the
    stream sizes (C = J (|A|+|B|) / ((1+J) |A|)); it only counts when the smaller is a preview.
    """
    est = estimate_jaccard(a_sig, b_sig)
    if est >= threshold - ESTIMATE_MARGIN:
        return True
    small, large, small_partial = (a_content, b_content, a_partial) if a_content <= b_content \
        else (b_content, a_content, b_partial)
    if not small_partial:
        return False
    return min(1.0, est * (small + large) / ((1 + est) * max(small, 1))) >= contain - 2 * ESTIMATE_MARGIN


@dataclass(frozen=True)
class Match:
    kind: str        # "exact" (same folded text; the store's) | "jaccard" | "containment"
    score: float


def verify(a: Fingerprint, b: Fingerprint, a_partial: bool, b_partial: bool,
           threshold: float = DEFAULT_THRESHOLD, contain: float = DEFAULT_CONTAINMENT,
           screen: bool = True) -> Match | None:
    """Are a and b the same document?  Exact set comparison, after a cheap signature screen.

    Jaccard >= threshold, or, when the smaller one is a preview, containment of it in the
    larger >= `contain`.  `screen=False` skips the signature screen (brute-force reference).
    """
    if not (a.near and b.near):
        return None
    if screen and not worth_verifying(a.signature, a.content, a_partial, b.signature, b.content, b_partial,
                                      threshold, contain):
        return None
    small, large, small_partial = (a, b, a_partial) if a.content <= b.content else (b, a, b_partial)
    n_small, n_large = len(small.unique), len(large.unique)
    inter = _intersection(small.unique, large.unique)
    union = n_small + n_large - inter
    j = inter / union if union else 1.0
    if j >= threshold:
        return Match("jaccard", j)
    if small_partial and n_small and inter / n_small >= contain:
        return Match("containment", inter / n_small)
    return None
