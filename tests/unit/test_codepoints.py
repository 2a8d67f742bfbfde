"""codepoints: a text's code points, converted once for the numpy steps a document passes."""
import numpy as np
import pytest

from cleaners.chars.codepoints import REMEMBER_FROM, codepoints


def test_the_code_points_are_the_texts_own_lone_surrogates_and_trailing_nuls_included():
    text = "中文\ud800a\U00020000\x00\x00"
    assert codepoints(text).tolist() == [ord(ch) for ch in text]
    assert codepoints("").tolist() == []


def test_a_long_text_passed_again_gets_the_array_already_made_and_nobody_may_change_it():
    text = "国" * REMEMBER_FROM
    first = codepoints(text)
    assert codepoints(text) is first
    with pytest.raises(ValueError):
        first[0] = 1
    with pytest.raises(ValueError):
        codepoints("短文")[0] = 1


def test_an_equal_text_that_is_another_object_gets_equal_code_points():
    """(remembered by identity: an equal text built again is converted again, to the same values)"""
    text = "".join(["国"] * REMEMBER_FROM)
    again = "".join(["国"] * REMEMBER_FROM)
    assert np.array_equal(codepoints(text), codepoints(again))
    for _ in range(3):                   # older texts make way; their arrays stay what they were
        codepoints("另" + "x" * REMEMBER_FROM)
    assert codepoints(text).tolist() == [ord("国")] * REMEMBER_FROM
