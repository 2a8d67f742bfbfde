"""How the document's title is chosen and cleaned: page title, captions, headings that reword it, chrome
above the body, and the title said again further down (split off test_boilerplate.py)."""
import pytest

from cleaners import Document, Options, clean
from cleaners.steps.boilerplate import settle_title

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。") * 4


def cleaned(raw: str, **kw):
    return clean(Document(text=raw, **kw))


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
    for badge in ("丨星火写作网", " ｜ 优范文网", " - 公文资料网"):
        r = cleaned(f"区教育局年度总结{badge}\n" + BODY)
        assert r.title == "区教育局年度总结" and badge.strip(" 丨｜-") not in r.text, badge


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


def test_a_subtitle_below_the_title_is_no_heading_of_the_body_to_take_it():
    from cleaners.steps.boilerplate import yield_to_body_heading
    for subtitle in ("——以湖北省义务教育发展现状为例", "---以湖北省义务教育发展现状为例"):
        text = f"{subtitle}\n{BODY}"
        assert yield_to_body_heading("推进义务教育均衡发展:现状与对策", text)[:2] == ("推进义务教育均衡发展:现状与对策", text)
    # nor chrome between the title and the heading below it
    text = "---学校心理健康教育工作总结(2025年春季学期)\n目录\n《心海导航·成长赋能·未来可期》\n" + BODY
    assert yield_to_body_heading("心海导航·成长赋能·未来可期", text)[1].startswith("---学校心理健康教育工作总结")


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


@pytest.mark.parametrize("intro, heading", [
    # naming the title's words
    ("学校工作计划是学校在一定时期内对教育教学工作的总体安排，它能使工作更有方向、更有条理。下面为大家带来一份学校工作计划，一起来看看吧。",
     "2024年春季学校工作计划"),
    # naming the kind of document it is, and no other word of it
    ("总结是对过去一定时期的工作进行回顾和分析的书面材料，它为我们接下来的工作指明了方向。写总结要注意客观公正，实事求是，切忌空话套话。",
     "教育局年工作总结篇一"),
    # naming the title cut short
    ("时光飞逝，转眼一个学期就过去了，又到了写昌黎县人民政府关于统筹推进县域的时候。为了帮助大家理清思路，某某秘网特别准备了以下内容。",
     "昌黎县人民政府关于统筹推进县域内城乡义务教育一体化改革发展的实施意见"),
    # a short sentence wrapped around the title
    ("你还在为写2021年学生资助管理中心工作总结发愁吗？别担心，这几篇参考范例一定能帮到你！", "2021年学生资助管理中心工作总结"),
])
def test_a_sites_intro_above_the_title_line_is_neither_the_title_nor_the_body(intro, heading):
    title, text, changes = settle_title("", f"{intro}\n{heading}\n{BODY}")
    assert title == heading and text == BODY and changes[0].before == intro


def test_the_documents_first_paragraph_above_a_heading_of_its_body_is_no_intro():
    # it shares a word or two with the heading below it; an intro names most of the title's words
    first = "自10月1日起，我国进入了学前教育宣传月。在这个月份里，全国各地开展了一系列的活动，旨在提高公众对学前教育的认识和重视程度。"
    title, text, changes = settle_title("", f"{first}\n活动概述\n{BODY}")
    assert title == "" and text == f"{first}\n活动概述\n{BODY}" and changes == []


def test_a_notices_sentence_naming_the_document_it_sends_in_book_marks_stays_above_it():
    opening = "现将《城关区教育局2024年工作要点》印发给你们，请认真贯彻执行。"
    title, text, changes = settle_title("", f"{opening}\n城关区教育局2024年工作要点\n{BODY}")
    assert not any(c.before == opening and c.after == "page chrome above the title" for c in changes)


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
    assert clean_title("标  题: 新学期班主任怎么和家长沟通") == clean_title("标题：新学期班主任怎么和家长沟通") == "新学期班主任怎么和家长沟通"
    assert clean_title("第一篇 2023年学校安全工作总结及今后工作重点 2800字") == "第一篇 2023年学校安全工作总结及今后工作重点"
    assert clean_title("关于教育局工作总结范文") == "关于教育局工作总结"
    assert clean_title("作文500字") == "作文500字"


def test_a_personal_feeds_name_is_no_title_but_a_title_ending_in_its_words_is():
    from cleaners.steps.boilerplate import clean_title
    assert clean_title("城关老李的广播") == clean_title("城关融媒的微博") == clean_title("城关老李 的个人主页") == ""
    assert clean_title("秋季开学工作部署会 城关融媒的微博") == "秋季开学工作部署会"
    assert clean_title("拓展学生成长的空间") == "拓展学生成长的空间"
    assert clean_title("校园里的广播声") == "校园里的广播声"


