"""Which copy of a document is kept: the one that ranks first (see `rank`)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CopyInfo:
    """What decides which copy of a document is kept."""

    partial: bool
    content: int
    unrecovered: int
    seq: int


def rank(copy: CopyInfo) -> tuple:
    """Smaller is better: full before preview, more content, fewer unrecovered chars, earlier."""
    return (copy.partial, -copy.content, copy.unrecovered, copy.seq)


def better(a: CopyInfo, b: CopyInfo) -> bool:
    return rank(a) < rank(b)
