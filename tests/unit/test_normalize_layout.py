"""Layout spaces are folded before the repairs, except where they may be mojibake bytes."""
from cleaners import Document, clean
from cleaners.steps.normalize import detect_script, fold_layout_spaces, han_count, normalize_text, to_simplified


def test_nbsp_indents_and_ideographic_spaces_fold_before_the_repairs():
    assert fold_layout_spaces("\xa0\xa0一、总体要求\u3000\u3000") == "  一、总体要求  "


def test_nbsp_between_latin1_characters_stays_for_the_mojibake_repair():
    assert fold_layout_spaces("ÖÐ\xa0ÎÄ") == "ÖÐ\xa0ÎÄ"
    assert fold_layout_spaces("Ö\xa0\xa0Ö") == "Ö\xa0\xa0Ö"


def test_mojibake_split_by_an_ideographic_space_repairs_the_same_on_both_passes():
    once = clean(Document(text="ÖÐ\u3000\u3000ÎÄ1.党建工作扎实推进。")).rendered()
    assert clean(Document(text=once)).rendered() == once


def test_script_detection_reuses_the_simplified_text_and_counts_changed_characters():
    trad = "縣教育局工作總結：全縣教育系統堅持立德樹人。"
    assert detect_script(trad, simplified=to_simplified(trad)) == "traditional"
    assert detect_script(trad) == "traditional"
    assert detect_script("县教育局工作总结", simplified="县教育局工作总结") == "simplified"
    assert detect_script("2024 report") == "none"


def test_han_count_counts_only_unified_ideographs():
    assert han_count("教育局2024年，ABC。") == 4
    assert han_count("") == 0


def test_whitespace_normalisation_strips_line_ends_and_blank_runs_but_keeps_inner_pairs():
    text, _ = normalize_text("  一、总体要求  \n\n\n\n正文  两个空格   三个空格\t尾 ")
    assert text == "一、总体要求\n\n正文  两个空格  三个空格 尾"


def test_only_a_line_over_the_flat_line_size_is_split_at_its_outline_markers():
    from cleaners.steps.normalize import FLAT_LINE, restore_paragraphs
    flat = "总体要求。一、加强领导" + "内容" * 200 + "。二、落实责任"
    assert len(flat) > FLAT_LINE
    for text in (flat, f"标题\n{flat}", f"{flat}\n结尾", f"标题\n{flat}\n结尾"):
        out, changes = restore_paragraphs(text)
        assert "。\n二、落实责任" in out and changes
    short = "甲。一、乙" + "丙" * (FLAT_LINE - 5)
    assert len(short) == FLAT_LINE
    assert restore_paragraphs(f"{short}\n{short}") == (f"{short}\n{short}", [])


def test_nbsp_between_latin1_characters_stays_in_long_texts_too():
    """The latin-1 test is read off the code points: at the class's edges, and past 256 characters."""
    body = "一、总体要求。" * 60
    assert fold_layout_spaces(f"\x7f\xa0\u0100{body}\xa0") == f"\x7f \u0100{body} "
    for other in ("\x80", "\x9f", "\xa1", "\xff"):
        assert fold_layout_spaces(f"{other}\xa0{other}{body}\xa0") == f"{other}\xa0{other}{body} "


def test_normalize_text_is_idempotent_and_its_last_output_comes_back_without_a_pass():
    """The pipeline normalizes before the line model and at the end; the final pass is skipped
    when the text is the very one normalize_text returned, which is only right if a second pass
    would change nothing, whatever the whitespace."""
    import random
    rng = random.Random(5)
    alphabet = [" ", " ", "\n", "\n", "\t", "\u3000", "\xa0", "\r", "\u2028", "\x0c", "\x85", "a", "字", "。", "\u2002"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        once, _ = normalize_text(text)
        assert normalize_text(once + "") == (once, [])      # (an equal text of another object: a full pass)
    text = "  第一条  本办法。   \n\n\n\n第二条\u3000施行。 "
    out, changes = normalize_text(text)
    assert out == "第一条  本办法。\n\n第二条 施行。" and changes
    assert normalize_text(out)[0] is out and normalize_text(out)[1] == []
