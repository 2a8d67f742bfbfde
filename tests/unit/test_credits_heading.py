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


SCHOOL_PAGE = ["城关区第一中学", "厚德 博学 求实 创新", "学校首页 学校概况 新闻动态 教育教学 德育天地 招生信息",
               "当前位置：主页 > 新闻动态 > 学校新闻 >", "关于2024年国庆节放假的通知", "时间:2024-09-02 10:21来源:教务处作者:李明点击:368次",
               "全体师生：", "根据上级通知精神，现将我校2024年国庆节放假安排通知如下：", "10月1日至7日放假调休，共7天。",
               "请各班主任做好学生假期安全教育工作。", "城关区第一中学", "2024年9月25日"]


def test_the_headline_over_the_dropped_credit_row_takes_the_title_from_the_sites_name():
    result = clean(Document(text="\n".join(SCHOOL_PAGE)))
    assert result.title == "关于2024年国庆节放假的通知"
    assert result.text.startswith("全体师生：") and "厚德" not in result.text
    assert clean(Document(text=result.rendered())).rendered() == result.rendered()     # a second run: the same


def test_a_headline_holding_a_year_range_takes_it_too():
    page = list(SCHOOL_PAGE)
    page[4] = "城关区第一中学2024-2025学年第一学期德育工作计划"
    assert clean(Document(text="\n".join(page))).title == page[4]


def test_a_sentence_or_a_long_line_above_the_headline_keeps_the_title():
    title, text, changes = credits_heading.headline_above(
        "城关区第一中学", "今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。\n关于2024年国庆节放假的通知\n全体师生：",
        "城关区第一中学\n今年以来，我校认真贯彻落实上级部署，各项工作取得新进展。\n关于2024年国庆节放假的通知\n时间:2024-09-02 来源:教务处\n全体师生：")
    assert changes == [] and title == "城关区第一中学"


def test_a_line_no_longer_than_the_title_above_the_credits_does_not_take_it():
    page = "区教育局关工委组织工作规范化建设工作总结\n下载该文档需要11个文币\n发布时间:2025-07-25\n浏览次数:2\n随着教育改革持续深入，校园关工委承担着关键职责。"
    text = "下载该文档需要11个文币\n随着教育改革持续深入，校园关工委承担着关键职责。"
    assert credits_heading.headline_above("区教育局关工委组织工作规范化建设工作总结", text, page)[2] == []


def test_a_line_the_text_still_holds_below_a_title_like_line_is_no_dropped_credit_row():
    lines = ["人人文库", "城关第一小学社团活动安排", "一、社团设置", "书法 绘画 舞蹈 合唱 足球 篮球 围棋 编程", "二、活动时间", "每周三下午第三节课。"]
    text = "\n".join(lines)
    assert credits_heading.headline_above("城关第一小学社团活动安排", text, "城关第一小学社团活动安排\n" + text)[2] == []


def test_a_title_naming_its_kind_of_document_stays_over_a_line_below_the_credits_that_names_none():
    # a byline, a site's motto or filler below the credits is no heading of a 工作总结
    title = "新集镇中心学校控辍保学工作总结"
    for line in ("市教育局局长、党委书记 赵青山", "第一知识网 资料下载首选文库网站"):
        page = f"{title}\n{CREDITS}\n{line}\n{BODY}"
        assert credits_heading.step(title, f"{line}\n{BODY}", page)[0] == title, line
    # a heading naming its kind still takes it, and so does the title said again with a count
    page = f"{title}\n{CREDITS}\n{HEADING}通知\n{BODY}"
    assert credits_heading.step(title, f"{HEADING}通知\n{BODY}", page)[0] == f"{HEADING}通知"
    page = f"教育局年度工作总结\n{CREDITS}\n2023教育局年度工作总结7篇\n{BODY}"
    assert credits_heading.step("教育局年度工作总结", f"2023教育局年度工作总结7篇\n{BODY}", page)[0] == "2023教育局年度工作总结7篇"


def test_a_title_naming_its_kind_is_no_sites_name_a_dated_line_below_it_could_replace():
    page = f"临湘市教育体育局2017年工作计划\n总结充实的过程,写好精彩的结尾 2022.04.14\n时间:2022-04-14 来源:本站\n{BODY}"
    text = f"总结充实的过程,写好精彩的结尾 2022.04.14\n{BODY}"
    assert credits_heading.headline_above("临湘市教育体育局2017年工作计划", text, page)[2] == []


def test_a_document_number_alone_stays_the_title_over_the_heading_it_stands_above():
    page = f"粤府〔2004〕4号\n{CREDITS}\n关于贯彻落实国务院进一步加强农村教育工作决定的意见\n{BODY}"
    text = f"关于贯彻落实国务院进一步加强农村教育工作决定的意见\n{BODY}"
    assert credits_heading.step("粤府〔2004〕4号", text, page) == ("粤府〔2004〕4号", text, [])
    labelled = f"备注/文号:泉丰教〔2026〕1号\n{CREDITS}\n{HEADING}\n{BODY}"     # a page's metadata row: no title
    assert credits_heading.step("备注/文号:泉丰教〔2026〕1号", f"{HEADING}\n{BODY}", labelled)[0] == HEADING


def test_a_paragraphs_first_line_where_the_page_wrapped_it_is_no_heading_below_the_credits():
    for wrapped in ("随着教育改革持续深入，校园关工委作为学校、家庭与社会间的重要纽带，承担着助力",
                    "为深入贯彻落实《临溪县人民政府关于召开2023年春季学期开学工作会议",
                    "2023年是落实规划的关键之年。全县教育系统要全面贯彻落"):
        page = f"基层动态\n{CREDITS}\n{wrapped}\n{BODY}"
        assert credits_heading.step("基层动态", f"{wrapped}\n{BODY}", page)[0] == "基层动态", wrapped
