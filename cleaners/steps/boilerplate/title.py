"""The title step: settle the document's title and take its repetitions off the body's head.

The given title or the one the page captions carry, else a short first line; the profile's
`title_cleanup` patterns (and `_generic.toml`'s) take site decorations off it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.document import Change
from cleaners.profiles import Profile, generic, with_generic
from cleaners.steps.boilerplate.literals import alternation
from cleaners.steps.boilerplate.rules import rules_for

TITLE_MAX = 60
QUOTED = re.compile(r"《([^《》]+)》")   # a page title quoted whole in book-title marks (《精选…(通用28篇)》)
TITLE_DECORATION_MAX = 80    # chars title_cleanup may remove from a line repeating the title
SETTLE_HEAD_LINES = 16       # lines split off the body's head at once (the rest as the search reaches it)
SENTENCE_END = "。；;，,：:！!？?…"
# What follows the page title on the body's own heading of a compilation's first article
# (`学校德育工作总结1`, `少先队工作计划篇1`, `…范文一`, `…(一)`, `…【篇1】`): the body has its
# own heading, which stays as written, and the page title goes.
PART_NUMBER = re.compile(r"(?:范文|范本)?\s*(?:[(（【]?\s*篇?\s*[\d一二三四五六七八九十]{1,3}\s*[)）】]?|篇[\d一二三四五六七八九十]{1,3})")
# A title or heading that names one part of a compilation (`第一篇: 党支部书记培训收获与感悟`,
# `【篇一】…`, `少先队工作计划春 篇1`, `教育局年终工作总结1`): the document's own heading as written,
# which gives way to no line below it (that line is the part's content, kept as written).
_NUMERAL = "[\\d一二三四五六七八九十]{1,3}"
PART_TITLE = re.compile(rf"(?:第?{_NUMERAL}篇|【\s*篇{_NUMERAL}\s*】|篇{_NUMERAL}).*|.*?[^\W\d_]\s*{PART_NUMBER.pattern}")
PAGE_CAPTION = re.compile(r"\s*(?:[(（]\s*\d{1,2}\s*[)）]|_?第\s*\d{1,3}\s*页)\s*")   # after a title: which page
HEADING_LOOKAHEAD = 8       # blank lines skipped looking for the body's first line
HEADING_HAN_MIN = 4
HEADING_SHARED = 0.5        # of the heading's distinct Han characters found in the page title, and
                            # of the page title's distinct Han characters the heading has at least
# A 文库 preview page's number before the page's first line (`1、教育局…工作总结 一、领导重视`):
# with the title behind it, it is the page break, not the document's list numbering.
PREVIEW_PAGE = re.compile(r"\d{1,2}、\s*")
INTRO_CHARS = (60, 200)     # an intro or description paragraph above the title line
INTRO_TITLE_MAX = 40
PROSE_END = "。！？!?"      # an intro paragraph ending so is a sentence (see _bigrams)
SECTION_NUMBER = re.compile(r"\d+(?!\d*年)")   # `01 / 指导思想`: a section, not a title (`2023年…`)
CHROME_TITLE_MAX = 5        # chars of a first line that may be page chrome rather than the title
HEADING_BELOW = 3            # filled lines below the title where its own wording may still start the body
# A 公文 number (甘政发〔2012〕120号, 武政发[2017]52号): the document's own, never chrome (a line-model
# feature too).
DOC_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")
# A document's heading block around its title: a 公文 number (武政发[2017]52号), a date line
# ((2014年3月5日)), a subtitle (——在…会议上的讲话).  Never page chrome above the heading.
HEADING_BLOCK = re.compile(DOC_NUMBER.pattern +
                           r"|^[(（]?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[)）]?$|^\s*—")
# A heading said twice at the start of a line, glued to what follows (the shortest such start).
DOUBLED_HEAD = re.compile(rf"([^\s{SENTENCE_END}]{{4,{TITLE_MAX}}}?)\s*\1")
OUTLINE_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|第[一二三四五六七八九十\d]+[章节条部分])")
# a comment in a code listing (`# 设置代理`, `// 初始化`) says what the next command does; it
# names no document, however title-like its words are
CODE_COMMENT = re.compile(r"^(?:#|//|/\*|--\s|<!--)")


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


def fold_spaces(s: str) -> str:
    """The line without its spaces (what two wordings of a title are compared on)."""
    return "".join(s.split())


def may_clean_to(line: str, folded: str) -> bool:
    """Whether `clean_title(line)` may come out as `folded` (spaces aside): cleaning only takes
    characters off, so `folded`'s first and last are on the line.  Two substring tests, where a
    line's first cleaning tries the cleanup rules at every position (~150k instructions)."""
    return not folded or (folded[0] in line and folded[-1] in line)


