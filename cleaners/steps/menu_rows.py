"""Menu rows: a site's navigation or footer links flattened onto one line (`工作总结丨计划方案丨
述职报告`, `关于我们 / 联系我们 / 网站地图 / 广告合作`).

The rules name the menus someone wrote down (`首页 …`, `设为首页丨手机版 …`); other sites
print other words.  What every such row shares is its shape, the text's own link density: short
names and nothing else, one separator repeated between them.  A document's own lines do not
look so: its sentences carry clause marks, its headings stand alone, and a table's header row
has rows of the same shape next to it (kept).  A slogan title joined by `·` has two or three
parts; with `/`, `·` and ` - ` a row needs more names than that.  Spaces make a menu only of
five names or more, most of them of four characters or more: Chinese headlines and slogans join
two to four phrases with spaces (`凝心聚力 砥砺前行 再创佳绩 共谱新篇`), and name lists (表彰名单)
and subject lists are names of two or three characters.  A portal's channel bar is the exception:
six short names or more (five with 首页), most of them channels (`首页 新闻 体育 娱乐 财经 …`,
`[menu_rows]` in _generic.toml).
"""
from __future__ import annotations

import re
from functools import lru_cache

from cleaners.chars.lines import joined, lines_of, stripped_of
from cleaners.chars.memory import LINES
from cleaners.document import Change, Edit
from cleaners.profiles import generic

STEP = "menu_rows"
NAME = r"[\u4e00-\u9fff]{2,8}"
ROW_NAME = rf"(?:{NAME}|[A-Za-z]{{2,10}})"     # (`English`, `ARP` in an institute's top bar)
# One separator (the same string each time: `\1`), between at least three names.
ROW = re.compile(rf"{ROW_NAME}(\s*[|｜丨/／·•●◇◆]\s*|\s+[-–—]\s+){ROW_NAME}(?:\1{ROW_NAME})+")
BARS = "|｜丨"              # with these, three names make a menu; with the others, MIN_NAMES_OTHER
MIN_NAMES_OTHER = 4
SPACED_ROW = re.compile(rf"{NAME}(?:\s+{NAME}){{4,}}")
MIN_NAMES_SPACED = 5       # names a row joined by spaces needs, most of them LONG_NAME characters or more
LONG_NAME = 4
ROW_MAX = 80               # longer lines are no menu row
CHANNELS_MIN = 6           # names of a channel bar set with spaces, CHANNELS_MIN - 2 of them known channels
CHANNEL_MAX = 6            # characters of a channel bar's name (a site's name before them included)
SEPARATOR_CHARS = "|｜丨/／·•●◇◆-–—"
ANY_SEPARATOR = re.compile(r"[\s|｜丨/／·•●◇◆\-–—]")


def menu_row(line: str) -> str | None:
    """The row's separator (stripped; " " for spaces) when the stripped line is a menu row, else None."""
    if len(line) > ROW_MAX:
        return None
    match = ROW.fullmatch(line)
    if match is not None:
        separator = match.group(1).strip()
        names = line.count(separator) + 1
        return separator if separator in BARS or names >= MIN_NAMES_OTHER else None
    if SPACED_ROW.fullmatch(line) is None:
        return " " if _channel_row(line.split()) else None
    names = line.split()
    long_names = sum(1 for name in names if len(name) >= LONG_NAME)
    return " " if (len(names) >= MIN_NAMES_SPACED and 2 * long_names >= len(names)) or _channel_row(names) else None


def _channel_row(names: list[str]) -> bool:
    """A portal's channel bar set with spaces (`首页 新闻 体育 娱乐 财经 科技 汽车 房产`, its
    site's name and a Latin channel among them): short names, most of them the channels' own
    (`[menu_rows] channels` in _generic.toml).  A list of people's names holds none of them, a
    list of school subjects one or two (历史, 体育)."""
    # (one name fewer where the bar opens the site: `新华网 首页 时政 地方 教育`)
    least = CHANNELS_MIN - ("首页" in names)
    if len(names) < least or any(len(name) > CHANNEL_MAX for name in names):
        return False
    known = sum(1 for name in names if name in _channels())
    return known >= least - 2 and 2 * known >= len(names)


@lru_cache(maxsize=1)
def _channels() -> frozenset:
    return frozenset((generic().extra.get("menu_rows") or {}).get("channels") or ())


@lru_cache(maxsize=LINES)
def _menu_row(line: str) -> str | None:
    """`menu_row`, remembered by line (a site's rows come back on each of its pages), after one
    C-speed search that turns most lines away."""
    if len(line) > ROW_MAX or not ANY_SEPARATOR.search(line):
        return None
    return menu_row(line)


def step(text: str) -> Edit:
    """Take out the menu rows that no line of the same shape borders (a table's rows do)."""
    if " " not in text and not any(ch in text for ch in SEPARATOR_CHARS):
        return text, []
    stripped = stripped_of(text)
    filled = [i for i, line in enumerate(stripped) if line]
    drop = []
    for n, i in enumerate(filled):
        if _menu_row(stripped[i]) is None:
            continue
        shape = _shape(stripped[i])        # (a menu row's names hold no separator: its own, and its count)
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
    shape is a row of a table (`序号 | 工作任务 | 责任单位` over `1 | 校舍改造 | 计财股`).  A line
    without any separator character counts its space-separated cells."""
    found = max(((ch, line.count(ch)) for ch in SEPARATOR_CHARS), key=lambda pair: pair[1])
    return found if found[1] else (" ", len(line.split()) - 1)
