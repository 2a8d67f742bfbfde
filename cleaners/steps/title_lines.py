"""What a title line and the lines beside it look like: a title's shape, a table's row, an
addressee, a subtitle's dashes, the Han characters and pairs two wordings are compared on.  Shared
by the title steps (boilerplate/), the related boxes (link_lists) and the line model, so they read
lines alike; it imports chars/ only (a step outside the boilerplate package may import it without
loading that package).
"""
from __future__ import annotations

import re

from cleaners.chars.lines import has_han

TITLE_MAX = 60
SENTENCE_END = "。；;，,：:！!？?…"
CELL_MAX = 16               # characters of a table's cell (`table_row`)
CLAUSE_MARKS = frozenset("，。；！？,;!?")
INNER_SENTENCE_END = "。！？；"    # a sentence ended inside a line: prose (`broken_off`)
ROW_BARS = re.compile(r"(?<=\S)\s*[|｜丨┃]\s*(?=\S)")     # a bar between two cells of a row
# an addressee: whom a notice or a speech is to (`各区县教育局、…：`, `尊敬的各位领导：`, `全体教师：`),
# not a heading that ends with a colon (`一、工作目标：`, `具体要求如下：`)
ADDRESSEE = re.compile(r"(?:各|尊敬|敬爱|亲爱|全体)[^。；;！？!?:：]{1,60}[:：]")
PROSE_END = "。！？!?"      # an intro paragraph ending so is a sentence (see han_pairs)
# A 公文 number (甘政发〔2012〕120号, 武政发[2017]52号): the document's own, never chrome (a line-model
# feature too).
DOC_NUMBER = re.compile(r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号")
SUBTITLE = r"\s*(?:—|-{2,}|－{2,})"    # a subtitle's dashes (——以…为例, ---学校…工作总结, ——在…会议上的报告)
SUBTITLE_START = re.compile(SUBTITLE)
OUTLINE_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．]|第[一二三四五六七八九十\d]+[章节条部分])")
# a comment in a code listing (`# 设置代理`, `// 初始化`) says what the next command does; it
# names no document, however title-like its words are
CODE_COMMENT = re.compile(r"^(?:#|//|/\*|--\s|<!--)")


def fold_spaces(s: str) -> str:
    """The line without its spaces (what two wordings of a title are compared on)."""
    return "".join(s.split())


def is_row(line: str) -> bool:
    """A table's row or a menu: three cells or more set apart by bars (`第1周 | 2月26日 | 开学报到`,
    `首页 | 新闻 | 通知`).  Rows of one table share most of their words: none of them is a
    heading that rewords another, or the title."""
    return len(ROW_BARS.findall(line.strip())) >= 2


def table_row(lines: list[str], at: int) -> bool:
    """Is line `at` of `lines` a table's row: barred (`is_row`), or of three short cells or more
    (set apart by spaces or tabs, no clause in any) as the line above or below it is
    (`第1周 2月26日-3月1日 开学报到` under `周次 日期 主要工作`)?  A title or heading of three words
    has prose or a heading around it."""
    if is_row(lines[at]):
        return True
    count = _cells(lines[at])
    if count < 3:
        return False
    above = next((line for line in reversed(lines[:at]) if line.strip()), "")
    below = next((line for line in lines[at + 1:] if line.strip()), "")
    return count in (_cells(above), _cells(below))


def _cells(line: str) -> int:
    """The line's cells, 0 when one is long or holds a clause (prose, an excerpt: no table's)."""
    cells = line.split()
    return 0 if any(len(cell) > CELL_MAX or CLAUSE_MARKS.intersection(cell) for cell in cells) else len(cells)


def looks_like_title(line: str) -> bool:
    """A short line with Chinese in it that ends no sentence and starts no outline item."""
    line = line.strip()
    return (2 <= len(line) <= TITLE_MAX and line[-1] not in SENTENCE_END
            and not OUTLINE_START.match(line) and not CODE_COMMENT.match(line) and has_han(line))


def broken_off(line: str) -> bool:
    """A line of prose broken where the page wrapped it, not a heading: a book title or a bracket
    left open (`为深入贯彻落实《秦皇岛市人民政府关于…改革发展`) or closed that never opened, two
    clause commas (`随着教育改革持续深入，校园关工委作为…纽带，承担着助力`), or a sentence ended
    inside it (`2017年，是落实…的关键之年。全市教育系统要全面贯彻落`)."""
    return (line.count("《") != line.count("》") or line.count("（") + line.count("(") != line.count("）") + line.count(")")
            or line.count("，") + line.count(",") >= 2 or any(mark in line[:-1] for mark in INNER_SENTENCE_END))


def han_pairs(text: str) -> set[str]:
    """Pairs of adjacent Han characters: a description above a title names some of its words; a
    document's opening sentence above a share bar, a related-list header or 上一篇 names none."""
    return {a + b for a, b in zip(text, text[1:]) if "\u4e00" <= a <= "\u9fff" and "\u4e00" <= b <= "\u9fff"}


def han_chars(text: str) -> set[str]:
    """The distinct Han characters of `text` (the basic block: what titles are compared on)."""
    return {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}
