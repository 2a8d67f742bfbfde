"""The document's own heading below the page's credit lines takes the title.

An article page reads: the page's title, its credit lines (`2014-03-14 来源:记者站 浏览数:`),
then the document as published, heading first.  The heading may word the title quite
differently (a column's name, a shortened or a site's own wording): what marks it as the
document's is where it stands, right below credits that the boilerplate step dropped, with
nothing of the text between.  A subtitle (`——在…会议上的报告`) or a bracketed line is no heading.
The credit words are site knowledge: `credit_patterns` in `_generic.toml`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.document import Change
from cleaners.profiles import generic
from cleaners.steps.boilerplate.literals import alternation
from cleaners.steps.boilerplate.title import TITLE_DECORATION_MAX, clean_title, looks_like_title

HEAD_LINES = 30          # lines of the page (before the boilerplate step) where the title is looked for
CREDITS_MAX = 12         # lines between the title and the heading
NOT_A_HEADING = "—–-(（<《"   # a subtitle, a dash line, a bracketed note start so
HEADING_HAN_MIN = 8      # a label, a name or a bare part number (`篇1`) below the credits is no heading


@lru_cache(maxsize=1)
def credit_line() -> re.Pattern | None:
    return alternation(generic().extra.get("credit_patterns", ()))


def _fold(line: str) -> str:
    return "".join(line.split())


def step(title: str, text: str, page: str) -> tuple[str, str, list[Change]]:
    """(title, text, changes): `page` is the text before the boilerplate step (in the script the
    rules read), where the dropped credit lines still stand."""
    credits = credit_line()
    if not title or credits is None:
        return title, text, []
    head = text.split("\n", CREDITS_MAX)
    first = next((i for i, line in enumerate(head[:CREDITS_MAX]) if line.strip()), None)
    if first is None or first == len(head) - 1:
        return title, text, []
    heading = head[first].strip()
    if (not looks_like_title(heading) or heading[0] in NOT_A_HEADING or _fold(heading) == _fold(title)
            or sum("\u4e00" <= ch <= "\u9fff" for ch in heading) < HEADING_HAN_MIN):
        return title, text, []
    lines = [_fold(line) for line in page.split("\n", HEAD_LINES)[:HEAD_LINES]]
    folded_title, folded_heading = _fold(title), _fold(heading)
    at = next((i for i, line in enumerate(lines) if line and len(line) <= len(folded_title) + TITLE_DECORATION_MAX
               and (line == folded_title or _fold(clean_title(line)) == folded_title)), None)
    if at is None:
        return title, text, []
    below = next((j for j in range(at + 1, min(len(lines), at + 2 + CREDITS_MAX)) if lines[j] == folded_heading), None)
    if below is None:
        return title, text, []
    between = [line for line in lines[at + 1:below] if line]
    kept = {_fold(line) for line in head[:CREDITS_MAX]}
    # the title said again below the credits is the document's own (it stands above its heading)
    if (not between or any(line in kept or line == folded_title for line in between)
            or not any(credits.search(line) for line in between)):
        return title, text, []
    head[first] = ""
    return " ".join(heading.split()), "\n".join(head).strip("\n"), [
        Change("title", "removed", title, "the document's heading below the page's credits")]
