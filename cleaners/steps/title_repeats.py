"""The page title printed again inside the body with a reader's decoration (`标题.docx`, `VIP标题`,
`标题 第2页`, `标题 - 某某文库`, `标题 某某范文网`, `【精品】标题`, `《标题》全文阅读`, `最新标题`): a preview's page
header or a download box, never the document's.

The title step removes repetitions at the head only, where a repeated title is read as the
title; further down, a line saying the title again as written may be the document's (a speech
restating its theme), but one carrying a file extension, a VIP mark, a page number or a site
name is the reader's furniture.  A compilation's part heading (`标题1`, `标题(二)`, `标题篇一`)
is no such decoration and stays.
"""
from __future__ import annotations

import re

from cleaners.chars.lines import lines_of, stripped_of
from cleaners.document import Change, Edit
from cleaners.steps.title_lines import fold_spaces

# A VIP mark, or a short label in brackets (`【精品】`, `[原创]`, `〖免费文档〗`); not a compilation's part
# (`【第1篇】`, `【篇一】`), which stays.
PREFIX = re.compile(r"(?:VIP|vip)\s*[-_:：]?\s*|[【\[〖](?![^】\]〗]*[\d第篇一二三四五六七八九十])[^】\]〗\s]{1,8}[】\]〗]\s*")
# A file extension, a page number, a site's name after a separator (and a section or two before it:
# `标题 - 中学教育 - 某某范文网`), and in brackets the count
# of a compilation (`(通用8篇)`, `【推荐5篇）`) or the file's edition (`(word可编辑)`, `（2019最新版）`).
SUFFIX = re.compile(r"\.(?:docx?|pdf|pptx?|xlsx?|txt|wps|rtf)|\s*_?\s*第\s*\d{1,3}\s*页"
                    r"|(?:\s*[-_|｜–—丨·/]\s*[^-_|｜–—丨·/\s]{2,8}){0,2}\s*[-_|｜–—丨·/]\s*[^-_|｜–—丨·/\s]{2,12}(?:文库|网|文档|范文)"
                    r"|[(（【\[][^()（）【】\[\]\d]{0,4}\d{1,3}篇[)）】\]]"
                    r"|[(（【\[][^()（）【】\[\]]{0,10}(?:版|可编辑|可修改)[)）】\]]")
BOOK_TAIL = re.compile(r"(?![^篇第章节]*[篇第章节])[\u4e00-\u9fff]{1,4}")   # (not a part: `《标题》第二章`)
BULLET = re.compile(r"^[•·●○◆◇■□▪▸►*-]\s*")
DECORATION_MAX = 20       # characters a decoration adds: longer lines are not looked at
TITLE_MIN = 4             # characters of a title: shorter ones are said in the body for their own sake


def _decorated(line: str, title: str) -> bool:
    """`line` is `title` with a reader's prefix and/or suffix (at least one), both without spaces;
    a list bullet may lead it (`• 标题.pdf`, an attachment list's link), but is no decoration alone."""
    line = BULLET.sub("", line, count=1)
    at = line.find(title)
    if at < 0 or len(line) == len(title):
        return False
    prefix, suffix = line[:at], line[at + len(title):]
    if prefix[-1:] == "《" and suffix[:1] == "》":           # `《标题》全文阅读`: the title named, then a word or two
        return (len(prefix) == 1 or PREFIX.fullmatch(prefix[:-1]) is not None) and BOOK_TAIL.fullmatch(suffix[1:]) is not None
    return (not prefix or PREFIX.fullmatch(prefix) is not None) and (not suffix or SUFFIX.fullmatch(suffix) is not None)


DECORATED_END = re.compile(f"(?:{SUFFIX.pattern})$")
# The title, then a site's name after a space alone (`标题 某某范文网`): read on the line as written,
# whose spaces the comparison of decorated copies folds away.
SITE_NAME = re.compile(r"[^\-_|｜–—丨·/]{2,12}(?:文库|网|文档|范文)")
SITE_LAST = frozenset("库网档文")
# A related box's or a 范文 site's selling word glued before the title said again (`最新标题`, `热门标题`):
# the title itself may open so (`最新出炉…`), so only a copy of the settled title is read so.
SELLING = re.compile(r"(?:最新|热门|推荐|精选)\s*")


