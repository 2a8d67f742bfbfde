"""Features of each line of a cleaned text, for the learned line model (`line_model.py`).

One numpy pass over the text's code points gives every line its character-class counts
(Han, digits, Latin, sentence marks, other punctuation, separators, spaces); one regex pass
per marker group (words from `[line_markers]` in `_generic.toml`) says which lines carry
which kind of marker; the rest is position and repetition.  Features are computed for all
lines at once (~0.1 ms for a 5,000-character text), since a per-line Python loop over a dozen
tests would cost more than the whole rule set.

The list of feature names is part of the model file: training (`tools/train_line_model.py`)
and run time call the same `line_features`, so they cannot drift apart; a change here or in the
marker words means retraining (the model records a fingerprint of both, and a test checks it).
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache

import numpy as np

from cleaners.chars.codepoints import codepoints
from cleaners.profiles import generic
from cleaners.steps.boilerplate import PART_NUMBER, clean_title

OTHER, HAN, DIGIT, LATIN, SENTENCE, PUNCT, SEPARATOR, SPACE = range(8)
CLASSES = 8
SENTENCE_MARKS = "。！？；!?;"
PUNCT_MARKS = "，、：“”‘’（）《》〈〉【】「」『』…—,:\"'()[]"
SEPARATOR_MARKS = "|｜/>›»·•=<«‹→►▪■□◆◇★☆●○"  # not * _ x: masked placeholders (20**年, ____)
DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}:\d{2}")
# A line that is only a date: a notice's 落款 date (content), unlike a `发布时间:` credit line.
DATE_ONLY = re.compile(r"(?:\d{2,4}|[\dXx]{2,4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                       r"\s*[\d一二三四五六七八九十]{1,3}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
LABEL = re.compile(r"(?m)^\s*\S{1,6}\s*[:：]")
# A 公文 number (甘政发〔2012〕120号, 武政发[2017]52号): the document's own, never chrome.
DOC_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")
TITLE_LINE_MAX = 80       # longer lines are not compared as page titles (decorated / heading_follows)
HEADING_AHEAD = 8         # lines after a page title in which the body's own numbered heading may follow
MARKER_COUNT_MAX = 3      # marker words of one group counted per line up to this
PROSE_MIN = 60            # a line this long that ends a sentence is prose ...
HEAD_ROWS, TAIL_ROWS = 3, 2   # ... unless it is among the first / last lines (editor intros, outros)
NEIGHBOURS = 2            # lines on each side that make up a line's neighbourhood

BASE_FEATURES = (
    "log_length", "han", "digit", "latin", "sentence", "punct", "separator", "space",
    "ends_sentence", "has_sentence", "short", "long", "position", "head", "tail",
    "date", "label", "repeated", "title_like", "host_repeat",
    "near_short", "near_marker", "near_long",
    "chars_before", "chars_after", "before_first_long", "after_last_long", "relative_length", "question",
    "date_only", "doc_number", "decorated", "heading_follows",
)


@lru_cache(maxsize=1)
def _class_table() -> np.ndarray:
    table = np.full(0x30000, OTHER, dtype=np.uint8)
    table[0x3400:0x4DC0] = HAN
    table[0x4E00:0xA000] = HAN
    table[0x20000:0x30000] = HAN
    table[ord("0"):ord("9") + 1] = DIGIT
    table[0xFF10:0xFF1A] = DIGIT
    table[ord("A"):ord("Z") + 1] = LATIN
    table[ord("a"):ord("z") + 1] = LATIN
    table[0xFF21:0xFF3B] = LATIN
    table[0xFF41:0xFF5B] = LATIN
    for marks, cls in ((SENTENCE_MARKS, SENTENCE), (PUNCT_MARKS, PUNCT), (SEPARATOR_MARKS, SEPARATOR)):
        table[[ord(ch) for ch in marks]] = cls
    table[[ord(ch) for ch in " \t\r\u3000\xa0"]] = SPACE
    return table


@lru_cache(maxsize=1)
def markers() -> dict[str, tuple[str, ...]]:
    """Marker words by group, from the generic profile's `[line_markers]` table."""
    table = generic().extra.get("line_markers", {})
    return {group: tuple(words) for group, words in sorted(table.items())}


