"""The page title printed again inside the body with a reader's decoration (`标题.docx`, `VIP标题`,
`标题 第2页`, `标题 - 某某文库`): a preview's page header or a download box, never the document's.

The title step removes repetitions at the head only, where a repeated title is read as the
title; further down, a line saying the title again as written may be the document's (a speech
restating its theme), but one carrying a file extension, a VIP mark, a page number or a site
name is the reader's furniture.  A compilation's part heading (`标题1`, `标题(二)`, `标题篇一`)
is no such decoration and stays.
"""
from __future__ import annotations

import re

from cleaners.document import Change, Edit
from cleaners.steps.boilerplate.title import fold_spaces, may_clean_to

PREFIX = re.compile(r"(?:VIP|vip)\s*[-_:：]?\s*|【[^】]{1,8}(?:文档|版)】\s*")
SUFFIX = re.compile(r"\.(?:docx?|pdf|pptx?|xlsx?|txt|wps|rtf)|\s*_?\s*第\s*\d{1,3}\s*页"
                    r"|\s*[-_|｜–—丨]\s*[^-_|｜–—丨\s]{2,12}(?:文库|网|文档|范文)")
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
    return (not prefix or PREFIX.fullmatch(prefix) is not None) and (not suffix or SUFFIX.fullmatch(suffix) is not None)


def step(text: str, title: str) -> Edit:
    folded = fold_spaces(title)
    if len(folded) < TITLE_MIN or folded not in fold_spaces(text):     # (every repeat is in the folded text)
        return text, []
    lines = text.split("\n")
    changes = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        # (a line holding the title holds its first and last character: two substring tests
        # spare the other lines the fold and the bullet's regex)
        if len(stripped) <= len(title) + DECORATION_MAX and may_clean_to(stripped, folded) \
                and _decorated(fold_spaces(stripped), folded):
            changes.append(Change("title", "removed", stripped, "the title again, decorated"))
            lines[i] = ""
    return ("\n".join(lines), changes) if changes else (text, [])
