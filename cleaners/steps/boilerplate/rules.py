"""A profile's boilerplate rules compiled for `remove`: the rules themselves (each kind as one
alternation) and the literal shortcuts that keep most lines away from them.

`rules_for(profile)` gathers the profile's rules and `_generic.toml`'s, once per profile.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from cleaners.chars.codepoints import codepoints
from cleaners.profiles import Profile, generic, with_generic
from cleaners.steps.boilerplate import credit_rows
from cleaners.steps.boilerplate.first_chars import BMP, EdgeGate, first_char_masks
from cleaners.steps.boilerplate.literals import (alternation, literal_hint, literal_regex, pattern_literals,
                                                 shortest_prefixes, split_by_literal)

Patterns = tuple[tuple[re.Pattern, tuple[str, ...]], ...]      # each pattern with its required literals


# Compared by identity: the verdicts `remove` remembers are keyed by the Rules they came from,
# and hashing every compiled pattern at each lookup would cost more than the lookup saves.
@dataclass(frozen=True, eq=False)
class Rules:
    """Each kind of rule as one alternation (`lines`, `tails`, `spans`, `truncation`), the
    patterns read into metadata, and the shortcuts deciding which lines to try them on."""
    lines: re.Pattern | None
    line_patterns: tuple[re.Pattern, ...]
    tails: re.Pattern | None
    spans: re.Pattern | None
    metadata: Patterns
    truncation: re.Pattern | None
    title_cleanup: re.Pattern | None
    spans_gate: re.Pattern | None = None         # spans over the whole text, ^/$ at line ends
    captions: Patterns = ()                      # a dropped line naming the document (group `title`)
    # Literal shortcuts (see `literal_hint`): a line holding none of a hint's strings cannot match
    # the hinted patterns, so only the lines a hint finds are tried (`..._rest`: the patterns that
    # have no required literal, tried on every line).
    truncation_hint: re.Pattern | None = None
    spans_hint: re.Pattern | None = None
    lines_hint: re.Pattern | None = None
    lines_rest: re.Pattern | None = None
    tails_hint: re.Pattern | None = None
    tails_rest: re.Pattern | None = None
    hint: re.Pattern | None = None               # all the hints' literals: one scan finds candidates
    # Where the `hint` literals may occur, and which rules each may take part in (see
    # `LiteralIndex`): on a line, only the rules of the literals found there are tried.
    literal_index: "LiteralIndex | None" = None
    # Span rules anchored at a line's start or end: only a line starting or ending as one may
    # be cut (None: some span rule may match anywhere).
    spans_edges: EdgeGate | None = None
    # The same for the title cleanup rules (all anchored at a title's start or end): a title
    # neither of whose ends fits one keeps the subn, which tries ~25 rules at every position, off it.
    title_edges: EdgeGate | None = None

    def cleanup_title(self, title: str) -> tuple[str, int]:
        """`title_cleanup.subn("", title)`, not tried on a title at whose ends no rule may match."""
        if self.title_edges is not None and not self.title_edges.admits(title):
            return title, 0
        return self.title_cleanup.subn("", title)


# Compared by identity, as `Rules` (the ones found on a line are part of a remembered verdict's key).
@dataclass(frozen=True, eq=False)
class LiteralRules:
    """The rules a line may match when a literal starting with a given prefix is on it (the
    whole-line and tail rules each as one alternation: one `fullmatch` call tries them all), and
    the first characters they may match at (bit masks, see `first_char_masks`)."""
    lines: re.Pattern | None = None
    tails: re.Pattern | None = None
    truncation: bool = False
    spans: bool = False
    lines_first: int = 0
    tails_first: int = 0


class LiteralIndex:
    """Finds the lines on which a rule's literal may occur, with a few numpy passes over the
    text's code points instead of the regex engine (which spends ~0.2 us at each of the ~10 %%
    of positions holding a literal's first character, common ones such as 人 发 第).

    A literal is known by its first two characters (one for a one-character literal): a table
    lookup per character finds where a first character stands, a sorted search checks the
    second.  Every occurrence of a literal is found (a prefix that is no literal only adds a
    candidate line, which the rules themselves then reject), and for each line the prefixes
    found, so that only the rules holding a literal with such a prefix are tried there.

    Whole-line and tail rules must match the whole stripped line: a line is tried against a
    prefix's rules only when its first character is one they may start with (`first_bits`),
    and the rules without a literal (`rest_masks`) only on the lines starting with one of theirs."""

    def __init__(self, literals, rules_of, first_bits: np.ndarray, rest_masks: dict[str, int]):
        singles = {lit for lit in literals if len(lit) == 1}
        pairs = {lit[:2] for lit in literals if len(lit) > 1 and lit[0] not in singles}
        prefixes = sorted(singles | pairs, key=self._key)
        self.keys = np.array([self._key(p) for p in prefixes], dtype=np.uint64)
        self.hash = PairHash(self.keys)
        starting: dict[str, list[str]] = {}      # prefix -> the literals starting with it (one each)
        for lit in literals:
            starting.setdefault(lit[0] if lit[0] in singles else lit[:2], []).append(lit)
        self.rules = [rules_of(starting[p]) for p in prefixes]
        # Per prefix: may a rule of each kind hold it?  Lets numpy sort the lines by kind.
        self.kind_masks = {kind: np.array([bool(getattr(r, kind)) for r in self.rules], dtype=bool)
                           for kind in LineHits.KINDS}
        # The per-character bits as a small table of the distinct masks and a byte per character
        # (the 512 KB of masks fell out of the cache between documents).
        self.first_masks_found, first_kind = np.unique(first_bits, return_inverse=True)
        self.first_kind = first_kind.astype(np.uint8 if len(self.first_masks_found) <= 256 else np.uint16)
        self.first_masks = {kind: np.array([getattr(r, f"{kind}_first") for r in self.rules], dtype=np.uint64)
                            for kind in ("lines", "tails")}
        self.rest_masks = {kind: np.uint64(mask) for kind, mask in rest_masks.items() if mask}
        self.kinds = np.zeros(BMP, dtype=np.uint8)              # 1: one-character literal, 2: longer
        for p in prefixes:
            self.kinds[ord(p[0])] = len(p)

    @staticmethod
    def _key(prefix: str) -> int:
        return ord(prefix[0]) << 32 | (ord(prefix[1]) if len(prefix) > 1 else 0)

    @staticmethod
    def usable(literals) -> bool:
        """Literals starting beyond the BMP (or with U+FFFF, the table's catch-all) need the regex."""
        return all(ord(lit[0]) < 0xFFFF for lit in literals)

    def lines(self, text: str, stripped_lines: list[str]) -> "LineHits":
        """The rules of the literal prefixes found on each line (each prefix once per line),
        and the lines on which a rule of each kind may match.  `stripped_lines`: the text's
        lines, stripped (their first characters decide which whole-line rules may match)."""
        points = codepoints(text)
        newlines = (points == 10).nonzero()[0]
        firsts = self.first_masks_found[self.first_kind.take(
            _first_characters(points, newlines, stripped_lines), mode="clip")]
        rest = {kind: set(((firsts & mask) != 0).nonzero()[0].tolist()) for kind, mask in self.rest_masks.items()}
        kinds = self.kinds.take(points, mode="clip")            # beyond the BMP: U+FFFF, no literal
        at = kinds.nonzero()[0]
        if not at.size:
            return LineHits.nothing(rest)
        after = at + 1
        if after[-1] == len(points):                            # (only the last may run past the end)
            after[-1] -= 1
        seconds = points.take(after) * (kinds.take(at) == 2)     # (take: ~2x faster than fancy indexing)
        keys = points.take(at).astype(np.uint64) << _SHIFT | seconds
        slots, hit = self.hash.find(keys)
        at, slots = at[hit], slots[hit]
        if not at.size:
            return LineHits.nothing(rest)
        line_of = np.searchsorted(newlines, at)
        # The line's first character decides which of the prefix's whole-line and tail rules may match.
        first_bits = firsts.take(line_of)
        fits = {kind: (first_bits & masks.take(slots)) != 0 for kind, masks in self.first_masks.items()}
        kinds = {kind: set(line_of[fits[kind] if kind in fits else mask.take(slots)].tolist())
                 for kind, mask in self.kind_masks.items()}
        # Only whole-line and tail rules are tried literal by literal; markers and spans need
        # no more than the line sets.  A common prefix (第, 下一) recurs on a line: its rules
        # need trying there only once.
        tried = fits["lines"] | fits["tails"]
        found: dict[int, list[LiteralRules]] = {}
        rules = self.rules
        for line, slot in dict.fromkeys(zip(line_of[tried].tolist(), slots[tried].tolist())):
            found.setdefault(line, []).append(rules[slot])
        return LineHits(found, **kinds, rest_lines=rest.get("lines", set()), rest_tails=rest.get("tails", set()))


class PairHash:
    """Where each of a set of keys stands in `keys`, by a multiplicative hash without
    collisions (a multiplier is tried until the keys land in distinct buckets): two table
    lookups per key, where a sorted search spends ~8 comparisons on each of the ~15 % of a
    text's characters that start a literal's prefix."""
    BITS = 13
    EMPTY = np.uint64(2**64 - 1)                 # no key: code points stay below 2**21

    def __init__(self, keys: np.ndarray):
        bits = max(self.BITS, 2 * len(keys).bit_length())
        self.shift = np.uint64(64 - bits)
        rng = np.random.default_rng(11)
        while True:
            self.multiplier = np.uint64(rng.integers(1, 2**63, dtype=np.uint64) * 2 + 1)
            buckets = self._buckets(keys)
            if len(np.unique(buckets)) == len(keys):
                break
        self.key_at = np.full(2**bits, self.EMPTY, dtype=np.uint64)
        self.key_at[buckets] = keys
        self.slot_at = np.zeros(2**bits, dtype=np.intp)
        self.slot_at[buckets] = np.arange(len(keys))

    def _buckets(self, keys: np.ndarray) -> np.ndarray:
        return (keys * self.multiplier) >> self.shift

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(the index of each key in the key set, whether it is in the set at all)."""
        buckets = self._buckets(keys)
        return self.slot_at.take(buckets), self.key_at.take(buckets) == keys


def _first_characters(points: np.ndarray, newlines: np.ndarray, stripped_lines: list[str]) -> np.ndarray:
    """Each stripped line's first code point, "\\n" for an empty line (no rule is tried on one,
    whatever it may start with): read off the text's code points at the line starts (`newlines`:
    where its "\\n"s stand); only the lines starting with whitespace (or empty) are looked up
    one by one (joining and converting the stripped lines again cost ~4x)."""
    starts = np.empty(len(newlines) + 1, dtype=np.intp)
    starts[0] = 0
    starts[1:] = newlines + 1
    firsts = points.take(starts, mode="clip") if points.size else np.full(len(starts), 10, dtype=np.uint32)
    if starts[-1] == len(points):              # an empty last line: past the end
        firsts[-1] = 10
    for i in (_SPACES.take(firsts, mode="clip")).nonzero()[0].tolist():
        firsts[i] = ord(stripped_lines[i][0]) if stripped_lines[i] else 10
    return firsts


# Whitespace as `str.strip` sees it, per BMP code point (beyond it, U+FFFF: none), but "\n":
# at a line start it is the next line's, the line is empty and its "first character" is "\n".
_SPACES = np.array([chr(c).isspace() and c != 10 for c in range(BMP)], dtype=bool)
_SHIFT = np.uint64(32)


@dataclass(frozen=True)
class LineHits:
    """What one scan for the rules' literals found: `found` maps a line to what is known of the
    literals on it (their `LiteralRules` with an index, else the literal strings), and each
    kind's set holds the lines where a rule of that kind may match (with no index: every line
    holding a literal).  `rest_lines`/`rest_tails`: the lines the whole-line/tail rules that have
    no literal may match (None: any line)."""
    KINDS = ("lines", "tails", "truncation", "spans")
    found: dict
    lines: set[int]
    tails: set[int]
    truncation: set[int]
    spans: set[int]
    rest_lines: set[int] | None = None
    rest_tails: set[int] | None = None

    @classmethod
    def nothing(cls, rest: dict | None = None) -> "LineHits":
        """No literal found; `rest`: the lines the rules without one may match (None: any line)."""
        if rest is None:
            return cls({}, set(), set(), set(), set())
        return cls({}, set(), set(), set(), set(), rest.get("lines", set()), rest.get("tails", set()))

    @classmethod
    def unindexed(cls, found: dict) -> "LineHits":
        candidates = set(found)
        return cls(found, candidates, candidates, candidates, candidates)


def with_literals(patterns) -> Patterns:
    """Each pattern compiled, with the literals one of which its every match holds."""
    return tuple((re.compile(p), tuple(pattern_literals(p) or ())) for p in patterns)


def crumb_patterns() -> list[str]:
    """A breadcrumb's line rules (`[head_crumb] patterns` of _generic.toml: steps/head_crumb.py
    reads them too, for where a page's header ends)."""
    return list((generic().extra.get("head_crumb") or {}).get("patterns") or ())


