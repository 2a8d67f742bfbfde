"""Which container the own extractor settles on when class names do not tell: layout tables of one
cell, a winner that only adds chrome around the article, blocks around the winner that are not
other blocks.  Every page here has no class or id at all."""
from parsel import Selector

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_levels import level_inner, level_top
from cleaners.steps.extract_main import _descend, _lift, extract_main
from cleaners.steps.extract_sizes import measure

SENTENCE = "县教育局认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效，群众满意度不断提高。"
RELATED = ("<div><h3>为你推荐</h3>" + "".join(
    f"<dl><dt><a href='/r{i}'>另一则新闻的标题第{i}条</a></dt><dd>另一则新闻的摘要，写了几句，介绍了它的内容。</dd></dl>"
    for i in range(3)) + "</div>")


def extracted(html: str, title: str = "") -> str:
    return extract_main(Selector(text=html).root, BLOCK_TAGS, title)[0]


def test_a_table_of_one_cell_is_a_wrapper_and_a_table_of_several_cells_is_not():
    root = Selector(text="<html><body><div id='a'><table><tr><td id='c'><p>甲</p></td></tr></table></div>"
                         "<table id='t'><tr><td id='x'>乙</td><td>丙</td></tr></table></body></html>").root
    cell = root.xpath("//td[@id='c']")[0]
    assert level_top(cell, {}) is root.xpath("//div[@id='a']")[0]
    assert level_inner(root.xpath("//div[@id='a']")[0]) is cell
    assert level_top(root.xpath("//td[@id='x']")[0], {}).tag == "td"


def test_a_short_article_set_in_a_one_cell_table_keeps_its_containers_name():
    # the content div's name counts for the cell inside it, as it would without the table
    article = f"<table><tr><td><p>{SENTENCE}</p><p>{SENTENCE}</p></td></tr></table>"
    footer = "<div class='txt'>违法和不良信息举报电话：010-85650899 客服电话：010-85650688 邮箱：service@example.com</div>"
    text = extracted(f"<html><body><div><h1>交通运输部召开新闻发布会</h1><div class='art_contextBox'>{article}</div></div>"
                     f"<div><div><a href='/about'>关于我们</a></div>{footer}</div></body></html>", "交通运输部召开新闻发布会")
    assert SENTENCE in text and "举报电话" not in text


def test_a_container_that_only_adds_a_byline_gives_way_to_the_article_inside_it_unless_it_holds_more_article():
    byline = "<div><span>香港電台-財經</span><time>2024年5月22日週三 上午8:21</time></div>"
    page = (f"<html><body><h1>日本企業5月信心保持穩定</h1><div>{byline}<div><p>{SENTENCE}{SENTENCE}</p></div></div>"
            f"{RELATED}</body></html>")
    text = extracted(page, "日本企業5月信心保持穩定")
    assert SENTENCE in text and "香港電台" not in text
    # the poem, its translation and its notes in sections: prose beside the inner section's
    # parent is more article, and the container holding them all stays the article
    poem = "".join(f"第{i}句诗，写在这里。<br>" for i in range(6))
    translation = "".join(f"第{i}句译文，意思是这样的，写得很长很长。<br>" for i in range(8))
    notes = "".join(f"第{i}条赏析，这首诗写得很好，因为它如此这般。<br>" for i in range(6))
    page = (f"<html><body><div><div><div>原文</div><div>{poem}</div></div>"
            f"<div><div>译文</div><div>{translation}</div></div><div><div>赏析</div><div>{notes}</div></div>"
            f"</div></body></html>")
    text = extracted(page)
    assert "第5句诗" in text and "第7句译文" in text and "第5条赏析" in text
    # nor for dated comments set inside the article, however well they score
    comments = "".join(f"<div><span>用户{i}</span> 2023-05-12 10:2{i}<p>{SENTENCE}</p></div>" for i in range(3))
    root = Selector(text=f"<html><body><div id='a'><pre>curl -I https://example.com/</pre>"
                         f"<div id='c'>{comments}</div></div></body></html>").root
    article, held = root.xpath("//div[@id='a']")[0], root.xpath("//div[@id='c']")[0]
    assert _descend(article, {article: 10.0, held: 9.9}, measure(root)) is article
    # nor when a long part of the article lies beside the inner one: the winner holds its parts
    root = Selector(text=f"<html><body><div id='w'><div id='a'><p>{SENTENCE * 3}</p></div>"
                         f"<div id='b'><p>{SENTENCE * 4}</p></div></div></body></html>").root
    whole, part, inner = (root.xpath(f"//div[@id='{name}']")[0] for name in "wab")
    assert _descend(whole, {whole: 10.0, part: 7.0, inner: 9.0}, measure(root)) is whole


