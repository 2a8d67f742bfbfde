"""fix_whole_text_mojibake (cleaners/steps/repair/mojibake.py)."""
from __future__ import annotations

import pytest

from cleaners.steps import repair
from repair_cases import SIMPLIFIED, TRADITIONAL, as_windows_1252, run

GOLD_TEXT = "县教育局第三季度重点工作进展情况汇报\n按照县委要求，教育系统紧紧围绕《考评方案》，研究制定了2023年度重点工作。"


@pytest.mark.parametrize("encoding,codec", [("gb18030", "cp1252"), ("gb18030", "latin-1"),
                                            ("utf-8", "latin-1"), ("big5", "latin-1")])
def test_whole_text_read_as_latin1_is_decoded_back(encoding, codec):
    original = GOLD_TEXT if encoding != "big5" else TRADITIONAL
    damaged = original.encode(encoding).decode(codec)
    damaged, _ = repair.strip_control_chars(damaged)
    new, changes = run(repair.fix_whole_text_mojibake, damaged)
    assert new == original
    assert changes and all(c.action == "repaired" for c in changes)


def test_short_gbk_title_read_as_cp1252_is_decoded():
    assert run(repair.fix_whole_text_mojibake, "ÖÐÎÄ")[0] == "中文"
    assert run(repair.fix_whole_text_mojibake, "标题：½ÌÓý¾Ö 结束")[0] == "标题：教育局 结束"


def test_utf8_latin1_mojibake_in_latin_text_goes_to_ftfy():
    assert run(repair.fix_whole_text_mojibake, "The CafÃ© is naÃ¯ve")[0] == "The Café is naïve"


def test_european_words_and_chinese_punctuation_are_not_mojibake():
    for text in ("Größe Müller Café naïve Ölfässer", "“引号”……——", "30°C ±0.5 ×3 约翰·史密斯", SIMPLIFIED):
        assert run(repair.fix_whole_text_mojibake, text) == (text, [])


def test_a_span_repaired_piece_by_piece_leaves_nothing_for_a_second_run():
    # Found by hypothesis: only `½ÌÓý¾Ö` re-decoded on the first run, which left `Â\x800` a span
    # of its own, and a second run turned its `Â\x80` (U+0080 as UTF-8 read as latin-1) into €.
    once, _ = run(repair.fix_whole_text_mojibake, "Â\x800½ÌÓý¾Ö")
    assert once.endswith("0教育局") and "Â" not in once
    assert repair.fix_whole_text_mojibake(once) == (once, [])


def test_utf8_read_as_cp1252_comes_back_with_its_symbols_pinyin_and_rarer_characters():
    for original in ("▶ 首页 › 实用文书 › 教育资源", "校长(zhǎng)的个人述职报告", "粤ICP备77002562号-2", "■d◇fcd◇"):
        damaged = as_windows_1252(original.encode("utf-8"))
        assert run(repair.fix_whole_text_mojibake, damaged)[0] == original



def _read_back(original: str, encoding: str) -> str:
    """The original's bytes in `encoding` read as latin-1, through the repair."""
    return run(repair.fix_whole_text_mojibake, original.encode(encoding).decode("latin-1"))[0]


def test_gbk_with_pinyin_annotations_read_as_latin1_comes_back():
    # (GBK has the toned letters: í is A8 AA, read as latin-1 `¨ª`)
    for original in ("繼續(xù)發(fā)展,實(shí)現(xiàn)目標(biāo)。", "增強(qiáng)服務(wù)意識(shí)是發(fā)展的關(guān)鍵"):
        assert _read_back(original, "gb18030") == original


def test_a_page_read_as_latin1_throughout_has_its_short_spans_read_in_the_same_codec():
    # `浏览次数` alone is four characters, one of them (浏) not common: too little to go on, but
    # the page's other lines came back from GBK.
    original = ("县教育局关于开展工作的通知\n浏览次数: 590\n各学校：\n现将有关事项通知如下。\n"
                "网址 Ｍ．ＧＷ１２３３６５．ＣＮ\n49页  633 KB  2013-07-22\n13页丨5.63MB丨2022-06-05")
    assert _read_back(original, "gb18030") == original
    alone = "浏览次数: 590".encode("gb18030").decode("latin-1")
    assert run(repair.fix_whole_text_mojibake, alone)[0] == alone         # (alone, it stays as read)


def test_gb18030_four_byte_symbols_of_a_page_read_as_latin1_come_back():
    # • is 81 36 A6 31, read as `\x816¦1`: no two latin-1 letters in a row show it, and the line
    # is too short to be read whole (• is no common character)
    original = ("县教育局关于开展工作的通知\n各学校：现将有关事项通知如下。\n  • 相关推荐\n"
                "© 2024 m.wenku8.com All Rights Reserved\n¥67.00 VIP价: ¥61.50\n👍 656 • ☆ 收藏 • 💬 96")
    assert _read_back(original, "gb18030") == original


def test_a_big5_page_read_as_latin1_is_read_in_big5_throughout():
    # 三、常規工作 is A454 A142 B160 B357 A475 A740: every trail byte ASCII (`¤T¡B±`³W¤u§@`), so no
    # two latin-1 letters stand together; 瀏覽數 alone reads as GBK too (凝计), not on a Big5 page.
    original = "縣教育局關於開展工作的通知\n各學校：現將有關事項通知如下。\n三、常規工作\n來源:記者站  瀏覽數:12"
    assert _read_back(original, "big5") == original


def test_one_long_line_is_evidence_enough_of_the_page_codec():
    # A flattened page: its whole body one span.  原价 alone (D4 AD: the soft hyphen is a byte)
    # and the four-byte ¥ beside it are read in the codec the body came back in.
    original = "县教育局二〇二三年工作总结：一年来，全县教育系统认真贯彻落实上级部署，各项工作取得新进展。\n¥ 19.90 原价：¥ 60"
    assert _read_back(original, "gb18030") == original
