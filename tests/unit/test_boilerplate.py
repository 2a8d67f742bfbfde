from cleaners import Document, Options, clean
from cleaners.steps.boilerplate import remove

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。") * 4


def cleaned(raw: str, **kw):
    return clean(Document(text=raw, **kw))


def assert_removed_between_paragraphs(lines):
    for line in lines:
        text, _ = remove(f"{BODY}\n{line}\n{BODY}")
        assert line not in text, line


def assert_kept_between_paragraphs(lines):
    for line in lines:
        text, _ = remove(f"{BODY}\n{line}\n{BODY}")
        assert line in text, line


def test_read_limit_prompt_is_removed_and_marks_the_document_partial():
    r = cleaned(f"某县教育局工作总结\n{BODY}\n已阅读5页,还剩3页未读, 继续免费阅读\n")
    assert "还剩" not in r.text and r.partial
    assert r.metadata["page_count"] == "8"


def test_complete_preview_notice_is_removed_without_marking_partial():
    r = cleaned(f"某县教育局工作总结\n{BODY}\n亲,该文档总共6页,全部预览完了,如果喜欢就下载吧!\n")
    assert "亲," not in r.text and not r.partial


def test_upload_header_goes_to_metadata_not_text():
    r = cleaned(f"标题\n上传人:b****1 文档编号:13580242 上传时间:2023-06-15 格式:DOCX 页数:6 大小:20.56KB\n{BODY}")
    assert "上传人" not in r.text
    assert r.metadata["format"] == "DOCX" and r.metadata["page_count"] == "6"
    assert r.metadata["date"] == "2023-06-15" and r.metadata["size"] == "20.56KB"


def test_rules_work_on_traditional_script_and_keep_mode_keeps_the_script():
    raw = f"縣教育局工作總結\n下載本文檔\n版權說明:本文檔由用戶提供並上傳\n{BODY}"
    r = clean(Document(text=raw), Options(script="keep"))
    assert "下載本文檔" not in r.text and "版權說明" not in r.text
    assert r.title == "縣教育局工作總結" and r.flags["script"] == "traditional"


def test_related_documents_tail_is_cut_but_not_when_it_comes_before_the_content():
    tail = "\n相关资源\n某某工作总结范文\n猜你喜欢\n"
    text, _ = remove(BODY + tail)
    assert text.strip() == BODY
    text, _ = remove("相关推荐\n" + BODY)
    assert BODY in text
    for heading in ("【教育局工作总结】相关文章：", "【工作总结】相关推荐"):
        text, _ = remove(BODY + f"\n{heading}\n全市教育系统安全工作会议召开，会议要求各级各类学校把安全放在首位。\n")
        assert text.strip() == BODY


def test_a_short_notice_loses_the_titles_under_its_related_box_too():
    """Less than TAIL_MIN_CONTENT characters of prose above the tail line, but none below it: the
    tail cuts (before, the header went as a line and the other documents' titles stayed)."""
    notice = "各中小学：\n为确保春季学期开学工作平稳有序，现就有关事项通知如下：\n学生于2月26日报到，27日正式上课。"
    text, _ = remove(f"{notice}\n相关文档\n2023年学校安全工作总结范文\n教师个人工作总结5篇\n")
    assert text.strip() == notice
    assert remove(text)[0] == text
    text, _ = remove(f"{notice}\n相关文档\n{notice}\n")          # prose below it: nothing is cut
    assert text.count(notice) == 2
    # another tail line (a credit) cuts no short text's heading and 落款 below it
    text, _ = remove(f"{notice}\n责任编辑：张三\n二、工作要求\n城关区教育局\n")
    assert "二、工作要求" in text and "城关区教育局" in text


def test_a_document_of_no_prose_loses_the_titles_under_its_related_box_too():
    """A phone list weighs nothing for the tail guard (no clause mark): its kept lines are what
    came before the box's heading."""
    phones = "城关区教育局各股室联系电话\n办公室 0791-87650001\n基础教育股 0791-87650002\n人事股 0791-87650003"
    text, _ = remove(f"{phones}\n相关文档\n2023年学校安全工作总结范文\n教师个人工作总结5篇\n")
    assert text.strip() == phones
    assert remove(text)[0] == text
    text, _ = remove("相关文档\n2023年学校安全工作总结范文\n")      # nothing before it: nothing is cut
    assert "2023年学校安全工作总结范文" in text


