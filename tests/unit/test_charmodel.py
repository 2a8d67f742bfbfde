"""The character model the repairs score with (cleaners/chars/charmodel.py)."""
from __future__ import annotations

from cleaners.chars import charmodel
from repair_cases import SIMPLIFIED, TRADITIONAL


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
