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
from functools import lru_cache

from cleaners.chars.lines import joined, lines_of, stripped_of, visible_size
from cleaners.document import Change, Edit
from cleaners.profiles import generic
from cleaners.steps.link_excerpts import CUT, TAIL    # (an excerpt's cut mark, as that step reads it)
from cleaners.steps.title_lines import ADDRESSEE, SUBTITLE_START

MORE_HEADER = re.compile(r"(?:[•·]\s*)?[\u4e00-\u9fff]{2,8}\s*[:：]?\s*(?:更多\s*(?:>>|»|›|>)?|>>|»|›)")
HEADER = re.compile(r"(?:[•·]\s*)?[\u4e00-\u9fff]{2,8}\s*[:：]")   # (a bare one may be the page's title)
TITLE = re.compile(r"(?:\d{1,2}\s*[.、．]\s*|[•·]\s*)?[^\s，。；！？,;!?：:][^，。；！？,;!?]{3,59}")
TAG = re.compile(r"\s+(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,4}\s*页)$")   # a date or page count after a title
# A document's own outline heading (`一、指导思想`, `（二）…`, `第一章 总则`, `篇一:…`, `01 / …`): a list
# of links at the head runs on into the document's first heading, which is shaped as a title too.
OUTLINE = re.compile(r"(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
                     r"|第\s*[一二三四五六七八九十\d]{1,3}\s*[章节条部分篇]|篇\s*[一二三四五六七八九十]|0\d\s*[/、.．])")
CN_NUMERALS = frozenset("一二三四五六七八九十")
NUMBER = re.compile(r"(\d{1,2})\s*[.、．]")      # a numbered title's number
SENTENCE_ENDS = "。！？；!?;"
COLONS = "：:"
SENTENCE_MARK = re.compile(r"[。！？!?]")     # (a numbered excerpt holds a sentence: `1.推进…发展。深入…`)
EXCERPT_MAX = 300         # characters of an excerpt in a related box
ITEM_MAX = 80             # longer lines are no listed title
BULLET = ("·", "•")
BULLET_STARTS = "".join(BULLET)
TAGGED_MIN = 3            # a headerless run of titles with a date / page count: this many at least
ITEMS_MIN = 2             # titles under a "more" header
LIST_SHARE_MAX = 0.5      # of the page's visible characters: more, and the page is a listing ...
PROSE_SHARE_MIN = 0.15    # ... unless its other lines hold this share of it in prose (page_kind's listing
PROSE_LINE = 40           # has less): a short article above its site's long lists of other stories
TAG_ENDS = "0123456789日页"   # the last characters a tagged title may have (`_item` searches TAG only then)
MORE_ENDS = "多>»›"          # ... and a "more" header (MORE_HEADER ends in 更多, >, », ›)


HEADER_MAX = 16           # characters of a related box's heading
HEADER_GAP = 3            # blank lines between a spaced text's box heading and its first title, at most
ADJACENT_SHARE = 0.3      # of a text's filled lines with a filled line right under them, at most: spaced lines
SPACED_MIN = 6            # (filled lines it needs to tell)


@lru_cache(maxsize=1)
def related_header() -> re.Pattern:
    """A related box's heading by its name (`[link_lists] related_headers` in _generic.toml:
    热门推荐, 大家都在看 …), bare or with a colon, arrows or 更多 after it: titles under it are
    other documents' wherever the box sits, with or without a date after each."""
    names = (generic().extra.get("link_lists") or {}).get("related_headers") or ["(?!)"]
    return re.compile(rf"(?:[•·]\s*)?(?:{'|'.join(names)})\s*(?:[:：]|>>|»|›|(?:查看)?更多\s*[>»›]*)?")


def related_box_header(line: str) -> bool:
    """A related box's heading by its name, on a line of its own (also the tail rule's test, removal.py)."""
    return len(line) <= HEADER_MAX and related_header().fullmatch(line) is not None


@lru_cache(maxsize=4096)
def _item(line: str) -> tuple[bool, bool] | None:
    """(tagged, bulleted) when the line is shaped as a listed title, else None."""
    if len(line) > ITEM_MAX:
        return None
    tag = TAG.search(line) if line[-1] in TAG_ENDS else None
    title = line[:tag.start()] if tag else line
    if TITLE.fullmatch(title) is None or title.endswith(("：", ":")):
        return None
    return tag is not None, line.startswith(BULLET)


def _segments(lines: list[str]) -> list[tuple[int | None, list[int]]]:
    """(the non-blank line before it or None, its lines) per maximal run of lines shaped as
    listed titles (blank lines inside a run skipped): one pass, each line's shape read once.
    `lines`: stripped."""
    segments: list[tuple[int | None, list[int]]] = []
    before: int | None = None
    run: list[int] = []
    for i, stripped in enumerate(lines):
        if not stripped:
            continue
        if _item(stripped) is not None and MORE_HEADER.fullmatch(stripped) is None \
                and not related_box_header(stripped):      # a header starts a run
            if not run:
                segments.append((before, run))
            run.append(i)
            continue
        run = []
        before = i
    return segments


