"""A repost's original headline (`原标题：某某`): news and government sites that carry another
outlet's story print the headline it ran under on a line of its own, below the article or above
it.  It is what the page says about the story, not the story: the line goes to the manifest
(`original_title`).

Above the body's first paragraph such a line may be the page's only title, and is left to the
title steps (which strip the label), unless it sits under a title that rewords it (a portal's
new headline above `原标题：` and the story): that title is the page's own, and the line is the
story's earlier name, as below the body.  Below it, it is never the title, and it goes before the
title steps run: with its label stripped it rewords the title, and the body-heading step would
read it as the document's own heading and drop the paragraphs above it.  A label inside a
sentence (`……，原标题为《某某》。`) is the document's own wording and stays; so does `原题：`,
which in a teaching document introduces an exam question.
"""
from __future__ import annotations

import re

from cleaners.chars.lines import joined, lines_of
from cleaners.document import Change, Edit
from cleaners.steps.title_lines import han_chars

LABELS = re.compile("原文?标题")       # one scan of the text for either label
LINE = re.compile(r"[（(【\[]?\s*(?:原标题|原文标题)\s*[:：]\s*(?P<headline>\S.{1,79}?)\s*[)）】\]]?")
SENTENCE_END = tuple("。！？!?；;…")
PARAGRAPH_MIN = 20        # characters of a paragraph (a line ending a sentence): shorter ones may be chrome
SHARED_MIN = 0.5          # of the headline's distinct Han characters found in the title above it


def _paragraph(line: str) -> bool:
    return len(line) >= PARAGRAPH_MIN and line.endswith(SENTENCE_END)


def _title_above(lines: list[str], k: int, title: str) -> str:
    """The title over line `k`: the page's (`title`, read off its markup) when no line is
    above, else the one filled line above it; "" when there are more (chrome, not a title)."""
    above = [line for line in lines[:k] if line.strip()]
    if not above:
        return title
    return above[0] if len(above) == 1 and not title else ""


def _rewords(title: str, headline: str) -> bool:
    """The title holds most of the headline's Han characters: reworded from it, not a row of
    chrome (`首页 ◇ 政策文件`) or a `URL:` line."""
    own = han_chars(headline)
    return bool(own) and len(own & han_chars(title)) >= SHARED_MIN * len(own)


def step(text: str, title: str = "") -> Edit:
    """`title`: the page's own, when its markup gave one (an HTML page); else the text's first line."""
    if LABELS.search(text) is None:
        return text, []
    lines = list(lines_of(text))
    body = next((k for k, line in enumerate(lines) if _paragraph(line.strip())), None)
    if body is None:
        return text, []
    changes: list[Change] = []
    for k in range(len(lines)):
        found = LINE.fullmatch(lines[k].strip()) if k != body else None
        if found is None or (k < body and not _rewords(_title_above(lines, k, title), found.group("headline"))):
            continue
        if not changes:
            changes.append(Change("repost_headline", "metadata", "original_title", found.group("headline")))
        changes.append(Change("repost_headline", "removed", lines[k].strip(), "a repost's original headline"))
        lines[k] = ""
    if not changes:
        return text, []
    return joined(lines), changes
