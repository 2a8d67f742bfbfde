"""Full-width letters and digits are read as ASCII by the cleaning steps, and the output keeps
them as the page wrote them (pipeline_width)."""
from hypothesis import given, strategies as st

from cleaners import Document, clean
from cleaners.pipeline import Options
from cleaners.pipeline_width import fold, holds_wide

WIDE = str.maketrans("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.",
                     "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
                     "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ．")
PAGE1 = ("工作总结是指在完成一项任务、项目或一段时间后,对所做工作进行全面回顾、总结和评估的过程。"
         "它是对工作过程和结果进行客观分析,以获取经验教训并为未来的工作提供参考。工作总结具有以下特点。"
         "首先,工作总结是一种系统性的思考和总结。通过对工作过程和结果进行全面分析,可以确定工作的优点、"
         "不足和改进的空间。这种反思和学习的机会可以帮助工作者不断提升")
PAGE2 = "自己的专业能力和职业素养。再次,工作总结是一种沟通和分享的方式。"
BODY = "现将2025年工作要点印发给你们，请认真贯彻落实。本通知共3条，自2025年1月1日起施行，联系电话：1234567。"


def test_full_width_preview_page_numbers_go_as_ascii_ones_do():
    page = f"工作总结的概念与特点\n1、{PAGE1}\n2、{PAGE2}"
    wide = clean(Document(text=page.translate(WIDE)))
    assert wide.text == clean(Document(text=page)).text
    assert "１、" not in wide.text and PAGE1 + PAGE2 in wide.text


def test_full_width_addresses_go_even_with_ascii_digits_and_the_body_keeps_its_full_width_digits():
    body = BODY.translate(WIDE)
    result = clean(Document(text=f"关于开展工作的通知\nＭ．ＸＵＥＸＩ３６５．ＣＯＭ．ＣＮ\n{body}\nＷＷＷ．ＤＩＹＩＦＡＮＷＥＮ８．ＣＯＭ"
                                 "\nｗｗｗ．ｆａｎｗｅｎ365．ｃｏｍ"))
    assert result.text.split("\n") == [body]
    assert "２０２５年１月１日" in result.text


def test_the_title_keeps_its_full_width_digits():
    result = clean(Document(text=f"２０２５年教育局工作要点\n{BODY}"))
    assert result.title == "２０２５年教育局工作要点"


def test_a_run_written_both_ways_keeps_each_form_by_the_characters_beside_it():
    text = f"第１页\n{BODY}"
    folded, _, widths = fold(text, "")
    assert folded == f"第1页\n{BODY}"
    assert widths.restore(folded) == text       # `1条`, `1日` were written in ASCII: they stay


def test_a_page_without_full_width_letters_or_digits_holds_none_and_its_full_width_signs_stay():
    text = f"关于开展工作的通知：（一）各学校？\n{BODY}"
    assert not holds_wide(text, "通知")
    assert holds_wide(text, "２０２５年通知") and holds_wide(text + "ＶＩＰ", "")
    assert fold(text, "通知")[:2] == (text, "通知")


def test_a_traditional_page_keeps_each_form_of_a_run_it_writes_both_ways():
    result = clean(Document(text=f"關於２０２５年工作的通知\n{BODY}2025年。"))
    assert result.title == "关于２０２５年工作的通知"
    assert result.text.endswith("2025年。")


def test_explain_shows_a_dropped_line_as_the_page_wrote_it():
    page = f"工作总结的概念与特点\n1、{PAGE1}\n2、{PAGE2}".translate(WIDE)
    result = clean(Document(text=page), Options(explain=True))
    assert "１、" in [c.before for c in result.changes]


@given(st.text(alphabet="０１２３４５６７８９ＡＢＣｘｙｚ．年月日第页，。、 \n", max_size=80))
def test_folding_and_giving_back_a_text_written_in_full_width_only_is_the_text(text):
    folded, _, widths = fold(text, "")
    assert widths.restore(folded) == text
    assert not any("\uff10" <= c <= "\uff5a" and c != "．" for c in folded)


def test_a_run_whose_letters_mix_widths_is_read_as_written():
    # (no word is written `ＢfＣＡcＪ`: an anti-scrape filler, which the line model knows by its widths)
    assert fold("ＢfＣＡcＪ\n第２页", "")[0] == "ＢfＣＡcＪ\n第2页"
    assert fold("ｗｗｗ．ｆａｎｗｅｎ365．ｃｏｍ", "")[0] == "www.fanwen365.com"
