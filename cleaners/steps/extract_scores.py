"""How the main-text extractor scores each container (readability's idea, for Chinese): see
`extract_main` for how the winner is then chosen among them.

Every text block (a block element with its inline descendants: the text of `<p><span>..</span></p>`
belongs to the p) scores 1 + its Chinese punctuation + up to 3 for its length, and hands that score
to its parent (in full) and grandparent (half; a div of <br>-set prose paragraphs is their parent
itself, and hands half up, as its <p>s would).  An element and the wrappers around it are one
level (see `extract_levels`).  Class/id words, link density, the distance from the page's headline,
being a feed's item or under a region of other items, and being the site's footer adjust the score.
"""
from __future__ import annotations

import re

from cleaners.steps.extract_headline import Layout, nearness
from cleaners.steps.extract_levels import level_members, level_top, wrapper
from cleaners.steps.extract_sizes import (INLINE, MIN_BLOCK, TEXT_BLOCKS, class_weight_of, elsewhere_named,
                                          link_density, names_of, under_elsewhere)

CONTAINER_BONUS = {"div": 5, "article": 10, "section": 3, "main": 10, "td": 3, "pre": 3, "blockquote": 3,
                   "ul": -3, "ol": -3, "dl": -3, "li": -3, "form": -3, "th": -5, "h1": -5, "h2": -5,
                   "h3": -5, "h4": -5, "table": 0, "body": -5}
CONTAINER_BLOCKS = {"div", "td", "section", "article", "main", "pre", "blockquote", "center"}
BR_PARAGRAPH = 60         # characters a <br>-set paragraph has on average (not a poem's lines)
REPEATED_CLASS = 3        # a class worn by this many containers marks feed/list items ...
REPEATED_PENALTY = 0.25   # ... whose scores are cut to this share
LIST_ITEM_DEPTH = 3       # levels above a container where the item of a list makes it a teaser
ELSEWHERE_PENALTY = 0.25  # containers under a region of other items (comments, more answers) keep this share
# A site's registration line (`赣ICP备12345678号`, `公网安备…`) is in its footer: the few levels
# above it are the footer, whose 主办单位/地址/电话 colons outscore an article of tables or lists.
REGISTRATION = re.compile(r"ICP\s*[备证]|公网安备")
FOOTER_LEVELS = 3
FOOTER_PENALTY = 0.25
# A document of short lines (a list of names and duties, a phone list, a schedule) set as <p>s
# gives no block MIN_BLOCK characters long: its container scored nothing, and the page's footer
# or metadata table won.  SHORT_RUN or more such lines under one parent, SHORT_TOTAL characters
# of them together, score for it as one paragraph of their text would (lines mostly outside
# links: a listing's linked headlines, each with its date, are no document).
# Not lines of label and value (`地址：…`, `电话：…`, `开放时间：…`): a contact or notice box
# beside a short article, which outscored it.
SHORT_BLOCKS = ("p", "div")
LABELLED = re.compile(r"\s*[^：:\d\s]{1,8}\s*[：:]")
SHORT_MIN = 4
SHORT_RUN = 3
SHORT_TOTAL = 2 * MIN_BLOCK


