"""A site's lede paragraph above a notice's addressee goes; the document's own opening stays."""
from cleaners import Document, clean
from cleaners.steps import head_lede

LEDE = ("为进一步巩固免试就近入学改革成果，统筹义务教育招生入学工作，科学制订普通中小学招生入学办法，"
        "市教育局发布了关于做好中小学招生入学工作的通知，明确了入学条件。")
ADDRESSEE = "各区市县教育局、各先导区教育行政部门，各有关学校："
NOTICE = "为做好2021年中小学招生入学工作，现就有关事项通知如下。\n一、做好义务教育阶段招生入学工作"


def test_a_prose_paragraph_above_the_addressee_is_dropped():
    text, changes = head_lede.step(f"{LEDE}\n{ADDRESSEE}\n{NOTICE}")
    assert text == f"{ADDRESSEE}\n{NOTICE}"
    assert [c.before for c in changes] == [LEDE]
    speech = "尊敬的各位领导、各位同事：\n大家好！"
    assert head_lede.step(f"{LEDE}\n\n{speech}")[0] == speech


def test_a_paragraph_above_a_heading_that_ends_with_a_colon_stays():
    for below in ("一、工作目标：", "具体要求如下：", "主要做法："):
        text = f"{LEDE}\n{below}\n{NOTICE}"
        assert head_lede.step(text) == (text, [])


def test_a_short_line_or_an_unfinished_paragraph_above_the_addressee_stays():
    for first in ("关于做好中小学招生入学工作的通知", LEDE.rstrip("。")):
        text = f"{first}\n{ADDRESSEE}\n{NOTICE}"
        assert head_lede.step(text) == (text, [])


def test_a_lede_below_the_title_goes_too_and_a_second_run_changes_nothing():
    once = clean(Document(text=f"大连市中小学招生入学工作通知\n{LEDE}\n{ADDRESSEE}\n{NOTICE}")).rendered()
    assert once == f"大连市中小学招生入学工作通知\n\n{ADDRESSEE}\n{NOTICE}\n"
    assert clean(Document(text=once)).rendered() == once


def test_blank_lines_above_the_lede_do_not_hide_it():
    lede = "为了要进一步巩固免试就近入学改革成果，统筹义务教育和普通高中、公办和民办中小学招生工作，市教育局印发了本通知，明确了今年的招生政策。"
    text = f"\n\n\n{lede}\n各区市县教育局、各有关学校：\n为进一步做好招生工作，现将有关事项通知如下。"
    new, changes = head_lede.step(text)
    assert lede not in new and new.startswith("各区市县教育局") and [c.before for c in changes] == [lede]


def test_blank_lines_left_by_a_dropped_line_between_lede_and_addressee_do_not_hide_it():
    """An upload row dropped between the lede and the addressee leaves two blank lines; the
    output folds them into one, and a second run would find the lede: so does the first."""
    once = clean(Document(text=f"{LEDE}\n\n编号: FW8671849／类别:经管营销　热度： ★★★☆☆\n\n{ADDRESSEE}\n{NOTICE}")).rendered()
    assert LEDE not in once and ADDRESSEE in once
    assert clean(Document(text=once)).rendered() == once
