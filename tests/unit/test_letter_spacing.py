"""Lines set with a space between every two characters (a PDF's text layer) are read as the words
they spell; lines of words, page-number rows and short spaced labels on ordinary pages stay."""
from cleaners import Document, clean
from cleaners.steps import letter_spacing

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。")


def spaced(line: str) -> str:
    return " ".join(line)


def test_a_letter_spaced_line_of_han_is_joined_and_the_change_names_it():
    text, changes = letter_spacing.step(f"{BODY}\n{spaced('下载文档需要二十个下载券')}\n{BODY}")
    assert text == f"{BODY}\n下载文档需要二十个下载券\n{BODY}"
    assert [(c.step, c.action, c.after) for c in changes] == [("letter_spacing", "repaired", "下载文档需要二十个下载券")]


def test_a_gap_between_two_spaced_words_keeps_half_of_its_spaces():
    line = spaced("首页 ＞ 工作总结") + "   " + spaced("推进义务教育均衡发展")
    text, _ = letter_spacing.step(f"{BODY}\n{line}\n{BODY}")
    assert text.split("\n")[1] == "首页 ＞ 工作总结 推进义务教育均衡发展"


def test_lines_of_words_page_number_rows_and_short_spaced_labels_stay_on_an_ordinary_page():
    text = f"{BODY}\n首页 新闻 通知公告 工作总结 学校工作\n1 2 3 4 5 6 7 下一页\n附 件\nI am a teacher of the school\n{BODY}"
    assert letter_spacing.step(text) == (text, [])


def test_on_a_letter_spaced_page_its_dates_numbers_and_short_lines_are_joined_too():
    page = "\n".join(spaced(line) for line in ("关于开展工作的通知", "粤府〔2004〕4号", "1、", BODY, "2019.10.30"))
    text, _ = letter_spacing.step(page)
    assert text.split("\n") == ["关于开展工作的通知", "粤府〔2004〕4号", "1、", BODY, "2019.10.30"]


def test_a_letter_spaced_page_cleans_as_the_page_does():
    page = f"关于开展工作的通知\n首页 > 通知公告\n下载文档需要二十个下载券\n{BODY}\n{BODY}"
    letters = "\n".join(spaced(line) for line in page.split("\n"))
    assert clean(Document(text=letters)).rendered() == clean(Document(text=page)).rendered()


def test_pinyin_annotations_of_a_letter_spaced_page_are_stripped():
    page = "\n".join(spaced(line) for line in ("教師工作總結(jié)", f"發(fā)展教育事業(yè)，{BODY}"))
    result = clean(Document(text=page))
    assert "(" not in result.rendered() and "jié" not in result.rendered()


def test_letters_spaced_with_ideographic_spaces_are_joined_and_paragraph_indents_stay():
    line = "\u3000".join("下载文档需要二十个下载券")
    indented = f"\u3000\u3000{BODY}"
    text, _ = letter_spacing.step(f"{indented}\n{line}\n{indented}")
    assert text == f"{indented}\n下载文档需要二十个下载券\n{indented}"
