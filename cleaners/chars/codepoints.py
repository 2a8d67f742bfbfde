"""A text's code points as a numpy array: the one conversion every numpy pass starts from."""
from __future__ import annotations

import numpy as np

_EMPTY = np.zeros(0, dtype=np.uint32)


def codepoints(text: str) -> np.ndarray:
    """The code points of `text` (uint32; lone surrogates as themselves).

    numpy's own str -> UCS-4 copy is ~1.7x faster than `text.encode("utf-32-le",
    "surrogatepass")`, whose encoder checks every character for surrogates; its buffer keeps
    trailing NULs (only the str *items* of a 'U' array drop them)."""
    return np.frombuffer(np.array(text), dtype=np.uint32) if text else _EMPTY
