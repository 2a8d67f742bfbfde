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
    tie: str = ""          # the copy's doc id: between equal copies, the same one wins in any order


def rank(copy: CopyInfo) -> tuple:
    """Smaller is better: full before preview, more content, fewer unrecovered chars, then the
    smaller doc id, then earlier.  Not arrival order first: the crawl's order is not the same
    twice (concurrent spiders, N workers of a distributed crawl), and a kept set that depended on
    it would differ from run to run, and from the single-process crawl's, for the same pages."""
    return (copy.partial, -copy.content, copy.unrecovered, copy.tie, copy.seq)


def better(a: CopyInfo, b: CopyInfo) -> bool:
    return rank(a) < rank(b)
