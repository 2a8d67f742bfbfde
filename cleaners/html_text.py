"""The visible text of an lxml element, block elements as line breaks: what the text
extraction keeps of a page, and how a title or page-count element is read."""
from __future__ import annotations

BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
              "section", "article", "blockquote", "pre", "dd", "dt", "dl", "header", "footer", "hr"}


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
