"""Drop what a page's text holds above its breadcrumb: the site's header.

A page's text as an archive stores it runs top to bottom: the site's name and top bar, its menu
(one item a line), a hotline, a search box, then the breadcrumb (`当前位置：首页 > 新闻中心 >
公司新闻`), then the document.  The rules and the line model take the header's lines one by one,
and each wording they do not know stays (`全国服务热线：400-888-8888`, `产品中心`, a product menu).
The breadcrumb says where the header ends: what stands above it is the site's, whatever it says.
On the text dev set no line above a breadcrumb is in the gold (7 TUNE pages with one in their
first lines).  Only the head is read (the first HEAD_LINES lines with text), the breadcrumb is a
short line matching `[head_crumb] patterns` of _generic.toml (it goes by its own line rule later),
and nothing goes when a sentence stands above it: the page's text does not start at its header
(a document quoting a trail, a text whose breadcrumb sits under the article).
"""
from __future__ import annotations

import re
from itertools import islice

from cleaners.chars.lines import joined_stripped, lines_of
from cleaners.document import Change, Edit
from cleaners.profiles import generic_vocabulary
from cleaners.steps.normalize import to_simplified

HEAD_LINES = 30          # lines with text at the top where the breadcrumb may stand ...
RAW_LINES = 200          # ... among the first lines, blank ones too (a page's text may set its blocks far apart)
HEAD_CHARS = 4000        # characters at the top where a breadcrumb's marks are looked for first
CRUMB_MAX = 80           # characters of a breadcrumb line
SENTENCE_END = "。！？!?"
SENTENCE_MIN = 15        # characters of a line above it that is a sentence (the page's own text)
REASON = "above the breadcrumb: the site's header"
# One of them is in every breadcrumb pattern's match (`&gt;` holds `>`; a label's 栏目/频道/导航, whose arrow
# may be 》, which closes every 《…》 of a text and tells nothing) but `路径：A 》B`: 路径 is said in prose too.
CRUMB_MARKS = ("位置", ">", "›", "»", "→", "＞", "▸", "栏目", "频道", "导航")
MARKED = re.compile("|".join(map(re.escape, CRUMB_MARKS)))     # (a line's test in one call)


def step(text: str) -> Edit:
    """(Run before the script is converted: a line is matched in Simplified, the rules' script.)"""
    top = text[:HEAD_CHARS]
    if not any(mark in top for mark in CRUMB_MARKS):     # (most texts: a few substring scans)
        return text, []
    stripped = [line.strip() for line in text.split("\n", RAW_LINES)[:RAW_LINES]]    # (the head's only)
    filled = list(islice((i for i, line in enumerate(stripped) if line), HEAD_LINES))
    head = "\n".join([stripped[i] for i in filled])
    pattern = generic_vocabulary("head_crumb", "patterns")     # (compiled once, by profiles)
    crumbs = [k for k, line in enumerate(to_simplified(head).split("\n"))       # (one conversion, line for line)
              if len(line) <= CRUMB_MAX and MARKED.search(line) and pattern.fullmatch(line)]
    # the header ends at its last breadcrumb (a top bar's `导航：…` may stand above the page's own trail)
    # with no sentence above it
    above = next((filled[:at] for at in reversed(crumbs)
                  if not any(len(stripped[i]) >= SENTENCE_MIN and stripped[i][-1] in SENTENCE_END for i in filled[:at])), None)
    if not above:
        return text, []
    lines = list(lines_of(text))
    for i in above:
        lines[i] = ""
    return joined_stripped(lines), [Change("head_crumb", "removed", stripped[i], REASON) for i in above]

