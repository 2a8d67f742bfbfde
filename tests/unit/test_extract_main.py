"""The own extractor finds the article on pages no profile knows (the headline: test_extract_title_choice.py)."""
import pytest
from parsel import Selector

from cleaners import Document, clean
from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_main import extract_main
from cleaners.steps.extract_scores import candidates
from cleaners.steps.extract_sizes import measure

SENTENCE = "县教育局认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效，群众满意度不断提高。"
BODY = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 7))
RELATED = "".join(f"<a href='/a{i}.html'>教育局召开第{i}次工作会议</a><br>" for i in range(6))
NAV = "<div class='nav'>" + "".join(f"<a href='/c{i}'>栏目{i}</a>" for i in range(10)) + "</div>"


def extracted(html: str) -> str:
    return extract_main(Selector(text=html).root, BLOCK_TAGS)[0]


def test_gov_notice_body_is_found_and_the_related_links_inside_it_are_not_kept():
    html = (f"<html><body>{NAV}<table class='xxgk'><tr><td>索引号：</td><td>001/2024-00012</td></tr>"
            f"<tr><td>发文机关：</td><td>示范县教育局</td></tr></table>"
            f"<div class='TRS_Editor'>{BODY}<p>相关链接：</p>{RELATED}</div><div class='footer'>版权所有</div></body></html>")
    text = extracted(html)
    assert all(f"{i}、{SENTENCE}" in text for i in range(1, 7))
    assert "教育局召开第1次工作会议" not in text and "栏目1" not in text and "版权所有" not in text


def test_one_or_two_link_lines_inside_the_article_stay_in_running_text():
    html = (f"<html><body><div class='content'>{BODY}附件：<a href='/x'>2024年工作要点</a><br>"
            f"<a href='/y'>2024年招生简章</a><br><p>{SENTENCE}</p></div></body></html>")
    text = extracted(html)
    assert "2024年工作要点" in text and "2024年招生简章" in text


def test_feed_items_sharing_a_class_do_not_beat_the_article():
    item = "<li><div class='item'><div class='item-content'><p>{0}</p><p>{0}</p></div></div></li>".format(SENTENCE * 2)
    article = f"<div class='caas-body'><p>{SENTENCE}</p><p>{SENTENCE}</p></div>"
    text = extracted(f"<html><body><div class='main'><article>{article}</article></div>"
                     f"<div class='stream'><ul>{item * 5}</ul></div></body></html>")
    assert text.strip().split("\n")[0] == SENTENCE and len(text) < len(SENTENCE) * 3


def test_wechat_article_hidden_until_its_script_runs_is_extracted():
    html = (f"<html><body><div class='rich_media_content' id='js_content' style='visibility: hidden;'>"
            f"{BODY}</div></body></html>")
    assert clean(Document(html=html, url="https://mp.weixin.qq.com/s/abc")).text.count(SENTENCE) == 6


def test_paragraphs_whose_text_sits_in_spans_are_read_as_one_article_with_their_headings():
    long = f"<p class='MsoNormal'><span><font>{SENTENCE * 8}</font></span></p>"     # one long paragraph
    paragraphs = long + "".join(f"<p class='MsoNormal'><span><font>{i}、</font><font>{SENTENCE}</font></span></p>"
                                f"<p class='MsoNormal'><span>0{i}小标题</span></p>" for i in range(1, 7))
    html = f"<html><body>{NAV}<div><ucapcontent>{paragraphs}</ucapcontent></div></body></html>"
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS)
    assert text.count(SENTENCE) == 14 and "03小标题" in text and "栏目" not in text


def test_a_share_button_named_inside_the_article_goes_even_when_its_name_also_says_article():
    html = (f"<html><body><div class='content'><div class='ArticleShareBtn'><span>转播到微博</span></div>"
            f"{BODY}</div></body></html>")
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS)
    assert text.count(SENTENCE) == 6 and "转播" not in text


