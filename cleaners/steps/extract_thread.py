"""A forum thread's opening post is the document: the replies under it are not, however long.

A thread is a run of sibling posts cut from one template (same tag and first class, or the same
id with its number taken out: Discuz X's classless `div#post_123`), each stamped with its posting
time (see `extract_posts.STAMP`); a sibling of the template without a time (an old board's
subject bar set in the posts' table style) is no post.  When the best-scoring block lies in a
later post (a short question above long answers), the article is the block at the same place in
the first post, or else the first post's best block; the dev set's forum golds are the opening
post alone.  Sections of an article repeat one template too, but do not each carry a posting
time.
"""
from __future__ import annotations

import re

from lxml import etree

from cleaners.profiles import generic_vocabulary
from cleaners.steps.extract_posts import stamps_in
from cleaners.steps.extract_sizes import MIN_BLOCK, contains

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
TEXT_OF = etree.XPath("string()")      # an element's text, joined by libxml2
MACHINE_TIME = etree.XPath(".//@datetime | .//*[contains(@title, 'T')]/@title")
DIGITS = "0123456789"
TEMPLATE_ATTRIBUTES = ("component", "data-component", "data-role", "data-type")   # attributes naming a template
THREAD_POSTS = 2          # posts of one template, the opening one included, that make a thread
RUN_DEPTH = 8             # levels above the winner where its post may start
POSTS_SHARE = 0.6         # of a winner's text in a thread's posts inside it: the winner is the thread
BEFORE_POSTS = 200        # characters of a thread's container before its first post (a title, a toolbar)


def opening_post(winner, scores: dict, sizes: dict) -> tuple:
    """(block, in a thread): the block of the thread's first post standing where `winner`
    stands in a later post; `winner` itself when it is in no thread, is in the first post
    already, or the first post has no such block that scores (text enough to be prose).  In a
    thread, the other posts' blocks scoring close to it are replies, not the article's parts."""
    path, node = [], winner
    for _ in range(RUN_DEPTH):
        parent = node.getparent()
        if parent is None or node.tag in ("body", "html"):
            return winner, False
        posts = _posts(node, parent)
        if posts:
            if posts[0] is node:
                return winner, True
            found = _follow(posts[0], path)
            if found is not None and found in scores and sizes[found].text >= MIN_BLOCK:
                return found, True
            # the first post set otherwise (an attachment box beside its message): its own best block
            return max((el for el in scores if contains(posts[0], el) and sizes[el].text >= MIN_BLOCK),
                       key=scores.get, default=winner), True
        path.append(_step(node))
        node = parent
    return winner, False


def opening_post_inside(winner, scores: dict, sizes: dict) -> tuple:
    """(block, in a thread): when the winner is a thread's container (its posts, of one template
    and each stamped, most with a post's marker, hold most of its text and open it), the first
    post's best block: the posts summed outscore any one of them, however short the replies.
    `winner` itself, False, else (a live blog's dated entries are its text, all of them)."""
    text = "".join(TEXT_OF(winner).split())
    if len(stamps_in(text, THREAD_POSTS)) < THREAD_POSTS and _machine_times(winner) < THREAD_POSTS:
        return winner, False
    for parent in winner.iter():
        if not isinstance(parent.tag, str) or len(parent) < THREAD_POSTS:
            continue
        posts = _run_of_posts(parent)
        if not posts or sum(sizes[post].text for post in posts) < POSTS_SHARE * sizes[winner].text:
            continue
        if 2 * sum(1 for post in posts if _marked(post)) < len(posts):
            return winner, False        # dated entries without a post's buttons: a live blog's
        before = text.find("".join(TEXT_OF(posts[0]).split())[:20])
        if before > BEFORE_POSTS:
            return winner, False
        return max((el for el in scores if (el is posts[0] or contains(posts[0], el)) and sizes[el].text >= MIN_BLOCK),
                   key=scores.get, default=posts[0]), True
    return winner, False


