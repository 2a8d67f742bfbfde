"""title_repeats: the title said again in the body with a reader's decoration goes; the title
said plainly, or as a compilation's part heading, stays."""
from cleaners import Document, clean
from cleaners.steps import title_repeats

TITLE = "关于教育局工作总结"
BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。")


def test_the_title_with_a_file_extension_a_vip_mark_a_page_number_or_a_site_name_goes():
    for line in (f"{TITLE}.wps", f"VIP{TITLE}", f"{TITLE} 第2页", f"{TITLE} - 星火文库", f"{TITLE}丨星火写作网", f"【精品文档】{TITLE}.docx"):
        text, changes = title_repeats.step(f"{BODY}\n{line}\n{BODY}", TITLE)
        assert text == f"{BODY}\n\n{BODY}" and [c.before for c in changes] == [line], line


def test_the_title_under_a_bracketed_label_named_in_book_marks_or_before_a_section_and_site_goes():
    for line in (f"【精品】{TITLE}", f"[原创]{TITLE}", f"〖推荐〗{TITLE}", f"《{TITLE}》全文阅读", f"【精编】《{TITLE}》在线阅读",
                 f"{TITLE} - 中学教育 - 精品范文网", f"{TITLE} - 教育资源 - 千文档网", f"{TITLE} 好范文网", f"{TITLE}　启航知识网"):
        text, changes = title_repeats.step(f"{BODY}\n{line}\n{BODY}", TITLE)
        assert text == f"{BODY}\n\n{BODY}" and [c.before for c in changes] == [line], line


def test_the_title_said_plainly_or_as_a_part_heading_stays():
    for line in (TITLE, f"{TITLE}1", f"{TITLE}(二)", f"{TITLE}篇一", f"{TITLE}的几点体会", f"关于{TITLE}",
                 f"【第1篇】{TITLE}", f"【篇一】{TITLE}", f"《{TITLE}》第二章", f"《{TITLE}》", f"《{TITLE}》的学习体会与收获",
                 f"{TITLE} 网", f"{TITLE} 学习心得与网络文化"):
        text = f"{BODY}\n{line}\n{BODY}"
        assert title_repeats.step(text, TITLE) == (text, []), line


def test_a_short_title_is_not_looked_for():
    text = f"{BODY}\n总结.docx\n{BODY}"
    assert title_repeats.step(text, "总结") == (text, [])


def test_the_pipeline_drops_a_decorated_repeat_in_the_middle_of_the_body():
    r = clean(Document(text=f"{TITLE}\n{BODY}\n{BODY}\n{TITLE}.wps\n{BODY}"))
    assert r.title == TITLE and ".wps" not in r.text and r.text.count(BODY) == 3


def test_a_title_read_off_the_body_only_after_the_line_model_is_looked_for_too():
    # the page's head is a related list the line model drops; only then is `…范文` the title
    head = "- 教育局教研室工作总结 推荐度:\n- 相关推荐\n"
    r = clean(Document(text=f"{head}{TITLE}范文\n同志们:\n{BODY}\n\n{TITLE}.wps\n\n{BODY}\n{BODY}\n"))
    assert r.title == TITLE and ".wps" not in r.text and r.text.count(BODY) == 3


def test_a_bulleted_link_to_the_title_as_a_file_goes_but_a_bulleted_title_alone_stays():
    for line in (f"• {TITLE}.pdf", f"- {TITLE}.docx", f"●{TITLE}.wps"):
        text = f"{BODY}\n{line}\n{BODY}"
        assert title_repeats.step(text, TITLE)[0] == f"{BODY}\n\n{BODY}", line
    text = f"{BODY}\n• {TITLE}\n{BODY}"
    assert title_repeats.step(text, TITLE) == (text, [])


def test_a_compilations_count_the_files_edition_and_a_site_after_a_dot_or_slash_are_decorations():
    for line in (f"{TITLE}(通用8篇)", f"{TITLE}【推荐5篇）", f"{TITLE}（精选12篇】", f"{TITLE}(word可编辑)",
                 f"{TITLE}（2019最新版）", f"{TITLE}【word版】", f"{TITLE} · 新写作网", f"{TITLE} / 文秘知识网"):
        text, changes = title_repeats.step(f"{BODY}\n{line}\n{BODY}", TITLE)
        assert text == f"{BODY}\n\n{BODY}" and [c.before for c in changes] == [line], line


def test_the_decorated_copy_of_any_heading_goes_not_only_the_titles():
    heading = "2020年教育局心系女童活动总结"
    text, changes = title_repeats.step(f"{BODY}\nVIP{heading}\n{heading}\n{BODY}", "教育局干事个人总结")
    assert text == f"{BODY}\n\n{heading}\n{BODY}" and [c.before for c in changes] == [f"VIP{heading}"]


def test_a_line_that_says_more_than_another_line_is_no_decorated_copy_of_it():
    heading = "一、指导思想"
    for line in (f"{heading}(二)", f"{heading}和工作目标", f"{heading}（试行）"):
        text = f"{heading}\n{BODY}\n{line}\n{BODY}"
        assert title_repeats.step(text, "") == (text, []), line


def test_the_title_after_a_selling_word_goes_but_a_title_opening_with_one_stays():
    for line in (f"最新{TITLE}", f"热门{TITLE}", f"推荐 {TITLE}"):
        text, changes = title_repeats.step(f"{BODY}\n{line}\n{BODY}", TITLE)
        assert text == f"{BODY}\n\n{BODY}" and [c.before for c in changes] == [line], line
    for line, title in ((f"最新{TITLE}工作", TITLE), ("最新出炉全国教育事业发展统计公报", "最新出炉全国教育事业发展统计公报"),
                        (f"关于最新{TITLE}", TITLE)):
        text = f"{BODY}\n{line}\n{BODY}"
        assert title_repeats.step(text, title) == (text, []), line


def test_the_plain_repetition_below_a_decorated_one_goes_too_once_the_chrome_between_them_went():
    """The line model drops the chrome between the title, `推荐{title}` and `{title}` only after the
    title was settled; the decorated copy goes last, and the plain one, now at the head, with it."""
    title = "2021年学生资助管理中心工作总结"
    text = (f"视频1 视频21 视频41 视频61 视频文章1 视频文章21 视频文章41 视频文章61 推荐1 推荐3 推荐5 推荐7\n{title}\n"
            f"推荐{title}\n精品文档 仅供参考\n2025-09-25 14:26:46 责编:小OO\n文档\n{title}\n\n3／40\n\n{BODY}\n{BODY}")
    once = clean(Document(text=text)).rendered()
    assert once.count(title) == 1 and clean(Document(text=once)).rendered() == once