def test_the_article_under_the_headline_wins_over_a_longer_text_far_below_it():
    other = "另一篇文章讲述了完全不同的事情，内容很长，标点很多，但它不在标题下面。"
    filler = "".join(f"<li><a href='/n{i}'>导航链接第{i}条新闻标题</a></li>" for i in range(60))
    html = (f"<html><body><h1>县教育局推进工作</h1><div class='a'>{BODY}</div>"
            f"<ul>{filler}</ul><div class='b'>{''.join(f'<p>{other}</p>' for _ in range(8))}</div></body></html>")
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS, "县教育局推进工作")
    assert text.count(SENTENCE) == 6 and other not in text
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS)     # no headline known: the longer text
    assert other in text


def test_a_question_set_apart_between_the_headline_and_the_answer_is_read_before_it():
    question = "台湾突发地震，福建、广东等地有震感，这次地震波及范围为何如此之广？请专家解释。"
    html = (f"<html><body><div class='head'><h1>地震波及范围为何如此之广</h1><div class='q'><span>{question}</span></div>"
            f"</div><div class='links'>{RELATED}</div><div class='answer'>{BODY}</div></body></html>")
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS, "地震波及范围为何如此之广")
    assert text.index(question) < text.index(SENTENCE) and text.count(SENTENCE) == 6


def test_a_summary_box_that_repeats_the_article_is_not_read_before_it():
    summary = f"摘要：{SENTENCE}"
    html = (f"<html><body><div class='head'><h1>县教育局推进工作</h1><div class='summary'>{summary}</div></div>"
            f"<div class='links'>{RELATED}</div><div class='a'>{BODY}</div></body></html>")
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS, "县教育局推进工作")
    assert "摘要" not in text and text.count(SENTENCE) == 6


def test_paragraphs_of_linked_headlines_give_their_list_no_score():
    items = "".join(f"<p><a href='/n{i}'>县里召开第{i}次工作会议，部署下一阶段工作，要求各单位抓好落实。</a>"
                    f"（2024-01-{i % 28 + 1:02d}）</p>" for i in range(30))
    root = Selector(text=f"<html><body><div class='list'>{items}</div></body></html>").root
    listing = root.xpath("//div[@class='list']")[0]
    assert listing not in candidates(root, measure(root))


def test_a_longer_text_under_a_more_answers_region_does_not_beat_the_pages_own_answer():
    own = f"<div class='answer'><p>{SENTENCE}</p><p>{SENTENCE}</p><p>{SENTENCE}</p></div>"
    other = "".join(f"<p>第{i}段，另一位用户的回答，与本页无关。{SENTENCE}</p>" for i in range(8))
    text = extracted(f"<html><body><h1>标题</h1>{own}<div class='Card MoreAnswers'><h4>更多回答</h4>"
                     f"<div><div class='item'>{other}</div></div></div></body></html>")
    assert SENTENCE in text and "另一位用户的回答" not in text


def test_a_feedback_widget_of_short_items_after_the_article_does_not_join_it():
    reasons = "".join(f"<li>{word}</li>" for word in ("广告软文", "重复、旧闻", "文章质量差", "文字、图片、视频等展示问题",
                                                      "标题夸张、文不对题", "与事实不符", "低俗色情", "欺诈或恶意营销",
                                                      "疑似抄袭", "其他问题，我要吐槽"))
    widget = (f"<div class='a-btool'><div>阅读数(15878)</div><div><a href='#'>不感兴趣</a><div><h4>不感兴趣</h4>"
              f"<ul>{reasons}</ul></div><div><p>感谢您的反馈，我们将会减少此类文章的推荐</p></div></div></div>")
    text = extracted(f"<html><body><div class='main'><div class='a-con'>{BODY}</div>{widget}</div></body></html>")
    assert text.count(SENTENCE) == 6 and "广告软文" not in text and "感谢您的反馈" not in text


def test_a_sidebar_column_whose_prose_lies_in_a_table_does_not_join_the_article():
    bio = "白居易，字乐天，号香山居士，唐代伟大的现实主义诗人，他的诗歌题材广泛，形式多样，语言平易通俗，有诗魔和诗王之称。"
    others = "".join(f"<li><a href='/p{i}'>其他诗词{i}</a></li>" for i in range(3))
    html = (f"<html><body><div class='main-body'><div class='prose-left'><div class='poem'>{BODY}</div>"
            f"<div class='shangxi'><div>{BODY}</div></div><div class='shangxi'><div>{BODY}</div></div></div>"
            f"<div class='right'><h3><a href='/author/1'>白居易</a></h3><table><tr><td><img src='a.jpg'></td>"
            f"<td><span>{bio}{bio}</span></td></tr></table><ul>{others}</ul></div></div></body></html>")
    text = extracted(html)
    assert text.count(SENTENCE) == 18 and "香山居士" not in text


