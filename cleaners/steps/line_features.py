"""Features of each line of a cleaned text, for the learned line model (`line_model.py`).

One numpy pass over the text's code points gives every line its character-class counts
(Han, digits, Latin, sentence marks, other punctuation, separators, spaces); a few more numpy
calls the position and neighbourhood features of all lines at once.  Only the candidate lines
(not long prose) are looked at one by one: their dates, labels and marker words (from
`[line_markers]` in `_generic.toml`), remembered by line since chrome recurs on every page.
A text costs a few dozen numpy calls whatever its size (each about a microsecond).

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
DATE_JOINERS = "-/.年月"   # what a DATE match may hold around a `\\s*` (with the digits)
REMEMBERED_LINES = 4096   # candidate lines whose own features are kept (`_line_marks`)

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


def feature_names() -> tuple[str, ...]:
    return BASE_FEATURES + tuple(f"marker_{group}" for group in markers())


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


@lru_cache(maxsize=REMEMBERED_LINES)
def _line_marks(line: str) -> tuple[float, ...]:
    """What one candidate line says by itself: (date, label, question, date_only, doc_number,
    marker count per group).  Remembered by line: chrome recurs on every page of a site.

    The features are defined on the candidate lines joined by newlines; matched line by line
    they are the same as long as no date or label match runs across a newline, which
    `_may_cross_lines` rules out first (marker words hold no newline)."""
    stripped = line.strip()
    pattern, owners = _marker_regex()
    markers_found = [0] * sum(1 for words in markers().values() if words)
    for m in pattern.finditer(line):
        for k in owners[m.group()]:
            markers_found[k] += 1
    return (1.0 if DATE.search(line) else 0.0, 1.0 if LABEL.search(line) else 0.0,
            float(min(stripped.count("?") + stripped.count("？"), 3)),
            1.0 if DATE_ONLY.fullmatch(stripped) else 0.0,
            1.0 if DOC_NUMBER.search(line) else 0.0,
            *(float(min(c, MARKER_COUNT_MAX)) for c in markers_found))


def _may_cross_lines(stripped: list[str]) -> tuple[bool, bool]:
    """(date, label): could a DATE / LABEL match on the joined lines run across a newline?
    Only through their `\\s*`: a date when one line ends and the next starts with a digit or
    a date separator, a label when a line of at most six characters is followed by a colon
    (or any blank line, which a `\\s*` crosses whole)."""
    if not all(stripped):
        return True, True
    date = label = False
    for before, after in zip(stripped, stripped[1:]):
        head, tail = after[0], before[-1]
        if head in ":：" and len(before) <= 6:
            label = True
        if (tail.isdecimal() or tail in DATE_JOINERS) and (head.isdecimal() or head in DATE_JOINERS):
            date = True
    return date, label


@lru_cache(maxsize=64)
def _neighbour_counts(n: int) -> np.ndarray:
    """Per line of an n-line text, how many lines its neighbourhood holds (itself left out)."""
    index = np.arange(n)
    counts = np.minimum(index, NEIGHBOURS) + np.minimum(n - 1 - index, NEIGHBOURS)
    counts = np.maximum(counts, 1).astype(np.float64)
    counts.flags.writeable = False
    return counts


def _near(values: np.ndarray) -> np.ndarray:
    """Mean of each row of `values` over the NEIGHBOURS lines on each side (the line itself left
    out).  The values are 0/1, so the sums are exact whatever their order."""
    kinds, n = values.shape
    padded = np.zeros((kinds, n + 2 * NEIGHBOURS + 1))
    padded[:, NEIGHBOURS + 1:NEIGHBOURS + 1 + n] = values
    running = padded.cumsum(axis=1)
    window = running[:, 2 * NEIGHBOURS + 1:] - running[:, :n] - values
    return window / _neighbour_counts(n)


MARKERS_AT = 8     # in a row of `own`: the marker-word counts start here
NEWLINE, OTHER_SPACE = CLASSES, CLASSES + 1    # two more classes, for counting only


@lru_cache(maxsize=1)
def _class_table_by_line() -> np.ndarray:
    """`_class_table` with the newline and the whitespace that is not SPACE (\\x0b, U+2028 ...:
    OTHER in the features) as classes of their own: one bincount then counts the classes of
    every line, and says which lines hold whitespace at all."""
    table = _class_table().copy()
    table[[c for c in range(0x3001) if chr(c).isspace() and table[c] == OTHER]] = OTHER_SPACE   # (none beyond U+3000)
    table[10] = NEWLINE
    return table


def _page_title_signals(stripped: list[str], folded: list[str], rows: list[int]) -> tuple[list[float], list[float]]:
    """Per candidate row: does the line carry a site's title decoration (`…15篇`, `…范文(精选9篇)`,
    `… - 某某文库`: the generic `title_cleanup` changes it), and does the body's own numbered
    heading follow it (`学校德育工作总结15篇` … `学校德育工作总结1`): both mark a page title that
    the document's own heading makes redundant."""
    decorated, follows = [0.0] * len(rows), [0.0] * len(rows)
    for k, i in enumerate(rows):
        line = stripped[i]
        if not line or len(line) > TITLE_LINE_MAX:
            continue
        core = _title_core(line)
        decorated[k] = float(core != folded[i])
        size = len(core)
        if size < 4:
            continue
        for later in folded[i + 1:i + 1 + HEADING_AHEAD]:
            if later.startswith(core) and len(later) > size and PART_NUMBER.fullmatch(later, size):
                follows[k] = 1.0
                break
    return decorated, follows


