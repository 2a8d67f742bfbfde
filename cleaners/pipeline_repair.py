"""The repair stage of the pipeline: layout spaces, control characters, HTML residue, the
mojibake and GBK-shift repairs, pinyin annotations and irrecoverable damage, in the order
that lets each see what the one before it left, and repeated until a pass joins nothing.
"""
from __future__ import annotations

import re

from cleaners.chars import charmodel, width
from cleaners.document import Change
from cleaners.steps import normalize, repair

REPAIRS = (repair.fix_whole_text_mojibake, repair.fix_misaligned_gbk, repair.fix_mojibake_runs)
MAX_REPAIR_PASSES = 3
# The characters each step needs (repair.NEEDS, plus the layout spaces fold_layout_spaces
# folds), looked for in one pass; a step whose characters are absent is not called.
# A full-width digit or letter is looked for in the same pass: the width fold after the repairs
# (pipeline_width) needs it of the text they leave.
WIDE_ALNUM = re.compile(f"[{width.WIDE_ALNUM}]")
GATES = charmodel.CharClasses({**repair.NEEDS, "fold_layout_spaces": normalize.LAYOUT_SPACES_RE,
                               "wide_alnum": WIDE_ALNUM})


def holds_wide_alnum(text: str) -> bool:
    """Does the text hold a full-width digit or letter?  Free for the text `repair_text` returned
    (its classes are the last ones the gate read)."""
    return bool(GATES.present(text) & GATES.bits["wide_alnum"])


def repair_text(text: str) -> tuple[str, list[Change]]:
    """Layout spaces folded, then the repair chain, then the drop of irrecoverable damage; when
    that drop or the pinyin removal joins text into something an earlier step handles
    (`<\ufffdp>` -> `<p>`, `主(shù)??h` -> `主??h`), the chain runs again, so that cleaning
    the output a second time changes nothing.

    Control characters go before the tag pass too (a zero-width space inside `<\u200bp>` hides
    the tag from it), and again after it when it unescaped something (`&#8203;`).

    Clean text needs none of the steps: which ones can do anything is decided for all of them
    by one pass over the text (`GATES`), redone only after a step changed the text."""
    changes: list[Change] = []
    present = GATES.present(text)
    # Latin-1 mojibake first, on the bytes as decoded: the space fold and the control strip
    # below would take bytes out of it (`å\x8a\xa0` is 加, `ä¹\xa0,` 习 before a comma).
    text, present = _step(repair.fix_whole_text_mojibake, text, present, changes)
    if present & GATES.bits["fold_layout_spaces"]:
        text = normalize.fold_layout_spaces(text)
        present = GATES.present(text)
    for _ in range(MAX_REPAIR_PASSES):
        text, present = _step(repair.strip_control_chars, text, present, changes)
        residue_at = len(changes)
        text, present = _step(repair.strip_html_residue, text, present, changes)
        if len(changes) > residue_at:
            text, present = _step(repair.strip_control_chars, text, present, changes)
        for step in REPAIRS:
            text, present = _step(step, text, present, changes)
        joined_at = len(changes)      # pinyin removal joins what it split: `主(shù)??h` -> `主??h`
        text, present = _step(repair.strip_pinyin, text, present, changes)
        text, present = _step(repair.drop_irrecoverable, text, present, changes)
        if len(changes) == joined_at:
            break
    return text, changes


def _step(step, text: str, present: int, changes: list[Change]) -> tuple[str, int]:
    """Run one repair step unless the text lacks the characters it needs; (text, classes present)."""
    if not present & GATES.bits[step.__name__]:
        return text, present
    new, step_changes = step(text)
    changes += step_changes
    return new, (present if new is text else GATES.present(new))
