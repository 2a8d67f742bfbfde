"""A numbered list goes with its header when the line model drops the header and an item; a
list whose header stays, or a run that is not numbered 1, 2, 3…, is left as the model left it."""
from unittest import mock

import numpy as np

from cleaners import Document, clean
from cleaners.steps import line_blocks

HELP = ["如果您无法下载资料,请参考说明:", "1、部分资料下载需要金币,请确保您的账户上有足够的金币",
        "2、已购买过的文档,再次下载不重复扣费", "3、资料包下载后请先用软件解压,在使用对应软件打开",
        "2024年学前教育宣传月活动方案和总结"]


def test_the_items_of_a_list_whose_header_and_one_item_were_dropped_go_too():
    assert line_blocks.widened(HELP, {0, 2}) == {1, 3}


def test_a_list_whose_header_stays_or_whose_items_all_stay_is_left_alone():
    assert line_blocks.widened(HELP, {2}) == set()
    assert line_blocks.widened(HELP, {0}) == set()


def test_only_the_run_numbered_from_one_goes():
    lines = ["温馨提示:", "(1)请勿转载", "(2)仅供学习", "4、这是正文的编号", "正文"]
    assert line_blocks.widened(lines, {0, 1}) == {2}
    assert line_blocks.widened(["说明:", "2、已购买过的文档", "3、资料包"], {0, 1}) == set()


class _Scorer:
    """The model's interface with fixed scores: the header and item 2 over the cutoff."""
    cutoff = 0.7
    features = ("marker_download",)
    p = {HELP[0]: 0.78, HELP[1]: 0.64, HELP[2]: 0.78, HELP[3]: 0.54}

    judged: list[str] = []

    def scores(self, matrix):
        return np.array([self.p.get(line, 0.01) for line in self.judged])


def _drop_with_scores(lines: list[str], p: dict | None = None):
    """`drop_lines` on `lines` with the model's scores fixed (`p` by line, else _Scorer's)."""
    from cleaners.steps import line_features, line_model
    scorer = _Scorer()
    if p is not None:
        scorer.p = p
    scorer.contributions_of = lambda rows: np.zeros((len(rows), 1))

    def every_line(judged, title="", host_repeats=frozenset()):
        scorer.judged = judged
        return np.arange(len(judged)), np.zeros((len(judged), 1))

    with mock.patch.object(line_model, "model", lambda: scorer), \
            mock.patch.object(line_features, "line_features", every_line):
        return line_model.drop_lines("\n".join(lines))


def test_the_line_model_drops_a_whole_help_list_under_its_header():
    body = ("2024年学前教育宣传月活动方案和总结一、活动背景学前教育是终身学习的开端,是国民教育体系的重要组成部分,"
            "对于促进儿童身心全面和谐发展,实现教育公平具有重要意义。") * 4
    judged = HELP[:4] + [body]
    text, changes = _drop_with_scores(judged)
    assert text == body
    assert [c.after.endswith("in a list whose header went") for c in changes] == [False, True, False, True]


def test_a_section_heading_in_chinese_numerals_is_never_dropped_by_the_model():
    lines = ["篇一:《幼儿园一学期工作计划》", "一、指导思想", "(二)学期总目标", "返回 下载 相关 举报",
             "本学期,我园将继续深入贯彻《幼儿园教育指导纲要(试行)》和《3-6岁儿童学习与发展指南》精神。" * 3]
    text, changes = _drop_with_scores(lines, {lines[1]: 0.74, lines[2]: 0.9, lines[3]: 0.95})
    assert [c.before for c in changes] == [lines[3]]
    assert line_blocks.sections(lines, range(len(lines))) == {1, 2}


def test_a_salutation_a_chapter_heading_a_document_number_and_a_closing_date_need_stronger_evidence():
    form = ["同志们:", "区教育系统各相关单位:", "第一章 总 则", "粤府〔2004〕4号", "（2014年3月5日）", "附件："]
    chrome = ["返回 下载 相关 举报", "发布时间:2014-03-05"]
    body = "本学期,我园将继续深入贯彻《幼儿园教育指导纲要(试行)》和《3-6岁儿童学习与发展指南》精神。" * 3
    lines = form + chrome + [body]
    text, changes = _drop_with_scores(lines, {**{line: 0.75 for line in form + chrome}, form[0]: 0.95})
    assert [c.before for c in changes] == [form[0]] + chrome


def test_list_items_and_sentences_are_no_form_lines():
    lines = ["4. 同志们:", "尊敬的用户：", "发布时间:", "相关推荐：", "各州、市人民政府,省直各委、办、厅、局:", "附件下载：",
             "附件：报名表.doc"]
    assert line_blocks.form_lines(lines, range(len(lines)), [0.75] * len(lines)) == set()


