"""link_genres: three titles or more in a row that each end in a document's kind (总结, 通知, 方案 …)
are a box of other documents under any heading, or none; a document's own title, its parts'
titles, its outline and a listing page stay."""
from cleaners import Document, clean
from cleaners.steps import link_genres

BODY = "过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，较好地完成了各项任务。"


def dropped(text: str) -> list[str]:
    out, changes = link_genres.step(text)
    assert all(c.before not in out.split("\n") for c in changes)
    return [c.before for c in changes]


def test_titles_of_a_kind_under_a_heading_no_rule_names_go_with_the_heading():
    box = "看了本文的人还看了   更多\n新集镇中心学校控辍保学工作总结\n关于做好2024年秋季开学工作的通知\n校长的个人述职报告"
    assert dropped(f"{BODY}\n{BODY}\n{box}") == box.split("\n")
    box = "本类排行\n1. 学校安全工作应急预案\n2. 2023年教研工作计划\n3. 党支部书记培训收获与感悟\n4. 幼儿园工作计划(通用3篇)"
    assert dropped(f"{BODY}\n{BODY}\n{box}") == box.split("\n")


def test_a_numbered_box_takes_the_items_whose_numbers_go_on_though_they_name_no_kind():
    box = "人气排行\n1. 一、指导思想\n2. 关于印发教育工作要点的通知\n3. 服务生岗位职责和流程标准\n4. 教育体育局XX年工作小结\n5. 同志们:"
    assert dropped(f"{BODY}\n{BODY}\n{box}\n一、总体情况") == box.split("\n")


def test_titles_each_over_an_excerpt_go_and_the_documents_own_title_with_none_stays():
    box = ("为你推荐\n学校德育工作总结\n本学期，我校德育工作以立德树人为根本任务，扎实开展了各项活动，取得\n"
           "教师培训工作方案\n为进一步提升全体教师的专业素养，根据上级有关文件精神，结合我校实际\n"
           "2024年少先队工作计划\n新学期，少先队大队部将以培养担当民族复兴大任的时代新人为目标，坚持")
    own = "县教育局2024年工作要点"
    assert dropped(f"{box}\n{own}\n{BODY}\n{BODY}\n{BODY}") == box.split("\n")


def test_a_plain_box_right_above_the_body_gives_back_the_documents_title():
    box = "新集镇中心学校控辍保学工作总结\n关于做好2024年秋季开学工作的通知\n校长的个人述职报告"
    out, _ = link_genres.step(f"{box}\n县教育局2024年工作总结\n{BODY}")
    assert out.split("\n")[-2:] == ["县教育局2024年工作总结", BODY]


def test_a_plain_box_right_above_a_notices_addressee_gives_back_the_notices_title():
    box = "新集镇中心学校控辍保学工作总结\n关于做好2024年秋季开学工作的通知\n校长的个人述职报告"
    own, addressee = "县人民政府关于印发县人民政府工作规则的通知", "各乡、镇人民政府，县政府各部门："
    out, _ = link_genres.step(f"{box}\n\n{own}\n\n{addressee}\n{BODY}")
    assert [line for line in out.split("\n") if line][-3:] == [own, addressee, BODY]


def test_a_documents_title_over_its_parts_and_a_menu_row_are_no_box():
    own = "语言文字自查报告\n时间:2023-03-04 08:46:40\n语言文字自查报告\n语言文字自查报告 篇1"
    assert dropped(f"{own}\n{BODY}") == []
    parts = "教育局工作要点(合集7篇)\n教育局工作要点\n教育局工作要点第1篇"
    assert dropped(f"{parts}\n{BODY}") == []
    assert dropped(f"心得体会｜党团工作｜总结汇报｜述职报告\n期刊大全 杂志订阅 公文范文 精品范文\n{BODY}") == []


def test_a_documents_outline_and_its_list_of_attachments_stay():
    outline = "一、德育工作\n二、教学工作\n三、安全工作"
    assert dropped(f"{BODY}\n{outline}\n{BODY}") == []
    items = "工作目标：\n1. 加强师资队伍建设\n2. 推进课程改革\n3. 完善评价机制"
    assert dropped(f"{BODY}\n{items}\n{BODY}") == []


def test_a_listing_page_of_titles_is_left_to_the_listing_verdict():
    listing = "\n".join(f"关于做好第{k}批学生资助工作的通知" for k in range(1, 9))
    text = f"通知公告\n{listing}"
    assert link_genres.step(text) == (text, [])


def test_a_page_with_fewer_lines_ending_as_a_title_may_is_not_read_line_by_line(monkeypatch):
    def fail(lines):
        raise AssertionError("the run pass ran")
    monkeypatch.setattr(link_genres, "genre_runs", fail)
    text = f"学校工作总结\n{BODY}\n{BODY}\n德育工作计划"
    assert link_genres.step(text) == (text, [])


def test_cleaning_twice_changes_nothing_more():
    text = f"{BODY}\n猜你想看\n学校德育工作总结\n教师培训工作方案\n2024年少先队工作计划\n{BODY}"
    once = link_genres.step(text)[0]
    assert link_genres.step(once) == (once, [])


def test_the_kind_word_of_a_title_is_read_past_its_parts_number():
    assert [link_genres.kind_word(t) for t in ("教育局年工作总结篇一", "学前教育宣传活动总结(30篇)", "学习心得体会",
                                               "关于做好寒假安全工作的通知", "活动概述")] == ["总结", "总结", "体会", "通知", ""]


def test_a_section_heading_right_above_a_box_is_the_documents_not_the_boxs():
    box = "1. 幼儿园一学期工作计划\n2. 学校小学德育工作总结\n3. 学前教育宣传月总结"
    assert dropped(f"一、指导思想\n{box}\n{BODY}\n{BODY}") == box.split("\n")


def test_titles_left_in_a_row_once_the_line_model_dropped_the_credit_rows_between_them_go():
    titles = ["教育局2020年控辍保学工作总结", "关于印发《上海市普陀区教育人才队伍建设专项规划》的通知", "教育工作要点篇1"]
    rows = ["wx_****｜2016年1月12日｜35页", "张** | 2021-05-13 | 32页", "教育资料库 | 2013-03-22 | 30页"]
    box = "\n".join(line for pair in zip(titles, rows) for line in pair)
    once = clean(Document(text=f"县教育局2024年工作总结\n{BODY * 3}\n{BODY * 3}\n人气排行：\n{box}\n")).rendered()
    assert not any(title in once for title in titles) and clean(Document(text=once)).rendered() == once
