"""The text of the article's chosen elements, as the main-text extractor reads it (split off
extract_main.py): block elements as line breaks, runs of link-only lines left out."""
from __future__ import annotations

from cleaners.steps.extract_sizes import text_size

LINK_RUN = 3              # this many link-only lines in a row are a link list


def read_text(el, blocks) -> str:
    """The element's text, block elements as line breaks, without runs of LINK_RUN or more
    link-only lines (a related-articles list set as links and <br>s right inside the article
    container; one or two link lines, such as attachments, stay)."""
    lines: list[list] = [[0, 0, []]]           # per line: characters, characters in links, pieces

    def add(text, in_link):
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([0, 0, []])
            size = text_size(part)
            lines[-1][0] += size
            lines[-1][1] += size if in_link else 0
            lines[-1][2].append(part)

    def walk(node, in_link):
        if not isinstance(node.tag, str):
            if node.tail:
                add(node.tail, in_link)
            return
        block = node.tag.lower() in blocks
        inner = in_link or node.tag == "a"
        if block:
            add("\n", in_link)
        if node.text:
            add(node.text, inner)
        for child in node:
            walk(child, inner)
            if isinstance(child.tag, str) and child.tail:
                add(child.tail, inner)
        if block:
            add("\n", in_link)

    if el.text:
        add(el.text, el.tag == "a")
    for child in el:
        walk(child, el.tag == "a")
        if isinstance(child.tag, str) and child.tail:
            add(child.tail, el.tag == "a")
    filled = [line for line in lines if line[0]]
    link_only = [line[1] == line[0] for line in filled]
    in_run = [False] * len(filled)
    start = 0
    while start < len(filled):
        end = start
        while end < len(filled) and link_only[end]:
            end += 1
        if end - start >= LINK_RUN:
            in_run[start:end] = [True] * (end - start)
        start = end + 1 if end == start else end
    return "\n".join("".join(line[2]) for line, dropped in zip(filled, in_run) if not dropped)
