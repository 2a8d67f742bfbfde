"""Drop a line at the head that speaks of the document by its title: a site's intro to a 范文
(`小伙伴们，下面一起来看看{标题}吧！`, `想写好{标题}？这5篇例文值得一看。`, `欢迎阅读{标题}(精选4篇)，
内容由某某网整理…`).

A document's own opening does not name the document: a notice says what it is about (`为做好…
工作，现将有关事项通知如下`), a report what was done.  A sentence holding the title's first
characters is about the document, written by whoever serves it; however it is worded, which
is what the phrase rules of `_generic.toml` cannot follow.  Only near the head, where such
intros stand: further down a speech may restate its theme (`这次在全区教育工作会议上的讲话，…`).
Nor under an addressee line: a 印发 notice's opening names what it sends (`各股室：` then
`现将《…》印发给你们，…。`).  On the TUNE halves of the text dev set, every such line at the head (4 of 4) is chrome.
"""
from __future__ import annotations

import re

from cleaners.chars.lines import lines_of, stripped_of
from cleaners.document import Change, Edit
from cleaners.steps.boilerplate.title_head import WRAPPED_TITLE_MIN, wrapped_around
from cleaners.steps.title_lines import ADDRESSEE, OUTLINE_START, PROSE_END, fold_spaces

HEAD_LINES = 8            # non-blank lines at the head looked at
REASON = "a sentence about the document, naming its title"
# A news story's lede names its event in the title's words after a time (`9月以来，城关区第一小学开展
# “书香校园”读书月活动，…`): the story's own first sentence, not an intro to it.
NEWS_LEAD = re.compile(r"(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}[日号])?(?:以来|上午|下午|晚上|晚|早上|中午|期间)?"
                       r"|近日|日前|近期|今年以来|今年|本周|上周|昨天|今天|昨日|今日|当天|连日来|近年来)[，,]?")


def step(text: str, title: str) -> Edit:
    folded = fold_spaces(title)
    if len(folded) < WRAPPED_TITLE_MIN:
        return text, []
    found, changes, seen, before = [], [], 0, ""
    for i, stripped in enumerate(stripped_of(text)):
        if not stripped:
            continue
        seen += 1
        if seen > HEAD_LINES:
            break
        addressed, before = ADDRESSEE.fullmatch(before) is not None, stripped
        if not addressed and folded[0] in stripped and _speaks_of(stripped, folded):
            found.append(i)
            changes.append(Change("title", "removed", stripped, REASON))
    if not found:
        return text, []
    lines = list(lines_of(text))
    for i in found:
        lines[i] = ""
    return "\n".join(lines), changes


def _speaks_of(line: str, key: str) -> bool:
    """The title within a short sentence, with words before it: a line opening with the title is
    the title run into its text (`标题 3月5日，…`), which the title step splits."""
    folded = fold_spaces(line)
    at = folded.find(key)
    if at > 0 and NEWS_LEAD.fullmatch(folded[:at]):
        return False
    return (at > 0 and wrapped_around(folded, key) and folded[-1] in PROSE_END
            and not OUTLINE_START.match(line) and not ADDRESSEE.match(line))
