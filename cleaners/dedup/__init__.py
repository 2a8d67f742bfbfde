"""Duplicate detection: the folded text key, MinHash signatures, exact verification, copy ranking.

Everything here is pure (no I/O); `cleaners.store` keeps the persistent index.

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
  * DEFAULT_THRESHOLD = 0.6, from measurement on the gold texts (tests/dedup_corpus.py):
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

import sys
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import xxhash

from cleaners.chars.t2s import convert_alone, t2s

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
MIN_SHINGLES = 8                     # below this a text is matched by its exact key only
PARAMS = f"ngram={NGRAM};perm={NUM_PERM};bands={BANDS};seed={SEED};fold=2"

_TABLE_LIMIT = 0x30000               # planes 0-2 hold every Han character we meet
_P = np.uint64(0x100000001B3)
_MIX = np.uint64(0x9E3779B97F4A7C15)


# Character classes of folded characters, by code point (planes 0-2; beyond is kept as is).
_DROP, _KEEP, _LATIN, _HAN = 0, 1, 2, 3
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x30000))


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-code-point tables (planes 0-2), built once in ~0.4 s, so folding is a few numpy passes:

    fold         NFKC + lower case of the character when that is one code point; 0 when the
                 result is not a letter or digit (whitespace, punctuation, symbols: dropped)
    tricky       NFKC is not a per-character map here (expands, composes, reorders): texts
                 holding one go through unicodedata.normalize first
    classes      keep / Latin letter / Han, of folded characters
    traditional  t2s would change this (folded) character
    """
    size = _TABLE_LIMIT + 1
    fold_map = np.zeros(size, dtype=np.uint32)
    tricky = np.zeros(size, dtype=bool)
    classes = np.full(size, _KEEP, dtype=np.uint8)
    for cp in range(_TABLE_LIMIT):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        norm = unicodedata.normalize("NFKC", ch).lower()
        if len(norm) != 1 or unicodedata.category(ch)[0] == "M" or 0x1100 <= cp < 0x1200 or 0xAC00 <= cp < 0xD7B0:
            tricky[cp] = True
        if len(norm) == 1 and unicodedata.category(norm)[0] in "LN":
            fold_map[cp] = ord(norm)
    for lo, hi in ((0x41, 0x5B), (0x61, 0x7B), (0xC0, 0x250), (0x1E00, 0x1F00)):
        classes[lo:hi] = _LATIN
    traditional = np.zeros(size, dtype=bool)
    for lo, hi in _HAN_RANGES:
        classes[lo:hi] = _HAN
        chars = [chr(cp) for cp in range(lo, hi)]
        alone = convert_alone("t2s", chars)
        traditional[lo:hi] = [a != c for a, c in zip(alone, chars)]
    return fold_map, tricky, classes, traditional


_CLASS_BITS, _TRADITIONAL = np.uint8(3), np.uint8(4)


@lru_cache(maxsize=1)
def _class_info() -> np.ndarray:
    """classes | _TRADITIONAL in one table: one lookup per character instead of two."""
    _, _, classes, traditional = _tables()
    return classes | (traditional.astype(np.uint8) << 2)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _folded(text: str) -> np.ndarray:
    """Folded code points of one text, script not yet converted."""
    fold_map, tricky, _, _ = _tables()
    codes = _codes(text)
    if len(codes) and codes.max() >= _TABLE_LIMIT:       # planes 3+: kept as they are
        codes = _codes(unicodedata.normalize("NFKC", text).lower())
        folded = np.where(codes >= _TABLE_LIMIT, codes, fold_map[np.minimum(codes, _TABLE_LIMIT)])
        return folded[folded != 0]
    if tricky[codes].any():
        codes = _codes(unicodedata.normalize("NFKC", text).lower())
    folded = fold_map[codes]
    return folded[folded != 0]


_PACKED_TRICKY = np.uint32(1 << 31)
_PACKED_CODE = np.uint32((1 << 24) - 1)
_PACKED_SHIFT = np.uint32(24)
_LITTLE_ENDIAN = sys.byteorder == "little"       # then a packed entry's top byte is its facts


