"""One regex for many literal words, built as a trie: the longest word at each position.

At a position `re` then tries only the words that start with the character there, one branch
per next character (`来源(?:于)?`), instead of each word of an alternation in turn; at every
node the longer words come before the end of a shorter one, so backtracking yields the
longest word, as an alternation ordered from the longest word down would.  Used for OpenCC's
phrase keys (t2s) and the line model's marker words (line_own).
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """The pattern (a string, to compile or combine) matching the longest of `words` at a
    position; words must not be empty."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{either})?" if "" in node else either
    return pattern(trie)