def test_chrome_without_prose_above_a_tail_line_does_not_let_it_cut_the_body():
    farm = " ".join(f"视频{k} 推荐{k} 关键词{k}01 文章{k}01" for k in range(1, 30))
    nav = "首页 | 工作总结 | 工作计划 | 心得体会 | 述职报告 | 演讲稿 | 范文大全 | 合同协议 | 教案设计"
    for chrome in (farm, "\n".join([nav] * 8)):
        text, _ = remove(f"{chrome}\n上一篇： 区教育局工作总结 | 下一篇： 工作总结的概念\n{BODY}")
        assert BODY in text


def test_a_tail_line_with_more_prose_below_than_above_cuts_nothing():
    opening, rest = f"{BODY}\n{BODY}", "\n".join([BODY] * 3)
    text, _ = remove(f"{opening}\n上一篇：没有了 · 下一篇：语言文字自查报告\n{rest}")
    assert opening in text and rest in text


def test_a_tail_line_passed_over_cuts_where_a_second_cleaning_would_once_a_later_tail_cuts():
    """温馨提示 with less prose below it than above, once 猜你喜欢 further down has cut the rest:
    cleaning the output again would cut at 温馨提示, so the first cleaning does."""
    opening, middle, rest = f"{BODY}\n{BODY}", BODY, f"{BODY}\n{BODY}"
    text, changes = remove(f"{opening}\n温馨提示\n{middle}\n猜你喜欢\n{rest}")
    assert text.strip() == opening
    assert remove(text)[0] == text
    assert [c.after for c in changes if c.after == "tail"] == ["tail"]


def test_price_and_customer_service_lines_are_removed():
    raw = f"{BODY}\n折扣价5.99米 (原价13.99米)\nVIP免费下载\n客服请联系:31998589@qq.com   微信:skillupvip\n"
    r = cleaned("标题\n" + raw)
    assert r.text.strip() == BODY


def test_editor_intro_on_fanwen_sites_is_removed():
    raw = "教育局工作总结\n以下是小编精心整理的教育局工作总结，希望对大家有所帮助。\n" + BODY
    assert cleaned(raw).text.strip() == BODY


def test_publish_line_of_government_sites_becomes_metadata():
    raw = "2022年度教育工作总结\n发布时间:2023-01-19 10:50 信息来源:辰溪县教育局\n" + BODY
    r = cleaned(raw)
    assert r.metadata["date"] == "2023-01-19" and r.metadata["source"] == "辰溪县教育局"
    assert "发布时间" not in r.text


def test_a_date_in_the_manifest_is_one_form_whatever_the_page_wrote_and_a_date_no_calendar_has_is_kept_as_text():
    for written, date in (("2019.10.30", "2019-10-30"), ("2024年3月8日 09:33", "2024-03-08"),
                          ("2023-06-04 12:41:57", "2023-06-04")):
        assert cleaned(f"标题\n发布时间:{written} 信息来源:某县教育局\n{BODY}").metadata["date"] == date
    r = cleaned(f"标题\n上传人:b****1 文档编号:7733 上传时间:2023-06-66 格式:DOCX 页数:9 大小:76.56KB\n{BODY}")
    assert "date" not in r.metadata and r.metadata["date_text"] == "2023-06-66"


def test_real_parenthesised_content_and_question_marks_survive():
    body = BODY + "\n(一)加强党的建设。是否可行?出台了《六项措施(试行)》。(a)项与(2023)年。"
    r = cleaned("标题\n" + body)
    assert "(一)加强党的建设。是否可行?出台了《六项措施(试行)》。(a)项与(2023)年。" in r.text


def test_long_editor_intro_about_the_genre_is_removed_but_a_report_naming_its_editors_is_kept():
    intro = ("总结是对某一阶段的工作、学习或思想中的经验或情况进行分析研究的书面材料，它可以帮助我们总结以往思想，"
             "发扬成绩，因此我们需要回头归纳，写一份总结了。以下是小编帮大家整理的学校德育工作总结，欢迎阅读与收藏。")
    text, _ = remove(intro + "\n" + BODY)
    assert text.strip() == BODY
    report = "本学期校报编辑部的小编们克服困难，按时出版校报十二期，受到师生好评。"
    assert remove(report + "\n" + BODY)[0].startswith(report)


