"""Drop an editor's lede above a notice's or speech's addressee line.

News and 范文 sites put a paragraph of their own (`为了…，某局发布了…的通知，明确了…。`) above
a document they republish.  A notice or a speech opens with its addressee (`各区县教育局：`,
`尊敬的各位领导：`) right after its title: a whole paragraph of prose before the addressee is
not the document's.  Only the text's first line (blank lines above it skipped) is looked at.
"""
from __future__ import annotations

import re

from cleaners.document import Change, Edit
from cleaners.steps.title_lines import ADDRESSEE

LEDE_CHARS = (60, 300)    # a lede: one paragraph of this many characters (spaces removed) ...
LEDE_END = "。！？!?"       # ... that ends a sentence
# the text's first line, and the next line that is not blank, however many blank ones between
# (a line dropped between them leaves blanks that the output folds into one: a second run sees one)
HEAD = re.compile(r"([^\n]*)(?:\n[^\S\n]*)*\n([^\n]*)")


def step(text: str) -> Edit:
    head = text.lstrip()                    # (blank lines above the lede: a top line dropped before)
    found = HEAD.match(head)
    if found is None:
        return text, []
    lede, addressee = found.group(1).strip(), found.group(2).strip()
    size = len("".join(lede.split()))
    if not (LEDE_CHARS[0] <= size <= LEDE_CHARS[1] and lede[-1] in LEDE_END and ADDRESSEE.fullmatch(addressee)):
        return text, []
    return head[found.end(1):].strip("\n"), [Change("head_lede", "removed", lede, "lede above the addressee")]
