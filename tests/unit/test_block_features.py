"""The block classifier's features (tools/block_features.py): a block is a block element's own
flow (inline descendants' text belongs to it, nested blocks are blocks of their own), and its
row says where it stands against the extractor's chosen elements."""
from __future__ import annotations

import sys
from pathlib import Path

import lxml.html

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))
import block_features  # noqa: E402

PAGE = ('<html><body><div id="nav"><a href="/">首页</a> <a href="/n">新闻</a></div>'
        '<div id="a"><p>第一段<span>文字，</span>说明情况。</p><div><p>第二段，内容。</p></div></div>'
        '<div><a href="/x">相关阅读：另一篇文章</a></div></body></html>')


def _page():
    root = lxml.html.document_fromstring(PAGE)
    return root, block_features.blocks(root)


def test_inline_text_belongs_to_its_block_and_nested_blocks_stand_alone():
    _, found = _page()
    texts = [" ".join(text.split()) for _, text in found]
    assert texts == ["首页 新闻", "第一段文字，说明情况。", "第二段，内容。", "相关阅读：另一篇文章"]


def test_rows_place_blocks_against_the_chosen_container():
    root, found = _page()
    chosen = [root.get_element_by_id("a")]
    matrix = block_features.block_features(root, found, chosen, block_features.measure(root), "")
    col = block_features.feature_names().index
    assert matrix[:, col("in_chosen")].tolist() == [0, 1, 1, 0]
    assert matrix[:, col("before_chosen")].tolist() == [1, 0, 0, 0]
    assert matrix[:, col("after_chosen")].tolist() == [0, 0, 0, 1]
    assert matrix[0, col("link_share")] == 1.0 and matrix[1, col("link_share")] == 0.0
    assert matrix[:, col("block_distance")].tolist() == [1, 0, 0, 1]