def test_the_winners_own_ancestors_do_not_count_as_blocks_close_to_it():
    # a wrapper around the article scoring as much as it is not another block beside it: the
    # article is not lifted to the ancestor the wrapper shares with a footer
    root = Selector(text="<html><body><div><div><div id='w'><div id='a'><p>甲</p></div></div></div>"
                         "<div id='f'><p>乙</p></div></div></body></html>").root
    article, wrapper, footer = (root.xpath(f"//div[@id='{name}']")[0] for name in "awf")
    assert _lift(article, {article: 10.0, wrapper: 10.0, footer: 8.0}) is article


def test_a_list_of_linked_teasers_with_long_summaries_does_not_beat_a_short_article():
    # every item links somewhere (its headline): a feed, however much prose its summaries hold
    summary = "<br><br>".join([SENTENCE] * 3)
    items = "".join(f"<li><div><h4><a href='/n{i}'>另一则新闻{i}</a></h4><span>{summary}</span></div></li>"
                    for i in range(6))
    page = (f"<html><body><div><h1>日本企業5月信心保持穩定</h1><div><p>路透月度調查顯示，日本企業信心5月保持穩定，"
            f"但製造業及服務業反映，日圓疲弱帶來的通脹壓力正損害利潤。</p></div></div>"
            f"<div><ul>{items}</ul></div></body></html>")
    text = extracted(page, "日本企業5月信心保持穩定")
    assert "路透月度調查" in text and "另一则新闻" not in text and SENTENCE not in text


def test_a_comment_thread_longer_than_the_short_story_above_it_inside_its_container_is_pruned():
    # the thread is most of the container's text, but the story besides it is an article of its own
    thread = "".join(f"<div><span>网友{i:04d}</span> <span>2023-05-1{i % 9} 10:2{i % 6}</span><p>{SENTENCE}</p>"
                     f"<a href='#r{i}'>回复</a></div>" for i in range(12))
    story = ("据报道，今日从交通运输部新闻发布会获悉，京津冀交通一体化建设各项工作取得积极成效，下一步将着力打造三地综合立体交通网络，"
             "实现区域内快速铁路覆盖所有地级及以上城市，形成相邻城市间基本实现“1.5小时交通圈”。")
    text = extracted(f"<html><body><h1>交通运输部召开新闻发布会</h1><div><p>{story}</p>"
                     f"<div><h3>网友评论（12条）</h3>{thread}</div></div></body></html>", "交通运输部召开新闻发布会")
    assert story in text and "网友0003" not in text and SENTENCE not in text


def test_a_long_part_of_a_split_article_before_the_winner_joins_it_though_it_shares_its_words():
    # a summary is short; a part of the article as long as the winner is more article, however
    # many of the winner's words it uses
    first = "".join(f"<p>巴东县地质灾害防治工作第{i}项，湖北省人民政府认真组织，县人民政府具体落实，取得成效。</p>" for i in range(8))
    second = "".join(f"<p>巴东县地质灾害防治工作第{i}条，湖北省人民政府认真部署，县人民政府组织实施，成效明显。</p>"
                     for i in range(10))
    page = (f"<html><body><div><div>{first}</div><div><a href='/ad'><img src='/ad.jpg'></a></div>"
            f"<div>{second}</div></div></body></html>")
    text = extracted(page)
    assert "防治工作第7项" in text and "防治工作第9条" in text


def test_a_winning_box_gives_way_to_the_container_of_the_article_parts_beside_its_section():
    """The translation's own div outscores, by a little, the column holding the poem's box above
    its section: the column is the article, as when it scores first (`_descend` keeps it)."""
    poem = "".join(f"第{i}句诗，写在这里。<br>" for i in range(6))
    translation = "".join(f"第{i}句译文，意思是这样的，写得很长很长很长很长很长。<br>" for i in range(10))
    notes = "".join(f"第{i}条赏析，这首诗写得很好，因为它如此这般。<br>" for i in range(5))
    page = (f"<html><body><div><div><div>作者：白居易</div><div>{poem}</div></div>"
            f"<div><h3>译文及注释</h3><span>更多</span><div>{translation}</div></div>"
            f"<div><h3>赏析</h3><div>{notes}</div></div></div>"
            f"<div><a href='/a'>首页</a> <a href='/b'>诗文</a></div></body></html>")
    text = extracted(page, "夜雨")
    assert "第5句诗" in text and "第9句译文" in text and "第4条赏析" in text
