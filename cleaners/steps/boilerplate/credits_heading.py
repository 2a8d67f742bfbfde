"""The document's own heading below the page's credit lines takes the title (`step`), and so does
the headline right above them when the title was a site's name at the head (`headline_above`).

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
from cleaners.steps.boilerplate.body_heading import head_lines
from cleaners.steps.boilerplate.literals import alternation
from cleaners.steps.boilerplate.title import TITLE_DECORATION_MAX, cleans_to
from cleaners.steps.link_genres import genre_title
from cleaners.steps.normalize import han_count
from cleaners.steps.title_lines import DOC_NUMBER, broken_off, fold_spaces, han_pairs, looks_like_title, table_row

HEAD_LINES = 30          # lines of the page (before the boilerplate step) where the title is looked for
CREDITS_MAX = 12         # lines between the title and the heading
NOT_A_HEADING = "—–-(（<《"   # a subtitle, a dash line, a bracketed note start so
HEADING_HAN_MIN = 8      # a label, a name or a bare part number (`篇1`) below the credits is no heading
LABEL = re.compile(r"\S{1,7}[:：]")
KEPT_MAX = 3             # credit lines the rules did not drop, between the title and the heading ...
KEPT_CHARS = 40          # ... each this short (spaces removed) ...
KEPT_ENDS = "。！？；;：:"   # ... and ending no sentence; a date alone the rules kept is the document's own
DOC_NUMBER_LINE_MAX = 20   # characters of a line that is a 公文 number alone
LABEL_MARK = frozenset(":：")
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
    if _names_kind(title, heading):
        return title, text, []
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
    numbered = _doc_number_alone(title)     # the title stays, over its heading: the credits between go
    changes = [] if numbered else [Change("title", "removed", title, "the document's heading below the page's credits")]
    for i in filled[:n_kept]:
        changes.append(Change("title", "removed", head[i].strip(), "credit line above the document's heading"))
        head[i] = ""
    if numbered:
        return title, "\n".join(head).strip("\n"), changes
    head[first] = ""
    return " ".join(heading.split()), "\n".join(head).strip("\n"), changes


def _names_kind(title: str, line: str) -> bool:
    """Does the title name the kind of document it is (`…工作总结`, `…的通知`) where the line that
    would take it names none and shares no word with it?  A site's or a column's name names no
    kind; a title that does is the document's own, and a line below it that shares none of its
    words is a byline, a motto or filler the rules did not know, not its heading (a heading
    rewording the title, the title again with a count, `…工作总结7篇`, or a part of it share words)."""
    return (genre_title(" ".join(title.split())) and not genre_title(line)
            and not han_pairs(fold_spaces(line)) & han_pairs(fold_spaces(title)))


def _doc_number_alone(title: str) -> bool:
    """Is the title a 公文 number alone (`粤府〔2004〕4号`)?  That line is the document's own, printed
    above its heading: taking the heading for the title would drop it.  Not a labelled field
    (`备注/文号:泉丰教〔2026〕1号`, a page's metadata row)."""
    return len(title) <= DOC_NUMBER_LINE_MAX and DOC_NUMBER.search(title) is not None and not LABEL_MARK.intersection(title)


def _is_heading(line: str, title: str, credit_words: bool = False) -> bool:
    """A title-like line of HEADING_HAN_MIN Han characters or more that is no subtitle,
    bracketed note, label (`关键词：…`) or credit line (`记者 王明 通讯员 李华`; with
    `credit_words` it may hold their words: `…2024-2025学年…计划`), and not the title itself
    (nor a table's row: `step` asks `table_row` with the lines around it)."""
    return (looks_like_title(line) and line[0] not in NOT_A_HEADING and not LABEL.match(line) and not broken_off(line)
            and (credit_words or not credit_line().search(line))
            and fold_spaces(line) != fold_spaces(title) and han_count(line) >= HEADING_HAN_MIN)


ABOVE_MAX = 3            # lines of the text above a headline that sits right above its credit row ...
ABOVE_CHARS = 20         # ... each this short and ending no sentence (a site's name, its motto)
CREDIT_ROW_CHARS = 80    # a credit row is no longer
CREDIT_FORM = re.compile(r"[:：]|\d{4}\s*[-/.年]\s*\d{1,2}")    # a credit line has a label's colon or a date
RAW_LINES = 200          # lines, blank ones too, read for the head (a page's text may set its blocks far apart)


def headline_above(title: str, text: str, page: str) -> tuple[str, str, list[Change]]:
    """The line right above the page's credit row takes the title: a school's or a bureau's page
    as text reads its site name and motto, its menu, then the article's headline over its credit
    row (`时间:2024-09-02 来源:教务处 作者:李明`); the first line, the site's name, was taken for the
    title.  The headline is where the credits say it is: right above a credit line the boilerplate
    step dropped (`page` is the text before it), with nothing of the text above it but a few short
    lines that end no sentence, which go.  It is title-like and longer than the title it replaces
    (a site's name is the shorter: a `下载该文档需要11个文币` above the credits is no headline)."""
    credits = credit_line()
    folded_title = fold_spaces(title)
    if not title or credits is None or len(folded_title) > ABOVE_CHARS:
        return title, text, []
    head = head_lines(text, ABOVE_MAX + 1)
    filled = [i for i, line in enumerate(head[:-1]) if line.strip() and i < RAW_LINES]
    found = None
    for k, i in enumerate(filled):
        folded = fold_spaces(head[i])
        if (len(folded) > len(folded_title) and _is_heading(head[i].strip(), title, credit_words=True)
                and _dropped_credits_below(page, folded, text, credits)):
            found = k
            break
        if len(folded) > ABOVE_CHARS or folded[-1] in KEPT_ENDS:
            return title, text, []      # a line above it that is no site's name or motto
    if found is None:
        return title, text, []
    headline = head[filled[found]].strip()
    if _names_kind(title, headline):
        return title, text, []
    changes = [Change("title", "removed", title, "the headline above the page's credit row follows")]
    for i in filled[:found]:
        changes.append(Change("title", "removed", head[i].strip(), "above the headline over the page's credit row"))
        head[i] = ""
    head[filled[found]] = ""
    return " ".join(headline.split()), "\n".join(head).strip("\n"), changes


def _dropped_credits_below(page: str, headline: str, text: str, credits: re.Pattern) -> bool:
    """Is the first filled line below `headline` (folded) in `page`'s head a credit line (a credit
    word, and a label's colon or a date) that the text no longer has?"""
    at, seen = False, 0
    for line in page.split("\n", RAW_LINES)[:RAW_LINES]:
        folded = fold_spaces(line)
        if not folded:
            continue
        if at:
            return (len(folded) <= CREDIT_ROW_CHARS and folded[-1] not in KEPT_ENDS and credits.search(line) is not None
                    and CREDIT_FORM.search(line) is not None and line.strip() not in text)
        seen += 1
        if seen > HEAD_LINES:
            return False
        at = folded == headline
    return False
