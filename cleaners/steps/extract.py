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
from cleaners.html_text import BLOCK_TAGS, drop_keeping_tail, node_text, parseable, text_and_depth
from cleaners.page_facts import page_count, page_title
from cleaners.steps import extract_choice
from cleaners.steps.extract_account import BlockAccount
from cleaners.steps.extract_sizes import text_size
from cleaners.profiles import GENERIC, Profile, generic

# `video` and `audio`: what they hold is the fallback a browser shows only when it cannot play them
# (`您的浏览器不支持视频播放`), never on a page a reader sees; `object`'s fallback is shown (no Flash).
# `rt` and `rp`: a ruby annotation's reading (`<ruby>床<rt>chuáng</rt></ruby>`, a 拼音版 poem) and its
# fallback brackets, set above the character they read, never in the line.
NOISE = "script, style, noscript, nav, iframe, svg, canvas, template, button, select, textarea, label, video, audio, rt, rp"
# A form is a login, search or comment box, dropped as noise, unless it holds a page's text: an
# ASP.NET WebForms page is one <form> around everything, and a 博达 VSB site sets its article
# in `<form name="_newscontent_fromname">` (the whole document went with it).
FORM_TEXT_MAX = 200       # non-space characters a form may hold and still be only a form
# Elements a visitor never sees (CMS bookkeeping such as Hanweb's hidden column path).
HIDDEN = "//*[@hidden or (@style and contains(translate(@style, ' ', ''), 'display:none'))]"
# Inline elements that are widgets, not text: a heading's permalink (`<h2>安装<a href="#install">#</a></h2>`,
# `¶`, `§`) and a counter badge, an element named for reviews, comments, likes or votes whose text is
# a bare number (qidian's per-paragraph review counts `<span class="review-count">37</span>`).
PERMALINK_MARKS = {"#", "¶", "§"}
COUNTER_NAMES = re.compile(r"review|comment|reply|like|vote|zan|digg|praise|count", re.I)
COUNTER_TEXT = re.compile(r"\s*\d[\d,]*\s*")
# A bracketed comments link closing a summary or a paragraph (`…。[查看评论]`): a button in the
# line, never the text's own words.  (`[详细]`, `[全文]` stay: they mark a related box's excerpt as
# cut, which link_excerpts reads.)
ACTION_LINK = re.compile(r"\s*[\[【]\s*(?:查看|发表|进入)?评论\s*[\]】]\s*")
# A heading's buttons in an encyclopedia (MediaWiki's `[编辑]`, 百科's `编辑` `播报` set beside the
# section's heading): inside the heading, or after it in the heading's box.
HEADING_BUTTON = re.compile(r"\s*[\[【]?\s*(?:编辑|播报)\s*[\]】]?\s*")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BUTTONS_AFTER = 3          # siblings after a heading where its buttons may stand
SENTENCE_ENDS = set("。！？!?…”」』）)")
LINE_END_DEPTH = 4         # inline elements a badge may sit in at the end of its line
BADGES_MIN = 3             # paragraphs ending in a bare-number badge of one shape: a counter widget
HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|div|p|br|title)\b", re.I)
# trafilatura's time grows faster than the page (10,000 elements ~2 s, 40,000 ~18 s; real pages
# have at most ~6,000): larger pages without a profile selector are taken whole.
TRAFILATURA_MAX_ELEMENTS = 20_000
# What makes markup a page with parts to choose between: the document's own tags, or block containers.
# Text that holds only paragraph and line-break tags and inline ones (`<p>&nbsp;</p>`, `<br>`: HTML residue in a
# scraped text) is a fragment: no container to choose, its text is taken whole.
PAGE_STRUCTURE = re.compile(r"<(?:!doctype|html|head|body|title|meta|div|table|section|article|main|ul|ol|dl|"
                            r"nav|header|footer|aside|form|iframe)\b", re.I)
# libxml2's HTML parser nests no deeper than this and drops the content below it.
PARSER_MAX_DEPTH = 2048


@dataclass
class Extracted:
    text: str
    title: str = ""
    changes: list[Change] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    return bool(HTML_SNIFF.search(text[:2048]))


def _select_first(sel: Selector, selectors) -> list:
    for css in selectors:
        try:
            found = sel.css(css)
        except Exception as exc:  # a broken selector in a user's profile must name itself
            raise ValueError(f"site profile selector {css!r} is not valid CSS: {exc}") from exc
        if found:
            return found
    return []


def over_limit(reason: str) -> Extracted:
    """A page refused by a limit: no text, and the reason as an `over_limit` flag."""
    return Extracted(text="", changes=[Change("extract", "flag", "over_limit", reason)])


