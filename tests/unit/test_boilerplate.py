from cleaners import Document, Options, clean
from cleaners.steps.boilerplate import remove, settle_title

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。") * 4


def cleaned(raw: str, **kw):
    return clean(Document(text=raw, **kw))


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


def test_caption_lines_give_the_title_and_its_repetition_is_removed_from_the_body():
    raw = "某县教育局工作思路_第1页\n某县教育局工作思路_第2页\n某县教育局工作思路一、总体要求" + BODY
    r = cleaned(raw)
    assert r.title == "某县教育局工作思路" and r.text.startswith("一、总体要求")


def test_title_repeated_later_in_the_body_is_kept():
    title, text, _ = settle_title("年度总结", "年度总结\n正文第一段。\n年度总结\n正文第二段。")
    assert title == "年度总结" and text == "正文第一段。\n年度总结\n正文第二段。"


def test_title_line_and_its_repetitions_are_found_after_many_blank_lines():
    # settle_title splits only the head of the text; lines beyond it must still be reached
    text = "\n" * 40 + "年度总结\n\n" + "\n" * 30 + "年度总结\n正文第一段。"
    title, body, _ = settle_title("", text)
    assert title == "年度总结" and body == "正文第一段。"


def test_document_starting_with_a_sentence_gets_no_invented_title():
    r = cleaned(BODY)
    assert r.title == "" and r.rendered() == BODY + "\n"


def test_file_extension_and_site_badges_are_removed_from_titles():
    r = cleaned("【Word文档】 区教育局年度总结.docx\n" + BODY)
    assert r.title == "区教育局年度总结"


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


def test_compilation_count_and_page_number_are_not_part_of_the_title():
    for decorated in ("学校德育工作总结15篇", "学校德育工作总结范文(精选9篇)", "学校德育工作总结【经典3篇】",
                      "学校德育工作总结(2)"):
        r = cleaned(f"{decorated}\n{BODY}")
        assert r.title == "学校德育工作总结", decorated
    assert cleaned(f"散文第三篇\n{BODY}").title == "散文第三篇"


def test_page_title_gives_way_to_the_first_articles_own_numbered_heading_which_becomes_the_title():
    title, text, _ = settle_title("", "少先队工作计划8篇\n少先队工作计划8篇\n少先队工作计划篇1\n" + BODY)
    assert title == "少先队工作计划篇1" and text == BODY
    assert cleaned(f"少先队工作计划8篇\n少先队工作计划篇1\n{BODY}").rendered() == f"少先队工作计划篇1\n\n{BODY}\n"
    title, text, _ = settle_title("年度总结", "年度总结一、总体情况\n" + BODY)
    assert title == "年度总结" and text.startswith("一、总体情况")


def test_title_repetition_behind_chrome_the_line_model_drops_is_removed_too():
    r = cleaned(f"教育局控辍保学工作总结\n返回 下载 相关 举报\n教育局控辍保学工作总结 一、领导重视\n{BODY}")
    assert r.title == "教育局控辍保学工作总结" and r.text.startswith("一、领导重视")


def test_page_title_gives_way_to_the_bodys_own_wording_of_it_but_not_to_a_photo_caption():
    from cleaners.steps.boilerplate import yield_to_body_heading
    assert yield_to_body_heading("公务员期刊网 精选范文 教育工作要点范文", "第1篇:教育工作要点范文\n" + BODY)[:2] == \
        ("第1篇:教育工作要点范文", BODY)
    assert yield_to_body_heading("教育局上半年工作总结年", "上半年教育局帮建工作总结\n" + BODY)[:2] == \
        ("上半年教育局帮建工作总结", BODY)
    caption = "BOBO组合连赶通告 T台走秀擂台比舞"
    assert yield_to_body_heading(caption, "BOBO组合T台走秀\n" + BODY)[0] == caption
    assert yield_to_body_heading("年度总结", "一、总体情况\n" + BODY)[0] == "年度总结"
    assert yield_to_body_heading("年度总结", BODY)[0] == "年度总结"


def test_page_title_stays_over_a_first_line_naming_another_latin_word():
    from cleaners.steps.boilerplate import yield_to_body_heading
    text = "cmd 设置代理\n" + BODY
    assert yield_to_body_heading("window系统设置代理", text)[:2] == ("window系统设置代理", text)
    assert yield_to_body_heading("Windows系统设置代理", "windows 设置代理方法\n" + BODY)[0] == "windows 设置代理方法"


