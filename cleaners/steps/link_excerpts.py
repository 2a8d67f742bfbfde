"""Boxes of other documents shown with an excerpt each (猜你喜欢, 相关文档 on 文库 and 范文 pages):
a title, then the first lines of that document cut off with `…`, `...`, `[详细]` or `阅读全文>>`.

The excerpts are prose, so neither the line rules nor the line model (which weighs shape) drop
them, and when the box has no heading a rule names, or too little text came before it for a tail
rule to cut, a third of the page can be another site's documents.  What marks them is the cut: a
document's own paragraphs end with a sentence mark, and the one that trails off (a story's `……`)
does not come twice, each under a short line of its own shaped as a title, or twice in a row with
a link mark (`[详细]`, `阅读全文>>`) or a title before a separator (`标题 | 摘录…`).  Some sites
cut at so many characters and print no mark: prose that stops after a clause mark or inside a
word (`…及时更新本单位政务信息,`) is cut the same (a section heading's paragraph that trails
off is the preview's own cut, once).  Cut lines right below such a box belong to it, whatever
their shape.  A box that outweighs the page is left (a listing of excerpts) unless what stays is
a document's text of its own: a preview cut short above a long box.
"""
from __future__ import annotations

import re

from cleaners.chars.lines import joined, lines_of, stripped_of, visible_size
from cleaners.document import Change, Edit
from cleaners.steps.title_lines import OUTLINE_START

CUT = re.compile(r"(?:…|\.{3}|\[(?:详细|查看全文|阅读全文|全文)\]|(?:阅读|查看)全文\s*(?:>>|»|›)?|>>|»)\s*$")
LINK_MARK = re.compile(r"(?:\[(?:详细|查看全文|阅读全文|全文)\]|(?:阅读|查看)全文\s*(?:>>|»|›)?|>>|»)\s*$")
TITLE = re.compile(r"(?:\d{1,2}\s*[.、．]\s*|[•·]\s*)?[^\s，。；！？,;!?：:][^，。；！？,;!?]{3,59}")
TITLED = re.compile(r"(?P<title>[^，。；！？,;!?]{4,60}?)(?:\s+[|｜丨/·-]\s+|[|｜丨]|\s{2,})\S")
LISTED = re.compile(r"\d{1,2}[.．]\s")
HEADER = re.compile(r"(?:[•·]\s*)?[\u4e00-\u9fff]{2,8}\s*(?:[:：]|(?:更多\s*)?(?:>>|»|›)|\s+更多)?\s*")
# The characters a cut excerpt may end with (CUT's last ones): most pages have fewer than
# PAIRS_MIN lines ending so, and are passed on the line table's stripped lines (a regex for such
# line ends, starting with a character class, tried that class at every character of the text).
CUT_ENDS = frozenset("….]>»›文")
CLAUSE = "，,、"          # marks inside a sentence: prose cut after one, or between two, trails off
TAIL = 16                 # characters at a line's end that hold its cut mark (`…阅读全文 >>`)
EXCERPT_MIN = 20          # characters of an excerpt: shorter cut lines are no document's first lines
PAIRS_MIN = 2             # excerpts in one box
TRAIL_MIN = 40            # characters of an excerpt with no cut mark: a section heading with a comma is shorter
SHARE_MAX = 0.5           # of the page's visible characters: more, and the page is a listing (page_kind's) ...
REST_MIN = 300            # ... unless what stays is a document's text of its own (a preview cut short)


def _excerpt(line: str) -> bool:
    """(CUT is searched in the line's last characters only: every mark it knows is shorter.)"""
    return len(line) >= EXCERPT_MIN and CUT.search(line[-TAIL:]) is not None


def _trails_off(line: str) -> bool:
    """Prose cut off with no mark at all (`…政务信息,`, `…教工大会上解读宣`): a box's excerpt cut at
    so many characters.  A document's paragraph ends with a sentence mark; a title has no clause
    mark (a long title, `关于印发《…》的通知`, is no excerpt)."""
    return (len(line) >= TRAIL_MIN and (line[-1] in CLAUSE or line[-1].isalnum())
            and any(mark in line for mark in CLAUSE))


def _outline_heading(line: str) -> bool:
    """A document's section heading (`一、`, `（二）`, `1、`, `第三章`), not a box's numbered item
    (`1. 标题`: a list's number, a space after its dot)."""
    return OUTLINE_START.match(line) is not None and not LISTED.match(line)


def _title(line: str) -> bool:
    return TITLE.fullmatch(line) is not None and not line.endswith(("：", ":"))


def _one_line_item(line: str) -> bool:
    """`标题 | 摘录…` or a cut line with a link mark: a whole box item on one line."""
    return (_excerpt(line) and LINK_MARK.search(line[-TAIL:]) is not None) or _titled(line)


def _titled(line: str) -> bool:
    """A title before a separator (`标题 | 摘录`, `标题  摘录`)."""
    head = TITLED.match(line)
    return head is not None and _title(head.group("title").strip())


def _boxes(lines: list[str]) -> list[int]:
    """The indices of the lines that make excerpt boxes (with the header above each)."""
    rows = [i for i, line in enumerate(lines) if line.strip()]
    text = [lines[i].strip() for i in rows]
    cut = [_excerpt(line) for line in text] + [False, False]
    trail = [c or _trails_off(line) for c, line in zip(cut, text)] + [False, False]
    if sum(trail) < PAIRS_MIN:
        return []
    drop: list[int] = []
    k = 0
    while k < len(rows):
        start, items = k, 0
        while True:
            if trail[k] and _one_line_item(text[k]):
                k, items = k + 1, items + 1
            elif ((cut[k + 1] or trail[k + 1] and not _outline_heading(text[k])) and _title(text[k])
                  and not _titled(text[k + 1])):
                # (a whole item below is no title's excerpt: the line above is the page's own; nor
                # is a paragraph under a section heading that trails off, the preview's cut)
                k, items = k + 2, items + 1
            else:
                break
        if items >= PAIRS_MIN:
            # Cut lines straight below the box are more of its items, whatever their shape
            # (`标题篇1 摘录……`, one space between): left, a second cleaning would read the
            # title above them and the last two as a box of their own.
            while cut[k]:
                k += 1
            first = start - 1 if start and HEADER.fullmatch(text[start - 1]) else start
            drop += rows[first:k]
        k = max(k, start + 1)
    return drop


def _may_hold_a_box(stripped) -> bool:
    """Whether PAIRS_MIN lines may be excerpts, cut or trailing off (the step's gate, on every
    page: the lines too short for an excerpt go first, the cheap end test before `_trails_off`)."""
    longer = [line for line in stripped if len(line) >= EXCERPT_MIN]
    found = sum(line[-1] in CUT_ENDS for line in longer)
    for line in longer:
        if found >= PAIRS_MIN:
            break
        end = line[-1]
        if (end in CLAUSE or end.isalnum()) and end not in CUT_ENDS and _trails_off(line):
            found += 1
    return found >= PAIRS_MIN


def step(text: str) -> Edit:
    if not _may_hold_a_box(stripped_of(text)):
        return text, []
    lines = list(lines_of(text))
    drop = _boxes(lines)
    if not drop:
        return text, []
    boxed, whole = visible_size([lines[k] for k in drop]), visible_size(lines)
    if boxed >= SHARE_MAX * whole and whole - boxed < REST_MIN:
        return text, []
    changes = [Change("link_excerpts", "removed", lines[k].strip(), "a box of other documents' excerpts") for k in drop]
    for k in drop:
        lines[k] = ""
    return joined(lines), changes
