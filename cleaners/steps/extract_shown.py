"""The headline a page shows above its article, for pages whose `<title>` does not hold it.

Government CMS templates title every page alike (`详细内容`, `新闻详情`, `信息公开`), or with the
site's or the column's name alone, and show the document's headline only in the page: a div
classed `title`, an h2, a strong line, right above the article and its row of credits.  When the
head's title is such a name (`extract_choice.weak_title`), the nearest heading-shaped element
above the article's first element, with little text between them (a credits row: 发布时间, 来源,
浏览次数), is the title.
"""
from __future__ import annotations

import re

from cleaners.steps.extract_headline import Layout
from cleaners.steps.extract_sizes import INLINE, chrome_named, contains, names_of

SHOWN_MIN = 6             # characters of a shown headline ...
SHOWN_MAX = 80            # ... at most
SHOWN_GAP = 200           # characters of page text between the headline and the article (the credits)
LOOK_BACK = 40            # elements looked at above the article
TITLE_NAMES = re.compile(r"title|(?<![a-z])tit(?![a-z])|(?<![a-z])bt(?![a-z])|headline|biaoti|heading", re.I)
HEADING_TAGS = {"h1", "h2", "h3", "h4"}
EMPHASIS = {"strong", "b", "font"}
# a sentence's end, a breadcrumb, and a status's time with its client (`8-26 来自 iPhone客户端`)
NOT_HEADLINE = re.compile(r"[。；]$|[>›»→]|当前位置|您的位置"
                          r"|^(?:\d{1,2}-\d{1,2}|\d{1,2}月\d{1,2}日|刚刚|\d+(?:分钟|小时)前|今天|昨天)[\d:\s]*来自")


def shown_headline(root, sizes: dict, page: Layout, first) -> str:
    """The headline shown above the article's first element `first` (see the module doc), or ""."""
    top = page.start.get(first)
    if top is None:
        return ""
    seen = 0
    for el in _before(root, first):
        size = sizes.get(el)
        if size is None or not size.text:
            continue
        end = page.start[el] + size.text
        if top - end > SHOWN_GAP:
            return ""
        seen += 1
        if seen > LOOK_BACK:
            return ""
        if _headline(el, size):
            return " ".join("".join(el.itertext()).split())
    return ""


def _before(root, first) -> list:
    """Block elements that end before `first` starts, nearest first."""
    found = []
    for el in root.iter():
        if el is first:
            break
        if isinstance(el.tag, str) and el.tag not in INLINE and not contains(el, first):
            found.append(el)
    return found[::-1]


def _headline(el, size) -> bool:
    """A short line without links, set as a heading: a heading tag, a class naming a title, or a
    block holding only a bold (or font) run."""
    if not SHOWN_MIN <= size.text <= SHOWN_MAX or size.links or chrome_named(el):
        return False
    text = "".join("".join(el.itertext()).split())
    if NOT_HEADLINE.search(text):
        return False
    if el.tag in HEADING_TAGS or TITLE_NAMES.search(names_of(el)):
        return True
    kids = [child for child in el if isinstance(child.tag, str)]
    return len(kids) == 1 and kids[0].tag in EMPHASIS and not (el.text or "").strip() and not (kids[0].tail or "").strip()
