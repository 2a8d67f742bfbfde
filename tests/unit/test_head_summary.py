"""A page's auto-summary above the document goes; the document's own repetitions stay."""
from cleaners.steps import head_summary

BODY = ("各县、区人民政府，市政府有关部门、单位：为贯彻落实《甘肃省人民政府关于统筹推进县域内城乡义务教育一体化改革发展的实施意见》精神，"
        "深入推进我市县域内城乡义务教育一体化改革发展，结合实际，现提出如下实施意见。")
TITLE = "武威市人民政府关于统筹推进县域内城乡义务教育一体化改革发展的实施意见"


def test_a_cut_off_summary_of_the_body_start_is_dropped():
    summary = TITLE + BODY[:40]
    text, changes = head_summary.step("\n".join([summary, "学校", "教师", TITLE, BODY]))
    assert text.split("\n")[-2:] == [TITLE, BODY] and summary not in text
    assert [c.step for c in changes] == ["head_summary"]


def test_a_summary_ending_in_an_ellipsis_is_dropped():
    text, _ = head_summary.step(BODY[:50] + "…\n" + BODY)
    assert text == BODY


def test_a_paragraph_said_twice_and_a_short_repeated_heading_stay():
    twice = "\n".join([BODY, BODY, "三、工作要求", "三、工作要求"])
    assert head_summary.step(twice) == (twice, [])


def test_cleaning_the_output_again_changes_nothing():
    text, _ = head_summary.step("\n".join([TITLE + BODY[:40], TITLE, BODY]))
    assert head_summary.step(text) == (text, [])


def test_a_summary_above_a_long_block_of_short_heading_lines_is_dropped_too():
    contents = [f"第{n}章 总则与附则" for n in range(1, 15)]          # a table of contents
    summary = BODY[:60]
    text, changes = head_summary.step("\n".join([summary, TITLE, *contents, BODY]))
    assert summary + "\n" not in text and text.endswith(BODY) and len(changes) == 1


def test_the_body_far_below_a_long_head_is_not_searched():
    filler = ["这是一段足够长的正文内容，用来占满向下查找的字数范围，不会与摘要重复。" * 2] * 14
    summary = BODY[:60]
    text = "\n".join([summary, *filler, BODY])
    assert head_summary.step(text) == (text, [])


def test_a_summary_ending_in_the_sites_length_note_goes_when_the_body_says_it_again():
    summary = ("一、xxxx年工作总结  xxxx年,xx教育紧紧围绕“创建省教育现代化区”发展目标,着眼“品质教育、学在xx”发展定位,"
               "大力实施“名校强师”发展策略,深入贯彻“以学校为本、 ...(全文共:3790字)")
    body = ("一、xxxx年工作总结\nxxxx年,xx教育紧紧围绕“创建省教育现代化区”发展目标,着眼“品质教育、学在xx”发展定位,"
            "大力实施“名校强师”发展策略,深入贯彻“以学校为本、以教师为本、以学生为本”发展理念。")
    assert head_summary.step(f"{summary}\n{body}")[0] == body


def test_a_labelled_summary_of_the_body_start_is_dropped_label_and_all():
    for label in ("导读：", "内容提要："):
        text, _ = head_summary.step(f"{label}{BODY[:50]}……\n{BODY}")
        assert text == BODY


def test_a_labelled_line_the_body_does_not_repeat_stays():
    line = "导读：本文介绍了城关区推进义务教育一体化改革发展的主要做法和下一步工作打算……"
    assert head_summary.step(f"{line}\n{BODY}") == (f"{line}\n{BODY}", [])
