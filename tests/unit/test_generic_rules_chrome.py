"""The generic rules for the chrome kinds of tools/text_chrome_more.py (sites.md §5.3): upload
rows in other labels and orders, facts rows, action bars with counts, price and VIP lines with
the amount first, members-only tails in other wordings, Latin page numbers, anti-scrape filler,
breadcrumbs in other forms.  Each test drops the chrome between two report paragraphs and keeps
a report line that looks like it."""
from between_paragraphs import assert_dropped_between_paragraphs as assert_dropped
from between_paragraphs import assert_kept_between_paragraphs as assert_kept
from between_paragraphs import BODY, kept


def test_upload_rows_in_other_labels_and_orders_are_dropped_but_a_sentence_with_a_label_stays():
    assert_dropped("文件格式: PDF - 文件大小：2.28MB 下载次数：983", "上传者：文库用户 | 上传时间：2021-03-04 | 浏览次数：88",
                   "文档分类： 党团工作 / 文档标签：基层党支部建设工作总结", "资料大小：196KB", "资料类别: 教育专区",
                   "贡献者：b****3", "上传于: 2013/2/6", "b****3 分享于 2020-05-01")
    assert_kept("文件类型：按照上级要求，分为请示、报告、通知三类。")


def test_a_facts_row_of_pages_sizes_and_dates_is_dropped_but_a_period_of_dates_stays():
    assert_dropped("13页 | 2.66MB | 2018/1/5", "b****3  2015/4/19  8页", "1234阅读 | 12下载", "DOCX 丨 12页 丨 236KB")
    assert_kept("2020年1月1日-2020年12月31日", "全年共组织培训12次，参训教师860人次。")


def test_a_related_entry_with_its_format_tag_is_dropped_but_a_file_name_stays_for_the_title_steps():
    assert_dropped("[DOC] 小学校长述职报告", "[PDF]教育局工作要点")
    assert_kept("实验小学2023年度工作总结.docx")
    assert_kept("附件为《学校安全工作总结》，请各校认真对照。")


def test_an_action_bar_with_counts_is_dropped():
    assert_dropped("收藏(567) 举报(474)", "点赞(796)｜分享(205)", "下载 12  收藏 3  点赞 45")
    assert_kept("分享经验，收藏成果，是教研组的一项常规工作。")


def test_price_lines_with_the_amount_first_or_for_members_are_dropped_but_a_fee_sentence_stays():
    assert_dropped("会员免费 非会员¥15", "￥10.00 会员价：￥8.10", "价格：5积分 | 会员免费", "会员专享文档 · 限时特惠",
                   "此文档下载收益归作者所有", "¥12.3 | 购买文档")
    assert_kept("会员费每人20元。", "会员价格按照每人每年20元收取，由工会统一缴纳。")


def test_members_only_tails_in_other_wordings_are_dropped_but_a_notice_pointing_to_a_website_stays():
    assert_dropped("以上为文档预览，完整内容请下载", "本文为付费内容，购买后可阅读全文", "点击展开全文▼",
                   "全文共3200字，阅读需要8分钟", "此文档为VIP会员专享，开通后可阅读全文")
    assert_kept("具体内容请登录县教育局网站查看全文。")


def test_latin_page_numbers_and_anti_scrape_filler_are_dropped():
    assert_dropped("Page 3", "page 2 of 9", "m_fanwen_com", "ＪＥＨＪ■", "某某范文网（www.fanwen8.com）", "华夏公文网版权所有",
                   "本文由中国作文网收集整理，转载请保留")
    assert_kept("本文由县教育局办公室起草，经局党组会议审议通过。")


def test_breadcrumbs_in_other_forms_are_dropped_but_a_flow_of_steps_stays():
    assert_dropped("您现在的位置是: 启航资料网 / 教育教学 / 心得体会", "当前：首页 > 工作总结 > 述职报告",
                   "中国公文网→范文大全→行政公文→述职报告", "华夏资料网 ＞ 实用文档 » 教育专区 » 正文",
                   "文库首页 -> 教育专区 -> 工作计划")
    assert_kept("申请→受理→审查→决定→送达", "学校 > 年级 > 班级三级管理网络已经建立。")


def test_a_trail_of_names_under_arrows_no_sentence_uses_or_from_an_office_is_a_breadcrumb():
    assert_dropped("南湖区市场监督管理局 ▸ 信息公开 ▸ 政策解读", "首　页 ＞ 公众参与 ＞ 工作动态 ＞ 政策文件",
                   "临江县人民政府办公室＞＞政务公开＞＞公众参与", "清河县财政局→ 政务公开→ 政策解读",
                   "导航：金写作网 › 资格考试", "所在频道：国内 >>> 详情页", "所属栏目：体育 › 国际")
    assert_kept("学生申请→班主任审核→学校公示", "路径：以课堂教学改革为抓手，推动教师专业发展。",
                "《中华人民共和国教育法》《中华人民共和国教师法》")


def test_a_date_greeting_and_a_sites_customer_hotline_go_but_a_notices_contact_line_stays():
    assert_dropped("今天是2020.09.03 星期四  农历七月十六", "今天是2012-08-10 星期五",
                   "客服热线:400-274-1711  |  周一至周五 8:30-17:30", "客服热线: 400-144-2608｜7×24小时在线")
    assert_kept("咨询电话：0931-8123456", "监督举报热线：0931-8765432（工作日 8:30-17:30）")


def test_a_related_box_headed_by_selected_samples_goes_with_its_entries():
    out = kept(f"{BODY}\n{BODY}\n精选范文：\n小学校长述职报告\n2页 | 23KB | 2023-05-01\n教育局工作要点")
    assert out == f"{BODY}\n{BODY}"
