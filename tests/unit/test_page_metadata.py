"""Article metadata of government pages: read from meta tags, tables and lines; taken out of the text."""
from __future__ import annotations

from cleaners.document import Document
from cleaners.pipeline import Options, clean
from cleaners.steps import page_metadata
from cleaners.steps.page_metadata import read_html, step


def metadata(changes) -> dict:
    found = {}
    for c in changes:
        if c.action == "metadata":
            found.setdefault(c.before, c.after)
    return found


def test_meta_tags_come_first_and_dates_become_iso():
    html = ('<html><head><meta name="PubDate" content="2023-10-23 08:59"><meta name="ContentSource" content="市府办">'
            '</head><body><div>发布时间：2023-10-22 信息来源：别处</div></body></html>')
    assert metadata(read_html(html)) == {"date": "2023-10-23", "source": "市府办"}


def test_hanweb_table_cells_and_label_priority():
    html = ('<html><body><table class="xxgk_article"><tr><td>索引号：</td><td>113325000026455663/2023-43887</td>'
            '<td>文号：</td><td>丽政发〔2023〕15号</td></tr><tr><td>发布机构：</td><td>市府办</td><td>成文日期：</td>'
            '<td>2023-10-20</td></tr></table><div class="xl_doc">发布时间：2023-10-23 08:59 浏览次数：12 信息来源：市府办</div>'
            '</body></html>')
    assert metadata(read_html(html)) == {"index_no": "113325000026455663/2023-43887", "doc_no": "丽政发〔2023〕15号",
                                         "date": "2023-10-23", "source": "市府办"}


def test_spaced_labels_and_dotted_dates():
    html = ("<html><body><p>索 引 号：000014349/2026-00066</p><p>发文机关：国务院办公厅</p>"
            "<p>成文日期：2026.09.19</p><p>标　　题：关于某事的通知</p></body></html>")
    assert metadata(read_html(html)) == {"index_no": "000014349/2026-00066", "source": "国务院办公厅", "date": "2026-09-19",
                                         "title": "关于某事的通知"}


def test_fields_set_apart_by_bullets_end_at_the_bullet():
    html = ("<html><body><div>索 引 号:jiaoyuju/2024-00011 • 发布机构:教育局 • 成文日期: • 公开方式:公开 • "
            "发布日期:2024-01-29 信息来源: 浏览次数:</div></body></html>")
    assert metadata(read_html(html)) == {"index_no": "jiaoyuju/2024-00011", "source": "教育局", "date": "2024-01-29"}


def test_pages_without_any_marker_are_not_parsed():
    assert read_html("<html><body><p>上传人：某某 格式：DOC</p></body></html>") == []


def test_rows_of_fields_leave_the_text_and_sentences_stay():
    text = ("索引号：11430100MB1C23456X/2024-00102　　主题分类：教育\n发文机关：示范市教育局　　成文日期：2024-12-14\n"
            "一、资金来源：县级财政预算安排500万元。\n发布机构：\n示范市教育局\n正文继续。")
    new, changes = step(text)
    assert new == "一、资金来源：县级财政预算安排500万元。\n正文继续。"
    assert metadata(changes) == {"index_no": "11430100MB1C23456X/2024-00102", "source": "示范市教育局", "date": "2024-12-14"}


def test_flattened_table_whose_labels_were_lost_goes_whole():
    text = ("正文最后一段。\n| 11440306MB2D34567Y/2024-00325 | 工作动态 |\n| 示范滨海区教育局 | 2024-04-13 |\n"
            "| 标题 |  |\n|  | 2024-04-15 |")
    new, _ = step(text)
    assert new == "正文最后一段。"


def test_a_data_table_in_the_body_stays():
    text = "一、任务分解\n| 序号 | 工作任务 | 责任单位 |\n| 1 | 校舍改造 | 计财股 |"
    assert step(text) == (text, [])


