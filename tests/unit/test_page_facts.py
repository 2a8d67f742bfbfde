"""What a page states about its document (title, page count, format): one reader each, for the
cleaners and the crawler alike, looking where the site profile and `_generic.toml` say."""
from parsel import Selector

from cleaners.page_facts import page_count, page_format, page_title
from cleaners.profiles import Profile, generic
from cleaners.steps.extract import extract_html

SITE = Profile(name="testsite", page_count_selectors=("#pagenumber", ".pages"), title_selectors=("h1.doc-title",))


def page(body: str, head: str = "") -> Selector:
    return Selector(text=f"<html><head>{head}</head><body>{body}</body></html>")


def test_page_count_reads_the_value_of_a_form_field_the_profile_names():
    assert page_count(page('<input type="hidden" id="pagenumber" value="8">'), SITE) == 8


def test_page_count_reads_the_first_number_in_an_elements_text():
    assert page_count(page('<span class="pages">共 12 页</span>'), SITE) == 12


def test_page_count_takes_the_site_selector_before_the_text_patterns():
    sel = page('<div>页数:3</div><input id="pagenumber" value="34">')
    assert page_count(sel, SITE) == 34
    assert page_count(sel, generic()) == 3


def test_page_count_skips_a_selected_element_without_a_number():
    assert page_count(page('<input id="pagenumber" value=""><b class="pages">5</b>'), SITE) == 5


def test_page_count_falls_back_to_the_generic_patterns_over_the_visible_text_only():
    assert page_count(page("<p>亲,该文档总共 6 页,全部预览完了</p>"), SITE) == 6
    assert page_count(page("<script>var s='页数:9';</script><p>正文</p>"), SITE) is None


def test_page_count_matches_the_patterns_on_the_text_the_caller_gives():
    assert page_count(page("<p>正文</p>"), SITE, text="全文页数：40") == 40


def test_page_count_is_none_when_the_page_states_none():
    assert page_count(page("<p>一份没有页数的报告</p>"), SITE) is None


def test_page_title_takes_the_sites_selector_before_the_generic_ones():
    sel = page('<h1 class="doc-title">站点标题</h1><h1>别的标题</h1>',
               head='<meta property="og:title" content="og 标题">')
    assert page_title(sel, SITE) == "站点标题"
    assert page_title(sel, generic()) == "og 标题"


def test_page_title_falls_back_to_h1_then_the_title_element_with_whitespace_folded():
    assert page_title(page("<h1>第一\n  <br>部分</h1>", head="<title>网页标题</title>"), SITE) == "第一 部分"
    assert page_title(page("<p>正文</p>", head="<title> 网页\n标题 </title>"), SITE) == "网页 标题"


def test_page_title_is_decided_by_the_first_selector_that_selects_anything_even_a_blank_one():
    assert page_title(page("<h1> </h1>", head="<title>网页标题</title>"), SITE) == ""


def test_page_title_is_empty_when_nothing_names_the_page():
    assert page_title(page("<p>正文</p>"), SITE) == ""


def test_page_format_reads_the_meta_tag_then_the_format_label_lower_cased():
    meta = '<meta property="og:document:type" content="PDF">'
    assert page_format(page("<p>格式:DOCX</p>", head=meta), SITE) == "pdf"
    assert page_format(page("<p>格式：DOCX 页数：3</p>"), SITE) == "docx"
    assert page_format(page("<p>正文</p>"), SITE) is None


def test_extract_html_records_the_page_count_the_spider_reads():
    html = '<html><body><input id="pagenumber" value="8"><div class="c">正文</div></body></html>'
    counts = [c.after for c in extract_html(html, SITE).changes if c.before == "page_count"]
    assert counts == ["8"]
    assert page_count(Selector(text=html), SITE) == 8
