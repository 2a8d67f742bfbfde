"""Features of each line of a cleaned text, for the learned line model (`line_model.py`).

Every line needs only its visible length and whether it ends a sentence (one numpy pass over
the code points finds the whitespace; most texts have little).  Only the candidate lines (not
long prose) get a row, and a row starts as the line's own (`line_own.py`: character classes,
dates, labels, marker words from `[line_markers]` in `_generic.toml`, a page title's
decoration), remembered by line since chrome recurs on every page.  The context columns
(position, neighbours, repetition, the title) are a few numpy calls per text whatever its size.

The list of feature names is part of the model file: training (`tools/train_line_model.py`)
and run time call the same `line_features`, so they cannot drift apart; a change here or in the
marker words means retraining (the model records a fingerprint of both, and a test checks it).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from cleaners.chars.codepoints import codepoints
from cleaners.steps.boilerplate import PART_NUMBER
from cleaners.steps.line_own import (BLANK, COLUMN, DATE, LABEL, SENTENCE_MARKS, SPACE_MARKS, TITLE_CORE_MIN,
                                     feature_names, line_own, markers)

__all__ = ["feature_names", "fingerprint", "line_features", "markers"]

HEADING_AHEAD = 8         # lines after a page title in which the body's own numbered heading may follow
PROSE_MIN = 60            # a line this long that ends a sentence is prose ...
HEAD_ROWS, TAIL_ROWS = 3, 2   # ... unless it is among the first / last lines (editor intros, outros)
NEIGHBOURS = 2            # lines on each side that make up a line's neighbourhood
SHORT_MAX, LONG_MIN = 12, 80    # a short line has fewer visible characters, a long one more
ENDS_SENTENCE = frozenset(SENTENCE_MARKS)
REMEMBERED_LINES = 8192   # lines whose facts `_line_facts` keeps ...
REMEMBER_BELOW = 500      # ... when shorter than this (<= ~16 MB)


def fingerprint() -> str:
    """What the features depend on besides this code: the marker words."""
    return hashlib.sha1(json.dumps(markers(), ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]


def _lines_hit(pattern: re.Pattern, text: str, starts: np.ndarray, n: int, most: int = 1) -> np.ndarray:
    """Matches of `pattern` per line of `text` (lines starting at `starts`), counted up to `most`."""
    found = [m.start() for m in pattern.finditer(text)]
    if not found:
        return np.zeros(n, dtype=np.float64)
    hits = np.bincount(np.searchsorted(starts, np.array(found), side="right") - 1, minlength=n)
    return np.minimum(hits, most).astype(np.float64)


def _line_facts(line: str) -> tuple[int, str, bool, str]:
    """What the context features need of every line: its visible characters (all but
    SPACE_MARKS), the line with every whitespace removed, whether it ends a sentence, and the
    folded line's first TITLE_CORE_MIN characters (`_remembered_facts` below REMEMBER_BELOW
    characters: most lines of a text were seen before, and a long one costs more to keep)."""
    stripped = line.strip()
    size = len(line)
    for mark in SPACE_MARKS:
        if mark in line:
            size -= line.count(mark)
    folded = "".join(stripped.split())
    if "\n" in line and not any(ch != "\n" and ch.isspace() for ch in line):
        folded = stripped          # (a title may hold a newline, which alone is no whitespace here)
    return size, folded, stripped[-1:] in ENDS_SENTENCE, folded[:TITLE_CORE_MIN]


_remembered_facts = lru_cache(maxsize=REMEMBERED_LINES)(_line_facts)


@lru_cache(maxsize=64)
def _neighbour_counts(n: int) -> np.ndarray:
    """Per line of an n-line text, how many lines its neighbourhood holds (itself left out)."""
    index = np.arange(n)
    counts = np.minimum(index, NEIGHBOURS) + np.minimum(n - 1 - index, NEIGHBOURS)
    counts = np.maximum(counts, 1).astype(np.float64)
    counts.flags.writeable = False
    return counts


def _near(sizes: np.ndarray, rows: np.ndarray, marked: list[float]) -> np.ndarray:
    """Per row, the share of short lines, of lines with a marker word (known for the rows
    only) and of long lines among the NEIGHBOURS lines on each side (the line itself left
    out).  The flags are 0/1, so the sums are exact whatever their order."""
    n = len(sizes)
    flags = np.zeros((3, n + 2 * NEIGHBOURS + 1))
    flags[0, NEIGHBOURS + 1:NEIGHBOURS + 1 + n] = sizes < SHORT_MAX
    flags[1, rows + NEIGHBOURS + 1] = marked
    flags[2, NEIGHBOURS + 1:NEIGHBOURS + 1 + n] = sizes > LONG_MIN
    running = flags.cumsum(axis=1)
    window = running[:, rows + 2 * NEIGHBOURS + 1] - running[:, rows] - flags[:, rows + NEIGHBOURS + 1]
    return window / _neighbour_counts(n)[rows]


def _heading_follows(folded: list[str], heads: list[str], rows: list[int], cores: list[str]) -> list[float]:
    """Per row: does the body's own numbered heading follow this page title within
    HEADING_AHEAD lines (`学校德育工作总结15篇` … `学校德育工作总结1`)?  Only a title whose first
    characters start a later line is looked for, in the HEADING_AHEAD lines after it."""
    n = len(folded)
    last_start = dict(zip(heads, range(n)))     # the last line starting so (`heads`: folded[:TITLE_CORE_MIN])
    follows = [0.0] * len(rows)
    for k, (i, core) in enumerate(zip(rows, cores)):
        size = len(core)
        if size < TITLE_CORE_MIN or last_start.get(core[:TITLE_CORE_MIN], -1) <= i:
            continue
        for later in folded[i + 1:i + 1 + HEADING_AHEAD]:
            if len(later) > size and later.startswith(core) and PART_NUMBER.fullmatch(later, size):
                follows[k] = 1.0
                break
    return follows


def line_features(lines: list[str], title: str = "", host_repeats: frozenset = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    """(rows, matrix): the candidate lines' indexes and their features in `feature_names()` order.

    Long prose lines (PROSE_MIN visible characters ending a sentence) away from the head and
    the tail are never boilerplate on the training pages; they get no row, so the costly parts
    (marker scans, the model) see only the few lines that can be chrome.  Context features
    (position, neighbours) still come from all lines.  A row starts as the line's own
    (`line_own`, remembered by line); the context columns are a few numpy calls per text."""
    n = len(lines)
    facts = [_remembered_facts(line) if len(line) < REMEMBER_BELOW else _line_facts(line) for line in lines]
    sizes, folded, ends, heads = map(list, zip(*facts)) if facts else ([],) * 4
    last = n - TAIL_ROWS
    rows_list = [i for i in range(n) if sizes[i] < PROSE_MIN or not ends[i] or i < HEAD_ROWS or i >= last]
    width = len(feature_names())
    if not rows_list:
        return np.array(rows_list, dtype=np.int64), np.zeros((0, width))
    own = [line_own(lines[i]) for i in rows_list]
    matrix = np.frombuffer(bytearray(b"".join([o.row for o in own])), dtype=np.float64).reshape(len(own), width)
    rows = np.array(rows_list, dtype=np.int64)
    visible = np.array(sizes)

    matrix[:, COLUMN["position"]] = rows / max(n - 1, 1)
    matrix[:, COLUMN["head"]] = rows < 3
    matrix[:, COLUMN["tail"]] = rows >= n - 3
    seen = Counter(folded)
    if len(seen) < n:
        matrix[:, COLUMN["repeated"]] = [1.0 if folded[i] and seen[folded[i]] > 1 else 0.0 for i in rows_list]
    title_folded = "".join(title.split())
    if title_folded:
        matrix[:, COLUMN["title_like"]] = [_title_like(folded[i], title_folded) for i in rows_list]
    if host_repeats:
        matrix[:, COLUMN["host_repeat"]] = [1.0 if folded[i] in host_repeats else 0.0 for i in rows_list]
    matrix[:, COLUMN["near_short"]:COLUMN["near_long"] + 1] = _near(visible, rows, [o.marker for o in own]).T
    cumulative = np.cumsum(visible)
    total = max(int(cumulative[-1]), 1)
    matrix[:, COLUMN["chars_before"]] = (cumulative[rows] - visible[rows]) / total
    matrix[:, COLUMN["chars_after"]] = (total - cumulative[rows]) / total
    long_rows = [i for i in range(n) if ends[i] and sizes[i] > LONG_MIN]
    first_long, last_long = (long_rows[0], long_rows[-1]) if long_rows else (n, -1)
    matrix[:, COLUMN["before_first_long"]] = rows < first_long
    matrix[:, COLUMN["after_last_long"]] = rows > last_long
    matrix[:, COLUMN["relative_length"]] = matrix[:, COLUMN["log_length"]] - np.log1p(visible.max())
    matrix[:, COLUMN["heading_follows"]] = _heading_follows(folded, heads, rows_list, [o.core for o in own])
    date_crosses, label_crosses = _may_cross_lines([o.ends for o in own])
    if date_crosses or label_crosses:       # a match may run across lines: the joined-text scan decides
        scanned = "\n".join(lines[i] for i in rows_list)
        starts = np.concatenate([[0], np.flatnonzero(codepoints(scanned) == 10) + 1])
        if date_crosses:
            matrix[:, COLUMN["date"]] = _lines_hit(DATE, scanned, starts, len(rows_list))
        if label_crosses:
            matrix[:, COLUMN["label"]] = _lines_hit(LABEL, scanned, starts, len(rows_list))
    return rows, matrix


def _title_like(folded: str, title: str) -> float:
    return 1.0 if folded and (folded == title or (len(folded) >= 4 and abs(len(folded) - len(title)) <= 12
                                                  and (folded in title or title in folded))) else 0.0


def _may_cross_lines(ends: list[int]) -> tuple[bool, bool]:
    """(date, label): could a DATE / LABEL match on the candidate lines joined by newlines run
    across a newline?  Only through their `\\s*`: a date when one line ends and the next starts
    with a digit or a date separator, a label when a line of at most six characters is followed
    by a colon (or any blank line, which a `\\s*` crosses whole).  Matched line by line (as
    `line_own` does) the features are the same otherwise (marker words hold no newline)."""
    crossing = seen = 0
    for before, after in zip(ends, ends[1:]):
        crossing |= (before >> 2) & after
    for e in ends:
        seen |= e
    if seen & BLANK:
        return True, True
    return bool(crossing & 1), bool(crossing & 2)
