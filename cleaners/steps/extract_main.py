"""The project's own main-text extractor for pages no profile knows (readability's idea, for Chinese).

Article text is made of blocks with many sentence marks (，。；) and few links; page chrome of
short, link-heavy blocks.  Every container scores what the text blocks under it hand up
(`extract_scores`): the element that gathers most is the article's container, or the container inside it that scores nearly as
well when what the winner adds around it would not join the article (a byline, a related list:
class names used to tell them apart).  An element and the wrappers around it are one level (see
`extract_levels`: a div holding one element and no text, a table of one cell): parent and
grandparent are the nearest real levels, each scored on its outermost wrapper, whose siblings are the level's siblings.  Class/id words (`content`, `article`, `正文` up;
`comment`, `footer`, `related` down), link density and the distance from the page's headline
(the element showing the title: an article starts under it) adjust the container's score.  Sibling
blocks that score close to it, or read as prose, join it in an unbroken run (articles split over
several divs; a part at least half as strong as the winner whose run of parts clearly outweighs it
wins instead: `extract_parts`), and prose set apart between the headline and the article (a question above its
answer; not a summary box repeating the article) comes first.  In a forum thread (posts cut
from one template, each with its posting time: `extract_thread`) the opening post is the article.  Inside the chosen elements, link-heavy or chrome-named blocks (share bars, related lists)
are pruned before the text is read.

All sizes are counted once, bottom-up, in one pass over the tree: ~2 ms for a 100 KB page,
against 30-80 ms for trafilatura here.  Hidden elements are kept: WeChat pages hide the
article (`visibility: hidden`) until their script runs.
"""
from __future__ import annotations

from lxml import etree

from cleaners.steps.extract_answers import with_answers
from cleaners.steps.extract_boxes import attachment_box, heading_shape, pictures, prune
from cleaners.steps.extract_levels import level_inner, level_top
from cleaners.steps.extract_listing import teaser_count
from cleaners.steps.extract_headline import Layout, repeats, layout, lead_blocks
from cleaners.steps.extract_parts import SIBLING_BARRIER, SIBLING_SHARE, joins, split_parts
from cleaners.steps.extract_read import read_text
from cleaners.steps.extract_topic import (TOPIC_PAIRS, off_topic, off_topic_boxes, off_topic_tail, on_topic,
                                          title_pairs)
from cleaners.steps.extract_posts import HEADINGS, post_list, titled
from cleaners.steps.extract_scores import ELSEWHERE_PENALTY, candidates, elsewhere
from cleaners.steps.extract_shown import shown_headline
from cleaners.steps.extract_thread import opening_post, opening_post_inside
from cleaners.steps.extract_sizes import INLINE, TEXT_BLOCKS, Sizes, contains, link_density, measure

SUMMARY_SHARE = 0.5       # a sibling before the winner that repeats it, at most this share of its size, is a summary ...
SUMMARY_PARTS = 3         # ... when it has fewer paragraphs than this
POST_TRIES = 5            # containers set aside as posts before the best one is taken as it is
DESCEND_SHARE = 0.85      # a container inside the winner scoring this share of it is the article's ...
PART_MIN = 100            # ... unless a sibling of it this long joins it: the winner holds the article's parts
PASSABLE_LINKS = 0.5      # a box between the article's parts with more of its text in links is passed over
CLOSE_SHARE = 0.75        # blocks scoring this share of the winner ...
CLOSE_COUNT = 2           # ... this many of them, under one ancestor of the winner: the ancestor wins
ATTACHMENT_LEVELS = 2     # containers up from the article's that an attachment box beside them may sit


