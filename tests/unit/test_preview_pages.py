"""A 文库 preview's page numbers (1、 2、 before each page's block, the break mid-sentence) go and
the pages are joined; list numbering, whose items end their sentences or are short, stays."""
from cleaners import Document, clean
from cleaners.document import Change
from cleaners.steps import line_model, preview_pages

PAGE1 = ("工作总结是指在完成一项任务、项目或一段时间后,对所做工作进行全面回顾、总结和评估的过程。"
         "它是对工作过程和结果进行客观分析,以获取经验教训并为未来的工作提供参考。工作总结具有以下特点。"
         "首先,工作总结是一种系统性的思考和总结。通过对工作过程和结果进行全面分析,可以确定工作的优点、"
         "不足和改进的空间。这种反思和学习的机会可以帮助工作者不断提升")
PAGE2 = "自己的专业能力和职业素养。再次,工作总结是一种沟通和分享的方式。"


def test_page_numbers_before_pages_broken_off_mid_sentence_go_and_the_sentence_is_joined():
    text, changes = preview_pages.step(f"1、{PAGE1}\n2、{PAGE2}")
    assert text == PAGE1 + PAGE2
    assert [c.before for c in changes] == ["1、", "2、"]


def test_a_third_page_joins_too_and_text_around_the_run_stays():
    page2 = PAGE2 * 5 + "推动整个团队的共同进步"
    text, _ = preview_pages.step(f"教育局工作总结\n1、{PAGE1}\n2、{page2}\n3、{PAGE2}")
    assert text == f"教育局工作总结\n{PAGE1}{page2}{PAGE2}"


def test_page_numbers_alone_on_their_lines_a_page_apart_go_and_the_lines_around_them_stay():
    page = f"{PAGE1}。\n{PAGE2}"
    text, changes = preview_pages.step(f"教育局工作总结\n1、\n{page}\n2、\n{page}\n3、\n{PAGE2}")
    assert text == f"教育局工作总结\n\n{page}\n\n{page}\n\n{PAGE2}"
    assert [c.before for c in changes] == ["1、", "2、", "3、"]


def test_numbers_alone_on_their_lines_over_short_items_stay():
    text = "主要措施\n1、\n加强师资队伍建设。\n2、\n推进课程改革。\n3、\n完善评价机制。"
    assert preview_pages.step(text) == (text, [])


def test_list_items_that_end_their_sentence_or_are_short_keep_their_numbers():
    items = f"1、{PAGE1}。\n2、{PAGE2}"
    assert preview_pages.step(items) == (items, [])
    short = "一、工作目标\n1、加强领导\n2、落实责任"
    assert preview_pages.step(short) == (short, [])
    no_first = f"3、{PAGE1}\n4、{PAGE2}"          # a list going on from an earlier page: no 1、
    assert preview_pages.step(no_first) == (no_first, [])


def test_a_preview_with_its_title_said_twice_comes_out_titled_and_a_second_run_changes_nothing():
    heading = "工作总结的概念与特点是什么"
    once = clean(Document(text=f"1、{heading}{heading}{PAGE1}\n2、{PAGE2}")).rendered()
    assert once == f"{heading}\n\n{PAGE1}{PAGE2}\n"
    assert clean(Document(text=once)).rendered() == once


def test_a_short_line_without_a_clause_mark_between_two_pages_is_passed_over_and_stays():
    """A byline or reader header between the pages (a later step drops it): the pages are found,
    their numbers go, and the line stays where it was (nothing is joined across it); a prose
    line or a long one between them still breaks the run."""
    byline = "2018-10-15 10:37:44　澎湃新闻　李明"
    text, changes = preview_pages.step(f"1、{PAGE1}\n\n{byline}\n\n2、{PAGE2}")
    assert text == f"{PAGE1}\n\n{byline}\n\n{PAGE2}" and [c.before for c in changes] == ["1、", "2、"]
    for between in ("开通会员，即可免费下载全文", "本文由网友上传" * 6):
        kept = f"1、{PAGE1}\n{between}\n2、{PAGE2}"
        assert preview_pages.step(kept) == (kept, [])


def test_pages_chrome_between_them_hid_are_found_once_the_rules_drop_it():
    """An editor's intro between the pages (a clause mark in it: no line passed over) hides the
    run until the rules drop it; a second run, which no longer has it, found the pages."""
    heading = "工作总结的概念与特点是什么"
    intro = f"下面是小编精心整理的{heading}，供大家参考借鉴，希望可以帮助到有需要的朋友。"
    once = clean(Document(text=f"1、{heading}{heading}{PAGE1}\n\n{intro}\n\n2、{PAGE2}")).rendered()
    assert once == f"{heading}\n\n{PAGE1}{PAGE2}\n"
    assert clean(Document(text=once)).rendered() == once


def test_pages_chrome_between_them_hid_are_found_once_the_line_model_drops_it(monkeypatch):
    heading = "工作总结的概念与特点是什么"
    chrome = "下载币余额：3｜余额不足？去充值"

    def drop_lines(text, title="", host_repeats=frozenset(), article=False):
        lines = text.split("\n")
        gone = [line for line in lines if line.strip() == chrome]
        return "\n".join(line for line in lines if line.strip() != chrome), \
            [Change("line_model", "removed", line, "stand-in") for line in gone]
    monkeypatch.setattr(line_model, "drop_lines", drop_lines)
    once = clean(Document(text=f"1、{heading}{heading}{PAGE1}\n\n{chrome}\n\n2、{PAGE2}")).rendered()
    assert once == f"{heading}\n\n{PAGE1}{PAGE2}\n"
    assert clean(Document(text=once)).rendered() == once
