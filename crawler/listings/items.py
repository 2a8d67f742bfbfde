"""The generic listing detector: the largest group of same-shaped item links that carry dates.

A listing row is a link inside a repeated element (li, tr, dd, p, div) with a date beside the
link or in its URL.  Rows are grouped by their place in the page (the tags and classes of the
row's ancestors, not the row's own class, so that a 置顶 row joins its list); the group with the
most dated rows is the listing if it has at least `min_items` of them.  Navigation, pagers and
link lists without dates never qualify.
"""
from __future__ import annotations

from collections import defaultdict

from crawler.listings import dates, rules
from crawler.listings.shapes import Entry
from crawler.urls import absolute

ROW_TAGS = {"li", "tr", "dd", "dt", "p", "div", "td", "h3", "h4", "section", "article"}
ANCESTORS = 3               # levels above the row that make a group's signature
MIN_TITLE_CHARS = 4


def row_of(link):
    """The repeated element a link sits in (itself when it is not inside one)."""
    node = link.getparent()
    while node is not None and (not isinstance(node.tag, str) or node.tag.lower() not in ROW_TAGS):
        node = node.getparent()
    return node if node is not None else link


def signature(row) -> tuple:
    parts = [row.tag]
    node = row.getparent()
    for _ in range(ANCESTORS):
        if node is None or not isinstance(node.tag, str):
            break
        parts.append(f"{node.tag}.{node.get('class') or ''}#{node.get('id') or ''}")
        node = node.getparent()
    return tuple(parts)


def dated_links(root, base_url: str, min_items: int | None = None, min_title: int = MIN_TITLE_CHARS) -> list[Entry]:
    """Entries of the page's listing, in page order, each URL once ([] when there is none).
    `min_items`/`min_title` relax the tests for fragments that are rows by construction."""
    skip = set(rules.section("listing").get("skip_link_texts", []))
    groups: dict[tuple, list[Entry]] = defaultdict(list)
    for link in root.iter("a"):
        url = absolute(base_url, link.get("href"))
        if url is None:
            continue
        title = " ".join((link.get("title") or link.text_content() or "").split())
        if len(title) < min_title or title in skip:
            continue
        row = row_of(link)
        around = " ".join((row.text_content() or "").replace(link.text_content() or "", " ").split()) if row is not link else ""
        groups[signature(row)].append(Entry(url.split("#", 1)[0], title, dates.in_text(around) or dates.in_url(url)))
    needed = rules.section("listing").get("min_items", 3) if min_items is None else min_items
    best: list[Entry] = []
    for entries in groups.values():
        dated = sum(1 for e in entries if e.date)
        if dated >= needed and dated > sum(1 for e in best if e.date):
            best = entries
    seen: set[str] = set()
    return [e for e in best if not (e.url in seen or seen.add(e.url))]
