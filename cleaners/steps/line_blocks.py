"""The document structure the line model's verdicts follow: a numbered list goes with its
header, and a section heading numbered in Chinese numerals (`一、指导思想`, `（二）工作措施`) stays.

A site's help or notice list (`如果您无法下载资料，请参考说明：` / `1、部分资料下载需要金币…` /
`2、已购买过的文档…` / `3、资料包下载后…`) is one block of chrome, but the model judges line by
line, and an item that happens to name no marker word scores below the cutoff while its
neighbours go.  A list is one thing: when the model drops its header (a line ending with a
colon) and one of the items numbered 1, 2, 3… right below it, the whole list goes.  A list
whose header the model keeps stays as the model left it.

Section headings numbered 一、 / （一） are the document's outline: on the dev sets no such line
is chrome, yet the model, judging a short line among short lines, scored `一、指导思想` 0.74 on
a page's second cleaning (its new title changed the neighbourhood).  They are never dropped.

The other short lines of a document's form (a speech's or notice's salutation `同志们：`,
`各相关单位：`; a chapter heading `第一章 总则`; a 公文 number `粤府〔2004〕4号`; a 落款 date
`（2014年3月5日）`; the bare `附件：` above a notice's list of attachments) need stronger evidence (FORM_CUTOFF): next to chrome the model's
`near_marker` pulls them over the cutoff (perturb_text_eval family b: `同志们:` 0.55-0.68,
`区教育系统各相关单位:` 0.65, `第一章 总 则` 0.55, a title `粤府〔2004〕4号` 0.82), and a
dropped salutation or date is a visible hole in a document.  A notice's attachments stay whatever
their score: the bare `附件：` and the lines under it naming document files (`1.开学工作安全检查表.docx`),
which the files' Latin and download words pulled to 0.95.

The rows of a timetable (a school's 作息时间, an exam's or a meeting's schedule: `上午 8:00-11:30`)
read to the model as a post's timestamp (p 0.76-0.96 on a 作息时间 notice, which then lost every
row and was rejected too_short).  A time range is no timestamp: two or more such short lines in
a row stay.

A turn of a dialogue (`记者：新生报到呢？` among `记者：` / `王建国：` turns the model keeps) stays: its
label is a credit word to the model, and a short turn has little else to show.

A long sentence in the middle of the body (a clause mark, a full stop, prose kept right above and
right below it) is the document's, whatever words it uses: a notice's `报送材料格式为Word文档，…
文件大小不超过10MB。` or `家长可登录…公众号查询…，相关表格可在…栏目下载。` scored 0.97-0.98 on
their download and format words.  A site's prompt stands at the head or the tail of the text,
or among short lines, not between two paragraphs of a report; an editor's intro set there (its
words those of `[line_markers] intro`: 为您推荐, 仅供参考) is no such sentence.
"""
from __future__ import annotations

import re

from cleaners.steps.file_names import FILE_NAME
from cleaners.steps.line_own import markers

LIST_ITEM = re.compile(r"\s*(?:(\d{1,2})\s*[、.．)）]|[(（]\s*(\d{1,2})\s*[)）]|\[(\d{1,2})\])(?!\d)")
HEADER_END = (":", "：")
HEADER_MAX = 12           # characters of a list's header that its kept list keeps
ITEM_ENDS = ("。", "；", ";", ".", "！", "？")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
LATIN_WORDS = 8           # words of a line of Latin prose (an English statement, not a name or a code)
SECTION = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])")
TIME_RANGE = re.compile(r"\d{1,2}\s*[:：]\s*\d{2}\s*[-－—–~～至到]+\s*\d{1,2}\s*[:：]\s*\d{2}")
TIMETABLE_ROW_MAX = 40    # characters of a timetable's row
ROW_LABEL = re.compile(r"\S{1,8}(?=\s)")                  # a row's label: `第5-7周` of `第5-7周 运算定律`
LIST_BULLETS = "-•●○■◆▪"     # a list item's mark (not `·`: a related box's)
ROW_RUN = 2               # rows above of the same label shape, kept, that keep the next one
TIMETABLE_RUN = 2         # rows in a row that make a timetable
BODY_SENTENCE_MIN = 30    # characters of a sentence inside the body that the model may not take
BODY_RUN = 3              # such sentences in a row at most
PARAGRAPH_MIN = 20        # characters of the kept prose around it
SENTENCE_END = ("。", "；", "！", "？")
# A speaker's turn: a short label, a colon, a sentence (`记者：开学时间定了吗？`, `王建国：定了，9月1日。`)
TURN = re.compile(r"([\u4e00-\u9fffA-Za-z]{1,6})\s*[:：]\s*\S.*[。！？!?…]")
ATTACHMENT_LABEL = re.compile(r"附\s*件\s*[\d一二三四五六七八九十]{0,2}\s*[:：]?")
ATTACHMENT_ITEM = re.compile(r"\s*附\s*件\s*[\d一二三四五六七八九十]{0,2}\s*[:：]")
FILE_LINE_MAX = 120       # characters of a line naming an attachment
FORM_CUTOFF = 0.9
FORM_MAX = 40             # longer lines are not such form lines
FORM = re.compile(                                       # (not an item numbered 1. 2. of a list)
    r"(?!\d{1,2}\s*[.、．])(?:(?:尊敬的|亲爱的|各)?[^，。；！？,;!?:：|｜>]{0,30}(?:们|同志|领导|代表|来宾|单位|部门|学校|机关|政府|委员会|局|厅|办|处)\s*[:：]"
    r"|第\s*[一二三四五六七八九十百\d]{1,4}\s*[章节编]\s*[^，。；！？,;!?|｜>]{0,20}"
    r"|[^，。；！？,;!?\s|｜>]{1,12}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号"
    r"|[(（]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*[)）]?"
    r"|附\s*件\s*[:：]?)")