NEWS_CHROME = ["来源：中国新闻网", "本报记者 张三", "记者 张三 李四", "浏览次数：1234", "点击：382次",
               "（编辑：张三）", "(编译/林靖东)", "打印本页 | 关闭窗口", "【纠错】", "听新闻", "收藏本文", "A- A+", "字号：T|T",
               "声明：本文转载自其他媒体，不代表本站观点。", "图片来源：视觉中国", "标签：CPI 统计局",
               "新浪声明：此消息系转载自新浪合作媒体，新浪网登载此文出于传递更多信息之目的，并不意味着赞同其观点或证实其描述。",
               # a government news item's credits in brackets, and a slash credit with its reviewer
               "（供稿：办公室 审核：王明）", "【初审：张三 复审：李四 终审：王五】", "文/张三 图/李四 审核/王五",
               # a blog's signature: where the post lives
               "出处：https://www.cnblogs.com/teacherli/", "原文链接：https://blog.csdn.net/x/article/details/1",
               # a BBS post's header and origin lines (水木 and the boards of its lineage)
               "发信人: laoli (教书匠老李), 信区: Teacher", "发信站: 水木社区 (Mon Sep  2 20:11:30 2024), 站内",
               "※ 来源:·水木社区 http://www.newsmth.net·[FROM: 123.45.67.*]", "※ 修改:·laoli 于 Sep  2 21:30:11 2024 修改本文·[FROM: 1.2.3.*]",
               # a WeChat account's prompt above its article and its END mark
               "点击上方蓝字 关注我们", "点击蓝字，关注我们", "- END -", "END",
               # prev / next links bracketed, as 前一篇/后一篇, a 上篇/下篇 pair; a site's search terms
               "【上一篇】关于印发2024年工作要点的通知", "【下一篇】校长的个人述职报告", "前一篇： 乡镇中心学校年度工作总结",
               "后一篇：推进义务教育均衡发展", "上篇：教育局工作计划｜下篇： 已是最后一篇", "热门搜索：述职报告 实习报告 年终总结",
               # credits with bars, an outlet's name before its reporter
               "文｜张明", "编辑 | 李华", "界面新闻记者 | 张明", "界面新闻编辑 | 李华"]


def test_news_bylines_counters_and_reader_widgets_on_lines_of_their_own_go():
    assert_removed_between_paragraphs(NEWS_CHROME)


def test_lines_that_resemble_news_chrome_but_are_text_stay():
    assert_kept_between_paragraphs(["资料来源：国家统计局", "记者手记", "2018年10月9日", "作者：白居易", "他说，这并不代表公司的立场。",
                 "记者从国家统计局获悉，4月份全国居民消费价格同比上涨0.1%。", "来源于群众，服务于群众",
                 "出处：《论语·学而》", "网址：https://www.moe.gov.cn/", "THE END OF AN ERA",
                 "上篇：理论与政策", "下篇 实践探索", "语文｜数学｜英语", "小记者 | 校园广播站"])


def test_a_lone_more_button_and_a_headings_pinyin_line_go_but_prose_and_english_stay():
    assert_removed_between_paragraphs(["更多", "查看更多>>", "yè yǔ", "chūn xiǎo"])
    assert_kept_between_paragraphs(["更多的人来到这里。", "see you later", "Café de Flore"])


def test_a_summary_behind_the_title_and_a_tag_row_goes_in_one_run():
    """The tag row hides the summary's leading title from the title step until it is gone; the
    title step runs again then, as a second run over the output would (cleaning is idempotent)."""
    notice = ("各县区教育局:\n为切实加强学校安全工作,保障师生生命财产安全,现就有关事项通知如下。\n"
              "一、提高认识。各校要把安全工作摆在首位，层层落实责任，确保不发生重大安全事故。")
    page = ("武威市教育局关于加强学校安全工作的通知\n学校\n教师\n安全\n"
            "武威市教育局关于加强学校安全工作的通知各县区教育局:为切实加强学校安全工作,保障师生生命财产安全,现就有关事项通\n"
            + notice)
    once = cleaned(page).rendered()
    assert once == f"武威市教育局关于加强学校安全工作的通知\n\n{notice}\n"
    assert cleaned(once).rendered() == once


