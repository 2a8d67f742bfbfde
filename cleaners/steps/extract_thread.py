"""A forum thread's opening post is the document: the replies under it are not, however long.

A thread is a run of sibling posts cut from one template (same tag and class), each stamped with
its posting time (see `extract_posts.STAMP`).  When the best-scoring block lies in a later post (a
short question above long answers), the article is the block at the same place in the first post,
when that one holds text; the dev set's forum golds are the opening post alone.  Sections of an
article repeat one template too, but do not each carry a posting time.
"""
from __future__ import annotations

from cleaners.steps.extract_posts import STAMP
from cleaners.steps.extract_sizes import MIN_BLOCK

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
            found = _follow(posts[0], path) if posts[0] is not node else None
            if found is not None and found in scores and sizes[found].text >= MIN_BLOCK:
                return found, True
            return winner, True
        path.append(_step(node))
        node = parent
    return winner, False


def _posts(node, parent) -> list:
    """`node`'s siblings of its own template (itself included), in page order, when they are a
    thread's posts: THREAD_POSTS or more, each with a posting time; else []."""
    key = (node.tag, node.get("class"))
    if key[1] is None:
        return []
    posts = [el for el in parent if isinstance(el.tag, str) and (el.tag, el.get("class")) == key]
    if len(posts) < THREAD_POSTS or not all(STAMP.search("".join(post.itertext())) for post in posts):
        return []
    return posts


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
