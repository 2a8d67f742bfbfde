"""link_excerpts: boxes of other documents, each a title and an excerpt cut off, go; a document's
own headings and paragraphs, one of which trails off, stay."""
from cleaners.steps import link_excerpts

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。") * 3
EXCERPT = "学校坚持以立德树人为根本任务，扎实推进课堂教学改革，教育教学质量稳步提升，得到了社会各界的广泛认可"


def kept(text: str) -> str:
    return link_excerpts.step(text)[0]


def visible(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def test_titles_each_with_a_cut_excerpt_go_with_an_unnamed_header():
    box = f"精选好文\n某校德育工作总结\n{EXCERPT}……\n某县教研工作计划\n{EXCERPT}..."
    assert visible(kept(f"{BODY}\n{BODY}\n{box}")) == [BODY, BODY]


def test_one_line_items_with_a_link_mark_or_a_title_before_a_separator_go():
    for box in (f"{EXCERPT}……[详细]\n{EXCERPT}…阅读全文>>",
                f"某校德育工作总结 | {EXCERPT}…\n某县教研工作计划｜{EXCERPT}..."):
        assert visible(kept(f"{BODY}\n{BODY}\n{box}")) == [BODY, BODY], box


def test_a_box_at_the_head_goes_too():
    box = f"某校德育工作总结\n{EXCERPT}……\n某县教研工作计划\n{EXCERPT}……"
    assert visible(kept(f"{box}\n{BODY}\n{BODY}")) == [BODY, BODY]


def test_a_documents_heading_over_one_trailing_paragraph_stays():
    text = f"一、主要做法\n{EXCERPT}……\n二、存在问题\n{BODY}\n三、下一步打算\n{BODY}"
    assert kept(text) == text


def test_paragraphs_ending_in_sentence_marks_under_headings_stay():
    text = f"一、主要做法\n{EXCERPT}。\n二、存在问题\n{EXCERPT}。\n{BODY}"
    assert kept(text) == text


def test_a_page_that_is_mostly_such_a_box_is_left_to_the_listing_verdict():
    box = "\n".join(f"某校工作总结{k}\n{EXCERPT}……" for k in range(6))
    text = f"{EXCERPT}。\n{box}"
    assert kept(text) == text


def test_each_dropped_line_is_accounted_for():
    box = f"某校德育工作总结\n{EXCERPT}……\n某县教研工作计划\n{EXCERPT}……"
    out, changes = link_excerpts.step(f"{BODY}\n{BODY}\n{box}")
    assert [c.before for c in changes] == visible(box) and all(c.step == "link_excerpts" for c in changes)


def test_cut_lines_right_below_a_box_go_with_it_so_a_second_cleaning_finds_no_box():
    box = f"某校德育工作总结 | {EXCERPT}…\n某县教研工作计划｜{EXCERPT}...\n教育工作要点篇1 {EXCERPT}……"
    once = kept(f"最新上传：\n{box}\n{BODY}\n{BODY}")
    assert visible(once) == [BODY, BODY]
    assert kept(once) == once


def test_a_documents_paragraph_trailing_off_after_a_sentence_below_a_box_stays():
    box = f"某校德育工作总结 | {EXCERPT}…\n某县教研工作计划｜{EXCERPT}..."
    assert visible(kept(f"{BODY}\n{box}\n{EXCERPT}。\n{EXCERPT}……")) == [BODY, f"{EXCERPT}。", f"{EXCERPT}……"]


TRAILING = "学校坚持以立德树人为根本任务，扎实推进课堂教学改革，教育教学质量稳步提升，得到了社会各界的广泛认可，家长满意度逐年"


def test_excerpts_cut_at_so_many_characters_without_a_mark_go():
    for box in (f"精选范文\n某校德育工作总结\n{TRAILING}\n某县教研工作计划\n{TRAILING}，",
                f"某校德育工作总结 | {TRAILING}\n某县教研工作计划 | {EXCERPT}……"):
        assert visible(kept(f"{BODY}\n{BODY}\n{box}")) == [BODY, BODY], box


def test_a_table_of_contents_whose_headings_hold_a_comma_stays():
    text = (f"目录\n一、主要工作举措与实施\n（一）“夯实基础”，完善心理健康教育工作体系\n精品文档 欢迎下载\n"
            f"（二）“聚焦课堂”，深化心理健康教育课程建设\n{BODY}")
    assert kept(text) == text


def test_the_pages_own_line_right_above_a_box_of_one_line_items_stays():
    box = f"某校德育工作总结  {TRAILING}\n某县教研工作计划 / {TRAILING}\n某镇控辍保学工作总结丨{EXCERPT}……"
    text = f"学校的教学工作计划\n{box}\n{BODY}\n{BODY}"
    assert visible(kept(text)) == ["学校的教学工作计划", BODY, BODY]


def test_a_section_heading_over_a_paragraph_cut_off_without_a_mark_stays():
    box = f"某校德育工作总结 | {TRAILING}\n某县教研工作计划 / {TRAILING}"
    for heading in ("一、指导思想", "1、学前教育资助", "（二）工作目标"):
        text = f"{BODY}\n{heading}\n{TRAILING}\n{box}"
        assert visible(kept(text)) == [BODY, heading, TRAILING], heading
        assert kept(kept(text)) == kept(text)


def test_a_boxs_numbered_titles_each_over_an_excerpt_cut_without_a_mark_go():
    box = f"精选范文\n1. 某校德育工作总结\n{TRAILING}\n2. 某县教研工作计划\n{TRAILING}"
    assert visible(kept(f"{BODY}\n{BODY}\n{box}")) == [BODY, BODY]


def test_a_box_longer_than_a_short_preview_goes_when_the_preview_is_a_document_of_its_own():
    box = "\n".join(f"某校工作总结{k} | {EXCERPT}……" for k in range(10))
    preview = f"{BODY}\n一、主要做法\n{BODY[:150]}"
    from cleaners.chars.lines import visible_size
    assert visible_size([box]) > visible_size([preview]) >= link_excerpts.REST_MIN
    assert visible(kept(f"{preview}\n精彩推荐>>\n{box}")) == visible(preview)
