"""The article's text as the extractor reads it: a labelled line of links to other pages in a
<br>-set article goes; attachments and a name behind its label stay."""
from lxml import html as lxml_html

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_read import read_text

SENTENCE = "县教育局认真贯彻落实上级部署，扎实推进各项工作，取得了明显成效，群众满意度不断提高。"


def read(inner: str) -> list[str]:
    return read_text(lxml_html.fragment_fromstring(f"<div>{inner}</div>"), BLOCK_TAGS).split("\n")


def test_a_labelled_line_of_links_to_other_stories_in_a_br_set_article_goes():
    lines = read(f"{SENTENCE}<br><br>{SENTENCE}<br><br>推荐阅读：<a href='/a/1.html'>绥德交警：8月1日起专项整治电动车违法行为</a>"
                 f"<br><br>相关新闻：<a href='/a/2.html'>县教育局召开全县教育工作会议</a> | "
                 f"<a href='/a/3.html'>全县中小学开展安全教育活动周</a><br>")
    assert lines == [SENTENCE, SENTENCE]


def test_attachments_and_a_name_behind_its_label_stay():
    lines = read(f"{SENTENCE}<br>附件：<a href='/f/2024年工作要点安排表.docx'>2024年全县教育工作要点安排表</a><br>"
                 f"作者：<a href='/author/1'>白居易</a><br>详见：<a href='/a/9.html'>全县教育工作会议召开</a>，请各单位认真落实。")
    assert lines[1].startswith("附件：") and lines[2] == "作者：白居易" and lines[3].startswith("详见：")


def test_attachments_behind_their_label_stay_wherever_their_links_point():
    lines = read(f"{SENTENCE}<br>附件1：<a href='/x'>2024年全县教育工作要点</a><br>")
    assert lines == [SENTENCE, "附件1：2024年全县教育工作要点"]


def test_a_link_line_closing_or_opening_a_br_set_article_goes_as_its_own_block_would():
    promo = "<span><a href='/wap'><img src='/p.gif'></a> <a href='/wap'>看明星八卦、查影讯电视节目，上手机新浪网娱乐频道</a></span>"
    assert read(f"<a href='/n'>返回新闻中心首页</a><br>{SENTENCE}<br><br>{SENTENCE}<br><br>{promo}<br><br>") == [SENTENCE, SENTENCE]


def test_attachment_links_closing_a_br_set_article_stay():
    lines = read(f"{SENTENCE}<br>附件：<a href='/x'>2024年全县教育工作要点</a><br><a href='/y'>2024年招生简章</a><br>"
                 f"<a href='/f/名单.xlsx'>获奖名单</a><br>")
    assert lines == [SENTENCE, "附件：2024年全县教育工作要点", "2024年招生简章", "获奖名单"]


def test_a_data_tables_row_reads_as_one_line_of_its_cells():
    table = ("<table><tr><th>年级</th><th>活动</th><th>负责人</th></tr>"
             "<tr><td>四年级</td><td>亲子阅读分享</td><td>李老师</td></tr></table>")
    lines = read(f"<p>活动安排如下：</p>{table}")
    assert "年级 活动 负责人" in [" ".join(line.split()) for line in lines]
    assert "四年级 亲子阅读分享 李老师" in [" ".join(line.split()) for line in lines]


def test_a_layout_tables_cells_holding_paragraphs_stay_lines_of_their_own():
    row = "<table><tr><td><a>首页</a><br><a>栏目</a></td><td><p>第一段正文。</p><p>第二段正文。</p></td></tr></table>"
    lines = [line.strip() for line in read(row) if line.strip()]
    assert "第一段正文。" in lines and not any("栏目" in line and "正文" in line for line in lines)