DEFAULT_MAX_ELEMENTS = 200_000     # elements of one HTML page (pipeline.Options.max_elements)


def element_estimate(html: str) -> int:
    """At least as many as the elements and comments the page parses into (every `<` that
    does not close a tag), counted without parsing: a page of millions of elements is refused
    before its tree takes gigabytes."""
    return html.count("<") - html.count("</")


def extract_html(html: str, profile: Profile | None = None, url: str | None = None, *,
                 max_elements: int | None = None, max_depth: int | None = None, explain: bool = False) -> Extracted:
    """The page's text block, title and what it says about the document.  With limits, a page
    of more than `max_elements` elements or nested deeper than `max_depth` gives an
    `over_limit` flag and no text, never a silent loss (the HTML parser itself stops at
    PARSER_MAX_DEPTH levels and drops what lies deeper: `max_depth` must stay below it).
    With `explain`, the changes also name the page's lines left out and why (`extract_account`)."""
    profile = profile or generic()
    changes: list[Change] = []
    elements = element_estimate(html)
    if max_elements is not None and elements > max_elements:
        return over_limit(f"HTML page of about {elements:,} elements (limit {max_elements:,}: max_elements)")
    html = parseable(html)
    try:
        sel = Selector(text=html, type="html")     # never parsel's JSON guess
    except Exception:  # lxml refuses some inputs (e.g. only a comment); treat as text
        return Extracted(text=html, changes=[Change("extract", "flag", "unparsable_html", "1")])
    root = sel.root
    account = BlockAccount(root) if explain and isinstance(root, etree._Element) else None
    droppers = [(css, profile) for css in (NOISE, *profile.drop_selectors)]
    if profile.name != GENERIC:                  # (the generic profile's hold for every site)
        droppers += [(css, generic()) for css in generic().drop_selectors]
    for css, named in droppers:
        for el in sel.css(css):
            _leave_out(el.root, account, _noise_reason(el.root, css, named))
    for el in sel.css("form"):
        if text_size("".join(el.root.itertext())) < FORM_TEXT_MAX:
            _leave_out(el.root, account, _noise_reason(el.root, NOISE, profile))
    for el in sel.xpath(HIDDEN):
        _leave_out(el.root, account, "hidden on the page (hidden, display:none)")
    if isinstance(root, etree._Element):
        for el in inline_widgets(root):
            _leave_out(el, account, "a widget in a line (a heading's permalink or edit button, a counter badge)")
    whole, depth = text_and_depth(root) if isinstance(root, etree._Element) else ("", 0)
    # A site's own title selectors decide; otherwise the best of ArticleTitle, h1 and <title>.
    title = (page_title(sel, profile) if profile.name != GENERIC and profile.title_selectors
             else extract_choice.best_title(sel, whole))
    if max_depth is not None and depth > max_depth:
        return over_limit(f"HTML nested {depth:,}{'+' if depth >= PARSER_MAX_DEPTH - 1 else ''} elements deep "
                          f"(limit {max_depth:,}: max_depth)")

    for pattern in profile.truncation_markers + generic().truncation_markers:
        m = re.search(pattern, whole)
        if m:
            changes.append(Change("extract", "flag", "truncated", m.group(0)))
            break
    count = page_count(sel, profile, whole)
    if count is not None:
        changes.append(Change("extract", "metadata", "page_count", str(count)))

    block = _select_first(sel, profile.text_selectors) if profile.text_selectors else []
    if block:
        text = "\n".join(node_text(b.root) for b in block)
        changes.append(Change("extract", "metadata", "extractor", "selector"))
        extractor = "selector"
    elif not PAGE_STRUCTURE.search(html):
        # A fragment: the article extractor would only pick among its paragraphs, and the line
        # model would take that pick for the markup's word on what is chrome (a higher cutoff),
        # which the same text, cleaned again without its tags, no longer has.
        text = whole
        changes.append(Change("extract", "metadata", "extractor", "page_text"))
        extractor = "page_text"
    else:
        fallback = _trafilatura if elements <= TRAFILATURA_MAX_ELEMENTS else (lambda html, url: "")
        notes: dict = {}
        text, extractor = extract_choice.main_text(root, html, url, BLOCK_TAGS, fallback, title, account, notes, whole)
        if notes.get("headline") and extractor == "main" and "".join(notes["headline"].split()) != "".join(title.split()):
            changes.append(Change("extract", "metadata", "shown_headline", f"{title!r} -> {notes['headline']!r}"))
            title = notes["headline"]
        if notes.get("teasers") and extractor == "main":
            changes.append(Change("extract", "flag", "listing", f"{notes['teasers']} teasers (a linked headline "
                                                                "and a sentence of another page, each)"))
        if text:
            changes.append(Change("extract", "metadata", "extractor", extractor))
        else:
            text = whole
            changes.append(Change("extract", "metadata", "extractor", "page_text"))
            extractor = "page_text"
    if title:
        text = extract_choice.join_broken_headline(text, title)
    if account is not None:
        changes += account.changes(text, extractor, title)
    return Extracted(text=text, title=title, changes=changes)


