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

from cleaners.steps.extract_posts import STAMP
from cleaners.steps.extract_sizes import MIN_BLOCK, contains

THREAD_POSTS = 2          # posts of one template, the opening one included, that make a thread
RUN_DEPTH = 8             # levels above the winner where its post may start


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


def _posts(node, parent) -> list:
    """The thread's first post and `node`, when `node` is one of a thread's posts among its
    siblings: THREAD_POSTS or more of its template with a posting time, itself one; else [].
    (Only the first post is wanted: the scan stops at the first stamped sibling either side.)"""
    if node.get("class") is None and _id_stem(node) is None:
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
    return STAMP.search("".join(el.itertext())) is not None


def _same_template(el, node) -> bool:
    """Posts of one thread share their tag and their first class, or an id numbered alike
    (`post_123`, `p4567`): phpBB alternates its posts' last class row by row, 贴吧 adds one to
    its first floor, Discuz X gives its post wrappers none."""
    if el.tag != node.tag:
        return False
    classes, own = (el.get("class") or "").split(), (node.get("class") or "").split()
    if own and classes and classes[0] == own[0]:      # the first class names the template
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
