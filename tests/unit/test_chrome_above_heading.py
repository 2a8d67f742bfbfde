"""Lines between the page title and the body's own wording of it, a few lines down, are page
chrome and go; a document's heading block (文号, date, ——subtitle), an addressee or a body
sentence there means the title's wording below is something else, and nothing goes."""
from __future__ import annotations

import pytest

from cleaners.steps.boilerplate import yield_to_body_heading

BODY = ("今年以来，我局在县委县政府的正确领导下，认真贯彻落实上级教育工作会议精神，"
        "以办人民满意的教育为目标，全面推进素质教育，各项工作取得了新的进展。")
TITLE = "教育局上半年工作总结年"
HEADING = "上半年教育局帮建工作总结"
INTRO = ("工作总结是对一个时期的工作进行回顾和分析的书面材料，它能使我们找出不足并加以改正，"
         "以下是小编为大家收集的教育局上半年工作总结，仅供参考。")


@pytest.mark.parametrize("chrome", [
    ["工作总结频道"],
    ["首页 工作总结", "热门推荐"],
    [INTRO],
    ["工作总结频道", INTRO],
])
def test_chrome_between_title_and_its_body_wording_goes(chrome):
    title, text, changes = yield_to_body_heading(TITLE, "\n".join(chrome + [HEADING, BODY]))
    assert (title, text) == (HEADING, BODY)
    assert [c.before for c in changes if c.action == "removed"][:len(chrome)] == chrome


@pytest.mark.parametrize("kept", [
    "武政发〔2017〕52号",
    "（2014年3月5日）",
    "——在全县教育工作会议上的讲话",
    "各学区、县直属各学校：",
    "现将有关事项通知如下。",
    "一、指导思想",
    "一、加强队伍建设。" + BODY,      # a numbered paragraph of an intro's length is the body's first section
    BODY * 3 + "下半年我局将进一步加强",  # a 文库 preview's page block, broken off mid-sentence, is text
])
def test_heading_block_addressee_or_sentence_in_between_keeps_everything(kept):
    text = "\n".join([kept, HEADING, BODY])
    assert yield_to_body_heading(TITLE, text)[:2] == (TITLE, text)


def test_title_wording_further_down_than_the_heading_lookahead_keeps_everything():
    text = "\n".join(["频道一", "频道二", "频道三", "频道四", HEADING, BODY])
    assert yield_to_body_heading(TITLE, text)[:2] == (TITLE, text)


def test_a_page_number_between_the_new_title_and_the_first_parts_heading_goes_as_a_second_run_takes_it():
    """Once the body's heading has taken the title, what stands under it is the head a second run
    over the output reads: a `[2]` above `标题篇1` goes there, so it goes in the first run."""
    from cleaners.document import Document
    from cleaners.pipeline import clean
    page = "\n".join(["少先队2023年工作计划8篇", "", "时间:2023-04-28 作者:dopmitopy", "", "[1]",
                      "只有将工作计划制定完成,才能使工作更加顺利进行,下面是小编为您分享的少先队2023年工作计划8篇,希望能够帮助到大家。",
                      "", "少先队2023年工作计划8篇", "", "[2]", "少先队2023年工作计划篇1", "", "一、队伍建设", BODY,
                      "", "[3]", "二、活动安排", BODY])
    once = clean(Document(text=page)).rendered()
    assert clean(Document(text=once)).rendered() == once


def test_blank_lines_left_by_dropped_rows_do_not_hide_the_heading():
    """Rows the rules dropped leave their blank lines (the output folds them into one): the
    heading a few lines down is found however many there are, as a second run finds it."""
    title, text, _ = yield_to_body_heading(TITLE, "\n".join(["工作总结频道", *[""] * 10, HEADING, BODY]))
    assert (title, text) == (HEADING, BODY)


def test_a_last_line_rewording_the_title_heads_no_body_and_the_paragraphs_above_it_stay():
    # a short repost ending in its outlet's headline (`原标题：…`, label stripped by the title rules)
    first, second = INTRO.replace("小编为大家收集的", "全县上下认真总结了"), BODY
    text = "\n".join([first, second, HEADING])
    assert yield_to_body_heading(TITLE, text) == (TITLE, text, [])


def test_a_storys_paragraphs_above_an_inline_related_title_are_the_body_not_an_intro():
    title = "我市2024年义务教育招生入学工作平稳有序"
    paragraphs = ["记者从市教育局获悉，今年我市义务教育阶段招生入学工作已基本结束，全市共招收小学一年级新生4.2万人、初中一年级新生3.8万人，招生工作总体平稳有序。",
                  "今年我市继续推行“阳光招生”，全面实行网上报名，家长足不出户即可完成报名、审核和录取结果查询，全市网上报名率达到98.6%。"]
    text = "\n".join(paragraphs + ["我市发布2024年义务教育招生政策", "热点学校学位预警发布", "为缓解热点学校学位紧张问题，今年全市新建学校17所。"])
    assert yield_to_body_heading(title, text) == (title, text, [])
