"""fix_mojibake_runs (cleaners/steps/repair/mojibake_runs.py)."""
from __future__ import annotations

from cleaners.document import Change
from cleaners.steps import repair
from repair_cases import SEED_000, SIMPLIFIED, TRADITIONAL, run


def gbk_view(text: str, encoding: str = "utf-8") -> str:
    return text.encode(encoding).decode("gbk", "replace")


def test_utf8_read_as_gbk_run_inside_good_text_is_repaired():
    damaged = gbk_view("经济增长")                              # 缁忔祹澧為暱
    new, changes = run(repair.fix_mojibake_runs, "今年的" + damaged + "很快，")
    assert new == "今年的经济增长很快，"
    assert changes == [Change("mojibake_runs", "repaired", damaged, "经济增长")]


def test_utf8_run_with_bytes_lost_by_the_gbk_decoder_is_repaired_around_the_loss():
    damaged = gbk_view("国家统计局发布")                        # 鍥藉�剁粺璁″眬鍙戝竷
    new, _ = run(repair.fix_mojibake_runs, "根据" + damaged + "的报告")
    assert new == "根据国\ufffd统计局发布的报告"                  # drop_irrecoverable takes the U+FFFD


def test_windows_cp936_euro_sign_is_read_as_byte_0x80():
    assert run(repair.fix_mojibake_runs, "据鏈€鏂版姤鍛婃樉绀猴紝")[0] == "据最新报告显示，"


def test_big5_read_as_gbk_run_is_repaired():
    new, _ = run(repair.fix_mojibake_runs, "繁體" + gbk_view("中文", "big5") + "結束")
    assert new == "繁體中文結束"


def test_traditional_and_rare_place_names_are_not_mojibake():
    for text in (TRADITIONAL, SIMPLIFIED, "百丈漈鎮校、峃口片、東垟、珊溪鎮", SEED_000.read_text(encoding="utf-8")):
        assert run(repair.fix_mojibake_runs, text) == (text, [])