@lru_cache(maxsize=64)
def rules_for(profile: Profile) -> Rules:
    line_patterns = [*with_generic(profile, "boilerplate_lines"), *crumb_patterns(),
                     *credit_rows.patterns()]
    tail_patterns = with_generic(profile, "boilerplate_tails")
    truncation_patterns = with_generic(profile, "truncation_markers")
    span_patterns = with_generic(profile, "boilerplate_spans")
    lines_hint, lines_rest = split_by_literal(line_patterns)
    tails_hint, tails_rest = split_by_literal(tail_patterns)
    truncation_hint = literal_hint(truncation_patterns)
    spans_hint = literal_hint(span_patterns)
    every_literal = [*lines_hint, *tails_hint, *(truncation_hint or ()), *(spans_hint or ())]
    return Rules(
        lines=alternation(line_patterns),
        line_patterns=tuple(re.compile(p) for p in line_patterns),
        tails=alternation(tail_patterns),
        spans=alternation(span_patterns),
        metadata=with_literals(with_generic(profile, "metadata_patterns")),
        truncation=alternation(truncation_patterns),
        title_cleanup=alternation(with_generic(profile, "title_cleanup")),
        spans_gate=alternation(span_patterns, re.M),
        captions=with_literals(with_generic(profile, "caption_patterns")),
        truncation_hint=literal_regex(truncation_hint), spans_hint=literal_regex(spans_hint),
        lines_hint=literal_regex(lines_hint), lines_rest=lines_rest,
        tails_hint=literal_regex(tails_hint), tails_rest=tails_rest,
        hint=literal_regex(every_literal),
        literal_index=_literal_index(line_patterns, tail_patterns, truncation_hint or (),
                                     spans_hint or (), every_literal),
        spans_edges=EdgeGate.of(span_patterns),
        title_edges=EdgeGate.of(with_generic(profile, "title_cleanup")),
    )