def _listed(lines: list[str], before: int | None, run: list[int]) -> list[int]:
    """The lines of one run (and its header) that make a list of links: not the document's own
    outline headings that end the run when its first item is no heading of that kind (`一、总体情况`
    under `第1篇 …`)."""
    first = title_style(lines[run[0]].strip())
    first_mark = _outline_mark(lines[run[0]].strip())
    while len(run) > 1:
        last = lines[run[-1]].strip()
        mark = _outline_mark(last)
        if not ((mark and mark != first_mark) or SUBTITLE_START.match(last) or (first != "plain" and title_style(last) != first)):
            break
        run = run[:-1]
    if len(run) > ITEMS_MIN and _apart_over_the_body(lines, run):
        run = run[:-1]
    return _list_of(lines, before, run)


def _apart_over_the_body(lines: list[str], run: list[int]) -> bool:
    """Whether the run's last title stands apart, a blank line above it where the others stand
    line after line, with the body's prose or its addressee (`尊敬的各位领导：`) right under it:
    the document's own heading under a box (`幼儿园后勤工作计划篇一` below `相关文章>>` and its
    titles), not the box's last item."""
    last = run[-1]
    below = next((line for line in lines[last + 1:] if line), "")
    return (last - run[-2] > 1 and all(b - a == 1 for a, b in zip(run, run[1:-1]))
            and title_style(lines[last]) == "plain" and opens_body(below))


def _outline_mark(line: str) -> str:
    """The kind of outline heading the line opens (`一、`: a numeral, `（二）`: a bracket, `第一章`: 第),
    as the first character of its mark with any numeral read as `一`; "" for none."""
    found = OUTLINE.match(line)
    if found is None:
        return ""
    mark = found.group(0)[0]
    return "一" if mark in CN_NUMERALS else "(" if mark == "（" else mark


def title_style(line: str) -> str:
    """How a listed title is marked: numbered, bulleted, tagged with a date or page count, or plain."""
    if NUMBER.match(line):
        return "numbered"
    if line.startswith(BULLET):
        return "bulleted"
    return "tagged" if TAG.search(line) else "plain"


def _list_of(lines: list[str], before: int | None, run: list[int]) -> list[int]:
    header = lines[before].strip() if before is not None else ""
    more = MORE_HEADER.fullmatch(header) is not None
    shapes = [_item(lines[k].strip()) for k in run]
    if before is not None and more and len(run) >= ITEMS_MIN:
        return [before] + run
    if before is not None and len(run) >= TAGGED_MIN and (more or HEADER.fullmatch(header)) \
            and all(tagged or bullet for tagged, bullet in shapes):
        return [before] + run
    dropped: list[int] = []
    tagged_run: list[int] = []
    for k, (tagged, _) in zip(run + [-1], shapes + [(False, False)]):
        if tagged:
            tagged_run.append(k)
            continue
        if len(tagged_run) >= TAGGED_MIN:      # titles each with a date / page count, no header needed
            dropped += tagged_run
        tagged_run = []
    return dropped


def _related_box(lines: tuple[str, ...], header: int, spaced: bool = False) -> list[int]:
    """The related box under a heading named as one (`related_box_header`): the lines right below
    it, with no blank line between (a box's titles stand line after line), no sentence among
    them.  Titles: numbered ones go on as long as their numbers do (`4. 各有关学校:` is the fourth
    title), a heading of the document's own outline ends the box unless it is the next number
    or comes where the next title of a box of titles with excerpts does (`第一篇: …` over its
    excerpt), and so does a change of style (dated titles, then a plain line: the document's own
    first line).  Excerpts: a longer line cut off (`…`, `[详细]`, `>>`, or no sentence mark at its
    end) stands in the box right under a title, or anywhere when it carries a cut mark; in such a
    box a last plain title with no excerpt under it is the document's own.  In a text whose
    lines all stand a blank line apart (`spaced`), one blank line is no gap; two are, except
    between the heading and its first title (a page's text puts the blank lines of its nested
    blocks there: `相关阅读`, two blank lines, the titles a blank line apart)."""
    box: list[int] = []
    titles: list[int] = []
    number = 0
    for k in range(header + 1, len(lines)):
        line = lines[k]
        if not line and spaced:
            between_titles = lines[k - 1] and k + 1 < len(lines) and lines[k + 1]
            if between_titles or (not box and k - header <= HEADER_GAP):
                continue
        if not line or line[-1] in SENTENCE_ENDS:
            break
        numbered = NUMBER.match(line) if len(line) <= ITEM_MAX and not SENTENCE_MARK.search(line) else None
        if numbered and int(numbered.group(1)) == number + 1 and (number or not box):
            number += 1     # (numbered titles: from the box's first line on)
            titles.append(k)
            box.append(k)
            continue
        if len(line) > ITEM_MAX or _item(line) is None:
            if len(line) <= EXCERPT_MAX and (CUT.search(line[-TAIL:]) or (box and box[-1] in titles)) \
                    and line[-1] not in COLONS:
                box.append(k)
                continue
            break
        alternating = bool(box) and box[-1] not in titles and box[-1] - 1 in titles    # title, excerpt, ...
        if number or (OUTLINE.match(line) and not alternating) \
                or (titles and title_style(line) != title_style(lines[titles[0]])) or (box and not titles):
            break           # (a title after excerpts that carry their own titles: the document's)
        titles.append(k)
        box.append(k)
    if box and box[-1] in titles and title_style(lines[box[-1]]) == "plain" \
            and any(k - 1 in titles for k in box if k not in titles):
        box.pop()           # (titles with an excerpt each: a last plain title with none is the document's)
    if len(box) >= ITEMS_MIN or (len(box) == 1 and box == titles and _after_the_body(lines, header, box[0])):
        return [header] + box
    return []


