"""Drop a page's tag row at the head: a run of one-word lines (`学校` `教师` `城乡`).

Law and 范文 sites list the page's tags or keywords under the title, one word a line.  A
document does not open with such a run: its heading block has a title, 文号, an addressee, an
author, each longer or punctuated.  Only the head is searched, only runs of bare Han words, and
only above the document's first line that ends a sentence or a clause with a colon (an addressee,
`现将结果通报如下：`): below it, a run of short names is the document's own list (the schools a
通报 names, one a line).
"""
from __future__ import annotations

import re

from cleaners.chars.lines import joined_stripped, lines_of, stripped_of
from cleaners.document import Change, Edit

HEAD_LINES = 10          # non-empty lines at the top where a tag row may stand
TAG = re.compile(r"[\u4e00-\u9fff]{1,4}")
RUN_MIN = 2              # one-word lines in a row that make a tag row
STARTED = "。！？；!?;：:"   # a line ending so is the document's: no tag row below it


def step(text: str) -> Edit:
    """(On the line table's lines: split and stripped once for the steps, where a split of the
    head's lines copied the rest of the text as its last piece.)"""
    stripped = stripped_of(text)
    filled = [i for i, line in enumerate(stripped[:4 * HEAD_LINES]) if line][:HEAD_LINES]
    run: list[int] = []
    dropped: list[int] = []
    for i in filled + [None]:
        if i is not None and TAG.fullmatch(stripped[i]):
            run.append(i)
            continue
        # a tag row stands above the document: a run with nothing after it is the text itself
        if len(run) >= RUN_MIN and any(stripped[run[-1] + 1:]):
            dropped += run
        run = []
        if i is not None and stripped[i][-1] in STARTED:
            break
    if not dropped:
        return text, []
    lines = list(lines_of(text))
    for j in dropped:
        lines[j] = ""
    return joined_stripped(lines), [Change("head_tags", "removed", stripped[j], "tag row at the head") for j in dropped]
