"""How much the per-line memories keep: one size for the memories keyed by line.

The steps remember what they work out per line (`lru_cache`s keyed by line; the literal index's
findings and the line model's answers in dicts cleared when full), since a site's chrome comes
back on every page.  Measured (stop 23, `benchmarks/bench_clean.py`'s figures): on the 50 MB
benchmark corpus the memories see 7-29 thousand distinct keys; 32768 entries hold them all and
buy 1-4 points of hits, but no instructions, and cost ~88 MB against ~28 MB: a document's cost
is the work on lines no memory has seen, which no policy saves.  Replaying the memories'
recorded keys, LRU kept more than two generations (young / old dicts) of the same size, and
admitting a key only when seen twice kept fewer (every recurring line then misses twice); two
generations in place of clear-all kept 1-3 points more hits and cost ~1 % more instructions
(the Python around the lookups), so the clear-all dicts stay.
"""
from __future__ import annotations

# Distinct keys an lru_cache keyed by line keeps (a batch memory: twice as many).  What they cost,
# all full (the 50 MB corpus with fresh prose, tracemalloc): ~28 MB for the lot, line_own's rows
# the most (~0.8 KB a line); at 32768, ~88 MB.
LINES = 8192
