"""A repair only where the text was damaged: correct GBK punctuation and rare characters stay."""
from cleaners import Document, clean
from cleaners.steps.repair import fix_mojibake_runs

# A table border elsewhere on the page opens the Big5-run search; the dash must survive it.
DASH = "资深地产法律专家――北京乾坤律师事务所合伙人刘欣先生在接受采访时告诫投资者。\n┌──┐\n│表│\n└──┘"


def test_gbk_dash_is_not_taken_for_a_big5_run():
    text, changes = fix_mojibake_runs(DASH)
    assert text == DASH and changes == []


def test_box_drawing_and_rare_characters_come_through_the_pipeline_unchanged():
    raw = "表格如下：\n┌──┬──┐\n│项目│数量│\n└──┴──┘\n生僻字㐀䶵𠀀𪚥保持原样，专家――北京。" * 2
    result = clean(Document(text=raw))
    assert not [c for c in result.changes if c.action in ("repaired", "unrecovered")]
    for kept in ("┌──┬──┐", "㐀䶵𠀀𪚥", "专家――北京"):
        assert kept in result.text
