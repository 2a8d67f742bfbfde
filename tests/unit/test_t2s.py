"""The table t2s (cleaners/t2s.py) must give exactly OpenCC's t2s output."""
import random

import pytest
from hypothesis import given, settings, strategies as st

from cleaners.chars import t2s as t2s_module
from cleaners.chars.t2s import OpenCCT2S, TableT2S, opencc_converter, t2s

reference = opencc_converter("t2s").convert


@pytest.fixture(scope="module")
def table():
    converter = t2s()
    if not isinstance(converter, TableT2S):
        pytest.skip("the installed OpenCC ships no opencc_dict tool: every text goes to OpenCC")
    return converter


@pytest.fixture(scope="module")
def phrases():
    found = t2s_module._dump_phrases()
    if not found:
        pytest.skip("no TSPhrases dictionary to read")
    return found


def test_official_bindings_get_the_table_converter():
    import opencc
    if hasattr(opencc, "clib"):
        assert isinstance(t2s(), TableT2S)
    else:
        assert isinstance(t2s(), OpenCCT2S)


def test_phrases_run_together_convert_as_opencc_does(table, phrases):
    rng = random.Random(5)
    filler = list("的了是在我们，。\n學習發展覆瞭藉沈么丽豐𠀀a ")
    for _ in range(400):
        pieces = rng.choices(phrases + filler, k=rng.randint(1, 60))
        text = "".join(pieces)
        assert table.convert(text) == reference(text), text


def test_phrase_only_changes_are_not_skipped(table):
    # 瞭, 覆, 坏 are unchanged alone but change inside a phrase: the fast path must see them.
    for text in ("我们瞭解情况", "请予答覆", "打坏", "反反覆覆地说"):
        assert table.convert(text) == reference(text) != text


def test_simplified_text_comes_back_as_the_same_object(table):
    text = "县教育局坚持立德树人，全面推进素质教育。"
    assert table.convert(text) is text


def test_compatibility_ideographs_go_to_opencc(table):
    text = "\uf900\uf901學習"      # OpenCC normalises these before it looks for phrases
    assert table.convert(text) == reference(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
       | st.text(alphabet="學習發展覆瞭藉沈坏么乾隆著作反復答書於台灣里\n ，", max_size=40))
def test_any_text_converts_as_opencc_does(text):
    assert t2s().convert(text) == reference(text)


def test_characters_beyond_plane_2_stay_and_the_text_around_them_is_converted():
    text = "學習\U00030000發展\U0001F600覆蓋\U00020000"     # plane 3 (CJK Ext G), an emoji, plane 2
    assert t2s().convert(text) == reference(text) == "学习\U00030000发展\U0001F600覆盖\U00020000"


def test_lone_surrogates_pass_through_and_the_text_around_them_is_converted():
    # JSON input may carry `\ud800` escapes; OpenCC takes UTF-8 and would raise on them
    text = "學習\ud800發展\uf900覆蓋"                 # the compatibility ideograph sends it to OpenCC
    expected = reference("學習") + "\ud800" + reference("發展\uf900覆蓋")
    assert t2s().convert(text) == expected


def test_dedup_fingerprint_of_text_with_surrogates_and_traditional_script_does_not_raise():
    from cleaners import dedup
    text = "全縣教育工作\ud800總結" * 30
    assert dedup.fingerprint(text).key == dedup.fingerprint(text).key
