"""Full-width forms of ASCII (U+FF01-FF5E: `２０２５`, `ＶＩＰ`, `：`), which some sites and word
processors write, and the ASCII they stand for: one definition for the width fold, the repairs'
gate and the mojibake repair's judgement."""
from __future__ import annotations

WIDE_OFFSET = 0xFEE0                        # a full-width form's code point less its ASCII's
WIDE_DIGITS = "\uff10-\uff19"               # (regex class bodies)
WIDE_LETTERS = "\uff21-\uff3a\uff41-\uff5a"
WIDE_ALNUM = WIDE_DIGITS + WIDE_LETTERS
# str.translate tables: the letters and digits; every full-width form of ASCII.
ALNUM_TO_ASCII = {code: code - WIDE_OFFSET for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}
FORMS_TO_ASCII = {code: code - WIDE_OFFSET for code in range(0xFF01, 0xFF5F)}