def test_a_metadata_pattern_is_tried_only_on_lines_holding_its_literals_common_start():
    """`上传时间:`/`上传日期：` share `上传`: a line without it is not tested for each literal; the
    metadata read is what trying every pattern's literals gives."""
    from cleaners.profiles import generic
    from cleaners.steps.boilerplate.removal import _gated, _metadata_of
    from cleaners.steps.boilerplate.rules import rules_for
    rules = rules_for(generic())
    for (pattern, literals), (same, start, rest) in zip(rules.metadata, _gated(rules, "metadata")):
        assert same is pattern and all(lit.startswith(start) for lit in literals)
        assert rest == (() if len(literals) == 1 else literals)
    line = "上传人:b****1 文档编号:1234567 上传时间:2024-01-02 格式:DOCX 页数:6"
    found = {c.before: c.after for c in _metadata_of.__wrapped__(line, rules)}
    assert found == {"uploader": "b****1", "doc_number": "1234567", "date": "2024-01-02", "format": "DOCX",
                     "page_count": "6"}


def test_welcome_bars_watermarks_random_keys_and_disclaimers_go_in_any_site_s_name():
    assert_removed_between_paragraphs(["您好，欢迎来到中国文库！[登录]丨免费注册", "【第一资料网】www.example-ziliao.cn", "[优写作网]xuexi-example.com.cn",
                   "D7EDD20bd6020835B69a8f6676E4Ff3", "aD42fB99b172Da4D0dd5A", "u3 k$0 P(6 e#3 q)4",
                   "声明:本文内容由互联网用户自发贡献，本站不拥有所有权"])


def test_codes_dates_numbers_and_english_without_han_stay():
    assert_kept_between_paragraphs(["GB/T 2260-2007", "ISO9001", "2024-03-05", "12 34 56 78", "A1 B2", "Grade 3 Class 2",
                 "本站全体职工积极参加培训。", "x2 + y2 = z2", "20240305123456789"])


def test_a_site_or_we_offering_the_collected_samples_is_an_editor_intro():
    assert_removed_between_paragraphs(["学生班级管理制度怎么写？金文档网为你推荐5篇优秀范文，快来看看吧！",
                   "【导语】校长年度述职报告是大家经常需要写的，智慧知识网整理了相关范文，欢迎借鉴！",
                   "写作是一种表达，学校的教学工作计划也不例外。以下是我们整理的相关文章，希望能给您带来启发。"])
    assert_kept_between_paragraphs(["以下是我们整理的群众意见和建议：", "县教育网整理了全年的工作资料。", "我们收集整理了各校的典型经验。"])


def test_a_comment_section_under_a_reviews_or_post_a_comment_heading_is_cut_with_its_comments():
    for heading in ["用户评价（70）", "发表评论 共71条", "网友留言：", "网友评论"]:
        text, _ = remove(f"{BODY}\n{heading}\nb****3 说：写得很好，很有帮助\n匿名用户：谢谢分享")
        assert text.strip() == BODY, heading
    assert_kept_between_paragraphs(["教学评价", "评价"])


def test_a_page_counter_goes_however_its_two_halves_are_joined():
    assert_removed_between_paragraphs(["第4页共26页", "第 2页 共27页", "第4 页，共35页", "第 3 页 / 共 9 页"])


def test_prompts_to_download_or_pay_before_viewing_and_lowercase_random_keys_go():
    assert_removed_between_paragraphs(["此文档为VIP会员专享，请开通会员后查看", "提示：文档未显示完整，请下载查看", "提示： 本文仅展示部分内容，请下载查看",
                   "z0rxd25uif", "df8fphn7gza", "中国范文大全首发"])
    assert_kept_between_paragraphs(["具体名单请登录教育局网站查看。", "各校于3月5日前登录平台后查看通知。", "jyj2024", "covid19", "word2vec"])


def test_the_pages_own_address_under_a_label_goes_and_a_notices_contact_address_stays():
    assert_removed_between_paragraphs(["URL: http://jyj.demoxian.gov.cn/zfxxgknb/content/c3c8.html",
                                       "本文链接：https://www.example-wenku.cn/50648.html"])
    assert_kept_between_paragraphs(["网址：http://jyj.demoxian.gov.cn", "报名网址：https://bm.demoxian.gov.cn/"])