def _after_the_body(lines: tuple[str, ...], header: int, last: int) -> bool:
    """Whether a box stands after the document: prose above its heading, none below its last line
    (a box of one title there is another document's, not the first line of this one's)."""
    return any(prose_line(line) for line in lines[:header]) and not any(prose_line(line) for line in lines[last + 1:])


def prose_line(line: str) -> bool:
    """A line of prose: it ends a sentence, or is PROSE_LINE characters or more."""
    return bool(line) and (line[-1] in SENTENCE_ENDS or len(line) >= PROSE_LINE)


def opens_body(line: str) -> bool:
    """Does the body start at this line, under a box: prose, or its addressee (`尊敬的各位领导：`,
    `各乡、镇人民政府，县政府各部门：` under a notice's title)?"""
    return prose_line(line) or ADDRESSEE.match(line) is not None


def _may_hold_list(stripped: tuple[str, ...]) -> bool:
    """Whether a list can be found at all: a list needs a "more" header (a line ending as
    MORE_HEADER does), or TAGGED_MIN titles each tagged (ending as TAG does) or bulleted.  Most
    pages have neither; reading each line's two ends costs ~a tenth of `_segments`' pass."""
    items = 0
    for line in stripped:
        if not line:
            continue
        end = line[-1]
        if end in MORE_ENDS or related_box_header(line):
            return True
        if end in TAG_ENDS or line[0] in BULLET_STARTS:
            items += 1
            if items >= TAGGED_MIN:
                return True
    return False


def _spaced(stripped: tuple[str, ...]) -> bool:
    """Whether the text sets its lines blank lines apart (a page's text as an archive stores it,
    every block its own paragraph): at most ADJACENT_SHARE of its filled lines have a filled
    line right under them."""
    filled = adjacent = 0
    for k in range(len(stripped) - 1):
        if stripped[k]:
            filled += 1
            adjacent += bool(stripped[k + 1])
    return filled >= SPACED_MIN and adjacent <= ADJACENT_SHARE * filled


def _prose(stripped: tuple[str, ...], drop: list[int]) -> int:
    """Visible characters of the lines outside the lists that read as prose: a sentence's end,
    or PROSE_LINE characters or more."""
    dropped = set(drop)
    return visible_size(line for k, line in enumerate(stripped) if k not in dropped and prose_line(line))


def is_listing(stripped: tuple[str, ...], runs: list[int], boxed: set[int]) -> bool:
    """Whether the headerless runs of titles are the page itself (a listing): LIST_SHARE_MAX of
    its visible characters or more, with less than PROSE_SHARE_MIN of them in prose.  The page is
    read without its related boxes: a short story over boxes named as other stories' (相关阅读 …)
    and a run of dated titles is a story, not a listing its boxes outweigh."""
    whole = visible_size(line for k, line in enumerate(stripped) if k not in boxed)
    return (visible_size([stripped[k] for k in runs]) >= LIST_SHARE_MAX * whole
            and _prose(stripped, [*runs, *boxed]) < PROSE_SHARE_MIN * whole)


def step(text: str) -> Edit:
    stripped = stripped_of(text)        # (what _segments and _listed read: each line stripped)
    if not _may_hold_list(stripped):
        return text, []
    headers = [i for i, line in enumerate(stripped) if line and related_box_header(line)]
    spaced = bool(headers) and _spaced(stripped)
    boxed = {k for i in headers for k in _related_box(stripped, i, spaced)}
    runs = sorted({k for before, run in _segments(stripped) for k in _listed(stripped, before, run)} - boxed)
    if runs and is_listing(stripped, runs, boxed):
        runs = []               # (a page that is mostly such a list is a listing page: page_kind's to judge)
    drop = sorted(boxed.union(runs))
    # a related box's heading with no box under it (its titles went already, or excerpts stand
    # there) is chrome on its own, as the line rule that took it before this step said
    lone = [i for i in headers if i not in drop]
    if not drop and not lone:
        return text, []
    changes = [Change("link_list", "removed", stripped[k], "a related box's heading" if k in lone else "a list of links")
               for k in sorted(drop + lone)]
    lines = list(lines_of(text))
    for k in drop + lone:
        lines[k] = ""
    return joined(lines), changes
