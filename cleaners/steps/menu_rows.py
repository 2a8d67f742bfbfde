"""Menu rows: a site's navigation or footer links flattened onto one line (`工作总结丨计划方案丨
述职报告`, `关于我们 / 联系我们 / 网站地图 / 广告合作`).

The rules name the menus someone wrote down (`首页 …`, `设为首页丨手机版 …`); other sites
print other words.  What every such row shares is its shape, the text's own link density: short
names and nothing else, one separator repeated between them.  A document's own lines do not
look so: its sentences carry clause marks, its headings stand alone, and a table's header row
has rows of the same shape next to it (kept).  A slogan title joined by `·` has two or three
parts; with `/`, `·` and ` - ` a row needs more names than that.  Spaces alone never make a
menu here: Chinese headlines and slogans join their phrases with spaces (`凝心聚力 砥砺前行`),
and name lists (表彰名单) are written so.
"""
from __future__ import annotations

import re

from cleaners.chars.lines import joined, lines_of, stripped_of
from cleaners.document import Change, Edit

STEP = "menu_rows"
NAME = r"[\u4e00-\u9fff]{2,6}"
# One separator (the same string each time: `\1`), between at least three names.
ROW = re.compile(rf"{NAME}(\s*[|｜丨/／·•]\s*|\s+[-–—]\s+){NAME}(?:\1{NAME})+")
BARS = "|｜丨"              # with these, three names make a menu; with the others, MIN_NAMES_OTHER
MIN_NAMES_OTHER = 4
ROW_MAX = 80               # longer lines are no menu row
SEPARATOR_CHARS = "|｜丨/／·•-–—"


def menu_row(line: str) -> str | None:
    """The row's separator (stripped) when the stripped line is a menu row, else None."""
    if len(line) > ROW_MAX:
        return None
    match = ROW.fullmatch(line)
    if match is None:
        return None
    separator = match.group(1).strip()
    names = line.count(separator) + 1
    return separator if separator in BARS or names >= MIN_NAMES_OTHER else None


def step(text: str) -> Edit:
    """Take out the menu rows that no line of the same shape borders (a table's rows do)."""
    if not any(ch in text for ch in SEPARATOR_CHARS):
        return text, []
    stripped = stripped_of(text)
    filled = [i for i, line in enumerate(stripped) if line]
    drop = []
    for n, i in enumerate(filled):
        separator = menu_row(stripped[i])
        if separator is None:
            continue
        shape = (separator, stripped[i].count(separator))
        if not any(_shape(stripped[filled[m]]) == shape for m in (n - 1, n + 1) if 0 <= m < len(filled)):
            drop.append(i)
    if not drop:
        return text, []
    lines = list(lines_of(text))
    changes = [Change(STEP, "removed", stripped[i], "a row of menu links") for i in drop]
    for i in drop:
        lines[i] = ""
    return joined(lines), changes


def _shape(line: str) -> tuple[str, int]:
    """(its most frequent separator, how often it stands): a menu row bordered by a line of its
    shape is a row of a table (`序号 | 工作任务 | 责任单位` over `1 | 校舍改造 | 计财股`)."""
    return max(((ch, line.count(ch)) for ch in SEPARATOR_CHARS), key=lambda pair: pair[1])