def test_a_first_paragraph_run_into_the_credit_line_stays_and_the_credits_go():
    """`发布时间：… .*` dropped the whole line, and the document's first paragraph with it."""
    lede = "2月22日上午，城关区2024年教育工作会议召开。会议总结了2023年全区教育工作，部署了2024年重点任务。"
    text, _ = remove(f"发布时间：2024-02-23 10:12 来源：城关区教育局 {lede}\n{BODY}")
    assert text.split("\n")[0].strip() == lede
    text, _ = remove(f"发布时间：2024-02-23 10:12 来源：城关区教育局{lede}\n{BODY}")    # no gap: the source runs on
    assert lede in text
    text, _ = remove(f"发布时间：2024-02-23 10:12 来源：城关区教育局\n{BODY}")          # a credit line alone goes whole
    assert text.strip() == BODY


def test_a_reading_sites_lines_inside_a_chapter_go_and_the_story_stays():
    assert_removed_between_paragraphs([
        "天才一秒记住本站地址：[笔趣阁]https://www.biqugex.com 最快更新！无广告！",
        "手机用户请浏览m.biqugex.com阅读，更优质的阅读体验。",
        "章节错误,点此报送(免注册), 报送后维护人员会在两分钟内校正章节内容,请耐心等待。",
        "本章未完，请点击下一页继续阅读"])
    assert_kept_between_paragraphs(["“记住，本站是我们最后的补给点。”老人说。", "手机用户越来越多，学校开设了信息素养课。"])


def test_a_posts_time_with_where_it_was_sent_from_and_a_source_with_its_time_go():
    assert_removed_between_paragraphs(["2024年08月26日 18:30:12  来自 甘肃省", "城关教育 2024-08-26 18:30 发布于甘肃",
                                      "2024-08-26 18:30 发布于：甘肃省", "2024-08-26 18:30 甘肃", "央视网 | 2024年08月26日 18:30:12",
                                      "城关区人民政府门户网站 长者模式 无障碍浏览"])
    assert_kept_between_paragraphs(["2024年8月26日 18:30 在甘肃省兰州市召开全省教育工作会议。", "2024年8月26日",
                                   "报到时间：2024-09-01 08:30 北京饭店", "2024-09-01 08:30 北京饭店报到"])


def test_a_statuss_time_with_the_client_it_was_sent_from_goes():
    assert_removed_between_paragraphs(["8-26来自 iPhone客户端", "8月26日 18:30 来自 微博 weibo.com", "3小时前 来自 HUAWEI Mate 60",
                                      "昨天 18:30 来自 微博视频号"])
    assert_kept_between_paragraphs(["来自全区各校的200名教师参加了培训。", "8月26日，来自全区各校的200名教师参加了开学培训。"])


def test_a_wechat_pages_own_words_copied_with_its_article_go():
    assert_removed_between_paragraphs(["原创", "微信扫一扫 关注该公众号", "继续滑动看下一个", "轻触阅读原文", "知道了",
                                      "使用小程序", "取消 允许", "预览时标签不可点",
                                      "：，。视频小程序赞，轻点两下取消赞在看，轻点两下取消在看分享留言收藏听过"])
    assert_kept_between_paragraphs(["原创作品展评", "知道了这些，我们就能更好地开展工作。"])



def test_a_row_of_topic_tags_alone_goes_but_a_line_mentioning_a_topic_stays():
    body = "城关区教育局召开秋季开学工作部署会，全面部署新学期教育教学和校园安全工作。"
    text, _ = remove(f"{body}\n#开学季# #校园安全#\n{body}")
    assert "#开学季#" not in text and text.count(body) == 2
    kept = "网友在#开学季#话题下分享了孩子入学的照片，阅读量超过一万次。"
    assert kept in remove(f"{body}\n{kept}")[0]


def test_an_app_bars_name_and_open_button_go_but_an_instructions_open_stays():
    assert_removed_between_paragraphs(["澎湃新闻 App内打开", "网易新闻 打开"])
    assert_kept_between_paragraphs(["双击 打开", "文件 打开方式说明"])


def test_a_feed_under_its_for_you_label_is_cut_with_its_excerpts():
    feed = "\n为你推荐\n全市第1批示范校名单公布\n近日，市教育局公布了第1批示范校名单，全市共有30所学校入选。\n城关融媒 · 1小时前"
    text, _ = remove(BODY + feed)
    assert text.strip() == BODY and "示范校" not in text


def test_a_self_media_platforms_statement_and_its_english_twin_go():
    assert_removed_between_paragraphs([
        "特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。",
        "Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao."])
    assert_kept_between_paragraphs(["本馆仅提供信息查询，不提供借阅服务，请读者到各分馆办理。"])


