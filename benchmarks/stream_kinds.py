"""Which kind of document the i-th of a synthetic stream is (new report, copy, edit, preview,
sibling...): shared by bench_dedup's and bench_memory's streams, which differ only in their
shares.  Imports nothing of the project, so bench_memory can load a baseline tree's code after it."""
from __future__ import annotations

import random


def draw_kind(i: int, kinds: tuple[tuple[str, float], ...], seed: int) -> str:
    """The kind of document i: the first 20 are new reports, then each kind by its share, drawn
    from a generator seeded by i (the same stream every run, in any order)."""
    if i < 20:
        return "base"
    r = random.Random(i * 7919 + seed).random()
    for kind, share in kinds:
        if r < share:
            return kind
        r -= share
    return "base"
