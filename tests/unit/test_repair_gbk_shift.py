"""fix_misaligned_gbk (cleaners/steps/repair/gbk_shift.py)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaners.document import Change
from cleaners.steps import repair
from gbk_damage import shift_damage
from repair_cases import SEED_000, run


def test_seed_misaligned_gbk_examples_are_repaired():
    assert run(repair.fix_misaligned_gbk, "開展黨紀學習教育??h教育局嚴格")[0] == "開展黨紀學習教育。縣教育局嚴格"
    new, changes = run(repair.fix_misaligned_gbk, "深化督導評價改革?!栋l(fā)展性3.0督導")
    assert new == "深化督導評價改革。《發(fā)展性3.0督導"
    assert changes == [Change("gbk_shift", "repaired", "?!栋l", "。《發")]


def test_seed_000_has_all_four_shifted_runs_repaired():
    text = SEED_000.read_text(encoding="utf-8")
    new, changes = run(repair.fix_misaligned_gbk, text)
    assert [c.after for c in changes] == ["。縣", "。縣", "。縣", "。《發"]
    assert "?" not in new


def test_pinyin_annotation_picks_the_lead_byte_when_nothing_else_can():
    assert run(repair.fix_misaligned_gbk, "全縣教育?h(xiàn)政府")[0] == "全縣教育縣(xiàn)政府"
    assert run(repair.fix_misaligned_gbk, "全縣教育?h政府") == ("全縣教育?h政府", [])


def test_a_shift_is_not_written_in_one_scripts_form_where_the_text_around_tells_no_script():
    # 縣 fits a Traditional page, 县 a Simplified one; with nothing around to tell, `??h` stays
    # (flagged), as it stayed on the page it came from, whose other lines said Simplified.
    assert run(repair.fix_misaligned_gbk, "温??h馨提示") == ("温??h馨提示", [Change("gbk_shift", "flag", "suspicious", "??h")])
    assert run(repair.fix_misaligned_gbk, "第3页 / 共12页\n温??h馨提示")[0] == "第3页 / 共12页\n温??h馨提示"
    assert run(repair.fix_misaligned_gbk, "開展學習教育??h教育局")[0] == "開展學習教育。縣教育局"   # Traditional around


def test_legitimate_question_marks_are_left_alone():
    for text in ("是否可行?", "是否可行?我们再议", "Q&A?见附件", "见 http://a.cn/x?id=3&b=4 页面",
                 "是否可行?A计划", "条款(a)项", "什么??", "好!吗h"):
        assert run(repair.fix_misaligned_gbk, text) == (text, [])


def test_visibly_damaged_shift_without_a_clear_winner_is_dropped_as_unrecovered():
    new, changes = run(repair.fix_misaligned_gbk, "教育\ufffd鍥h教育局")
    assert new == "教育教育局"
    assert changes[0].action == "unrecovered" and changes[0].before == "\ufffd鍥h"


def test_shift_no_lead_byte_wins_keeps_the_characters_that_need_none():
    # 工作總結 out of step after 育: 工 needs the lost lead byte, 作總結 re-pair from the run alone.
    damaged = shift_damage("2024年教育工作總結及2025年工作要點", 7, annotate=False)
    assert damaged == "2024年教育?ぷ骺偨Y及2025年工作要點"
    new, changes = run(repair.fix_misaligned_gbk, damaged)
    assert new == "2024年教育作總結及2025年工作要點"
    assert changes == [Change("gbk_shift", "repaired", "?ぷ骺偨Y", "作總結"),
                       Change("gbk_shift", "unrecovered", "?", "")]


def test_candidate_that_reads_an_ascii_byte_as_itself_is_no_repair():
    text = "以創建爲?!統攬,高分通?A過省教育評估"            # correct text, marks far apart
    assert run(repair.fix_misaligned_gbk, text)[0] == text


@settings(deadline=None)
@given(st.text(alphabet="发發后後个個们們于於云雲着著里裡干幹a?\u3000\ud800\U00020000", max_size=260),
       st.integers(0, 260), st.integers(0, 5))
def test_the_script_around_a_run_counts_each_scripts_own_forms_as_their_patterns_do(text, start, width):
    from cleaners.steps.repair import gbk_bytes
    start = min(start, len(text))
    end = min(start + width, len(text))
    around = text[max(0, start - gbk_bytes.SCRIPT_WINDOW):start] + text[end:end + gbk_bytes.SCRIPT_WINDOW]
    trad, simp = (len(gbk_bytes._script_forms()[s].findall(around)) for s in ("traditional", "simplified"))
    expected = ("traditional" if trad >= 2 and trad > 3 * simp else
                "simplified" if simp >= 2 and simp > 3 * trad else None)
    assert gbk_bytes.script_around(text, start, end) == expected