def test_a_comment_sections_heading_with_its_bare_count_or_its_placeholder_cuts_the_tail():
    for heading in ("跟贴 12", "评论 5", "文明上网，理性发言"):
        text, _ = remove(BODY + f"\n{heading}\n写得真好，学校的安全工作就是要这样抓。\n")
        assert text.strip() == BODY, heading


def test_an_accounts_follow_button_counts_and_a_blogs_post_lines_go():
    assert_removed_between_paragraphs([
        "关注", "城关融媒 关注", "+关注", "粉丝 - 23 关注 - 5", "城关融媒 粉丝：2345 文章：123",
        "总资产12共写了4.5W字获得86个赞共23个粉丝", "12 人赞同了该文章", "发布于 2024年9月8日  作者 老李",
        "下一篇 浅谈小学高年级学生的心理辅导", "»  下一篇： 浅谈小学高年级学生的心理辅导",
        "您的电子邮箱地址不会被公开。 必填项已用*标注", "文章标签： 班主任 教育"])
    assert_kept_between_paragraphs([
        "全区上下高度关注“双减”工作落实情况。", "该账号粉丝达到10万人，成为全市教育系统影响力最大的政务新媒体。",
        "本通知发布于2024年9月8日，自发布之日起施行。"])


def test_a_blogs_comments_under_their_count_are_cut():
    text, _ = remove(BODY + "\n《谈谈新学期班主任工作的几点体会》有2条评论\n张老师 2024年9月9日 上午8:12\n写得很实在，第二点特别认同。\n")
    assert text.strip() == BODY


def test_a_gov_sites_header_greeting_a_stylesheet_shown_as_text_and_a_barred_font_row_go():
    assert_removed_between_paragraphs([
        "城关区人民政府 今天是：2024年8月26日 星期一", ".TRS_Editor P{margin-top:5px;line-height:2;font-size:16px;}",
        "2024-08-26 10:21 来源：城关区教育局 字体：大  | 中  | 小"])
    assert_kept_between_paragraphs(["今天是2024年8月26日，全区中小学迎来了新学期开学第一天，各校举行了开学典礼。",
                                    "公式 f(x){x>0} 表示函数在正数上的取值。"])


def test_related_manuscripts_under_their_label_are_cut():
    text, _ = remove(BODY + "\n相关稿件\n教育部关于做好2024年秋季学期开学工作的通知\n")
    assert text.strip() == BODY


def test_a_chapters_author_note_after_it_is_cut():
    text, _ = remove(BODY + "\n作者有话要说：\n感谢各位读者的支持，本章是新卷的开始，求推荐票、求月票！\n")
    assert text.strip() == BODY


def test_a_row_of_the_readers_tools_alone_goes():
    assert_removed_between_paragraphs(["打印网页  网摘  纠错  商城  分享  推荐  字号", "【字号 大  中  小 】  【我要打印 】 【我要纠错 】",
                                      "【评论】【收藏此页】【大 中 小】【打印】【关闭】", "分享到 收藏 打印", "回应 推荐 喜欢 收藏 3人喜欢 2人推荐"])
    assert_kept_between_paragraphs(["大中小学校长推荐名单", "分享 推荐 评论：我校开展读书分享活动",
                                   "收藏家推荐的打印作品"])


def test_a_blog_posts_category_and_tags_row_goes():
    assert_removed_between_paragraphs(["分类 班主任工作  标签 开学 、班级管理", "分类：教育随笔 标签：开学"])
    assert_kept_between_paragraphs(["分类指导 标签管理", "按学段分类，标签为开学的文章共12篇。"])


def test_a_link_to_the_comments_after_the_last_sentence_comes_off_it():
    text = remove(f"{BODY}\n8月26日消息，教育部今日发布通知，要求各地推进中小学人工智能教育。 [查看评论]\n{BODY}")[0]
    assert "查看评论" not in text and "要求各地推进中小学人工智能教育。" in text


def test_a_pager_in_any_of_its_shapes_goes():
    assert_removed_between_paragraphs(["[1] [2] [3] [下一页]", "1 2 3 下一页 尾页", "分页：1 2 3", "12345下一页",
                                      "第1页 第2页 第3页", "点击进入下一页", "共3页：1 2 3 下一页"])
    assert_kept_between_paragraphs(["1、下一页工作安排", "2、第3页表格中的数据有误，请以附件为准。"])


