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

from cleaners.steps.boilerplate import clean_title

VOCAB_PATH = Path(__file__).resolve().parent.parent / "models" / "chrome_vocab.json"
TITLE_LINE_MAX = 80     # longer lines are not read as page titles (here, and line_own's decorated / heading_follows)
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


def chrome_words(line: str) -> float:
    """`score_with` the shipped weights."""
    return score_with(weights(), line)
