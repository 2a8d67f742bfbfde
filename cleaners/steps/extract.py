"""HTML -> text: the site profile's selectors first, trafilatura as the generic fallback.

Selectors are cheap (one lxml parse) and exact on the sites we know; trafilatura
costs ~5-8 ms a page here, so it only runs when no profile selector finds the
text block.  Whatever the page says about the document outside the text block
(title, page count, truncation prompts) is read here from the whole page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from parsel import Selector

from cleaners.document import Change
from cleaners.steps import extract_choice
from cleaners.profiles import Profile, generic

BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
              "section", "article", "blockquote", "pre", "dd", "dt", "dl", "header", "footer", "hr"}
NOISE = "script, style, noscript, nav, iframe, svg, canvas, template, form, button, select, textarea"
HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|div|p|br|title)\b", re.I)
# Characters lxml refuses in text nodes (controls, lone surrogates, non-characters): junk on any page,
# and fatal when an element is moved, so they go before parsing.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class Extracted:
    text: str
    title: str = ""
    changes: list[Change] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    return bool(HTML_SNIFF.search(text[:2048]))


def node_text(node) -> str:
    """Visible text of an lxml node with block elements as line breaks."""
    parts: list[str] = []

    def walk(el):
        if not isinstance(el.tag, str):          # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag.lower() in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    text = node.text or ""
    parts.append(text)
    for child in node:
        walk(child)
    return "".join(parts)


def _select_first(sel: Selector, selectors) -> list:
    for css in selectors:
        try:
            found = sel.css(css)
        except Exception as exc:  # a broken selector in a user's profile must name itself
            raise ValueError(f"site profile selector {css!r} is not valid CSS: {exc}") from exc
        if found:
            return found
    return []


def _value(found) -> str:
    item = found[0]
    if isinstance(item.root, str):
        return item.root
    return node_text(item.root)


def page_title(sel: Selector, profile: Profile) -> str:
    found = _select_first(sel, profile.title_selectors or ()) or _select_first(
        sel, ("meta[property='og:title']::attr(content)", "h1", "title"))
    return " ".join(_value(found).split()) if found else ""


def extract_html(html: str, profile: Profile | None = None, url: str | None = None) -> Extracted:
    profile = profile or generic()
    changes: list[Change] = []
    if NOT_XML.search(html):
        html = NOT_XML.sub("", html)
    try:
        sel = Selector(text=html)
    except Exception:  # lxml refuses some inputs (e.g. only a comment); treat as text
        return Extracted(text=html, changes=[Change("extract", "flag", "unparsable_html", "1")])
    root = sel.root
    for css in (NOISE, *profile.drop_selectors):
        for el in sel.css(css):
            _drop(el.root)
    title = page_title(sel, profile) if profile.title_selectors else extract_choice.best_title(sel)
    whole = node_text(root) if isinstance(root, etree._Element) else ""

    for pattern in profile.truncation_markers + generic().truncation_markers:
        m = re.search(pattern, whole)
        if m:
            changes.append(Change("extract", "flag", "truncated", m.group(0)))
            break
    for pattern in profile.page_count_patterns + generic().page_count_patterns:
        m = re.search(pattern, whole)
        if m:
            changes.append(Change("extract", "metadata", "page_count", m.group("n")))
            break
    for css in profile.page_count_selectors:
        found = _select_first(sel, (css,))
        if found:
            digits = re.search(r"\d+", _value(found))
            if digits:
                changes.append(Change("extract", "metadata", "page_count", digits.group(0)))
                break

    block = _select_first(sel, profile.text_selectors) if profile.text_selectors else []
    if block:
        text = "\n".join(node_text(b.root) for b in block)
        changes.append(Change("extract", "metadata", "extractor", "selector"))
    else:
        text, extractor = extract_choice.main_text(root, html, url, BLOCK_TAGS, _trafilatura)
        if text:
            changes.append(Change("extract", "metadata", "extractor", extractor))
        else:
            text = whole
            changes.append(Change("extract", "metadata", "extractor", "page_text"))
    return Extracted(text=text, title=title, changes=changes)


def _drop(el) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _trafilatura(html: str, url: str | None) -> str:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - declared in requirements
        return ""
    try:
        return trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                                   favor_precision=True, deduplicate=False) or ""
    except Exception:
        return ""


def html_fragment_text(fragment: str) -> str:
    """Text of an HTML fragment with paragraph breaks (used for text blocks handed over as HTML)."""
    try:
        return node_text(lxml.html.fragment_fromstring(fragment, create_parent="div"))
    except (etree.ParserError, ValueError):
        return fragment
