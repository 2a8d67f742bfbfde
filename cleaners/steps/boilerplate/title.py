"""The title step: settle the document's title and take its repetitions off the body's head.

The given title or the one the page captions carry, else a short first line; the profile's
`title_cleanup` patterns (and `_generic.toml`'s) take site decorations off it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.chars.lines import joined_stripped, lines_of
from cleaners.document import Change
from cleaners.profiles import Profile, generic
from cleaners.steps.boilerplate.removal import remove
from cleaners.steps.boilerplate.rules import rules_for
from cleaners.steps.boilerplate.title_head import line_at, title_below_head_line
from cleaners.steps.menu_rows import menu_row
from cleaners.steps.title_lines import (OUTLINE_START, SENTENCE_END, TITLE_MAX, fold_spaces, han_chars,
                                        looks_like_title)

QUOTED = re.compile(r"《([^《》]+)》")   # a page title quoted whole in book-title marks (《精选…(通用28篇)》)
TITLE_DECORATION_MAX = 80    # chars title_cleanup may remove from a line repeating the title
SETTLE_HEAD_LINES = 16       # lines split off the body's head at once (the rest as the search reaches it)
# What follows the page title on the body's own heading of a compilation's first article
# (`学校德育工作总结1`, `少先队工作计划篇1`, `…范文一`, `…(一)`, `…【篇1】`): the body has its
# own heading, which stays as written, and the page title goes.
PART_NUMBER = re.compile(r"(?:范文|范本)?\s*(?:[(（【]?\s*篇?\s*[\d一二三四五六七八九十]{1,3}\s*[)）】]?|篇[\d一二三四五六七八九十]{1,3})")
PAGE_CAPTION = re.compile(r"\s*(?:[(（]\s*\d{1,2}\s*[)）]|_?第\s*\d{1,3}\s*页)\s*")   # after a title: which page
HEADING_LOOKAHEAD = 8       # lines (blank ones not counted) looked at for the body's own heading
HEADING_HAN_MIN = 4
HEADLINE_REST_MAX = 40      # characters after a title that make a headline opening with it
# A line opening with the title whose rest says what the title is or did (`城关区第一中学是…`, `…，创办于1956年`,
# `…于8月26日举行…`):
# an entry's first sentence, the title its subject, not a title glued to the body.
SUBJECT_GOES_ON = re.compile(r"\s*(?:是|[，,]|(?:位|坐落|创办|创建|始建|建|成立|诞生|出生)于|于(?=\d|[今昨前近本上去]))")
LISTED_DATE = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*$")
# A 文库 preview page's number before the page's first line (`1、教育局…工作总结 一、领导重视`):
# with the title behind it, it is the page break, not the document's list numbering.
PREVIEW_PAGE = re.compile(r"\d{1,2}、\s*")
# A heading said twice at the start of a line, glued to what follows (the shortest such start).
DOUBLED_HEAD = re.compile(rf"([^\s{SENTENCE_END}]{{4,{TITLE_MAX}}}?)\s*\1")


@lru_cache(maxsize=4096)
def clean_title(title: str, profile: Profile | None = None) -> str:
    """The title without the site decorations `title_cleanup` names, whitespace folded;
    remembered (the body's first lines, where repetitions of the title are looked for, are a
    site's same heading lines on page after page)."""
    rules = rules_for(profile or generic())
    title = " ".join(title.split())
    while rules.title_cleanup or QUOTED.fullmatch(title):   # until nothing more comes off (most titles: one call)
        quoted = QUOTED.fullmatch(title)
        cleaned, found = rules.cleanup_title(quoted.group(1) if quoted else title) if rules.title_cleanup else (title, 0)
        cleaned = cleaned.strip()
        if not (found or quoted) or cleaned == title:
            break
        title = cleaned
    return title


def may_clean_to(line: str, folded: str) -> bool:
    """Whether `clean_title(line)` may come out as `folded` (spaces aside): cleaning only takes
    characters off, so `folded`'s first and last are on the line.  Two substring tests, where a
    line's first cleaning tries the cleanup rules at every position (~150k instructions)."""
    return not folded or (folded[0] in line and folded[-1] in line)


def cleans_to(line: str, folded: str, profile: Profile | None = None) -> bool:
    """Whether `line` cleaned as a title is `folded` (spaces aside): a repetition of the title."""
    return may_clean_to(line, folded) and fold_spaces(clean_title(line, profile)) == folded


def settle_title(title: str, text: str, profile: Profile | None = None,
                 hint: str | None = None) -> tuple[str, str, list[Change]]:
    """Pick the title and remove its repetitions at the start of the body.

    Only leading repetitions go: a report that names itself again further down keeps it."""
    changes: list[Change] = []
    lines = _head_and_rest(text)      # only the head is looked at: the rest stays whole
    title = clean_title(title or hint or "", profile)
    if title and title_below_head_line([title, *lines], 0) is not None:
        # The output starts with the title: a second cleaning, which has no title given, would
        # take it for page chrome above the body's first line (a short caption title, `年工作总结`,
        # above `县教育局2024`), so this one does.
        changes.append(Change("title", "removed", title, "page chrome above the title"))
        title = ""
    if not title:
        first = 0
        while first < len(lines) and not line_at(lines, first).strip():
            first += 1
        below = title_below_head_line(lines, first) if first < len(lines) else None
        if below is not None:
            changes.append(Change("title", "removed", lines[first].strip(), "page chrome above the title"))
            lines = lines[below:]
            first = 0
        if first < len(lines) and menu_row(lines[first].strip()) is not None:
            pass            # (a site's top bar, `中国科学院 | English | 联系我们`: menu_rows' to drop, no title)
        elif first < len(lines) and looks_like_title(lines[first]):
            candidate = clean_title(lines[first], profile)
            if candidate and _chrome_left(lines[first], candidate, profile):
                # a second cleaning of the output would drop it as the line it cleans down to: so does this one
                changes.append(Change("title", "removed", lines[first].strip(), "chrome once its decorations are off"))
                title, text, more = settle_title("", "\n".join(lines[first + 1:]), profile, hint)
                return title, text, changes + more
            if candidate and looks_like_title(candidate):     # (`• 发布机构:某某教育局` cleans down to `•`)
                title = candidate
                changes.append(Change("title", "removed", lines[first].strip(), "title line"))
                lines = lines[first + 1:]
        elif first < len(lines):
            # the heading said twice and glued to the body (`工作总结的概念工作总结的概念工作总结是指…`):
            # the first copy is the title, the repetition goes as the title prefix below
            title = clean_title(_doubled_head(lines[first].strip()), profile)
    if not title:
        return "", text, changes
    folded_title = fold_spaces(title)
    index = 0
    while index < len(lines):
        line = line_at(lines, index)
        if not line.strip():
            index += 1
            continue
        # Title decorations (`.docx`, `_第1页`, `- 某文库`) are short: a line much longer than the
        # title cannot be a repetition of it, and cleaning a whole flattened document costs.
        short = len(line) <= len(title) + TITLE_DECORATION_MAX
        if short and cleans_to(line, folded_title, profile):
            changes.append(Change("title", "removed", line.strip(), "repeated title"))
            lines[index] = ""
            index += 1
            continue
        last = _last_segment(title)
        if short and last and cleans_to(line, fold_spaces(last), profile):
            # a header line `公务员期刊网 精选范文 教育工作要点` (site, channel, title) taken for the
            # title, and the page's own title below it: the title is its last segment
            changes.append(Change("title", "removed", title, "site and channel names before the title"))
            changes.append(Change("title", "removed", line.strip(), "repeated title"))
            title, folded_title = last, fold_spaces(last)
            lines[index] = ""
            index += 1
            continue
        stripped = _without_preview_page(line.strip(), title)
        if fold_spaces(stripped).startswith(folded_title) and len(fold_spaces(stripped)) > len(folded_title):
            rest = _strip_prefix(stripped, folded_title)
            if rest is not None and (PART_NUMBER.fullmatch(rest) or _headline_rest(rest, stripped)):
                # the heading becomes the title, as written (a part's number after it, or the line is a
                # headline opening with the title, a site's name: `城关区第一小学` over
                # `城关区第一小学举行新学期开学典礼`): left as the body's first line it would be the
                # title a second run over the output takes (cleaning is idempotent)
                changes.append(Change("title", "removed", title, "the body's own heading follows"))
                title = " ".join(stripped.split())
                lines[index] = ""
                # and its own repetitions below it go, as a second run, reading it as the title, takes them
                folded_title = fold_spaces(title)
                index += 1
                continue
            elif rest is not None and not SUBJECT_GOES_ON.match(rest):
                while (again := _strip_prefix(rest, folded_title)) is not None and not PART_NUMBER.fullmatch(again):
                    rest = again      # the title glued on twice (a 文库 page's heading above the document's own)
                changes.append(Change("title", "removed", title, "title prefix"))
                lines[index] = rest
        break
    if lines and "\n" in lines[-1]:      # the rest still whole: the line table's lines of it
        lines[-1:] = lines_of(text)[-lines[-1].count("\n") - 1:]
    text, caption_changes = _drop_page_captions(title, joined_stripped(lines))
    return title, text, changes + caption_changes


def _headline_rest(rest: str, line: str) -> bool:
    """What follows the title on a line makes the line a headline of its own: a few words that
    end no sentence, start no outline item and end in no date (a listing's row), on a line that
    looks like a title."""
    rest = rest.strip()
    return (HEADING_HAN_MIN <= len(fold_spaces(rest)) <= HEADLINE_REST_MAX and not any(ch in SENTENCE_END for ch in rest)
            and not OUTLINE_START.match(rest) and not LISTED_DATE.search(rest) and looks_like_title(line))


def _chrome_left(line: str, cleaned: str, profile: Profile | None) -> bool:
    """Whether a title line's decorations came off to leave a line the rules drop whole
    (`VIP  免费下载` -> `免费下载`, a rule written for `VIP免费下载`)."""
    return fold_spaces(cleaned) != fold_spaces(line) and not remove(cleaned, profile)[0].strip()


def _head_and_rest(text: str) -> list[str]:
    """`text.split("\n", SETTLE_HEAD_LINES)`, from the line table's lines of the text."""
    lines = lines_of(text)
    if len(lines) <= SETTLE_HEAD_LINES + 1:
        return list(lines)
    return [*lines[:SETTLE_HEAD_LINES], "\n".join(lines[SETTLE_HEAD_LINES:])]


def _drop_page_captions(title: str, text: str) -> tuple[str, list[Change]]:
    """Lines further down that are the title with a page number (`校长年度述职报告(2)`,
    `…_第2页`): the caption of the page the text continues on, not the document's words.  (The
    title said again without a page number stays: a report may name itself.)"""
    changes: list[Change] = []
    start = text.find(title)
    while start != -1:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        rest = text[start + len(title):line_end]
        if not text[line_start:start].strip() and rest.strip() and PAGE_CAPTION.fullmatch(rest):
            changes.append(Change("title", "removed", text[line_start:line_end].strip(), "page caption"))
            text = text[:line_start] + text[line_end + 1:]
            start = text.find(title, line_start)
        else:
            start = text.find(title, line_end)
    return text, changes


def _last_segment(title: str) -> str:
    """The last of a title's space-separated segments when there are several and it is title
    enough (HEADING_HAN_MIN Han characters), else ''."""
    head, _, last = title.rpartition(" ")
    return last if head.strip() and len(han_chars(last)) >= HEADING_HAN_MIN else ""


def _doubled_head(line: str) -> str:
    """The title-like words a line starts with twice in a row (`XY…XY…`, spaces aside), or ''."""
    found = DOUBLED_HEAD.match(line)
    if found is None or not looks_like_title(found.group(1)) or len(han_chars(found.group(1))) < HEADING_HAN_MIN:
        return ""
    return found.group(1)


def _without_preview_page(line: str, title: str) -> str:
    """`line` without a preview page's number when the title and a space follow it
    (`1、教育局…工作总结 一、领导重视`); a list item that merely starts with the title's words
    (`1、安全工作责任制…`) keeps its number."""
    found = PREVIEW_PAGE.match(line)
    if found and line[found.end():].startswith(title + " "):
        return line[found.end():]
    return line


def _strip_prefix(line: str, folded_prefix: str) -> str | None:
    """`line` without its leading `folded_prefix` (compared ignoring whitespace)."""
    matched = 0
    for pos, ch in enumerate(line):
        if ch.isspace():
            continue
        if matched == len(folded_prefix):
            return line[pos:].strip()
        if ch != folded_prefix[matched]:
            return None
        matched += 1
    return None