def _leave_out(el, account: BlockAccount | None, reason: str) -> None:
    """Take `el` out of the page (its tail text stays), telling `--explain`'s account why."""
    if account is not None:
        account.left_out(el, reason)
    drop_keeping_tail(el)


def _noise_reason(el, css: str, profile: Profile) -> str:
    if css == NOISE:
        return f"a <{el.tag}> element (navigation, forms of little text, scripts, frames and media are never the text)"
    return f"the profile {profile.name!r} drops {css!r}"


def inline_widgets(root) -> list:
    """Permalinks, bracketed comments links, a heading's buttons and counter badges (see
    PERMALINK_MARKS, ACTION_LINK, HEADING_BUTTON, COUNTER_NAMES, trailing_badges): one pass over
    the inline elements, cheaper than an XPath that reads every element's class."""
    found = trailing_badges(root) + heading_buttons(root)
    badges = set(found)
    for el in root.iter("a", "span", "em", "i", "b", "small", "sup"):
        if el.tag == "a":
            href = el.get("href")
            if href and href.startswith("#") and (el.text or "").strip() in PERMALINK_MARKS and not len(el):
                found.append(el)
                continue
            if not len(el) and el.text and ACTION_LINK.fullmatch(el.text):
                found.append(el)
                continue
        name = el.get("class")
        if name and el not in badges and COUNTER_NAMES.search(name) and COUNTER_TEXT.fullmatch("".join(el.itertext())):
            found.append(el)
    return found


def heading_buttons(root) -> list:
    """A heading's edit and read-aloud buttons (HEADING_BUTTON): links and spans in the heading,
    or set after it among its siblings (looked for from the page's few headings)."""
    found = []
    for heading in root.iter(*HEADING_TAGS):
        after = [sib for _, sib in zip(range(BUTTONS_AFTER), heading.itersiblings()) if sib.tag in ("a", "span")]
        for el in [*heading.iter("a", "span"), *after]:
            # (its own text and its children's: a button is one word, maybe in bracket spans)
            if len(el) <= 3 and HEADING_BUTTON.fullmatch((el.text or "") + "".join((child.text or "") + (child.tail or "")
                                                                                   for child in el)):
                found.append(el)
    return found


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
    except (etree.ParserError, ValueError, AssertionError):    # lxml asserts on a whole page with two bodies
        return fragment


def trailing_badges(root) -> list:
    """Counter badges without a name to tell them (class names stripped or hashed): an inline
    element whose text is a bare number, the last thing in its line (block or <br>), after a paragraph ending
    a sentence (qidian's per-paragraph review counts).  One such ending is a paragraph's own
    number; BADGES_MIN or more of one shape are a widget, and every ending of that shape goes
    (the headline's badge too)."""
    shapes: dict = {}
    for el in root.iter("span", "em", "i", "b", "small", "font"):
        parent = el.getparent()
        if parent is None or not _ends_line(el) or not COUNTER_TEXT.fullmatch("".join(el.itertext())):
            continue
        before = _text_before(parent, el)
        if before:
            shape = (el.tag, tuple(child.tag for child in el if isinstance(child.tag, str)))
            ends = shapes.setdefault(shape, [[], 0])
            ends[0].append(el)
            ends[1] += before[-1] in SENTENCE_ENDS
    return [el for els, sentences in shapes.values() if sentences >= BADGES_MIN for el in els]


def _ends_line(el) -> bool:
    """Nothing follows the element in its line: its block ends, or a <br> comes (through at
    most LINE_END_DEPTH inline elements around it)."""
    node = el
    for _ in range(LINE_END_DEPTH):
        if (node.tail or "").strip():
            return False
        after = next((s for s in node.itersiblings() if isinstance(s.tag, str) or (s.tail or "").strip()), None)
        if after is not None:
            return after.tag == "br"
        node = node.getparent()
        if node is None or node.tag in BLOCK_TAGS:
            return node is not None
    return False


def _text_before(block, el) -> str:
    """The block's text before its last inline element `el`, stripped."""
    parts = [block.text or ""]
    for child in block:
        if child is el:
            break
        parts.append("".join(child.itertext()) if isinstance(child.tag, str) else "")
        parts.append(child.tail or "")
    return "".join(parts).strip()
