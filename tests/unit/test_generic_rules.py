"""The generic rules added for the generality corpus: each drops a pattern real sites serve
(sites.md §1/§5.3) and leaves report lines that merely look like it."""
from cleaners import Document, clean
from cleaners.steps.boilerplate import clean_title
from cleaners.pipeline_width import fold

from between_paragraphs import BODY, assert_dropped_between_paragraphs, assert_kept_between_paragraphs, kept


def test_document_attribute_rows_go_to_metadata_and_leave_the_text():
    r = clean(Document(text=f"某县教育局工作总结\n格式:DOC | 页数:3 | 浏览:152 | 上传日期:2025-01-06\n{BODY}"))
    assert "页数" not in r.text and r.metadata["page_count"] == "3" and r.metadata["format"] == "DOC"
    assert r.metadata["date"] == "2025-01-06"


def test_a_single_key_value_sentence_in_a_report_is_not_an_attribute_row():
    line = "分类：按照学段分为小学、初中两个组别进行评比。"
    assert_kept_between_paragraphs(line)


def test_taodocs_trailer_glued_to_the_last_sentence_is_cut_but_the_sentence_stays():
    out = kept(f"{BODY}来自淘豆网www.taodocs.com转载请标明出处.")
    assert out == BODY


def test_download_and_login_prompts_are_dropped():
    assert_dropped_between_paragraphs("免费下载这篇文档", "【立即下载】", "会员登录下载", "合集下载")


def test_partial_preview_notice_is_dropped_and_flags_partial():
    r = clean(Document(text=f"某县工作思路\n{BODY}\n免责声明：本文档仅提供部分预览，全部文档请下载后查看。"))
    assert "预览" not in r.text and r.partial


def test_portal_navigation_and_pager_lines_are_dropped():
    assert_dropped_between_paragraphs("首页 | 机构概况 | 政务公开 | 办事服务", "上一页 1 2 3 下一页", "关 键 词: 教研 总结")


def test_fanwen_credit_line_gives_the_date():
    r = clean(Document(text=f"某校工作总结\n无忧文档网  时间:2024-01-12  阅读: 1286\n{BODY}"))
    assert "阅读" not in r.text and r.metadata["date"] == "2024-01-12"


def test_a_dated_sentence_in_the_body_is_not_a_credit_line():
    line = "检查时间：2024年2月19日至2月23日，由局领导带队。"
    assert line in kept(f"{BODY}\n{line}")


def test_editor_intro_with_xiamian_shi_is_dropped_but_a_report_saying_xiamian_is_kept():
    intro = "工作思路是对今后一个时期工作的总体谋划。下面是本站为大家带来的工作思路范文，希望能帮助到大家!"
    report = "下面，我将一年来的工作情况汇报如下。"
    assert kept(f"{intro}\n{report}\n{BODY}") == f"{report}\n{BODY}"


def test_site_info_blocks_after_the_text_are_cut_with_what_follows():
    raw = f"{BODY}\n配套讲稿:\n如PPT文件的首页显示word图标，表示该PPT已包含配套word讲稿。\n特殊限制:\n禁止商用。"
    assert kept(raw) == BODY


def test_bare_related_heading_is_dropped_even_when_too_little_text_came_before_to_cut_a_tail():
    assert kept("短短一段正文。\n相关推荐") == "短短一段正文。"


def test_known_site_names_are_removed_from_titles():
    for suffix in ("_文客久久", " - 道客巴巴", "-淘文阁", " - 原创力文档"):
        assert clean_title("县教育局2024年工作总结" + suffix) == "县教育局2024年工作总结", suffix


def test_timestamps_view_counters_app_prompts_and_spam_lines_are_dropped():
    assert_dropped_between_paragraphs("2024-11-21 12:56", "137人看过", "打开APP", "未登录", "******************************",
                   "欧美日韩一区二区三区高清不卡,亚洲综合一区二区精品久久")


def test_a_notices_own_date_and_a_sentence_about_views_are_kept():
    assert_kept_between_paragraphs("2024年11月21日", "2024-11-21", "全年共有1370人阅读了推荐书目，完成读书笔记2000余篇。")



def test_a_follow_us_qr_code_prompt_after_the_article_is_dropped_but_a_sentence_naming_a_qr_code_stays():
    prompt = "专注苹果新闻报道，每日推送最新苹果资讯。扫描下方二维码关注苹果汇官方微信(或微信中搜：appleinc2012)。"
    assert kept(f"{BODY}\n{prompt}") == BODY
    line = "群众可通过扫描二维码填写问卷，也可到社区服务中心现场办理相关手续。"
    assert_kept_between_paragraphs(line)


