"""The body's own heading takes the title: `yield_to_body_heading` and what a heading that
rewords the title is (split off title.py, which settles the title and its repetitions).
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.document import Change
from cleaners.profiles import Profile, generic, with_generic
from cleaners.steps.boilerplate.literals import alternation
from cleaners.steps.boilerplate.title import HEADING_HAN_MIN, HEADING_LOOKAHEAD, PART_NUMBER, clean_title, cleans_to
from cleaners.steps.boilerplate.title_head import is_intro
from cleaners.steps.title_lines import (DOC_NUMBER, OUTLINE_START, PROSE_END, SUBTITLE, SUBTITLE_START, broken_off,
                                        fold_spaces, han_chars, is_row, looks_like_title)

# A title or heading that names one part of a compilation (`第一篇: 党支部书记培训收获与感悟`,
# `【篇一】…`, `少先队工作计划春 篇1`, `教育局年终工作总结1`): the document's own heading as written,
# which gives way to no line below it (that line is the part's content, kept as written).
_NUMERAL = "[\\d一二三四五六七八九十]{1,3}"
PART_TITLE = re.compile(rf"(?:第?{_NUMERAL}篇|【\s*篇{_NUMERAL}\s*】|篇{_NUMERAL}).*|.*?[^\W\d_]\s*{PART_NUMBER.pattern}")
HEADING_SHARED = 0.5        # of the heading's distinct Han characters found in the page title, and
                            # of the page title's distinct Han characters the heading has at least
HEADING_BELOW = 3            # filled lines below the title where its own wording may still start the body
CHROME_ABOVE_MAX = 60        # visible characters of a line of chrome there (not an intro): a longer line
                             # broken off mid-sentence is text (a 文库 preview's page block)
LATIN_WORD = re.compile(r"[a-z]{2,}")
# A document's heading block around its title: a 公文 number (武政发[2017]52号), a date line
# ((2014年3月5日)), a subtitle (——在…会议上的讲话).  Never page chrome above the heading.
HEADING_BLOCK = re.compile(DOC_NUMBER.pattern +
                           r"|^[(（]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]?$|^" + SUBTITLE)


def yield_to_body_heading(title: str, text: str, profile: Profile | None = None) -> tuple[str, str, list[Change]]:
    """The page title goes when the body opens with the document's own wording of it
    (`公务员期刊网 精选范文 教育工作要点范文` above `第1篇:教育工作要点范文`, `教育局上半年工作总结年`
    above `上半年教育局帮建工作总结`): that heading is the document's title as written, and
    becomes the title.  Same title = most of the heading's Han characters occur in the page
    title, and the heading is not much shorter than it (a news photo's caption under the
    title, `BOBO组合T台走秀`, shares its words but is no heading).  A heading that would give
    way to the next line in turn stays where it is (cleaning the output again changes nothing),
    and so does a compilation's part heading (`【篇一】…`) when a second part follows: the
    compilation is split there.  The first part alone (`篇一:《幼儿园一学期工作计划》`, the
    excerpt cut before 篇二) is the document's own heading like any other.  A title or heading
    that names a compilation's part (`PART_TITLE`: `第一篇: …`, `…篇1`) is the document's own
    heading as written: it gives way to no line below it, and a page title yields to it even
    when the line below rewords it in turn."""
    if not title or PART_TITLE.fullmatch(title):
        return title, text, []
    head = head_lines(text, HEADING_LOOKAHEAD)
    filled = [i for i, line in enumerate(head[:-1]) if line.strip()]
    changes: list[Change] = []
    if (len(filled) > 2 and is_intro(head[filled[0]]) and _rewords(title, head[filled[1]].strip())
            and len(fold_spaces(head[filled[1]])) >= len(fold_spaces(title))):
        # a page's intro between its title and the document's full heading (title, 导语, heading);
        # a shorter line there is a news story's first subheading below its lede
        changes.append(Change("title", "removed", head[filled[0]].strip(), "intro between the title and the heading"))
        head[filled[0]] = ""
        filled = filled[1:]
    filled = _skip_chrome_above_heading(title, head, filled, changes)
    if not filled or not _rewords(title, head[filled[0]].strip()):
        return title, text, []
    heading = head[filled[0]].strip()
    part = part_heading(profile or generic())
    if part is not None and part.match(heading) and _second_part(part, text):
        return title, text, []
    if len(filled) > 1 and not PART_TITLE.fullmatch(heading) and _rewords(heading, head[filled[1]].strip()):
        # a chain of wordings of the title (`2023教育工作要点` / `2022教育工作要点` / `2020年教育工作要点`,
        # the page's heading, its intro's name for it, the document's own): the last one, right
        # above the body, is the document's; a chain that runs off the title's words stays
        last = _last_wording(title, head, filled)
        if last is None:
            return title, text, []
        for i in filled[:last]:
            changes.append(Change("title", "removed", head[i].strip(), "an earlier wording of the title"))
            head[i] = ""
        filled = filled[last:]
        heading = head[filled[0]].strip()
    head[filled[0]] = ""
    changes.append(Change("title", "removed", title, "the body's own heading follows"))
    # the heading said again right below goes, as the title's repetitions do (a second run
    # over the output would take it off)
    folded = fold_spaces(clean_title(heading, profile))
    for i in filled[1:]:
        if not cleans_to(head[i], folded, profile):
            break
        changes.append(Change("title", "removed", head[i].strip(), "repeated title"))
        head[i] = ""
    return heading, "\n".join(head).strip("\n"), changes


def _last_wording(title: str, head: list[str], filled: list[int]) -> int | None:
    """Where a chain of lines each rewording the one before and the title ends (its index in
    `filled`), when the line after it is no such wording; None when a line of the chain names a
    compilation's part, rewords its neighbour but not the title, or the head ends first."""
    k = 0
    while k + 1 < len(filled):
        line, below = head[filled[k]].strip(), head[filled[k + 1]].strip()
        if not _rewords(line, below):
            return k
        if PART_TITLE.fullmatch(below) or not _rewords(title, below):
            return None
        k += 1
    return None


