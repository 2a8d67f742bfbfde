"""The characters a rule's match may start with, read off the stdlib's parse of the pattern.

Line and tail rules must match a whole stripped line, so a line whose first character no
such rule may start with needs none of them tried: `(?:时间|日期)[:：]...` only a line starting
with 时 or 日, `\\d{4}[-/.]\\d{1,2}...` only one starting with a digit.  The answer is a
superset (a lookaround, an anchor, a case-blind or negated class: any character), never less
than what the pattern can start with, so skipping the other lines changes no result.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants, _parser  # the stdlib's own regex parser, as literals.py uses it

import numpy as np

Ranges = tuple[tuple[int, int], ...]        # sorted, merged code point ranges (inclusive)
BMP = 0x10000
CATCH_ALL = 0xFFFF                          # where code points beyond the BMP are looked up
_ANY = None                                 # any character may come first

_C = _constants
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None))
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_STARTS = ((_C.AT, _C.AT_BEGINNING), (_C.AT, _C.AT_BEGINNING_STRING))
_ENDS = ((_C.AT, _C.AT_END), (_C.AT, _C.AT_END_STRING))
_CATEGORIES = {_C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_SPACE: r"\s", _C.CATEGORY_WORD: r"\w"}


@lru_cache(maxsize=None)
def _category(regex: str) -> frozenset[int]:
    """The BMP code points a one-character class (`\\d`) matches, as the regex engine says."""
    every = "".join(map(chr, range(BMP)))
    return frozenset(map(ord, re.findall(regex, every)))


def _of_class(items) -> set[int] | None:
    """The characters of a `[...]` class, or None (negated, case-blind or unknown: any)."""
    chars: set[int] = set()
    for op, arg in items:
        if op is _C.LITERAL:
            chars.add(arg)
        elif op is _C.RANGE:
            chars.update(range(arg[0], arg[1] + 1))
        elif op is _C.CATEGORY and arg in _CATEGORIES:
            chars |= _category(_CATEGORIES[arg])
        else:
            return None
    return chars


def _first(items, from_end: bool = False) -> tuple[set[int] | None, bool]:
    """(characters a match of the sequence `items` may start with, or end with `from_end`,
    may it match empty)."""
    first: set[int] = set()
    for op, arg in (reversed(items) if from_end else items):
        chars, empty = _first_of(op, arg, from_end)
        if chars is _ANY:
            return _ANY, False
        first |= chars
        if not empty:
            return first, False
    return first, True


def _first_of(op, arg, from_end: bool) -> tuple[set[int] | None, bool]:
    if op is _C.LITERAL:
        return {arg}, False
    if op is _C.IN:
        return _of_class(arg), False
    if op in _ZERO_WIDTH:                  # takes no character: what follows comes first
        return set(), True
    if op is _C.SUBPATTERN:
        if arg[1] & (re.I | re.L):
            return _ANY, False
        return _first(arg[-1], from_end)
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _first(arg, from_end)
    if op in _REPEATS:
        chars, empty = _first(arg[2], from_end)
        return chars, empty or arg[0] == 0
    if op is _C.BRANCH:
        first: set[int] = set()
        empty = False
        for branch in arg[1]:
            chars, branch_empty = _first(branch, from_end)
            if chars is _ANY:
                return _ANY, False
            first |= chars
            empty = empty or branch_empty
        return first, empty
    return _ANY, False                     # ANY, NOT_LITERAL, group references ...


@lru_cache(maxsize=4096)
def first_ranges(pattern: str) -> Ranges | None:
    """The code point ranges a match of `pattern` may start with (None: any character).
    A pattern that may match the empty string says nothing about a non-empty line's first
    character beyond what its parts may start with, which is what is returned."""
    parsed = _parsed(pattern)
    return None if parsed is None else _ranges(_first(parsed)[0])


@lru_cache(maxsize=4096)
def anchored_edge(pattern: str) -> tuple[str, Ranges | None] | None:
    """For a pattern anchored at the start (`^...`, `\\A...`) or end (`...$`, `...\\Z`) of what it
    is searched in: ("first" or "last", the characters a non-empty match there starts or ends
    with, None: any); None when it is anchored at neither end (it may match anywhere)."""
    parsed = _parsed(pattern)
    if parsed is None or not len(parsed):
        return None
    if parsed[0] in _STARTS:
        return "first", _ranges(_first(parsed[1:])[0])
    if parsed[-1] in _ENDS:
        return "last", _ranges(_first(parsed[:-1], from_end=True)[0])
    return None


def _parsed(pattern: str):
    try:
        parsed = _parser.parse(pattern)
    except Exception:  # an exotic pattern: any character
        return None
    return None if parsed.state.flags & (re.I | re.L) else parsed


def _ranges(chars: set[int] | None) -> Ranges | None:
    if chars is _ANY:
        return None
    chars = {c for c in chars if c < CATCH_ALL}
    ranges: list[list[int]] = []
    for c in sorted(chars):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return tuple((lo, hi) for lo, hi in ranges)


def table(ranges: Ranges | None) -> np.ndarray:
    """A per-BMP-code-point table of `ranges` (any character: all true).  U+FFFF, where every
    code point beyond the BMP is looked up, is always in."""
    found = np.zeros(BMP, dtype=bool)
    if ranges is None:
        found[:] = True
    for lo, hi in ranges or ():
        found[lo:hi + 1] = True
    found[CATCH_ALL] = True
    return found


def first_char_masks(patterns) -> tuple[np.ndarray, dict[str, int]]:
    """(per BMP code point, the bits of the first-character sets holding it; each pattern's bit).

    Bit 0 is 'any character' (set for every code point); each distinct set of first characters
    gets a bit of its own, up to 63 of them (past that, the rest share bit 0).  A line may
    match a pattern only if `bits[its first character] & mask` is not zero."""
    distinct = dict.fromkeys(r for r in map(first_ranges, patterns) if r is not None)
    bit_of = {ranges: bit for bit, ranges in enumerate(list(distinct)[:63], start=1)}
    bits = np.ones(BMP, dtype=np.uint64)
    for ranges, bit in bit_of.items():
        bits[table(ranges)] |= np.uint64(1 << bit)
    return bits, {p: 1 << bit_of.get(first_ranges(p), 0) for p in patterns}


class EdgeGate:
    """Whether a stripped line may hold a non-empty match of any of some patterns, each anchored
    at the line's start or end: by the line's first and last characters (one table lookup
    each, where a search scans the line).  `of` gives None when some pattern is anchored at
    neither end."""

    def __init__(self, first: np.ndarray, last: np.ndarray):
        self.first, self.last = first.tobytes(), last.tobytes()

    @classmethod
    def of(cls, patterns) -> "EdgeGate | None":
        edges = [anchored_edge(p) for p in patterns]
        if not edges or None in edges:
            return None
        first, last = np.zeros(BMP, dtype=bool), np.zeros(BMP, dtype=bool)
        for end, ranges in edges:
            (first if end == "first" else last)[table(ranges)] = True
        return cls(first, last)

    def admits(self, line: str) -> bool:
        return bool(line) and bool(self.first[min(ord(line[0]), CATCH_ALL)] or self.last[min(ord(line[-1]), CATCH_ALL)])