def test_an_article_split_over_sibling_divs_is_read_whole():
    html = (f"<html><body><div class='wrap'><div class='content'>{BODY}</div>"
            f"<div><p>第二部分，{SENTENCE}{SENTENCE}</p></div></div></body></html>")
    assert "第二部分" in extracted(html)


TEASER_ITEMS = {
    "two_wrappers": "<li><div><div><a href='/n{0}'>另一条新闻{0}</a><p>{1}</p></div></div></li>",
    "link_and_text_each_wrapped_again": ("<li><div><div><div><div><a href='/n{0}'>另一条新闻{0}</a></div>"
                                         "<div><p>{1}</p></div></div></div></div></li>"),
}


@pytest.mark.parametrize("teaser", TEASER_ITEMS.values(), ids=TEASER_ITEMS.keys())
def test_teasers_in_a_list_do_not_beat_a_short_article_without_class_names_however_many_wrappers(teaser):
    feed = "".join(teaser.format(i, SENTENCE * 3) for i in range(5))
    html = (f"<html><body><div><h1>日本企业信心保持稳定</h1><div><p>{SENTENCE}{SENTENCE}</p></div></div>"
            f"<div><ul>{feed}</ul></div></body></html>")
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS, "日本企业信心保持稳定")
    assert text.strip() == SENTENCE * 2


def test_an_attachment_link_inside_the_article_is_part_of_it_however_link_heavy():
    html = (f"<html><body><div class='TRS_Editor'>{BODY}<p>附件：<a href='/f/1.pdf'>示范县2024年招生计划</a></p>"
            f"<p>相关新闻：<a href='/n/2.html'>示范县召开招生工作会议</a></p></div></body></html>")
    text = extracted(html)
    assert "附件：示范县2024年招生计划" in text and "示范县召开招生工作会议" not in text


def test_an_attachment_box_right_below_the_articles_container_joins_it():
    html = (f"<html><body>{NAV}<div class='content'><h1>示范县招生工作通知</h1><div class='article'>{BODY}</div>"
            f"<div class='fj'><p>附件：</p><p><a href='/f/1.docx'>1.示范县2024年招生计划.docx</a></p></div>"
            f"<div class='tools'><a href='#'>打印本页</a> <a href='#'>关闭窗口</a></div>"
            f"<div class='more'><p>相关新闻：</p><p><a href='/n/2.html'>示范县召开招生工作会议</a></p></div></div></body></html>")
    text = extracted(html)
    assert "1.示范县2024年招生计划.docx" in text and "打印本页" not in text and "示范县召开招生工作会议" not in text


def test_a_sibling_holding_only_a_comment_is_read_past_on_the_way_to_the_attachments():
    html = (f"<html><body>{NAV}<div class='content'><div class='article'>{BODY}</div><div><!-- 广告位 --></div>"
            f"<div class='fj'>附件：<a href='/f/1.pdf'>示范县2024年招生计划.pdf</a></div></div>"
            f"<div class='foot'>版权所有</div></body></html>")
    text = extracted(html)
    assert f"6、{SENTENCE}" in text and "示范县2024年招生计划.pdf" in text


def test_text_in_a_cms_own_tag_counts_for_the_block_around_it_as_in_a_browser():
    """Unknown tags (`<ucapcontent>`) flow inline: the <br>-set article inside one still scores."""
    lines = "".join(f"{i}、{SENTENCE}<br><br>" for i in range(1, 9))
    footer = "<div><p>主办：示范县人民政府，承办：示范县人民政府办公室，技术支持：示范县信息中心。</p></div>"
    html = (f"<html><body>{NAV}<div><h1>示范县工作总结</h1><div><ucapcontent>{lines}</ucapcontent></div></div>"
            f"{footer}</body></html>")
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS, "示范县工作总结")
    assert text.count(SENTENCE) == 8 and "技术支持" not in text