def sections(lines: list[str], rows) -> set[int]:
    """Which of `rows` (indexes of `lines`) are section headings numbered in Chinese numerals."""
    return {i for i in rows if SECTION.match(lines[i])}


def form_lines(lines: list[str], rows, probability) -> set[int]:
    """Which of `rows` are short lines of a document's form scored below FORM_CUTOFF."""
    return {i for i, p in zip(rows, probability)
            if p < FORM_CUTOFF and len(lines[i].strip()) <= FORM_MAX and FORM.fullmatch(lines[i].strip())}


def body_sentences(lines: list[str], rows) -> set[int]:
    """Which of `rows` (the lines the model drops) are long sentences between two kept paragraphs:
    a run of up to BODY_RUN such lines, every one a sentence, with a kept paragraph right above
    and right below the run."""
    dropped = set(rows)
    found: set[int] = set()
    for i in sorted(dropped):
        if i in found or not _sentence(lines[i]) or (i - 1 in dropped and _sentence(lines[i - 1])):
            continue
        end = i + 1
        while end in dropped and _sentence(lines[end]) and end - i < BODY_RUN:
            end += 1
        if 0 < i and end < len(lines) and all(j not in dropped and _paragraph(lines[j]) for j in (i - 1, end)):
            found.update(range(i, end))
    return found


def _sentence(line: str) -> bool:
    """A long sentence that does not speak as an editor (no `intro` marker word: 为您推荐, 仅供参考,
    以下是 … an intro a site sets between a text's paragraphs)."""
    line = line.strip()
    return (len(line) >= BODY_SENTENCE_MIN and line.endswith(SENTENCE_END) and "，" in line
            and not any(word in line for word in markers().get("intro", ())))


def _paragraph(line: str) -> bool:
    line = line.strip()
    return len(line) >= PARAGRAPH_MIN and line.endswith(SENTENCE_END + ("：", ":"))


def timetable_rows(lines: list[str], rows) -> set[int]:
    """Which of `rows` are rows of a timetable: short lines holding a time range, in a run of
    TIMETABLE_RUN or more such lines one after the other."""
    found: set[int] = set()
    for i in rows:
        if i in found or not _timetable_row(lines[i]):
            continue
        start, end = i, i + 1
        while start > 0 and _timetable_row(lines[start - 1]):
            start -= 1
        while end < len(lines) and _timetable_row(lines[end]):
            end += 1
        if end - start >= TIMETABLE_RUN:
            found.update(range(start, end))
    return found & set(rows)


def _timetable_row(line: str) -> bool:
    return len(line.strip()) <= TIMETABLE_ROW_MAX and TIME_RANGE.search(line) is not None


def run_rows(lines: list[str], rows) -> set[int]:
    """Which of `rows` (the lines the model drops) continue a run of rows it kept: the ROW_RUN
    lines right above carry a label of the same shape, digits aside (`第1-2周 …`, `第3-4周 …` kept,
    then `第5-7周 运算定律`, which the model scored 0.76 as the last short line of a page), or the
    same bullet (a list's last item, cut off by the page above its tail's chrome: generated
    families, pages losing text a 3 -> 1, c 13 -> 10, d 18 -> 11)."""
    dropped = set(rows)
    found: set[int] = set()
    for i in sorted(dropped):
        shape = _label_shape(lines[i])
        if shape and i >= ROW_RUN and all(j not in dropped and _label_shape(lines[j]) == shape
                                          for j in range(i - ROW_RUN, i)):
            found.add(i)
    return found


