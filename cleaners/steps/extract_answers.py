"""A question-and-answer page's answers are its text, all of them, after the question.

The extractor picks one block: on a Q&A page that is the question's description or the longest
answer, and every other answer was lost (知乎, 百度知道, 搜狗问问 and Stack Exchange alike).
Answers are the elements named for one (`answer` in the class or id: `AnswerItem`, `bd answer`,
`answer_item`, `answer-text`) that hold sentences, outside regions of other items (`MoreAnswers`,
related questions, a sidebar, comments: `extract_sizes.ELSEWHERE` and the chrome names).  Their
text is the deepest element inside each that holds nearly all its sentence marks: the answer's
paragraphs, not its author line, vote count or action bar, whatever the template calls them.

Unlike a forum thread's replies (`extract_thread`: the opening post alone is the document), the
answers are what a Q&A page is for: the dev set's Q&A golds keep the question, its description
and the answers the page shows.
"""
from __future__ import annotations

import re

from lxml import etree

from cleaners.steps.extract_sizes import chrome_named, contains, elsewhere_named

ANSWER = re.compile(r"answer(?!er)", re.I)
SENTENCE_MARKS = set("，。；！？!?")
# the word (`answer`, `Answer`) found by libxml2, cheaper than reading every element's names in Python
NAMED = etree.XPath("//*[contains(@class, 'nswer') or contains(@id, 'nswer')]")
CONTENT_SHARE = 0.8       # of an answer's sentence marks the element giving its text holds
# An article above them longer than this is a story with a box of answers after it (an FAQ), not a question
QUESTION_MAX = 600
ANSWERS_SHARE = 0.5       # of a chosen element's text in answers: it is a wrapper of the question and its answers


def with_answers(root, chosen: list, start: dict, sizes: dict) -> list:
    """`chosen` (the article's elements) with the text elements of the page's answers (see the
    module doc), in page order, when the article is one of them or lies above them (the
    question); `chosen` as it is on other pages.  A chosen element that is mostly answers (the
    question's box and the answers under one wrapper) gives way to them: what it adds is the
    answers' author lines and counts (the question's description is a lead block above the
    first).  `start` gives each element's place in the page text (`extract_headline.Layout.start`)."""
    items = _answers(root)
    if not items or not chosen:
        return chosen
    inside = any(contains(item, el) for item in items for el in chosen)
    if not inside and (min(start[el] for el in chosen) > start[items[0]] or _outside(chosen, items, sizes) > QUESTION_MAX):
        return chosen
    kept = []
    for el in chosen:
        held = [item for item in items if contains(el, item)]
        if not held or sum(sizes[item].text for item in held) < ANSWERS_SHARE * sizes[el].text:
            kept.append(el)
    blocks = [_content(item) for item in items if not any(contains(el, item) for el in kept)]
    merged = list(dict.fromkeys(kept + blocks))
    return sorted((el for el in merged if not any(other is not el and contains(other, el) for other in merged)),
                  key=start.get)


def _outside(chosen: list, items: list, sizes: dict) -> int:
    """Characters of the chosen elements outside the answers: the question's."""
    return sum(sizes[el].text - sum(sizes[item].text for item in items if contains(el, item)) for el in chosen)


def _answers(root) -> list:
    """Elements named for an answer that hold sentences, none inside another such, outside
    regions of other items; in page order."""
    named = [el for el in NAMED(root) if ANSWER.search(f"{el.get('class') or ''} {el.get('id') or ''}") and _marks(el)]
    holders = {up for el in named for up in el.iterancestors()}
    innermost = [el for el in named if el not in holders]
    return [el for el in innermost if not any(elsewhere_named(up) or chrome_named(up) for up in el.iterancestors())
            and not elsewhere_named(el)]


def _marks(el) -> int:
    """Sentence marks in the element's text, not counting a region of other items inside it
    (the comments under an answer)."""
    own = sum(1 for text in (el.text, *(child.tail for child in el)) if text for ch in text if ch in SENTENCE_MARKS)
    return own + sum(_marks(child) for child in el if isinstance(child.tag, str) and not elsewhere_named(child))


def _content(item):
    """The deepest element inside the answer holding CONTENT_SHARE of its sentence marks."""
    total = _marks(item)
    node = item
    while True:
        deeper = next((child for child in node if isinstance(child.tag, str) and _marks(child) >= CONTENT_SHARE * total), None)
        if deeper is None:
            return node
        node = deeper
