"""A question-and-answer page's answers are its text, all of them, after the question.

The extractor picks one block: on a Q&A page that is the question's description or the longest
answer, and every other answer was lost (知乎, 百度知道, 搜狗问问 and Stack Exchange alike).
Answers are the elements named for one (`answer` in the class or id: `AnswerItem`, `bd answer`,
`answer_item`, `answer-text`) that hold sentences, outside regions of other items (`MoreAnswers`,
related questions, a sidebar, comments: `extract_sizes.ELSEWHERE` and the chrome names).  Their
text is the deepest element inside each that holds nearly all its sentence marks: the answer's
paragraphs, not its author line, vote count or action bar, whatever the template calls them.

A Q&A site built of comment components sets its answers in a comment list (`library-comment-list`
> `comment-main-container`, one of them `被采纳`): on a page that speaks as a Q&A site (`[qa_site] words`
in _generic.toml: `写回答`, `被采纳`, `12 个回答` …), the items of the first comment or reply list after the question
are its answers.

Unlike a forum thread's replies (`extract_thread`: the opening post alone is the document), the
answers are what a Q&A page is for: the dev set's Q&A golds keep the question, its description
and the answers the page shows.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from cleaners.profiles import generic, generic_vocabulary
from cleaners.steps.extract_levels import level_inner
from cleaners.steps.extract_sizes import chrome_named, contains, elsewhere_named, link_density, names_of

ANSWER = re.compile(r"answer(?!er)", re.I)
SENTENCE_MARKS = set("，。；！？!?")
# the word (`answer`, `Answer`) found by libxml2, cheaper than reading every element's names in Python
ANSWER_STEM = "nswer"
NAMED = etree.XPath(f"//*[contains(@class, '{ANSWER_STEM}') or contains(@id, '{ANSWER_STEM}')]")
QA_AROUND = 8             # characters around a stem of `[qa_site] words` (_generic.toml) where the word is looked for
LISTED = re.compile(r"comment|reply", re.I)
ANSWER_OR_REPLY = re.compile(r"answer|reply", re.I)    # chrome by its name, but an answer after a label
CONTENT_SHARE = 0.8       # of an answer's sentence marks the element giving its text holds
# An article above them longer than this is a story with a box of answers after it (an FAQ), not a question
QUESTION_MAX = 600
LABEL_MAX = 24            # characters of an element whose whole text is an answers' label
LABEL_CLIMB = 2           # levels from a label's element up whose following siblings are looked at
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LINKS_MAX = 0.5           # of a sibling's text in links: from there on, a list of other questions
ANSWERS_SHARE = 0.5       # of a chosen element's text in answers: it is a wrapper of the question and its answers


def may_name_answers(html: str) -> bool:
    """Whether the markup may name an element for an answer (a substring test, ~100x cheaper than
    the XPath that finds them)."""
    return ANSWER_STEM in html


def speaks_as_qa_site(text: str) -> bool:
    """Whether the page's text says one of a Q&A site's words (`[qa_site]` in _generic.toml):
    looked for around each place one of their stems stands (a regex over a whole page costs a
    millisecond or more)."""
    words, stems = _qa_words()
    for stem in stems:
        at = text.find(stem)
        while at >= 0:
            if words.search(text, max(0, at - QA_AROUND), at + QA_AROUND):
                return True
            at = text.find(stem, at + 1)
    return False


@lru_cache(maxsize=1)
def _qa_words() -> tuple:
    stems = (generic().extra.get("qa_site") or {}).get("stems") or ()
    return generic_vocabulary("qa_site", "words"), tuple(stems)


def with_answers(root, chosen: list, start: dict, sizes: dict, listed: bool = False) -> list:
    """`chosen` (the article's elements) with the text elements of the page's answers (see the
    module doc), in page order, when the article is one of them or lies above them (the
    question); `chosen` as it is on other pages.  A chosen element that is mostly answers (the
    question's box and the answers under one wrapper) gives way to them: what it adds is the
    answers' author lines and counts (the question's description is a lead block above the
    first).  `start` gives each element's place in the page text (`extract_headline.Layout.start`);
    `listed`: the page speaks as a Q&A site (`speaks_as_qa_site`), and its answers may be a comment list."""
    if not chosen:
        return chosen
    items = _answers(root)
    if listed:      # named and labelled answers, one element for each
        items = _outermost(items + _labelled_answers(root, sizes), start)
    if listed and not items:
        items = _listed_answers(root, chosen, start, sizes)
    # a comment list's items, not named for an answer: what is inside them is named for comments too,
    # and counts (`_marks(skip=False)`)
    listed = listed and bool(items) and not any(_named(item) for item in items)
    if not items:
        return chosen
    inside = any(contains(item, el) for item in items for el in chosen)
    if not inside and (min(start[el] for el in chosen) > start[items[0]] or _outside(chosen, items, sizes) > QUESTION_MAX):
        return chosen
    kept = []
    for el in chosen:
        held = [item for item in items if contains(el, item)]
        if not held or sum(sizes[item].text for item in held) < ANSWERS_SHARE * sizes[el].text:
            kept.append(el)
    blocks = [_content(item, skip=not listed) for item in items if not any(contains(el, item) for el in kept)]
    return _outermost(kept + blocks, start)


def _outermost(elements: list, start: dict) -> list:
    """The elements none of the others holds, once each, in page order."""
    merged = list(dict.fromkeys(elements))
    return sorted((el for el in merged if not any(other is not el and contains(other, el) for other in merged)),
                  key=start.get)


def _outside(chosen: list, items: list, sizes: dict) -> int:
    """Characters of the chosen elements outside the answers: the question's."""
    return sum(sizes[el].text - sum(sizes[item].text for item in items if contains(el, item)) for el in chosen)


def _answers(root) -> list:
    """Elements named for an answer that hold sentences, none inside another such, outside
    regions of other items; in page order."""
    named = [el for el in NAMED(root) if _named(el) and _marks(el)]
    holders = {up for el in named for up in el.iterancestors()}
    innermost = [el for el in named if el not in holders]
    return [el for el in innermost if not any(elsewhere_named(up) or chrome_named(up) for up in el.iterancestors())
            and not elsewhere_named(el)]


def _labelled_answers(root, sizes: dict) -> list:
    """The answers that follow the labels a Q&A page sets over them (`[qa_site] labels`: 最佳答案,
    提问者采纳, 其他2条回答, 3个回答): for each label, the sentence-holding siblings after it (or after
    its container, when nothing follows it inside), up to the next label or heading; a sibling
    whose children of one template (not paragraphs) each hold sentences is a list, and each
    child an answer.  A label inside an answer (最佳答案 in its header) names the same answer."""
    label = generic_vocabulary("qa_site", "labels")
    tops = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.text and len(el) == 0 and len(el.text) <= LABEL_MAX and label.fullmatch(el.text.strip()):
            tops.append(_label_top(el, sizes))
    items = []
    for top in tops:
        if any((elsewhere_named(up) or chrome_named(up)) and not ANSWER_OR_REPLY.search(names_of(up)) for up in top.iterancestors()):
            continue        # a count in a sidebar's list of related questions (`386 个回答`)
        for sibling in _region(top, tops, sizes):
            parts = [child for child in level_inner(sibling) if isinstance(child.tag, str) and _marks(child, skip=False)]
            if len(parts) >= 2 and parts[0].tag != "p" and all(_template(part) == _template(parts[0]) for part in parts):
                items.extend(parts)
            else:
                items.append(sibling)
    return items


def _label_top(el, sizes: dict):
    """The outermost element around a label whose text is the label's alone (as long as it)."""
    while el.getparent() is not None and sizes[el.getparent()].text == sizes[el].text:
        el = el.getparent()
    return el


def _region(top, tops: list, sizes: dict) -> list:
    """The siblings after a label's element holding sentences, up to the next label or heading;
    when none, those after its container (a label in a box's header row).  Named chrome is
    skipped, but for a reply: on a Q&A page, under a label, replies are answers; and so is a
    list of links (half its text or more: other questions)."""
    node = top
    for _ in range(LABEL_CLIMB):
        found = []
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if sibling.tag in HEADINGS or any(t is sibling for t in tops):
                break
            if _marks(sibling, skip=False) and not (chrome_named(sibling) and not ANSWER_OR_REPLY.search(names_of(sibling))) \
                    and link_density(sizes[sibling]) < LINKS_MAX:
                found.append(sibling)
        if found:
            return found
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return []
    return []


def _named(el) -> bool:
    return bool(ANSWER.search(names_of(el)))


def _listed_answers(root, chosen: list, start: dict, sizes: dict) -> list:
    """The items of the comment or reply list the question (the chosen elements) is one of, or
    else of the first such list after it, whose items, of one template, hold sentences: a Q&A
    site's answers set as comments (without a description, the longest answer is chosen)."""
    for up in reversed(list(chosen[0].iterancestors())):      # the outermost list first (its items are answers)
        items = _list_items(up)
        if items:
            return items
    end = max(start[el] + sizes[el].text for el in chosen)
    for el in root.iter():
        if isinstance(el.tag, str) and start.get(el, -1) >= end:
            items = _list_items(el)
            if items:
                return items
    return []


def _list_items(el) -> list:
    """The items of `el` when it is named a comment or reply list and its items, of one
    template, hold sentences; else []."""
    if not LISTED.search(names_of(el)):
        return []
    items = [child for child in level_inner(el) if isinstance(child.tag, str) and _marks(child, skip=False)]
    return items if items and all(_template(item) == _template(items[0]) for item in items) else []


def _template(el) -> tuple:
    return el.tag, (el.get("class") or "").split()[:1]


def _marks(el, skip: bool = True) -> int:
    """Sentence marks in the element's text, not counting (with `skip`) a region of other items
    inside it (the comments under an answer)."""
    own = sum(1 for text in (el.text, *(child.tail for child in el)) if text for ch in text if ch in SENTENCE_MARKS)
    return own + sum(_marks(child, skip) for child in el if isinstance(child.tag, str) and not (skip and elsewhere_named(child)))


def _content(item, skip: bool = True):
    """The deepest element inside the answer holding CONTENT_SHARE of its sentence marks."""
    total = _marks(item, skip)
    node = item
    while True:
        deeper = next((child for child in node if isinstance(child.tag, str) and _marks(child, skip) >= CONTENT_SHARE * total), None)
        if deeper is None:
            return node
        node = deeper
