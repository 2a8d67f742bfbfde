"""fix_misaligned_gbk on annotating sites' pages (cleaners/steps/repair/gbk_annotated.py).

Every damaged text here is made by real GBK byte arithmetic (tests/support/gbk_damage.py):
the sentence is encoded in GBK and decoded one byte out of step from a given character on,
as the damaged sites did; the `?` then carries the reading of the shifted character.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import example, HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleaners import Document, clean
from cleaners.chars.t2s import opencc_convert
from cleaners.document import Change
from cleaners.steps import repair
from gbk_damage import shift_damage, shifted_char
from repair_cases import DATA, run

ANNOTATED = re.compile(r"\?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
# Traditional sentences of the kind the annotating sites carry (the seeds' gold, converted).
SENTENCES = sorted({s for p in sorted((DATA / "gold").glob("*.txt"))
                    for s in opencc_convert("s2t", p.read_text(encoding="utf-8")).splitlines() if len(s) >= 12})


def annotated_damage(sentence: str, at: int) -> str | None:
    """The sentence damaged at `at` when that gives the annotated shape, else None."""
    try:
        damaged = shift_damage(sentence, at)
    except UnicodeEncodeError:
        return None
    return damaged if ANNOTATED.match(damaged, at) else None


def is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


@pytest.mark.parametrize("sentence, at", [
    ("學校組織全體教師開展師德師風專題學習活動。", 7),      # 教?chù)熼_展: 師 from the reading of 處
    ("堅持立德樹人,加強黨的建設。一是開展黨紀學習", 8),       # 加?hòng)婞h的: 強黨, back in step at `h`
    ("學校實行黨組織領導的校長負責制,遴選骨幹教師", 7),       # 組織?yáng)I導的: 領, back in step at `I`
])
def test_annotated_shift_is_repaired_from_the_reading_of_the_shifted_character(sentence, at):
    damaged = shift_damage(sentence, at)
    assert ANNOTATED.match(damaged, at), damaged
    new, changes = run(repair.fix_misaligned_gbk, damaged)
    assert new == sentence
    assert [c.action for c in changes] == ["repaired"]


def test_the_reading_picks_the_one_lead_byte_behind_the_previous_trail_byte():
    # 到 is B5 BD, 沒 is 9B 5D: the decoder formed 經 (BD 9B) and the site annotated it jīng.
    damaged = shift_damage("做到沒有一個適齡少年輟學", 2)
    assert damaged == "做到?jīng)]有一個適齡少年輟學" and shifted_char("做到沒有", 2) == "經"
    assert run(repair.fix_misaligned_gbk, damaged)[0] == "做到沒有一個適齡少年輟學"


def test_run_cut_by_the_end_of_the_text_keeps_what_decodes_and_reports_the_cut_character():
    damaged = shift_damage("甚至有時單純為了應", 6)[:-1]            # the page ends after 藨
    assert damaged == "甚至有時單純?yōu)榱藨"
    new, changes = run(repair.fix_misaligned_gbk, damaged)
    assert new == "甚至有時單純為了"
    assert [c.action for c in changes] == ["repaired", "unrecovered"]


def test_characters_whose_bytes_a_rejected_pair_took_are_left_out():
    damaged = shift_damage("堅持立德樹人,加強黨的建設", 4)
    assert damaged == "堅持立德?kuì)淙?加強黨的建設"               # 人's trail byte and the comma: one `?`
    new, changes = run(repair.fix_misaligned_gbk, damaged)
    assert new == "堅持立德樹加強黨的建設"
    assert [c.action for c in changes] == ["repaired", "unrecovered"]


def test_run_cut_by_a_pair_that_swallowed_a_digit_is_dropped_as_unrecovered():
    damaged = shift_damage("我們在4月份就組織檢查", 2)
    assert damaged == "我們?cè)?月份就組織檢查"                  # 在 and the digit went into one `?`
    new, changes = run(repair.fix_misaligned_gbk, damaged)
    assert new == "我們月份就組織檢查"
    assert changes == [Change("gbk_shift", "unrecovered", "?cè)?")]


def test_head_in_the_other_script_is_left_out_and_the_rest_is_kept():
    # The site dropped a pair it could not decode (AB D0, inside 全校): re-paired behind the
    # lead byte the reading tells, the head is 龋, a form no Traditional page uses.
    damaged = "我們?nèi)=搪殕T工齊心協力,學校的發展離不開全體教職員工"
    new, changes = run(repair.fix_misaligned_gbk, damaged)
    assert new == "我們教職員工齊心協力,學校的發展離不開全體教職員工"
    assert ("unrecovered", "?nèi)") in [(c.action, c.before) for c in changes]


def test_characters_out_of_step_before_a_rejected_pair_are_rebuilt():
    damaged = shift_damage("融合爲主線,紮實推進區劃調整", 2)
    assert damaged == "融合?lì)懼骶?紮實推進區劃調整"              # 線's trail byte and the comma: `?`
    new, changes = run(repair.fix_misaligned_gbk, damaged)
    assert new == "融合爲主紮實推進區劃調整"
    assert [c.action for c in changes] == ["repaired", "unrecovered"]


def test_rejected_pair_with_too_little_text_after_it_to_tell_is_left_and_flagged():
    damaged = shift_damage("學後教師集中研修2次,每月一次", 3)
    assert damaged == "學後教?chù)熂?醒行?次,每月一次"
    new, changes = run(repair.fix_misaligned_gbk, damaged)
    assert new == damaged and [c.action for c in changes] == ["flag"]


def test_annotated_run_without_an_end_in_reach_is_left_and_flagged():
    text = "後教?chù)" + "熂醒" * 7 + "行動"
    assert run(repair.fix_misaligned_gbk, text) == (text, [Change("gbk_shift", "flag", "suspicious", "?chù)")])


def test_shift_without_evidence_on_an_annotated_page_is_flagged_not_changed():
    text = "爭取上級(jí)的支持?h政府于4月6日召開全縣會議(yì)"
    assert run(repair.fix_misaligned_gbk, text) == (text, [Change("gbk_shift", "flag", "suspicious", "?h")])
    plain = "是否可行?A計劃"                                    # no annotations: ordinary text
    assert run(repair.fix_misaligned_gbk, plain) == (plain, [])


def test_suspicious_runs_left_in_the_output_are_named_in_the_manifest_metadata():
    text = ("爭取上級(jí)的支持?h政府于4月6日召開全縣會議(yì),部署教育工作。" * 3)
    result = clean(Document(text=text))
    assert result.metadata["suspicious"] == ["?h"]
    assert "suspicious" not in clean(Document(text=text.replace("?h", "縣"))).metadata


def annotated_cases() -> list[tuple[str, int]]:
    """Every (sentence, position) whose shift gives the annotated shape (a few hundred)."""
    return [(sentence, at) for sentence in SENTENCES for at in range(1, len(sentence) - 1)
            if "\u4e00" <= sentence[at - 1] <= "\u9fff" and annotated_damage(sentence, at)]


def test_annotated_repair_never_writes_a_character_that_was_not_there():
    repaired = 0
    for sentence, at in annotated_cases():
        damaged = annotated_damage(sentence, at)
        new, changes = repair.fix_misaligned_gbk(damaged)
        for change in changes:
            if change.action == "repaired" and ANNOTATED.match(change.before):
                assert is_subsequence(change.after, sentence[at:]), (damaged, change)
                repaired += 1
    assert repaired >= 100


def test_annotated_shift_is_mostly_repaired_in_full():
    cases = annotated_cases()
    exact = sum(repair.fix_misaligned_gbk(annotated_damage(s, at))[0] == s for s, at in cases)
    assert exact >= 0.4 * len(cases), (exact, len(cases))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(sentence="8、建立“指標生”與控輟績效掛鉤制度。", marks=[(0.5, "?"), (0.75, "?A")])   # one rare 輟 is no damage
@example(sentence="(三)以質量爲主題,推進各級各類教育發展。", marks=[(0.1, "?jīng")])   # the damage's shape: assumed away
@given(sentence=st.sampled_from(SENTENCES), marks=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(
    ["?", "?A", "?h", "(fā)", "(huì )", "(jīng)", "?!", "()", "(一)", "xx", "2024", "?jīng"])), max_size=4))
def test_correct_text_with_question_marks_and_annotations_is_never_changed(sentence, marks):
    # Marks at least two characters apart: run together (`?!?h`, `??h`) they are the damage's
    # own shape, which no test can tell from damage.
    cuts = sorted({int(where * len(sentence)): mark for where, mark in marks}.items(), reverse=True)
    assume(all(a - b >= 2 for (a, _), (b, _) in zip(cuts, cuts[1:])))
    text = sentence
    for cut, mark in cuts:
        text = text[:cut] + mark + text[cut:]
    # nor a `?reading` mark closed by the sentence's own parenthesis: `(三?jīng)以質量` is the
    # annotated damage's shape (`做到?jīng)]有`), and 質's trail byte is the `|` it re-pairs with
    assume(not ANNOTATED.search(text))
    new, changes = repair.fix_misaligned_gbk(text)
    assert new == text and all(c.action == "flag" for c in changes)
