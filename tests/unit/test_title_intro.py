"""title_intro: a site's sentence at the head that names the document by its title goes; a
document's own opening stays (a news lede rewording its headline, a 印发 notice under its
addressee, a long sentence), and so does anything in an article the HTML extractor chose."""
from cleaners import Document, clean
from cleaners.steps import title_intro

TITLE = "城关区教育局2023年工作总结"
BODY = ("2023年，在区委、区政府的正确领导下，全区教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。")


def test_a_sentence_wrapped_around_the_title_at_the_head_goes():
    for intro in (f"小伙伴们，下面一起来看看{TITLE}吧！", f"想写好{TITLE}？这5篇例文值得一看。",
                  f"欢迎阅读{TITLE}(精选4篇)，内容由某某网整理，希望对大家有所帮助。"):
        text, changes = title_intro.step(f"{intro}\n{BODY}", TITLE)
        assert text == f"\n{BODY}" and [c.before for c in changes] == [intro], intro


def test_an_intro_naming_the_title_twice_goes_though_it_runs_on_for_another_sentence():
    intro = (f"在日常工作和学习中，大家都不可避免地要接触到{TITLE}吧。那么一篇好的{TITLE}应该怎么写呢？"
             "接下来是某某写作网挑选的几篇范例，或许能给你一些思路。")
    text, changes = title_intro.step(f"{intro}\n{BODY}", TITLE)
    assert text == f"\n{BODY}" and [c.before for c in changes] == [intro]
    twice_long = f"{intro[:-1]}，{BODY}"      # (named twice, but the rest is a paragraph's length)
    assert title_intro.step(f"{twice_long}\n{BODY}", TITLE) == (f"{twice_long}\n{BODY}", [])


def test_a_news_lede_rewording_its_headline_stays():
    title = "区教育局召开2024年安全工作会议"
    text = f"3月5日下午，区教育局召开2024年全区教育系统安全工作会议。\n{BODY}"
    assert title_intro.step(text, title) == (text, [])


def test_a_notice_naming_what_it_sends_under_its_addressee_stays():
    text = f"各中小学校：\n现将《{TITLE}》印发给你们，请认真学习。\n{BODY}"
    assert title_intro.step(text, TITLE) == (text, [])


def test_a_long_sentence_holding_the_title_is_the_documents_own():
    line = f"根据区委、区政府的统一部署和上级教育行政部门的有关要求，结合我区教育工作实际和全区中小学校的具体情况，现将{TITLE}报告如下，请予审议，并提出宝贵意见。"
    assert title_intro.step(f"{line}\n{BODY}", TITLE) == (f"{line}\n{BODY}", [])


def test_only_the_head_is_looked_at():
    lines = [BODY] * title_intro.HEAD_LINES + [f"小伙伴们，下面一起来看看{TITLE}吧！"]
    text = "\n".join(lines)
    assert title_intro.step(text, TITLE) == (text, [])


def test_the_pipeline_drops_it_in_text_but_not_in_an_article_the_extractor_chose():
    intro = f"小伙伴们，下面一起来看看{TITLE}吧！"
    result = clean(Document(text=f"{TITLE}\n{intro}\n{BODY}\n{BODY}"))
    assert intro not in result.text and BODY in result.text
    lede = f"4月1日上午，{TITLE}发布。"
    page = (f"<html><head><title>{TITLE}</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"<h1>{TITLE}</h1><div class='article'><p>{lede}</p><p>{BODY}</p><p>{BODY}</p></div></body></html>")
    assert lede in clean(Document(html=page, url="https://news.example/a.html")).text


def test_a_line_opening_with_the_title_is_the_title_run_into_its_text_and_stays():
    text = f"{TITLE} 3月5日，区教育局召开会议，部署本学期重点任务。\n{BODY}"
    assert title_intro.step(text, TITLE) == (text, [])


def test_a_news_lede_naming_its_event_in_the_titles_words_after_a_time_stays():
    title = "城关区第一小学开展“书香校园”读书月活动"
    for lede in (f"9月以来，{title}，全校2100余名学生参加。", f"近日，{title}，全校师生参加。",
                 f"2024年9月3日上午，{title}，全校师生参加。"):
        assert title_intro.step(f"{lede}\n{BODY}", title) == (f"{lede}\n{BODY}", []), lede
