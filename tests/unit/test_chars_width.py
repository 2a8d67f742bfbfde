"""fold_wide_ascii: full-width letters and digits read as ASCII for matching, one for one."""
from cleaners.chars.width import fold_wide_ascii


def test_full_width_letters_digits_and_their_full_stops_fold_to_ascii_one_for_one():
    assert fold_wide_ascii("ＷＷＷ．ＷＥＮＫＵ８８．ＣＯＭ") == "WWW.WENKU88.COM"
    assert fold_wide_ascii("第２页，共１０页，ＰＤＦ") == "第2页，共10页，PDF"


def test_full_width_digits_without_a_letter_are_left_as_they_are():
    text = "２０２４年３月５日"
    assert fold_wide_ascii(text) is text


def test_full_width_punctuation_stays_and_a_text_without_wide_letters_is_the_same_object():
    assert fold_wide_ascii("各学校：（一）要求。ｘ") == "各学校：（一）要求。x"
    text = "各学校要高度重视，认真落实。"
    assert fold_wide_ascii(text) is text
