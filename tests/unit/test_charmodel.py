"""The character model the repairs score with (cleaners/chars/charmodel.py)."""
from __future__ import annotations

import re

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


def test_character_classes_answer_each_text_for_itself_whichever_was_asked_last():
    classes = charmodel.CharClasses({"digit": re.compile("[0-9]"), "wide": re.compile("[\uff10-\uff19]")})
    ascii_text, wide_text = "第2页" * 100, "第２页" * 100
    assert classes.present(ascii_text) == classes.bits["digit"]
    assert classes.present(wide_text) == classes.bits["wide"]
    assert classes.present(ascii_text) == classes.bits["digit"]
    assert classes.present(ascii_text[:-1] + "２") == classes.bits["digit"] | classes.bits["wide"]
    assert classes.present("") == 0
