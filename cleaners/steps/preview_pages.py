"""Drop a 文库 preview's page numbers: `1、` before the first page's text, `2、` where the second
page's text goes on with the sentence the first broke off.

A 文库 reader writes each preview page's text as one block and numbers the blocks (`1、工作总结
的概念…不断提升` / `2、自己的专业能力…`).  The numbers look like list numbering, but the break
before each one falls in the middle of a sentence, after a whole page of text: a list item
ends its sentence, or is short.  So a run of lines numbered 1、2、3… where every line before the
next number is long and breaks off mid-sentence is a run of pages: the numbers go, and each
page's text is joined to the sentence it continues.

Some readers set the number on a line of its own (`1、` alone, then the page's text): a list's
number is never alone, its item follows it.  A run of such lines numbered 1、2、… with a page's
worth of text between each two is a run of page numbers, and they go, whatever the text
before each ends with (no join: the lines around them stay as they are).
"""
from __future__ import annotations

import re

from cleaners.chars.lines import visible_size
from cleaners.document import Change, Edit

BARE = re.compile(r"[ \t\u3000]*(\d{1,2})、[ \t\u3000]*")
PAGE_MARK = re.compile(r"[ \t\u3000]*(\d{1,2})、[ \t\u3000]*")
LINE_MARK = re.compile(r"\n[ \t\u3000]*(\d{1,2})、")    # led by the newline: found at C speed
PAGE_MIN = 150         # visible characters of a preview page's block (a list item is shorter ...)
OPEN_END = re.compile(r"[\w\u4e00-\u9fff]$")   # ... or ends its sentence: a page breaks off mid-word
# Between two pages a short line without a clause mark (a reader's page header, a byline, chrome a
# later step drops) is passed over: a second run, which no longer has it, finds the pages too.  Other
# chrome there (`下载币余额：3｜余额不足？去充值`, an editor's intro) hides the run: the pipeline looks
# again once the rules and the line model dropped lines, as a second run over the output would.
PASSED_MAX = 40        # visible characters of such a line
PASSED_LINES = 2       # ... and at most this many of them
CLAUSE = re.compile(r"[，。；！？,;!?]")


def step(text: str) -> Edit:
    if "2、" not in text:          # (a chain has a second page: most texts stop here)
        return text, []
    # the numbered lines, found at C speed; the text is split only once a chain is found
    first = PAGE_MARK.match(text)
    marks = [(0, int(first.group(1)))] if first else []
    marks += [(found.start() + 1, int(found.group(1))) for found in LINE_MARK.finditer(text)]
    if any(number == 2 and _alone(text, at) for at, number in marks):     # (a run's second, alone)
        bare_text, bare = _bare_numbers(text)
        if bare:
            return bare_text, bare
    chain_at = _chain(text, marks)
    if not chain_at:
        return text, []
    lines = text.split("\n")
    line_of = dict(zip(chain_at, _line_indexes(text, chain_at)))
    chain = [line_of[at] for at in chain_at]
    changes: list[Change] = []
    for at in reversed(chain):
        mark = PAGE_MARK.match(lines[at])
        changes.append(Change("preview_pages", "removed", mark.group().strip(), "preview page number"))
        lines[at] = lines[at][mark.end():]
        if at != chain[0]:
            before = next(j for j in range(at - 1, -1, -1) if lines[j].strip())
            if not _passable(lines[before].strip()):      # (a line passed over stays: no join across it)
                lines[before] = lines[before].rstrip() + lines[at]
                del lines[before + 1:at + 1]
    changes.reverse()
    return "\n".join(lines), changes


def _alone(text: str, at: int) -> bool:
    """Does the number at `at` (a line's start) stand alone on its line?"""
    end = PAGE_MARK.match(text, at).end()
    return end == len(text) or text[end] == "\n"


def _bare_numbers(text: str) -> Edit:
    """Drop the run of lines that hold only a page number 1、2、… with PAGE_MIN visible characters
    or more between each two (the chain of `step` for numbers on their own lines)."""
    lines = text.split("\n")
    numbered = [(i, int(found.group(1))) for i, line in enumerate(lines) if (found := BARE.fullmatch(line))]
    chain: list[int] = []
    for i, number in numbered:
        if chain and number == len(chain) + 1 and visible_size(lines[chain[-1] + 1:i]) >= PAGE_MIN:
            chain.append(i)
        elif len(chain) >= 2:
            break
        elif number == 1:
            chain = [i]
    if len(chain) < 2:
        return text, []
    changes = [Change("preview_pages", "removed", lines[i].strip(), "preview page number") for i in chain]
    for i in chain:
        lines[i] = ""
    return "\n".join(lines), changes


def _chain(text: str, marks: list[tuple[int, int]]) -> list[int]:
    """Where the page numbers 1、2、… start (the line before each number after the first a
    whole page broken off mid-sentence), or [] when there is no run of at least two pages.
    `marks`: (offset, number) of every line that starts with a number and 、."""
    chain: list[int] = []
    for at, number in marks:
        if chain and number == len(chain) + 1 and _page_breaks_off_before(text, at):
            chain.append(at)
        elif len(chain) >= 2:
            break
        elif number == 1:
            chain = [at]
    return chain if len(chain) >= 2 else []


def _page_breaks_off_before(text: str, at: int) -> bool:
    """Is the filled line before the line starting at `at` a page's block: long, and broken off
    mid-sentence?"""
    end = at - 1                      # the newline that ends the line before
    passed = 0
    while end >= 0:
        start = text.rfind("\n", 0, end) + 1
        block = text[start:end].strip()
        if block and passed < PASSED_LINES and _passable(block):
            passed += 1
        elif block:
            return len("".join(block.split())) >= PAGE_MIN and OPEN_END.search(block) is not None
        end = start - 1
    return False


def _passable(line: str) -> bool:
    """A short line without a clause mark, passed over between two pages."""
    return len("".join(line.split())) <= PASSED_MAX and CLAUSE.search(line) is None


def _line_indexes(text: str, offsets: list[int]) -> list[int]:
    """The line index of each of the (ascending) offsets."""
    indexes, line, counted = [], 0, 0
    for at in offsets:
        line += text.count("\n", counted, at)
        counted = at
        indexes.append(line)
    return indexes
