"""Drop a page's tag row at the head: a run of one-word lines (`学校` `教师` `城乡`).

Law and 范文 sites list the page's tags or keywords under the title, one word a line.  A
document does not open with such a run: its heading block has a title, 文号, an addressee, an
author, each longer or punctuated.  Only the head is searched, and only runs of bare Han words.
"""
from __future__ import annotations

import re

from cleaners.document import Change, Edit

HEAD_LINES = 10          # non-empty lines at the top where a tag row may stand
TAG = re.compile(r"[\u4e00-\u9fff]{1,4}")
RUN_MIN = 2              # one-word lines in a row that make a tag row


def step(text: str) -> Edit:
    lines = text.split("\n", 4 * HEAD_LINES)
    head = lines[:-1] if len(lines) > 4 * HEAD_LINES else lines    # (the last piece: the unsplit rest)
    filled = [i for i, line in enumerate(head) if line.strip()][:HEAD_LINES]
    run: list[int] = []
    changes: list[Change] = []
    for i in filled + [None]:
        if i is not None and TAG.fullmatch(lines[i].strip()):
            run.append(i)
            continue
        # a tag row stands above the document: a run with nothing after it is the text itself
        if len(run) >= RUN_MIN and any(line.strip() for line in lines[run[-1] + 1:]):
            for j in run:
                changes.append(Change("head_tags", "removed", lines[j].strip(), "tag row at the head"))
                lines[j] = ""
        run = []
    if not changes:
        return text, []
    return "\n".join(lines).strip("\n"), changes
