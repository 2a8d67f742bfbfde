"""Drop a page's tag row at the head: a run of one-word lines (`学校` `教师` `城乡`), or of a
site menu's items, one a line (`首页` `机构概况` … `研究生教育` `党建与文化`).

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
MENU_ITEM = re.compile(r"[\u4e00-\u9fff]{1,6}")   # a site menu's item, one a line (`研究生教育`, `党建与文化`)
MENU_RUN_MIN = 4         # such lines in a row that make a menu (a heading block has no four bare names)
STARTED = "。！？；!?;：:"   # a line ending so is the document's: no tag row below it


def step(text: str) -> Edit:
    """(On the line table's lines: split and stripped once for the steps, where a split of the
    head's lines copied the rest of the text as its last piece.)"""
    stripped = stripped_of(text)
    filled = [i for i, line in enumerate(stripped[:4 * HEAD_LINES]) if line][:HEAD_LINES]
    run: list[int] = []
    dropped: list[int] = []
    for i in filled + [None]:
        if i is not None and MENU_ITEM.fullmatch(stripped[i]):
            run.append(i)
            continue
        # a tag row stands above the document: a run with nothing after it is the text itself
        dropped += [k for row in _tag_rows(stripped, run) if any(stripped[row[-1] + 1:]) for k in row]
        run = []
        if i is not None and stripped[i][-1] in STARTED:
            break
    if not dropped:
        return text, []
    lines = list(lines_of(text))
    for j in dropped:
        lines[j] = ""
    return joined_stripped(lines), [Change("head_tags", "removed", stripped[j], "tag row at the head") for j in dropped]


def _tag_rows(stripped: tuple[str, ...], run: list[int]) -> list[list[int]]:
    """The tag rows of a run of MENU_ITEM lines: the whole run when it is a menu (MENU_RUN_MIN
    items or more, most of them words of up to four: a poem's lines of five, `静夜思` `李白`
    `床前明月光` `疑是地上霜` …, are no menu), else its stretches of RUN_MIN one-word lines (TAG)."""
    short = [TAG.fullmatch(stripped[i]) is not None for i in run]
    if len(run) >= MENU_RUN_MIN and 2 * sum(short) > len(run):
        return [run]
    rows, row = [], []
    for i, is_short in zip(run + [None], short + [False]):
        if is_short:
            row.append(i)
            continue
        if len(row) >= RUN_MIN:
            rows.append(row)
        row = []
    return rows
