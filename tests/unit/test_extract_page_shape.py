"""Page shapes the HTML path must read through: stray document closers, heading permalinks,
headlines broken over lines, and pages of code whose comments are Chinese."""
from parsel import Selector

from cleaners import Document, clean
from cleaners.html_text import parseable, text_and_depth
from cleaners.steps.extract import extract_html
from cleaners.steps.extract_choice import best_title, join_broken_headline
from cleaners.steps import page_kind

SENTENCE = "县教育局认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效，群众满意度不断提高。"
BODY = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 7))


def test_an_article_after_a_header_included_as_a_whole_document_is_extracted():
    # a CMS template includes its header as a document of its own: `...</html><!--end header-->`
    html = ("<html><head><title>示范县召开教育大会_示范县人民政府</title></head><body>"
            "<div class='header'><a href='/'>首页</a> | <a href='/en'>EN</a></div></body></html><!--end header-->"
            f"<div class='content'><h1>示范县召开教育大会</h1><div class='article'>{BODY}</div></div>"
            "<div class='footer'>版权所有</div></body></html>")
    result = clean(Document(html=html, url="https://www.example.gov.cn/a/1.html"))
    assert result.text.count(SENTENCE) == 6 and result.title == "示范县召开教育大会"


def test_parseable_keeps_what_follows_a_stray_closer_and_drops_control_characters():
    page = parseable("<html><body><p>甲</p></body></html>\x01<p>乙</p></html>")
    root = Selector(text=page).root
    assert "乙" in text_and_depth(root)[0] and "\x01" not in page


def test_a_headings_permalink_symbol_is_not_part_of_its_line():
    html = (f"<html><body><article><h2 id='a1'>安装步骤<a href='#a1' class='anchor'>#</a></h2>{BODY}"
            f"<h2 id='a2'>配置<a href='#a2'>¶</a></h2><p>见<a href='#a1'>安装步骤</a>一节。{SENTENCE}</p></article></body></html>")
    text = extract_html(html).text
    assert "安装步骤\n" in text + "\n" and "#" not in text and "¶" not in text and "见\n安装步骤" not in text
    assert "安装步骤一节" in text.replace("\n", "")      # an in-page link with words stays


def test_a_bracketed_comments_link_closing_a_paragraph_is_not_part_of_it():
    html = (f"<html><body><article><p><b>{SENTENCE}</b><a href='/c/1'>[查看评论]</a></p>{BODY}"
            f"<p>{SENTENCE}<a href='/c/2'>【评论】</a></p><p>{SENTENCE}详见<a href='/a/3'>[全文]</a>。</p>"
            f"</article></body></html>")
    text = extract_html(html).text
    assert "查看评论" not in text and "【评论】" not in text
    assert "[全文]" in text           # a cut mark's words (a related box's excerpt): kept


def test_a_headline_broken_over_lines_is_the_title_and_one_line_of_the_text():
    html = ("<html><head><title>全国人民代表大会常务委员会关于批准某项议案的决议__2007年第23号公报_中国政府网</title></head>"
            "<body><div>首页</div><div class='pages_content'><p align='center'><strong>全国人民代表大会常务委员会<br>"
            "关于批准某项议案的决议</strong><br>（2007年6月29日通过）</p>"
            f"{BODY}</div></body></html>")
    sel = Selector(text=html)
    assert best_title(sel, text_and_depth(sel.root)[0]) == "全国人民代表大会常务委员会关于批准某项议案的决议"
    result = clean(Document(html=html, url="https://www.example.gov.cn/gongbao/1.htm"))
    assert result.title == "全国人民代表大会常务委员会关于批准某项议案的决议"
    assert "全国人民代表大会常务委员会\n" not in result.text and result.text.startswith("（2007年6月29日通过）")


def test_lines_that_only_start_the_title_are_not_joined_into_it():
    text = "全国人民代表大会常务委员会\n关于另一件事的说明\n正文"
    assert join_broken_headline(text, "全国人民代表大会常务委员会关于批准某项议案的决议") == text


def test_an_h1_naming_the_site_in_the_titles_tail_is_not_the_headline():
    html = ("<html><head><title>新竹尖石_美树营地赏枫 (2) @ 史蒂文的家_蓝天 :: 痞客邦 PIXNET ::</title></head><body>"
            "<div class='topbar'><h1>痞客邦 PIXNET</h1></div><div id='header'><h1><a href='/blog'>史蒂文的家_蓝天</a></h1></div>"
            f"<h2><a href='/post/1'>新竹尖石_美树营地赏枫 (2)</a></h2><div class='article-body'>{BODY}</div></body></html>")
    sel = Selector(text=html)
    assert best_title(sel, text_and_depth(sel.root)[0]) == "新竹尖石_美树营地赏枫 (2)"