def test_trafilatura_path_keeps_date_and_source_in_the_manifest_and_not_in_the_text():
    html = ("<html><head><title>X</title></head><body><div class='nav'><a href='/'>首页</a></div><h1>县教育局工作总结</h1>"
            "<div>发布时间：2024-01-16 09:30　　来源：县教育局</div><div class='content'>"
            + "".join(f"<p>第{i}段，全县教育系统扎实推进各项工作，取得明显成效，群众满意度不断提高。</p>" for i in range(8))
            + "</div></body></html>")
    result = clean(Document(id="1", url="https://jyj.example.gov.cn/a/1.html", data=html.encode("utf-8")))
    assert (result.metadata["date"], result.metadata["source"]) == ("2024-01-16", "县教育局")
    assert "发布时间" not in result.text and "来源" not in result.text


GOV_TABLE = ("<table><tr><td><b>索 引 号：</b></td><td>000014349/2018-00205</td><td><b>发文机关：</b></td>"
             "<td>国务院办公厅</td></tr><tr><td><b>标　　题：</b></td><td colspan='3'>{title}</td></tr>"
             "<tr><td><b>发文字号：</b></td><td>国办发〔2018〕91号</td></tr></table>")
GOV_BODY = ("<div id='UCAP-CONTENT'><p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>"
            "<p>《推进运输结构调整三年行动计划》已经国务院同意，现印发给你们，请认真贯彻执行。</p>"
            "<p>国务院办公厅</p><p>2018年10月9日</p></div>")


def test_a_page_without_a_title_of_its_own_takes_the_tables_title_row():
    title = "国务院办公厅关于印发推进运输结构调整三年行动计划（2018—2020年）的通知，一个超过六十个字符的很长的标题也是标题"
    result = clean(Document(html=GOV_TABLE.format(title=title) + GOV_BODY, url="http://www.gov.example.cn/1.htm"))
    assert result.title == title and title not in result.text


def test_a_page_title_of_its_own_beats_the_tables_title_row():
    html = "<html><head><title>关于运输结构调整的通知</title></head><body>" + \
        GOV_TABLE.format(title="表格里的另一个标题写法") + GOV_BODY + "</body></html>"
    assert clean(Document(html=html, url="http://www.gov.example.cn/1.htm")).title == "关于运输结构调整的通知"


def test_a_bulleted_list_of_fields_leaves_the_text_with_its_values():
    text = ("• 索 引 号:QZ02114-0100-2026-00002\n    • 发布机构:丰泽区教育局\n"
            "泉州市丰泽区教育局关于印发2025年政府信息公开工作年度报告的通知\n本局各股(室):")
    out, changes = step(text)
    assert out == "泉州市丰泽区教育局关于印发2025年政府信息公开工作年度报告的通知\n本局各股(室):"
    assert metadata(changes)["source"] == "丰泽区教育局"
    line = "• 加强领导:成立工作专班,明确责任分工。"
    assert step(f"• 索 引 号:QZ02114-0100-2026-00002\n{line}")[0] == line


def test_the_gate_words_alone_decide_whether_an_unpiped_text_is_read_at_all():
    """The gate is a substring test per word (cheaper than one search of their alternation):
    a text without one keeps every line, a word anywhere lets the rows be read."""
    row = "索引号：QZ02114-0200-2024-00012  发布机构：丰泽区教育局\n正文第一段。"
    assert page_metadata.step(row.replace("索引号", "编号").replace("发布机构", "机构"))[1] == []
    assert page_metadata.step(row)[1]
    assert page_metadata.markers() == tuple(page_metadata.rules()["markers"])


def test_a_table_flattened_without_colons_goes_and_its_values_are_kept():
    text = ("索 引 号 0142581323/2026-00001 分 类 科技、教育/教育 / 报告\n发布机构 教育局 发文日期 2026-01-15\n"
            "文 号 无〔〕号 主 题 词\n\n一、总体情况\n本年度报告依据条例编制。")
    new, changes = step(text)
    assert new == "\n一、总体情况\n本年度报告依据条例编制。"
    assert metadata(changes) == {"index_no": "0142581323/2026-00001", "source": "教育局", "date": "2026-01-15",
                                 "doc_no": "无〔〕号"}