def candidates(root, sizes: dict, page: Layout | None = None) -> dict:
    """Container -> score, from the text blocks under it.  An element and the wrappers around it
    (see `_wrapper`) are one level, scored on its outermost wrapper: a site wrapping every block
    in one more div scores the same levels as one that does not."""
    scores: dict = {}
    bottoms: dict = {}                             # a level's outermost element -> its innermost
    tops: dict = {}

    def add(bottom, share):
        top = level_top(bottom, tops)
        if top not in scores:
            scores[top] = _level_weight(bottom, top)
            bottoms[top] = bottom
        scores[top] += share

    short: dict = {}                               # parent -> [(characters, marks)] of its short lines
    for el, size in sizes.items():
        prose = size.flow - size.flow_links        # a paragraph's text outside links
        if SHORT_MIN <= prose < MIN_BLOCK and el.tag in SHORT_BLOCKS and size.flow_links < prose \
                and not LABELLED.match(el.text or ""):
            parent = level_top(el, tops).getparent()
            if parent is not None and isinstance(parent.tag, str):
                short.setdefault(parent, []).append((prose, size.flow_punct))
            continue
        if el.tag not in TEXT_BLOCKS or el.tag in INLINE or prose < MIN_BLOCK:
            continue
        # paragraphs set apart by <br>s count as paragraphs (an old CMS's article is one block)
        paragraphs = 1 + size.flow_breaks // 2
        block = paragraphs + size.flow_punct + min(prose / 100, 3 * paragraphs)
        own = level_top(el, tops)
        if own is not el or el.tag in ("div", "td", "section", "article", "main", "pre"):
            add(el, block)
        parent = own.getparent()
        if parent is None or not isinstance(parent.tag, str):
            continue
        # a block of <br>-set paragraphs of prose is their container: the levels above it get what they
        # would get from the same paragraphs set as <p>s in it (half, then none), not more
        shares = (0.5, 0.0) if paragraphs > 1 and prose >= BR_PARAGRAPH * paragraphs and el.tag in CONTAINER_BLOCKS \
            else (1.0, 0.5)
        add(parent, block * shares[0])
        grand = level_top(parent, tops).getparent()
        if shares[1] and grand is not None and isinstance(grand.tag, str):
            add(grand, block * shares[1])
    for parent, lines in short.items():
        total = sum(size for size, _ in lines)
        if len(lines) >= SHORT_RUN and total >= SHORT_TOTAL:
            add(parent, 1 + sum(marks for _, marks in lines) + min(total / 100, 3))
    repeated = _repeated_classes(root)
    near = nearness(page or Layout({}), sizes)
    footer = _footer_levels(root)
    return {el: score * (1 - link_density(sizes[el])) * (FOOTER_PENALTY if el in footer else 1.0)
            * (REPEATED_PENALTY if bottoms[el].get("class") in repeated or _list_item(el) or _feed(bottoms[el]) else 1.0)
            * near(el) * (ELSEWHERE_PENALTY if elsewhere(bottoms[el]) else 1.0) for el, score in scores.items()}


def _footer_levels(root) -> set:
    """The elements up to FOOTER_LEVELS levels above a site's registration line (REGISTRATION)."""
    found: set = set()
    for el in root.iter():
        if isinstance(el.tag, str) and ((el.text and REGISTRATION.search(el.text))
                                        or (el.tail and REGISTRATION.search(el.tail) and (el := el.getparent()) is not None)):
            for _ in range(FOOTER_LEVELS):
                found.add(el)
                el = el.getparent()
                if el is None:
                    break
    return found


def _level_weight(bottom, top) -> float:
    """A level's start: the innermost element's tag (the outermost's when that one is no container)
    and what the class/id words of any of its elements say."""
    tag = bottom.tag if bottom.tag in CONTAINER_BONUS else top.tag
    names = " ".join(map(names_of, level_members(bottom, top)))
    return CONTAINER_BONUS.get(tag, 0) + class_weight_of(names)


def elsewhere(bottom) -> bool:
    """Named as a region of other items (comments, more answers), or under one."""
    return elsewhere_named(bottom) or under_elsewhere(bottom)


def _feed(el) -> bool:
    """A list of REPEATED_CLASS or more items that each link somewhere (a headline over its
    summary): a feed of teasers, however long their summaries, not an article."""
    if el.tag not in ("ul", "ol"):
        return False
    return sum(1 for item in el if item.tag == "li" and next(item.iter("a"), None) is not None) >= REPEATED_CLASS


def _list_item(el) -> bool:
    """Inside one item (up to LIST_ITEM_DEPTH levels up) of a list of REPEATED_CLASS or more: a
    feed's teaser, whatever its classes say (a page whose class names are hashes has none to share).
    A wrapper holding nothing but one element is no level (some layouts wrap every block twice)."""
    levels = 0
    while el is not None:
        if el.tag == "li":
            parent = el.getparent()
            return parent is not None and sum(1 for item in parent if item.tag == "li") >= REPEATED_CLASS
        levels += not wrapper(el)
        if levels >= LIST_ITEM_DEPTH:
            return False
        el = el.getparent()
    return False


def _repeated_classes(root) -> set:
    """Class attributes worn by REPEATED_CLASS or more containers: the items of a feed or a list
    (teasers, comments), each of which can look like a short article."""
    counts: dict = {}
    for el in root.iter("div", "li", "article", "section"):
        name = el.get("class")
        if name:
            counts[name] = counts.get(name, 0) + 1
    return {name for name, count in counts.items() if count >= REPEATED_CLASS}