def test_an_issuing_organs_line_under_the_title_does_not_take_the_title():
    from cleaners.steps.boilerplate import yield_to_body_heading
    title = "万载县2022年国民经济和社会发展统计公报"
    text = "万载县统计局 国家统计局万载调查队\n（2023年5月）\n" + BODY
    assert yield_to_body_heading(title, text)[:2] == (title, text)
    # a heading that says the title's own words still takes it
    assert yield_to_body_heading(title, "2022年万载县国民经济和社会发展统计公报\n" + BODY)[:2] == \
        ("2022年万载县国民经济和社会发展统计公报", BODY)


def test_a_chain_of_wordings_of_the_title_gives_the_title_to_its_last_line_above_the_body():
    from cleaners.steps.boilerplate import yield_to_body_heading
    text = "上半年教育局帮建工作总结\n上半年教育局帮建工作总结报告\n" + BODY
    title, rest, _ = yield_to_body_heading("教育局上半年工作总结年", text)
    assert (title, rest) == ("上半年教育局帮建工作总结报告", BODY)
    assert yield_to_body_heading(title, rest)[:2] == (title, rest)      # a second run changes nothing
    # a page's heading, its intro's name for the document, the document's own heading
    title, rest, _ = yield_to_body_heading("2023教育工作要点", "2022教育工作要点\n2020年教育工作要点\n" + BODY)
    assert (title, rest) == ("2020年教育工作要点", BODY)
    # a chain that runs off the title's words leaves the title alone
    text = "上半年教育局帮建工作总结\n上半年帮建工作会议纪要\n" + BODY
    assert yield_to_body_heading("教育局上半年工作总结年", text)[:2] == ("教育局上半年工作总结年", text)


def test_a_parts_own_heading_takes_the_title_and_gives_way_to_no_line_below_it():
    from cleaners.steps.boilerplate import yield_to_body_heading
    below = "党支部书记培训教案\n" + BODY
    title, text, _ = yield_to_body_heading("党支部书记培训收获与感悟", "第一篇: 党支部书记培训收获与感悟\n" + below)
    assert (title, text) == ("第一篇: 党支部书记培训收获与感悟", below)
    assert yield_to_body_heading(title, text)[:2] == (title, text)
    for part, rewording in (("教育局年终工作总结1", "教育局年终工作总结报告"), ("少先队工作计划春 篇1", "少先队春季工作计划"),
                            ("【篇一】幼儿园工作计划", "幼儿园工作计划要点"), ("第1篇:教育工作要点范文", "教育工作要点")):
        assert yield_to_body_heading(part, f"{rewording}\n{BODY}")[0] == part


def test_first_line_left_after_the_model_drops_the_page_title_becomes_the_title_once():
    r = cleaned(f"返回 下载 相关 举报\n学生资助管理中心工作总结\n文档\n学生资助管理中心工作总结\n{BODY}")
    assert r.title == "学生资助管理中心工作总结" and r.text.startswith(BODY[:20])


def test_a_compilations_part_heading_is_not_taken_for_the_title():
    from cleaners.steps.boilerplate import yield_to_body_heading
    text = "【篇一】临溪县教育局2023年工作总结\n" + BODY + "\n【篇二】临溪县教育局2024年工作计划\n" + BODY
    assert yield_to_body_heading("2023年县教育局工作总结", text)[:2] == ("2023年县教育局工作总结", text)


def test_the_page_title_gives_way_to_a_lone_part_heading_that_rewords_it():
    from cleaners.steps.boilerplate import yield_to_body_heading
    text = "篇一:《幼儿园一学期工作计划》\n" + BODY
    assert yield_to_body_heading("幼儿园一学期工作计划", text)[:2] == ("篇一:《幼儿园一学期工作计划》", BODY)


def test_a_short_chrome_line_above_a_longer_unrelated_title_line_is_not_the_title():
    title, text, _ = settle_title("", "朗读\n苍教办函〔2011〕26号\n" + BODY)
    assert title == "苍教办函〔2011〕26号" and text == BODY
    title, text, _ = settle_title("", "述职报告\n2023年校长述职报告\n" + BODY)
    assert title == "述职报告"


