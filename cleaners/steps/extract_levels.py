"""Levels of the page for the main-text extractor: an element and the wrappers around it (a div
holding one element and no text, a table of one cell) are one level, so that a site wrapping every
block once more, or setting its article in a layout table, scores the same levels as one that does not."""
from __future__ import annotations

# Tags a layout wraps blocks in: one of them holding one element and no text is no level (a
# table's one row is: its cells are laid out, not wrapped; a table of one cell is a wrapper)
WRAPPERS = {"div", "section", "article", "main", "center", "font", "span"}
TABLE_WRAPPERS = {"table", "tbody", "tr"}


def level_top(el, cache: dict):
    """The outermost of the wrappers around the element (the element when none wraps it).  Each
    wrapper wraps one element only, so with the cache the walks add up to the page's size."""
    found = cache.get(el)
    if found is None:
        found = el
        parent = el.getparent()
        while parent is not None and wraps(parent):
            found, parent = parent, parent.getparent()
        cache[el] = found
    return found


def level_members(bottom, top):
    """The elements of a level, from its innermost up to its outermost."""
    el = bottom
    while True:
        yield el
        if el is top:
            return
        el = el.getparent()


def level_inner(el):
    """The innermost of the wrappers from the element down: the same text, fewer levels to read."""
    while wraps(el):
        el = el[0]
    return el


def wraps(el) -> bool:
    """A wrapping element (see WRAPPERS): a div around one element, a table of one cell."""
    if el.tag in WRAPPERS:
        return wrapper(el)
    if el.tag in TABLE_WRAPPERS and wrapper(el):
        child = el[0]
        return child.tag == "td" if el.tag == "tr" else child.tag in TABLE_WRAPPERS and wraps(child)
    return False


def wrapper(el) -> bool:
    """An element holding one element and no text of its own (len() would count a body's
    thousands of children for every element under it)."""
    if el is None or (el.text or "").strip():
        return False
    first = next(iter(el), None)
    return first is not None and first.getnext() is None and not (first.tail or "").strip()
