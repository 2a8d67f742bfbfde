"""What the main-text extractor measures of every element: text, link text, sentence marks,
and a block's own paragraph text (its inline descendants'), counted bottom-up in one pass; and
what its class/id says (content or chrome)."""
from __future__ import annotations

import re
from dataclasses import dataclass

PUNCT = "，。；！？、：,;"
TEXT_BLOCKS = {"p", "pre", "td", "blockquote", "li", "dd", "div", "section", "article", "main", "center",
               "h2", "h3", "h4", "h5", "h6"}
POSITIVE = re.compile(r"article|content|main|text|body|post|entry|detail|story|artic|正文|\bcon\b|cont\b|"
                      r"neirong|zhengwen|TRS_Editor|rich_media|js_content|mainbox|news_txt|txt", re.I)
NEGATIVE = re.compile(r"comment|discuss|pinglun|footer|\bfoot(?![-_]?note)|nav|sidebar|\bside|related|recommend|share|\bads?\b|advert|menu|"
                      r"header|breadcrumb|crumb|copyright|\bhot|rank|login|reply|pager|pagination|toolbar|widget|"
                      r"banner|sponsor|promo|\bmore\b|friend|qrcode|erweima|print|jubao|tags?\b|keyword|"
                      r"author-?info|byline|subscribe|download|player|(?<![a-z])meta(?![a-z])|(?<![a-z_-])author(?![a-z_-])", re.I)
# Regions that hold other items than the page's own (comments, related stories, "more answers"):
# a block under one of them is not the article, however well it reads.
ELSEWHERE = re.compile(r"comment|discuss|pinglun|related|recommend|\bmore|reply|sidebar", re.I)
INLINE = {"a", "span", "b", "strong", "em", "i", "font", "img", "br", "u", "sub", "sup", "small", "big", "code",
          "label", "abbr", "cite", "q", "s", "strike", "del", "ins", "mark", "time", "tt", "var"}
# Elements a browser lays out as blocks.  Any other tag flows inline, as in a browser: a CMS's
# own tags (`<ucapcontent>`, `<o:p>`) add their text to the paragraph around them.
BLOCK_LEVEL = {"p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul", "ol", "li",
               "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3",
               "h4", "h5", "h6", "pre", "blockquote", "form", "fieldset", "figure", "figcaption", "hr", "address",
               "center", "details", "summary", "body", "html", "head", "menu", "dir", "iframe", "video", "audio",
               "canvas", "svg", "object", "embed", "noscript", "script", "style", "textarea", "select", "button"}
MIN_BLOCK = 25            # characters a block needs to score


@dataclass
class Sizes:
    text: int = 0          # non-space characters under the element
    links: int = 0         # of them inside <a>
    punct: int = 0         # Chinese/Latin clause and sentence marks under it
    flow: int = 0          # characters in its own text and its inline descendants': a paragraph's text
    flow_punct: int = 0    # marks among them
    flow_links: int = 0    # characters of the flow inside <a>
    flow_breaks: int = 0   # <br>s in the flow: a block of <br>-separated paragraphs is many paragraphs


def text_size(s: str | None) -> int:
    return len("".join(s.split())) if s else 0


def punct_count(s: str | None) -> int:
    return sum(s.count(ch) for ch in PUNCT) if s else 0


def measure(root) -> dict:
    """Sizes of every element, bottom-up in one pass."""
    sizes: dict = {}
    for el in reversed(list(root.iter())):
        if not isinstance(el.tag, str):
            continue
        flow = text = text_size(el.text)
        flow_punct = punct = punct_count(el.text)
        links = flow_links = 0
        breaks = 1 if el.tag == "br" else 0
        for child in el:
            tail_size, tail_punct = text_size(child.tail), punct_count(child.tail)
            text += tail_size
            flow += tail_size
            punct += tail_punct
            flow_punct += tail_punct
            found = sizes.get(child)
            if found is not None:
                text += found.text
                links += found.links
                punct += found.punct
                if child.tag not in BLOCK_LEVEL:
                    flow += found.flow
                    flow_punct += found.flow_punct
                    flow_links += found.flow_links
                    breaks += found.flow_breaks
        if el.tag == "a":
            links = text
            flow_links = flow
        sizes[el] = Sizes(text, links, punct, flow, flow_punct, flow_links, breaks)
    return sizes


def names_of(el) -> str:
    """The element's class and id, joined: where its names say what it holds."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def class_weight(el) -> int:
    return class_weight_of(names_of(el))


def class_weight_of(names: str) -> int:
    if not names.strip():
        return 0
    weight = 0
    if POSITIVE.search(names):
        weight += 25
    if NEGATIVE.search(names):
        weight -= 25
    return weight


def chrome_named(el) -> bool:
    """A chrome word in the class or id, whatever else it says (`ArticleShareBtn`, `content-footer`)."""
    names = names_of(el)
    return bool(names.strip()) and bool(NEGATIVE.search(names))


def elsewhere_named(el) -> bool:
    """Named as a region of other items than the page's own (ELSEWHERE)."""
    names = names_of(el)
    return bool(names.strip()) and bool(ELSEWHERE.search(names))


def under_elsewhere(el) -> bool:
    return any(elsewhere_named(ancestor) for ancestor in el.iterancestors())


def link_density(sizes: Sizes) -> float:
    return sizes.links / sizes.text if sizes.text else 1.0


def contains(ancestor, el) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False
