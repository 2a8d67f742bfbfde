"""Boxes inside the article's container: other stories' linked pictures are pruned, the
article's own pictures and their captions stay; a sub-heading between paragraphs stays whatever
chrome word its class holds, a chrome-named box at the article's end goes."""
from parsel import Selector

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_main import extract_main

SENTENCE = "县教育局认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效，群众满意度不断提高。"
BODY = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 4))
NAV = "<div class='nav'>" + "".join(f"<a href='/c{i}'>栏目{i}</a>" for i in range(10)) + "</div>"


def extracted(inside: str) -> str:
    html = f"<html><body>{NAV}<div><div>{BODY}{inside}</div></div><div class='footer'>版权所有</div></body></html>"
    return extract_main(Selector(text=html).root, BLOCK_TAGS)[0]


def test_a_box_of_other_stories_linked_pictures_inside_the_article_container_is_pruned():
    items = "".join(f"<li><a href='/pic/{i}.html'><img src='/pic/{i}.jpg'></a><p>古镇夜景{i}</p></li>" for i in range(2))
    gallery = "".join(f"<li><a href='/pic/{i}.html'><img src='/pic/{i}.jpg'></a><p>春耕时节田间忙{i}</p></li>"
                      for i in range(4))
    for box in (f"<div><h3>图片新闻</h3><ul>{items}</ul></div>", f"<div><ul>{gallery}</ul></div>"):
        text = extracted(box)
        assert text.count(SENTENCE) == 3 and "古镇夜景" not in text and "图片新闻" not in text and "春耕" not in text


def test_the_articles_own_pictures_and_captions_inside_its_container_stay():
    own = "".join(f"<p><a href='/p/{i}.jpg'><img src='/p/{i}.jpg'></a></p><p>县长调研春耕生产{i}</p>" for i in range(3))
    slides = "".join(f"<div><a href='/slide/7.html#p={i}'><img src='/p/{i}.jpg'></a><p>图为农技人员在田间指导，"
                     f"村民学习新技术{i}。</p></div>" for i in range(3))
    for box, caption in ((own, "县长调研春耕生产1"), (f"<div>{slides}</div>", "村民学习新技术1")):
        assert caption in extracted(box)


def test_a_subheading_between_paragraphs_stays_though_its_class_names_chrome():
    for heading in ("<div class='section-header'><h3>二、主要做法</h3></div>", "<p class='sub-header'><strong>二、主要做法</strong></p>",
                    "<h4 class='navy-title'>二、主要做法</h4>"):
        html = (f"<html><body>{NAV}<div><div>{BODY}{heading}<p>9、{SENTENCE}</p></div></div>"
                f"<div class='footer'>版权所有</div></body></html>")
        assert "二、主要做法" in extract_main(Selector(text=html).root, BLOCK_TAGS)[0]


def test_a_chrome_named_box_closing_the_article_still_goes():
    text = extracted("<div class='share-header'><strong>分享到</strong></div>")
    assert text.count(SENTENCE) == 3 and "分享到" not in text


def test_a_footnote_is_no_footer():
    text = extracted("<p class='foot-note'>注：文中数据截至2024年8月25日</p><p class='footnote'>注：数据来源于统计快报</p>")
    assert "注：文中数据截至2024年8月25日" in text and "注：数据来源于统计快报" in text


def test_a_box_of_linked_headlines_with_excerpts_beside_the_article_is_pruned():
    items = "".join(f"<p><a href='/n/{i}.html'>全市教育系统安全工作会议召开{i}</a> 会议要求各级各类学校把安全放在首位，扎实开展隐患排查。</p>"
                    for i in range(3))
    text = extracted(f"<div class='bjtj'><p>【编辑推荐】</p>{items}</div>")
    assert text.count(SENTENCE) == 3 and "编辑推荐" not in text and "隐患排查" not in text


def test_a_digest_whose_paragraphs_open_with_links_is_the_article():
    items = "".join(f"<p><a href='/n/{i}.html'>全市教育系统安全工作会议召开{i}</a> 会议要求各级各类学校把安全放在首位，扎实开展隐患排查。</p>"
                    for i in range(4))
    html = f"<html><body>{NAV}<div class='article'><div class='text'>{items}</div></div><div class='footer'>版权所有</div></body></html>"
    assert extract_main(Selector(text=html).root, BLOCK_TAGS)[0].count("隐患排查") == 4


def test_a_post_whose_text_ends_in_linked_hashtags_is_no_box_of_teasers():
    post = "<div>我市坚决依法依规保护各类野生动物，对有关责任人员严肃追责。<a href='/t/1'>#官方通报动物园东北虎死亡#</a> <a href='/t/2'>#动物园称死亡老虎不属于园方#</a></div>"
    assert "严肃追责" in extracted(post)