def test_a_bare_relay_dateline_line_is_dropped_but_a_dateline_opening_a_sentence_stays():
    assert kept(f"TNW中文站 10月14日报道\n{BODY}") == BODY
    line = "据中新网9月9日报道，针对外媒的相关报道，有关方面作出了回应。"
    assert line in kept(f"{line}\n{BODY}")


def test_a_reprint_notice_with_the_source_link_is_dropped():
    assert kept(f"{BODY}\n转载请注明:原文链接 - https://example.com/ancient_proses/21337") == BODY


def test_photo_credits_reprint_notices_and_investment_disclaimers_under_an_article_are_dropped():
    assert_dropped_between_paragraphs("新华社发（刘满仓摄）", "（记者 张三 摄）", "本作品采用《CC 协议》，转载必须注明作者和本文链接",
                 "声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。")


def test_a_sentence_that_mentions_a_photographer_or_investment_advice_stays():
    assert_kept_between_paragraphs("（图为张三摄于2019年的照片，展示了学校的新面貌，受到家长好评。）",
                 "专家提醒，网上流传的所谓内部消息并不可靠，投资者应当理性看待，审慎决策，这些说法不构成投资建议的依据，也不应作为买卖股票的理由。")


def test_slash_credit_lines_and_image_source_notes_are_dropped():
    assert_dropped_between_paragraphs("执笔/叨叨姐、胡一刀&李小飞刀", "文/张三 图/李四", "图片均来自网络")


def test_a_sentence_with_a_slash_or_about_web_images_stays():
    assert_kept_between_paragraphs("文/理科的录取分数线今年都有所提高，考生和家长普遍关心志愿填报的技巧。",
                 "图片来自网络的情况越来越多，学校要求学生在作业中注明每一张图片的出处，并说明使用的理由。")


def test_a_day_first_timestamp_line_is_dropped_but_a_day_first_date_alone_stays():
    assert kept(f"{BODY}\n04.06.2014  10:13\n{BODY}") == f"{BODY}\n{BODY}"
    assert "04.06.2014" in kept(f"{BODY}\n04.06.2014\n{BODY}")


def test_a_paywall_cut_between_ellipses_goes_and_the_sentences_around_it_stay():
    for cut in (" ……(某文网http://www.example.net省略680字,正式会员可完整阅读)…… ", "……此处隐藏15131个字……"):
        r = clean(Document(text=f"{BODY}\n改变以往“大水漫灌”的轮训形式,{cut}二是组织生活不实。{BODY}"))
        assert "形式,二是组织生活不实" in r.text and "省略" not in r.text and "隐藏" not in r.text, cut
        assert r.flags["partial"], cut
    line = "文章省略了一些细节……但是结论没有变化。"
    assert_kept_between_paragraphs(line)


def test_a_labelled_title_field_loses_its_label_and_its_trailing_bar():
    assert clean_title("标题:2024年上半年基层党支部建设工作总结 |") == "2024年上半年基层党支部建设工作总结"
    r = clean(Document(text=f"標題:2024年上半年基層黨支部建設工作總結 |\n2024年上半年基層黨支部建設工作總結 {BODY}"))
    assert r.title == "2024年上半年基层党支部建设工作总结" and r.text.startswith("过去一年")


def test_a_sites_welcome_or_slogan_line_is_dropped_but_a_sentence_about_a_service_stays():
    for chrome in ("正兴文秘网为您提供优质参考范文! 工作汇报 思想汇报 发言稿 主题教育 教案设计 对照材料",
                   "欢迎来到优发表网,发表咨询:400-888-9411"):
        assert kept(f"{chrome}\n{BODY}") == BODY, chrome
    line = "我局依托政务服务平台，为群众提供一站式办理服务，全年办件量同比增长百分之二十。"
    assert line in kept(f"{line}\n{BODY}")


def test_an_intro_handing_over_what_follows_for_reference_is_dropped_but_a_report_sentence_stays():
    intro = ("在教育领域中,教研工作是提升教学质量的重要环节。制定一份科学合理的教研工作计划显得尤为重要。"
             "以下是一份基于实际需求和长远目标的教研工作计划框架,供参考。")
    assert kept(f"{intro}\n{BODY}") == BODY
    line = "以下是我校本学期的主要做法和体会。"
    assert line in kept(f"{line}\n{BODY}")


