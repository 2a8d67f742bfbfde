"""What one candidate line says by itself, for `line_features`: its row of the feature matrix
with the columns that depend on nothing but the line filled in (length, character classes,
dates, labels, marker words, a page title's decoration), and the few facts about it that the
context features need (any marker word, its ends, its title core).

Remembered by line: chrome recurs on every page of a site, so most candidate lines of a text
were seen before and cost one dictionary look-up; the row is kept as bytes, so the rows of a
text become the matrix in one join (no float goes through Python objects).
"""
from __future__ import annotations

import re
from array import array
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from cleaners.chars.codepoints import codepoints
from cleaners.chars.memory import LINES
from cleaners.chars.trie import trie_pattern
from cleaners.profiles import generic
from cleaners.steps.boilerplate import clean_title
from cleaners.steps.line_vocab import TITLE_LINE_MAX, chrome_words
from cleaners.steps.title_lines import DOC_NUMBER

OTHER, HAN, DIGIT, LATIN, SENTENCE, PUNCT, SEPARATOR, SPACE = range(8)
CLASSES = 8
SENTENCE_MARKS = "。！？；!?;"
PUNCT_MARKS = "，、：“”‘’（）《》〈〉【】「」『』…—,:\"'()[]"
SEPARATOR_MARKS = "|｜/>›»·•=<«‹→►▪■□◆◇★☆●○"  # not * _ x: masked placeholders (20**年, ____)
SPACE_MARKS = " \t\r\u3000\xa0"   # (the other whitespace is OTHER, and visible)
# (`\d{4}…|\d{1,2}:\d{2}` with the first digit taken out in front: a pattern that starts with a
# character class lets `re` skip to the next digit instead of trying both branches at every character)
DATE = re.compile(r"\d(?:\d{3}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d?:\d{2})")
# A line that is only a date: a notice's 落款 date (content), unlike a `发布时间:` credit line.
DATE_ONLY = re.compile(r"(?:\d{2,4}|[\dXx]{2,4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                       r"\s*[\d一二三四五六七八九十]{1,3}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")
LABEL = re.compile(r"(?m)^\s*\S{1,6}\s*[:：]")
DATE_JOINERS = "-/.年月"   # what a DATE match may hold around a `\\s*` (with the digits)
TITLE_CORE_MIN = 4        # a shorter title core is not looked for at the start of later lines
MARKER_COUNT_MAX = 3      # marker words of one group counted per line up to this
REMEMBERED_LINES = LINES  # candidate lines whose own features are kept
LOG1P_KEPT = 4096         # line lengths whose np.log1p is looked up

BASE_FEATURES = (
    "log_length", "han", "digit", "latin", "sentence", "punct", "separator", "space",
    "ends_sentence", "has_sentence", "short", "long", "position", "head", "tail",
    "date", "label", "repeated", "title_like", "host_repeat",
    "near_short", "near_marker", "near_long",
    "chars_before", "chars_after", "before_first_long", "after_last_long", "relative_length", "question",
    "date_only", "doc_number", "decorated", "heading_follows", "chrome_words",
    "near_chrome_words",
)
COLUMN = {name: k for k, name in enumerate(BASE_FEATURES)}
_DATE, _LABEL, _QUESTION, _DATE_ONLY, _DOC_NUMBER, _DECORATED, _CHROME_WORDS = (
    COLUMN[name] for name in ("date", "label", "question", "date_only", "doc_number", "decorated", "chrome_words"))
_OWN_FIRST = 12           # line_own fills the columns before this one in order, the rest start at 0.0
MARKERS_AT = len(BASE_FEATURES)     # the marker-word counts follow the base features
# Where a line's ends may let a DATE / LABEL match of the joined candidate lines run on into
# the next line (`_may_cross_lines` of line_features): bits of `LineOwn.ends`.
HEAD_DATE, HEAD_COLON, TAIL_DATE, TAIL_SHORT, BLANK = 1, 2, 4, 8, 16


class LineOwn(NamedTuple):
    row: bytes          # float64 per feature: the line's own columns, the context ones 0
    marker: float       # 1.0 when a marker word is on the line (for near_marker)
    ends: int           # HEAD_DATE | HEAD_COLON | TAIL_DATE | TAIL_SHORT | BLANK bits
    core: str           # the line as a page title, undecorated ("" when not compared)
    log_length: float


@lru_cache(maxsize=1)
def class_table() -> np.ndarray:
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
    table[[ord(ch) for ch in SPACE_MARKS]] = SPACE
    return table


@lru_cache(maxsize=1)
def markers() -> dict[str, tuple[str, ...]]:
    """Marker words by group, from the generic profile's `[line_markers]` table."""
    table = generic().extra.get("line_markers", {})
    return {group: tuple(words) for group, words in sorted(table.items())}


@lru_cache(maxsize=1)
def marker_regex() -> tuple[re.Pattern, dict[str, list[int]]]:
    """All marker words in one regex (a trie: the longest word at each position, as an
    alternation from the longest word down would find), and each word's marker groups.  (Named
    groups would cost re its fast first-character test: 7x slower.)"""
    groups = [group for group, words in markers().items() if words]
    owners: dict[str, list[int]] = {}
    for k, group in enumerate(groups):
        for word in markers()[group]:
            if word:
                owners.setdefault(word, []).append(k)
    return re.compile(trie_pattern(owners)), owners


@lru_cache(maxsize=1)
def feature_names() -> tuple[str, ...]:
    return BASE_FEATURES + tuple(f"marker_{group}" for group in markers())


@lru_cache(maxsize=1)
def log1p_table() -> list[float]:
    """np.log1p of the lengths most lines have, as Python floats: math.log1p rounds differently
    in the last bit, and a numpy call per line costs more than the look-up."""
    return np.log1p(np.arange(LOG1P_KEPT)).tolist()


@lru_cache(maxsize=1)
def _zeros() -> tuple[float, ...]:
    return (0.0,) * (len(feature_names()) - _OWN_FIRST)


@lru_cache(maxsize=REMEMBERED_LINES)
def line_own(line: str) -> LineOwn:
    """The line's own features (see the module docstring), as `line_features` defines them on
    the whole text: the character classes as its one code-point pass counts them (code points
    past the table's end count as its last class), np.log1p for the length.  Plain Python but
    for the class count: a page of 30,000 unseen short lines pays this for every line."""
    stripped = line.strip()
    counts = np.bincount(class_table().take(codepoints(line), mode="clip"), minlength=CLASSES).tolist()
    visible = len(line) - counts[SPACE]
    log_length = log1p_table()[visible] if visible < LOG1P_KEPT else float(np.log1p(np.array([visible]))[0])
    size = float(max(visible, 1))
    ends_sentence = 1.0 if stripped and stripped[-1] in SENTENCE_MARKS else 0.0
    row = [log_length, counts[HAN] / size, counts[DIGIT] / size, counts[LATIN] / size, counts[SENTENCE] / size,
           counts[PUNCT] / size, counts[SEPARATOR] / size, counts[SPACE] / size, ends_sentence,
           1.0 if counts[SENTENCE] else 0.0, 1.0 if visible < 12 else 0.0, 1.0 if visible > 80 else 0.0]
    row += _zeros()
    if DATE.search(line):
        row[_DATE] = 1.0
    if (":" in line or "：" in line) and LABEL.search(line):     # (LABEL ends with a colon)
        row[_LABEL] = 1.0
    question = stripped.count("?") + stripped.count("？")
    if question:
        row[_QUESTION] = float(min(question, 3))
    if DATE_ONLY.fullmatch(stripped):
        row[_DATE_ONLY] = 1.0
    if DOC_NUMBER.search(line):
        row[_DOC_NUMBER] = 1.0
    pattern, owners = marker_regex()
    marker = 0.0
    for m in pattern.finditer(line):
        marker = 1.0
        for k in owners[m.group()]:
            k += MARKERS_AT
            if row[k] < MARKER_COUNT_MAX:
                row[k] += 1.0
    row[_CHROME_WORDS] = chrome_words(stripped)
    core = ""
    if stripped and len(stripped) <= TITLE_LINE_MAX:
        core = "".join(clean_title(stripped).split())
        if core != "".join(stripped.split()):
            row[_DECORATED] = 1.0
    return LineOwn(array("d", row).tobytes(), marker, _ends(stripped), core, log_length)


def _ends(stripped: str) -> int:
    if not stripped:
        return BLANK
    head, tail = stripped[0], stripped[-1]
    return ((HEAD_DATE if head.isdecimal() or head in DATE_JOINERS else 0) | (HEAD_COLON if head in ":：" else 0)
            | (TAIL_DATE if tail.isdecimal() or tail in DATE_JOINERS else 0)
            | (TAIL_SHORT if len(stripped) <= 6 else 0))