def test_weak_rows_split_from_the_table_by_one_stray_line_go_with_it():
    text = "索引号：0142581323/2026-00001\n发布机构：教育局\n— 7 —\n时 效 有效\n分类：教育\n\n正文第一段。"
    new, _ = step(text)
    assert new == "— 7 —\n\n正文第一段。"


def test_weak_rows_far_from_any_strong_row_stay():
    text = "索引号：0142581323/2026-00001\n第一段正文。\n第二段正文。\n分类：教育\n时 效 有效"
    new, _ = step(text)
    assert new == "第一段正文。\n第二段正文。\n分类：教育\n时 效 有效"


def test_sentences_opening_with_a_label_word_are_not_bare_rows():
    assert page_metadata.bare_row_fields("来源于生活的一切都值得记录。") is None
    assert page_metadata.bare_row_fields("分类推进 各项工作") is None
    assert page_metadata.bare_row_fields("分类推进 分类 教育") is None       # a label standing apart further on
    assert page_metadata.bare_row_fields("索引号：0142581323/2026-00001 分 类 教育") is None    # a colon: row_fields reads it
    assert page_metadata.bare_row_fields("标 题 关于某事的通知") == [("标 题", "title", "关于某事的通知")]


def test_a_table_flattened_one_cell_a_line_without_colons_goes_with_its_values():
    text = "索引号\n113325000026455663/2024-43887\n文号\n城教〔2024〕56号\n成文日期\n2024-08-20\n各中小学：\n正文第一段。"
    new, changes = step(text)
    assert new == "各中小学：\n正文第一段。"
    assert metadata(changes) == {"index_no": "113325000026455663/2024-43887", "doc_no": "城教〔2024〕56号", "date": "2024-08-20"}


def test_empty_fields_of_a_one_line_row_take_no_line_of_the_body_as_their_values():
    row = "索 引 号:jiaoyuju/2024-00011 • 发布机构:教育局 • 成文日期: • 公开方式:公开 发布日期:2024-08-26 信息来源: 浏览次数:"
    body = ["各中小学、幼儿园，局属各单位：", "为切实做好秋季开学工作，现将有关事项通知如下：", "一、全面开展安全隐患排查"]
    new, changes = step("\n".join([row, *body]))
    assert new == "\n".join(body)
    assert metadata(changes)["index_no"] == "jiaoyuju/2024-00011"


def test_a_label_alone_takes_no_addressee_or_heading_ending_in_a_colon_as_its_value():
    new, _ = step("索引号：0142581323/2026-00001\n发布机构：\n各中小学：\n正文第一段。")
    assert new == "各中小学：\n正文第一段。"


def test_a_traditional_pages_rows_leave_the_text_with_their_values_when_the_output_is_simplified():
    """The labels are Simplified (索引号, 发布机构): the text is converted before the rows are read."""
    raw = ("• 索 引 號:QZ02114-0100-2026-00002\n• 發佈機構:豐澤區教育局\n"
           "泉州市豐澤區教育局關於印發2025年政府信息公開工作年度報告的通知\n本局各股(室):\n"
           "現將《泉州市豐澤區教育局2025年政府信息公開工作年度報告》印發給你們，請認真貫徹執行。")
    r = clean(Document(text=raw))
    assert "索" not in r.text and "发布机构" not in r.text and r.metadata["source"] == "丰泽区教育局"
    assert r.title == "泉州市丰泽区教育局关于印发2025年政府信息公开工作年度报告的通知"


def test_a_traditional_pages_rows_leave_the_text_that_keeps_its_script():
    raw = ("• 索 引 號:QZ02114-0100-2026-00002\n• 發佈機構:豐澤區教育局\n"
           "泉州市豐澤區教育局關於印發2025年政府信息公開工作年度報告的通知\n本局各股(室):\n"
           "現將《泉州市豐澤區教育局2025年政府信息公開工作年度報告》印發給你們，請認真貫徹執行。")
    r = clean(Document(text=raw), Options(script="keep"))
    assert "索" not in r.text and "發佈機構" not in r.text and "印發給你們" in r.text
    assert r.metadata["index_no"] == "QZ02114-0100-2026-00002"
