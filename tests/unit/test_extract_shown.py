"""A page whose <title> is only a name (a CMS template's, a site's, a column's) takes the headline
it shows above its article; a title that is a headline keeps its place."""
from cleaners.steps.extract import extract_html
from cleaners.steps.extract_choice import weak_title

BODY = "".join(f"<p>{i}、县教育局认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效，群众满意度不断提高。</p>" for i in range(1, 5))
HEADLINE = "城关区教育局召开2024年秋季开学工作部署会"


def page(title: str, shown: str, credits: str = "<div class='info'>发布时间：2024-08-26 来源：城关区教育局 浏览次数：268</div>") -> str:
    return (f"<html><head><title>{title}</title></head><body><div class='nav'><a>首页</a><a>教育动态</a><a>通知公告</a></div>"
            f"<div class='position'>当前位置：<a>首页</a> &gt; <a>教育动态</a></div>"
            f"<div class='box'>{shown}{credits}<div class='con'>{BODY}</div></div>"
            f"<div class='footer'>主办单位：城关区教育局</div></body></html>")


def test_a_title_of_names_only_is_weak_and_a_headline_is_not():
    assert weak_title("详细内容") and weak_title("城关区教育局") and weak_title("教育动态 - 城关区教育局") and weak_title("")
    assert weak_title("甘肃省兰州市城关区教育局门户网站") and weak_title("教育动态-甘肃省兰州市城关区人民政府门户网站")
    assert not weak_title(HEADLINE) and not weak_title(f"{HEADLINE}_城关区教育局")


def test_a_template_title_gives_way_to_the_headline_shown_above_the_credits():
    for shown in (f"<div class='article-title'>{HEADLINE}</div>", f"<h2>{HEADLINE}</h2>", f"<div><strong>{HEADLINE}</strong></div>"):
        result = extract_html(page("详细内容", shown), url="http://www.cgq.gov.cn/jyj/t1.html")
        assert result.title.startswith(HEADLINE)


def test_no_heading_shaped_line_above_the_article_keeps_the_title():
    result = extract_html(page("详细内容", f"<div>{HEADLINE}</div>"), url="http://www.cgq.gov.cn/jyj/t1.html")
    assert result.title == "详细内容"


def test_a_heading_far_above_the_article_is_not_its_headline():
    far = "<ul class='list'>" + "".join(f"<li><a href='/n/{i}'>全区教育系统工作动态第{i}期要目汇编</a></li>" for i in range(20)) + "</ul>"
    result = extract_html(page("详细内容", f"<h2>{HEADLINE}</h2>", credits=far), url="http://www.cgq.gov.cn/jyj/t1.html")
    assert result.title == "详细内容"


def test_a_title_that_is_the_headline_is_kept_over_a_heading_above_the_article():
    result = extract_html(page(f"{HEADLINE}_城关区教育局", "<h2>城关区教育局教育动态栏目</h2>"), url="http://www.cgq.gov.cn/jyj/t1.html")
    assert result.title.startswith(HEADLINE)


def test_a_statuss_time_and_client_set_as_a_heading_is_no_headline():
    shown = "<h4><span class='time'>8-26</span><span class='from'>来自 iPhone客户端</span></h4>"
    result = extract_html(page("微博", shown, credits=""), url="https://m.weibo.cn/status/OeAbCdEfG")
    assert "来自" not in result.title