def main_elements(root, sizes: dict | None = None, page: Layout | None = None) -> list:
    """The article's elements in page order (the best container, plus siblings that belong)."""
    sizes = sizes if sizes is not None else measure(root)
    scores = candidates(root, sizes, page)
    if not scores:
        return []
    if page is not None:
        off_topic(scores, page)
    winner, threaded = opening_post(_not_a_post(scores, sizes), scores, sizes)
    if not threaded and not teaser_count([winner], sizes):     # (a blog's index dates its teasers too)
        winner, threaded = opening_post_inside(winner, scores, sizes)
    # in a thread the other posts are replies, not the rest of a split article
    winner = winner if threaded else split_parts(winner, scores, sizes)
    winner = _descend(winner, scores, sizes, page)
    # a thread's other posts score close to the first: no container of them is the article
    winner = winner if threaded else _ascend(winner, scores, sizes)
    best = level_top(winner if threaded else _lift(winner, scores), {})
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, scores[winner] * SIBLING_SHARE)
    siblings = [el for el in parent if isinstance(el.tag, str)]
    at = siblings.index(best)
    chosen = [best]
    # outwards from the winner, up to the first sibling that does not belong and has text of its
    # own (a link list between the story and the next one)
    article = None
    sections = {heading.tag for heading in best.iter(*HEADINGS)}
    for before, side in ((False, siblings[at + 1:]), (True, siblings[at - 1::-1] if at else [])):
        gap = False     # a sibling with text that did not join: pictures beyond it are another box's
        passed = False  # a box of links the run went past (see `_passable`)
        for n, sibling in enumerate(side):
            size = sizes.get(sibling, Sizes())
            inner = level_inner(sibling)
            if joins(inner, size, scores.get(sibling, 0.0), threshold, sections) or (not gap and pictures(inner, size)) \
                    or (not before and not gap and attachment_box(inner)):     # (`附件：<a>x.docx</a>` below the body)
                # not a summary box above the article, repeating it (a summary is shorter than
                # half of what it sums up, and a paragraph or two: a longer part of a split
                # article, or one of many paragraphs, such as a document's head, shares its words)
                if before and size.text <= SUMMARY_SHARE * sizes[best].text and _paragraphs(sibling, sizes) < SUMMARY_PARTS:
                    article = article if article is not None else "".join(best.itertext())
                    if repeats("".join(sibling.itertext()), article):
                        continue
                chosen.append(sibling)
            elif size.text >= SIBLING_BARRIER:
                if passed or not _passable(size, side[n + 1:], sizes, scores, threshold, page):
                    break
                passed = gap = True
            else:
                gap = gap or size.text > 0
    below = _attachments_below(best, sizes)
    return sorted(_with_subheadings(chosen, siblings, sizes), key=siblings.index) + ([below] if below is not None else [])


def _attachments_below(best, sizes: dict):
    """The attachment box (`attachment_box`) right after the container the article ends in, when
    the article's container is the last block with text in its own (a notice's 附件 box set
    beside the column that holds its headline and body), up to ATTACHMENT_LEVELS levels up."""
    el = best
    for level in range(ATTACHMENT_LEVELS + 1):
        after = next((s for s in el.itersiblings() if isinstance(s.tag, str) and sizes.get(s, Sizes()).text), None)
        if after is not None:
            return after if level and attachment_box(level_inner(after)) else None
        el = el.getparent()
        if el is None:
            return None
    return None


def _passable(size: Sizes, beyond: list, sizes: dict, scores: dict, threshold: float, page: Layout | None) -> bool:
    """A box of links between the article's parts (a 相关阅读 list, set after its first half) does
    not end the article's run when the next block with text beyond it is a part that joins on its
    score, or a shorter part of prose (the story's last paragraph), and speaks of the title's topic
    (not the next story of a feed).  One such box a side."""
    if link_density(size) <= PASSABLE_LINKS:
        return False
    after = next((el for el in beyond if sizes.get(el, Sizes()).text), None)
    if after is None:
        return False
    pairs = title_pairs(page.title) if page is not None else set()
    if scores.get(after, 0.0) >= threshold:
        return len(pairs) < TOPIC_PAIRS or on_topic(after, page, pairs)
    # a last paragraph after the box, too short to score as a part: prose that speaks of the title's topic
    return len(pairs) >= TOPIC_PAIRS and joins(level_inner(after), sizes[after], scores.get(after, 0.0), threshold) \
        and on_topic(after, page, pairs)


