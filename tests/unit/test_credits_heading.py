"""The document's heading right below the page title and its dropped credit lines takes the title."""
from cleaners import Document, clean
from cleaners.steps.boilerplate import credits_heading

HEADING = "临溪县召开2023年春季学期开学工作会议"
BODY = "3月5日，临溪县教育局召开春季学期开学工作会议，总结上学期工作，部署本学期重点任务。全县各中小学校长参加会议。"
CREDITS = "2023-03-06   来源:县教育局     浏览数:128"


def test_a_heading_below_the_credits_takes_the_title():
    page = f"基层动态\n{CREDITS}\n{HEADING}\n{BODY}"
    assert credits_heading.step("基层动态", f"{HEADING}\n{BODY}", page) == (
        HEADING, BODY, [credits_heading.Change("title", "removed", "基层动态", "the document's heading below the page's credits")])


def test_the_page_title_stays_without_credits_between_or_with_text_between():
    for between in ("首页 > 新闻中心", ""):
        page = f"基层动态\n{between}\n{HEADING}\n{BODY}"
        assert credits_heading.step("基层动态", f"{HEADING}\n{BODY}", page)[0] == "基层动态"
    kept = f"图片新闻\n{HEADING}\n{BODY}"
    assert credits_heading.step("基层动态", kept, f"基层动态\n{CREDITS}\n{kept}")[0] == "基层动态"


def test_a_subtitle_a_short_label_or_a_title_said_again_below_the_credits_is_no_heading():
    for line in ("——在2014年全市教育工作会议上的报告", "教育局简介", "篇1"):
        page = f"基层动态\n{CREDITS}\n{line}\n{BODY}"
        assert credits_heading.step("基层动态", f"{line}\n{BODY}", page)[0] == "基层动态", line
    page = f"学生班级管理制度范文\n时间:2023-08-31 17:03:56\n学生班级管理制度\n{HEADING}\n{BODY}"
    assert credits_heading.step("学生班级管理制度", f"{HEADING}\n{BODY}", page)[0] == "学生班级管理制度"


def test_a_page_with_credits_comes_out_headed_by_its_document_and_stays_so():
    credits = "发布时间：2024-02-05 09:30  信息来源：临溪县教育局"
    once = clean(Document(text=f"教育系统基层动态\n{credits}\n{HEADING}\n{BODY}")).rendered()
    assert once == f"{HEADING}\n\n{BODY}\n"
    assert clean(Document(text=once)).rendered() == once


def test_short_credit_lines_the_rules_kept_go_with_the_page_title():
    kept = "编辑:王明 审核:李华"
    page = f"基层动态\n{CREDITS}\n{kept}\n{HEADING}\n{BODY}"
    title, text, changes = credits_heading.step("基层动态", f"{kept}\n{HEADING}\n{BODY}", page)
    assert (title, text) == (HEADING, BODY)
    assert [c.before for c in changes] == ["基层动态", kept]


def test_a_kept_line_that_is_no_credit_or_a_label_line_keeps_the_page_title():
    for kept in ("——在2014年全市教育工作会议上的报告", "图片新闻"):
        page = f"基层动态\n{CREDITS}\n{kept}\n{HEADING}\n{BODY}"
        assert credits_heading.step("基层动态", f"{kept}\n{HEADING}\n{BODY}", page)[0] == "基层动态", kept
    byline = "记者 王明明 通讯员 李华华 张小明"
    page = f"基层动态\n{CREDITS}\n{byline}\n{BODY}"
    assert credits_heading.step("基层动态", f"{byline}\n{BODY}", page)[0] == "基层动态"
    label = "关键词:义务教育均衡发展现状与对策"
    page = f"基层动态\n{CREDITS}\n{label}\n{BODY}"
    assert credits_heading.step("基层动态", f"{label}\n{BODY}", page)[0] == "基层动态"


def test_the_heading_said_again_below_goes_in_the_same_run():
    once = clean(Document(text=f"教育系统基层动态\n发布时间：2024-02-05 09:30  信息来源：临溪县教育局\n{HEADING}\n"
                               f"{HEADING} {BODY}")).rendered()
    assert once == f"{HEADING}\n\n{BODY}\n"
    assert clean(Document(text=once)).rendered() == once


def test_a_date_alone_between_the_title_and_a_heading_is_the_documents_own():
    for date in ("2014年3月5日", "(2014年3月5日)", "2023-03-06"):
        page = f"基层动态\n{date}\n{HEADING}\n{BODY}"
        assert credits_heading.step("基层动态", f"{date}\n{HEADING}\n{BODY}", page)[0] == "基层动态", date
