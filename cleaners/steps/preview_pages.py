"""Drop a 文库 preview's page numbers: `1、` before the first page's text, `2、` where the second
page's text goes on with the sentence the first broke off.

A 文库 reader writes each preview page's text as one block and numbers the blocks (`1、工作总结
的概念…不断提升` / `2、自己的专业能力…`).  The numbers look like list numbering, but the break
before each one falls in the middle of a sentence, after a whole page of text: a list item
ends its sentence, or is short.  So a run of lines numbered 1、2、3… where every line before the
next number is long and breaks off mid-sentence is a run of pages: the numbers go, and each
page's text is joined to the sentence it continues.
"""
from __future__ import annotations

import re

from cleaners.document import Change, Edit

PAGE_MARK = re.compile(r"[ \t\u3000]*(\d{1,2})、[ \t\u3000]*")
PAGE_MIN = 150         # visible characters of a preview page's block (a list item is shorter ...)
OPEN_END = re.compile(r"[\w\u4e00-\u9fff]$")   # ... or ends its sentence: a page breaks off mid-word


def step(text: str) -> Edit:
    if "2、" not in text:          # (a chain has a second page: most texts stop here)
        return text, []
    lines = text.split("\n")
    chain = _chain(lines)
    if not chain:
        return text, []
    changes: list[Change] = []
    for at in reversed(chain):
        mark = PAGE_MARK.match(lines[at])
        changes.append(Change("preview_pages", "removed", mark.group().strip(), "preview page number"))
        lines[at] = lines[at][mark.end():]
        if at != chain[0]:
            before = _previous_filled(lines, at)
            lines[before] = lines[before].rstrip() + lines[at]
            del lines[before + 1:at + 1]
    changes.reverse()
    return "\n".join(lines), changes


def _chain(lines: list[str]) -> list[int]:
    """The line indexes of the page numbers 1、2、… (the line before each number after the first
    a whole page broken off mid-sentence), or [] when there is no run of at least two pages."""
    chain: list[int] = []
    for i, line in enumerate(lines):
        mark = PAGE_MARK.match(line)
        if not mark:
            continue
        number = int(mark.group(1))
        if chain and number == len(chain) + 1 and _page_breaks_off_before(lines, i):
            chain.append(i)
        elif len(chain) >= 2:
            break
        elif number == 1:
            chain = [i]
    return chain if len(chain) >= 2 else []


def _page_breaks_off_before(lines: list[str], at: int) -> bool:
    """Is the line before line `at` a page's block: long, and broken off mid-sentence?"""
    before = _previous_filled(lines, at)
    if before is None:
        return False
    block = lines[before].strip()
    return len("".join(block.split())) >= PAGE_MIN and OPEN_END.search(block) is not None


def _previous_filled(lines: list[str], at: int) -> int | None:
    return next((j for j in range(at - 1, -1, -1) if lines[j].strip()), None)