def _title_with_words_lines(text: str, title: str, folded_title: str) -> list[int]:
    """The lines that are the title (as written), a space, then a site's name, or the title after a
    selling word: looked for where the title stands in the text (str.find; a pass over every line
    cost ~10 us a text)."""
    found: list[int] = []
    title = title.strip()
    at = text.find(title)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start:end if end >= 0 else len(text)].strip()
        if (line[-1:] in SITE_LAST and _title_before_site(line, folded_title)) or _sold(line, title):
            found.append(text.count("\n", 0, start))
        at = text.find(title, end) if end >= 0 else -1
    return found


def _sold(line: str, title: str) -> bool:
    """Is the line the title after a selling word (`最新标题`), the title not opening so itself?"""
    word = SELLING.match(line)
    return word is not None and line[word.end():] == title and SELLING.match(title) is None


def _title_before_site(line: str, folded_title: str) -> bool:
    """Is the line the title, a space, then a site's name (`标题 某某范文网`)?  (The line's last
    space found by rsplit: a regex for it tried every position.)"""
    parts = line.rsplit(None, 1)
    return len(parts) == 2 and SITE_NAME.fullmatch(parts[1]) is not None and fold_spaces(parts[0]) == folded_title
SUFFIX_LAST = frozenset("xcftsXCFTS页库网档文)）】]")    # what a SUFFIX match can end with: the cheap test first
PREFIX_FIRST = frozenset("Vv【[〖《•·●○◆◇■□▪▸►*-")            # ... and what a PREFIX or a bullet starts with
LINE_MAX = 80             # characters of a line whose decorated copy is looked for (a heading, a title)


def step(text: str, title: str) -> Edit:
    """Drop the title's decorated copies, and those of any other short line of the text: a page
    header repeating a heading the title step did not take as the title (`VIP标题` beside `标题`
    when the page's name line came first)."""
    folded = fold_spaces(title)
    stripped_lines = stripped_of(text)
    longest = max(LINE_MAX, len(folded)) + DECORATION_MAX
    # (inline, not a call per line: most lines fail on their last and first character)
    decorated = [i for i, line in enumerate(stripped_lines)
                 if TITLE_MIN < len(line) <= longest and ((line[-1] in SUFFIX_LAST and DECORATED_END.search(line))
                                                         or (line[0] in PREFIX_FIRST and _prefixed(line)))]
    worded = _title_with_words_lines(text, title, folded) if len(folded) >= TITLE_MIN else []
    if worded:
        decorated = sorted(set(decorated).union(worded))
    if not decorated:
        return text, []
    lines = list(lines_of(text))
    targets = {fold_spaces(line) for line in stripped_lines if TITLE_MIN <= len(line) <= LINE_MAX}
    if len(folded) >= TITLE_MIN:
        targets.add(folded)
    changes = []
    for i in decorated:
        stripped = stripped_lines[i]
        line = fold_spaces(stripped)
        if i in worded or any(_decorated(line, target) for target in targets if target in line):
            changes.append(Change("title", "removed", stripped, "the title again, decorated"))
            lines[i] = ""
    return ("\n".join(lines), changes) if changes else (text, [])


def _prefixed(stripped: str) -> bool:
    """The line opens with a reader's prefix (after a list bullet, if any), or names a title in book
    marks with a word or two after them (`《标题》全文阅读`; a sentence opening with a 《…》 has more)."""
    stripped = BULLET.sub("", stripped, count=1)
    if stripped[:1] == "《":
        close = stripped.rfind("》")
        return close > 0 and BOOK_TAIL.fullmatch(stripped, close + 1) is not None
    return PREFIX.match(stripped) is not None
