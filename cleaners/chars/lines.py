"""A text's lines, split once and handed from step to step: the line table the steps share.

Each step takes a text and splits it at its newlines (remove, link lists, the line model, the
head steps, the final counts: a dozen splits of the same ~100 lines a document), and strips
each line again.  A step that leaves the text as it was hands the next one the same text
object, and one that rebuilds it from lines (`joined`) hands on those lines with it; so the
text is split once, and its lines stay the same string objects from step to step, whose
hashes Python keeps (the per-line memories, lru_caches keyed by line, then look up without
hashing the line again).

Remembered by the identity of their text, as `codepoints` does, for the last few texts: held
with their text, so an id cannot be reused meanwhile; tuples, so no caller can change what
another is handed (a step that edits lines copies them: `list(lines_of(text))`).
"""
from __future__ import annotations

from collections.abc import Sequence

REMEMBERED = 4               # texts whose lines are kept (a step's input and output, and the probe)
_remembered: list[tuple[str, tuple[str, ...], list]] = []   # (text, its lines, [its stripped lines])


def _entry(text: str) -> tuple[str, tuple[str, ...], list]:
    for entry in _remembered:
        if entry[0] is text:
            return entry
    return _remember(text, tuple(text.split("\n")))


def _remember(text: str, lines: tuple[str, ...]) -> tuple[str, tuple[str, ...], list]:
    entry = (text, lines, [])
    _remembered.insert(0, entry)
    del _remembered[REMEMBERED:]
    return entry


def lines_of(text: str) -> tuple[str, ...]:
    """`tuple(text.split("\\n"))`, split once per text object."""
    return _entry(text)[1]


def stripped_of(text: str) -> tuple[str, ...]:
    """Each line of `text` stripped (`str.strip`), once per text object."""
    entry = _entry(text)
    if not entry[2]:
        entry[2].append(tuple(map(str.strip, entry[1])))
    return entry[2][0]


def visible_size(lines) -> int:
    """Characters of `lines` that are not whitespace (how much of a page a box of lines is)."""
    return sum(len("".join(line.split())) for line in lines)


def joined(lines: Sequence[str]) -> str:
    """`"\\n".join(lines)`, remembered as the new text's lines.  The lines must hold no newline
    (lines of a split, blanked or cut, never joined pieces)."""
    text = "\n".join(lines)
    _remember(text, tuple(lines) or ("",))     # (no lines join to "", whose split is one empty line)
    return text


def joined_stripped(lines: Sequence[str]) -> str:
    """`"\\n".join(lines).strip("\\n")` (the blank lines at both ends dropped), remembered as
    `joined` does: the empty lines at the ends are all that strip takes off (no line holds a
    newline)."""
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return joined(lines[start:end]) if start < end else ""


def has_han(line: str) -> bool:
    """Does the line hold a character of the CJK Unified Ideographs block (a title, a heading: a
    line of Latin, digits or marks alone is none)?"""
    return any("\u4e00" <= ch <= "\u9fff" for ch in line)