def cleans_to(line: str, folded: str, profile: Profile | None = None) -> bool:
    """Whether `line` cleaned as a title is `folded` (spaces aside): a repetition of the title."""
    return may_clean_to(line, folded) and fold_spaces(clean_title(line, profile)) == folded


def looks_like_title(line: str) -> bool:
    """A short line with Chinese in it that ends no sentence and starts no outline item."""
    line = line.strip()
    return (2 <= len(line) <= TITLE_MAX and line[-1] not in SENTENCE_END
            and not OUTLINE_START.match(line) and not CODE_COMMENT.match(line) and any("\u4e00" <= ch <= "\u9fff" for ch in line))


def settle_title(title: str, text: str, profile: Profile | None = None,
                 hint: str | None = None) -> tuple[str, str, list[Change]]:
    """Pick the title and remove its repetitions at the start of the body.

    Only leading repetitions go: a report that names itself again further down keeps it."""
    changes: list[Change] = []
    lines = text.split("\n", SETTLE_HEAD_LINES)      # only the head is looked at: the rest stays whole
    title = clean_title(title or hint or "", profile)
    if not title:
        first = 0
        while first < len(lines) and not _line_at(lines, first).strip():
            first += 1
        below = _title_below_head_line(lines, first) if first < len(lines) else None
        if below is not None:
            changes.append(Change("title", "removed", lines[first].strip(), "page chrome above the title"))
            lines = lines[below:]
            first = 0
        if first < len(lines) and looks_like_title(lines[first]):
            candidate = clean_title(lines[first], profile)
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
        line = _line_at(lines, index)
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
            if rest is not None and PART_NUMBER.fullmatch(rest):
                # the heading becomes the title, as written: left as the body's first line it
                # would be the title a second run over the output takes (cleaning is idempotent)
                changes.append(Change("title", "removed", title, "the body's own heading follows"))
                title = " ".join(stripped.split())
                lines[index] = ""
            elif rest is not None:
                while (again := _strip_prefix(rest, folded_title)) is not None and not PART_NUMBER.fullmatch(again):
                    rest = again      # the title glued on twice (a 文库 page's heading above the document's own)
                changes.append(Change("title", "removed", title, "title prefix"))
                lines[index] = rest
        break
    text, caption_changes = _drop_page_captions(title, "\n".join(lines).strip("\n"))
    return title, text, changes + caption_changes


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
    return last if head.strip() and len(_han(last)) >= HEADING_HAN_MIN else ""


def _doubled_head(line: str) -> str:
    """The title-like words a line starts with twice in a row (`XY…XY…`, spaces aside), or ''."""
    found = DOUBLED_HEAD.match(line)
    if found is None or not looks_like_title(found.group(1)) or len(_han(found.group(1))) < HEADING_HAN_MIN:
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


def _is_intro(line: str) -> bool:
    """One paragraph of an intro's or description's length that is no title."""
    return INTRO_CHARS[0] <= len(fold_spaces(line)) <= INTRO_CHARS[1] and not looks_like_title(line)


