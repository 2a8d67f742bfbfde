"""Runs of other documents' titles told by what every title of a 文库 or 范文 site names: the kind
of document it is (`…工作总结`, `…实施方案`, `…的通知`, `…心得体会`, `…(通用3篇)`).

A related box's heading is worded anew by every site (看了本文的人还看了, 本类排行, 人气排行 …), or
a line rule has taken it already, and its titles carry no date or page count: `link_lists`' named
and tagged boxes miss it.  Three titles or more in a row that each end in a document's kind, one
per line (or each over an excerpt of its text), are such a box wherever it sits: no gold of the
dev sets, seeds or replicas has one (a document's title stands over its first part's title at
most, `大学的教研室工作计划 篇1` over `2006年大学英语教研室的工作计划`).  The kinds are
`[link_lists] document_genres` in _generic.toml.  The step runs after `link_lists` and
`link_excerpts`, so that a box they know goes whole by their reading; a listing page made of
such titles is the listing verdict's, as theirs are.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.chars.lines import has_han, joined, lines_of, stripped_of
from cleaners.document import Change, Edit
from cleaners.profiles import generic
from cleaners.steps.link_lists import HEADER_MAX, NUMBER, OUTLINE, SENTENCE_ENDS, is_listing, opens_body, title_style

RUN_MIN = 3              # titles in a run
TITLE_MAX = 60           # characters of a listed title
EXCERPT_MAX = 300        # characters of an excerpt under a title
EXCERPT_MIN = 20         # ... at least (a shorter line is a byline or a meta row, no excerpt)
PART_MARK = re.compile(r"[\s\d一二三四五六七八九十篇第()（）【】:：]+$")   # a part's number after a title
# A title's number or bullet (`1. `, `· `), a part's mark (`篇一:`, `第1篇：`) before it; after its
# kind a part's number (`总结1`, `总结 篇2`) and a closing mark (`》`, `】`).
LEAD = r"(?:\d{1,2}\s*[.、．]\s*|[•·]\s*)?(?:(?:篇[一二三四五六七八九十]{1,2}|第[一二三四五六七八九十\d]{1,2}篇)\s*[:：]\s*)?[《【]?"
_LEAD = re.compile(LEAD)
NOT_IN_TITLE = frozenset("，。；！？,;!?：:|｜丨")
NAME_MIN = 3             # characters of a title before its kind
KIND_TAIL = 18           # characters at a title's end its kind and part's number fit in
TRAIL = r"\s*(?:\d{1,2}|[一二三四五六七八九十])?[》】]?"


def _kinds() -> list[str]:
    return (generic().extra.get("link_lists") or {}).get("document_genres") or []


@lru_cache(maxsize=1)
def _kind_at_end() -> re.Pattern:
    return re.compile(rf"(?:{'|'.join(_kinds() or ['(?!)'])}){TRAIL}$")


@lru_cache(maxsize=1)
def genre_ends() -> frozenset[str]:
    """The characters a title of a kind may end with: a line ending otherwise is read no further."""
    return frozenset("0123456789一二三四五六七八九十》】)）" + "".join(k[-1] for k in _kinds() if "\u4e00" <= k[-1] <= "\u9fff"))


@lru_cache(maxsize=4096)
def genre_title(line: str) -> bool:
    """Is the (stripped) line a document's title ending in the document's kind?  Not a sentence's
    part (no clause mark), nor a menu's row (`期刊大全 杂志订阅 SCI期刊 … 精品范文`, `心得体会｜总结汇报｜
    述职报告`): a title has one gap between words at most, and no bar."""
    if len(line) > TITLE_MAX or line[-1] not in genre_ends():
        return False
    title = line[_LEAD.match(line).end():]
    if len(title) < NAME_MIN + 2 or title[0].isspace() or not NOT_IN_TITLE.isdisjoint(title) \
            or len(title.split(None, 2)) > 2:
        return False
    kind = _kind_at_end().search(title, max(0, len(title) - KIND_TAIL))
    return kind is not None and kind.start() >= NAME_MIN


def kind_word(title: str) -> str:
    """The word for the kind of document a title ends in, its part's number aside (`…工作总结篇一`:
    `总结`), or "" (the kinds that are words: `document_genres` without a pattern's marks)."""
    name = PART_MARK.sub("", title)
    return next((kind for kind in _kind_words() if name.endswith(kind)), "")


@lru_cache(maxsize=1)
def _kind_words() -> tuple[str, ...]:
    return tuple(sorted((k for k in _kinds() if all("\u4e00" <= ch <= "\u9fff" for ch in k)), key=len, reverse=True))


def genre_runs(lines: tuple[str, ...]) -> list[int]:
    """The indices of the lines in runs of RUN_MIN titles of a kind or more, one style in a run
    (numbered, bulleted, plain: a change of style is the document's own line after a box), each
    title on its own or over one excerpt, cut off (a box of excerpts ends at its first title with
    none: the document's own, over its first paragraph, which ends a sentence).  A plain run
    right above prose or an addressee keeps its last title: the document's own title, or its
    part's, under the box.  `lines`: stripped."""
    drop: list[int] = []
    titles: list[int] = []
    excerpt_of: dict[int, int] = {}
    last = -1                 # the last filled line
    for k, line in enumerate(lines):
        if not line:
            continue
        title = genre_title(line)
        if titles:
            if title and title_style(line) == title_style(lines[titles[0]]):
                titles.append(k)
                last = k
                continue
            if not title and last == titles[-1] and len(excerpt_of) == len(titles) - 1 and _excerpt(line):
                excerpt_of[last] = k
                last = k
                continue
            drop += _box(lines, titles, excerpt_of, k)
        titles, excerpt_of, last = ([k] if title else []), {}, k
    return drop + _box(lines, titles, excerpt_of, len(lines))


def _excerpt(line: str) -> bool:
    """A line that may stand under a title as the first words of its document, cut off."""
    return EXCERPT_MIN <= len(line) <= EXCERPT_MAX and line[-1] not in SENTENCE_ENDS and line[-1] not in "：:"


def _box(lines: tuple[str, ...], titles: list[int], excerpt_of: dict[int, int], after: int) -> list[int]:
    """The lines of one run that make a box (see genre_runs), or none."""
    if len(titles) < RUN_MIN:
        return []
    if excerpt_of:
        box = titles[:len(excerpt_of)]
        return sorted(box + list(excerpt_of.values())) if _distinct(lines, box) >= RUN_MIN else []
    box = list(titles)
    if box and title_style(lines[box[0]]) == "plain" and _body_after(lines, after):
        box.pop()
    return box if _distinct(lines, box) >= RUN_MIN else []


def _distinct(lines: tuple[str, ...], box: list[int]) -> int:
    """Titles of the box that differ but for their number and what one holds besides another
    (`标题`, `标题 篇1`, `标题(合集7篇)` and `文号《标题》` are one): a page's own title said again
    over its parts is no box of other documents."""
    names = {PART_MARK.sub("", lines[k].lstrip("0123456789.、．•· ")) for k in box}
    return sum(not any(name != other and other in name for other in names) for name in names)


def _previous(lines: tuple[str, ...], k: int) -> int:
    """The index of the last filled line above k (-1 when none)."""
    j = k - 1
    while j >= 0 and not lines[j]:
        j -= 1
    return j


def _body_after(lines: tuple[str, ...], k: int) -> bool:
    """Does the body start at the first filled line from k on, right under a run (`opens_body`)?"""
    return next((opens_body(line) for line in lines[k:] if line), False)


def _numbered_on(lines: tuple[str, ...], boxes: list[int]) -> list[int]:
    """The boxes with the numbered titles of no kind next to theirs: a numbered box's items
    whose numbers go on above or below it (`1. 一、指导思想` over `2. …的通知`)."""
    box = set(boxes)
    for k in boxes:
        number = _number(lines[k])
        if number is None:
            continue
        for step in (-1, 1):
            at, n = k, number
            while True:
                at = _previous(lines, at) if step < 0 else _next(lines, at)
                if at < 0 or at in box or _number(lines[at]) != n + step or len(lines[at]) > TITLE_MAX \
                        or lines[at][-1] in SENTENCE_ENDS:
                    break
                box.add(at)
                n += step
    return sorted(box)


def _number(line: str) -> int | None:
    found = NUMBER.match(line)
    return int(found.group(1)) if found else None


def _next(lines: tuple[str, ...], k: int) -> int:
    """The index of the next filled line below k (-1 when none)."""
    j = k + 1
    while j < len(lines) and not lines[j]:
        j += 1
    return j if j < len(lines) else -1


def _heading(lines: tuple[str, ...], first: int) -> int | None:
    """The box's heading: the filled line right above its first title when it is short, ends no
    sentence and is no title of a kind itself (`同类文章`, `看了本文的人还看了 更多`), nor a heading of
    the document's outline (`一、指导思想`: the box stands between it and its paragraph)."""
    above = _previous(lines, first)
    if above < 0 or first - above > 2:
        return None
    line = lines[above]
    if len(line) > HEADER_MAX or line[-1] in SENTENCE_ENDS or genre_title(line) or not has_han(line) \
            or OUTLINE.match(line):
        return None
    return above


def _may_hold_run(stripped: tuple[str, ...]) -> bool:
    """RUN_MIN titles of a kind or more: most pages have fewer lines even ending as one may, and
    are read no further (one pass over the lines' last characters, then the few that do)."""
    ends = genre_ends()
    candidates = [line for line in stripped if line and line[-1] in ends]
    return len(candidates) >= RUN_MIN and sum(map(genre_title, candidates)) >= RUN_MIN


def step(text: str) -> Edit:
    stripped = stripped_of(text)
    if not _may_hold_run(stripped):
        return text, []
    boxes = genre_runs(stripped)
    if not boxes or is_listing(stripped, boxes, set()):
        return text, []
    boxes = _numbered_on(stripped, boxes)
    starts = [k for k in boxes if _previous(stripped, k) not in boxes]
    drop = sorted(set(boxes).union(h for h in (_heading(stripped, k) for k in starts) if h is not None))
    lines = list(lines_of(text))
    changes = [Change("link_list", "removed", stripped[k], "a list of titles of other documents, each ending "
                      "in the kind of document it is") for k in drop]
    for k in drop:
        lines[k] = ""
    return joined(lines), changes
