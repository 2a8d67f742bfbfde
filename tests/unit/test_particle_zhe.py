"""A Traditional page's particle 著 comes out as Simplified 着; 著 as zhù (著作, 显著) stays."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaners.chars.particle_zhe import particle_zhe, zhu_words
from cleaners.document import Document
from cleaners.pipeline import clean


@pytest.mark.parametrize("converted, expected", [
    ("本著实事求是的原则", "本着实事求是的原则"),
    ("随著改革的深入，朝著目标前进", "随着改革的深入，朝着目标前进"),
    ("总是想著要以学生为本", "总是想着要以学生为本"),
    ("仍然存在著普及不足的问题", "仍然存在着普及不足的问题"),
    ("着眼长远，著力培养，著重抓好", "着眼长远，着力培养，着重抓好"),
    ("接著说，努力著，意味著有更多", "接着说，努力着，意味着有更多"),
])
def test_particle_and_zhuo_become_zhe(converted, expected):
    assert particle_zhe(converted) == expected


@pytest.mark.parametrize("word", ["著作", "著名", "显著", "名著", "著称", "著述", "土著", "编著", "专著",
                                  "原著", "卓著", "臭名昭著", "鸿篇巨著", "著作权"])
def test_zhu_words_keep_zhu(word):
    assert particle_zhe(f"取得{word}的成绩") == f"取得{word}的成绩"


def test_zhu_word_and_particle_in_one_sentence_each_get_their_own_form():
    assert particle_zhe("本著勤俭办会的方针，取得显著成绩") == "本着勤俭办会的方针，取得显著成绩"


def test_text_without_zhu_is_returned_unchanged():
    text = "教育局工作总结"
    assert particle_zhe(text) is text


def test_zhu_word_list_is_read_without_comments_and_every_word_holds_zhu():
    words = zhu_words()
    assert "显著" in words and "著作" in words
    assert all("著" in w and not w.startswith("#") for w in words)
    assert list(words) == sorted(words, key=len, reverse=True)


BODY_TRADITIONAL = ("本會本著勤儉辦會的方針，全年工作取得顯著成績。我們總是想著要以學生為本，"
                    "著力培養學生的綜合素質，隨著改革的深入，學校的教育教學品質穩步提升。")


def test_traditional_page_gets_zhe_for_the_particle_and_keeps_zhu():
    out = clean(Document(text="學校工作總結\n\n" + BODY_TRADITIONAL, url="https://example.com/a/1.html")).text
    assert "本着勤俭" in out and "想着要以" in out and "着力培养" in out and "随着改革" in out
    assert "显著成绩" in out


def test_simplified_page_keeps_every_zhu_as_written():
    body = ("本会本著勤俭办会的方针，全年工作取得显著成绩，多位著名专家出版了专著。"
            "我们以学生为本，培养学生的综合素质，学校的教育教学质量稳步提升。")
    out = clean(Document(text="学校工作总结\n\n" + body, url="https://example.com/a/1.html")).text
    assert "本著勤俭" in out and "显著成绩" in out and "著名专家" in out


@given(st.lists(st.sampled_from(["著", "着", "作", "显", "土", "编", "中文", "a", " ", "\n", *zhu_words()]), max_size=14))
def test_jumping_between_the_zhes_gives_what_a_scan_of_every_position_gives(parts):
    """Every word holds a 著, so the scan starts a few characters before each one instead of
    trying the words at every position: the same output as `sub` over the whole text."""
    from cleaners.chars.particle_zhe import _reach, _zhu_or_zhe
    assert _reach() == max(map(len, zhu_words())) - 1
    text = "".join(parts)
    everywhere = _zhu_or_zhe().sub(lambda m: "着" if m.group() == "著" else m.group(), text)
    assert particle_zhe(text) == everywhere
