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
import struct
from collections import Counter
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter

import numpy as np

from cleaners.chars.codepoints import codepoints
from cleaners.chars.memory import LINES
from cleaners.steps import line_vocab
from cleaners.steps.boilerplate import PART_NUMBER
from cleaners.steps.line_own import (BLANK, COLUMN, DATE, LABEL, LOG1P_KEPT, SENTENCE_MARKS, SPACE_MARKS, TITLE_CORE_MIN,
                                     feature_names, line_own, log1p_table, markers)

__all__ = ["feature_names", "fingerprint", "line_features", "markers"]

HEADING_AHEAD = 8         # lines after a page title in which the body's own numbered heading may follow
PROSE_MIN = 60            # a line this long that ends a sentence is prose ...
HEAD_ROWS, TAIL_ROWS = 3, 2   # ... unless it is among the first / last lines (editor intros, outros)
NEIGHBOURS = 2            # lines on each side that make up a line's neighbourhood
SHORT_MAX, LONG_MIN = 12, 80    # a short line has fewer visible characters, a long one more
ENDS_SENTENCE = frozenset(SENTENCE_MARKS)
REMEMBERED_LINES = LINES  # lines whose facts `_line_facts` keeps ...
REMEMBER_BELOW = 500      # ... when shorter than this
MARKER_BIT, LONG_BIT = 3, 6     # a line's short / marker / long flags packed (`_near`): 3 bits each
_FLAG_MASK = (1 << MARKER_BIT) - 1
assert 2 * NEIGHBOURS <= _FLAG_MASK     # a neighbourhood's count of one flag fits its bits
_FLAG_SHIFTS = np.array([0, MARKER_BIT, LONG_BIT])
_PACKED = struct.Struct("<qq")       # a line's visible size and flags (`_row_facts`)
_PAD_FRONT, _PAD_BACK = bytes(_PACKED.size * (NEIGHBOURS + 1)), bytes(_PACKED.size * NEIGHBOURS)
# Per row at 2 * row in `_running`'s flattened sums: the flags' sums that bound the lines before
# (-, +) and after (-, +) it (`_near`), then the sizes' sums before it and through it
_CELLS = np.array([2 * k + 1 for k in (0, NEIGHBOURS, NEIGHBOURS + 1, 2 * NEIGHBOURS + 1)]
                  + [2 * NEIGHBOURS, 2 * NEIGHBOURS + 2])
_WINDOW_SIGN = np.array([-1, 1, -1, 1])
_CORE_HEAD = itemgetter(slice(None, TITLE_CORE_MIN))     # a title core's first characters


def fingerprint() -> str:
    """What the features depend on besides this code: the marker words and the chrome words'
    pair weights (`line_vocab`, written by the same training run as the model)."""
    return hashlib.sha1(json.dumps([markers(), line_vocab.weights()], ensure_ascii=False,
                                   sort_keys=True).encode()).hexdigest()[:12]


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


def _row_facts(line: str) -> tuple[int, str, bool, str, bool, bytes, bool]:
    """`_line_facts` and what `line_features` derives from them per line: whether the line is a
    candidate (not long prose), its visible size and short / long flags packed for `_near` (two
    int64, as bytes: a text's lines become one array in one join), whether it is a long sentence
    (`before_first_long`, `after_last_long`)."""
    size, folded, ends, head = facts = _line_facts(line)
    flags = (size < SHORT_MAX) | (size > LONG_MIN) << LONG_BIT
    return facts + (size < PROSE_MIN or not ends, _PACKED.pack(size, flags), ends and size > LONG_MIN)


_remembered_facts = lru_cache(maxsize=REMEMBERED_LINES)(_row_facts)


@lru_cache(maxsize=64)
def _neighbour_counts(n: int) -> np.ndarray:
    """Per line of an n-line text, how many lines its neighbourhood holds (itself left out), as
    a column (n, 1)."""
    index = np.arange(n)
    counts = np.minimum(index, NEIGHBOURS) + np.minimum(n - 1 - index, NEIGHBOURS)
    counts = np.maximum(counts, 1).astype(np.float64)[:, None]
    counts.flags.writeable = False
    return counts


def _running(packed: tuple[bytes, ...], marked: list[int]) -> np.ndarray:
    """The running sums of the lines' (visible size, flags) pairs (`_row_facts`), with NEIGHBOURS
    + 1 empty lines before and NEIGHBOURS after (line i at i + NEIGHBOURS + 1); the `marked` rows
    (a marker word on the line) get its flag first."""
    table = np.frombuffer(bytearray(b"".join((_PAD_FRONT, *packed, _PAD_BACK))), dtype=np.int64).reshape(-1, 2)
    if marked:
        table[np.array(marked) + NEIGHBOURS + 1, 1] += 1 << MARKER_BIT
    return table.cumsum(axis=0)


def _near(window: np.ndarray, rows: np.ndarray, n: int) -> np.ndarray:
    """(rows, 3): per row, the share of short lines, of lines with a marker word (known for the
    rows only) and of long lines among the NEIGHBOURS lines on each side (the line itself left
    out).  `window`: per row, the running sums of the packed flags (bits 0, MARKER_BIT and
    LONG_BIT) that bound the lines before and after it, so one running sum counts all three (a
    window holds at most four lines: the counts cannot carry into the next flag's bits); the
    counts are exact integers, divided as they always were."""
    counts = window @ _WINDOW_SIGN
    return ((counts[:, None] >> _FLAG_SHIFTS) & _FLAG_MASK) / _neighbour_counts(n)[rows]


