"""What the page's title says the article is about, for the main-text extractor: a box of prose
that shares almost none of the title's character pairs (a site's introduction, a disclaimer, an
ad's copy set beside a short article) is not the article, however well it reads.  News, notices
and posts speak of what their title says; such boxes speak of the site."""
from __future__ import annotations

from cleaners.html_text import drop_keeping_tail
from cleaners.steps.extract_headline import Layout
from cleaners.steps.extract_levels import level_inner
from cleaners.steps.extract_posts import titled
from cleaners.steps.extract_sizes import contains

TOPIC_PAIRS = 4           # character pairs a title needs to say what the article is about
TOPIC_FIELD = 0.25        # containers scoring this share of the best (what TOPIC_PENALTY may overtake) are checked ...
TOPIC_SHARE = 0.1         # ... and those holding less than this share of its pairs ...
ON_TOPIC = 0.3           # ... when another one holds this share of them
TOPIC_PENALTY = 0.25      # ... keep this share of their score (as a feed's or a comment region's: extract_main)
PASSED_OVER = 20          # characters of a line without marks below an off-topic box (`扫码阅读全文`)


def title_pairs(title: str) -> set:
    """The title's pairs of adjacent letters or digits (Han characters among them)."""
    return {title[i:i + 2] for i in range(len(title) - 1) if title[i:i + 2].isalnum()}


def topic_share(el, page: Layout, pairs: set) -> float:
    """The share of the title's pairs in the element's text (the headline's own text left out)."""
    text = "".join("".join(el.itertext()).split()).replace(page.title, "", 1)
    return sum(1 for pair in pairs if pair in text) / len(pairs)


def on_topic(el, page: Layout, pairs: set) -> bool:
    return topic_share(el, page, pairs) >= TOPIC_SHARE


def off_topic(scores: dict, page: Layout) -> None:
    """Cut to TOPIC_PENALTY the score of the leading containers (TOPIC_FIELD of the best) that
    are off the title's topic while another one, apart from them (neither inside the other), is
    clearly on it (ON_TOPIC): the page does hold an article about its title.  When none is (an
    article worded unlike its title, a title naming the site), the scores stand.  A title of
    fewer than TOPIC_PAIRS pairs says nothing."""
    pairs = title_pairs(page.title)
    if len(pairs) < TOPIC_PAIRS or not scores:
        return
    top = max(scores.values())
    field = {el: topic_share(el, page, pairs) for el, score in scores.items() if score >= TOPIC_FIELD * top}
    about = [el for el, share in field.items() if share >= ON_TOPIC]
    for el, share in field.items():
        if share < TOPIC_SHARE and any(not contains(el, other) and not contains(other, el) for other in about):
            scores[el] *= TOPIC_PENALTY


def off_topic_tail(el, sizes: dict, page: Layout, account=None) -> None:
    """Drop the boxes that close the chosen element when each opens with a heading of its own
    (`<div><h3>网站简介</h3><p>…</p></div>`) and is off the title's topic: a sidebar set in the
    article's column after it (see `off_topic_boxes`).  `account` hears why."""
    for child in off_topic_boxes(el, sizes, page):
        if account is not None:
            account.left_out(child, "a box under its own heading closing the article, off the title's topic")
        drop_keeping_tail(child)


def off_topic_boxes(el, sizes: dict, page: Layout) -> list:
    """The boxes closing the element that `off_topic_tail` drops, last first: from the last
    child up, to the first that is not such a box (children without text, an ad's image, and
    short lines without a sentence mark, `扫码阅读全文`, are passed over and left as they are).
    Only in an element clearly on the topic (ON_TOPIC)."""
    pairs = title_pairs(page.title)
    if len(pairs) < TOPIC_PAIRS or topic_share(el, page, pairs) < ON_TOPIC:
        return []
    found = []
    for child in reversed([child for child in el if isinstance(child.tag, str)]):
        size = sizes.get(child)
        if size is None or not size.text or (size.text <= PASSED_OVER and not size.punct):
            continue
        if titled(level_inner(child)) is None or (page.headline is not None and contains(child, page.headline)) \
                or on_topic(child, page, pairs):
            break
        found.append(child)
    return found
