"""A page's credit row (`来源：… | 作者：… | 2023-05-12 10:21 | 阅读 1234`), whatever the site's
order, labels and separators, goes to metadata and out of the text; a line of the document that
mentions 来源 or 作者 stays."""
import re
import time

from cleaners import Document, clean
from cleaners.steps.boilerplate import credit_rows, remove

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。") * 3

ROWS = [
    "来源：某某日报 | 作者：张三 | 责任编辑：李四 | 2023-05-12 10:21 | 阅读 1234",
    "作者：教研室 | 来源：区教育局 | 点击数：128 【字体：大 中 小】【打印】【关闭】",
    "来源：某某日报｜2023-05-12｜作者：张三",
    "2023-05-12 09:00:00 稿件来源：中国教育报 责任编辑：王五 分享到：微信 微博",
    "文章来源：县教育局    发布日期：2023年05月01日    浏览次数：",
    "编辑：张三 审核：李四",
    # the size widget with its brackets after the label (an Anhui county portal's row)
    "日期：2024-08-26 10:21 来源：城关区教育局 供稿：城关区教育局 浏览量：1234  字体：【大  中  小 】",
    # a reporter's credit set with a space after the fields (a city paper's row)
    "2024-09-26 10:12 来源：兰州日报 记者 张华",
    "来源：兰州日报 本报记者 张华 李明",
    "作者: 未知  发布于2022.01.24",
    # an old portal's rows: the source's place in brackets, a participation count, a phone link
    "2010-08-26 18:30:12 来源: 兰州晨报 (兰州) 有0人参与 手机看新闻",
    "2012年08月26日 18:30 来源：中国新闻网 参与互动(0) 【字体：↑大 ↓小】",
    # counters with no field: a 文库 page's or a blog's counts of the page
    "阅读量 45464 ● 收藏 431｜评分 4.4",
    "2016年12月20日 星期六  阅读 93902 评论 30",
    "收藏 | 阅读 3 | 评论 4 | 打印",
]

PROSE = [
    "本文来源：新华社，作者：张三。",
    "来源：据国家统计局2023年数据显示，全国共有学校50万所。",
    "作者：张三 指导老师：李四",
    "时间：2023年5月1日 地点：学校礼堂",
    "数据来源：国家统计局 时间：2023",
    "作者：李白 朝代：唐",
    "来源于群众，服务于群众，作者们的文章来源于生活。",
    "记者 张华说，来源：群众来信。",
    "据兰州晨报（兰州）报道，有0人参与投票。",
    "本次活动阅读 200 人次，评论 30 条。",
    "一年级 45 二年级 43",
    "阅读 12",
]


def test_credit_rows_of_any_order_and_separator_leave_the_text():
    for row in ROWS:
        assert remove(f"{BODY}\n{row}\n{BODY}")[0] == f"{BODY}\n{BODY}", row


def test_a_credit_row_under_the_title_goes_and_its_source_and_date_become_metadata():
    r = clean(Document(text=f"某县教育局工作总结\n{ROWS[0]}\n{BODY}"))
    assert "某某日报" not in r.text and r.title == "某县教育局工作总结"
    assert r.metadata["source"] == "某某日报" and r.metadata["date"] == "2023-05-12"


def test_a_source_glued_to_the_next_field_ends_where_that_field_starts():
    r = clean(Document(text=f"某县教育局工作总结\n2019-09-26 12:11来源：证券时报网作者：李在山\n{BODY}"))
    assert r.metadata["source"] == "证券时报网" and r.metadata["date"] == "2019-09-26"


def test_lines_of_the_document_that_mention_credit_words_stay():
    for line in PROSE:
        assert line in remove(f"{BODY}\n{line}\n{BODY}")[0], line


def test_a_line_that_reads_as_one_field_is_not_a_row():
    rule = re.compile(credit_rows.pattern())
    for line in ["时间：2023-05-01 10:00", "来源：新华社", "发布时间：2023年05月01日 10:00:00"]:
        assert not rule.fullmatch(line), line
    assert rule.fullmatch("来源：新华社 2023-05-01")


def test_the_vocabulary_is_data_a_row_of_other_labels_is_read_the_same_way():
    rule = re.compile(credit_rows.compose(["出处"], ["阅"], ["打印"], "|"))
    assert rule.fullmatch("出处：甲报 | 阅 12 | 打印")
    assert not rule.fullmatch("出处：甲报 | 来源：乙报")
    assert credit_rows.compose([], [], [], "|") is None


NEAR_ROWS = [("2023-05-12 " * 30)[:239] + "x", ("来源：新华社 " * 40)[:238] + " ，",
             ("来源：a作者：b" * 40)[:239] + "。", ("时间：2023-05-12" * 20)[:239] + "。",
             ("阅读 12 " * 40)[:239] + "。", ("2023-05-12 阅读 3 " * 30)[:239] + "x",
             ("评论 1 收藏 2 星期六 " * 30)[:238] + "，", ("阅读12评论3" * 40)[:239] + "。"]


def test_a_long_line_that_almost_is_a_row_is_judged_in_well_under_a_millisecond_a_line_by_either_rule():
    for pattern in credit_rows.patterns():
        rule = re.compile(pattern)
        started = time.perf_counter()
        for line in NEAR_ROWS * 5:
            assert not rule.fullmatch(line)
        assert time.perf_counter() - started < 0.2, pattern[:60]
