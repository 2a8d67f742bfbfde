"""The text of the article's chosen elements, as the main-text extractor reads it (split off
extract_main.py): block elements as line breaks, runs of link-only lines left out."""
from __future__ import annotations

from cleaners.steps.extract_sizes import text_size
from cleaners.steps.file_names import ATTACHMENT

LINK_RUN = 3              # this many link-only lines in a row are a link list
LABEL_MAX = 12            # characters of a `相关新闻：` label, dropped with the chrome it introduces
LABEL_ENDS = ("：", ":")
ATTACHMENT_LABEL = "附件"   # `附件1：<a>…</a>`: the document's attachments, wherever their links point
TEASER_MIN = 8            # characters of a link that reads as another page's headline


CELLS = {"td", "th"}
CELLS_MIN = 2
CELL_MAX = 40             # characters of a data cell (a name, a figure, a short phrase)
ROW_BREAKERS = {"p", "div", "br", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                "blockquote", "pre", "dl", "hr"}


def read_text(el, blocks) -> str:
    """The element's text, block elements as line breaks, without runs of LINK_RUN or more
    link-only lines (a related-articles list set as links and <br>s right inside the article
    container; one or two link lines, such as attachments, stay), nor lines of links behind a
    label (`推荐阅读：<a>…</a>` set with <br>s in the article's flow, where `prune` cannot take it
    as a block; not `附件：<a>x.doc</a>`)."""
    # per line: characters, characters in links, pieces, text before its first link, link targets
    lines: list[list] = [[0, 0, [], "", None]]

    def add(text, in_link):
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([0, 0, [], "", None])
            size = text_size(part)
            lines[-1][0] += size
            lines[-1][1] += size if in_link else 0
            lines[-1][2].append(part)
            if not in_link and lines[-1][4] is None:
                lines[-1][3] += part

    def walk(node, in_link, in_row=False):
        if not isinstance(node.tag, str):
            if node.tail:
                add(node.tail, in_link)
            return
        block = node.tag.lower() in blocks
        cell = block and in_row and node.tag in CELLS
        inner = in_link or node.tag == "a"
        if node.tag == "a" and not block:
            lines[-1][4] = (lines[-1][4] or []) + [node.get("href") or ""]
        if cell:        # a data row's cells, one line: `四年级 亲子阅读分享 李老师`, a row, not three short lines
            add(" ", in_link)
            block = False
        if block:
            add("\n", in_link)
        if node.text:
            add(node.text, inner)
        row = node.tag == "tr" and _simple_row(node)
        for child in node:
            walk(child, inner, row)
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
    _edge_links(filled, link_only, in_run)
    return "\n".join("".join(line[2]) for line, dropped in zip(filled, in_run) if not dropped and not _labelled_links(line))


def _simple_row(row) -> bool:
    """A data table's row: CELLS_MIN or more cells, each short text with no block inside (a
    layout table's cells hold paragraphs, a sidebar, a whole post)."""
    cells = [child for child in row if isinstance(child.tag, str)]
    return len(cells) >= CELLS_MIN and all(
        child.tag in CELLS and text_size("".join(child.itertext())) <= CELL_MAX
        and not any(isinstance(el.tag, str) and el.tag in ROW_BREAKERS for el in child.iterdescendants())
        for child in cells)


def _edge_links(filled: list, link_only: list, in_run: list) -> None:
    """Mark the lines of nothing but links that open or close the element's prose (a promotion
    link set with <br>s after the article): what `prune` drops as blocks.  Not attachments (a
    link to a document file, or the lines after `附件：`), nor in running text."""
    if all(link_only):
        return
    first = link_only.index(False)
    last = len(link_only) - 1 - link_only[::-1].index(False)
    attached = "".join(filled[last][3].split()).startswith(ATTACHMENT_LABEL) or _attached(filled[last])
    for at in [*range(first), *(range(last + 1, len(filled)) if not attached else ())]:
        in_run[at] = in_run[at] or not _attached(filled[at])


def _attached(line: list) -> bool:
    """A line linking to a document file (the document's attachment, not chrome)."""
    return any(ATTACHMENT.search(href) for href in line[4] or ())


def _labelled_links(line: list) -> bool:
    """A line of links to other pages' headlines (TEASER_MIN characters each on average) behind
    a short label (`推荐阅读：`), with nothing but separators between them; not attachments (a
    link to a document file, or behind `附件：`), nor a name behind its label (`作者：<a>白居易</a>`)."""
    label, links = "".join(line[3].split()), line[4] or ()
    between = line[0] - line[1] - len(label)       # separators between the links (` | `)
    return bool(links) and line[1] >= TEASER_MIN * len(links) and 0 <= between <= 2 * len(links) \
        and 0 < len(label) <= LABEL_MAX and label.endswith(LABEL_ENDS) and not label.startswith(ATTACHMENT_LABEL) \
        and not any(ATTACHMENT.search(href) for href in links)