def _skip_chrome_above_heading(title: str, head: list[str], filled: list[int], changes: list[Change]) -> list[int]:
    """When the title's own wording starts the body a few lines down (`HEADING_BELOW`), the
    lines between are page chrome (a channel name, a date stamp, an editor's intro) and go:
    each must be a short line that ends no sentence or an intro paragraph (`_is_intro`), and one
    such paragraph at most (two or more are the body: a story's lede above an inline related
    box whose first title shares the story's words).  An
    addressee (`…：`), a sentence of the body, a numbered section heading (the title repeated
    further down, a page's caption, follows body text) or a line of the document's heading
    block (`HEADING_BLOCK`: 文号, date, ——subtitle) in between: nothing is removed."""
    if not filled or _rewords(title, head[filled[0]].strip()):
        return filled
    below = range(1, min(HEADING_BELOW + 1, len(filled)))
    at = next((k for k in below if _rewords(title, head[filled[k]].strip())), None)
    if at is None or not all(_chrome_above_heading(head[i]) for i in filled[:at]):
        return filled
    if sum(fold_spaces(head[i])[-1] in PROSE_END for i in filled[:at]) > 1:
        return filled       # paragraphs, not an intro: a story's lede above a related box's title
    if at == len(filled) - 1 and not head[-1].strip():
        return filled       # the text's last line heads no body: the lines above it are the body
    for i in filled[:at]:
        changes.append(Change("title", "removed", head[i].strip(), "between the title and the body's own heading"))
        head[i] = ""
    return filled[at:]


def _chrome_above_heading(line: str) -> bool:
    folded = fold_spaces(line)
    if not folded or folded[-1] in "：:" or HEADING_BLOCK.search(line) or OUTLINE_START.match(folded):
        return False    # (a numbered section heading, `一、指导思想`, is the document's outline: the body)
    return is_intro(line) or (folded[-1] not in "。！？；!?;" and len(folded) <= CHROME_ABOVE_MAX)


@lru_cache(maxsize=64)
def part_heading(profile: Profile) -> re.Pattern | None:
    """The profile's `compilation_markers` (and `_generic.toml`'s) as one regex for a part's
    heading at the start of a line, with the spaces/tabs around it (compilations.py splits
    there; the title leaves such a heading in place)."""
    markers = alternation(with_generic(profile, "compilation_markers"))
    return re.compile(rf"^[ \t]*(?:{markers.pattern})[ \t]*", re.M) if markers else None


def _second_part(part: re.Pattern, text: str) -> bool:
    """Does another part heading start a line after the first one (a compilation to split)?"""
    return any(part.match(line) for line in text.split("\n")[1:])


def _rewords(title: str, heading: str) -> bool:
    """Is `heading` a title-like line saying what `title` says (see `yield_to_body_heading`)?  Not
    a subtitle (`——以湖北省…为例`): it says what the title says, below the heading it belongs to."""
    if not looks_like_title(heading) or fold_spaces(heading) == fold_spaces(title) or is_row(heading) \
            or SUBTITLE_START.match(heading) or broken_off(heading):
        return False
    words, title_words = set(LATIN_WORD.findall(heading.lower())), set(LATIN_WORD.findall(title.lower()))
    if words and title_words and not words & title_words:
        return False        # `cmd 设置代理` under `window系统设置代理`: Latin names carry the topic too
    han, title_han = han_chars(heading), han_chars(title)
    shared = sum(ch in title_han for ch in han)
    # both ways: an issuing organs' line (`某县统计局 国家统计局某县调查队`) under `某县…统计公报`
    # is most of its own words in the title, but says little of the title
    return len(han) >= HEADING_HAN_MIN and shared >= HEADING_SHARED * max(len(han), len(title_han))


def head_lines(text: str, filled_max: int) -> list[str]:
    """The text's lines up to its `filled_max`-th line that is not blank, then the rest whole (a
    run of blank lines, which the output folds into one, hides no line of the head)."""
    lines, filled, start = [], 0, 0
    while filled < filled_max:
        end = text.find("\n", start)
        if end < 0:                     # the text ends in the head: its last line, and no rest
            return [*lines, text[start:], ""]
        lines.append(text[start:end])
        filled += bool(lines[-1].strip())
        start = end + 1
    lines.append(text[start:])
    return lines