def _listing(shell: str) -> str:
    return "\n".join(["# 设置代理", f"{shell} https_proxy=http://你的ip:59727", f"{shell} http_proxy=http://你的ip:59727",
                      "source ~/.bashrc", "# 测试", "curl -v https://www.example.com", "# 恢复代理", f"{shell} https_proxy=",
                      f"{shell} http_proxy=", "source ~/.bashrc"])


def _code_page(intro: str, heading: str) -> str:
    return (f"<html><head><title>{heading} | 开发者社区</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"<div class='article'><h1>{heading}</h1>{intro}<h2>cmd 设置代理</h2><pre><code>{_listing('set')}</code></pre>"
            f"<h2>Ubuntu 设置代理</h2><pre><code>{_listing('export')}</code></pre></div></body></html>")


def test_code_whose_comments_and_values_are_chinese_is_a_chinese_document():
    result = clean(Document(html=_code_page("<p>以 猫猫 for linux 为例，设置终端代理。</p>", "终端设置代理"),
                            url="https://dev.example.com/articles/1"))
    assert not result.flags["not_chinese"] and not result.rejection and "# 设置代理" in result.text


def test_english_prose_with_chinese_code_comments_is_still_not_chinese():
    english = "".join(f"<p>Step {i}: this guide explains how to set a proxy on Linux for the terminal and the "
                      f"package manager, and how to check that it works before you go on.</p>" for i in range(12))
    result = clean(Document(html=_code_page(english, "Proxy setup"), url="https://dev.example.com/articles/2"))
    assert result.flags["not_chinese"]


def test_mixed_code_chars_counts_the_ascii_of_code_lines_with_han_in_them():
    assert page_kind.mixed_code_chars("export x=http://你的ip:1\n这是一句中文。\nplain words 中文") == len("exportx=http://ip:1")


def test_review_counter_badges_after_each_paragraph_are_not_text():
    badge = "<span class='review'><span class='review-icon'></span><span class='review-count'>{}</span></span>"
    paragraphs = "".join(f"<p><span class='content-text'>{i}、{SENTENCE}</span>{badge.format(30 + i)}</p>" for i in range(1, 7))
    html = (f"<html><head><title>第二章 失乡号的船长 _小说在线阅读</title></head><body><h1>第二章 失乡号的船长"
            f"{badge.format(241)}</h1><main class='content'>{paragraphs}</main>"
            f"<p>第<span class='num'>3</span>节</p></body></html>")
    result = extract_html(html)
    assert result.title == "第二章 失乡号的船长"
    assert f"1、{SENTENCE}\n" in result.text and "241" not in result.text and f"{SENTENCE}31" not in result.text


def test_counter_badges_ending_every_paragraph_are_not_text_without_class_names():
    badge = "<span><span></span><span>{}</span><!----></span>"
    paragraphs = "".join(f"<p><span>{i}、{SENTENCE}</span>{badge.format(30 + i)}</p>" for i in range(1, 7))
    html = (f"<html><head><title>第二章 失乡号的船长 _小说在线阅读</title></head><body><h1>第二章 失乡号的船长"
            f"{badge.format(241)}</h1><main>{paragraphs}</main><p>共有成员<span>3</span></p></body></html>")
    result = extract_html(html)
    assert result.title == "第二章 失乡号的船长"
    assert f"1、{SENTENCE}\n" in result.text and "241" not in result.text and f"{SENTENCE}31" not in result.text


def test_a_number_ending_a_paragraph_or_two_stays_without_class_names():
    html = (f"<html><body><main><p>{SENTENCE}全年粮食产量为<b>308525</b></p><p>{SENTENCE}<span>2</span></p>"
            f"<p>{SENTENCE}</p></main></body></html>")
    text = extract_html(html).text
    assert "308525" in text and f"{SENTENCE}2" in text