def test_a_short_title_above_a_lone_title_like_line_with_nothing_below_stays_the_title():
    """A first cleaning's output `title` + one short body line: nothing below the second line
    makes it a title, so a second cleaning reads the two as the first one wrote them."""
    assert settle_title("", "工作总结\n\n县教育局2")[:2] == ("工作总结", "县教育局2")
    assert settle_title("", "2023年\n\n第一季度工作汇报")[:2] == ("2023年", "第一季度工作汇报")
    assert settle_title("", "朗读\n苍教办函〔2011〕26号\n" + BODY)[0] == "苍教办函〔2011〕26号"


def test_a_preview_page_number_before_the_titles_repetition_goes_with_it_but_list_numbering_stays():
    title, text, _ = settle_title("控辍保学工作总结", "1、控辍保学工作总结 一、领导重视\n" + BODY)
    assert text.startswith("一、领导重视")
    title, text, _ = settle_title("安全工作", "1、安全工作责任制落实到人\n" + BODY)
    assert text.startswith("1、安全工作责任制")


def test_an_intro_paragraph_above_the_title_line_is_not_the_body():
    intro = "学校工作计划是学校在一定时期内对教育教学工作的总体安排，它能使工作更有方向、更有条理。下面为大家带来一份学校工作计划，一起来看看吧。"
    title, text, changes = settle_title("", f"{intro}\n2024年春季学校工作计划\n{BODY}")
    assert title == "2024年春季学校工作计划" and text == BODY and changes[0].before == intro


def test_an_opening_sentence_above_a_share_bar_or_related_header_stays():
    opening = "为深入学习贯彻支部工作条例，进一步提升党支部工作水平，4月11日，东山实验小学党总支在录播教室召开党员大会集中学习条例，学校40余名党员教师参加了会议。"
    for chrome in ("评论  收藏  分享", "热门文章", "扫一扫，分享到朋友圈"):
        title, text, changes = settle_title("", f"{opening}\n{chrome}\n{BODY}")
        assert opening in text and not any(c.before == opening for c in changes)


def test_a_slogan_between_dashes_above_the_title_is_not_the_body():
    slogan = "-------------各类专业好文档,值得你下载,教育,管理,论文,制度,方案手册,应有尽有--------------"
    title, text, _ = settle_title("", f"{slogan}\n服务生岗位职责和流程标准\n{BODY}")
    assert title == "服务生岗位职责和流程标准" and text == BODY


def test_an_opening_paragraph_above_a_numbered_section_heading_stays():
    opening = "根据《中华人民共和国义务教育法》和上级有关文件精神，结合我市实际，现就2020年义务教育阶段学校招生入学工作提出如下意见，请各地认真贯彻落实。"
    text = f"{opening}\n01 / 指导思想\n{BODY}"
    assert settle_title("", text)[:2] == ("", text)


def test_title_furniture_comes_off_the_page_title():
    from cleaners.steps.boilerplate import clean_title
    assert clean_title("原标题:实现县域义务教育 均衡发展规划目标") == "实现县域义务教育 均衡发展规划目标"
    assert clean_title("第一篇 2023年学校安全工作总结及今后工作重点 2800字") == "第一篇 2023年学校安全工作总结及今后工作重点"
    assert clean_title("关于教育局工作总结范文") == "关于教育局工作总结"
    assert clean_title("作文500字") == "作文500字"


def test_an_intro_between_the_page_title_and_the_documents_heading_goes_with_the_page_title():
    from cleaners.steps.boilerplate import yield_to_body_heading
    intro = "工作总结是对一定时期内的工作加以总结、分析和研究，肯定成绩，找出问题，得出经验教训的书面材料，下面是一篇县教育局的年度工作总结。"
    assert yield_to_body_heading("教育局工作总结", f"{intro}\n2023年县教育局工作总结\n{BODY}")[:2] == \
        ("2023年县教育局工作总结", BODY)
    opening = "今年以来，我局认真贯彻落实上级各项决策部署，扎实推进教育改革发展，各项工作取得了明显成效，现将有关情况总结如下，请审阅并提出意见。"
    text = f"{opening}\n一、主要工作\n{BODY}"
    assert yield_to_body_heading("教育局工作总结", text)[:2] == ("教育局工作总结", text)


