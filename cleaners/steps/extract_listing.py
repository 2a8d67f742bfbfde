"""A page whose article is a run of teasers is a listing, not a document: a blog's index page, a
文库 tag page, a column of a news site with excerpts.  Each teaser opens with a link to another
page's headline and says a sentence or two of that page; a page of them gives the extractor
nothing but excerpts to choose from, and the text steps see prose (`page_kind` finds listings of
bare link titles and dates, not these).

A journal's table of contents (linked titles with their authors) says no sentence of its own
under each link, and stays a document; so does an article with a few linked items among its
paragraphs (LISTING_MIN teasers at least, and most of the article's text in them).
"""
from __future__ import annotations

from cleaners.steps.extract_boxes import opens_with_headline_link
from cleaners.steps.extract_headline import SENTENCE_MARKS
from cleaners.steps.extract_levels import level_inner
from cleaners.steps.extract_sizes import Sizes

LISTING_MIN = 4           # teasers that make a listing
TEASER_CHARS = 400        # characters of a teaser at most (a headline, an excerpt, a date, a "more" link)
EXCERPT_MIN = 20          # characters outside links a teaser's excerpt has at least, a SENTENCE_MARK among them
DESCEND = 3               # levels of single boxes holding the items (a column's box, its list)
ITEMS_SHARE = 0.8         # of the article's text in its teasers (a menu's line or a pager beside them)


def teaser_count(chosen: list, sizes: dict) -> int:
    """How many teasers the article `chosen` (the extractor's elements) is made of, when it is a
    listing of them (see the module doc); else 0."""
    if not chosen:
        return 0
    whole = sum(sizes[el].text for el in chosen if el in sizes)
    items = chosen
    for _ in range(DESCEND):
        # one element holding nearly all of it (a list under the column's heading): its items
        big = [el for el in items if sizes[el].text >= ITEMS_SHARE * whole]
        if len(big) != 1:
            break
        items = [child for child in level_inner(big[0]) if isinstance(child.tag, str) and sizes.get(child, Sizes()).text]
    teasers = [item for item in items if _teaser(item, sizes[item])]
    if len(teasers) < LISTING_MIN or sum(sizes[item].text for item in teasers) < ITEMS_SHARE * whole:
        return 0
    return len(teasers)


def _teaser(item, size: Sizes) -> bool:
    if size.text > TEASER_CHARS or not opens_with_headline_link(item):
        return False
    own = "".join("".join(_unlinked_text(item)).split())
    return len(own) >= EXCERPT_MIN and any(mark in own for mark in SENTENCE_MARKS)


def _unlinked_text(el):
    """The element's text outside links, in pieces."""
    if el.tag == "a":
        return
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str):
            yield from _unlinked_text(child)
        if child.tail:
            yield child.tail
