"""Folding a text and cutting it into shingles: the per-code-point tables, the folded and
shingled code streams, the shingle hashes and the prefix anchors sampled from them.

What folding keeps and why Latin letters leave a Han-dominant text's shingles: see the
package doc (cleaners/dedup/__init__.py).
"""
from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache

import numpy as np

from cleaners.chars.t2s import convert_alone, t2s
from cleaners.dedup.params import ANCHOR_MASK, HASH_MIX, HASH_PRIME, NGRAM, PREFIX_ANCHORS

_TABLE_LIMIT = 0x30000               # planes 0-2 hold every Han character we meet


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


def code_streams(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(folded code points, shingled code points); see the package doc for both."""
    return _packed_streams(text) or _general_streams(text)


def _packed_streams(text: str) -> tuple[np.ndarray, np.ndarray] | None:
    """`code_streams` by one packed-table lookup, for text of planes 0-2 without tricky or
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
    """`code_streams` for any text.

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
    return code_streams(text)[0].tobytes().decode("utf-32-le", "surrogatepass")


def shingle_hashes(codes: np.ndarray) -> np.ndarray:
    """64-bit hashes of every character 5-gram, in text order (repeats kept)."""
    if len(codes) == 0:
        return np.zeros(0, dtype=np.uint64)
    wide = codes.astype(np.uint64)
    count = max(len(wide) - NGRAM + 1, 1)
    h = wide[:count].copy()
    with np.errstate(over="ignore"):
        for k in range(1, min(NGRAM, len(wide))):
            h *= HASH_PRIME
            h ^= wide[k:k + count]
        h *= HASH_MIX
        h ^= h >> np.uint64(32)
    return h



def prefix_anchors(hashes: np.ndarray) -> np.ndarray:
    """The first PREFIX_ANCHORS sampled shingle hashes (int64, for SQLite), unique, in text order."""
    wanted = PREFIX_ANCHORS * 4
    head = hashes[:wanted * 64]                 # ~64 shingles per sample: usually enough
    sampled = head[(head & ANCHOR_MASK) == 0]
    if len(sampled) < wanted and len(head) < len(hashes):
        sampled = hashes[(hashes & ANCHOR_MASK) == 0]
    first = list(dict.fromkeys(sampled[:wanted].view(np.int64).tolist()))[:PREFIX_ANCHORS]
    return np.array(first, dtype=np.int64)
