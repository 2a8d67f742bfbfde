"""Blocks beside an article that are not part of it, whatever their class names say: lists of
dated posts (comments, replies, dated teasers) and boxes under a heading of their own (a sidebar's
site introduction)."""
from __future__ import annotations

import re

from cleaners.steps.extract_levels import wrapper
from cleaners.steps.extract_sizes import Sizes

TEASERS_MIN = 3           # dated teasers (the stamp last): this many, each at most ...
TEASER_CHARS = 200        # ... this many characters (a short article between its dateline and them is longer)
TEASER_TAIL = 8           # characters after the last teaser's stamp (comments end with their text)
# A posting's time: a date with the time of day, or a relative time (`3小时前`).  A block of
# POSTS_MIN or more posts, each at most POST_CHARS characters and a stamp, is a list of posts
# (comments, replies, dated teasers), whatever its class names say: not the article, nor part of it.
# A date starts no number and no time (`9:00-11:30` is a time range, not 00-1 at 1:30: a
# schedule's lines read as posts).  vBulletin and SMF set a comma between the date and the time.
STAMP = re.compile(r"(?<![\d:])(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?[,，]?\s*\d{1,2}:\d{2}|\d+\s*(?:秒|分钟|小时|天)前")
STAMP_REACH = 24          # characters a stamp spans before its ':' (or 前) at most, text without spaces
POSTS_MIN = 2
POST_HEAD = 30            # characters before the first stamp (a heading, the poster's name) or after the last
POST_CHARS = 400
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


def stamps_in(text: str, most: int = 0) -> list:
    """STAMP's matches in `text` (without spaces), as `finditer` gives them, the first `most`
    (0: all): searched around each ':' and 前 only, a few characters each (STAMP has no literal
    to start from, and a search through a whole page's text took ~9 ms)."""
    found: list = []
    end = 0
    at = _next_mark(text, 0)
    while at >= 0:
        if at >= end:
            match = STAMP.search(text, max(end, at - STAMP_REACH), at + 3)
            if match is not None:
                found.append(match)
                end = match.end()
                if len(found) == most:
                    break
        at = _next_mark(text, at + 1)
    return found


def _next_mark(text: str, start: int) -> int:
    colon, ago = text.find(":", start), text.find("前", start)
    return colon if ago < 0 else ago if colon < 0 else min(colon, ago)


def post_list(el, size: Sizes) -> bool:
    """A list of dated posts (see STAMP): every post starts with its stamp (comments, replies;
    a heading before the first at most) or ends with it (dated teasers): comments or related
    stories around the article, not an article with its dateline."""
    if size.text < POSTS_MIN * 10 or len(el) < POSTS_MIN:
        return False
    text = "".join("".join(el.itertext()).split())
    stamps = stamps_in(text)
    if len(stamps) < POSTS_MIN:
        return False
    starts = [0] + [stamp.end() for stamp in stamps]
    ends = [stamp.start() for stamp in stamps] + [len(text)]
    gaps = [end - start for start, end in zip(starts, ends)]
    return (gaps[0] <= POST_HEAD and max(gaps[1:]) <= POST_CHARS) or \
        (len(stamps) >= TEASERS_MIN and gaps[-1] <= TEASER_TAIL and max(gaps[:-1]) <= TEASER_CHARS)


def titled(el) -> str | None:
    """The tag of the heading a box opens with (`<div><h3>网站简介</h3><p>…</p></div>`), else None.
    Beside an article with no heading of that tag, such a box is a sidebar's or a footer's item,
    however well its prose reads; beside one that has them, it is the article's next section."""
    first = next((child for child in el if isinstance(child.tag, str)), None)
    while first is not None and wrapper(first):
        first = first[0]
    return first.tag if first is not None and first.tag in HEADINGS and not (el.text or "").strip() else None
