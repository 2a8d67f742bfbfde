"""How much the per-line memories keep, and how a memory filled in batches lets go of entries.

The steps remember what they work out per line (`lru_cache`s keyed by line, and the batch
memories of the literal index and the line model), since a site's chrome comes back on every
page.  Measured (stop 23, `benchmarks/bench_clean.py`'s figures): on the 50 MB benchmark corpus
the memories see 7-29 thousand distinct keys, and more room buys a point or two of hits
(LINES = 32768 holds them all) but no instructions: what a document costs is the work on the
lines no memory has seen, which no policy saves.  So the sizes stay where they were.

`lru_cache` keeps the C-speed memories: replaying their recorded keys, LRU kept more than two
generations of the same size, and admitting a key only when seen twice kept fewer (every
recurring line then misses twice).  The two batch memories (a text's lines looked up together,
the new ones worked out together) used to clear themselves when full, forgetting their
recurring chrome with the one-off lines: `Generations` keeps what recurs, at the same bound.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

# Distinct keys an lru_cache keyed by line keeps (a batch memory: twice as many).  What they cost,
# all full (the 50 MB corpus with fresh prose, tracemalloc): ~28 MB for the lot, line_own's rows
# the most (~0.8 KB a line); at 32768, ~88 MB.
LINES = 8192


class Generations:
    """A bounded memory of values (never None) by key that keeps the keys which recur.

    New entries go to the young generation; when they would fill it past half the limit it
    becomes the old one (the old one is dropped) and a new young one starts.  A key found in the
    old generation moves back to the young one.  So a key asked for again before ~limit / 2
    other keys came in stays, and a one-off key is gone after two turns; never more than
    `limit` entries (or a batch larger than half of it, with the old generation)."""

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
            old_get, k, moved = self.old.get, -1, {}
            try:
                while True:                 # (list.index finds the few misses at C speed)
                    k = values.index(None, k + 1)
                    if (value := old_get(keys[k])) is not None:
                        values[k] = moved[keys[k]] = value
            except ValueError:
                pass
            if moved:
                self.update(moved)
        return values

    def get(self, key: Hashable):
        """The key's value, or None."""
        return self.found((key,))[0]

    def put(self, key: Hashable, value) -> None:
        """Remember `value` (not None) for `key`."""
        self.update({key: value})

    def update(self, pairs: dict | Iterable[tuple[Hashable, object]]) -> None:
        """Remember each (key, value) of `pairs`, together (a dict's update, no call per entry):
        when they would overfill the young generation, it turns old first (a batch larger than
        half the limit is kept whole)."""
        new = pairs if isinstance(pairs, dict) else dict(pairs)
        if new and len(self.young) + len(new) > self.half:
            self.old, self.young = self.young, {}
        self.young.update(new)

    def __contains__(self, key: Hashable) -> bool:
        return key in self.young or key in self.old

    def __len__(self) -> int:
        """Entries held (a key may be in both generations: counted twice)."""
        return len(self.young) + len(self.old)

    def clear(self) -> None:
        self.young, self.old = {}, {}
