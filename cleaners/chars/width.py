"""Full-width Latin letters and digits read as ASCII, for matching only.

A watermark or a site's address is sometimes printed in full-width forms (`ＷＷＷ．ＷＥＮＫＵ．ＣＯＭ`,
`第２页`) to slip past filters that look for ASCII.  The rules are written once, in ASCII; the
text they are matched on gets these characters folded one for one (so line counts and offsets
stay those of the text), while the text itself keeps its width (normalize.py: no NFKC on content).
"""
from __future__ import annotations

import re

WIDE_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a][\uff0e\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]*")
_TO_ASCII = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF0E)}


def fold_wide_ascii(text: str) -> str:
    """`text` with full-width letters, digits (and the full stops between them) as ASCII; the same
    object when it holds none."""
    if WIDE_ALNUM.search(text) is None:
        return text
    return WIDE_ALNUM.sub(lambda run: run.group().translate(_TO_ASCII), text)
