"""Boxes inside or beside the article's container, for the main-text extractor (split off
extract_main.py): the chrome pruned inside the chosen elements (link lists, share bars, lists
of posts), and a box of the article's own captioned pictures that joins it."""
from __future__ import annotations

import re

from cleaners.html_text import drop_keeping_tail
from cleaners.steps.extract_headline import LEAD_PUNCT
from cleaners.steps.extract_posts import HEADINGS, post_list
from cleaners.steps.extract_read import LABEL_MAX, TEASER_MIN
from cleaners.steps.extract_levels import level_inner
from cleaners.steps.extract_sizes import INLINE, MIN_BLOCK, Sizes, chrome_named, link_density
from cleaners.steps.file_names import ATTACHMENT

ATTACHMENT_LABEL_AT = 8   # characters from the start of a box within which it names itself 附件

PRUNE_LINK_DENSITY = 0.5  # inside the winner, blocks with more link text than this ...
PRUNE_MAX_SIZE = 400      # ... and at most this many characters are chrome
POST_SHARE = 0.8          # a list of posts inside the winner, less than this share of it, is chrome ...
POST_OUTSIDE = 100        # ... or when the winner holds this many characters of prose besides it
PICTURE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp)(?:[?#!].*)?$", re.I)
FIELD_ROW = re.compile(r"[|｜]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")   # an avatar's row (name | views | date), no caption
CAPTION_MAX = 40          # characters per image of a sibling that holds only captioned pictures
HEADING_MAX = 40          # characters of a sub-heading between the article's parts
TEASERS_MIN = 2           # items of a box of other stories' headlines with excerpts ...
TEASER_MAX = 200          # ... each at most this long
GALLERY_MIN = 3           # pictures linking elsewhere, captions without a sentence mark: other stories' (no heading needed)


def pictures(el, size: Sizes) -> bool:
    """A box of the article's pictures with their captions (a photo story's images, set apart from
    its text): images, a few words of unlinked text each, and no link (an ad or a logo links).
    Only next to the article's run (a caption-sized box further off is a QR code's or an ad's), and
    without a heading (a titled box of pictures is another section: 图片新闻)."""
    if size.links or not size.text or next(el.iter(*HEADINGS, "h1"), None) is not None:
        return False
    images = sum(1 for img in el.iter("img") if _photo(img))
    return images > 0 and size.text <= CAPTION_MAX * images and not FIELD_ROW.search("".join(el.itertext()))


def _photo(img) -> bool:
    """A picture of the article: not drawn in the page (a data: URI, a generated QR code), nor a
    link to another page (a box of other stories' pictures, an ad); a link to its own large file is."""
    if _linked_away(img):
        return False
    return any(not v.startswith("data:") for k, v in img.attrib.items() if "src" in k)


def other_pictures(el, size: Sizes) -> bool:
    """A box of pictures that each link to another page, with nothing but a short caption each:
    other stories' pictures (图片新闻), not the article's own.  Under a heading of its own, or
    GALLERY_MIN of them with captions that are no sentences (an article's own gallery, each
    picture linked to its slide page, says what it shows in sentences)."""
    images = list(el.iter("img"))
    if len(images) < 2 or size.text > CAPTION_MAX * len(images) + LABEL_MAX or not all(_linked_away(img) for img in images):
        return False
    return next(el.iter(*HEADINGS, "h1"), None) is not None or (len(images) >= GALLERY_MIN and not size.punct)


def _linked_away(img) -> bool:
    """The picture links to another page (not to its own larger file)."""
    link = next(img.iterancestors("a"), None)
    return link is not None and not PICTURE_FILE.search(link.get("href", ""))


def prune(el, sizes: dict, account=None) -> None:
    """Drop chrome inside the chosen elements: link lists, share bars, related blocks.
    `account` (extract_account.BlockAccount) hears which of them each dropped box was."""
    for child in list(el.iterdescendants()):
        if not isinstance(child.tag, str) or child.getparent() is None:
            continue
        size = sizes.get(child)
        if size is None or child.tag in INLINE:
            continue
        why = _chrome_box(child, size, sizes[el], sizes)
        if why is not None and not attachments(child) and not attachment_box(child) \
                and not attachment_box(child.getparent()):      # (one file's line of an attachment box)
            label = child.getprevious()
            if account is not None:
                account.left_out(child, why)
            drop_keeping_tail(child)
            if label is not None and size.text and _is_label(label, sizes):
                if account is not None:
                    account.left_out(label, "the label of a box pruned inside the article")
                drop_keeping_tail(label)


def _chrome_box(child, size: Sizes, whole: Sizes, sizes: dict) -> str | None:
    """What chrome the box inside the chosen element `whole` is (what `prune`'s account says of
    it), or None: the tests in order, the first that holds."""
    # a block with prose of its own (not only in its children) keeps it; its link lists go one by one
    own_prose = size.flow - size.flow_links >= MIN_BLOCK and size.flow_punct >= LEAD_PUNCT
    if link_density(size) > PRUNE_LINK_DENSITY and size.text <= PRUNE_MAX_SIZE and not own_prose:
        return f"a box inside the article, {round(100 * link_density(size))} % of its text in links"
    if chrome_named(child) and size.punct < 3 and size.text <= PRUNE_MAX_SIZE and not _subheading(child, sizes):
        return f"a box inside the article named as chrome ({child.get('class') or child.get('id')!r})"
    if _beside_article(whole, size) and post_list(child, size):
        return "a list of posts or comments inside the article"
    if other_pictures(child, size):
        return "other stories' linked pictures inside the article"
    if _beside_article(whole, size) and teasers(child, sizes):
        return "other stories' headlines with their excerpts inside the article"
    return None


def teasers(el, sizes: dict) -> bool:
    """A box of TEASERS_MIN or more items, each opening with a link to another page's headline
    and saying a sentence or two of it (an 编辑推荐 box set in the article's flow), under a short
    label or none.  An article's paragraphs may hold links, but do not each open with one (a
    digest whose items do is the article: such a box is pruned only beside one)."""
    if (el.text or "").strip() or any((child.tail or "").strip() for child in el):
        return False            # text of its own between the items: a paragraph with links in it
    items = [child for child in el if isinstance(child.tag, str) and sizes.get(child, Sizes()).text]
    if any(item.tag in INLINE for item in items):
        return False
    if items and not sizes[items[0]].links and sizes[items[0]].text <= LABEL_MAX:
        items = items[1:]
    return len(items) >= TEASERS_MIN and all(_teaser(item, sizes[item]) for item in items)


def _teaser(item, size: Sizes) -> bool:
    return size.text <= TEASER_MAX and bool(size.links) and opens_with_headline_link(item)


def opens_with_headline_link(item) -> bool:
    """The item's first text is a link to another page reading as its headline (TEASER_MIN)."""
    link = next(_text_owners(item, None), None)
    if link is None:
        return False
    href = link.get("href") or ""
    return len("".join("".join(link.itertext()).split())) >= TEASER_MIN and not href.startswith(("#", "javascript"))


def _text_owners(el, link):
    """For each piece of text under `el` in reading order that is not blank, the link it stands
    in (None outside links)."""
    link = el if el.tag == "a" else link
    if (el.text or "").strip():
        yield link
    for child in el:
        if isinstance(child.tag, str):
            yield from _text_owners(child, link)
        if (child.tail or "").strip():
            yield link


def heading_shape(el, sizes: dict) -> str | None:
    """A short line without links set as a heading (`<h3>…</h3>`, `<p><strong>…</strong></p>`,
    in wrappers or not): its tags, else None."""
    size = sizes.get(el, Sizes())
    if not 0 < size.text <= HEADING_MAX or size.links:
        return None
    inner = level_inner(el)
    if inner.tag in (*HEADINGS, "strong", "b"):
        return inner.tag
    kids = [child for child in inner if isinstance(child.tag, str)]
    if len(kids) == 1 and kids[0].tag in (*HEADINGS, "strong", "b") and not (inner.text or "").strip() \
            and not (kids[0].tail or "").strip():
        return f"{inner.tag}>{kids[0].tag}"
    return None


def _subheading(el, sizes: dict) -> bool:
    """A heading between two paragraphs of prose (`<div class="section-header"><h3>一、…</h3></div>`):
    the article's own, whatever its class says."""
    if heading_shape(el, sizes) is None:
        return False
    around = (next(el.itersiblings(preceding=True), None), next(el.itersiblings(), None))
    return all(side is not None and _prose(sizes.get(side)) for side in around)


def _prose(size: Sizes | None) -> bool:
    return size is not None and size.text >= MIN_BLOCK and size.punct >= LEAD_PUNCT and link_density(size) < PRUNE_LINK_DENSITY


def _beside_article(whole: Sizes, posts: Sizes) -> bool:
    """A list of posts inside the chosen element is chrome when it is less than POST_SHARE of
    it, or when the element holds an article of its own besides it (POST_OUTSIDE characters
    with sentence marks: a short story under a long comment thread); not when it is the page."""
    return posts.text < POST_SHARE * whole.text or \
        (whole.text - posts.text >= POST_OUTSIDE and whole.punct - posts.punct >= 2 * LEAD_PUNCT)


def attachment_box(el) -> bool:
    """A box of the document's attachments: labelled 附件 at its start (`附件：`, `相关附件`, `附件下载：`),
    every link a document file by its address or by its text (`<a href="/attach/download?id=88231">
    校历.pdf</a>`); not a sidebar's 下载专区 of forms, nor a forum's box of an upload's details."""
    return isinstance(el.tag, str) and attachments(el, by_text=True) and "附件" in _opening(el)


def _opening(el) -> str:
    """The element's first ATTACHMENT_LABEL_AT characters of text, spaces left out (read no further:
    a box's parent may be the whole article)."""
    opening = ""
    for piece in el.itertext():
        opening += "".join(piece.split())
        if len(opening) >= ATTACHMENT_LABEL_AT:
            break
    return opening[:ATTACHMENT_LABEL_AT]


def attachments(el, by_text: bool = False) -> bool:
    """Every link under the element points to a document file (`附件：<a href="x.doc">…</a>`), or
    with `by_text` names one in its text: the official document's attachments, part of it,
    however link-heavy the line."""
    links = list(el.iter("a"))
    return bool(links) and all(ATTACHMENT.search(a.get("href") or "")
                               or (by_text and ATTACHMENT.search("".join(a.itertext()).strip())) for a in links)


def _is_label(el, sizes: dict) -> bool:
    """A short line ending in a colon (`相关新闻：`): the caption of what follows it."""
    size = sizes.get(el)
    return (isinstance(el.tag, str) and size is not None and 0 < size.text <= LABEL_MAX
            and "".join(el.itertext()).rstrip().endswith(("：", ":")))
