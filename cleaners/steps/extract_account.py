"""What the HTML extractor left out of a page, and why: `--explain`'s account of the blocks.

The line steps say which line they dropped and by which rule or signal; on an HTML page most
of what goes never reaches them, because the extractor keeps one region of the page and
prunes inside it.  This account reads the page's lines once before anything is dropped, each
with the block element it stands in; every step of the extractor that drops an element says
why (`left_out`); at the end the lines that did not come through are named with the reason of
the nearest element that has one, or with where they stood beside the article.

Only made when asked (`Options.explain`): it walks the page once more and tests every line
against the extracted text.
"""
from __future__ import annotations

from itertools import chain

from cleaners.document import Change
from cleaners.html_text import BLOCK_TAGS

UNSEEN = {"head", "script", "style", "template"}     # never a visitor's text: not accounted for
# The elements a line belongs to: the text's own line breaks (html_text.BLOCK_TAGS), and the
# containers the extractor drops whole however the text inside them runs (a <nav> of bare links).
LINE_OWNERS = BLOCK_TAGS | {"nav", "aside", "main", "body", "form", "center", "iframe", "button", "select",
                            "label", "textarea", "noscript", "video", "audio", "canvas", "svg"}
SHORT = 2            # characters (spaces removed) a line needs to be named
REORDERED = 10       # characters a line needs to count as kept when it comes through out of order
LINKS_SHOWN = 0.2    # a region's share of link text worth naming


class BlockAccount:
    """The page's lines as a visitor reads them, each with its block element, and the reasons
    the extractor's steps give for the elements they drop."""

    def __init__(self, root):
        self.lines = page_lines(root)
        self.why: dict = {}
        self.chosen: list = []

    def left_out(self, el, reason: str) -> None:
        """`el` and what it holds leave the page for `reason` (the first reason given stands)."""
        self.why.setdefault(el, reason)

    def changes(self, text: str, extractor: str, title: str = "") -> list[Change]:
        """One `extract` left_out per run of left-out lines that share a reason, in page order
        (the headline, taken as the title, is said to be so)."""
        kept = "".join(text.split())
        headline = "".join(title.split())
        cursor = 0
        runs: list[tuple[list[str], str]] = []
        places = self._survey_article()
        for index, (line, el) in enumerate(self.lines):
            folded = "".join(line.split())
            if len(folded) < SHORT:
                continue
            at = kept.find(folded, cursor)
            if at >= 0:
                cursor = at + len(folded)
                continue
            if len(folded) >= REORDERED and folded in kept:
                continue
            reason = "the headline, read as the document's title" if headline and folded == headline \
                else self._reason(el, extractor, places(index))
            if runs and runs[-1][1] == reason:
                runs[-1][0].append(line.strip())
            else:
                runs.append(([line.strip()], reason))
        return [Change("extract", "left_out", "\n".join(lines), reason) for lines, reason in runs]

    def _reason(self, el, extractor: str, place: str) -> str:
        for node in chain((el,), el.iterancestors()):
            reason = self.why.get(node)
            if reason is not None:
                return reason
        if extractor == "selector":
            return "outside the site profile's text selector"
        if extractor == "trafilatura":
            return "left out by trafilatura (the project's extractor found no article on the page)"
        if not self.chosen:
            return "not in the page's text"
        if self._inside(el):
            return "inside the article: link-only lines (a run of them, at its edge, or behind a label)"
        region = self._region(el)
        if region not in self._described:
            self._described[region] = f"{describe(region)}{_link_share(region)}"
        return f"{place} the article, in {self._described[region]}"

    def _inside(self, el) -> bool:
        chosen = self._chosen_set
        return any(node in chosen for node in chain((el,), el.iterancestors()))

    def _region(self, el):
        """The largest element holding `el` and none of the chosen ones: the box it stood in."""
        region = el
        for node in el.iterancestors():
            if node in self._holding:
                break
            region = node
        return region

    def _survey_article(self):
        """Where the chosen elements stand (what `_inside` and `_region` read), and a function
        placing a line index above, beside or below the article, from where its lines stand."""
        self._chosen_set = set(self.chosen)
        self._holding = {node for el in self.chosen for node in chain((el,), el.iterancestors())}
        self._described: dict = {}
        inside = [i for i, (_, el) in enumerate(self.lines) if self._inside(el)] if self.chosen else []
        first, last = (inside[0], inside[-1]) if inside else (0, -1)
        return lambda index: "above" if index < first else "below" if index > last else "beside"


def page_lines(root) -> list[tuple[str, object]]:
    """The page's text lines as `html_text.node_text` breaks them (and at LINE_OWNERS), each with
    the innermost such element it stands in (an explicit stack, as there: pages nest thousands deep)."""
    lines: list[tuple[list[str], object]] = [([root.text or ""], root)]
    stack = [iter(root)]
    blocks = [root]                 # the block element each open level's text belongs to
    closers: list = [None]          # per open element: (tail, block it returns to) when it is a block
    while stack:
        for el in stack[-1]:
            tag = el.tag
            if not isinstance(tag, str):
                if el.tail:
                    lines[-1][0].append(el.tail)
                continue
            tag = tag.lower()
            if tag in UNSEEN:
                if el.tail:
                    lines[-1][0].append(el.tail)
                continue
            block = tag in LINE_OWNERS
            if block:
                lines.append(([el.text or ""], el))
                closers.append((el.tail, blocks[-1]))
                blocks.append(el)
            else:
                lines[-1][0].append(el.text or "")
                closers.append(el.tail)
                blocks.append(blocks[-1])
            stack.append(iter(el))
            break
        else:
            stack.pop()
            blocks.pop()
            closer = closers.pop()
            if isinstance(closer, tuple):
                tail, back_to = closer
                lines.append(([tail or ""], back_to))
            elif closer:
                lines[-1][0].append(closer)
    out = []
    for parts, el in lines:
        text = "".join(parts)
        for piece in text.split("\n"):
            if piece.strip():
                out.append((piece, el))
    return out


def describe(el) -> str:
    """`<div id="footer" class="copy">` as `div#footer.copy` (a user finds it in the page source)."""
    name = el.tag if isinstance(el.tag, str) else "?"
    if el.get("id"):
        name += "#" + el.get("id").strip()
    classes = (el.get("class") or "").split()
    return name + "".join("." + c for c in classes[:3])


def _link_share(el) -> str:
    text = sum(len("".join(t.split())) for t in el.itertext())
    links = sum(len("".join("".join(a.itertext()).split())) for a in el.iter("a"))
    return f" ({100 * links // text} % of its text in links)" if text and links / text >= LINKS_SHOWN else ""
