"""The page's headline, chosen from <title>, h1 and meta[name=ArticleTitle] (extract_choice.best_title),
and the site's name taken off it (split off test_extract_main.py)."""
from parsel import Selector

from cleaners.html_text import text_and_depth
from cleaners.steps.extract_choice import best_title, strip_site_name


def test_headline_is_the_h1_that_the_title_repeats():
    sel = Selector(text="<html><head><title>示范县召开教育大会_示范县人民政府</title></head>"
                        "<body><h1>网站导航</h1><h1>示范县召开教育大会</h1></body></html>")
    assert best_title(sel) == "示范县召开教育大会"


def test_article_title_meta_when_no_h1_matches():
    sel = Selector(text="<html><head><title>示范县人民政府</title><meta name='ArticleTitle' content='关于做好招生工作的通知'>"
                        "</head><body><h1>示范县人民政府</h1></body></html>")
    assert best_title(sel) == "示范县人民政府"  # the h1 repeats the title: it is the page's own heading
    sel = Selector(text="<html><head><title>示范县人民政府</title><meta name='ArticleTitle' content='关于做好招生工作的通知'>"
                        "</head><body></body></html>")
    assert best_title(sel) == "关于做好招生工作的通知"


def test_site_segments_come_off_the_title_but_separators_inside_the_headline_stay():
    assert strip_site_name("姚明对周琦说了啥？周琦上下半场判若两人_网易新闻") == "姚明对周琦说了啥？周琦上下半场判若两人"
    assert strip_site_name("安徽司法行政系训诫预警：“揪揪耳朵”防腐败--时政--人民网") == "安徽司法行政系训诫预警：“揪揪耳朵”防腐败"
    assert strip_site_name("COVID-19疫情通报") == "COVID-19疫情通报"


def test_headline_is_the_line_of_the_page_that_the_title_shows_before_the_site_name():
    page = ("<html><head><title>江门警方斩断电诈链条-富达传媒</title></head><body>"
            "<div>首页 新闻 财经</div><h2 class='post-title'>江门警方斩断电诈链条</h2><p>正文。</p></body></html>")
    sel = Selector(text=page)
    assert best_title(sel, text_and_depth(sel.root)[0]) == "江门警方斩断电诈链条"


def test_title_cut_short_by_an_ellipsis_gives_way_to_the_text_it_starts():
    post = "【动物园二十只东北虎死亡？官方成立调查组】阜阳市人民政府新闻办公室通报，" * 3
    page = (f"<html><head><title>【动物园二十只东... - 头条新闻的微博 - 微博</title></head>"
            f"<body><div>{post}</div></body></html>")
    sel = Selector(text=page)
    assert best_title(sel, text_and_depth(sel.root)[0]) == ""
    headline = "【动物园二十只东北虎死亡？】"
    page = page.replace(f"<div>{post}</div>", f"<div>{headline}</div><p>{post}</p>")
    sel = Selector(text=page)
    assert best_title(sel, text_and_depth(sel.root)[0]) == headline


def test_an_h1_with_a_badge_before_the_titles_headline_is_the_headline_as_shown():
    sel = Selector(text="<html><head><title>Ruby：极致的脚本语言 · Ruby China</title></head>"
                        "<body><h1><span>Ruby</span> Ruby：极致的脚本语言</h1></body></html>")
    assert best_title(sel, text_and_depth(sel.root)[0]) == "Ruby Ruby：极致的脚本语言"


def test_a_label_set_before_the_shown_headline_is_no_part_of_it():
    page = ("<html><head><title>分享：我们学校新学期家校共育的做法（附活动安排） -- 城关教育论坛</title></head><body>"
            "<div>城关教育论坛 → 家校共育</div><table><tr><td><b>主题：分享：我们学校新学期家校共育的做法（附活动安排）</b></td></tr></table>"
            "<p>正文。</p></body></html>")
    sel = Selector(text=page)
    assert best_title(sel, text_and_depth(sel.root)[0]) == "分享：我们学校新学期家校共育的做法（附活动安排）"


def test_a_colon_inside_the_headline_itself_stays():
    page = ("<html><head><title>通知：关于秋季开学的安排-城关教育</title></head><body>"
            "<div>首页 新闻</div><h2>通知：关于秋季开学的安排</h2><p>正文。</p></body></html>")
    sel = Selector(text=page)
    assert best_title(sel, text_and_depth(sel.root)[0]) == "通知：关于秋季开学的安排"


def test_a_title_quoting_a_status_after_the_accounts_name_gives_way_to_it():
    """`某某 的想法: …… - 知乎`, `饭否 | 某某: ……`, `…… 来自某某 - 微博`: the title is the status's first
    words, a label around them; the page has no title, and the h1 naming the account is none."""
    status = "【城关区中小学秋季开学】8月26日，全区68所中小学、幼儿园迎来4.2万名学生，区教育局提前组织开展校舍安全排查，完成23所学校的维修改造，新学期新增学位1200个。"
    for title in ("城关融媒 的想法: 【城关区中小学秋季开学】8月26日，全区68所… - 知乎",
                  "饭否 | 城关融媒: 【城关区中小学秋季开学】8月26日，全区68所…",
                  "【城关区中小学秋季开学】8月26日，全区68所… 来自城关融媒 - 微博",
                  '城关融媒: "【城关区中小学秋季开学】8月26日，全区68所中小学、幼儿…" - 长毛象中文站'):
        sel = Selector(text=f"<html><head><title>{title}</title></head><body><h1>城关融媒</h1><p>{status}</p></body></html>")
        assert best_title(sel, text_and_depth(sel.root)[0]) == "", title


def test_a_headline_with_an_ellipsis_of_its_own_stays_the_headline():
    headline = "城关区教育局：开学第一天…这些安全事项要注意"
    sel = Selector(text=f"<html><head><title>{headline}_城关教育网</title></head><body><h2>{headline}</h2>"
                        "<p>开学第一天，城关区教育局提醒全区中小学生和家长注意以下安全事项。</p></body></html>")
    assert best_title(sel, text_and_depth(sel.root)[0]) == headline


def test_a_short_h1_the_title_opens_with_is_the_headline_and_a_site_name_it_ends_with_is_not():
    sel = Selector(text="<html><head><title>春晓_孟浩然_古诗拼音版</title></head><body><h1>春晓</h1><p>春眠不觉晓。</p></body></html>")
    assert best_title(sel, text_and_depth(sel.root)[0]) == "春晓"
    sel = Selector(text="<html><head><title>关于秋季开学的通知_教育局</title></head><body><h1>教育局</h1><p>正文。</p></body></html>")
    assert best_title(sel, text_and_depth(sel.root)[0]).startswith("关于秋季开学的通知")