def test_a_poem_sites_offer_after_the_poems_name_comes_off_and_a_title_about_translation_stays():
    from cleaners.steps.boilerplate import clean_title
    assert clean_title("静夜思原文、翻译及赏析") == clean_title("静夜思拼音版") == "静夜思"
    assert clean_title("春晓原文及翻译") == "春晓"
    assert clean_title("英语翻译") == "英语翻译" and clean_title("诗歌鉴赏") == "诗歌鉴赏" and clean_title("出师表原文") == "出师表原文"


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
    from cleaners.steps.title_lines import looks_like_title
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
    from cleaners.steps.boilerplate.title import clean_title, may_clean_to
    from cleaners.steps.title_lines import fold_spaces
    lines = ["2024年教育局工作总结_第2页", "《2024年教育局工作总结》", "2024年 教育局工作总结 - 某某文库",
             "VIP：2024年教育局工作总结.docx", "教育局工作总结", "一、指导思想", "", "  "]
    for line in lines:
        assert may_clean_to(line, fold_spaces(clean_title(line)))
    assert not may_clean_to("一、指导思想", "2024年教育局工作总结")
    assert may_clean_to("一、指导思想", "")


def test_a_given_title_that_a_second_cleaning_would_take_for_chrome_above_the_first_line_gives_way_to_it():
    """A caption's `年工作总结` (a title broken over two lines) above the body's `县教育局2024`:
    read again, the output's first line is page chrome above a longer title-like line."""
    title, text, changes = settle_title("年工作总结", "县教育局2024\n1.党建工作扎实推进。")
    assert (title, text.strip()) == ("县教育局2024", "1.党建工作扎实推进。")
    assert settle_title("", f"{title}\n\n{text}")[:2] == (title, text)


def test_the_bodys_heading_taking_the_title_takes_its_own_decorated_repetition_below_it_too():
    """`标题` above `标题 篇1` above `标题 篇1（可编辑）`: the part heading becomes the title, and its
    repetition goes as a second run over the output (reading `标题 篇1` first) takes it."""
    body = "学校现有教学班级12个，学生461人，教职工43人，各项工作稳步推进。"
    title, text, _ = settle_title("语言文字规范化自查报告",
                                  f"语言文字规范化自查报告 篇1\n\n语言文字规范化自查报告 篇1（可编辑）\n\n{body}")
    assert title == "语言文字规范化自查报告 篇1" and text.strip() == body


def test_a_caption_above_the_title_is_page_chrome_however_many_blank_lines_stand_between():
    """`学校名称` above the document's title, with the blank lines dropped rows left between them
    (the output folds them into one, and a second run reads the caption as chrome): chrome."""
    body = "为推进全区教育体育事业科学发展，根据有关规划纲要，结合本区实际，制定本规划。"
    heading = "市南区教育体育事业发展第十三个五年规划"
    title, text, changes = settle_title("", "\n".join(["学校名称", *[""] * 12, heading, "", body]))
    assert title == heading and text.strip() == body
    assert ("学校名称", "page chrome above the title") in [(c.before, c.after) for c in changes]


def test_a_notice_sending_a_document_keeps_its_opening_above_the_documents_heading():
    """`关于印发《X》的通知`, then the notice's one paragraph (its addressee first), then X itself:
    X rewords the title, but the paragraph above it is the notice's, not an editor's intro."""
    from cleaners.steps.boilerplate import yield_to_body_heading
    title = "关于印发《城关区教育局2024年工作要点》的通知"
    opening = ("各中小学校、幼儿园，局机关各股室：现将《城关区教育局2024年工作要点》印发给你们，"
               "请各单位结合工作实际，认真抓好贯彻落实，并于每季度末报送工作进展情况。")
    text = f"{opening}\n城关区教育局2024年工作要点\n{BODY}"
    assert yield_to_body_heading(title, text)[:2] == (title, text)
    result = clean(Document(id="n", url="https://jyj.example.gov.cn/art/2024/2/27/art_1_2.html",
                            text=f"{title}\n{text}"))
    assert result.title == title and opening in result.text
    # an excerpt of another notice, cut off mid-sentence, is still chrome there
    excerpt = "各区市县教育局、各有关学校：党的二十大擘画了全面建设社会主义现代化国家的宏伟蓝图，吹响了奋进新征程的时代号角，2023年是承上启下的关键年"
    assert yield_to_body_heading(title, f"{excerpt}\n城关区教育局2024年工作要点\n{BODY}")[0] == "城关区教育局2024年工作要点"


