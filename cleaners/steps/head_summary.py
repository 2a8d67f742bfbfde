"""Drop a page's auto-summary: a line at the head that the body then says again.

范文 and law sites put a summary above the document (its first sentences, often cut off with
`…`), and the document follows in full.  No wording marks such a line, but its repetition
does: the body opens with the same words a few lines down and goes on where it broke off (after
a label of the site's, `导读：`, or not).  Only the head is searched,
and only lines long enough that a repetition cannot be chance (a short heading that recurs
stays: the title step decides about titles).
"""
from __future__ import annotations

import re
from itertools import islice

from cleaners.chars.lines import joined_stripped, lines_of
from cleaners.document import Change, Edit

HEAD_LINES = 6            # non-empty lines at the top that may be a summary
KEY_CHARS = 30            # characters (spaces removed) a summary has at least
LOOKAHEAD = 12            # ... at the start of one of this many lines after it (the body's start,
SPAN_LINES = 4            # which may run over a few short lines: title, 文号, addressee), or of
LOOKAHEAD_CHARS = 400     # more lines while they hold this few characters (a heading block or a
                          # table of contents of short lines between the summary and the body)
HEAD_SPLIT = 16           # pieces split off the head first: most heads are decided on them
SENTENCE_END = "。！？!?；;”\"'）)"
LABEL = re.compile(r"[^\s:：，。]{1,6}[:：]")    # a label before the summary (on the folded line)
LENGTH_NOTE = re.compile(r"[(（]\s*全文\s*共?\s*[:：]?\s*\d+\s*字\s*[)）]$")   # on the folded line


def _fold(line: str) -> str:
    return "".join(line.split())


def _without_ellipsis(line: str) -> str:
    """The line without the ellipsis it breaks off with (a run of `…`, three or more `.`, or
    `。。。`), and without the length note a site puts after it (`...(全文共:3790字)`): a look at
    its end, where a regex would be tried at every character."""
    if line.endswith(("字)", "字）")):
        note = LENGTH_NOTE.search(line)
        if note:
            line = line[:note.start()]
    if line.endswith("…"):
        return line.rstrip("…")
    if line.endswith("..."):
        return line.rstrip(".")
    if line.endswith("。。。"):
        return line[:-3]
    return line


def _may_be_summary(folded_line: str) -> bool:
    """A summary is cut off: it breaks off mid-sentence or with an ellipsis (a whole paragraph
    said twice is the document's own repetition, kept as written), and is long enough."""
    key = _without_ellipsis(folded_line)
    return len(key) >= KEY_CHARS and not (key == folded_line and key[-1] in SENTENCE_END)


def _repeated_below(key: str, folded, after: list[int]) -> bool:
    """Do the folded lines of some run of SPAN_LINES of `after`, joined, start with `key`?  (The
    run's first line alone settles most: it must start with the key or be the key's start;
    only then are the run's lines folded and joined.)"""
    for m, j in enumerate(after):
        first = folded(j)
        if len(first) >= len(key):
            if first.startswith(key):
                return True
        elif key.startswith(first) and "".join([folded(i) for i in after[m:m + SPAN_LINES]]).startswith(key):
            return True
    return False


def step(text: str) -> Edit:
    # Most heads hold no line that may be a summary: that is decided on the first HEAD_SPLIT
    # lines (of the line table's, which the steps before mostly split already); only then is the
    # whole text searched.
    head = lines_of(text)
    filled = [i for i, line in enumerate(head[:HEAD_SPLIT]) if line.strip()][:HEAD_LINES]
    if len(filled) < HEAD_LINES and len(head) > HEAD_SPLIT:     # (blank lines ran past the head split off)
        return _step(text, list(lines_of(text)))
    if len(filled) < 2 or not any(_may_be_summary(_fold(head[i])) for i in filled):
        return text, []
    return _step(text, list(lines_of(text)))


def _step(text: str, lines: list[str]) -> Edit:
    # only the head is looked at: the summary lines and the lines their repetition may start on
    # (past LOOKAHEAD lines, each line spends at least one of the LOOKAHEAD_CHARS characters),
    # and those only once a head line may be a summary
    filled_lines = (i for i, line in enumerate(lines) if line.strip())
    filled = list(islice(filled_lines, HEAD_LINES))
    if len(filled) < 2:
        return text, []
    seen: dict[int, str] = {}

    def folded(i: int) -> str:                     # folded only when looked at
        line = seen.get(i)
        if line is None:
            line = seen[i] = _fold(lines[i])
        return line
    may_be = [i for i in filled if _may_be_summary(folded(i))]
    if not may_be:
        return text, []
    changes: list[Change] = []
    for k, i in enumerate(filled[:HEAD_LINES]):
        if i not in may_be:
            continue
        key = _without_ellipsis(folded(i))
        # the lines the body's start may be in: LOOKAHEAD, or more while those before hold fewer
        # than LOOKAHEAD_CHARS characters; the filled lines are found only as far as that reaches
        count = chars = 0
        at = k + 1
        while not (count >= LOOKAHEAD and chars >= LOOKAHEAD_CHARS):
            if at == len(filled):
                more = next(filled_lines, None)
                if more is None:
                    break
                filled.append(more)
            chars += len(folded(filled[at]))
            count += 1
            at += 1
        label = LABEL.match(key)
        unlabelled = key[label.end():] if label else ""      # `导读：…`, `内容提要：…`: the label is the site's
        if _repeated_below(key, folded, filled[k + 1:at]) or \
                (len(unlabelled) >= KEY_CHARS and _repeated_below(unlabelled, folded, filled[k + 1:at])):
            changes.append(Change("head_summary", "removed", lines[i].strip(), "repeated further down"))
            lines[i] = ""
    if not changes:
        return text, []
    return joined_stripped(lines), changes
