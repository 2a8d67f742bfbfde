"""strip_html_residue (cleaners/steps/repair/html_residue.py)."""
from __future__ import annotations

from cleaners.steps import repair
from repair_cases import run


def test_html_tags_are_removed_and_block_tags_become_newlines():
    new, changes = run(repair.strip_html_residue, "<p><b>第一段</b></p><br/>第二段<!-- 注释 --></div>")
    assert new == "\n第一段\n\n第二段\n"
    assert {c.action for c in changes} == {"removed"}


def test_entities_are_unescaped_including_double_escaped_ones():
    new, _ = run(repair.strip_html_residue, "甲&nbsp;乙 A&amp;B &#20013;&#x4e2d; &amp;nbsp;丙 &amp;amp;")
    assert new == "甲 乙 A&B 中中  丙 &"


def test_formula_comparisons_and_book_titles_are_not_tags():
    for text in ("若 a<b 且 b>c 则", "x<y>z", "《关于加强教育工作的意见》", "a < b > c", "AT&T 与 &unknown;"):
        assert run(repair.strip_html_residue, text) == (text, [])