def _label_shape(line: str) -> str | None:
    """A row's label with its digits as 0, when it has digits (a numbered or dated row), or a
    list item's bullet (`- 利用互联网` under `- 定期邀请…`, the last item cut off by the page)."""
    line = line.strip()
    if line[:1] in LIST_BULLETS and line[1:2].isspace():
        return line[0]
    label = ROW_LABEL.match(line)
    if label is None or not any(ch.isdigit() for ch in label.group()):
        return None
    return re.sub(r"\d+", "0", label.group())


def dialogue_turns(lines: list[str], rows) -> set[int]:
    """Which of `rows` (the lines the model drops) are turns of a dialogue: the lines right above
    and right below are turns the model keeps, and the three have two speakers at most
    (`记者：新生报到呢？` between two `王建国：…` turns: the label is a credit word to the model, and
    a short turn has little else to show)."""
    dropped = set(rows)
    found: set[int] = set()
    for i in sorted(dropped):
        own = _speaker(lines[i])
        if own is None or not 0 < i < len(lines) - 1 or i - 1 in dropped or i + 1 in dropped:
            continue
        speakers = {own, _speaker(lines[i - 1]), _speaker(lines[i + 1])}
        if None not in speakers and len(speakers) <= 2:
            found.add(i)
    return found


def _speaker(line: str) -> str | None:
    turn = TURN.fullmatch(line.strip())
    return turn.group(1) if turn else None


def widened(lines: list[str], dropped: set[int]) -> set[int]:
    """The indexes of `lines` (the lines the model judged, in order) to drop besides `dropped`:
    the items of a numbered list whose header and at least one item are in `dropped`; and the
    lines of Latin prose without a Han character that end the text right after a dropped line
    (a platform's statement in English under its Chinese one: `Notice: The content above …`)."""
    extra: set[int] = set()
    for header in sorted(dropped):
        if not lines[header].rstrip().endswith(HEADER_END):
            continue
        items = _numbered_run(lines, header + 1)
        if any(i in dropped for i in items):
            extra.update(i for i in items if i not in dropped)
    end = len(lines)
    while end > 0 and end - 1 not in dropped and _latin_prose(lines[end - 1]):
        end -= 1
    if end < len(lines) and end - 1 in dropped and HAN.search(lines[end - 1]):
        extra.update(range(end, len(lines)))
    return extra


def _latin_prose(line: str) -> bool:
    """A line of Latin words (LATIN_WORDS or more) and no Han character."""
    return not HAN.search(line) and len(LATIN_WORD.findall(line)) >= LATIN_WORDS


def list_headers(lines: list[str], rows) -> set[int]:
    """Which of `rows` (the lines the model drops) head a numbered list it keeps whole: the other
    side of `widened` (`参考文献：` over `[1]叶澜.教育概论…`, 0.90 on its 参考).  Its items end as
    sentences or references do: a list of bare titles kept under `本类热门：` is a related box the
    model half saw, not a document's list."""
    dropped = set(rows)
    return {i for i in dropped if lines[i].rstrip().endswith(HEADER_END) and len(lines[i].strip()) <= HEADER_MAX
            and (items := _numbered_run(lines, i + 1)) and not dropped.intersection(items)
            and all(lines[k].rstrip().endswith(ITEM_ENDS) for k in items)}


def attachments(lines: list[str], rows) -> set[int]:
    """Which of `rows` (the lines the model drops) are a notice's attachments: a bare label
    (`附件：`, `附件1`) and the lines right under it that name a document file
    (`1.开学工作安全检查表.docx`), or a line that is both (`附件2：校历.pdf`).  The files' Latin
    and the download words (docx, pdf) had them at p 0.95-0.96 under a government page's body."""
    found: set[int] = set()
    for i in sorted(set(rows)):
        if i in found:
            continue
        if _file_line(lines[i]) and ATTACHMENT_ITEM.match(lines[i]):
            found.add(i)
            continue
        top = i
        while top >= 0 and _file_line(lines[top]):
            top -= 1
        if top < 0 or not ATTACHMENT_LABEL.fullmatch(lines[top].strip()):
            continue
        end = top + 1
        while end < len(lines) and _file_line(lines[end]):
            end += 1
        if end > top + 1:
            found.update(range(top, end))
    return found.intersection(rows)


def _file_line(line: str) -> bool:
    return len(line.strip()) <= FILE_LINE_MAX and FILE_NAME.search(line) is not None


def _numbered_run(lines: list[str], start: int) -> list[int]:
    """The lines from `start` on numbered 1, 2, 3… one after the other."""
    run: list[int] = []
    for i in range(start, len(lines)):
        found = LIST_ITEM.match(lines[i])
        if found is None or int(found.group(1) or found.group(2) or found.group(3)) != len(run) + 1:
            break
        run.append(i)
    return run