def _title_below_head_line(lines: list[str], first: int) -> int | None:
    """Where the title line starts when the first line is page chrome above it: a short line
    (`朗读`, `学校名称`, a site name) above a longer title-like line that shares none of its Han
    characters, or a page's intro or description (one paragraph of 60-200 characters) above
    a short title-like line.  A short title of the document's own (`述职报告`) is followed by
    its body, an addressee (`…：`) or a line repeating its words, a document's opening
    paragraph by its body or a numbered section heading; None then."""
    following = first + 1
    while following < len(lines) and following <= first + HEADING_LOOKAHEAD and not _line_at(lines, following).strip():
        following += 1
    if following >= len(lines) or not looks_like_title(lines[following]):
        return None
    head, below = fold_spaces(lines[first]), fold_spaces(lines[following])
    if looks_like_title(lines[first]) and len(head) <= CHROME_TITLE_MAX:
        han = _han(head)
        return following if len(below) > len(head) and not any(ch in han for ch in below) else None
    if _is_intro(lines[first]) and len(below) <= INTRO_TITLE_MAX and not SECTION_NUMBER.match(below) \
            and (_bigrams(below) & _bigrams(head) or head[-1] not in PROSE_END):
        return following
    return None


def _bigrams(text: str) -> set[str]:
    """Pairs of adjacent Han characters: a description above a title names some of its words; a
    document's opening sentence above a share bar, a related-list header or 上一篇 names none."""
    return {a + b for a, b in zip(text, text[1:]) if "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff"}


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
    head = text.split("\n", HEADING_LOOKAHEAD)
    filled = [i for i, line in enumerate(head[:HEADING_LOOKAHEAD]) if line.strip()]
    changes: list[Change] = []
    if (len(filled) > 2 and _is_intro(head[filled[0]]) and _rewords(title, head[filled[1]].strip())
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
    each must be a short line that ends no sentence or an intro paragraph (`_is_intro`).  An
    addressee (`…：`), a sentence of the body, a numbered section heading (the title repeated
    further down, a page's caption, follows body text) or a line of the document's heading
    block (`HEADING_BLOCK`: 文号, date, ——subtitle) in between: nothing is removed."""
    if not filled or _rewords(title, head[filled[0]].strip()):
        return filled
    below = range(1, min(HEADING_BELOW + 1, len(filled)))
    at = next((k for k in below if _rewords(title, head[filled[k]].strip())), None)
    if at is None or not all(_chrome_above_heading(head[i]) for i in filled[:at]):
        return filled
    for i in filled[:at]:
        changes.append(Change("title", "removed", head[i].strip(), "between the title and the body's own heading"))
        head[i] = ""
    return filled[at:]


def _chrome_above_heading(line: str) -> bool:
    folded = fold_spaces(line)
    if not folded or folded[-1] in "：:" or HEADING_BLOCK.search(line) or OUTLINE_START.match(folded):
        return False    # (a numbered section heading, `一、指导思想`, is the document's outline: the body)
    return _is_intro(line) or folded[-1] not in "。！？；!?;"


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
    """Is `heading` a title-like line saying what `title` says (see `yield_to_body_heading`)?"""
    if not looks_like_title(heading) or fold_spaces(heading) == fold_spaces(title):
        return False
    han, title_han = _han(heading), _han(title)
    shared = sum(ch in title_han for ch in han)
    # both ways: an issuing organs' line (`某县统计局 国家统计局某县调查队`) under `某县…统计公报`
    # is most of its own words in the title, but says little of the title
    return len(han) >= HEADING_HAN_MIN and shared >= HEADING_SHARED * max(len(han), len(title_han))


def _line_at(lines: list[str], index: int) -> str:
    """lines[index], when `lines` is a head split off a text with the unsplit rest as its last
    item: that rest is split further once a loop gets to it."""
    if index == len(lines) - 1 and "\n" in lines[index]:
        lines[index:] = lines[index].split("\n")
    return lines[index]


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


def _han(text: str) -> set[str]:
    """The distinct Han characters of `text` (the basic block: what titles are compared on)."""
    return {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}