def test_a_news_lede_above_a_shorter_subheading_stays():
    from cleaners.steps.boilerplate import yield_to_body_heading
    lede = "在美国旧金山举行的中美元首会晤吸引了全世界的目光。多名外国专家告诉记者，中美合作共赢符合国际社会利益，美方应当采取更多行动。"
    text = f"{lede}\n中美合作共赢是大势所趋\n{BODY}"
    assert yield_to_body_heading("外国专家：中美合作共赢符合国际社会利益", text)[1] == text


def test_a_page_title_quoted_whole_in_book_title_marks_is_unwrapped_and_undecorated():
    from cleaners.steps.boilerplate import clean_title
    assert clean_title("《精选学校的教学工作计划(通用28篇)》") == "学校的教学工作计划"
    assert clean_title("《教育法》实施细则") == "《教育法》实施细则"


NEWS_CHROME = ["来源：中国新闻网", "本报记者 张三", "记者 张三 李四", "浏览次数：1234", "点击：382次",
               "（编辑：张三）", "(编译/林靖东)", "打印本页 | 关闭窗口", "【纠错】", "听新闻", "收藏本文", "A- A+", "字号：T|T",
               "声明：本文转载自其他媒体，不代表本站观点。", "图片来源：视觉中国", "标签：CPI 统计局"]


def test_news_bylines_counters_and_reader_widgets_on_lines_of_their_own_go():
    for chrome in NEWS_CHROME:
        text, _ = remove(f"{BODY}\n{chrome}\n{BODY}")
        assert chrome not in text, chrome


def test_lines_that_resemble_news_chrome_but_are_text_stay():
    for line in ["资料来源：国家统计局", "记者手记", "2018年10月9日", "作者：白居易", "他说，这并不代表公司的立场。",
                 "记者从国家统计局获悉，4月份全国居民消费价格同比上涨0.1%。", "来源于群众，服务于群众"]:
        text, _ = remove(f"{BODY}\n{line}\n{BODY}")
        assert line in text, line


def test_a_lone_more_button_and_a_headings_pinyin_line_go_but_prose_and_english_stay():
    for chrome in ["更多", "查看更多>>", "yè yǔ", "chūn xiǎo"]:
        text, _ = remove(f"{BODY}\n{chrome}\n{BODY}")
        assert chrome not in text, chrome
    for line in ["更多的人来到这里。", "see you later", "Café de Flore"]:
        text, _ = remove(f"{BODY}\n{line}\n{BODY}")
        assert line in text, line


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


def test_the_title_with_a_page_number_further_down_is_a_page_caption_and_goes():
    speech = "尊敬的各位领导、各位同事：\n" + BODY
    title, text, changes = settle_title("", f"校长年度述职报告(2)\n{speech}\n校长年度述职报告(2)\n{BODY}\n校长年度述职报告_第3页\n{BODY}")
    assert title == "校长年度述职报告" and text == f"{speech}\n{BODY}\n{BODY}"
    assert [c.after for c in changes].count("page caption") == 2


def test_the_title_said_again_further_down_without_a_page_number_stays():
    for later in ("校长年度述职报告", "校长年度述职报告(一)", "校长年度述职报告的说明"):
        text = f"{BODY}\n{later}\n{BODY}"
        assert settle_title("校长年度述职报告", text)[:2] == ("校长年度述职报告", text)


def test_a_sites_selling_words_after_the_title_are_not_part_of_it():
    from cleaners.steps.boilerplate import clean_title
    for decorated in ("教师工作总结精选(九篇)", "教师工作总结大全", "教师工作总结范文大全", "教师工作总结【精选】",
                      "教师工作总结(最新版)", "教师工作总结（word版）"):
        assert clean_title(decorated) == "教师工作总结", decorated
    for own in ("精选", "大全", "中华大全", "关于评选优秀教师的通知（最新修订稿）"):
        assert clean_title(own) == own


def test_the_heading_that_takes_the_title_goes_with_its_repetition_below():
    from cleaners.steps.boilerplate import yield_to_body_heading
    title, text, _ = yield_to_body_heading("教育局上半年工作总结年", "上半年教育局帮建工作总结\n上半年教育局帮建工作总结\n" + BODY)
    assert (title, text) == ("上半年教育局帮建工作总结", BODY)


