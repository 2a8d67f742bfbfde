"""How much a line's words sound like site chrome: the mean weight of its character pairs, for
the line model (`line_own.py`'s `chrome_words` column).

The marker words of `[line_markers]` are the chrome vocabulary someone wrote down; a site never
seen words its prompts otherwise (会员专享 for VIP, 网友留言 for 评论 …), and most of those
wordings still share character pairs with known chrome (会员, 登录, 留言, 本站, 点击 …) and few
with the reports and notices the documents are.  `tools/train_line_model.py` counts the pairs
of the boilerplate and content lines of its training pages (plus generated chrome,
`tools/text_chrome.py`) and writes each pair's smoothed log-odds to `models/chrome_vocab.json`;
here a line scores the mean over its pairs, an unknown pair counting 0.  Digits fold to 0 and
Latin letters to lower case, whitespace is dropped, so 2023年 and 2026年 are the same pair.
`line_features` also gives each line its neighbours' mean (`near_chrome_words`): a comment
section or a related box is chrome by the words of the block.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import repeat
from operator import add
from pathlib import Path

import numpy as np

from cleaners.steps.boilerplate import clean_title

VOCAB_PATH = Path(__file__).resolve().parent.parent / "models" / "chrome_vocab.json"
TITLE_LINE_MAX = 80     # longer lines are not read as page titles (here, and line_own's decorated / heading_follows)
PAIR_BASE = 0x110000    # a pair's code: first code point * PAIR_BASE + second
_DIGIT = re.compile(r"[0-9０-９]")
_FOLD = str.maketrans("0123456789０１２３４５６７８９", "0" * 20)


def folded(line: str) -> str:
    """The line as its pairs are read: no whitespace, digits as 0, Latin lower case."""
    text = "".join(line.split())
    if _DIGIT.search(text):        # (translate walks the string char by char: only when needed)
        text = text.translate(_FOLD)
    return text.lower()


def pairs(line: str) -> list[str]:
    """The line's character pairs, in order (a one-character line has none).  A line short
    enough to be a title is read without a title's decoration (范文, 精选, 3篇 …: the
    `decorated` column says that), so a document's own `…工作总结范文` does not sound like the
    editor intros that offer 范文."""
    text = _read(line)
    return [text[k:k + 2] for k in range(len(text) - 1)]


def _read(line: str) -> str:
    stripped = line.strip()
    return folded(clean_title(stripped) if len(stripped) <= TITLE_LINE_MAX else stripped)


def score_with(weights: dict[str, float], line: str) -> float:
    """The mean weight of the line's pairs under `weights` (0.0 for a line without pairs)."""
    text = _read(line)
    count = len(text) - 1
    if count < 1:
        return 0.0
    # (the pairs made and looked up in C: map(add) joins each character to the next)
    return sum(map(weights.get, map(add, text, text[1:]), repeat(0.0, count))) / count


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The shipped pair weights ({} when the file is missing: every line scores 0)."""
    if not VOCAB_PATH.exists():
        return {}
    return json.loads(VOCAB_PATH.read_text(encoding="utf-8"))["weights"]


@lru_cache(maxsize=1)
def _by_code() -> dict[int, float]:
    """The shipped weights keyed by pair code (first code point * PAIR_BASE + second): an int
    key hashes for nothing, a 2-character string is made and hashed per pair."""
    return {ord(pair[0]) * PAIR_BASE + ord(pair[1]): weight for pair, weight in weights().items()}


def chrome_words(line: str) -> float:
    """`score_with` the shipped weights, to the last bit.  A line too long to be a title
    (candidate lines run to several hundred characters: a flattened paragraph that ends no
    sentence) has its pairs made as codes in numpy, where a string per pair cost ~1 k
    instructions and `translate` ~0.1 k a character: digits folded on the code points, the
    weights looked up and added in order, as `score_with` adds them."""
    stripped = line.strip()
    if len(stripped) <= TITLE_LINE_MAX:
        return score_with(weights(), stripped)
    text = "".join(stripped.split()).lower()      # (`folded` but for the digits, done below)
    count = len(text) - 1
    if count < 1:
        return 0.0
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    points[((points >= 0x30) & (points <= 0x39)) | ((points >= 0xFF10) & (points <= 0xFF19))] = 0x30
    wanted = (points[:-1] * PAIR_BASE + points[1:]).tolist()
    return sum(map(_by_code().get, wanted, repeat(0.0, count))) / count
