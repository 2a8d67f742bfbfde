"""Drop a page's auto-summary: a line at the head that the body then says again.

范文 and law sites put a summary above the document (its first sentences, often cut off with
`…`), and the document follows in full.  No wording marks such a line, but its repetition
does: the body opens with the same words a few lines down and goes on where it broke off.  Only the head is searched,
and only lines long enough that a repetition cannot be chance (a short heading that recurs
stays: the title step decides about titles).
"""
from __future__ import annotations

import re

from cleaners.document import Change, Edit

HEAD_LINES = 6            # non-empty lines at the top that may be a summary
KEY_CHARS = 30            # characters (spaces removed) a summary has at least
LOOKAHEAD = 12            # ... at the start of one of this many lines after it (the body's start,
SPAN_LINES = 4            # which may run over a few short lines: title, 文号, addressee), or of
LOOKAHEAD_CHARS = 400     # more lines while they hold this few characters (a heading block or a
                          # table of contents of short lines between the summary and the body)
SENTENCE_END = "。！？!?；;”\"'）)"
ELLIPSIS = re.compile(r"(?:…+|\.{3,}|。。。)$")


def _fold(line: str) -> str:
    return "".join(line.split())


def _lookahead(folded: dict[int, str], following: list[int]) -> int:
    """How many of the following lines the body's start may be in: LOOKAHEAD, or more when
    the lines before hold fewer than LOOKAHEAD_CHARS characters all told."""
    chars = 0
    for count, i in enumerate(following):
        if count >= LOOKAHEAD and chars >= LOOKAHEAD_CHARS:
            return count
        chars += len(folded[i])
    return len(following)


def step(text: str) -> Edit:
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return text, []
    folded = {i: _fold(lines[i]) for i in filled}
    changes: list[Change] = []
    for k, i in enumerate(filled[:HEAD_LINES]):
        key = ELLIPSIS.sub("", folded[i])
        # a summary is cut off: it breaks off mid-sentence or with an ellipsis (a whole paragraph
        # said twice is the document's own repetition, kept as written)
        if len(key) < KEY_CHARS or (key == folded[i] and key[-1] in SENTENCE_END):
            continue
        after = filled[k + 1:k + 1 + _lookahead(folded, filled[k + 1:])]
        if any("".join(folded[j] for j in after[m:m + SPAN_LINES]).startswith(key) for m in range(len(after))):
            changes.append(Change("head_summary", "removed", lines[i].strip(), "repeated further down"))
            lines[i] = ""
    if not changes:
        return text, []
    return "\n".join(lines).strip("\n"), changes
