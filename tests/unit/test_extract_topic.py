"""A box of prose off the title's topic (a site's introduction) set beside or below a short
article is not taken for it, nor kept with it; boxes on the title's topic stay."""
from parsel import Selector

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_main import extract_main
from cleaners.steps.extract_topic import title_pairs

TITLE = "交通运输部：着力打造京津冀区域综合立体交通网络"
ARTICLE = ("<p>据新华社消息，今日从交通运输部新闻发布会获悉，京津冀交通一体化建设各项工作取得积极成效，"
           "下一步将着力打造三地立体交通网络，实现区域内快速铁路覆盖所有地级及以上城市。</p>")
INTRO = ("本站是由某某市人民政府主办的门户网站，致力于为广大市民提供权威、及时、全面的政务信息服务。"
         "网站开设了政务公开、办事服务、互动交流等栏目，欢迎社会各界人士提出宝贵意见和建议。"
         "我们将不断改进工作，提高服务水平，努力建设人民满意的服务型政府网站。")
SIDEBAR = f"<div><h3>网站简介</h3><p>{INTRO}</p><p>{INTRO[:60]}</p></div>"


def extracted(body: str) -> str:
    html = f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>{body}</body></html>"
    return extract_main(Selector(text=html).root, BLOCK_TAGS, TITLE)[0]


def test_a_site_introduction_outscoring_a_short_article_beside_it_is_not_the_article():
    text = extracted(f"<div><div>{ARTICLE}</div></div><div>{SIDEBAR}</div>")
    assert "京津冀交通一体化" in text and "网站简介" not in text and "政务信息服务" not in text


def test_an_off_topic_box_closing_the_article_column_goes_and_a_line_below_it_stays():
    text = extracted(f"<div><div>{ARTICLE}<div>（责任编辑：张三）</div></div>{SIDEBAR}<div>扫码阅读</div></div>")
    assert "京津冀交通一体化" in text and "政务信息服务" not in text and "网站简介" not in text


def test_a_closing_section_on_the_title_topic_stays():
    section = ("<div><h3>下一步工作</h3><p>交通运输部表示，将加快推进京津冀区域综合交通网络建设，"
               "完善立体交通体系，提升区域交通服务水平。</p></div>")
    text = extracted(f"<div><div>{ARTICLE}</div>{section}</div>")
    assert "下一步工作" in text and "提升区域交通服务水平" in text


def test_a_title_of_few_character_pairs_says_nothing_about_the_topic():
    assert len(title_pairs("静夜思")) < 4
    html = f"<html><head><title>静夜思</title></head><body><div>{SIDEBAR}</div></body></html>"
    assert "政务信息服务" in extract_main(Selector(text=html).root, BLOCK_TAGS, "静夜思")[0]


def test_a_sidebar_box_closing_the_column_does_not_keep_the_winner_above_the_article():
    """The column holds a dateline, the article's own div and a site introduction: the
    introduction (dropped from it anyway) must not make the column the article, dateline and all."""
    article = f"<div>{ARTICLE}{ARTICLE.replace('据新华社消息，', '')}</div>"
    text = extracted(f"<div><div>某某电台-财经 2024年5月22日 上午8:21</div>{article}{SIDEBAR}</div>")
    assert "京津冀交通一体化" in text and "政务信息服务" not in text and "某某电台" not in text
