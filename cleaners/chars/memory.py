"""How much the per-line memories keep, and how a memory filled in batches lets go of entries.

The steps remember what they work out per line (`lru_cache`s keyed by line, and the batch
memories of the literal index and the line model), since a site's chrome comes back on every
page.  On the 50 MB benchmark corpus their distinct keys run to 20-29 thousand (lines with
varied numbers, two scripts), and with no bound the steady-state hit rates are the ones reached
at LINES entries (`benchmarks/bench_clean.py`'s figures, December 2026).  Where prose never
recurs (`bench_clean --fresh-prose`) the misses are first sightings, which no policy saves.

`lru_cache` keeps the C-speed memories: in a replay of their recorded keys it kept as many as an
unbounded memory at LINES entries, and more than two generations of the same total size.  The
batch memories (a text's lines looked up together, the new ones worked out together) used to
clear themselves when full, and forgot their recurring chrome with the one-off lines;
`Generations` keeps what recurs at the cost of a dict lookup more on a miss.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

# Distinct keys a per-line memory keeps.  What one costs: the line (most are short: lines of
# REMEMBER_BELOW = 500 characters and more are never kept) and what is remembered of it: on the
# benchmark corpus with fresh prose, all of them full, ~60 MB for the lot (see bench_clean).
LINES = 32768


class Generations:
    """A bounded memory of values (never None) by key that keeps the keys which recur.

    New entries go to the young generation; when it holds half the limit it becomes the old
    one (the old one is dropped) and a new young one starts.  A key found in the old generation
    moves back to the young one.  So a key asked for again before ~limit / 2 other keys came in
    stays, and a one-off key is gone after two turns; never more than `limit` entries."""

    __slots__ = ("young", "old", "half")

    def __init__(self, limit: int):
        self.young: dict = {}
        self.old: dict = {}
        self.half = max(1, limit // 2)

    def found(self, keys: Sequence[Hashable]) -> list:
        """The value of each key, None where there is none (the keys found only in the old
        generation move to the young one)."""
        values = list(map(self.young.get, keys))
        if self.old and None in values:
            old_get = self.old.get
            for k, value in enumerate(values):
                if value is None and (value := old_get(keys[k])) is not None:
                    values[k] = value
                    self.put(keys[k], value)
        return values

    def get(self, key: Hashable):
        """The key's value, or None."""
        return self.found((key,))[0]

    def put(self, key: Hashable, value) -> None:
        """Remember `value` (not None) for `key`."""
        young = self.young
        young[key] = value
        if len(young) >= self.half:
            self.old, self.young = young, {}

    def update(self, pairs: Iterable[tuple[Hashable, object]]) -> None:
        """`put` each (key, value)."""
        for key, value in pairs:
            self.put(key, value)

    def __contains__(self, key: Hashable) -> bool:
        return key in self.young or key in self.old

    def __len__(self) -> int:
        """Entries held (a key may be in both generations: counted twice)."""
        return len(self.young) + len(self.old)

    def clear(self) -> None:
        self.young, self.old = {}, {}