def test_paragraphs_set_apart_by_br_count_as_paragraphs_not_as_one():
    """Twelve short <br>-separated paragraphs outscore one block of four sentences."""
    line = "示范县教育局召开二〇二四年度全县教育工作会议并部署全年重点任务。"
    flat = "<div id='flat'>" + f"{line}<br><br>" * 12 + "</div>"
    root = Selector(text=f"<html><body><div id='box'>{SENTENCE * 4}</div>{flat}</body></html>").root
    scores = {el.get("id"): score for el, score in candidates(root, measure(root)).items() if el.get("id")}
    assert scores["flat"] > scores["box"]


COMMENTS = ("<div><h3>网友评论</h3>" + "".join(
    f"<div><span>网友{i}</span> 2023-05-12 1{i}:2{i}<p>写得很好，希望有关部门能够认真落实，真正把好事办好，第{i}条。</p></div>"
    for i in range(4)) + "</div>")


def test_dated_comments_after_the_article_do_not_join_it_even_without_class_names():
    text = extracted(f"<html><body><div><div>{BODY}</div>{COMMENTS}</div></body></html>")
    assert text.count(SENTENCE) == 6 and "网友评论" not in text and "真正把好事办好" not in text


def test_dated_comments_inside_the_article_container_are_pruned():
    text = extracted(f"<html><body><div>{BODY}{COMMENTS}</div></body></html>")
    assert text.count(SENTENCE) == 6 and "真正把好事办好" not in text


def test_comments_that_outscore_a_short_article_do_not_win():
    html = (f"<html><body><h1>示范县召开会议</h1><div><div><p>{SENTENCE}</p><p>{SENTENCE}</p></div>{COMMENTS}"
            f"</div></body></html>")
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS, "示范县召开会议")
    assert text.count(SENTENCE) == 2 and "真正把好事办好" not in text


def test_an_article_with_its_dateline_is_no_list_of_posts():
    html = (f"<html><body><div><div>2023-05-12 10:21 来源：示范县融媒体中心</div>{BODY}</div>"
            f"{COMMENTS}</body></html>")
    assert extracted(html).count(SENTENCE) == 6


def test_dated_teasers_inside_the_article_container_are_pruned_without_class_names():
    teasers = "<div><h2>为你推荐</h2><div>" + "".join(
        f"<dl><dt><a href='/n{i}'>另一条新闻的标题第{i}条</a></dt><dd>另一条新闻的摘要，与本页无关，第{i}条。</dd>"
        f"<dd>2019-09-30 0{i}:42</dd></dl>" for i in range(4)) + "</div></div>"
    text = extracted(f"<html><body><div>{BODY}{teasers}</div></body></html>")
    assert text.count(SENTENCE) == 6 and "与本页无关" not in text and "为你推荐" not in text


def test_a_short_article_between_its_dateline_and_dated_teasers_is_kept():
    teasers = "".join(f"<div><a href='/n{i}'>另一条新闻的标题第{i}条</a> 2019-09-30 0{i}:42</div>" for i in range(4))
    html = (f"<html><body><div><div>2019-09-26 12:11 来源：示范县融媒体中心</div><div>{SENTENCE * 5}</div>"
            f"{teasers}</div></body></html>")
    assert SENTENCE * 5 in extracted(html)


def test_a_short_poem_is_not_pruned_for_the_link_lists_set_inside_its_block():
    poem = "深夜看书须尽欢，明月照亮浊酒案。<br>一杯美酒空对月，酌酒吟诗五千年。"
    related = "<div><h3>相关阅读</h3><ul>" + "".join(f"<li><a href='/a{i}'>另一首诗的标题第{i}首</a></li>"
                                             for i in range(5)) + "</ul></div>"
    html = (f"<html><body><div><h1>静夜思</h1><div id='content'><p>题记：己亥年腊月十六深夜看书小酌即兴所作。</p>"
            f"<div>{poem}{RELATED_BOX}</div><div><p>注释：{SENTENCE}</p></div></div></div></body></html>")
    text, _ = extract_main(Selector(text=html).root, BLOCK_TAGS, "静夜思")
    assert "明月照亮浊酒案" in text and "另一首诗的标题" not in text


