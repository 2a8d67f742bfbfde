"""What a page says about its document besides the text: its title, page count and file format.

One reader for each, used by the cleaners (`extract_html`) and by the crawler (the spiders
read the page count to know when a document's preview pages end; Tier B/C metadata records
take all three).  Where to look is site knowledge: the site profile's selectors and patterns
first, then `_generic.toml`'s (`title_selectors`, `page_count_selectors`/`_patterns`,
`format_selectors`/`_patterns`).  Kept light: the crawler process imports it.
"""
from __future__ import annotations

import re

from lxml import etree
from parsel import Selector

from cleaners.html_text import node_text
from cleaners.profiles import Profile, with_generic

VISIBLE_TEXT = etree.XPath("//body//text()[not(ancestor::script) and not(ancestor::style)]", smart_strings=False)
NUMBER = re.compile(r"\d+")


def selected(sel: Selector, query: str) -> list[str]:
    """The values a profile selector picks, in page order: CSS (with parsel's `::attr(x)` and
    `::text`) or XPath (starting with `/` or `(`).  An element gives its `value` or `content`
    attribute (form fields, meta tags), else its visible text."""
    try:
        found = sel.xpath(query) if query.startswith(("/", "(")) else sel.css(query)
    except Exception as exc:  # a broken selector in a user's profile must name itself
        raise ValueError(f"site profile selector {query!r} is not valid CSS or XPath: {exc}") from exc
    values = []
    for item in found:
        node = item.root
        if isinstance(node, etree._Element):
            values.append(node.get("value") or node.get("content") or node_text(node))
        elif isinstance(node, str):
            values.append(node)
    return values


def visible_text(sel: Selector) -> str:
    """The text of the page's body without scripts and styles, its text nodes joined by spaces."""
    root = sel.root
    return " ".join(VISIBLE_TEXT(root)) if isinstance(root, etree._Element) else ""


def page_title(sel: Selector, profile: Profile) -> str:
    """The title the page states: the first value of the first `title_selectors` entry that
    selects anything, whitespace folded ("" when none does, or that value is blank)."""
    for query in with_generic(profile, "title_selectors"):
        values = selected(sel, query)
        if values:
            return " ".join(values[0].split())
    return ""


def page_count(sel: Selector, profile: Profile, text: str | None = None) -> int | None:
    """The document's page count as the page states it: the first number the
    `page_count_selectors` find, else the group `n` of the first `page_count_patterns` that
    matches the page's text (`text` when the caller has it already, else `visible_text`)."""
    for query in with_generic(profile, "page_count_selectors"):
        for value in selected(sel, query):
            number = NUMBER.search(value)
            if number:
                return int(number.group())
    found = _pattern_group(sel, profile, "page_count_patterns", "n", text)
    return int(found) if found else None


def page_format(sel: Selector, profile: Profile, text: str | None = None) -> str | None:
    """The document's file format (`doc`, `pdf`...) as the page states it, lower-cased: the
    first value of the `format_selectors`, else the group `format` of the first
    `format_patterns` that matches the page's text (`text`, else `visible_text`)."""
    for query in with_generic(profile, "format_selectors"):
        for value in selected(sel, query):
            if value.strip():
                return value.strip().lower()
    found = _pattern_group(sel, profile, "format_patterns", "format", text)
    return found.lower() if found else None


def _pattern_group(sel: Selector, profile: Profile, field: str, group: str, text: str | None) -> str | None:
    """Group `group` of the first of the profile's `field` patterns that matches the page's
    text (`text` when the caller has it, else the page's visible text, read only if needed)."""
    patterns = with_generic(profile, field)
    if patterns and text is None:
        text = visible_text(sel)
    for pattern in patterns:
        m = re.search(pattern, text)
        if m:
            return m.group(group)
    return None
