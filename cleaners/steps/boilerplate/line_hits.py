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

from cleaners.steps.boilerplate.rules import LineHits, LiteralIndex

REMEMBERED_LINES = 16384     # distinct stripped lines kept per index (a few MB at most)
LINES, TAILS, TRUNCATION, SPANS, REST_LINES, REST_TAILS = 1, 2, 4, 8, 16, 32
_NOTHING = ((), 0)


@lru_cache(maxsize=64)
def _known(index: LiteralIndex) -> dict[str, tuple[tuple, int]]:
    """Per index (one per profile's rules): stripped line -> (its LiteralRules found, kind bits)."""
    return {}


def line_hits(index: LiteralIndex, stripped_lines: list[str]) -> LineHits:
    """`index.lines(text, stripped_lines)` for the text whose stripped lines these are: the same
    found lists and line sets, the unseen lines scanned together."""
    known = _known(index)
    new = [line for line in dict.fromkeys(stripped_lines) if line not in known]
    if new:
        if len(known) + len(new) > REMEMBERED_LINES:
            known.clear()
            new = list(dict.fromkeys(stripped_lines))
        _learn(index, new, known)
    found: dict[int, list] = {}
    sets: dict[int, set[int]] = {bit: set() for bit in (LINES, TAILS, TRUNCATION, SPANS, REST_LINES, REST_TAILS)}
    nothing = _NOTHING
    for i, line in enumerate(stripped_lines):
        facts = known[line]
        if facts is nothing:
            continue
        rules, kinds = facts
        if rules:
            found[i] = list(rules)
        for bit, members in sets.items():
            if kinds & bit:
                members.add(i)
    return LineHits(found, sets[LINES], sets[TAILS], sets[TRUNCATION], sets[SPANS],
                    sets[REST_LINES], sets[REST_TAILS])


def _learn(index: LiteralIndex, lines: list[str], known: dict) -> None:
    """Scan `lines` (distinct stripped lines) as one text and remember each one's findings."""
    hits = index.lines("\n".join(lines), lines)
    rest_lines = hits.rest_lines or set()
    rest_tails = hits.rest_tails or set()
    for k, line in enumerate(lines):
        rules = tuple(hits.found.get(k, ()))
        kinds = ((LINES if k in hits.lines else 0) | (TAILS if k in hits.tails else 0)
                 | (TRUNCATION if k in hits.truncation else 0) | (SPANS if k in hits.spans else 0)
                 | (REST_LINES if k in rest_lines else 0) | (REST_TAILS if k in rest_tails else 0))
        known[line] = (rules, kinds) if rules or kinds else _NOTHING
