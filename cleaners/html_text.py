"""The visible text of an lxml element, block elements as line breaks: what the text
extraction keeps of a page, and how a title or page-count element is read."""
from __future__ import annotations

import re

BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
              "section", "article", "blockquote", "pre", "dd", "dt", "dl", "header", "footer", "hr", "td", "th"}
XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# `</body>` and `</html>` end tags: libxml2 (2.14) drops everything after a `</html>`, and a page
# that includes its header as a whole document (gov CMS templates: `...</html><!--end header-->`
# then the article) would lose its article; a browser keeps reading, and so do we.
DOCUMENT_CLOSERS = re.compile(r"</\s*(?:body|html)\s*>", re.I)


def parseable(html: str) -> str:
    """The page as the HTML parser should see it: without the characters lxml refuses in text
    (controls, lone surrogates, non-characters: junk on any page, fatal when an element is
    moved) and without `</body>`/`</html>`, so that nothing after a stray one is lost."""
    if XML_INCOMPATIBLE.search(html):
        html = XML_INCOMPATIBLE.sub("", html)
    return DOCUMENT_CLOSERS.sub("", html)


def node_text(node) -> str:
    """Visible text of an lxml node with block elements as line breaks."""
    return text_and_depth(node)[0]


def text_and_depth(node) -> tuple[str, int]:
    """`node_text` and how deep the elements under `node` nest, in one walk.

    An explicit stack, not recursion: a page nested a few thousand elements deep (unclosed
    <font> tags) would otherwise end in a RecursionError, and its text would be lost."""
    parts: list[str] = [node.text or ""]
    stack = [iter(node)]
    closers: list[str | None] = [None]   # what each open element appends when it ends (root: nothing)
    deepest = 0
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if not isinstance(tag, str):          # comments, processing instructions
                if el.tail:
                    parts.append(el.tail)
                continue
            if tag.lower() in BLOCK_TAGS:
                parts.append("\n")
                closers.append("\n" + el.tail if el.tail else "\n")
            else:
                closers.append(el.tail)
            if el.text:
                parts.append(el.text)
            stack.append(iter(el))
            if len(stack) > deepest:
                deepest = len(stack)
            break
        else:
            stack.pop()
            closer = closers.pop()
            if closer:
                parts.append(closer)
    return "".join(parts), deepest - 1 if deepest else 0


def drop_keeping_tail(el) -> None:
    """Remove an element but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = _settable((prev.tail or "") + el.tail)
        else:
            parent.text = _settable((parent.text or "") + el.tail)
    parent.remove(el)


def _settable(text: str) -> str:
    """Text lxml accepts on a node: the HTML parser reads `&#1;` as U+0001, but lxml refuses
    to set a control character back (the repair steps drop them from the text anyway)."""
    return XML_INCOMPATIBLE.sub("", text)