def test_a_bare_position_breadcrumb_a_skip_link_and_an_emptied_font_size_row_are_dropped():
    assert_dropped_between_paragraphs("位置:首页 > 职场 > 述职报告", "跳至主要内容", "字体:【  】 【打印】", "字号:[ ]")
    assert_kept_between_paragraphs("位置：县城东部，交通便利。", "字体：宋体")


def test_a_timestamp_followed_by_source_and_author_fields_is_a_credit_line_but_a_dated_sentence_stays():
    credit = "2019-09-26 12:11来源：证券时报网作者：李在山"
    assert_dropped_between_paragraphs(credit)
    sentence = "2019-09-26，县教育局召开全县教育工作会议，部署来年重点工作。"
    assert_kept_between_paragraphs(sentence)


def test_breadcrumbs_worded_or_unlabelled_other_ways_are_dropped_but_arrows_in_a_sentence_stay():
    assert_dropped_between_paragraphs("您所在的位置：首页 > 新闻中心", "当前所在位置：教育动态", "网站首页 > 教育动态 > 工作动态",
                  "教育动态 > 工作动态 > 正文", "【字体：大 中 小】", "【字体：大 中 小】【打印】【关闭】")
    assert_kept_between_paragraphs("备课 > 上课 > 反思 > 再上课，是我们的教研路径。", "位置：县城东部，交通便利。")


def test_nav_bars_from_the_home_page_go_however_their_sections_are_separated():
    assert_dropped_between_paragraphs("主页丨范文大全丨工作总结丨行政公文丨更多", "网站首页 - 教育专区 - 总结汇报 - 登录 - 注册",
                "主页 演讲稿 教案设计 范文大全 更多>>", "主页 · 高等教育 · 总结汇报 · 教案设计 · …")


def test_a_sentence_about_a_home_page_stays():
    assert_kept_between_paragraphs("首页是一个网站的门面，设计时要注意简洁。", "主页，是我们的网站首页")


def test_where_the_text_was_copied_from_and_bare_site_addresses_go():
    assert_dropped_between_paragraphs("本文来自某某作文网，原文地址： http://m.example.com.cn/85310.html", "某某公文网m.example365.com",
                 "www.example.cn", "某某文秘网example.cc")


def test_a_sentence_naming_a_site_address_stays():
    line = "更多政策解读，请登录教育部门户网站www.moe.gov.cn查询。"
    assert_kept_between_paragraphs(line)


def test_a_printed_pages_number_alone_on_its_line_goes_but_a_reference_to_pages_stays():
    assert_dropped_between_paragraphs("- 7 -", "— 12 —", "—三—", "·2·", "第3页", "第 3 页", "第十三页", "—  第 2 页  —")
    assert_kept_between_paragraphs("第3页至第5页的内容", "1.5-2-3", "第三页的表格中列出了各校的名额。")


def test_a_site_named_as_the_texts_source_under_a_dash_goes_but_a_quotations_source_stays():
    assert_dropped_between_paragraphs("——来自云作文网", "——摘自千知识网", "—转自某某范文网")
    assert_kept_between_paragraphs("——摘自《人民日报》", "——来自一位老教师的心声")


def test_a_site_address_in_full_width_or_capital_letters_goes():
    # (the steps read full-width letters and digits as ASCII: pipeline_width folds them first)
    assert_dropped_between_paragraphs(*(fold(line, "")[0] for line in ("ＷＷＷ．ＷＥＮＫＵ．ＣＯＭ", "WWW.WK365.CC",
                                                                    "Ｍ．ＤＯＣＩＮ８８．ＣＮ", "ｗｗｗ．ｆａｎｗｅｎ365．ｃｏｍ")))
    assert_kept_between_paragraphs(*(fold(line, "")[0] for line in ("２０２４年，全区新建学校３所，新增学位２０００个。",
                                                                  "ＷＨＯ的报告显示，近视率逐年上升。")))


def test_related_headers_aggregator_credits_and_closing_download_prompts_go():
    assert_dropped_between_paragraphs("看了“学校德育工作总结”的人还看了……", "（文章来源于网络，由某某资料网编辑整理）",
                 "感谢您的阅读，此文档如对您有帮助，可下载编辑使用。")


