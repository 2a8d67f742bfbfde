"""A tag row of one-word lines under the title goes; a document's own heading block stays."""
from cleaners.steps import head_tags

BODY = "各县、区人民政府，市政府有关部门、单位：为贯彻落实有关文件精神，结合实际，现提出如下实施意见。"


def test_a_run_of_one_word_lines_at_the_head_is_dropped():
    text, changes = head_tags.step("\n".join(["学校", "教师", "城乡", "关于推进义务教育一体化的实施意见", BODY]))
    assert text == "关于推进义务教育一体化的实施意见\n" + BODY
    assert [c.before for c in changes] == ["学校", "教师", "城乡"]


def test_a_heading_block_and_a_lone_short_line_stay():
    block = "\n".join(["通知", "苍教办函〔2011〕26号", "各学校：", BODY, "特此通知。"])
    assert head_tags.step(block) == (block, [])


def test_one_word_lines_far_below_the_head_stay():
    lines = [BODY] * 12 + ["甲", "乙", "丙"]
    text = "\n".join(lines)
    assert head_tags.step(text) == (text, [])


def test_a_text_of_one_word_lines_only_is_not_emptied():
    """A run with nothing after it is the document itself (a word list, a short poem), not a
    tag row above one; a trailing newline does not change that."""
    for text in ("甲\n乙丙", "甲\n乙丙\n", "学校\n教师\n城乡"):
        assert head_tags.step(text) == (text, [])
    kept = head_tags.step("县教育局工作要点\n学校\n教师\n正文第一段，内容较长。")[0]
    assert kept.split() == ["县教育局工作要点", "正文第一段，内容较长。"]


def test_a_list_of_names_below_the_documents_first_sentence_stays():
    text = ("各中小学校：\n根据考核办法，区教育局组织开展了年度考核工作。现将结果通报如下：\n一、优秀等次\n"
            "实验中学\n城东小学\n二、良好等次\n城西小学\n河口中学\n" + BODY)
    assert head_tags.step(text) == (text, [])


def test_a_site_menus_items_one_a_line_at_the_head_are_dropped_and_a_poems_lines_are_not():
    menu = ["首页", "机构概况", "科研成果", "研究队伍", "国际交流", "研究生教育", "创新文化", "党建与文化", "科学传播"]
    text, changes = head_tags.step("\n".join([*menu, "我校举行2024级新生开学典礼", BODY]))
    assert text == "我校举行2024级新生开学典礼\n" + BODY and len(changes) == len(menu)
    verse = ["床前明月光", "疑是地上霜", "举头望明月", "低头思故乡"]
    out, changes = head_tags.step("\n".join(["静夜思", "李白", *verse, "注释：这是一首思乡诗。"]))
    assert all(line in out.split("\n") for line in verse) and not set(verse) & {c.before for c in changes}


def test_one_word_lines_before_a_longer_name_still_make_a_tag_row():
    text = "\n".join(["学校", "教师", "研究生教育", "关于推进义务教育一体化的实施意见", BODY])
    assert [c.before for c in head_tags.step(text)[1]] == ["学校", "教师"]