def test_a_heading_said_twice_and_glued_to_the_body_becomes_the_title_once():
    from cleaners.steps.boilerplate import settle_title
    heading = "工作总结的概念与特点是什么"
    assert settle_title("", f"{heading}{heading}{BODY}")[:2] == (heading, BODY)
    assert settle_title(heading, f"{heading} {heading} {BODY}")[:2] == (heading, BODY)
    # a line opening with a word said twice is no title (too few distinct characters)
    assert settle_title("", "哈哈哈哈哈哈哈哈，" + BODY)[:2] == ("", "哈哈哈哈哈哈哈哈，" + BODY)


def test_a_header_line_of_site_channel_and_title_gives_way_to_the_title_said_alone_below_it():
    from cleaners.steps.boilerplate import settle_title
    text = "教育工作要点精选(九篇)\n教育工作要点\n" + BODY
    assert settle_title("公务员期刊网 精选范文 教育工作要点", text)[:2] == ("教育工作要点", BODY)
    # a title whose last words are no title on their own stays whole
    title = "某县教育局 2023年"
    assert settle_title(title, "2023年\n" + BODY)[0] == title


def test_a_first_line_that_cleans_down_to_no_title_is_not_taken_for_the_title():
    from cleaners.steps.boilerplate import settle_title
    text = "• 发布机构:丰泽区教育局\n" + BODY
    assert settle_title("", text)[:2] == ("", text)


def test_a_code_comment_is_no_title_and_no_rewording_of_one():
    from cleaners.steps.boilerplate.title import looks_like_title
    assert not looks_like_title("# 设置代理") and not looks_like_title("// 初始化配置")
    assert looks_like_title("cmd 设置代理")


def test_a_short_technical_note_whose_chinese_is_its_title_and_code_comments_is_kept_as_chinese():
    # the headings above the listing become the title; what stays is code with Chinese comments
    text = ("window系统设置代理\n以 猫猫 for windows 为例\ncmd 设置代理\n# 设置代理\n"
            "set http_proxy=http://127.0.0.1:59727 & set https_proxy=http://127.0.0.1:59727\n# 测试\n"
            "curl -v https://www.example.com\n# 恢复\nset http_proxy= & set https_proxy=\nUbuntu 设置代理\n# 设置代理\n"
            "export https_proxy=http://你的ip:59727\nexport http_proxy=http://你的ip:59727\nsource ~/.bashrc\n"
            "echo $https_proxy\n# 测试\ncurl -v https://www.example.com\n# 恢复代理\nexport https_proxy=\n"
            "export http_proxy=\nsource ~/.bashrc")
    r = clean(Document(text=text, title="window系统设置代理"), Options(min_chars=50))
    assert not r.flags["not_chinese"], (r.title, r.text[:80])


def test_a_line_can_clean_down_to_a_title_only_when_it_holds_the_titles_first_and_last_characters():
    """Cleaning a title only takes characters off (site names, `.docx`, `(2)`): a line lacking
    the folded title's first or last character is no repetition of it, without cleaning it."""
    from cleaners.steps.boilerplate.title import clean_title, fold_spaces, may_clean_to
    lines = ["2024年教育局工作总结_第2页", "《2024年教育局工作总结》", "2024年 教育局工作总结 - 某某文库",
             "VIP：2024年教育局工作总结.docx", "教育局工作总结", "一、指导思想", "", "  "]
    for line in lines:
        assert may_clean_to(line, fold_spaces(clean_title(line)))
    assert not may_clean_to("一、指导思想", "2024年教育局工作总结")
    assert may_clean_to("一、指导思想", "")


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


def test_a_given_title_that_a_second_cleaning_would_take_for_chrome_above_the_first_line_gives_way_to_it():
    """A caption's `年工作总结` (a title broken over two lines) above the body's `县教育局2024`:
    read again, the output's first line is page chrome above a longer title-like line."""
    title, text, changes = settle_title("年工作总结", "县教育局2024\n1.党建工作扎实推进。")
    assert (title, text.strip()) == ("县教育局2024", "1.党建工作扎实推进。")
    assert settle_title("", f"{title}\n\n{text}")[:2] == (title, text)
