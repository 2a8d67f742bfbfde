"""fix_misaligned_gbk (cleaners/steps/repair/gbk_shift.py)."""
from __future__ import annotations

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
