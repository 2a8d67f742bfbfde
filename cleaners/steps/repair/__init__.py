"""Repairs of mis-decoded text, one module per step; cleaners/pipeline_repair.py runs them in this order:

    fix_whole_text_mojibake -> (layout spaces folded) -> strip_control_chars -> strip_html_residue
    (-> strip_control_chars again if it changed anything) -> fix_whole_text_mojibake
    -> fix_misaligned_gbk -> fix_mojibake_runs -> strip_pinyin -> drop_irrecoverable
    (the chain from the control strip on runs again when that drop joined text into new work)

Why this order:
  * the latin-1 mojibake repair first, on the text as it was decoded: folding layout spaces and
    stripping controls would take bytes out of it (U+00A0 is the last byte of 加 校 习 read as
    latin-1, a C1 control a byte windows-1252 leaves undefined); it runs again in the chain.
  * control characters next: a zero-width space inside a tag name (`<di\\u200bv>`) hides the
    tag; and again after the tag pass when an entity unescaped to one (`&#8203;`).  C1 controls
    beside latin-1 characters stay: they are mojibake bytes the next step needs.
  * HTML residue before the mojibake repairs: `&Ouml;&ETH;` is mojibake only once unescaped.
  * the whole-text latin-1 repair before the GB repairs, which read the characters of text
    already decoded as Chinese; inside it, GB re-decodings come before ftfy (ftfy makes GB
    mix-ups worse).
  * the GBK-shift repair before the run repair: both claim clusters of uncommon characters, and
    the shift repair's test is the narrower one (a lost lead byte after Chinese, one lead byte
    clearly winning), so it goes first (on the test data and the real texts the two orders
    agree).  It also goes before the pinyin strip, because an annotation such as
    `發(fā)` is the evidence that picks the lost lead byte.
  * irrecoverable damage last: U+FFFD marks where bytes were lost, which the GBK-shift repair
    (a lost lead byte) and the run repair (lossy UTF-8) read; only what they leave is dropped.

Each step is a function `step(text) -> (new_text, [Change, ...])`: pure, never raises,
idempotent, and gated by one C-speed check (a compiled regex search or `in`) so that clean
text costs next to nothing.  Step names in the Change records are the module names:
html_residue, control_chars, mojibake, gbk_shift, mojibake_runs, pinyin, irrecoverable.
"""
from __future__ import annotations

import re

from cleaners.steps.repair.control_chars import CONTROL_GATE_RE, strip_control_chars
from cleaners.steps.repair.gbk_shift import fix_misaligned_gbk
from cleaners.steps.repair.html_residue import strip_html_residue
from cleaners.steps.repair.irrecoverable import drop_irrecoverable
from cleaners.steps.repair.mojibake import LATIN1_RE, fix_whole_text_mojibake
from cleaners.steps.repair.mojibake_runs import SUSPECT_RE, fix_mojibake_runs
from cleaners.steps.repair.pinyin import PINYIN_SYLLABLES, strip_pinyin

__all__ = ["NEEDS", "PINYIN_SYLLABLES", "drop_irrecoverable", "fix_misaligned_gbk", "fix_mojibake_runs",
           "fix_whole_text_mojibake", "strip_control_chars", "strip_html_residue", "strip_pinyin"]

# For each step, the characters without which it has nothing to do (its own first check, or a
# superset of it): the pipeline looks for all of them in one pass (`charmodel.CharClasses`) and
# skips the steps whose characters are absent, instead of running seven gates over the text.
# Keys are the steps' `__name__`s.
NEEDS: dict[str, re.Pattern] = {
    "strip_html_residue": re.compile("[<&]"),
    "strip_control_chars": CONTROL_GATE_RE,
    "fix_whole_text_mojibake": LATIN1_RE,
    "fix_misaligned_gbk": re.compile("[?\ufffd]"),
    "fix_mojibake_runs": SUSPECT_RE,
    "strip_pinyin": re.compile("[(（]"),
    "drop_irrecoverable": re.compile("[\ufffd拷烫燙屯]"),
}
