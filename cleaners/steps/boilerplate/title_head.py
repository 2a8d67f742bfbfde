"""The line above the title: page chrome (`朗读`, a site's name), a site's intro or description of
the page, or a short sentence wrapped around the title.  Such a line stands first on many pages,
and the title below it is the document's (`title_below_head_line`, read by settle_title).
"""
from __future__ import annotations

import re

from cleaners.steps.link_genres import kind_word
from cleaners.steps.title_lines import (ADDRESSEE, OUTLINE_START, PROSE_END, fold_spaces, han_chars,
                                        han_pairs, looks_like_title)

INTRO_CHARS = (60, 200)     # an intro or description paragraph above the title line
INTRO_TITLE_MAX = 40
NAMED_RUN = 6               # characters of the title an intro above it names in a row (a cut title)
SECTION_NUMBER = re.compile(r"\d+(?!\d*年)")   # `01 / 指导思想`: a section, not a title (`2023年…`)
# A short sentence wrapped around the title (a site's intro: `_wraps` here, above the title line;
# steps/title_intro.py, among the head's lines): the title's chars at least, the sentence's besides it
WRAPPED_TITLE_MIN = 6
WRAP_EXTRA = (6, 60)
CHROME_TITLE_MAX = 5        # chars of a first line that may be page chrome rather than the title


def is_intro(line: str) -> bool:
    """One paragraph of an intro's length that is no title, nor a numbered section (`一、…`: the
    body's), nor a notice's or speech's whole opening, its addressee first (`各中小学校：现将《…》印发
    给你们，…。`: a 印发 notice's own words above the document it sends, whose heading rewords the
    title; an excerpt of another notice, cut off mid-sentence, is no opening)."""
    line = line.strip()
    return (INTRO_CHARS[0] <= len(fold_spaces(line)) <= INTRO_CHARS[1] and not looks_like_title(line)
            and not OUTLINE_START.match(line) and not (ADDRESSEE.match(line) and line[-1] in PROSE_END))


def title_below_head_line(lines: list[str], first: int) -> int | None:
    """Where the title line starts when the first line is page chrome above it: a short line
    (`朗读`, `学校名称`, a site name) above a longer title-like line that shares none of its Han
    characters, or a page's intro or description (one paragraph of 60-200 characters) above
    a short title-like line.  A short title of the document's own (`述职报告`) is followed by
    its body, an addressee (`…：`) or a line repeating its words, a document's opening
    paragraph by its body or a numbered section heading; None then."""
    following = first + 1          # (every blank line skipped: the output folds a run of them into one)
    while following < len(lines) and not line_at(lines, following).strip():
        following += 1
    if following >= len(lines) or not looks_like_title(lines[following]) or not _text_after(lines, following):
        return None
    head, below = fold_spaces(lines[first]), fold_spaces(lines[following])
    if looks_like_title(lines[first]) and len(head) <= CHROME_TITLE_MAX:
        han = han_chars(head)
        return following if len(below) > len(head) and not any(ch in han for ch in below) else None
    if is_intro(lines[first]) and len(below) <= INTRO_TITLE_MAX and not SECTION_NUMBER.match(below) \
            and (_describes(head, below) or head[-1] not in PROSE_END):
        return following
    if _wraps(head, below):
        return following
    return None


def wrapped_around(line: str, title: str) -> bool:
    """Is the line short but for the title it names: WRAP_EXTRA characters besides it, twice as
    many when it names the title twice (`…都要接触到{标题}吧。那么一篇好的{标题}应该怎么写呢？接下来是…
    挑选的几篇范例，…。`: a document's own words do not name it twice in a sentence or two)."""
    times = line.count(title)
    return WRAP_EXTRA[0] <= len(line) - times * len(title) <= WRAP_EXTRA[1] * min(times, 2)


def _wraps(head: str, title: str) -> bool:
    """`head` is a short sentence wrapped around the title-like line below it (`你还在为写{标题}发愁吗？
    …一定能帮到你！`): a site's intro above the title, however short.  Not where the title is named in
    book marks (`现将《{标题}》印发给你们，…。`: a notice's own words above the document it sends)."""
    at = head.find(title) if len(title) >= WRAPPED_TITLE_MIN else -1
    return (at >= 0 and head[-1] in PROSE_END and wrapped_around(head, title)
            and not (head[at - 1:at] == "《" and head[at + len(title):at + len(title) + 1] == "》"))


def _text_after(lines: list[str], index: int) -> bool:
    """Whether any text follows lines[index]: a title line has a body below it, and without one
    the two lines are a title and its one-line body (what a first cleaning wrote), which a
    second cleaning must read the same way."""
    after = index + 1
    while after < len(lines):          # (len grows when line_at splits the rest)
        if line_at(lines, after).strip():
            return True
        after += 1
    return False


def _describes(head: str, title: str) -> bool:
    """Does the paragraph describe the title below it: name half of its word pairs or more, a
    run of it (`又到了写昌黎县人民政府关于统筹推进县域的时候`: the title cut short), or the kind of
    document it is (`总结是对过去的一种总结，…` above `教育局年工作总结篇一`)?  The document's own first
    paragraph above a heading of its body (`活动概述`) shares a word or two with it at most."""
    pairs = han_pairs(title)
    if pairs and 2 * len(pairs & han_pairs(head)) >= len(pairs):
        return True
    if any(title[at:at + NAMED_RUN] in head for at in range(len(title) - NAMED_RUN + 1)):
        return True
    kind = kind_word(title)
    return bool(kind and kind in head)


def line_at(lines: list[str], index: int) -> str:
    """lines[index], when `lines` is a head split off a text with the unsplit rest as its last
    item: that rest is split further once a loop gets to it."""
    if index == len(lines) - 1 and "\n" in lines[index]:
        lines[index:] = lines[index].split("\n")
    return lines[index]