def near_mean(values: np.ndarray, rows: np.ndarray, n: int) -> np.ndarray:
    """Per row, the mean of `values` (one per row) over the NEIGHBOURS lines on each side (the
    line itself left out; a line without a row, long prose, counts 0): a comment section or a
    related box is chrome by the words of the block, though each line alone may read as prose.
    (`tools/chrome_vocab.py` calls it again on the training pages' out-of-fold column.)"""
    spread = np.zeros(n + 2 * NEIGHBOURS + 1)
    spread[rows + NEIGHBOURS + 1] = values
    running = spread.cumsum()
    around = running[rows + 2 * NEIGHBOURS + 1] - running[rows] - values
    return around / _neighbour_counts(n)[rows, 0]


def _heading_follows(folded: list[str], heads: list[str], rows: list[int], cores: list[str]) -> list[float]:
    """Per row: does the body's own numbered heading follow this page title within
    HEADING_AHEAD lines (`学校德育工作总结15篇` … `学校德育工作总结1`)?  Only a title whose first
    characters start a later line is looked for, in the HEADING_AHEAD lines after it."""
    last_start = dict(zip(heads, range(len(folded))))   # the last line starting so (`heads`: folded[:TITLE_CORE_MIN])
    follows = [0.0] * len(rows)
    for k, (i, last) in enumerate(zip(rows, map(last_start.get, map(_CORE_HEAD, cores), repeat(-1)))):
        if last <= i or len(core := cores[k]) < TITLE_CORE_MIN:
            continue
        size = len(core)
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
    if not n:
        return np.zeros(0, dtype=np.int64), np.zeros((0, len(feature_names())))
    facts = [_remembered_facts(line) if len(line) < REMEMBER_BELOW else _row_facts(line) for line in lines]
    sizes, folded, _, heads, candidate, packed, long_ends = zip(*facts)
    keep = list(candidate)
    keep[:HEAD_ROWS] = [True] * min(n, HEAD_ROWS)
    last = max(n - TAIL_ROWS, 0)
    keep[last:] = [True] * (n - last)
    rows_list = list(compress(range(n), keep))
    width = len(feature_names())
    if not rows_list:
        return np.array(rows_list, dtype=np.int64), np.zeros((0, width))
    own_rows, marked, own_ends, cores, _ = zip(*map(line_own, compress(lines, keep)))
    matrix = np.frombuffer(bytearray(b"".join(own_rows)), dtype=np.float64).reshape(len(rows_list), width)
    folded_rows = list(compress(folded, keep))
    rows = np.array(rows_list, dtype=np.int64)

    matrix[:, COLUMN["position"]] = rows / max(n - 1, 1)
    matrix[:, COLUMN["head"]] = rows < 3
    matrix[:, COLUMN["tail"]] = rows >= n - 3
    if len(set(folded)) < n:
        seen = Counter(folded)
        matrix[:, COLUMN["repeated"]] = [1.0 if line and seen[line] > 1 else 0.0 for line in folded_rows]
    title_folded = "".join(title.split())
    if title_folded:
        matrix[:, COLUMN["title_like"]] = _title_like(folded_rows, title_folded)
    if host_repeats:
        matrix[:, COLUMN["host_repeat"]] = [1.0 if line in host_repeats else 0.0 for line in folded_rows]
    running = _running(packed, [i for i, marker in zip(rows_list, marked) if marker])
    cells = running.take(rows[:, None] * 2 + _CELLS)
    matrix[:, COLUMN["near_short"]:COLUMN["near_long"] + 1] = _near(cells[:, :4], rows, n)
    total = max(int(running[-1, 0]), 1)
    matrix[:, COLUMN["chars_before"]] = cells[:, 4] / total          # the sizes before the row
    matrix[:, COLUMN["chars_after"]] = (total - cells[:, 5]) / total  # ... and after it
    first_long, last_long = (long_ends.index(True), n - 1 - long_ends[::-1].index(True)) if True in long_ends \
        else (n, -1)
    matrix[:, COLUMN["before_first_long"]] = rows < first_long
    matrix[:, COLUMN["after_last_long"]] = rows > last_long
    longest = max(sizes)
    matrix[:, COLUMN["relative_length"]] = matrix[:, COLUMN["log_length"]] - (
        log1p_table()[longest] if longest < LOG1P_KEPT else np.log1p(longest))
    matrix[:, COLUMN["heading_follows"]] = _heading_follows(folded, heads, rows_list, cores)
    matrix[:, COLUMN["near_chrome_words"]] = near_mean(matrix[:, COLUMN["chrome_words"]], rows, n)
    date_crosses, label_crosses = _may_cross_lines(own_ends)
    if date_crosses or label_crosses:       # a match may run across lines: the joined-text scan decides
        scanned = "\n".join(lines[i] for i in rows_list)
        starts = np.concatenate([[0], np.flatnonzero(codepoints(scanned) == 10) + 1])
        if date_crosses:
            matrix[:, COLUMN["date"]] = _lines_hit(DATE, scanned, starts, len(rows_list))
        if label_crosses:
            matrix[:, COLUMN["label"]] = _lines_hit(LABEL, scanned, starts, len(rows_list))
    return rows, matrix


def _title_like(folded: list[str], title: str) -> list[float]:
    """Per row: is the line the title, or (at least 4 characters) within 12 characters of its
    length and one of them inside the other?"""
    low, high = len(title) - 12, len(title) + 12
    return [1.0 if line and low <= len(line) <= high
            and (line == title or (len(line) >= 4 and (line in title or title in line))) else 0.0 for line in folded]


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