@lru_cache(maxsize=1)
def _marker_regex() -> tuple[re.Pattern, dict[str, list[int]]]:
    """All marker words in one plain alternation (named groups would cost re its fast first-
    character test: 7x slower here), and each word's marker groups."""
    groups = [group for group, words in markers().items() if words]
    owners: dict[str, list[int]] = {}
    for k, group in enumerate(groups):
        for word in markers()[group]:
            owners.setdefault(word, []).append(k)
    return re.compile("|".join(map(re.escape, sorted(owners, key=len, reverse=True)))), owners


def _marker_hits(text: str, starts: np.ndarray, n: int) -> list[np.ndarray]:
    """Per marker group, its words per line counted up to MARKER_COUNT_MAX."""
    pattern, owners = _marker_regex()
    groups = sum(1 for words in markers().values() if words)
    hits = np.zeros((groups, n), dtype=np.int64)
    found = [(m.start(), k) for m in pattern.finditer(text) for k in owners[m.group()]]
    if found:
        where = np.searchsorted(starts, np.array([f[0] for f in found]), side="right") - 1
        np.add.at(hits, (np.array([f[1] for f in found]), where), 1)
    return list(np.minimum(hits, MARKER_COUNT_MAX).astype(np.float64))


def feature_names() -> tuple[str, ...]:
    return BASE_FEATURES + tuple(f"marker_{group}" for group in markers())