@lru_cache(maxsize=REMEMBERED_LINES)
def _title_core(line: str) -> str:
    """A line as a page title without its decorations, whitespace removed; remembered by line."""
    return "".join(clean_title(line).split())


def line_features(lines: list[str], title: str = "", host_repeats: frozenset = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    """(rows, matrix): the candidate lines' indexes and their features in `feature_names()` order.

    Long prose lines (PROSE_MIN visible characters ending a sentence) away from the head and
    the tail are never boilerplate on the training pages; they get no row, so the costly parts
    (marker scans, the model) see only the few lines that can be chrome.  Context features
    (position, neighbours) still come from all lines.  Few numpy calls per text (each costs
    about a microsecond whatever its size) and plain Python for the per-row work."""
    n = len(lines)
    cps = codepoints("\n".join(lines))
    width = OTHER_SPACE + 1
    line_of = np.repeat(np.arange(0, n * width, width), [len(line) + 1 for line in lines])[:len(cps)]
    counted = np.bincount(line_of + _class_table_by_line().take(cps, mode="clip"),
                          minlength=n * width).reshape(n, width)
    counts = counted[:, :CLASSES]
    visible = counts[:, :SPACE].sum(axis=1) + counted[:, OTHER_SPACE]
    visible_list = visible.tolist()
    spaced = (counted[:, SPACE] + counted[:, OTHER_SPACE]).tolist()     # whitespace per line

    stripped = [line.strip() for line in lines]
    ends = [1.0 if s and s[-1] in SENTENCE_MARKS else 0.0 for s in stripped]
    rows_list = [i for i in range(n) if not (visible_list[i] >= PROSE_MIN and ends[i])
                 or i < HEAD_ROWS or i >= n - TAIL_ROWS]
    rows = np.array(rows_list, dtype=np.int64)
    if not rows_list:
        return rows, np.zeros((0, len(feature_names())))

    folded = ["".join(s.split()) if spaces else s for s, spaces in zip(stripped, spaced)]   # (split: ~6 ns a char)
    seen = Counter(folded)
    title_folded = "".join(title.split())
    marks = [_line_marks(lines[i]) for i in rows_list]
    date_crosses, label_crosses = _may_cross_lines([stripped[i] for i in rows_list])
    per_row = []
    for i, mark in zip(rows_list, marks):
        f = folded[i]
        per_row.append((
            mark[0], mark[1],
            1.0 if f and seen[f] > 1 else 0.0,
            1.0 if f and title_folded and (f == title_folded or (len(f) >= 4 and abs(len(f) - len(title_folded)) <= 12
                                                                  and (f in title_folded or title_folded in f))) else 0.0,
            1.0 if host_repeats and f in host_repeats else 0.0,
            *mark[2:]))
    own = np.array(per_row)     # date, label, repeated, title_like, host_repeat, question, date_only, doc_number, markers
    decorated, heading_follows = _page_title_signals(stripped, folded, rows_list)
    if date_crosses or label_crosses:       # a match may run across lines: the joined-text scan decides
        scanned = "\n".join(lines[i] for i in rows_list)
        starts = np.concatenate([[0], np.flatnonzero(codepoints(scanned) == 10) + 1])
        if date_crosses:
            own[:, 0] = _lines_hit(DATE, scanned, starts, len(rows_list))
        if label_crosses:
            own[:, 1] = _lines_hit(LABEL, scanned, starts, len(rows_list))

    flags = np.zeros((3, n))                # short, any marker, long: for the neighbourhood means
    flags[0] = visible < 12
    flags[2] = visible > 80
    if own.shape[1] > MARKERS_AT:
        flags[1, rows] = np.minimum(own[:, MARKERS_AT:].max(axis=1), 1)
    near = _near(flags)[:, rows]
    ends_array = np.array(ends)
    long_rows = np.flatnonzero(flags[2] * ends_array)
    first_long, last_long = (long_rows[0], long_rows[-1]) if len(long_rows) else (n, -1)
    cumulative = np.cumsum(visible)
    total = max(int(cumulative[-1]), 1)

    size = np.maximum(visible[rows], 1).astype(np.float64)
    picked = counts[rows]
    position = rows.astype(np.float64)
    log_length = np.log1p(visible[rows])
    matrix = np.empty((len(rows_list), len(feature_names())))
    matrix[:, 0] = log_length
    np.divide(picked[:, HAN:], size[:, None], out=matrix[:, 1:8])
    matrix[:, 8] = ends_array[rows]
    matrix[:, 9] = picked[:, SENTENCE] > 0
    matrix[:, 10] = flags[0, rows]
    matrix[:, 11] = flags[2, rows]
    matrix[:, 12] = position / max(n - 1, 1)
    matrix[:, 13] = position < 3
    matrix[:, 14] = position >= n - 3
    matrix[:, 15:20] = own[:, :5]
    matrix[:, 20:23] = near.T
    matrix[:, 23] = (cumulative[rows] - visible[rows]) / total
    matrix[:, 24] = (total - cumulative[rows]) / total
    matrix[:, 25] = position < first_long
    matrix[:, 26] = position > last_long
    matrix[:, 27] = log_length - np.log1p(visible.max())
    matrix[:, 28:31] = own[:, 5:MARKERS_AT]          # question, date_only, doc_number
    matrix[:, 31] = decorated
    matrix[:, 32] = heading_follows
    matrix[:, 33:] = own[:, MARKERS_AT:]
    return rows, matrix