def test_a_headline_broken_over_lines_under_a_metadata_table_comes_off_the_text_as_one_line():
    rows = "".join(f"<tr><td>项目{i}：</td><td>内容{i}</td></tr>" for i in range(8))
    html = ("<html><head><title>全国人民代表大会常务委员会关于批准某项议案的决议__2007年第23号公报_中国政府网</title></head>"
            f"<body><div>首页</div><div class='pages_content'><table>{rows}</table><p align='center'><strong>"
            "全国人民代表大会常务委员会<br>关于批准某项议案的决议</strong><br>（2007年6月29日通过）</p>"
            f"{BODY}</div></body></html>")
    result = extract_html(html)
    assert result.title == "全国人民代表大会常务委员会关于批准某项议案的决议"
    assert "全国人民代表大会常务委员会关于批准某项议案的决议\n" in result.text
    assert "全国人民代表大会常务委员会\n" not in result.text


def test_counter_badges_ending_every_line_of_a_br_set_text_are_not_text():
    badge = "<span><span></span><span>{}</span></span>"
    lines = "".join(f"<span><span>{i}、{SENTENCE}</span>{badge.format(30 + i)}</span><br><br>" for i in range(1, 7))
    text = extract_html(f"<html><body><div>{lines}</div><div>共有成员<span>3</span><br>在线<span>2</span></div></body></html>").text
    assert f"1、{SENTENCE}\n" in text and f"{SENTENCE}31" not in text


def test_the_fallback_a_video_or_audio_holds_for_browsers_that_cannot_play_it_is_not_text():
    fallback = "您的浏览器不支持视频播放，请升级浏览器后观看，或者下载视频文件到本地播放。"
    html = (f"<html><body><article><div>{BODY}</div><div><video src='/v/1.mp4' controls><p>{fallback}</p></video>"
            f"<audio src='/a/1.mp3'><p>{fallback}</p></audio></div><div>{BODY}</div></article></body></html>")
    text = extract_html(html).text
    assert text.count(SENTENCE) == 12 and "浏览器" not in text


# A scraped text whose damage left a few paragraph and line-break tags in it (an upload header
# broken by `<br>`); found by cleaning generated documents twice.
RESIDUE_TEXT = ("\n招聘新教师132名，组织各类培训4800余人次，评选县级骨干教师86名、学科带头人25名。\n"
                "联系人：王老师，联系电话：0000-1234567。\n"
                "上传人:b****3 文档编号:7071303 上传时间:2024-01-20 格式:DOCX 页数:3<br>4 大小:23.4KB\n"
                "數(<br>shù)字化辦公\n一、主要工作")


def test_a_fragment_of_paragraph_and_line_break_tags_is_taken_whole_not_chosen_from():
    extracted = extract_html(f"<p>{SENTENCE}</p><p>{SENTENCE}</p><br>联系人：王老师")
    assert dict((c.before, c.after) for c in extracted.changes if c.action == "metadata")["extractor"] == "page_text"
    page = extract_html(f"<html><body><div>{BODY}</div></body></html>")
    assert dict((c.before, c.after) for c in page.changes if c.action == "metadata")["extractor"] == "main"


def test_text_with_html_residue_cleaned_again_is_unchanged():
    once = clean(Document(text=RESIDUE_TEXT)).rendered()
    assert clean(Document(text=once)).rendered() == once


def test_an_article_set_in_a_form_is_read_and_a_login_form_is_not():
    # 博达 VSB sets its article in `<form name="_newscontent_fromname">`; ASP.NET WebForms wraps the
    # whole page in one form.  Dropping every form as noise lost the VSB article (what was left, the
    # page's tools and footer, was taken for it), and sent the ASP.NET page to trafilatura.
    login = "<form action='/login'>用户名 <input name='u'> 密码 <input name='p'> <button>登录</button> 忘记密码</form>"
    tools = "<div class='tools'>长者模式 无障碍浏览 字体：小 中 大 分享到：微信 微博 扫一扫在手机打开当前页 打印本页 关闭窗口</div>"
    for page in (f"<html><body>{login}{tools}<h1>示范县召开教育大会</h1><form name='_newscontent_fromname'>"
                 f"<div id='vsb_content'>{BODY}</div></form><div class='footer'>版权所有</div></body></html>",
                 f"<html><body><form id='form1'><input type='hidden' name='__VIEWSTATE' value='x'>"
                 f"<div class='nav'><a href='/'>首页</a></div><h1>示范县召开教育大会</h1><div class='article'>{BODY}</div>"
                 f"<div class='footer'>版权所有</div></form></body></html>"):
        result = clean(Document(html=page, url="https://www.example.gov.cn/info/1.htm"))
        assert result.text.count(SENTENCE) == 6 and "用户名" not in result.text and "忘记密码" not in result.text
        assert result.metadata.get("extractor") == "main"
