"""`--explain` on an HTML page: every line the extractor leaves out is named with the reason of
the step that dropped it, or where it stood beside the article; asking changes nothing else."""
from lxml import html as lxml_html

from cleaners import pipeline
from cleaners.document import Document
from cleaners.profiles import Profile
from cleaners.steps.extract import extract_html
from cleaners.steps.extract_account import page_lines

SENTENCE = "县教育局认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效，群众满意度不断提高。"
BODY = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 6))
SHARE = "<div>" + "".join(f"<a href='/s{i}'>分享到{i}</a>" for i in range(4)) + "</div>"
PAGE = ("<html><head><title>县教育局工作总结_示范县</title></head><body>"
        "<nav><a href='/'>首页</a><a href='/news'>新闻中心</a></nav>"
        "<div id='top'><a href='/a'>政务公开</a> <a href='/b'>办事服务</a> <a href='/c'>互动交流</a></div>"
        "<h1>县教育局工作总结</h1>"
        f"<div class='article'>{BODY}{SHARE}</div>"
        "<div style='display:none'>隐藏的统计代码说明</div>"
        "<div id='footer' class='foot'><p><a href='/m'>网站地图</a> | <a href='/l'>联系我们</a></p></div>"
        "</body></html>")


def left_out(changes) -> dict[str, str]:
    """Each left-out line -> the reason given for it."""
    return {line: c.after for c in changes if c.action == "left_out" for line in c.before.split("\n")}


def test_each_line_the_extractor_leaves_out_is_named_with_its_reason():
    extracted = extract_html(PAGE, explain=True)
    assert extracted.text.count(SENTENCE) == 5
    why = left_out(extracted.changes)
    assert why["首页新闻中心"].startswith("a <nav> element")
    assert why["隐藏的统计代码说明"].startswith("hidden on the page")
    assert why["县教育局工作总结"] == "the headline, read as the document's title"
    assert why["政务公开 办事服务 互动交流"].startswith("above the article, in div#top")
    assert "% of its text in links" in why["政务公开 办事服务 互动交流"]
    assert why["网站地图 | 联系我们"].startswith("below the article, in div#footer.foot")
    assert why["分享到0分享到1分享到2分享到3"] == "a box inside the article, 100 % of its text in links"
    assert not any(SENTENCE in line for line in why)


def test_lines_left_out_in_a_row_for_one_reason_are_one_change():
    extracted = extract_html(PAGE.replace("<p><a href='/m'>", "<p><a href='/t'>返回顶部</a></p><p><a href='/m'>"),
                             explain=True)
    (footer,) = [c for c in extracted.changes if c.action == "left_out" and "div#footer" in c.after]
    assert footer.before.split("\n") == ["返回顶部", "网站地图 | 联系我们"]


def test_without_explain_the_extractor_names_nothing_left_out():
    assert not [c for c in extract_html(PAGE).changes if c.action == "left_out"]


def test_anti_copy_filler_hidden_by_its_class_is_left_out_on_every_site():
    """Discuz's `<font class="jammer">` runs: the generic profile drops them, for a site profile's page too."""
    jammed = PAGE.replace(f"<p>1、{SENTENCE}</p>", f"<p>1、县教育局认真贯彻落实<font class='jammer'>x7Kq2Lm</font>上级部署。</p>")
    for profile in (None, Profile(name="demo", text_selectors=("div.article",))):
        extracted = extract_html(jammed, profile, explain=True) if profile else extract_html(jammed, explain=True)
        assert "x7Kq2Lm" not in extracted.text and "县教育局认真贯彻落实上级部署。" in extracted.text


def test_a_profile_selector_names_what_lies_outside_it():
    profile = Profile(name="demo", text_selectors=("div.article",))
    why = left_out(extract_html(PAGE, profile, explain=True).changes)
    assert why["政务公开 办事服务 互动交流"] == "outside the site profile's text selector"


def test_explaining_changes_neither_the_text_nor_the_manifest_counts():
    doc = Document(id="p", url="http://jyj.demoxian.gov.cn/art/1.html", html=PAGE)
    plain, explained = pipeline.clean(doc), pipeline.clean(doc, pipeline.Options(explain=True))
    assert explained.text == plain.text and explained.title == plain.title
    assert explained.metadata == plain.metadata and explained.change_counts() == plain.change_counts()
    assert any(c.action == "left_out" for c in explained.changes)


def test_page_lines_give_each_line_its_innermost_block_and_a_tail_its_parents():
    root = lxml_html.fromstring("<div id='a'>头<p id='b'>段落<b>加粗</b></p>尾巴<script>x=1</script></div>")
    lines = [(text, el.get("id")) for text, el in page_lines(root)]
    assert lines == [("头", "a"), ("段落加粗", "b"), ("尾巴", "a")]
