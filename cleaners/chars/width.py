"""Full-width Latin letters and digits read as ASCII, for matching only.

A watermark or a site's address is sometimes printed in full-width forms (`ＷＷＷ．ＷＥＮＫＵ．ＣＯＭ`,
`第２页`) to slip past filters that look for ASCII.  The rules are written once, in ASCII; the
text they are matched on gets these characters folded one for one (so line counts and offsets
stay those of the text), while the text itself keeps its width (normalize.py: no NFKC on content).
"""
from __future__ import annotations

import re

import numpy as np

from cleaners.chars.codepoints import codepoints

WIDE_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a][\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]*")
_TO_ASCII = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF0E)}
# the gate: a full-width Latin letter anywhere (U+FF21-FF5A, with the six signs between the cases,
# rare in Chinese), one numpy pass over the text's code points (which other steps' passes share);
# full-width digits alone are left as they are
_LETTERS_FROM, _LETTERS_SPAN = np.uint32(0xFF21), np.uint32(0xFF5A - 0xFF21)


def fold_wide_ascii(text: str) -> str:
    """`text` with full-width letters, digits (and the full stops between them) as ASCII, when it
    holds a full-width letter; else the same object."""
    if not text or not ((codepoints(text) - _LETTERS_FROM) <= _LETTERS_SPAN).any():   # (uint32: below wraps)
        return text
    return WIDE_ALNUM.sub(lambda run: run.group().translate(_TO_ASCII), text)
