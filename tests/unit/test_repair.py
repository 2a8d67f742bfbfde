"""The mis-decoding repairs of cleaners/repair.py and the character model they score with."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaners.chars import charmodel
from cleaners.steps import repair

DATA = Path(__file__).parent.parent / "data"
SEED_000 = next((DATA / "seeds").glob("000_*.txt"))

STEPS = [repair.strip_html_residue, repair.strip_control_chars, repair.fix_whole_text_mojibake,
         repair.fix_misaligned_gbk, repair.fix_mojibake_runs, repair.strip_pinyin, repair.drop_irrecoverable]

SIMPLIFIED = "县教育局2024年工作总结：全县教育系统坚持立德树人，推进优质均衡发展，办好人民满意的教育。"
TRADITIONAL = "縣教育局2024年工作總結：全縣教育系統堅持立德樹人，推進優質均衡發展，辦好人民滿意的教育。"


def run(step, text):
    new, changes = step(text)
    assert isinstance(new, str) and all(c.step and c.action for c in changes)
    return new, changes


# ---------------------------------------------------------------- charmodel

def test_common_share_is_high_for_either_script_and_collapses_in_mojibake():
    assert charmodel.common_share(SIMPLIFIED) == 1.0
    assert charmodel.common_share(TRADITIONAL) == 1.0
    assert charmodel.common_share("鍥藉鏈€鎶ュ憡") < 0.5
    assert charmodel.common_share("ÖÐÎÄ") == 0.0


def test_common_share_ignores_ascii_digits_and_spaces():
    assert charmodel.common_share("2024 年 report v2.0") == 1.0
    assert charmodel.common_share("") == 1.0


def test_char_scores_rank_punctuation_over_common_over_rare_over_invalid():
    assert charmodel.char_score("。") > charmodel.char_score("的") > charmodel.char_score("峃") \
        > charmodel.char_score("ュ") > charmodel.char_score("\ufffd")
    assert charmodel.is_common("發") and charmodel.is_common("发") and not charmodel.is_common("鍥")


# ---------------------------------------------------------------- 1. HTML residue

def test_html_tags_are_removed_and_block_tags_become_newlines():
    new, changes = run(repair.strip_html_residue, "<p><b>第一段</b></p><br/>第二段<!-- 注释 --></div>")
    assert new == "\n第一段\n\n第二段\n"
    assert {c.action for c in changes} == {"removed"}


def test_entities_are_unescaped_including_double_escaped_ones():
    new, _ = run(repair.strip_html_residue, "甲&nbsp;乙 A&amp;B &#20013;&#x4e2d; &amp;nbsp;丙 &amp;amp;")
    assert new == "甲 乙 A&B 中中  丙 &"


def test_formula_comparisons_and_book_titles_are_not_tags():
    for text in ("若 a<b 且 b>c 则", "x<y>z", "《关于加强教育工作的意见》", "a < b > c", "AT&T 与 &unknown;"):
        assert run(repair.strip_html_residue, text) == (text, [])


# ---------------------------------------------------------------- 2. control characters

def test_control_and_zero_width_characters_are_dropped_and_line_breaks_unified():
    text = "\ufeff第一\u200b行\r\n第二\x00行\r第三\x0c第四\u00ad行\x07\t完"
    new, changes = run(repair.strip_control_chars, text)
    assert new == "第一行\n第二行\n第三\n第四行\t完"
    assert any(c.action == "removed" and c.before == "\u200b" for c in changes)


def test_lone_surrogates_are_dropped():
    assert run(repair.strip_control_chars, "中\ud800文\udfff")[0] == "中文"


def test_c1_bytes_inside_latin1_mojibake_are_kept_for_the_mojibake_repair():
    mojibake = "国家".encode("utf-8").decode("latin-1")          # contains \x9b
    assert run(repair.strip_control_chars, mojibake)[0] == mojibake
    assert run(repair.strip_control_chars, "中\x85文")[0] == "中文"


# ---------------------------------------------------------------- 3. whole-text mojibake

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


# ---------------------------------------------------------------- 4. misaligned GBK

def test_seed_misaligned_gbk_examples_are_repaired():
    assert run(repair.fix_misaligned_gbk, "開展黨紀學習教育??h教育局嚴格")[0] == "開展黨紀學習教育。縣教育局嚴格"
    new, changes = run(repair.fix_misaligned_gbk, "深化督導評價改革?!栋l(fā)展性3.0督導")
    assert new == "深化督導評價改革。《發(fā)展性3.0督導"
    assert changes == [repair.Change("gbk_shift", "repaired", "?!栋l", "。《發")]


def test_seed_000_has_all_four_shifted_runs_repaired():
    text = SEED_000.read_text(encoding="utf-8")
    new, changes = run(repair.fix_misaligned_gbk, text)
    assert [c.after for c in changes] == ["。縣", "。縣", "。縣", "。《發"]
    assert "?" not in new


def test_pinyin_annotation_picks_the_lead_byte_when_nothing_else_can():
    assert run(repair.fix_misaligned_gbk, "全縣教育?h(xiàn)政府")[0] == "全縣教育縣(xiàn)政府"
    assert run(repair.fix_misaligned_gbk, "全縣教育?h政府") == ("全縣教育?h政府", [])


def test_legitimate_question_marks_are_left_alone():
    for text in ("是否可行?", "是否可行?我们再议", "Q&A?见附件", "见 http://a.cn/x?id=3&b=4 页面",
                 "是否可行?A计划", "条款(a)项", "什么??", "好!吗h"):
        assert run(repair.fix_misaligned_gbk, text) == (text, [])


def test_visibly_damaged_shift_without_a_clear_winner_is_dropped_as_unrecovered():
    new, changes = run(repair.fix_misaligned_gbk, "教育\ufffd鍥h教育局")
    assert new == "教育教育局"
    assert changes[0].action == "unrecovered" and changes[0].before == "\ufffd鍥h"


# ---------------------------------------------------------------- 5. mojibake runs

def gbk_view(text: str, encoding: str = "utf-8") -> str:
    return text.encode(encoding).decode("gbk", "replace")


def test_utf8_read_as_gbk_run_inside_good_text_is_repaired():
    damaged = gbk_view("经济增长")                              # 缁忔祹澧為暱
    new, changes = run(repair.fix_mojibake_runs, "今年的" + damaged + "很快，")
    assert new == "今年的经济增长很快，"
    assert changes == [repair.Change("mojibake_runs", "repaired", damaged, "经济增长")]


def test_utf8_run_with_bytes_lost_by_the_gbk_decoder_is_repaired_around_the_loss():
    damaged = gbk_view("国家统计局发布")                        # 鍥藉�剁粺璁″眬鍙戝竷
    new, _ = run(repair.fix_mojibake_runs, "根据" + damaged + "的报告")
    assert new == "根据国\ufffd统计局发布的报告"                  # drop_irrecoverable takes the U+FFFD


def test_windows_cp936_euro_sign_is_read_as_byte_0x80():
    assert run(repair.fix_mojibake_runs, "据鏈€鏂版姤鍛婃樉绀猴紝")[0] == "据最新报告显示，"


def test_big5_read_as_gbk_run_is_repaired():
    new, _ = run(repair.fix_mojibake_runs, "繁體" + gbk_view("中文", "big5") + "結束")
    assert new == "繁體中文結束"


def test_traditional_and_rare_place_names_are_not_mojibake():
    for text in (TRADITIONAL, SIMPLIFIED, "百丈漈鎮校、峃口片、東垟、珊溪鎮", SEED_000.read_text(encoding="utf-8")):
        assert run(repair.fix_mojibake_runs, text) == (text, [])


# ---------------------------------------------------------------- 6. pinyin

def test_pinyin_after_han_is_removed():
    new, changes = run(repair.strip_pinyin, "繼續(xù)免費閱讀，發(fā)展系統(tǒng)，女(nǚ)生，綠(lü)色")
    assert new == "繼續免費閱讀，發展系統，女生，綠色"
    assert len(changes) == 5 and all(c.action == "removed" for c in changes)


def test_nested_pinyin_inside_real_parentheses_is_removed_but_parentheses_stay():
    text = "共建一縣一產(chǎn)業(yè)學院(康養(yǎng)旅游產(chǎn)業(yè)學院),培養(yǎng)"
    assert run(repair.strip_pinyin, text)[0] == "共建一縣一產業學院(康養旅游產業學院),培養"


def test_real_parenthesised_text_is_kept_even_among_pinyin():
    keep = "(一)條款(a)與(2023)辦法(试行)見(ABC)重(kg)長(cm)用(App)會員(VIP)"
    text = "繼續(xù)發(fā)展" + keep
    assert run(repair.strip_pinyin, text)[0] == "繼續發展" + keep
    assert run(repair.strip_pinyin, keep) == (keep, [])


def test_toneless_syllables_are_removed_only_when_the_text_shows_the_pattern():
    plain = "平安(an)大(da)什(me)"
    assert run(repair.strip_pinyin, plain) == (plain, [])
    assert run(repair.strip_pinyin, "繼續(xù)發(fā)展" + plain)[0] == "繼續發展平安大什"


def test_pinyin_syllable_table_is_complete_and_plausible():
    assert 380 <= len({s for s in repair.PINYIN_SYLLABLES if "v" not in s}) <= 430
    assert {"zhuang", "xiong", "lüe", "lve", "er", "a"} <= repair.PINYIN_SYLLABLES
    assert not {"kg", "cm", "app", "vip", "abc", "bi̇"} & repair.PINYIN_SYLLABLES


# ---------------------------------------------------------------- 7. irrecoverable

def test_replacement_chars_and_classic_garbage_runs_are_dropped_and_counted():
    new, changes = run(repair.drop_irrecoverable, "甲\ufffd\ufffd乙锟斤拷锟斤拷丙烫烫烫烫丁屯屯屯戊烫烫的")
    assert new == "甲乙丙丁戊烫烫的"
    assert [c.before for c in changes] == ["\ufffd\ufffd", "锟斤拷锟斤拷", "烫烫烫烫", "屯屯屯"]
    assert all(c.action == "unrecovered" for c in changes)


def test_a_drop_that_joins_a_new_garbage_run_drops_that_too():
    assert run(repair.drop_irrecoverable, "甲烫烫\ufffd烫乙")[0] == "甲乙"


# ---------------------------------------------------------------- every step

def test_clean_text_goes_through_every_step_untouched():
    golds = [p.read_text(encoding="utf-8") for p in sorted((DATA / "gold").glob("*.txt"))]
    # gold 000 keeps one `(fā)` annotation that strip_pinyin rightly removes
    for text in [SIMPLIFIED, TRADITIONAL] + [g for g in golds if "(fā)" not in g]:
        for step in STEPS:
            assert step(text) == (text, []), step.__name__


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.__name__)
def test_each_step_is_idempotent_on_the_seeds(step):
    for path in sorted((DATA / "seeds").glob("*.txt")):
        once, _ = step(path.read_text(encoding="utf-8"))
        assert step(once) == (once, [])


_pieces = st.one_of(
    st.characters(exclude_categories=()),                 # any code point, lone surrogates included
    st.sampled_from(list("中文國家的。，、?!()（）<>&;#pbr/ \n\r\ufffd\u200b\x85\xad\x81\xa0锟斤拷烫屯ÖÐÎÄ€鍥藉栋lhāfxù")
                    + ["&amp;", "<br>", "(fā)", "??h", "?!栋l", "缁忔祹澧為暱", "\ufffd鍥h", "いゅ", "½ÌÓý¾Ö"]),
)


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.__name__)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(_pieces, max_size=40).map("".join))
def test_each_step_never_raises_and_is_idempotent(step, text):
    once, _ = step(text)
    assert step(once)[0] == once
