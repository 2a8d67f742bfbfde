"""Lines of a laid-out page (PDF, OFD) back into paragraphs.

A page's running header or footer (`城关区教育局文件` atop every page) is furniture too: the line
that opens, or closes (page numbers aside), most pages the same way goes from each of them.

Page formats store lines, not paragraphs: a paragraph is cut wherever the line was full.
A line much shorter than the page's full lines ends its paragraph; a line that starts
like a heading (一、 （二） 3.), or that is indented (when the reader knows where lines start),
starts a new one.  Page-number lines (`- 3 -`, `第3页`)
are page furniture and go (`_gov.toml` [attachments] page_number_lines).
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners import profiles

HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\(\s*[一二三四五六七八九十]+\s*\)|\d+[.、．]\D|第[一二三四五六七八九十]+[章条节部分])")
FULL_SHARE = 0.85           # of the typical full line: a line at least this long continues on the next
# ... when lines are that long at all: a page's text runs 28 characters a line in a 公文 (GB/T
# 9704) and more elsewhere.  A short document of short lines (a 考试安排, a phone list) has no
# full line, and its longest ones were joined to the next (`上午 语文 9:00-11:30下午 物理 …`).
FULL_MIN = 24


@lru_cache(maxsize=1)
def page_number_line() -> re.Pattern:
    pattern = profiles.get("_gov").extra.get("attachments", {}).get("page_number_lines", r"^\s*\d{1,4}\s*$")
    return re.compile(pattern)


def without_running_lines(pages: list[list]) -> list[list]:
    """Each page's lines ((text, …) tuples) without a running header or footer: a first or last
    line (page numbers passed over) whose text opens or closes at least two pages and at least
    half of them.  A one-page document has none."""
    if len(pages) < 2:
        return pages
    ends = [_ends(page) for page in pages]
    counts: dict[str, int] = {}
    for page, at_ends in zip(pages, ends):
        for at in at_ends:
            text = page[at][0].strip()
            counts[text] = counts.get(text, 0) + 1
    running = {text for text, count in counts.items() if text and count >= max(2, (len(pages) + 1) // 2)}
    if not running:
        return pages
    return [[line for at, line in enumerate(page) if not (at in at_ends and line[0].strip() in running)]
            for page, at_ends in zip(pages, ends)]


def _ends(page: list) -> set[int]:
    """The indexes of a page's first line and its last one that is no page number."""
    texts = [line[0].strip() for line in page]
    filled = [i for i, text in enumerate(texts) if text and not page_number_line().match(text)]
    return {filled[0], filled[-1]} if filled else set()


def paragraphs(lines: list[str], indented: list[bool] | None = None) -> str:
    """Join wrapped lines into paragraphs, one per output line; page-number lines dropped.
    `indented[i]`: line i starts further right than the page's text (a first line)."""
    marks = indented or [False] * len(lines)
    kept = [(line.strip(), mark) for line, mark in zip(lines, marks)
            if line.strip() and not page_number_line().match(line.strip())]
    if not kept:
        return ""
    lines = [line for line, _ in kept]
    starts = [mark for _, mark in kept]
    lengths = sorted(len(line) for line in lines)
    full = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) >= 10 else -1]
    out: list[str] = []
    current = ""
    for line, start in zip(lines, starts):
        if current and (start or HEADING.match(line)):
            out.append(current)
            current = ""
        current += line
        if len(line) < FULL_SHARE * full or full < FULL_MIN:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n".join(out)