def test_the_rows_of_a_timetable_are_spared_but_a_lone_time_range_or_a_timestamp_is_not():
    lines = ["城关一小作息时间", "上午 8:00-11:30", "下午 14:30-17:00", "周五下午 14:30—16:00", "请按时接送孩子。",
             "服务时间：9:00-18:00", "发布时间：2024-03-06 10:21", "2024-03-06 10:21"]
    assert line_blocks.timetable_rows(lines, range(len(lines))) == {1, 2, 3}


def test_a_timetable_notice_keeps_its_rows_through_the_pipeline():
    rows = ["上午 8:00-11:30", "下午 14:30-17:00", "周五下午 14:30-16:00"]
    result = clean(Document(text="\n".join(["城关一小2024年春季学期作息时间", *rows, "请各位家长按时接送孩子。"])))
    assert result.rejection is None and all(row in result.text for row in rows)


def test_a_row_continuing_a_run_of_kept_rows_of_its_shape_is_spared():
    lines = ["四、教学进度", "第1-2周 四则运算", "第3-4周 观察物体", "第5-7周 运算定律", "相关文档 2023年工作总结"]
    assert line_blocks.run_rows(lines, [3, 4]) == {3}
    assert line_blocks.run_rows(lines, [2, 3]) == set()       # the row above went too: no run kept
    assert line_blocks.run_rows(["一、进度", "上午 读书", "下午 写字", "晚上 休息"], [3]) == set()   # no digits: no label



def test_a_bulleted_item_under_kept_items_of_its_bullet_is_spared_and_a_related_boxs_dot_is_no_bullet():
    lines = ["(四)加强交流合作", "- 定期邀请兄弟院校来校访问交流。", "- 积极参加各级各类学术会议。", "- 利用互联网", "该部分内容已隐藏，成为会员即可查看"]
    assert line_blocks.run_rows(lines, [3, 4]) == {3}
    assert line_blocks.run_rows(["- 定期邀请兄弟院校来校访问交流。", "• 积极参加学术会议。", "- 利用互联网"], [2]) == set()
    dots = ["相关推荐", "· 教育局工作总结", "· 学校工作计划", "· 幼儿园工作计划"]
    assert line_blocks.run_rows(dots, [3]) == set()

NOTICE_PARAGRAPH = "各学校要于9月20日前将资助名单上传至全国学生资助管理信息系统，并打印汇总表加盖公章后报送。"
FORMAT_SENTENCE = "报送材料格式为Word文档，正文字体为仿宋GB2312三号，文件大小不超过10MB。"
DOWNLOAD_SENTENCE = "家长可登录“城关教育”微信公众号查询资助结果，相关表格可在区教育局官网首页“下载中心”栏目下载。"


def test_long_sentences_between_two_kept_paragraphs_are_spared():
    lines = [NOTICE_PARAGRAPH, FORMAT_SENTENCE, DOWNLOAD_SENTENCE, "欢迎广大家长关注“城关教育”微信公众号，及时了解资助政策。"]
    assert line_blocks.body_sentences(lines, [1, 2]) == {1, 2}


def test_a_sentence_at_the_head_or_tail_or_beside_short_lines_is_not():
    assert line_blocks.body_sentences([FORMAT_SENTENCE, NOTICE_PARAGRAPH], [0]) == set()
    assert line_blocks.body_sentences([NOTICE_PARAGRAPH, FORMAT_SENTENCE], [1]) == set()
    assert line_blocks.body_sentences(["首页 下载中心", FORMAT_SENTENCE, NOTICE_PARAGRAPH], [1]) == set()
    short = "下载后请解压。"            # a short prompt between paragraphs is the model's to judge
    assert line_blocks.body_sentences([NOTICE_PARAGRAPH, short, NOTICE_PARAGRAPH], [1]) == set()


def test_a_notice_keeps_its_format_and_download_sentences_through_the_pipeline():
    lines = ["城关区教育局关于做好学生资助工作的通知", "各中小学：", "为做好学生资助工作，确保资助政策落实到位，现将有关事项通知如下：",
             NOTICE_PARAGRAPH, FORMAT_SENTENCE, DOWNLOAD_SENTENCE, "欢迎广大家长关注“城关教育”微信公众号，及时了解资助政策。",
             "城关区教育局", "2024年9月2日"]
    result = clean(Document(text="\n".join(lines)))
    assert FORMAT_SENTENCE in result.text and DOWNLOAD_SENTENCE in result.text


