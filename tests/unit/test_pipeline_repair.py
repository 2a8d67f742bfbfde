"""The repair stage as the pipeline runs it (cleaners/pipeline_repair.py): the order of its steps."""
from __future__ import annotations

import pytest

from cleaners import Document, clean
from cleaners.pipeline_repair import repair_text
from repair_cases import as_windows_1252

# Bytes a no-break space or a control character stands for once read as latin-1: 习 (E4 B9 A0)
# before an ASCII comma, 加 (E5 8A A0), 校 and 标 (E6 A0 ..), the annotation's à (C3 A0); and
# bytes windows-1252 leaves undefined (C1 controls then): 提 (E6 8F 90), 面 (E9 9D A2), ” (E2 80 9D).
PAGE = ("加强学校管理,认真学习,实现(xiàn)目标。\n"
        "让问题得到解决,提高教育质量,“全面改薄”稳步推进。")


@pytest.mark.parametrize("decode", [lambda raw: raw.decode("latin-1"), as_windows_1252],
                         ids=["latin-1", "windows-1252"])
def test_utf8_page_read_as_a_western_codepage_comes_back_whole(decode):
    damaged = decode(PAGE.encode("utf-8"))
    assert repair_text(damaged)[0] == repair_text(PAGE)[0]


def test_a_no_break_space_indent_is_still_a_space_beside_mojibake():
    damaged = "\xa0\xa0" + "教育局".encode("utf-8").decode("latin-1")
    assert repair_text(damaged)[0] == "  教育局"


def test_a_page_whose_bytes_were_lost_before_it_came_is_rejected_as_undecodable():
    page = ("县教育局2023年工作总结\n一年来，全县教育系统认真贯彻落实上级部署，推进优质均衡发展，"
            "办好人民满意的教育，各项工作取得新进展。\n" * 6)
    lost = page.encode("gb18030").decode("utf-8", errors="replace")    # GBK bytes read as UTF-8
    result = clean(Document(text=lost))
    assert result.rejection.startswith("undecodable:") and "own bytes" in result.rejection
    assert clean(Document(data=page.encode("gb18030"))).rejection is None