def _marked(post) -> bool:
    """The post says one of a forum post's markers (`[forum_post] markers`: 回复, 引用, #3, 5 楼),
    or keeps its time machine-readable (forum software's `<time datetime>`: its 回复 is a button,
    gone before the extractor reads the page)."""
    return generic_vocabulary("forum_post", "markers").search("".join(post.itertext())) is not None or _machine_times(post) > 0


def _run_of_posts(parent) -> list:
    """The children of `parent` cut from one template and each stamped with a posting time,
    THREAD_POSTS or more of them; else []."""
    children = [el for el in parent if isinstance(el.tag, str) and _templated(el)]
    for first in children:
        if not _stamped(first):
            continue
        posts = [el for el in children if el is first or (_same_template(el, first) and _stamped(el))]
        return posts if len(posts) >= THREAD_POSTS else []
    return []


def _posts(node, parent) -> list:
    """The thread's first post and `node`, when `node` is one of a thread's posts among its
    siblings: THREAD_POSTS or more of its template with a posting time, itself one; else [].
    (Only the first post is wanted: the scan stops at the first stamped sibling either side.)"""
    if not _templated(node):
        return []
    before, after, passed = [], [], False
    for el in parent:
        if el is node:
            passed = True
        elif isinstance(el.tag, str) and _same_template(el, node):
            (after if passed else before).append(el)
    if len(before) + len(after) < THREAD_POSTS - 1 or not _stamped(node):
        return []
    first = next((el for el in before if _stamped(el)), None)
    if first is not None:
        return [first, node]
    later = next((el for el in after if _stamped(el)), None)
    return [node, later] if later is not None else []


def _stamped(el) -> bool:
    """A posting time in the post's text (spaces taken out: `2024 年10 月 1 日 20:11`), or in a
    `datetime` or `title` attribute, machine-readable (`2024-10-01T20:11:00Z`: Discourse, Flarum
    and NodeBB show a date alone, or `3天前`, and keep the time there)."""
    return bool(stamps_in("".join(TEXT_OF(el).split()), 1)) or _machine_times(el) > 0


def _machine_times(el) -> int:
    """Times of day kept machine-readable under the element (`datetime="2024-10-01T20:11:00Z"`)."""
    return sum(1 for value in MACHINE_TIME(el) if ISO_TIME.search(value))


def _templated(el) -> bool:
    """The element has what `_same_template` compares: a class, or an id with a number in it."""
    return el.get("class") is not None or _id_stem(el) is not None


def _same_template(el, node) -> bool:
    """Posts of one thread share their tag and their first class (but for a number after it:
    SMF alternates `windowbg` and `windowbg2`), or an id numbered alike (`post_123`, `p4567`):
    phpBB alternates its posts' last class row by row, 贴吧 adds one to its first floor, Discuz X
    gives its post wrappers none.  A component attribute names the template as well as a class
    (NodeBB's `component="post"`, whose first post alone carries a class)."""
    if el.tag != node.tag:
        return False
    classes, own = (el.get("class") or "").split(), (node.get("class") or "").split()
    if own and classes and classes[0].rstrip(DIGITS) == own[0].rstrip(DIGITS):    # the first class names the template
        return True
    if any(node.get(name) and el.get(name) == node.get(name) for name in TEMPLATE_ATTRIBUTES):
        return True
    stem = _id_stem(node)
    return stem is not None and _id_stem(el) == stem


def _id_stem(el) -> str | None:
    """The element's id with its digits taken out, when it has digits (`post_123` -> `post_`)."""
    ident = el.get("id") or ""
    stem = re.sub(r"\d+", "", ident)
    return stem if stem != ident else None


def _step(el) -> tuple:
    """How to find `el` again under its parent in another copy of the template: its tag and
    class, and its place among the siblings that share them."""
    parent = el.getparent()
    same = [sib for sib in parent if sib.tag == el.tag and sib.get("class") == el.get("class")]
    return el.tag, el.get("class"), same.index(el)


def _follow(top, path: list):
    """The element reached from `top` by `path` (innermost step last in the list), or None."""
    node = top
    for tag, cls, index in reversed(path):
        same = [child for child in node if child.tag == tag and child.get("class") == cls]
        if index >= len(same):
            return None
        node = same[index]
    return node