def fingerprint() -> str:
    """What the features depend on besides this code: the marker words."""
    return hashlib.sha1(json.dumps(markers(), ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]


def _lines_hit(pattern: re.Pattern, text: str, starts: np.ndarray, n: int, most: int = 1) -> np.ndarray:
    """Matches of `pattern` per line, counted up to `most`."""
    found = [m.start() for m in pattern.finditer(text)]
    if not found:
        return np.zeros(n, dtype=np.float64)
    hits = np.bincount(np.searchsorted(starts, np.array(found), side="right") - 1, minlength=n)
    return np.minimum(hits, most).astype(np.float64)


def _near(values: np.ndarray) -> np.ndarray:
    """Mean of `values` over the NEIGHBOURS lines on each side (the line itself left out)."""
    n = len(values)
    padded = np.concatenate([np.zeros(NEIGHBOURS), values, np.zeros(NEIGHBOURS)])
    window = np.convolve(padded, np.ones(2 * NEIGHBOURS + 1), mode="valid") - values
    counts = np.convolve(np.concatenate([np.zeros(NEIGHBOURS), np.ones(n), np.zeros(NEIGHBOURS)]),
                         np.ones(2 * NEIGHBOURS + 1), mode="valid") - 1
    return window / np.maximum(counts, 1)


def _page_title_signals(stripped: list[str], folded: list[str], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per candidate row: does the line carry a site's title decoration (`…15篇`, `…范文(精选9篇)`,
    `… - 某某文库`: the generic `title_cleanup` changes it), and does the body's own numbered
    heading follow it (`学校德育工作总结15篇` … `学校德育工作总结1`): both mark a page title that
    the document's own heading makes redundant."""
    decorated, follows = np.zeros(len(rows)), np.zeros(len(rows))
    for k, i in enumerate(rows):
        line = stripped[i]
        if not line or len(line) > TITLE_LINE_MAX:
            continue
        core = "".join(clean_title(line).split())
        decorated[k] = float(core != folded[i])
        if len(core) < 4:
            continue
        for later in folded[i + 1:i + 1 + HEADING_AHEAD]:
            if len(later) > len(core) and later.startswith(core) and PART_NUMBER.fullmatch(later[len(core):]):
                follows[k] = 1.0
                break
    return decorated, follows


def line_features(lines: list[str], title: str = "", host_repeats: frozenset = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    """(rows, matrix): the candidate lines' indexes and their features in `feature_names()` order.

    Long prose lines (PROSE_MIN visible characters ending a sentence) away from the head and
    the tail are never boilerplate on the training pages; they get no row, so the costly parts
    (marker scans, the model) see only the few lines that can be chrome.  Context features
    (position, neighbours) still come from all lines."""
    n = len(lines)
    text = "\n".join(lines)
    cps = codepoints(text)
    newline = (cps == 10).astype(np.int64)
    line_of = np.cumsum(newline) - newline          # newlines before each character
    classes = _class_table().take(cps, mode="clip")
    keep = cps != 10
    counts = np.bincount(line_of[keep] * CLASSES + classes[keep], minlength=n * CLASSES).reshape(n, CLASSES)
    visible = counts.sum(axis=1) - counts[:, SPACE]
    size = np.maximum(visible, 1).astype(np.float64)

    stripped = [line.strip() for line in lines]
    ends_sentence = np.array([1.0 if s and s[-1] in SENTENCE_MARKS else 0.0 for s in stripped])
    index = np.arange(n)
    prose = (visible >= PROSE_MIN) & (ends_sentence > 0)
    rows = np.flatnonzero(~prose | (index < HEAD_ROWS) | (index >= n - TAIL_ROWS))
    if not len(rows):
        return rows, np.zeros((0, len(feature_names())))

    folded = ["".join(s.split()) for s in stripped]
    seen: dict[str, int] = {}
    for f in folded:
        if f:
            seen[f] = seen.get(f, 0) + 1
    title_folded = "".join(title.split())
    picked = [folded[i] for i in rows]
    repeated = np.array([1.0 if f and seen[f] > 1 else 0.0 for f in picked])
    title_like = np.array([1.0 if f and title_folded and (f == title_folded or (len(f) >= 4 and (
        f in title_folded or title_folded in f) and abs(len(f) - len(title_folded)) <= 12)) else 0.0 for f in picked])
    host_repeat = np.array([1.0 if f in host_repeats else 0.0 for f in picked]) if host_repeats else np.zeros(len(rows))
    questions = np.array([stripped[i].count("?") + stripped[i].count("？") for i in rows], dtype=np.float64)
    date_only = np.array([1.0 if DATE_ONLY.fullmatch(stripped[i]) else 0.0 for i in rows])
    decorated, heading_follows = _page_title_signals(stripped, folded, rows)

    # Marker words, dates and labels: scanned on the candidate lines only.
    scanned = "\n".join(lines[i] for i in rows)
    starts = np.concatenate([[0], np.flatnonzero(codepoints(scanned) == 10) + 1])
    hits = lambda pattern, most=1: _lines_hit(pattern, scanned, starts, len(rows), most)  # noqa: E731
    marker_cols = _marker_hits(scanned, starts, len(rows))
    any_marker = np.zeros(n)
    if marker_cols:
        any_marker[rows] = np.minimum(np.maximum.reduce(marker_cols), 1)

    position = index.astype(np.float64)
    short = (visible < 12).astype(np.float64)
    long_ = (visible > 80).astype(np.float64)
    cumulative = np.cumsum(visible)
    total = max(int(cumulative[-1]), 1)
    long_rows = np.flatnonzero(long_ * ends_sentence)
    first_long, last_long = (long_rows[0], long_rows[-1]) if len(long_rows) else (n, -1)
    every_line = [
        np.log1p(visible),
        counts[:, HAN] / size, counts[:, DIGIT] / size, counts[:, LATIN] / size,
        counts[:, SENTENCE] / size, counts[:, PUNCT] / size, counts[:, SEPARATOR] / size,
        counts[:, SPACE] / size,
        ends_sentence, (counts[:, SENTENCE] > 0).astype(np.float64), short, long_,
        position / max(n - 1, 1), (position < 3).astype(np.float64), (position >= n - 3).astype(np.float64),
    ]
    context = [
        _near(short), _near(any_marker), _near(long_),
        (cumulative - visible) / total, (total - cumulative) / total,
        (position < first_long).astype(np.float64), (position > last_long).astype(np.float64),
        np.log1p(visible) - np.log1p(visible.max()),
    ]
    columns = ([c[rows] for c in every_line] + [hits(DATE), hits(LABEL), repeated, title_like, host_repeat]
               + [c[rows] for c in context] + [np.minimum(questions, 3), date_only, hits(DOC_NUMBER), decorated, heading_follows, *marker_cols])
    return rows, np.column_stack(columns)
