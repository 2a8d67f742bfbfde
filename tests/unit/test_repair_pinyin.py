"""strip_pinyin (cleaners/steps/repair/pinyin.py)."""
from __future__ import annotations

from cleaners.steps import repair
from repair_cases import run


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


def test_a_page_annotated_throughout_without_tone_marks_loses_its_annotations():
    annotated = "各區市(shi)縣(xian)教(jiao)(jiao)育(yu)局、各先導區教(jiao)育行(xing)政部門,關(guan)于(yu)深化(hua)改革"
    assert run(repair.strip_pinyin, annotated)[0] == "各區市縣教育局、各先導區教育行政部門,關于深化改革"
    few = "平安(an)大(da)什(me)門(men)口(kou)"
    assert run(repair.strip_pinyin, few) == (few, [])
    same = "教(jiao)" * 9
    assert run(repair.strip_pinyin, same) == (same, [])


def test_pinyin_syllable_table_is_complete_and_plausible():
    assert 380 <= len({s for s in repair.PINYIN_SYLLABLES if "v" not in s}) <= 430
    assert {"zhuang", "xiong", "lüe", "lve", "er", "a"} <= repair.PINYIN_SYLLABLES
    assert not {"kg", "cm", "app", "vip", "abc", "bi̇"} & repair.PINYIN_SYLLABLES


def test_annotation_with_a_space_inside_the_brackets_is_removed_but_an_empty_blank_stays():
    text = "中全會(huì )通過(guò)的決定,社會(huì )主義;幼兒園()所,在校生()人"
    assert run(repair.strip_pinyin, text)[0] == "中全會通過的決定,社會主義;幼兒園()所,在校生()人"