def test_a_sentence_about_readers_or_sources_stays():
    assert_kept_between_paragraphs("看了这场演出的人都说好，大家纷纷表示受到了教育和鼓舞。", "感谢您的阅读和支持，我们会继续努力做好服务工作。",
                 "这些素材来源于网络，由各班学生自行搜集整理后在班会上交流。")


def test_a_row_of_site_utility_links_goes():
    assert_dropped_between_paragraphs("设为首页丨手机版丨网站地图丨联系我们", "联系我们 - 网站地图 - 设为首页", "登录 VIP 上传文档 我的文档 注册")


def test_paywall_prompts_worded_as_ended_previews_or_login_to_read_go():
    assert_dropped_between_paragraphs("试读已结束，如需继续阅读请付费", "免费预览已结束，剩余9页可下载查看", "剩余内容需登录后查看，马上登录>>")


def test_chrome_lines_in_wordings_other_sites_use_are_dropped():
    """Prev/next links, single upload fields, price and points buttons, preview limits, share
    prompts and action rows, filing numbers, empty counters and dash dividers, by their shape."""
    assert_dropped_between_paragraphs("上一篇文章：教育局年终工作总结", "下一条：没有了", "« 学校德育工作总结", "学校德育工作总结 »",
                   "资源大小： 624.97KB", "资源ID:7660190", "全文页数: 50页", "下载文档（11积分）",
                   "本文档售价: 5.3元丨已有526人下载", "温馨提示: 当前文档最多只能预览7页，完整内容请下载后查看",
                   "扫一扫，分享到朋友圈", "收藏丨评论丨举报", "打印 分享 评论 下载", "公安机关备案号：81456300034517",
                   "浏览次数:", "视力保护色:", "-" * 40, "-----各类专业好文档,值得你下载,应有尽有-----")


def test_report_lines_with_amounts_a_previous_lesson_or_a_framed_heading_are_kept():
    assert_kept_between_paragraphs("学校共有会员120人，会员费每人20元。", "购买图书2000元", "上一篇课文我们学习了朗读", "——记优秀教师张三",
                 "----- 第一章 总则 -----")


def test_a_portal_tool_row_with_a_script_or_language_switch_is_dropped():
    for row in ("信息报送 | 政务邮箱登陆 繁体版 ENGLISH", "无障碍 | 长者模式 | 简体版"):
        assert kept(f"{row}\n{BODY}") == BODY, row
    assert "学校开设语文 数学 英语 科学课程" in kept(f"学校开设语文 数学 英语 科学课程\n{BODY}")


def test_an_editor_intro_without_xiaobian_is_dropped_anywhere_but_a_report_sentence_is_kept():
    assert_dropped_between_paragraphs("本文是某某网为大家整理的学校工作计划，欢迎阅读与收藏，如有需要请下载。",
                  "下面是编辑精心整理的教研工作总结，供大家参考借鉴，希望可以帮助到有需要的朋友。",
                  "编者按：本文为某某网网友投稿的述职报告，内容仅供参考。")
    assert_kept_between_paragraphs("工会为大家准备了节日慰问品，受到教职工好评。", "编者按：这是一位乡村教师的来信。")


EXCERPT = "学校坚持以立德树人为根本任务，扎实推进课堂教学改革，教育教学质量稳步提升，得到了社会各界的广泛认可……"


def test_a_related_box_heading_with_a_more_link_cuts_the_excerpts_under_it():
    """The excerpts of a related box read as prose; its heading, however decorated, names them."""
    for heading in ("相关推荐>>", "猜你喜欢   更多", "延伸阅读：", "推荐阅读 更多>>", "大家都在看", "热门推荐"):
        raw = f"{BODY}\n{BODY}\n{heading}\n某校德育工作总结\n{EXCERPT}\n某县教研工作计划\n{EXCERPT}"
        assert kept(raw) == f"{BODY}\n{BODY}", heading


def test_a_comment_section_heading_with_its_count_cuts_the_comments():
    for heading in ("网友评论（12）", "全部评论 共8条", "最新评论：", "评论区", "精彩留言", "全部回复：", "留言板", "热评",
                    "观众留言（61）", "楼层回复 共8条"):
        raw = f"{BODY}\n{BODY}\n{heading}\n张** 2020-03-12 来自手机\n写得很好，很有参考价值，谢谢分享。"
        assert kept(raw) == f"{BODY}\n{BODY}", heading