def _with_subheadings(chosen: list, siblings: list, sizes: dict) -> list:
    """Sub-headings set between the article's parts join it (a report's sections in divs of their
    own, `<h3>二、主要做法</h3>` between them), and one of the same shape before its first part:
    each heads the part that follows it (not a label over a box that does not join)."""
    picked = {siblings.index(el) for el in chosen}
    if len(picked) < 2:
        return chosen
    found: dict = {}
    for at in range(max(picked) - 1, min(picked), -1):
        shape = None if at in picked else heading_shape(siblings[at], sizes)
        if shape and _heads(at, siblings, sizes, picked):
            found[at] = shape
            picked.add(at)
    first = min(picked) - 1
    while found and first >= 0 and not sizes.get(siblings[first], Sizes()).text:
        first -= 1
    if found and first >= 0 and heading_shape(siblings[first], sizes) in found.values():
        found[first] = "lead"
    return chosen + [siblings[at] for at in found]


def _heads(at: int, siblings: list, sizes: dict, picked: set) -> bool:
    """The next sibling with text after `at` is one of the article's parts."""
    return next((later in picked for later in range(at + 1, len(siblings))
                 if sizes.get(siblings[later], Sizes()).text), False)


def _paragraphs(el, sizes: dict) -> int:
    """Paragraphs under the element: text blocks with text of their own, and lines set apart by <br>s."""
    blocks = sum(1 for node in el.iter() if node.tag in TEXT_BLOCKS and node.tag not in INLINE
                 and node in sizes and sizes[node].flow)
    return blocks + sizes[el].flow_breaks if el in sizes else blocks


def _not_a_post(scores: dict, sizes: dict):
    """The best-scoring container that is not in a list of posts (see `post_list`): a short
    article's comments can outscore it.  Their scores are cut to ELSEWHERE_PENALTY."""
    for _ in range(POST_TRIES):
        winner = max(scores, key=scores.get)
        holders = (level_inner(winner), winner.getparent())
        if not any(post_list(el, sizes[el]) for el in holders if el in sizes):
            return winner
        scores[winner] *= ELSEWHERE_PENALTY
    return max(scores, key=scores.get)


def _descend(best, scores: dict, sizes: dict, page: Layout | None = None):
    """The container inside the winner that scores nearly as well as it (DESCEND_SHARE; the
    outermost of equals): what the winner adds around it is chrome (a byline, a related list),
    not more article.  Class names used to settle this; on a page without them the two tie.
    Not when prose lies beside one of the levels between them (an article split over sections):
    the siblings that join the article are the inner one's own, and those would be lost."""
    inside = [el for el in scores if el is not best and contains(best, el)]
    if not inside:
        return best
    top = max(scores[el] for el in inside)
    # a sidebar's boxes closing the winner (dropped from it later: `off_topic_tail`) add nothing it
    # keeps: the winner is weighed on the share of its sentence marks outside them
    whole = level_inner(best)
    aside = sum(sizes[box].punct for box in off_topic_boxes(whole, sizes, page)) if page else 0
    if top < DESCEND_SHARE * scores[best] * (1 - aside / max(1, sizes[whole].punct)):
        return best
    inner = min((el for el in inside if scores[el] == top), key=lambda el: sum(1 for _ in el.iterancestors()))
    bottom = level_inner(inner)
    if elsewhere(bottom) or post_list(bottom, sizes[bottom]):       # comments inside the article
        return best
    threshold = max(10.0, top * SIBLING_SHARE)
    node = inner
    sections = {heading.tag for heading in inner.iter(*HEADINGS)}
    while node is not best:
        parent = node.getparent()
        for sibling in parent:
            if sibling is node or not isinstance(sibling.tag, str):
                continue
            size = sizes.get(sibling, Sizes())
            joined = joins(level_inner(sibling), size, scores.get(sibling, 0.0), threshold, sections)
            # beside the inner one, a short block that joins it comes along; prose that does not
            # join is lost (not a box under a heading of its own: see `titled`); a long block
            # that joins is another part of the article the winner is
            lost = node is inner and not joined and size.text >= SIBLING_BARRIER and link_density(size) < 0.25 \
                and titled(level_inner(sibling)) in (None, *sections)
            if lost or (joined and (node is not inner or size.text >= PART_MIN)):
                return best
        node = parent
    return inner


