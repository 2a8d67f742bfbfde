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

from cleaners.chars.lines import joined_stripped, lines_of, stripped_of
from cleaners.document import Change, Edit

HEAD_LINES = 3           # non-empty lines at the top where the credit line may stand
# (a date may be set in pieces, `2024  08 /26`, where the page styles its parts apart; a portal's
# mobile page leaves the year out, `08-26 18:30`, two digits each: `8月26日 9:00 报到` is a schedule's)
STAMP = r"(?:\d{4}\s*[-/.年\s]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{2}-\d{2})\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
NAMES = r"(?:[^\s，。；！？,.;!?:：]{1,16}(?:\s+|$)){0,3}"
# a count the line may end with (`阅读数：1.2万`)
COUNT = r"(?:(?:阅读|浏览|点击)(?:数|量|次数)?\s*[:：]?\s*[\d.]+\s*[万wW]?)?"
LINE = re.compile(rf"(?:[^\s，。；！？,.;!?:：]{{1,12}}\s+)?{STAMP}\s*{NAMES}{COUNT}")
LINE_MAX = 60            # characters of such a line (and a time of day has its colon: cheap tests first)
REASON = "a credit line at the head: a timestamp and names"


def step(text: str) -> Edit:
    """(On the line table's lines, as head_tags reads them just before: split and stripped once
    per text object.)"""
    stripped = stripped_of(text)
    filled = [i for i, line in enumerate(stripped[:4 * HEAD_LINES]) if line][:HEAD_LINES]
    dropped = [i for i in filled if len(stripped[i]) <= LINE_MAX and (":" in stripped[i] or "：" in stripped[i])
               and LINE.fullmatch(stripped[i])]
    if not dropped or len(dropped) == sum(1 for line in stripped if line):
        return text, []
    lines = list(lines_of(text))
    for i in dropped:
        lines[i] = ""
    return joined_stripped(lines), [Change("head_stamp", "removed", stripped[i], REASON) for i in dropped]