def test_the_rows_of_a_table_below_the_title_are_neither_its_heading_nor_its_rewordings():
    """Rows of one table share most of their words: read as headings rewording each other, they
    took the title and the table's first rows, and the document was too short to keep."""
    barred = ["周次 | 日期 | 主要工作", "第1周 | 2月26日-3月1日 | 开学报到", "第2周 | 3月4日-3月8日 | 学雷锋活动",
              "第3周 | 3月11日-3月15日 | 教学常规检查", "第4周 | 3月18日-3月22日 | 春季运动会"]
    for sep in (" | ", " ", "\t"):     # the header's 日期 read as a credit, a row as the heading below it
        rows = [row.replace(" | ", sep) for row in barred]
        result = clean(Document(id="t", url="https://jyj.example.gov.cn/art/2024/2/27/art_1_3.html",
                                text="\n".join(["2024年春季学期校历", *rows, "各校结合实际做好安排。"])))
        assert result.rejection is None and result.title == "2024年春季学期校历", sep
        assert all(" ".join(row.split()) in " ".join(result.text.split()) for row in rows), sep


def test_a_headline_opening_with_the_sites_name_is_the_title_not_the_name():
    raw = "城关区第一小学\n首页 学校概况 学校动态\n城关区第一小学举行新学期开学典礼\n" + BODY
    result = cleaned(raw)
    assert result.title == "城关区第一小学举行新学期开学典礼" and not result.text.startswith("举行")


def test_a_title_glued_to_the_bodys_first_sentence_still_comes_off_it():
    result = cleaned("县教育局工作总结\n县教育局工作总结" + BODY)
    assert result.title == "县教育局工作总结" and result.text.startswith("过去一年")


def test_a_listing_row_opening_with_the_sites_name_is_no_headline():
    title, text, _ = settle_title("示范县教育局", "示范县教育局召开2024年教研工作年会2024-10-10\n我县开展学前教育宣传月2024-09-02")
    assert title == "示范县教育局"


def test_an_entrys_first_sentence_whose_subject_is_the_title_keeps_it():
    for sentence in ("城关区第一中学是一所公办完全中学，位于城关区人民路18号。", "城关区第一中学，创办于1956年，现有教学班48个。",
                     "城关区第一中学创办于1956年，是一所公办完全中学。"):
        title, text, _ = settle_title("城关区第一中学", f"城关区第一中学\n{sentence}\n{BODY}")
        assert title == "城关区第一中学" and text.startswith(sentence)


def test_a_first_sentence_telling_what_the_title_did_and_when_keeps_it():
    sentence = "城关区第一中学于8月26日举行新学期开学典礼，全校师生参加。"
    title, text, _ = settle_title("城关区第一中学", f"城关区第一中学\n{sentence}\n{BODY}")
    assert text.startswith(sentence)


def test_a_sites_top_bar_at_the_head_is_no_title():
    text = "中国科学院 | English | 联系我们 | ARP | 所内网\n我校举行2024级新生开学典礼\n9月8日上午，我校2024级新生开学典礼在体育馆隆重举行。"
    title, body, changes = settle_title("", text)
    assert "English" not in title


def test_a_title_line_that_cleans_down_to_a_chrome_line_is_chrome_and_the_next_line_is_the_title():
    body = "过去一年，全县教育系统较好地完成了年初确定的各项工作任务。"
    title, text, changes = settle_title("", f"VIP  免费下载\n县教育局2024年工作总结\n{body}")
    assert title == "县教育局2024年工作总结" and text.strip() == body
    assert ("VIP  免费下载", "chrome once its decorations are off") in [(c.before, c.after) for c in changes]


def test_the_bodys_first_line_where_the_page_wrapped_it_does_not_take_the_title():
    from cleaners.steps.boilerplate import yield_to_body_heading
    title = "昌黎县人民政府关于统筹推进县域内城乡义务教育一体化改革发展的实施意见"
    wrapped = "为深入贯彻落实《秦皇岛市人民政府关于统筹推进县域内城乡义务教育一体化改革发展"
    assert yield_to_body_heading(title, f"{wrapped}\n的实施意见》精神，结合我县实际，提出如下意见。\n{BODY}")[0] == title


def test_a_page_text_given_with_its_title_cleans_as_without_it_when_the_text_says_the_title():
    """A JSONL record's `title`: the chrome above the title said again in the text goes, as it does
    when no title is given; a title the text does not hold stays the title."""
    page = f"我要投稿 投诉建议\n学校德育工作总结\n学校德育工作总结15篇\n学校德育工作总结1\n{BODY}\n{BODY}"
    plain = clean(Document(text=page)).rendered()
    assert clean(Document(text=page, title="学校德育工作总结1")).rendered() == plain
    assert "我要投稿" not in plain
    given = clean(Document(text=f"{BODY}\n{BODY}", title="县教育局2024年工作总结"))
    assert given.title == "县教育局2024年工作总结" and given.text.startswith(BODY[:10])