def test_an_article_whose_paragraphs_each_sit_in_one_more_div_beats_a_shorter_unwrapped_text():
    # a wrapper holding one element and no text is no level: the paragraphs' container scores
    # them in full, as it would without the wrappers
    article = "".join(f"<div><p>{i}、{SENTENCE}</p></div>" for i in range(1, 7))
    aside = "".join(f"<p>另一段文字{i}，与本页文章无关，只是侧栏里的一段介绍，写得也很长。</p>" for i in range(4))
    root = Selector(text=f"<html><body><div id='a'>{article}</div><div>{aside}</div></body></html>").root
    scores = candidates(root, measure(root))
    assert max(scores, key=scores.get) is root.xpath("//div[@id='a']")[0]


def test_an_article_in_one_more_div_still_gathers_its_continuation_in_the_next_sibling():
    html = (f"<html><body><div class='wrap'><div><div>{BODY}</div></div>"
            f"<div><p>第二部分，{SENTENCE}{SENTENCE}</p></div></div></body></html>")
    text = extracted(html)
    assert text.count(SENTENCE) == 8 and "第二部分" in text


def test_a_summary_beside_the_article_that_repeats_it_does_not_join_it():
    summary = f"<div>摘要：{SENTENCE}1、{SENTENCE}</div>"
    text = extracted(f"<html><body><div>{summary}<div class='text'>{BODY}</div></div></body></html>")
    assert not text.startswith("摘要") and text.count(SENTENCE) == 6


def test_blocks_inside_the_winner_that_score_close_to_it_do_not_lift_it_to_its_parent():
    second = "".join(f"<p>第{i}段，{SENTENCE}</p>" for i in range(12))
    html = (f"<html><body><div><div class='content'><div>{BODY}{BODY}</div><div>{second}</div></div>"
            f"<div><h3>作者简介</h3><ul><li>张三，本报记者，长期关注教育领域。</li></ul></div></div></body></html>")
    text = extracted(html)
    assert "第11段" in text and "作者简介" not in text


def test_a_box_of_prose_under_a_heading_of_its_own_beside_the_article_does_not_join_it():
    intro = "本站是示范县主办的综合性门户网站，致力于为广大群众提供权威、及时、全面的信息服务，欢迎提出宝贵意见和建议。"
    html = (f"<html><body><div><div><div>{BODY}</div><div><h3>网站简介</h3><p>{intro}</p><p>{intro}</p></div>"
            f"</div></div></body></html>")
    text = extracted(html)
    assert text.count(SENTENCE) == 6 and "网站简介" not in text and "门户网站" not in text


def test_a_part_of_a_split_article_led_by_its_section_heading_still_joins_it():
    html = (f"<html><body><div><div><h3>一、总体情况</h3>{BODY}</div><div><h3>二、主要做法</h3>"
            f"<p>第二部分，{SENTENCE}</p><p>{SENTENCE}</p></div></div></body></html>")
    text = extracted(html)
    assert text.count(SENTENCE) == 8 and "二、主要做法" in text


def test_an_article_of_br_paragraphs_beats_its_column_holding_a_list_of_teasers():
    body = "".join(f"<span>{i}、{SENTENCE}{SENTENCE}</span><br><br>" for i in range(1, 7))
    summary = "另一篇报道的摘要，记者从有关部门获悉，相关工作正在有序推进，预计年底前全面完成，届时将向社会公布。"
    teasers = "".join(f"<div><div><a href='/n{i}'>另一条新闻{i}</a></div><span>{summary}</span><br><br></div>"
                      for i in range(8))
    text = extracted(f"<html><body><div><div><div>{body}</div><div class='row-recommend'><div>您可能感兴趣的文章</div>"
                     f"{teasers}</div></div></div></body></html>")
    assert text.count(SENTENCE) == 12 and "另一篇报道" not in text


def test_the_article_inside_a_column_it_shares_with_a_box_under_its_own_heading_is_read_alone():
    body = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 10))
    intro = "本站是示范县主办的综合性门户网站，致力于为广大群众提供权威、及时、全面的信息服务，欢迎提出宝贵意见和建议。"
    text = extracted(f"<html><body><div><div class='content'><div>{body}</div><div><h3>网站简介</h3><p>{intro}</p>"
                     f"<p>{intro}</p></div></div></div></body></html>")
    assert text.count(SENTENCE) == 9 and "门户网站" not in text


