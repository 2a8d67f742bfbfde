"""An encyclopedia's heading buttons (MediaWiki's `[编辑]`, 百科's `编辑` `播报` beside a section's
heading) are not the heading's words; the word 编辑 in a heading or a paragraph is."""
from parsel import Selector

from cleaners.steps.extract import heading_buttons


def texts(html: str) -> list[str]:
    return ["".join(el.itertext()) for el in heading_buttons(Selector(text=html).root)]


def test_an_edit_link_inside_a_heading_and_buttons_after_it_are_buttons():
    wiki = "<h2><span class='mw-headline'>历史沿革</span><span class='mw-editsection'><span>[</span><a>编辑</a><span>]</span></span></h2>"
    assert texts(wiki) == ["[编辑]", "编辑"]
    baike = "<div class='para-title'><h2>办学条件</h2><a class='edit-icon'>编辑</a><span class='audio-play'>播报</span></div>"
    assert texts(baike) == ["编辑", "播报"]


def test_the_word_in_a_headings_text_or_a_paragraph_is_no_button():
    assert texts("<h2><span>编辑部工作</span></h2><p><a>编辑</a>是一种职业。</p><div><span>编辑</span></div>") == []
