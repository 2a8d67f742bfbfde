"""The line table (cleaners/chars/lines.py): a text's lines split once and handed along."""
from cleaners.chars.lines import has_han, joined, joined_stripped, lines_of, stripped_of


def test_lines_are_the_split_of_the_text():
    text = "标题\n\n  第一段。\n第二段\n"
    assert lines_of(text) == tuple(text.split("\n"))
    assert lines_of("") == ("",)


def test_the_same_text_object_is_split_once():
    text = "".join(["一行\n", "两行"])
    assert lines_of(text) is lines_of(text)


def test_stripped_lines_are_each_line_stripped():
    text = "".join([" 一行 \n", "\t两行\u3000"])
    assert stripped_of(text) == tuple(line.strip() for line in text.split("\n"))


def test_a_joined_text_hands_on_the_lines_it_was_made_of():
    lines = ["甲", "", "乙丙"]
    text = joined(lines)
    assert text == "甲\n\n乙丙"
    handed = lines_of(text)
    assert handed == tuple(lines) and all(a is b for a, b in zip(handed, lines))


def test_joined_stripped_drops_the_blank_lines_at_both_ends_as_strip_does():
    for lines in (["", "", "甲", "", "乙", ""], ["", ""], [" ", "甲"], ["甲"], []):
        text = joined_stripped(lines)
        assert text == "\n".join(lines).strip("\n")
        assert lines_of(text) == tuple(text.split("\n"))


def test_handed_lines_cannot_be_changed_by_a_step():
    text = "".join(["甲\n", "乙"])
    assert isinstance(lines_of(text), tuple) and isinstance(stripped_of(text), tuple)


def test_no_lines_join_to_the_empty_text_whose_split_is_one_empty_line():
    assert joined([]) == ""
    assert lines_of("") == ("",)        # (the empty text is one object: what it was joined from must not stick)


def test_a_line_holds_han_only_with_a_cjk_ideograph_on_it():
    assert [has_han(line) for line in ("教育局", "2024-05-01", "ＡＢＣ", "第1页", "", "〇一二")] == [
        True, False, False, True, False, True]
