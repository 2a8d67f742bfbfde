"""Lines set with a space between every two characters (`关 于 开 展 工 作 的 通 知`), as some
PDF readers extract a document's text layer, read as the words they spell: the spaces go.

No rule reads `下 载` as `下载`, no title test reads `工 作 总 结` as a title, no outline marker
is `一 、`.  A line is letter-spaced when nearly every gap between two of its visible characters
is one space (a line of words has spaces only between its words; a Chinese line, none; two
spaces or more are a gap between words, of either), and it stands alone so when half of its
characters or more are Han (a row of page numbers `1 2 3 4` is not letter-spaced text) and it
has three such gaps or more.  On a page mostly set so, every line spaced so is (its dates,
`2 0 1 9 . 1 0 . 3 0`, 文号, `粤 府 〔 2 0 0 4 〕 4 号`, `1 、`).  The single spaces go; of a run
of two or more (a gap between two words, with the spacing on each side), half stays.  It runs
before the repairs: a pinyin annotation (`发 ( f ā )`) is read by them only once it is together.
"""
from __future__ import annotations

import re

from cleaners.document import Change, Edit

SPACED_SHARE = 0.8      # of the gaps between a line's visible characters, one space each
HAN_SHARE = 0.5         # of its visible characters
MIN_GAPS = 3            # spaced gaps of a letter-spaced line (`总 结 如 下` has 3)
MIN_SPACES = 8          # spaces in a text that may hold such lines (a cheap count first)
PAGE_SHARE = 0.5        # of a page's visible characters on letter-spaced lines (some of them of Han)
SPACES = (" ", "\u3000")    # a PDF reader spaces letters with either


class _Spacing:
    """The patterns for letters spaced with one kind of space."""

    def __init__(self, space: str):
        self.space = space
        self.gap = re.compile(f"(?<=\\S){space}(?=\\S)")
        # three gaps of one space in a row (led by the space: a fast scan)
        self.spaced_run = re.compile(f"{space}[^\\s]{space}[^\\s]{space}")
        self.runs = re.compile(f"{space}{{2,}}")


_SPACINGS = [_Spacing(space) for space in SPACES]


def step(text: str) -> Edit:
    changes: list[Change] = []
    for spacing in _SPACINGS:
        if text.count(spacing.space) >= MIN_SPACES and spacing.spaced_run.search(text):
            text = _joined(text, spacing, changes)
    return text, changes


def _joined(text: str, spacing: _Spacing, changes: list[Change]) -> str:
    space = spacing.space
    lines = text.split("\n")
    # (a letter-spaced line is ~half spaces: a line with fewer than a third is not read further)
    spaced = {k: han for k, line in enumerate(lines)
              if line.count(space) * 3 >= len(line) > 2 and (han := _spaced_han(line, spacing)) is not None}
    if not spaced:
        return text
    page = sum(len(line) - line.count(space) for line in lines)
    whole_page = (any(han for han, _ in spaced.values())
                  and sum(len(lines[k]) - lines[k].count(space) for k in spaced) >= PAGE_SHARE * page)
    before = len(changes)
    for k, (han, gaps) in spaced.items():
        if (han and gaps >= MIN_GAPS) or whole_page:
            joined = spacing.runs.sub(_halved, spacing.gap.sub("", lines[k].strip()))
            changes.append(Change("letter_spacing", "repaired", lines[k].strip(), joined))
            lines[k] = joined
    return "\n".join(lines) if len(changes) > before else text


def _halved(run: re.Match) -> str:
    """A gap between two words of letter-spaced text: the word gap plus the spacing on each side
    (`策   由`, three spaces, for one; five for two), half of it kept."""
    return run.group()[0] * (len(run.group()) // 2)


def _spaced_han(line: str, spacing: _Spacing) -> tuple[bool, int] | None:
    """None when the line is not letter-spaced (too many of its visible characters stand side by
    side, with no space between); else (whether half of its visible characters are Han, its
    gaps of one space)."""
    words = line.split()
    visible = "".join(words)
    spaced = len(spacing.gap.findall(line))
    if not spaced or spaced < SPACED_SHARE * (spaced + len(visible) - len(words)):
        return None
    return sum("\u4e00" <= ch <= "\u9fff" for ch in visible) >= HAN_SHARE * len(visible), spaced
