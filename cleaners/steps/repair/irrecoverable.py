"""drop_irrecoverable: U+FFFD and 锟斤拷/烫烫烫/屯屯屯 runs (Change step `irrecoverable`)."""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.document import Change, Edit

_GARBAGE_RE = re.compile("\ufffd+|(?:[锟錕]斤拷)+[锟錕]?|[烫燙]{3,}|屯{3,}")
_GARBAGE_STARTS = "\ufffd锟錕烫燙屯"      # what a run starts with


def drop_irrecoverable(text: str) -> Edit:
    """Drop what no repair can bring back: U+FFFD runs and 锟斤拷/烫烫烫/屯屯屯 runs.

    Reported as `unrecovered` with the dropped text as `before`, so the pipeline
    can count unrecovered characters.
    """
    if not ("\ufffd" in text or "拷" in text or "烫" in text or "燙" in text or "屯" in text):
        return text, []                                   # one-character `in` is the fastest check
    changes: list[Change] = []
    while True:                                           # `烫烫\ufffd烫`: a drop can join a new run
        text, dropped = _drop_garbage_once(text)
        changes += dropped
        if not dropped:
            return text, changes


def _drop_garbage_once(text: str) -> Edit:
    changes: list[Change] = []
    pieces, last = [], 0
    present = "".join(ch for ch in _GARBAGE_STARTS if ch in text)
    if not present:                     # (`拷贝` passes the gate: 拷 starts no run)
        return text, []
    for start in _starts_re(present).finditer(text):
        if start.start() < last:
            continue
        match = _GARBAGE_RE.match(text, start.start())
        if match:
            changes.append(Change("irrecoverable", "unrecovered", match.group(0), ""))
            pieces.append(text[last:match.start()])
            last = match.end()
    if not changes:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), changes


@lru_cache(maxsize=64)
def _starts_re(present: str) -> re.Pattern:
    """The run starts among `present` (the _GARBAGE_STARTS in a text): one character is a literal,
    which the engine jumps between at C speed, where a class of them was tried at every character
    (~70 instructions each); one `in` test a character finds those present (a one-class search is
    ~4x faster than the alternation)."""
    return re.compile(f"[{present}]")