def test_a_report_section_titled_with_reading_or_comments_is_not_a_tail():
    for heading in ("推荐阅读书目的落实情况", "教师评论与反思", "阅读推广", "专家点评", "学生留言", "家长回复"):
        raw = f"{BODY}\n{heading}\n{BODY}"
        assert kept(raw) == raw, heading


def test_a_gov_footer_naming_its_operators_or_address_and_postcode_is_dropped():
    assert_dropped_between_paragraphs("主办单位：某某县人民政府办公室　承办单位：某某县大数据中心",
                                      "地址：某某县人民路1号　邮编：336000　联系电话：0795-1234567",
                                      "承办单位：某某县大数据中心 技术支持：某某网络科技有限公司",
                                      "主办单位：城关区人民政府办公室　网站标识码：6201020001")


def test_a_gov_footer_with_its_fields_set_apart_by_bars_or_dots_is_dropped():
    assert_dropped_between_paragraphs("地址: 某某县府前街18号｜邮编： 571922 ● 电话: 0789-4644513",
                                      "地址：某某县文化路24号／邮编： 570947／电话： 0873-8016661",
                                      "主办单位： 某某区人民政府 ● 承办单位: 某某区信息中心",
                                      "技术支持： 某某数据服务有限公司")


def test_a_notice_contact_line_with_a_person_or_a_sentence_is_kept():
    assert_kept_between_paragraphs("联系人：张三　地址：某某县人民路1号　邮编：336000",
                                   "地址：某某县人民路1号，邮编：336000，请于5月10日前寄送材料。")


def test_a_repost_notice_that_the_rights_are_the_authors_and_we_delete_on_request_is_dropped():
    assert_dropped_between_paragraphs("声明：本文转载自网络，版权归原作者所有，仅供学习交流之用，如有侵权请联系我们删除。",
                                      "文章来源于网络，如有侵权请联系删除。")


def test_a_sites_statement_of_its_rights_is_dropped():
    assert_dropped_between_paragraphs(
        "本网站由城关区第一小学主办，网站内容仅供参考。凡本网注明“来源：城关区第一小学”的所有作品，版权均属于城关区第一小学，"
        "未经本网授权不得转载、摘编或利用其它方式使用上述作品。违反上述声明者，本网将追究其相关法律责任。",
        "未经本站书面许可，任何单位和个人不得转载、复制本站内容。")


def test_a_notices_attachment_line_naming_its_file_is_kept():
    # (both dev sets' golds keep a notice's `附件…`; the crawler also fetches the file as a document)
    assert_kept_between_paragraphs("附件：城关区中小学课后服务管理办法.pdf", "附件2：2024年秋季学期校历.docx")


def test_an_old_portals_credit_line_of_its_address_a_timestamp_and_a_paper_is_dropped():
    assert_dropped_between_paragraphs("http://www.sina.com.cn  2008年08月26日18:30  兰州晨报", "www.163.com 2010-05-12 09:21:05 来源")


def test_a_report_sentence_about_infringement_cases_is_kept():
    assert_kept_between_paragraphs("全年共查处侵权盗版案件12起，依法删除侵权链接356条，有力维护了著作权人的合法权益。")



def test_an_editor_line_under_the_title_goes_by_its_rule_and_the_heading_below_it_stays():
    # (left to the line model, the editor line took the short heading next to it along)
    first = ("绿树掩映下的贵门乡中心学校是一所富有特色的山区九年一贯制学校。学校现有教学班级12个,学生461人,"
             "教职工43人。初中在校生201人,初中部教职工总数17人。")
    for editor in ("责任编辑：张三", "编辑：李四"):
        result = clean(Document(id="a", url="https://county.example/a.html",
                                text=f"语言文字规范化自查报告 篇1\n{editor}\n学校概况介绍\n{first}"))
        assert result.text.split("\n") == ["学校概况介绍", first], editor


def test_a_publish_time_line_goes_but_a_plans_own_publish_time_duty_stays():
    from cleaners.steps.boilerplate import remove
    body = "各学校要结合实际制定课后服务实施方案，合理安排课后服务时间和内容，丰富课后服务形式。"
    for credit in ("发布时间：2024-09-02 10:21", "发布日期：", "更新时间：二〇二四年九月二日"):
        assert remove(f"{body}\n{credit}\n{body}")[0] == f"{body}\n{body}", credit
    duty = "发布时间：每月5日前在学校网站公布课后服务安排"
    assert duty in remove(f"{body}\n{duty}\n{body}")[0]
