"""Drop a news page's unlabelled credit line at the head: its timestamp with a name or two.

Under a story's headline, portals print when and by whom without labels: `2024年08月26日 18:30
城关教育`, `南方+ 2024-08-26 18:30`, `2024-08-26 18:30 新京报记者 李明`.  The labelled forms
(`来源：…`) are credit rows (`boilerplate.credit_rows`); these have nothing but their shape: a
date with the time of day, and at most a few short names beside it.  A document's own line does
not open with a time of day under its title (a speech's date under its title has none: `（2024年
8月26日）` stays), and a schedule's lines (`9:00 开学典礼`) come further down.  Only the head's
first HEAD_LINES lines are looked at.
"""
from __future__ import annotations

import re

from cleaners.document import Change, Edit

HEAD_LINES = 3           # non-empty lines at the top where the credit line may stand
# (a date may be set in pieces, `2024  08 /26`, where the page styles its parts apart)
STAMP = r"\d{4}\s*[-/.年\s]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
NAMES = r"(?:[^\s，。；！？,.;!?:：]{1,10}(?:\s+|$)){0,3}"
LINE = re.compile(rf"(?:[^\s，。；！？,.;!?:：]{{1,12}}\s+)?{STAMP}\s*{NAMES}")
LINE_MAX = 60            # characters of such a line (and a time of day has its colon: cheap tests first)
REASON = "a credit line at the head: a timestamp and names"


def step(text: str) -> Edit:
    """(Reads the head's lines off the text one at a time: no split of the whole text, which a
    step called on every round of the head's settling would pay for each time.)"""
    spans, filled, start = [], 0, 0
    for _ in range(4 * HEAD_LINES):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if line:
            filled += 1
            if len(line) <= LINE_MAX and (":" in line or "：" in line) and LINE.fullmatch(line):
                spans.append((start, end, line))
            if filled == HEAD_LINES:
                break
        if end == len(text):
            break
        start = end + 1
    if not spans or (spans[-1][1] == len(text) and len(spans) == filled):
        return text, []
    for start, end, _ in reversed(spans):
        text = text[:start] + text[end:]
    return text.strip("\n"), [Change("head_stamp", "removed", line, REASON) for _, _, line in spans]
