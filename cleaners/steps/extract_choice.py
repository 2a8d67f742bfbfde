"""For pages no profile knows: which main text, and which title.

Main text: the project's own extractor (`extract_main`) first; it measured better than
trafilatura (favor_precision) on the dev HTML set's TUNE half on all but four pages, by 0.96
against 0.85 mean F1, and no page-level signal we tried (text size, punctuation score,
agreement) picked the better of the two on those four without losing more elsewhere.  So
trafilatura runs only when our extractor finds no article at all, which also keeps the HTML
path several times faster than trafilatura alone.

Title: the page's own headline, from the best of `<title>`, `<h1>`, `meta[name=ArticleTitle]`
and `og:title`.  An h1 that the `<title>` repeats is the headline (the title adds the site's
name); else the CMS's ArticleTitle meta; else og:title; else the `<title>` without trailing
site-name segments (`headline_网易新闻`, `headline - BBC中文网 - 两岸三地`).
"""
from __future__ import annotations

import re

from cleaners.steps.extract_main import extract_main

MIN_ARTICLE = 50           # characters our extractor must find before its text is taken
SEPARATORS = re.compile(r"\s*(?:_|\||｜|--|—|–|-|::)\s*")
SITE_WORDS = re.compile(r"网|站|频道|官方|官网|新闻|日报|晚报|在线|中心|门户|论坛|社区|百科|知道|知乎|微博|"
                        r"政府|人民政府|PIXNET|博客|财经|科技|娱乐|体育|汽车|房产|首页|资讯|时报|杂志|电视台|"
                        r"[A-Za-z]{3,}$")
SITE_SEGMENT_MAX = 16      # a trailing segment this short that names a site is the site's name
COLUMN_MAX = 8             # a segment before the site's name this short is the column's name
HEADLINE_MIN = 4


def main_text(root, html: str, url: str | None, blocks, fallback) -> tuple[str, str]:
    """(text, extractor name): ours, or `fallback(html, url)` (trafilatura) when ours finds no article."""
    text, _ = extract_main(root, blocks)
    if len("".join(text.split())) >= MIN_ARTICLE:
        return text, "main"
    other = fallback(html, url)
    return (other, "trafilatura") if other else (text, "main")


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _fold(text: str) -> str:
    return "".join(text.split())


def strip_site_name(title: str) -> str:
    """`headline_网易新闻` -> `headline`: trailing segments that name the site go (separators
    inside the headline stay as written)."""
    site_seen = False
    while True:
        cuts = list(SEPARATORS.finditer(title))
        if not cuts:
            return title
        last = cuts[-1]
        segment = title[last.end():].strip()
        names_site = not segment or bool(SITE_WORDS.search(segment))
        # after the site's name, the column it sits in (`--时政--人民网`) goes too
        column = site_seen and len(segment) <= COLUMN_MAX
        if last.start() == 0 or len(segment) > SITE_SEGMENT_MAX or not (names_site or column):
            return title
        site_seen = site_seen or names_site
        title = title[:last.start()].strip()


def best_title(sel) -> str:
    """The page's headline from `<title>`, `<h1>`, ArticleTitle and og:title (see the module doc)."""
    page_title = _clean(sel.css("title::text").get())
    folded_title = _fold(page_title)
    for h1 in sel.css("h1"):
        headline = _clean("".join(h1.css("::text").getall()))
        if len(headline) >= HEADLINE_MIN and _fold(headline) in folded_title:
            return headline
    for css in ("meta[name=ArticleTitle]::attr(content)", "meta[name=articletitle]::attr(content)",
                "meta[property='og:title']::attr(content)"):
        found = _clean(sel.css(css).get())
        if len(found) >= HEADLINE_MIN:
            return found
    return strip_site_name(page_title) if page_title else ""
