"""Lists of links to other documents (相关推荐, 热门文章, 延伸阅读 …): a short header with a
"more" mark and the titles under it, or a run of titles each carrying a date or a page count.

The rules name the headers someone wrote down, and only at the tail; sites print these lists
at the head too, under headers in every wording.  What every such list shares is its shape:
titles (short, no clause mark, no sentence end) one per line, under a header of a few
characters that ends in 更多 / >> / », or each followed by its date or page count (`· 标题  33页`,
`标题  2017-01-02`).  A document's own outline has none of these: its items are numbered
sentences or headings without a "more" header and without dates after each item.
"""
from __future__ import annotations

import re

from cleaners.document import Change, Edit

MORE_HEADER = re.compile(r"(?:[•·]\s*)?[\u4e00-\u9fff]{2,8}\s*[:：]?\s*(?:更多\s*(?:>>|»|›|>)?|>>|»|›)")
HEADER = re.compile(r"(?:[•·]\s*)?[\u4e00-\u9fff]{2,8}\s*[:：]")   # (a bare one may be the page's title)
ITEM = re.compile(r"(?:\d{1,2}\s*[.、．]\s*|[•·]\s*)?(?P<title>[^\s，。；！？,;!?：:][^，。；！？,;!?]{3,59}?)"
                  r"(?P<tag>\s+(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,4}\s*页))?")
BULLET = ("·", "•")
TAGGED_MIN = 3            # a headerless run of titles with a date / page count: this many at least
ITEMS_MIN = 2             # titles under a "more" header


def _item(line: str) -> tuple[bool, bool] | None:
    """(tagged, bulleted) when the line is shaped as a listed title, else None."""
    found = ITEM.fullmatch(line)
    if found is None or found.group("title").rstrip().endswith(("：", ":")):
        return None
    return found.group("tag") is not None, line.startswith(BULLET)


def _run(lines: list[str], start: int) -> list[int]:
    """The lines from `start` on shaped as listed titles, one after the other (blank lines skipped)."""
    run: list[int] = []
    for i in range(start, len(lines)):
        stripped = lines[i].strip()
        if not stripped:
            continue
        if _item(stripped) is None:
            break
        run.append(i)
    return run


def step(text: str) -> Edit:
    lines = text.split("\n")
    drop: list[int] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped:
            i += 1
            continue
        more = MORE_HEADER.fullmatch(stripped) is not None
        run = _run(lines, i + 1) if more or HEADER.fullmatch(stripped) else []
        shapes = [_item(lines[k].strip()) for k in run]
        chrome_items = sum(1 for tagged, bullet in shapes if tagged or bullet)
        if more and len(run) >= ITEMS_MIN:
            drop += [i] + run
        elif len(run) >= TAGGED_MIN and chrome_items == len(run):
            drop += [i] + run
        else:
            own = _run(lines, i)
            marks = [_item(lines[k].strip()) for k in own]
            if len(own) >= TAGGED_MIN and all(t for t, _ in marks):
                drop += own
                run = own[1:]
            else:
                run = []
        i = (run[-1] if run else i) + 1
    if not drop:
        return text, []
    changes = [Change("link_list", "removed", lines[k].strip(), "a list of links") for k in drop]
    for k in drop:
        lines[k] = ""
    return "\n".join(lines), changes