def test_the_header_of_a_numbered_list_the_model_keeps_is_spared():
    lines = ["以上是我的一点体会。", "参考文献：", "[1]叶澜.教育概论[M].北京:人民教育出版社,2006.", "[2]顾明远.教育大辞典[M].上海:上海教育出版社,1998."]
    assert line_blocks.list_headers(lines, [1]) == {1}
    assert line_blocks.list_headers(lines, [1, 2]) == set()          # an item went too: widened's case
    assert line_blocks.list_headers(["相关推荐：", "2024年工作总结"], [0]) == set()   # no numbered list under it
    titles = ["本类热门：", "1. 篇一:《教育局工作总结》", "2. 2020年教育工作要点"]     # bare titles: a related box
    assert line_blocks.list_headers(titles, [0]) == set()


def test_an_editors_intro_between_paragraphs_is_no_body_sentence():
    intro = "★中新网5月19日电 教育部网站今★栏目为您推荐以下精彩内容，敬请关注。"
    assert line_blocks.body_sentences([NOTICE_PARAGRAPH, intro, NOTICE_PARAGRAPH], [1]) == set()


def test_a_short_turn_between_two_kept_turns_of_a_dialogue_is_spared():
    lines = ["记者：开学时间定了吗？", "王建国：定了，9月1日。", "记者：新生报到呢？", "王建国：8月30日、31日两天。", "记者：校服要统一买吗？",
             "王建国：自愿购买，不强制。"]
    assert line_blocks.dialogue_turns(lines, [2, 4]) == {2, 4}


def test_a_credit_line_or_a_third_speaker_or_a_turn_beside_dropped_lines_is_not():
    lines = ["王建国：定了，9月1日。", "责任编辑：李华", "王建国：自愿购买，不强制。"]
    assert line_blocks.dialogue_turns(lines, [1]) == set()
    lines = ["王建国：定了，9月1日。", "记者：新生报到呢？", "李明：我们学校已经准备好了。"]
    assert line_blocks.dialogue_turns(lines, [1]) == set()
    lines = ["王建国：定了，9月1日。", "记者：新生报到呢？", "相关阅读：", "王建国：自愿购买。"]
    assert line_blocks.dialogue_turns(lines, [1, 2]) == set()


STATEMENT = ["会议要求各校做好开学准备工作。", "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
             "Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao."]


def test_an_english_statement_ending_the_text_goes_with_the_chinese_one_dropped_above_it():
    assert line_blocks.widened(STATEMENT, {1}) == {2}


def test_english_prose_ending_the_text_stays_when_the_line_above_it_stays():
    assert line_blocks.widened(STATEMENT, set()) == set()
    assert line_blocks.widened(STATEMENT[:1] + STATEMENT[2:], set()) == set()


def test_english_prose_inside_the_text_stays_though_a_line_above_it_goes():
    assert line_blocks.widened(STATEMENT[1:] + ["会议还部署了校园安全工作。"], {0}) == set()


def test_a_notices_attachments_stay_and_a_label_over_no_file_does_not():
    lines = ["城关区教育局", "2024年8月20日", "附件：", "1.开学工作安全检查表.docx", "2.秋季学期校历.pdf", "附件3：作息时间表.xlsx",
             "附件：", "相关链接", "热门下载.docx"]
    assert line_blocks.attachments(lines, [2, 3, 4, 5, 6, 8]) == {2, 3, 4, 5}


def test_a_government_pages_attachment_label_and_file_name_come_through_the_pipeline():
    body = ["各中小学、幼儿园：", "为切实做好2024年秋季学期开学各项工作，确保学校安全稳定和教育教学工作有序开展，现将有关事项通知如下。",
            "各学校要在开学前组织开展一次全覆盖的安全隐患大排查，建立问题清单，限期整改到位。", "城关区教育局", "2024年8月20日"]
    title = "城关区教育局关于做好秋季开学工作的通知"
    html = (f"<html><head><title>{title}</title></head><body><div class='nav'><a href='/'>首页</a> <a href='/zw/'>政务公开</a></div>"
            f"<div class='content'><h1>{title}</h1><div class='article'>{''.join(f'<p>{b}</p>' for b in body)}</div>"
            "<div class='fj'><p>附件：</p><p><a href='/f/8977329.docx'>1.开学工作安全检查表.docx</a></p></div>"
            "<div class='tools'><a href='#'>打印本页</a> <a href='#'>关闭窗口</a></div></div></body></html>")
    text = clean(Document(html=html, url="http://www.example.gov.cn/jyj/gkmlpt/content/10/post_1.html")).text
    assert "附件：\n1.开学工作安全检查表.docx" in text and "打印本页" not in text