def test_a_documents_head_of_several_paragraphs_in_a_container_before_its_body_is_no_summary():
    head = f"<div><p>示范县教育局</p><p>关于推进各项工作的通知</p><p>各乡镇：</p><p>{SENTENCE}{SENTENCE[:20]}</p></div>"
    text = extracted(f"<html><body><div><div>{head}<div><img src='ad.jpg'></div><div>{BODY}</div></div></div></body></html>")
    assert text.startswith("示范县教育局\n关于推进各项工作的通知") and text.count(SENTENCE) == 7


def test_a_box_of_captioned_photos_beside_the_article_joins_it_but_a_qr_code_box_does_not():
    photos = ("<div><table><tr><td><img src='/p/1.jpg'></td></tr><tr><td>县长调研春耕生产</td></tr></table>"
              "<table><tr><td><img src='/p/2.jpg'></td></tr><tr><td>农技人员田间指导</td></tr></table></div>")
    ad = "<div><a href='/ad'><img src='/ad.jpg'></a></div>"
    qr = "<div><img src='data:image/png;base64,iVBORw0KGgo='><p>扫码阅读全文</p></div>"
    html = f"<html><body>{NAV}<div>{photos}{ad}<div>{BODY}</div>{qr}</div><div class='footer'>版权所有</div></body></html>"
    text = extracted(html)
    assert "县长调研春耕生产" in text and "农技人员田间指导" in text and f"1、{SENTENCE}" in text
    assert "扫码阅读全文" not in text


def test_a_captioned_picture_past_another_box_of_text_stays_out():
    html = (f"<html><body>{NAV}<div><div>{BODY}</div><div>网友热议</div>"
            f"<div><img src='/logo.png'><p>我的天职是搜索</p></div></div></body></html>")
    assert "我的天职是搜索" not in extracted(html)


def test_a_box_of_other_stories_linked_pictures_beside_the_article_stays_out():
    items = "".join(f"<li><a href='/pic/{i}.html'><img src='/pic/{i}.jpg'></a><p>古镇夜景{i}</p></li>" for i in range(4))
    for box in (f"<div><ul>{items}</ul></div>", f"<div><h3>图片新闻</h3><ul>{items}</ul></div>"):
        html = f"<html><body>{NAV}<div><div>{BODY}</div>{box}</div></body></html>"
        assert "古镇夜景1" not in extracted(html)


def test_an_avatar_with_its_name_views_and_date_beside_the_article_stays_out():
    html = (f"<html><body>{NAV}<div><div><img src='/u/1.jpg'> <span>再睡一夏</span> | <span>455</span> | "
            f"<span>2024-01-03</span></div><div>{BODY}</div></div></body></html>")
    assert "再睡一夏" not in extracted(html)


def test_sub_headings_between_the_articles_parts_in_sibling_divs_are_kept():
    for heading in ("<h3>{}</h3>", "<div><h3>{}</h3></div>", "<div><strong>{}</strong></div>"):
        # two parts of three paragraphs: each part wins on its own, the other joins it as a sibling
        part = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 4))
        parts = "".join(heading.format(f"{n}、主要做法") + f"<div>{part}</div>" for n in "一二")
        text = extracted(f"<html><body>{NAV}<div>{parts}</div><div class='footer'>版权所有</div></body></html>")
        assert text.count(SENTENCE) == 6 and all(f"{n}、主要做法" in text for n in "一二")


def test_a_heading_before_a_single_part_or_a_label_over_a_box_that_does_not_join_stays_out():
    html = f"<html><body>{NAV}<div><h3>国内新闻</h3><div>{BODY}</div></div></body></html>"
    assert "国内新闻" not in extracted(html)
    box = "<div><strong>推荐阅读</strong></div><div>" + "".join(f"<a href='/a{i}'>推荐新闻标题第{i}条</a>" for i in range(5)) + "</div>"
    html = f"<html><body>{NAV}<div><div>{BODY}</div>{box}<div>{BODY}</div></div></body></html>"
    assert "推荐阅读" not in extracted(html)


RELATED_BOX = "<div><p>相关阅读：</p><ul>" + "".join(
    f"<li><a href='/a{i}.html'>示范县第{i}次教育工作会议召开，部署新学期工作</a></li>" for i in range(4)) + "</ul></div>"