def _literal_index(line_patterns, tail_patterns, truncation_literals, span_literals,
                   every_literal) -> LiteralIndex | None:
    """The `LiteralIndex` of the hint's literals (those that no shorter one starts), each with the
    line and tail rules that hold a literal starting with it (wherever such a literal occurs,
    so does this one), and whether a truncation marker or span rule holds one."""
    shortest = shortest_prefixes(every_literal)
    found = set(shortest.values())
    if not found or not LiteralIndex.usable(found):
        return None
    lines: dict[str, list] = {}
    tails: dict[str, list] = {}
    for patterns, table in ((line_patterns, lines), (tail_patterns, tails)):
        for pattern in patterns:
            for literal in dict.fromkeys(shortest[lit] for lit in pattern_literals(pattern) or ()):
                table.setdefault(literal, []).append(pattern)
    truncation = {shortest[lit] for lit in truncation_literals}
    spans = {shortest[lit] for lit in span_literals}
    # The rules without a literal first: they are tried on every line their bit admits, so theirs
    # must not be among the sets past the 63 bits, which admit every line.
    without_literal = [p for p in (*line_patterns, *tail_patterns) if not pattern_literals(p)]
    first_bits, first_mask = first_char_masks([*without_literal, *line_patterns, *tail_patterns])

    def rules_of(literals) -> LiteralRules:
        line_rules = list(dict.fromkeys(p for lit in literals for p in lines.get(lit, ())))
        tail_rules = list(dict.fromkeys(p for lit in literals for p in tails.get(lit, ())))
        return LiteralRules(alternation(line_rules), alternation(tail_rules),
                            any(lit in truncation for lit in literals), any(lit in spans for lit in literals),
                            _any_of(map(first_mask.get, line_rules)), _any_of(map(first_mask.get, tail_rules)))
    rest_masks = {kind: _any_of(first_mask[p] for p in patterns if p in without_literal)
                  for kind, patterns in (("lines", line_patterns), ("tails", tail_patterns))}
    return LiteralIndex(sorted(found), rules_of, first_bits, rest_masks)


def _any_of(masks) -> int:
    combined = 0
    for mask in masks:
        combined |= mask
    return combined


