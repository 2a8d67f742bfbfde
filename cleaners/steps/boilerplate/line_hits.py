"""The literal index's findings remembered by line: `LiteralIndex.lines` for a text, scanning
only the lines not seen before.

What the index finds on a line (the `LiteralRules` of the literal prefixes on it, and which
kinds of rule may match it) depends on the stripped line alone: literals hold no whitespace and
never cross a line, and the whole-line rules' gate reads the stripped line's first character.
Chrome and most prose lines recur from page to page (on the benchmark corpus ~88 % of a text's
lines were seen in the last few thousand), so a text's lines are looked up one by one and only
the new ones are joined and scanned: the scan's numpy passes and the per-literal loop then run
over a few lines instead of the whole text.
"""
from __future__ import annotations

from functools import lru_cache

from cleaners.chars.memory import LINES
from cleaners.steps.boilerplate.rules import LineHits, LiteralIndex

REMEMBERED_LINES = 2 * LINES  # distinct stripped lines kept per index (cleared when full) ...
REMEMBER_BELOW = 500         # ... when shorter than this (a long paragraph rarely recurs; <= ~16 MB)
# The kinds of `LineHits`' line sets, in its field order: a line's facts name the ones it is in.
KINDS = ("lines", "tails", "truncation", "spans", "rest_lines", "rest_tails")
_NOTHING: tuple[tuple, tuple[int, ...]] = ((), ())


@lru_cache(maxsize=64)
def _known(index: LiteralIndex) -> dict[str, tuple[tuple, tuple[int, ...]]]:
    """Per index (one per profile's rules): stripped line -> (its LiteralRules found, in the order
    the scan finds them, and the positions in KINDS of the line sets it is in)."""
    return {}


def line_hits(index: LiteralIndex, stripped_lines: list[str]) -> LineHits:
    """`index.lines(text, stripped_lines)` for the text whose stripped lines these are: the same
    found rules and line sets, the unseen lines scanned together."""
    known = _known(index)
    new = [line for line in dict.fromkeys(stripped_lines) if line not in known]
    fresh: dict[str, tuple[tuple, tuple[int, ...]]] = {}
    if new:
        if len(known) + len(new) > REMEMBERED_LINES:
            known.clear()
            new = list(dict.fromkeys(stripped_lines))
        fresh = _learn(index, new)
        known.update((line, facts) for line, facts in fresh.items() if len(line) < REMEMBER_BELOW)
    # One pass over the lines, most of which hold nothing (the shared `_NOTHING`, skipped first).
    get = known.get
    found: dict[int, tuple] = {}
    members: tuple[list[int], ...] = ([], [], [], [], [], [])
    for i, line in enumerate(stripped_lines):
        facts = get(line) or fresh[line]
        if facts is _NOTHING:
            continue
        rules, kinds = facts
        if rules:
            found[i] = rules
        for kind in kinds:
            members[kind].append(i)
    return LineHits(found, *map(set, members))


def _learn(index: LiteralIndex, lines: list[str]) -> dict[str, tuple[tuple, tuple[int, ...]]]:
    """Scan `lines` (distinct stripped lines) as one text: each one's findings."""
    hits = index.lines("\n".join(lines), lines)
    sets = [getattr(hits, kind) or set() for kind in KINDS]
    learnt = {}
    for k, line in enumerate(lines):
        rules = tuple(hits.found.get(k, ()))
        kinds = tuple(kind for kind, members in enumerate(sets) if k in members)
        learnt[line] = (rules, kinds) if rules or kinds else _NOTHING
    return learnt
