"""Where the page's headline stands, for the main-text extractor: the article starts right under
it (a container's score falls with the text between), and prose set apart between the two (a
question's description above its answer) belongs to the article."""
from __future__ import annotations

from dataclasses import dataclass

from cleaners.steps.extract_sizes import (INLINE, MIN_BLOCK, TEXT_BLOCKS, chrome_named, contains, link_density,
                                          text_size)

HEADLINE_GAP = 1000       # characters of page text between headline and block that halve its score
HEADLINE_MIN = 4          # characters a title needs to be looked for on the page
SENTENCE_MARKS = "，。；！？"
REPEAT_SHARE = 0.5        # a block whose character pairs stand this much in the article repeats it
LEAD_PUNCT = 2            # marks a block between headline and article needs to be read as prose ...
LEAD_LINK_DENSITY = 0.2   # ... and the link text it may have


@dataclass
class Layout:
    """Where each element's text starts (characters of page text before it), and the page's
    headline: the element whose text is the title (None when no element shows it)."""
    start: dict
    headline: object = None
    title: str = ""           # the page's title, folded (no spaces)


def layout(root, sizes: dict, title: str = "") -> Layout:
    """Text offsets of all elements and the headline, in one pass in document order."""
    folded = "".join(title.split())
    look = len(folded) >= HEADLINE_MIN
    start = {root: 0}
    headline = None
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        pos = start[parent] + text_size(parent.text)
        for child in parent:
            start[child] = pos
            found = sizes.get(child)
            pos += (found.text if found else 0) + text_size(child.tail)
        if look and headline is None and sizes[parent].text == len(folded) and parent.tag not in ("head", "title") \
                and "".join("".join(parent.itertext()).split()) == folded:
            headline = parent
    return Layout(start, headline, folded)


def nearness(page: Layout, sizes: dict):
    """el -> a factor that halves with every HEADLINE_GAP characters of page text between the
    page's headline and the element: the article starts right under its headline; a sidebar's
    text, comments or the next story come later.  Without a headline on the page, 1 for all."""
    if page.headline is None:
        return lambda el: 1.0
    top = page.start[page.headline]
    bottom = top + sizes[page.headline].text

    def factor(el) -> float:
        first = page.start[el]
        last = first + sizes[el].text
        gap = 0 if first <= top and last >= bottom else (first - bottom if first >= bottom else max(0, top - last))
        return 1.0 / (1.0 + gap / HEADLINE_GAP)
    return factor


def lead_blocks(root, sizes: dict, page: Layout, first, article: str) -> list:
    """Prose blocks between the headline and the article's first element (a question's
    description above its answer, a lead paragraph set apart), when little text lies between."""
    if page.headline is None:
        return []
    bottom = page.start[page.headline] + sizes[page.headline].text
    top = page.start[first]
    if not 0 < top - bottom <= HEADLINE_GAP:
        return []
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in INLINE or el.tag not in TEXT_BLOCKS:
            continue
        at = page.start[el]
        if at > top:          # past the article's start: starts only grow in document order
            break
        size = sizes[el]
        if at < bottom or at + size.text > top or size.flow < MIN_BLOCK or size.flow_punct < LEAD_PUNCT:
            continue
        if link_density(size) >= LEAD_LINK_DENSITY or chrome_named(el) or any(contains(f, el) for f in found):
            continue
        text = "".join(el.itertext())
        if sum(text.count(ch) for ch in SENTENCE_MARKS) < LEAD_PUNCT or repeats(text, article):
            continue
        found.append(el)
    return found


def repeats(text: str, article: str) -> bool:
    """Whether most of the text's character pairs stand in the article (a summary box)."""
    pairs = {text[i:i + 2] for i in range(len(text) - 1) if not text[i:i + 2].isspace()}
    return bool(pairs) and sum(1 for pair in pairs if pair in article) >= REPEAT_SHARE * len(pairs)