TITLED = "<html><head><title>示范县教育局推进各项工作</title></head><body>"


def article_of(html: str) -> str:
    return extract_main(Selector(text=html).root, BLOCK_TAGS, "示范县教育局推进各项工作")[0]


def test_a_box_of_links_between_the_articles_two_halves_does_not_cut_the_second_half():
    half = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 4))
    text = article_of(f"{TITLED}{NAV}<div><div>{half}</div>{RELATED_BOX}<div>{half}</div></div>"
                      "<div class='footer'>版权所有</div></body></html>")
    assert text.count(SENTENCE) == 6 and "相关阅读" not in text and "教育工作会议" not in text


def test_the_next_story_past_a_box_of_links_after_the_article_stays_out():
    other = "".join(f"<p>{i}、市交通运输局加快推进道路建设，新建改建农村公路一百公里，方便群众出行。</p>" for i in range(1, 4))
    text = article_of(f"{TITLED}{NAV}<div><div>{BODY}</div>{RELATED_BOX}<div>{other}</div></div></body></html>")
    assert text.count(SENTENCE) == 6 and "交通运输局" not in text


def test_the_articles_last_paragraph_past_a_box_of_links_joins_it_though_too_short_to_score():
    half = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 11))
    last = "<p>示范县教育局表示，下一步将继续推进各项工作，确保取得实效。</p>"
    text = article_of(f"{TITLED}{NAV}<div><div>{half}</div>{RELATED_BOX}<div>{last}</div></div>"
                      "<div class='footer'>版权所有</div></body></html>")
    assert text.count(SENTENCE) == 10 and "下一步将继续推进" in text and "教育工作会议" not in text


def test_a_short_paragraph_on_another_topic_past_a_box_of_links_stays_out():
    half = "".join(f"<p>{i}、{SENTENCE}</p>" for i in range(1, 11))
    other = "<p>市交通运输局加快推进道路建设，新建改建农村公路一百公里，方便沿线群众出行。</p>"
    text = article_of(f"{TITLED}{NAV}<div><div>{half}</div>{RELATED_BOX}<div>{other}</div></div></body></html>")
    assert text.count(SENTENCE) == 10 and "交通运输局" not in text


def test_a_footer_with_its_registration_line_is_not_taken_for_an_article_of_table_rows():
    """An article of rows with few marks (a 校历) scored below the footer's 主办单位：… 地址：… 电话：…
    colons: the footer won, the boilerplate step emptied it, and the page was rejected too_short.
    (The footer's line may still join the article as its sibling: stop 27's note.)"""
    rows = ["周次 | 日期 | 主要工作", "第1周 | 2月26日-3月1日 | 开学报到", "第2周 | 3月4日-3月8日 | 学雷锋活动",
            "第3周 | 3月11日-3月15日 | 教学常规检查", "各校结合实际做好安排。"]
    page = ("<html><head><title>2024年春季学期校历_城关区人民政府</title></head><body>"
            "<table><tr><td><a href='/'>首页</a></td><td><a href='/b'>政务公开</a></td></tr></table>"
            "<h1>2024年春季学期校历</h1><div class='TRS_Editor'>" + "".join(f"<p>{row}</p>" for row in rows) + "</div>"
            "<table><tr><td>主办单位：城关区教育局 地址：城关区人民路1号 电话：0791-87650001</td></tr>"
            "<tr><td>赣ICP备12345678号-1 赣公网安备36010202000123号</td></tr></table></body></html>")
    result = clean(Document(id="t", url="https://jyj.example.gov.cn/art/2024/2/27/art_1_4.html", html=page))
    assert result.rejection is None
    assert all(" ".join(row.split()) in " ".join(result.text.split()) for row in rows)


def test_a_meta_row_named_like_the_article_does_not_join_it():
    # WeChat names both rich_media_*: the account/time row beside the article is no part of it
    meta = ("<div class='rich_media_meta_list' id='meta_content'><span class='rich_media_meta'>原创</span>"
            "<span class='rich_media_meta'>城关区教育局</span><em class='rich_media_meta'>2024-08-26 18:30</em>"
            "<em class='rich_media_meta'>甘肃</em></div>")
    html = f"<html><body><h1>标题</h1>{meta}<div class='rich_media_content' id='js_content'>{BODY}</div></body></html>"
    text = extracted(html)
    assert SENTENCE in text and "原创" not in text and "城关区教育局" not in text


