"""A text's code points as a numpy array: the one conversion every numpy pass starts from."""
from __future__ import annotations

import numpy as np

_EMPTY = np.zeros(0, dtype=np.uint32)
# The last few documents' arrays, by the identity of their text: a document's text passes
# several numpy steps unchanged (the repairs' gate, t2s, the script test, the literal scan),
# and each converted it again.  Held with their text, so an id cannot be reused meanwhile;
# read-only, so no caller can change what another is handed.
REMEMBERED = 2
REMEMBER_FROM = 256          # characters: a line's array is cheaper to make than to remember
_remembered: list[tuple[str, np.ndarray]] = []


def codepoints(text: str) -> np.ndarray:
    """The code points of `text` (uint32; lone surrogates as themselves), read-only.

    numpy's own str -> UCS-4 copy is ~1.7x faster than `text.encode("utf-32-le",
    "surrogatepass")`, whose encoder checks every character for surrogates; its buffer keeps
    trailing NULs (only the str *items* of a 'U' array drop them)."""
    if len(text) < REMEMBER_FROM:
        if not text:
            return _EMPTY
        points = np.frombuffer(np.array(text), dtype=np.uint32)
        points.flags.writeable = False
        return points
    for seen, points in _remembered:
        if seen is text:
            return points
    points = np.frombuffer(np.array(text), dtype=np.uint32)
    points.flags.writeable = False
    _remembered.insert(0, (text, points))
    del _remembered[REMEMBERED:]
    return points
