"""The chrome words column of the line model (cleaners/steps/line_vocab.py) and how its pair
weights are learnt (tools/chrome_vocab.py): pairs read the same whatever the digits, case and
spacing, a line scores the mean of its pairs' weights, and a training page's column never comes
from weights that saw its own site."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from cleaners.steps import line_vocab
from cleaners.steps.line_own import COLUMN

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
chrome_vocab = pytest.importorskip("chrome_vocab")


def test_pairs_fold_digits_case_and_whitespace():
    assert line_vocab.pairs("2023年 VIP") == line_vocab.pairs("１９９８年vip") == ["00", "00", "00", "0年", "年v", "vi", "ip"]
    assert line_vocab.pairs("首") == []


def test_a_line_scores_the_mean_of_its_pairs_weights_an_unknown_pair_counting_zero():
    weights = {"登录": 2.0, "录后": 1.0}
    assert line_vocab.score_with(weights, "登录后看") == pytest.approx((2.0 + 1.0 + 0.0) / 3)
    assert line_vocab.score_with(weights, "") == 0.0


def test_the_shipped_weights_hear_a_members_prompt_as_chrome_and_a_report_sentence_as_content():
    assert line_vocab.chrome_words("登录会员后即可免费下载全文") > 0.5
    assert line_vocab.chrome_words("全县教育系统以办好人民满意教育为目标，努力促进教育优质均衡发展") < 0


def test_learnt_weights_lean_to_the_side_a_pair_is_read_on_and_rare_pairs_are_left_out():
    boilerplate = {"会员专享下载", "会员登录", "会员中心", "扫码关注"}
    content = {"学校教育工作", "教育教学质量", "家庭教育指导"}
    weights = chrome_vocab.learn(boilerplate, content)
    assert weights["会员"] > 0 > weights["教育"]
    assert "扫码" not in weights         # seen once


class _Page:
    def __init__(self, group: str, lines: list[str], boilerplate: list[bool]):
        self.group, self.lines = group, lines
        self.sizes = np.array([len(line) for line in lines])
        self.matched = np.array([0 if b else len(line) for line, b in zip(lines, boilerplate)])
        self.rows = np.arange(len(lines))
        self.features = np.zeros((len(lines), len(COLUMN) + 1))


def test_a_training_pages_column_comes_from_weights_that_did_not_see_its_site():
    own = "甲乙丙丁" * 3                 # this site's chrome, found on no other site
    pages = [_Page("one.example", [own, "学校教育工作总结"], [True, False]),
             _Page("two.example", [own, "教育教学质量提升"], [True, False]),
             _Page("three.example", ["会员登录下载", "学校教育教学"], [True, False])]
    fold_of = {"one.example": 0, "two.example": 0, "three.example": 1}
    chrome_vocab.fill_out_of_fold(pages, fold_of, 2, extra_boilerplate=set())
    column = COLUMN["chrome_words"]
    everything = chrome_vocab.learn(*chrome_vocab.lines_by_label(pages))
    assert line_vocab.score_with(everything, own) > 0      # weights that saw the site know its chrome ...
    assert pages[0].features[0, column] == pages[1].features[0, column] == 0.0    # ... its fold's did not


def test_near_chrome_words_is_the_mean_of_the_neighbours_a_line_without_a_row_counting_zero():
    from cleaners.steps.line_features import near_mean

    # lines 0..5; rows (candidate lines) at 0, 1, 3, 5 with chrome words 1, 2, 3, 4; lines 2 and 4 are prose
    near = near_mean(np.array([1.0, 2.0, 3.0, 4.0]), np.array([0, 1, 3, 5]), 6)
    assert near.tolist() == pytest.approx([(2 + 0) / 2, (1 + 0 + 3) / 3, (2 + 0 + 0 + 4) / 4, (3 + 0) / 2])


def test_a_block_of_chrome_lifts_its_lines_near_chrome_words():
    from cleaners.steps import line_features

    body = "全县教育系统以办好人民满意教育为目标，努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。"
    chrome = ["网友评论", "登录后发表评论", "会员专享下载", "扫码关注公众号", "客服热线"]
    rows, matrix = line_features.line_features([body] * 4 + chrome + [body] * 4)
    near = dict(zip(rows.tolist(), matrix[:, COLUMN["near_chrome_words"]].tolist()))
    assert near[6] > 1 > 0 > near[1]       # the middle of the block, against a line among paragraphs


def test_a_long_line_read_in_numpy_scores_what_the_plain_reading_gives_to_the_last_bit():
    import random

    weights = line_vocab.weights()
    rng = random.Random(7)
    alphabet = "全县教育系统以办好人民满意教育为目标，会员登录下载本站声明版权所有2023年VIP ０９Ａ　\t"
    for _ in range(500):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        assert line_vocab.chrome_words(line) == line_vocab.score_with(weights, line)