@lru_cache(maxsize=1)
def _packed() -> np.ndarray:
    """`fold`, `tricky` and the folded character's class facts in one uint32 per code point
    (folded code point in bits 0-23, _class_info of it in bits 24-26, tricky in bit 31; 0 for a
    dropped character), so the common text is folded and classified by one table lookup."""
    fold_map, tricky, _, _ = _tables()
    facts = _class_info()[np.minimum(fold_map, _TABLE_LIMIT)].astype(np.uint32)
    packed = np.where(fold_map != 0, fold_map | (facts << _PACKED_SHIFT), 0).astype(np.uint32)
    packed[tricky] = _PACKED_TRICKY
    return packed


def _streams(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(folded code points, shingled code points); see the module doc for both."""
    return _packed_streams(text) or _general_streams(text)


def _packed_streams(text: str) -> tuple[np.ndarray, np.ndarray] | None:
    """`_streams` by one packed-table lookup, for text of planes 0-2 without tricky or
    Traditional characters (nearly all input); None for any other text."""
    codes = _codes(text)
    if not len(codes) or codes.max() >= _TABLE_LIMIT:
        return None
    packed = _packed().take(codes)
    if packed.max() >= _PACKED_TRICKY:
        return None
    packed = packed[packed != 0]
    facts = packed.view(np.uint8)[3::4] if _LITTLE_ENDIAN else (packed >> _PACKED_SHIFT).astype(np.uint8)
    if (facts & _TRADITIONAL).any():
        return None
    return _split_latin(packed & _PACKED_CODE, facts)


def _general_streams(text: str) -> tuple[np.ndarray, np.ndarray]:
    """`_streams` for any text.

    OpenCC runs only when the text holds a character t2s would change: most input is
    already Simplified, and the conversion is the most expensive step of the fold.
    """
    info = _class_info()
    folded = _folded(text)
    facts = info[np.minimum(folded, _TABLE_LIMIT)]
    if (facts & _TRADITIONAL).any():
        folded = _folded(t2s().convert(text))
        facts = info[np.minimum(folded, _TABLE_LIMIT)]
    return _split_latin(folded, facts)


def _split_latin(folded: np.ndarray, facts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(folded, shingled): Latin letters leave the shingled stream of a Han-dominant text."""
    cls = facts & _CLASS_BITS
    latin = cls == _LATIN
    n_latin = np.count_nonzero(latin)
    if n_latin:                          # else no Han count needed (most texts)
        han = np.count_nonzero(cls == _HAN)
        if han and han * 2 >= len(cls) - n_latin:
            return folded, folded[~latin]
    return folded, folded


def fold(text: str) -> str:
    """The folded text: what the exact key hashes."""
    return _streams(text)[0].tobytes().decode("utf-32-le", "surrogatepass")


def shingle_hashes(codes: np.ndarray) -> np.ndarray:
    """64-bit hashes of every character 5-gram, in text order (repeats kept)."""
    if len(codes) == 0:
        return np.zeros(0, dtype=np.uint64)
    wide = codes.astype(np.uint64)
    count = max(len(wide) - NGRAM + 1, 1)
    h = wide[:count].copy()
    with np.errstate(over="ignore"):
        for k in range(1, min(NGRAM, len(wide))):
            h *= _P
            h ^= wide[k:k + count]
        h *= _MIX
        h ^= h >> np.uint64(32)
    return h


def signatures(hash_rows: list[np.ndarray]) -> np.ndarray:
    """R-MinHash signatures (uint32 [n, NUM_PERM]) of several shingle-hash arrays at once."""
    import rensa
    if not hash_rows:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    offsets = np.zeros(len(hash_rows) + 1, dtype=np.uint64)
    np.cumsum([len(r) for r in hash_rows], out=offsets[1:])
    flat = np.concatenate(hash_rows) if len(hash_rows) > 1 else hash_rows[0]
    matrix = rensa.RMinHash.digest_matrix_from_flat_token_hashes(flat, offsets, NUM_PERM, SEED)
    return np.asarray(matrix.to_rows(), dtype=np.uint32).reshape(len(hash_rows), NUM_PERM)


def prefix_anchors(hashes: np.ndarray) -> np.ndarray:
    """The first PREFIX_ANCHORS sampled shingle hashes (int64, for SQLite), unique, in text order."""
    wanted = PREFIX_ANCHORS * 4
    head = hashes[:wanted * 64]                 # ~64 shingles per sample: usually enough
    sampled = head[(head & ANCHOR_MASK) == 0]
    if len(sampled) < wanted and len(head) < len(hashes):
        sampled = hashes[(hashes & ANCHOR_MASK) == 0]
    first = list(dict.fromkeys(sampled[:wanted].view(np.int64).tolist()))[:PREFIX_ANCHORS]
    return np.array(first, dtype=np.int64)


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
        self.__dict__["unique"] = _sorted_set(shingle_hashes(_streams(text)[1]))

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


def _unpickle_fingerprint(key: bytes, content: int, anchors: bytes, arrays: dict[str, bytes]) -> Fingerprint:
    fp = Fingerprint(key, content, None, None, np.frombuffer(anchors, dtype=np.int64))
    fp.__dict__.update((name, np.frombuffer(raw, dtype=_ARRAY_TYPES[name])) for name, raw in arrays.items())
    return fp


def fingerprint(text: str, signature: np.ndarray | None = None) -> Fingerprint:
    """Fold, shingle and sign one text (pass `signature` when it is already known)."""
    folded, stream = _streams(text)
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
        folded, stream = _streams(text)
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


# ---------------------------------------------------------------------------- LSH

_BAND_SALT = np.arange(1, BANDS + 1, dtype=np.uint64) * _MIX
assert ROWS % 2 == 0, "band keys read a band as ROWS/2 uint64 words"


def band_key_matrix(sigs: np.ndarray) -> np.ndarray:
    """uint64 [n, BANDS]: one key per band of each signature, a 64-bit mix of the band's ROWS
    values and the band number.

    Equal bands always give equal keys, so banding never misses a candidate; two different
    bands sharing a key (chance ~2^-64) only add a candidate, which exact verification
    rejects.  The keys are not stored: the index is rebuilt from the signatures on every open.
    """
    pairs = np.ascontiguousarray(sigs, dtype=np.uint32).view(np.uint64).reshape(-1, BANDS, ROWS // 2)
    h = pairs[:, :, 0] * _P            # array arithmetic wraps silently (no errstate needed)
    for r in range(1, ROWS // 2):
        h ^= pairs[:, :, r]
        h *= _P
    h ^= _BAND_SALT
    h *= _MIX
    h ^= h >> np.uint64(32)
    return h


def band_keys(signature: np.ndarray) -> list[int]:
    """The BANDS band keys of one signature."""
    return band_key_matrix(signature).ravel().tolist()


class KeyIndex:
    """Multimap of 64-bit keys to integer ids: which ids were indexed under any of some keys
    (LSH band keys, prefix anchors).

    Most entries sit in one sorted uint64 array of keys with a parallel array of ids (16 bytes
    an entry; 100k documents x 32 bands = 51 MB, where a dict of Python ints took ~200 MB).
    A directory of bucket starts (the top bits of a key -> its first position, about one entry
    a bucket) finds a key's run with two cache misses, where a binary search of the 3M-entry
    array cost ~1 us a key in cache misses.  New entries wait in a small dict and are merged in
    bulk.  Removed entries become tombstones (-1) until the next merge.
    """

    MERGE_AT = 1 << 18       # pending entries before a merge (~8,000 documents, ~16 MB of dict;
                             # a merge copies the whole array: ~60 ms at 100k documents)
    MAX_RUN = 64             # a bucket wider than this (many equal keys) is binary-searched

    def __init__(self) -> None:
        self._keys = np.zeros(0, dtype=np.uint64)
        self._ids = np.zeros(0, dtype=np.int64)
        self._tombstones = 0
        self._build_directory()
        self._pending: dict[int, int | list[int]] = {}
        self._pending_count = 0
        self.generation = 0      # counts changes of the sorted arrays: a `batch` made before is stale

    def extend(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Index many (key, id) pairs at once (e.g. on open): one sort, no per-entry Python work."""
        if len(keys):
            self._merge(np.asarray(keys, dtype=np.uint64), np.asarray(ids, dtype=np.int64))

    def insert(self, id_: int, keys: np.ndarray) -> None:
        """Index one id under its keys."""
        pending, key_list = self._pending, keys.tolist()
        if pending.keys().isdisjoint(key_list):       # the usual case: no key seen in this batch
            pending.update(dict.fromkeys(key_list, id_))
        else:
            for key in key_list:
                held = pending.get(key)
                if held is None:
                    pending[key] = id_
                elif isinstance(held, list):
                    held.append(id_)
                else:
                    pending[key] = [held, id_]
        self._pending_count += len(key_list)
        if self._pending_count >= self.MERGE_AT:
            self._merge_pending()

    def discard(self, id_: int, keys: np.ndarray) -> None:
        """Forget id_ under these keys (the ones it was inserted with)."""
        pending = self._pending
        for key in keys.tolist():
            held = pending.get(key)
            if held == id_:
                del pending[key]
                self._pending_count -= 1
            elif isinstance(held, list) and id_ in held:
                held.remove(id_)
                self._pending_count -= 1
                if len(held) == 1:
                    pending[key] = held[0]
            else:
                at, _ = self._positions(np.array([key], dtype=np.uint64))
                at = at[self._ids[at] == id_]
                self._ids[at] = -1
                self._tombstones += len(at)
                self.generation += 1

    def find(self, keys: np.ndarray) -> set[int]:
        """Ids indexed under at least one of `keys`."""
        at, _ = self._positions(keys)
        found: set[int] = set(self._ids[at].tolist())
        found.discard(-1)
        self._add_pending(keys.tolist(), found.update, found.add)
        return found

    def find_all(self, keys: np.ndarray) -> list[int]:
        """Ids indexed under each of `keys`, an id once per key it shares (to count shared keys)."""
        at, _ = self._positions(keys)
        found = [i for i in self._ids[at].tolist() if i >= 0]
        self._add_pending(keys.tolist(), found.extend, found.append)
        return found

    def batch(self, key_rows: np.ndarray) -> "BatchQuery":
        """`find` for several rows of keys (uint64 [n, k]), looked up in the sorted arrays in one pass."""
        return BatchQuery(self, key_rows)

    def _add_pending(self, key_list: list[int], add_many, add_one) -> None:
        pending = self._pending
        if pending:
            for key in pending.keys() & key_list:
                held = pending[key]
                if isinstance(held, list):
                    add_many(held)
                else:
                    add_one(held)

    def _merge_pending(self) -> None:
        keys, ids = [], []
        for key, held in self._pending.items():
            if isinstance(held, list):
                keys.extend([key] * len(held))
                ids.extend(held)
            else:
                keys.append(key)
                ids.append(held)
        self._pending.clear()
        self._pending_count = 0
        self._merge(np.array(keys, dtype=np.uint64), np.array(ids, dtype=np.int64))

    def _merge(self, keys: np.ndarray, ids: np.ndarray) -> None:
        order = np.argsort(keys)          # order among equal keys does not matter
        keys, ids = keys[order], ids[order]
        old_keys, old_ids = self._keys, self._ids
        if self._tombstones:
            live = old_ids >= 0
            old_keys, old_ids, self._tombstones = old_keys[live], old_ids[live], 0
        at = np.searchsorted(old_keys, keys, side="right")
        self._keys = np.insert(old_keys, at, keys)
        self._ids = np.insert(old_ids, at, ids)
        self._build_directory()
        self.generation += 1

    def _build_directory(self) -> None:
        """Bucket starts for the sorted keys: 2^bits buckets by the keys' top bits, bits such
        that a bucket holds about one entry (8 bytes a bucket: <= 16 MB at 100k documents)."""
        bits = max(1, int(len(self._keys)).bit_length())
        self._shift = np.uint64(64 - bits)
        counts = np.bincount((self._keys >> self._shift).astype(np.intp), minlength=1 << bits)
        self._starts = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=self._starts[1:])

    def _positions(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in the sorted arrays of every entry whose key is one of `keys`, the index
        in `keys` of each one's key), in the order of `keys`."""
        bucket = (keys >> self._shift).astype(np.intp)
        lo, hi = self._starts[bucket], self._starts[bucket + 1]
        width = int((hi - lo).max(initial=0))
        if width == 0:
            return lo[:0], lo[:0]
        if width > self.MAX_RUN:
            lo, hi = np.searchsorted(self._keys, keys, "left"), np.searchsorted(self._keys, keys, "right")
            counts = hi - lo
            which = np.repeat(np.arange(len(keys)), counts)
            run_starts = np.repeat(np.cumsum(counts) - counts, counts)
            return np.repeat(lo, counts) + np.arange(len(which)) - run_starts, which
        at = lo[:, None] + np.arange(width)
        inside = at < hi[:, None]
        at = np.where(inside, at, 0)
        which, offset = np.nonzero(inside & (self._keys[at] == keys[:, None]))
        return at[which, offset], which


class BatchQuery:
    """`KeyIndex.find` for the rows of keys of several documents added one after another.

    The sorted arrays are searched for all rows at once (one set of numpy calls instead of one
    per document: ~60 us a document less); the pending entries, which the documents added
    in between change, are looked up when a row's answer is asked for.  Should the sorted
    arrays change in between (a merge or a removal), the row is searched again, so the answer
    is always the one `find` would give at that moment.
    """

    def __init__(self, index: KeyIndex, key_rows: np.ndarray) -> None:
        self._index, self._rows, self._generation = index, key_rows, index.generation
        at, which = index._positions(key_rows.ravel())
        ids, owner = index._ids[at].tolist(), (which // key_rows.shape[1]).tolist()
        self._found: list[set[int]] = [set() for _ in range(len(key_rows))]
        for row, id_ in zip(owner, ids):
            self._found[row].add(id_)

    def find(self, row: int) -> set[int]:
        index = self._index
        if index.generation != self._generation:
            return index.find(self._rows[row])
        found = set(self._found[row])
        found.discard(-1)
        index._add_pending(self._rows[row].tolist(), found.update, found.add)
        return found


class LSHIndex(KeyIndex):
    """Banded index of integer doc keys: which documents share a band with a signature.

    The methods taking `bands` expect `band_key_matrix(signature).ravel()` (`Fingerprint.bands`,
    computed where the signature is, e.g. in a worker process).
    """

    def add_many(self, keys, sigs) -> None:
        """Index many documents at once (e.g. on open)."""
        sigs = np.asarray(sigs, dtype=np.uint32).reshape(-1, NUM_PERM)
        self.extend(band_key_matrix(sigs).ravel(), np.repeat(np.asarray(keys, dtype=np.int64), BANDS))

    def add(self, key: int, sig: np.ndarray) -> None:
        self.insert(key, band_key_matrix(sig).ravel())

    def remove(self, key: int, sig: np.ndarray) -> None:
        self.discard(key, band_key_matrix(sig).ravel())

    def query(self, sig: np.ndarray) -> set[int]:
        return self.find(band_key_matrix(sig).ravel())

    def query_bands(self, bands: np.ndarray) -> set[int]:
        """Keys of the documents sharing at least one band key with `bands`."""
        return self.find(bands)


# ---------------------------------------------------------------------------- ranking

@dataclass(frozen=True)
class CopyInfo:
    """What decides which copy of a document is kept."""

    partial: bool
    content: int
    unrecovered: int
    seq: int


def rank(copy: CopyInfo) -> tuple:
    """Smaller is better: full before preview, more content, fewer unrecovered chars, earlier."""
    return (copy.partial, -copy.content, copy.unrecovered, copy.seq)


def better(a: CopyInfo, b: CopyInfo) -> bool:
    return rank(a) < rank(b)
