"""strip_control_chars (cleaners/steps/repair/control_chars.py)."""
from __future__ import annotations

from cleaners.steps import repair
from repair_cases import run


def test_control_and_zero_width_characters_are_dropped_and_line_breaks_unified():
    text = "\ufeff第一\u200b行\r\n第二\x00行\r第三\x0c第四\u00ad行\x07\t完"
    new, changes = run(repair.strip_control_chars, text)
    assert new == "第一行\n第二行\n第三\n第四行\t完"
    assert any(c.action == "removed" and c.before == "\u200b" for c in changes)


def test_lone_surrogates_are_dropped():
    assert run(repair.strip_control_chars, "中\ud800文\udfff")[0] == "中文"


def test_c1_bytes_inside_latin1_mojibake_are_kept_for_the_mojibake_repair():
    mojibake = "国家".encode("utf-8").decode("latin-1")          # contains \x9b
    assert run(repair.strip_control_chars, mojibake)[0] == mojibake
    assert run(repair.strip_control_chars, "中\x85文")[0] == "中文"
