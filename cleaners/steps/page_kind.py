"""Is the cleaned page a document at all?  And how good a document is it?

A crawl also fetches pages that are not documents: home pages, listings and search results
(a column of link titles and dates), error and login pages.  Cleaned, they still leave text,
and written as documents they would pollute the corpus.  `verdict` names the kind of such a
page with the evidence, so the result can be rejected with a reason (`rejects.jsonl`) instead
of being written; `None` means a document.  The tests are deliberately conservative: a real
document must never be rejected (the dev sets hold only documents, and none is), so each
kind needs its words *and* the shape that goes with them.

`quality` scores a document in [0, 1] for the manifest: how much of it is prose (lines that
end a sentence or run long), how Chinese it is, and how much of it there is.

Words and URL patterns are site knowledge: they live in `_generic.toml` (`[page_kinds]`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from cleaners.chars.lines import stripped_of
from cleaners.profiles import generic

SENTENCE_END = "。！？；!?;…”」"
PROSE_LINE = 40            # a line this long counts as prose even without a sentence mark
SHORT_PAGE = 300           # error/login pages: below this many visible characters
LISTING_LINES = 10         # a listing has at least this many lines ...
LISTING_PROSE_MAX = 0.15   # ... and at most this share of its characters in prose lines
LISTING_SHORT_SHARE = 0.8  # ... and at least this share of its lines short (a link title)
SHORT_LINE = 30
LISTING_DATED_SHARE = 0.3  # ... and dated items on this share of its lines (or a listing URL)
DATED = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2})?|\d{1,2}-\d{1,2}\s*$")
PROSE_EVERY = 120          # a sentence end per this many characters: too much prose for a listing or home
HOME_PROSE_MAX = 0.3       # a site's root URL with less prose than this is its home page ...
HOME_DATED = 3             # ... when it has LISTING_LINES lines or this many dated ones
# A line of code: ASCII only, with code's brackets, operators and sigils among its characters
# (`$users = User::where(...);`, `composer require x/y`, `source ~/.bashrc`); English prose has few of them.
CODE_MARKS = re.compile(r"[{}\[\]()<>;=$\\/_|&*#@~]")
CODE_MARK_SHARE = 0.08
HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]")   # Han, CJK and full-width marks


@lru_cache(maxsize=1)
def _kinds() -> dict:
    table = generic().extra.get("page_kinds", {})
    words = {kind: re.compile("|".join(map(re.escape, table.get(kind, ())))) if table.get(kind) else None
             for kind in ("error", "login", "search")}
    urls = {kind: re.compile("|".join(table.get(f"{kind}_url", ()))) if table.get(f"{kind}_url") else None
            for kind in ("search", "listing", "home")}
    return {"words": words, "urls": urls}


def _visible(line: str) -> int:
    """Characters that show (lines come stripped; inner spaces are few and cost nothing here)."""
    return len(line) - line.count(" ") - line.count("\u3000")


def prose_share(lines: list[str]) -> float:
    """Share of the visible characters in prose lines (`_visible` inlined: one pass, no calls)."""
    total = prose = 0
    for line in lines:
        size = len(line)
        if " " in line:                 # (a substring test costs a fraction of a count: most lines have none)
            size -= line.count(" ")
        if "\u3000" in line:
            size -= line.count("\u3000")
        total += size
        if size >= PROSE_LINE:
            prose += size
        else:
            end = line.rstrip()
            if end and end[-1] in SENTENCE_END:
                prose += size
    return prose / (total or 1)


def verdict(text: str, title: str = "", url: str | None = None) -> str | None:
    """`kind: evidence` when the page is not a document (home, listing, search, error, login)."""
    if len(text) >= SHORT_PAGE * 2 and _full_of_sentences(text):
        return None                  # long and full of sentences: a document (C-speed counts, no line work)
    lines = [line for line in stripped_of(text) if line]
    size = sum(_visible(line) for line in lines)
    kinds = _kinds()
    whole = f"{title}\n{text}"
    path_and_query = _path_and_query(url)
    for kind in ("error", "login"):
        found = kinds["words"][kind] and kinds["words"][kind].search(whole)
        if found and size < SHORT_PAGE:
            return f"{kind}: '{found.group(0)}' on a page of {size} characters"
    searched = kinds["words"]["search"] and kinds["words"]["search"].search(title)
    if searched and size < SHORT_PAGE:
        # a results page whose extractor kept one excerpt: the column is gone, the title says it
        return f"search: '{searched.group(0)}' in the title of a page of {size} characters"
    prose = prose_share(lines) if lines else 0.0
    short = sum(1 for line in lines if _visible(line) <= SHORT_LINE)
    link_column = len(lines) >= LISTING_LINES and prose <= LISTING_PROSE_MAX and short >= LISTING_SHORT_SHARE * len(lines)
    home_url = kinds["urls"]["home"] and kinds["urls"]["home"].fullmatch(path_and_query)
    if home_url and prose < HOME_PROSE_MAX:
        # (a short home page is a few dated news rows under the site's name: a Hanweb county site's)
        dated = sum(1 for line in lines if DATED.search(line))
        if len(lines) >= LISTING_LINES or dated >= HOME_DATED:
            return f"home: the site's root page, prose {prose:.0%}, {dated} dated lines"
    if not link_column:
        return None
    # A column of short lines alone is also a table of contents, a poem, a table: one more sign
    # is needed (the URL of a search or a listing, search words, or dated items).
    shape = f"{short} of {len(lines)} lines short, prose {prose:.0%}"
    search_word = kinds["words"]["search"] and kinds["words"]["search"].search(whole)
    search_url = kinds["urls"]["search"] and kinds["urls"]["search"].search(path_and_query)
    if search_word or search_url:
        return f"search: results page ({shape})"
    listing_url = kinds["urls"]["listing"] and kinds["urls"]["listing"].search(path_and_query)
    dated = sum(1 for line in lines if DATED.search(line))
    if listing_url or dated >= LISTING_DATED_SHARE * len(lines):
        return f"listing: {shape}, {dated} dated lines" + (", listing URL" if listing_url else "")
    return None


def code_chars(text: str, lines: list[str] | None = None) -> int:
    """Non-space characters on the text's lines of code (see CODE_MARKS): a technical article
    is as Chinese as its prose, whatever the length of its listings.  `lines`: the text split
    at its newlines, when the caller has them (`quality` takes the same)."""
    total = 0
    for line in text.split("\n") if lines is None else lines:
        if not line or not line.isascii():      # (an empty line has no size: the blank lines between paragraphs)
            continue
        size = _visible(line)
        if size and len(CODE_MARKS.findall(line)) >= CODE_MARK_SHARE * size:
            total += size
    return total


def mixed_code_chars(text: str) -> int:
    """The ASCII characters of the lines that mix code with Han characters (a shell line with a
    Chinese comment or value: `export https_proxy=http://你的ip:59727`, `# 设置代理`): the line
    without its Han characters is ASCII and reads as code by CODE_MARKS.  What `code_chars`
    leaves to them, for the language test only."""
    total = 0
    for line in text.split("\n"):
        if line.isascii() or not CODE_MARKS.search(line):
            continue
        rest = HAN.sub("", line)
        size = _visible(rest)
        if size and rest.isascii() and len(CODE_MARKS.findall(rest)) >= CODE_MARK_SHARE * size:
            total += size
    return total


def quality(text: str, han: int, visible: int) -> float:
    """0..1: prose share (half), Han share up to 0.7 (three tenths), size up to 500 characters.
    (The text's lines are the line table's, stripped: the pipeline's last steps split them already.)"""
    if not visible:
        return 0.0
    lines = [line for line in stripped_of(text) if line]
    score = 0.5 * prose_share(lines) + 0.3 * min(han / visible / 0.7, 1.0) + 0.2 * min(visible / 500, 1.0)
    return round(score, 3)


def _full_of_sentences(text: str) -> bool:
    """A sentence end (。！？；) per PROSE_EVERY characters or more.  Counted mark by mark, the
    commonest first, until the count suffices: a document's 。 alone mostly do (each count is a
    pass over the whole text)."""
    needed = len(text)
    ends = 0
    for mark in "。；！？":
        ends += text.count(mark)
        if ends * PROSE_EVERY >= needed:
            return True
    return False


def _path_and_query(url: str | None) -> str:
    """`/path?query` of the URL; "" when there is no path at all (a bare host says nothing of
    the page: the dev sets use it for pages whose URL is unknown)."""
    if not url:
        return ""
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
    except ValueError:              # `http://[::1`: a URL that says nothing of the page
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "") if parts.path else ""
