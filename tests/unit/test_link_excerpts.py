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