def _ascend(best, scores: dict, sizes: dict):
    """The outermost container around the winner that scores nearly as well (DESCEND_SHARE) and
    holds, beside a level between them, a box that joins the article (a poem, its translation
    and its notes in boxes of their own): `_descend` keeps such an outer winner whole, and which
    of two near-equal scores comes out on top must not decide between the part and the whole.
    (The winner's own siblings join it in `main_elements`.)"""
    found, node = best, best.getparent()
    if node is None:
        return best
    threshold = max(10.0, scores[best] * SIBLING_SHARE)
    sections = {heading.tag for heading in best.iter(*HEADINGS)}
    part = False
    for el in node.iterancestors():
        if el.tag in ("body", "html"):
            break
        part = part or any(joins(level_inner(sibling), sizes.get(sibling, Sizes()), scores.get(sibling, 0.0),
                                  threshold, sections) and not _titled_column(level_inner(sibling), sections)
                           for sibling in el if sibling is not node and isinstance(sibling.tag, str))
        if part and el in scores and scores[el] >= DESCEND_SHARE * scores[best]:
            found = el
        node = el
    return found


def _titled_column(el, sections: set) -> bool:
    """A column of boxes each under a heading of its own, of no tag the article's sections use
    (a sidebar: 学校简介, 通知公告): no part of the article, however well one box reads."""
    boxes = [child for child in el if isinstance(child.tag, str) and "".join(child.itertext()).strip()]
    return len(boxes) >= 2 and all(titled(box) not in (None, *sections) for box in boxes)


def _lift(best, scores: dict):
    """When several other blocks score nearly as well as the winner and share an ancestor with
    it, the article is that ancestor (a poem, its translation and its notes in three divs)."""
    close = [el for el, score in scores.items()       # other blocks: not inside the winner, nor around it
             if el is not best and score >= CLOSE_SHARE * scores[best] and not contains(best, el)
             and not contains(el, best)]
    if len(close) < CLOSE_COUNT:
        return best
    ancestor = best.getparent()
    while ancestor is not None and ancestor.tag not in ("body", "html"):
        inside = sum(1 for el in close if contains(ancestor, el))
        if inside >= CLOSE_COUNT:
            return ancestor
        ancestor = ancestor.getparent()
    return best


def extract_main(root, blocks, title: str = "", account=None, notes: dict | None = None,
                 headline: bool = False, answers: bool = True, qa_words: bool = False) -> tuple[str, float]:
    """(article text, score of the chosen container); `blocks` are the tags read as line
    breaks.  ("", 0.0) when nothing on the page reads as an article.  `account`
    (extract_account.BlockAccount) is told the chosen elements and what is pruned inside them.
    `notes`, when given, gets what the page says besides its text: under "teasers" how many
    teasers the article is made of when it is a listing of them (`extract_listing`), under
    "below_headline" the characters of page text between the page's headline and it, and with
    `headline`, under "headline" the headline the page shows above the article (`extract_shown`:
    for a title that is only a name).  `answers=False` says the markup names no answer (the
    caller's substring test of the page, cheaper than `extract_answers` looking); `qa_words`: the
    page speaks as a Q&A site (`extract_answers.speaks_as_qa_site`), whose answers may be a comment list."""
    if not isinstance(root, etree._Element):
        return "", 0.0
    sizes = measure(root)
    page = layout(root, sizes, title)
    chosen = [level_inner(el) for el in main_elements(root, sizes, page)]
    if not chosen:
        return "", 0.0
    if answers or qa_words:
        chosen = with_answers(root, chosen, page.start, sizes, listed=qa_words)
    article = "".join("".join(el.itertext()) for el in chosen)
    chosen = lead_blocks(root, sizes, page, chosen[0], article) + chosen
    if notes is not None:
        notes["teasers"] = teaser_count(chosen, sizes)
        if page.headline is not None:       # characters of page text between the headline and the article
            notes["below_headline"] = page.start[chosen[0]] - page.start[page.headline] - sizes[page.headline].text
        if headline:
            notes["headline"] = shown_headline(root, sizes, page, chosen[0])
    score = sum(sizes[el].punct for el in chosen)
    if account is not None:
        account.chosen = chosen
    for el in chosen:
        prune(el, sizes, account)
        off_topic_tail(el, sizes, page, account)
    return "\n".join(read_text(el, blocks) for el in chosen), float(score)
