"""The document's own heading below the page's credit lines takes the title.

An article page reads: the page's title, its credit lines (`2014-03-14 来源:记者站 浏览数:`),
then the document as published, heading first.  The heading may word the title quite
differently (a column's name, a shortened or a site's own wording): what marks it as the
document's is where it stands, right below credits that the boilerplate step dropped, with
nothing of the text between but a few short lines, one of them a credit line the rules did
not know (those go too).  A subtitle (`——在…会议上的报告`) or a bracketed line is no heading.
The credit words are site knowledge: `credit_patterns` in `_generic.toml`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.document import Change
from cleaners.profiles import generic
from cleaners.steps.boilerplate.literals import alternation
from cleaners.steps.boilerplate.title import TITLE_DECORATION_MAX, cleans_to, fold_spaces, looks_like_title, table_row
from cleaners.steps.normalize import han_count

HEAD_LINES = 30          # lines of the page (before the boilerplate step) where the title is looked for
CREDITS_MAX = 12         # lines between the title and the heading
NOT_A_HEADING = "—–-(（<《"   # a subtitle, a dash line, a bracketed note start so
HEADING_HAN_MIN = 8      # a label, a name or a bare part number (`篇1`) below the credits is no heading
LABEL = re.compile(r"\S{1,7}[:：]")
KEPT_MAX = 3             # credit lines the rules did not drop, between the title and the heading ...
KEPT_CHARS = 40          # ... each this short (spaces removed) ...
KEPT_ENDS = "。！？；;：:"   # ... and ending no sentence; a date alone the rules kept is the document's own
BARE_DATE = re.compile(r"[(（]?\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?|月)?[)）]?")   # (date) of a speech, a notice


@lru_cache(maxsize=1)
def credit_line() -> re.Pattern | None:
    return alternation(generic().extra.get("credit_patterns", ()))


def step(title: str, text: str, page: str) -> tuple[str, str, list[Change]]:
    """(title, text, changes): `page` is the text before the boilerplate step (in the script the
    rules read), where the dropped credit lines still stand."""
    credits = credit_line()
    if not title or credits is None:
        return title, text, []
    head = text.split("\n", CREDITS_MAX)
    filled = [i for i, line in enumerate(head[:CREDITS_MAX]) if line.strip()][:KEPT_MAX + 1]
    rows = head[:-1] + head[-1].split("\n", 1)[:1]     # (the head's lines, the one after it too)
    found = next(((k, i) for k, i in enumerate(filled) if _is_heading(head[i].strip(), title) and not table_row(rows, i)),
                 None)
    if found is None or found[1] == len(head) - 1:
        return title, text, []
    n_kept, first = found
    heading = head[first].strip()
    lines = [fold_spaces(line) for line in page.split("\n", HEAD_LINES)[:HEAD_LINES]]
    folded_title, folded_heading = fold_spaces(title), fold_spaces(heading)
    at = next((i for i, line in enumerate(lines) if line and len(line) <= len(folded_title) + TITLE_DECORATION_MAX
               and (line == folded_title or cleans_to(line, folded_title))), None)
    if at is None:
        return title, text, []
    below = next((j for j in range(at + 1, min(len(lines), at + 2 + CREDITS_MAX)) if lines[j] == folded_heading), None)
    if below is None:
        return title, text, []
    between = [line for line in lines[at + 1:below] if line]
    kept = [fold_spaces(head[i]) for i in filled[:n_kept]]
    # the title said again below the credits is the document's own (it stands above its heading);
    # lines the text kept between are credits the rules did not know: short, one at least a credit
    if (not between or folded_title in between or any(line not in between for line in kept)
            or any(len(line) > KEPT_CHARS or line[-1] in KEPT_ENDS for line in kept)
            or not any(credits.search(line) and not (kept and BARE_DATE.fullmatch(line)) for line in (kept or between))):
        return title, text, []
    changes = [Change("title", "removed", title, "the document's heading below the page's credits")]
    for i in filled[:n_kept]:
        changes.append(Change("title", "removed", head[i].strip(), "credit line above the document's heading"))
        head[i] = ""
    head[first] = ""
    return " ".join(heading.split()), "\n".join(head).strip("\n"), changes


def _is_heading(line: str, title: str) -> bool:
    """A title-like line of HEADING_HAN_MIN Han characters or more that is no subtitle,
    bracketed note, label (`关键词：…`) or credit line (`记者 王明 通讯员 李华`), and not the
    title itself (nor a table's row: `step` asks `table_row` with the lines around it)."""
    return (looks_like_title(line) and line[0] not in NOT_A_HEADING and not LABEL.match(line)
            and not credit_line().search(line)
            and fold_spaces(line) != fold_spaces(title) and han_count(line) >= HEADING_HAN_MIN)