def test_a_sites_counters_welcome_prompts_and_statements_go():
    assert_removed_between_paragraphs([
        "您是第123456位访客", "网站访问量：1234567", "在线人数：12", "本页面已被访问 1234 次", "保护视力色：",
        "建议使用1024*768分辨率，IE8.0以上浏览器", "欢迎您访问城关区教育局网站", "如果您觉得本文有用，请分享给您的朋友",
        "觉得不错，点个“在看”吧", "赞(0)", "转载请注明：城关教育网 » 城关区教育局召开秋季开学工作部署会",
        "声明：本文由入驻作者编辑撰写，除官方账号外，观点仅代表作者本人",
        "声明：转载此文是出于传递更多信息之目的。若有来源标注错误或侵犯了您的合法权益，请作者持权属证明与本网联系，我们将及时更正、删除，谢谢。",
        "本文关键词：开学 部署会", "关注我们", "在线咨询", "意见反馈", "二维码", "官方微博", "最后更新：2024-08-26", "点击图片进入下一页",
        "• 郑州外资企业服务中心微信公众号", "城关教育官方微博"])
    assert_kept_between_paragraphs([
        "声明：本单位从未委托任何机构或个人代为办理招生事宜，请广大家长提高警惕。", "欢迎各位家长来到城关一中参加开放日活动。",
        "关键词：家校共育；协同育人", "全校共有学生2300人，其中在线学习人数：120人。", "关注我们学校的发展，就是关注孩子的未来。",
        "报名方式：关注城关区教育局微信公众号"])


def test_a_document_sites_price_counts_rating_and_related_headings_go():
    assert_removed_between_paragraphs(["文档价格：5.00元", "字数：3256", "评分：4.8", "本文已影响123人", "（可编辑版）", "【推荐】",
                                      "你可能感兴趣的", "大家正在看", "最近更新"])
    assert_kept_between_paragraphs(["字数：3000字以内，须为原创作品。", "评分：5分", "3. 字数：800字", "最近更新的课程表见附件。"])


def test_a_document_files_edition_note_and_study_use_watermark_go_alone_on_their_line():
    assert_removed_between_paragraphs(["（word版可编辑）", "～可编辑版～", "可编辑可修改", "仅供个人学习使用，禁止转载",
                                      "学习资料分享，请勿商用", "仅供参考"])
    assert_kept_between_paragraphs(["本方案仅供个人学习使用，不得用于商业用途。", "表格可编辑，请按实际填写。"])


def test_a_government_pages_badges_statements_share_widget_and_bare_metadata_go():
    assert_removed_between_paragraphs(["主题分类：教育", "有效性：有效", "网站标识码：6201020001", "网站支持IPv6", "政府网站找错",
                                      "党政机关", "English", "本网站由城关区人民政府办公室主办", "城关区教育局 版权所有",
                                      "微信里点“发现”，扫一下", "二维码便可将本文分享至朋友圈。", "编审：赵刚", "摄影：张燕", "(来源：兰州日报)"])
    assert_kept_between_paragraphs(["有效性：本通知自印发之日起施行，有效期五年。", "摄影：是学生最喜爱的社团活动之一，今年新增会员120人。",
                                   "（来源：据国家统计局数据，全国共有学校50万所。）"])


def test_a_blogs_creative_commons_licence_line_goes():
    assert_removed_between_paragraphs(["本文由 老李 创作，采用 知识共享署名4.0 国际许可协议进行许可",
                                      "许可协议：署名-非商业性使用-相同方式共享 4.0 国际 (CC BY-NC-SA 4.0)"])
    assert_kept_between_paragraphs(["学校与软件公司签订了软件许可协议，期限三年。"])


def test_a_blogs_engine_tag_row_and_counts_go():
    assert_removed_between_paragraphs(["Powered By Valine v1.5.1", "由 Hexo & NexT.Gemini 强力驱动", "# 班主任 # 家校沟通", "#班主任 #家校沟通",
                                      "字数总计: 1.2k | 阅读时长: 3分钟 | 阅读量: 128", "本文字数： 1.2k 阅读时长 ≈ 2 分钟"])
    assert_kept_between_paragraphs(["由要素驱动向创新驱动转变", "每天阅读时长不少于30分钟。", "#3 号楼 #5 号楼的维修已完成。"])
