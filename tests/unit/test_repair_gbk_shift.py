"""fix_misaligned_gbk (cleaners/steps/repair/gbk_shift.py)."""
from __future__ import annotations

from cleaners.document import Change
from cleaners.steps import repair
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