def test_a_short_story_does_not_take_in_a_sidebar_of_titled_boxes_with_prose():
    story = "9月2日上午，城关区第一小学举行2024年秋季学期开学典礼，全校师生1800余人参加。"
    profile = ("城关区第一小学始建于1952年，是一所历史悠久、文化底蕴深厚的公办小学。学校现有教学班42个，在校学生1800余人，"
               "教职工126人，其中高级教师38人，市区级骨干教师25人。学校坚持“以人为本、全面发展”的办学理念，先后荣获全国文明校园、"
               "省级示范学校、省级绿色学校等荣誉称号，教育教学质量在全区名列前茅，深受社会各界和广大家长的好评。")
    html = (f"<html><head><title>城关区第一小学举行开学典礼_城关区第一小学</title></head><body>{NAV}"
            f"<div class='main'><div class='left'><div class='pos'>当前位置：<a>首页</a> &gt; <a>学校动态</a></div>"
            f"<h1>城关区第一小学举行开学典礼</h1><div class='info'>发布时间：2024-09-02 作者：校办 浏览：356</div><div class='text'><p>{story}</p></div>"
            f"<div class='pn'><p>上一篇：<a>我校开展暑期安全教育活动</a></p><p>下一篇：<a>我校召开新学期教师大会</a></p></div></div>"
            f"<div class='right'><div class='box'><h3>学校简介</h3><p>{profile}</p><a>更多</a></div>"
            f"<div class='box'><h3>通知公告</h3><ul><li><a>关于秋季学期开学的通知</a></li><li><a>一年级新生入学须知</a></li></ul></div></div></div>"
            f"<div class='footer'>版权所有</div></body></html>")
    text = extract_main(Selector(text=html).root, BLOCK_TAGS, "城关区第一小学举行开学典礼")[0]
    assert story in text and "始建于1952年" not in text



@pytest.mark.parametrize("region", ["x-discuss", "pinglun-box"])
def test_a_discussion_region_named_in_its_own_words_after_the_article_is_not_the_article(region):
    """A tutorial site's discussion (`x-discuss`) or a region named in pinyin (`pinglun`) holds
    readers' questions: other items than the page's own, like a `comment` region."""
    talk = (f"<div class='{region}'><h3>Comments</h3><h4>Make a comment</h4><p>Sign in to make a comment</p>"
            "<div class='topic'><h4>字典和列表的区别是什么？</h4><p>看完还是不太明白什么时候用字典什么时候用列表，求解答。</p>"
            "<p>张三 created at 3 days ago</p></div></div>")
    tool = "<div class='x-wiki-tool'><a href='/1'>← 上一页</a><a href='/2'>下一页 →</a></div>"
    body = "".join(f"<h3>第{i}节</h3><p>{SENTENCE}</p><pre><code>print({i})</code></pre>" for i in range(1, 4))
    text = extracted(f"<html><body><div class='x-content'>{tool}<h4>示范县召开会议</h4><div><span>Reads: 1234</span></div>"
                     f"<div class='x-wiki-content'><p>{SENTENCE}</p>{body}</div>{tool}{talk}</div></body></html>")
    assert text.count(SENTENCE) == 4 and "求解答" not in text


def test_a_ruby_annotations_reading_is_not_part_of_the_line():
    from cleaners.steps.extract import extract_html
    line = "".join(f"<ruby>{ch}<rt>{py}</rt></ruby>" for ch, py in zip("春眠不觉晓", ["chūn", "mián", "bù", "jué", "xiǎo"]))
    line += "<ruby>处<rp>(</rp><rt>chù</rt><rp>)</rp></ruby>处闻啼鸟。"
    page = (f"<html><head><title>春晓</title></head><body><div class='poem'><p>{line}</p>"
            "<p>这首诗是诗人隐居在鹿门山时所作，意境十分优美，生动地表达了诗人对春天的热爱和怜惜之情。</p></div></body></html>")
    assert "春眠不觉晓处处闻啼鸟。" in extract_html(page, url="https://www.ertong.com/shici/chunxiao.html").text.replace("，", "")
