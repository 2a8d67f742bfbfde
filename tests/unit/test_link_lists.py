"""Lists of links to other documents go wherever the page puts them, whatever their header's
wording, by their shape; a document's own outline and lists stay."""
from cleaners.steps import link_lists

BODY = "过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，较好地完成了各项任务。"


def dropped(block: str) -> list[str]:
    out, changes = link_lists.step(f"学校工作总结\n{block}\n{BODY}\n{BODY}")
    assert all(c.before not in out.split("\n") for c in changes)
    return [c.before for c in changes]


def test_titles_under_a_header_with_a_more_mark_go_with_the_header():
    block = "精选范文   更多\n1. 新集镇中心学校控辍保学工作总结\n2. 党支部书记培训收获与感悟\n3. 幼儿园后勤工作计划"
    assert dropped(block) == block.split("\n")
    assert len(dropped("热门文章>>\n工作总结的概念与特点是什么\n小学校长述职报告 篇1")) == 3


def test_titles_each_with_a_date_or_page_count_go_with_their_header():
    dated = "延伸阅读：\n关于教育局工作总结  2017/8/10\n校长年度述职报告  2015.04.03\n学校德育工作总结  2020-02-23"
    assert dropped(dated) == dated.split("\n")
    paged = "相关文档：\n· 市南区教育体育事业发展规划  36页\n· 上半年教育局帮建工作总结  47页\n· 教研工作计划  5页"
    assert dropped(paged) == paged.split("\n")


def test_a_documents_own_outline_and_numbered_list_stay():
    assert dropped("工作目标：\n1. 加强师资队伍建设\n2. 推进课程改革\n3. 完善评价机制") == []
    assert dropped("一、指导思想\n二、工作目标\n三、主要措施") == []
    assert dropped("主要做法\n1.开展读书活动，全校师生参与。\n2.举办讲座，邀请专家。\n3.组织竞赛。") == []


def test_cleaning_twice_changes_nothing_more():
    text = f"学校工作总结\n相关推荐 更多\n教研工作计划\n德育工作总结\n{BODY}"
    once = link_lists.step(text)[0]
    assert link_lists.step(once) == (once, [])


def test_the_page_title_above_a_dated_list_stays():
    out, changes = link_lists.step(f"学校工作总结\n· 教研工作计划  5页\n· 德育工作总结  7页\n· 安全工作总结  3页\n{BODY}")
    assert out.startswith("学校工作总结") and len(changes) == 3


def test_a_page_of_many_short_lines_is_read_in_one_pass():
    """Each line's shape is read once: ten times the lines cost about ten times the time (a
    quadratic scan, every line reading the run after it, cost a hundred times)."""
    import time

    def cost(n: int) -> float:
        """The best CPU time of three texts of n new lines (lines seen before are remembered): on a
        busy machine one run's time says little."""
        best = float("inf")
        for run in range(3):
            text = "\n".join(f"第{k}个标题样的短行内容{n}之{run}" for k in range(n))
            started = time.process_time()
            assert link_lists.step(text) == (text, [])
            best = min(best, time.process_time() - started)
        return best

    cost(500)
    assert cost(20000) < 35 * cost(2000)


def test_a_page_that_is_mostly_a_list_of_links_is_left_to_the_listing_verdict():
    listing = "\n".join(f"关于做好第{k}批学生资助工作的通知  2024-03-{k + 10:02d}" for k in range(8))
    assert link_lists.step(f"通知公告\n{listing}\n共8条") == (f"通知公告\n{listing}\n共8条", [])


def test_a_list_at_the_head_gives_back_the_documents_own_heading_it_ran_on_into():
    items = "猜你喜欢 更多\n1. 新集镇中心学校控辍保学工作总结\n2. 党支部书记培训收获与感悟"
    for own in ("一、指导思想", "第一章 总 则", "——在2014年全市教育工作会议上的报告", "昆山市2017年教育工作意见"):
        assert dropped(f"{items}\n{own}") == items.split("\n"), own
    plain = "热门文章>>\n新集镇中心学校控辍保学工作总结\n党支部书记培训收获与感悟"
    assert dropped(f"{plain}\n一、指导思想") == plain.split("\n")


def test_a_title_set_apart_under_a_box_right_above_the_body_is_the_documents_own_heading():
    box = "相关文章>>\n安徽新华学院教学管理工作规程\n校长的个人述职报告\n幼儿园一学期工作计划"
    assert dropped(f"{box}\n\n幼儿园后勤工作计划篇一") == box.split("\n")
    out, _ = link_lists.step(f"{box}\n\n科局局长述职报告 篇一\n尊敬的领导、各位同事：\n{BODY}")
    assert out.split("\n")[-3:] == ["科局局长述职报告 篇一", "尊敬的领导、各位同事：", BODY]
    # line after line with the others, it is one of them; so it is under a box of one
    assert dropped(f"{box}\n幼儿园后勤工作计划篇一") == box.split("\n") + ["幼儿园后勤工作计划篇一"]
    one = "相关文章>>\n安徽新华学院教学管理工作规程"
    assert dropped(f"{one}\n\n幼儿园后勤工作计划篇一") == one.split("\n") + ["幼儿园后勤工作计划篇一"]


def test_a_page_with_no_list_shaped_line_is_not_read_line_by_line(monkeypatch):
    """No line ends as a "more" header or a tagged title, and none is bulleted: no list can be
    there, so the step answers from each line's two ends without the per-line shape pass."""
    def fail(lines):
        raise AssertionError("the shape pass ran")
    monkeypatch.setattr(link_lists, "_segments", fail)
    text = f"学校工作总结\n工作目标：\n1. 加强师资队伍建设\n2. 推进课程改革\n{BODY}\n{BODY}"
    assert link_lists.step(text) == (text, [])


def test_a_single_more_header_or_three_tagged_or_bulleted_lines_open_the_gate():
    assert link_lists._may_hold_list(("精选范文   更多", BODY))
    assert link_lists._may_hold_list(("热门文章>>",))
    assert link_lists._may_hold_list(("a  2017/8/10", "", "· b", "c  5页"))
    assert not link_lists._may_hold_list(("a  2017/8/10", "· b", BODY, ""))


def test_plain_titles_under_a_related_boxs_name_go_and_the_box_ends_at_a_gap_or_a_change_of_style():
    box = "热门推荐：\n少先队2023年工作计划篇1\n昆山市2017年教育工作意见\n在回首与展望中传承——2022年春季语文组教研工作总结"
    assert dropped(box) == box.split("\n")
    assert dropped("大家都在看\n教育局年终工作总结1\n2020年教育工作要点\n\n关于印发教育工作要点的通知") == [
        "大家都在看", "教育局年终工作总结1", "2020年教育工作要点"]
    assert dropped("相关推荐：\n· 学校的教学工作计划  17页\n· 教育工会工作报告篇一  25页\n苍教办函〔2011〕26号") == [
        "相关推荐：", "· 学校的教学工作计划  17页", "· 教育工会工作报告篇一  25页"]
    # a WeChat account's list of its earlier articles under its article
    assert dropped("往期推荐\n全市教育系统安全工作会议召开\n我区3所学校获评省级文明校园") == [
        "往期推荐", "全市教育系统安全工作会议召开", "我区3所学校获评省级文明校园"]


def test_numbered_titles_under_a_related_boxs_name_go_on_while_their_numbers_do():
    box = "推荐阅读：\n1. 校长的个人述职报告\n2. 各区市县教育局、各有关学校:\n3. 上半年教育局帮建工作总结\n同志们:"
    assert dropped(box) == box.split("\n")[:-1]


def test_a_heading_that_only_sounds_like_a_box_keeps_its_lines():
    assert dropped("最新进展：\n1. 校舍改造完成\n2. 师资培训开展") == []


def test_titles_with_an_excerpt_each_under_a_related_boxs_name_go_and_the_documents_own_first_line_stays():
    box = ("猜你喜欢   更多\n泉州市丰泽区教育局关于印发\n2023年,办公室严格执行县委办公室县政府办公室下发的管理办法\n"
           "第一篇: 党支部书记培训收获与感悟\n本学期延续集体备课传统,各年级备课组每周开展至少一次……")
    assert dropped(box) == box.split("\n")
    page = ("延伸阅读\n上半年教育局帮建工作总结\n为深入学习贯彻《中国共产党支部工作条例(试行)》,进一步提升党支部工作水平\n"
            "学前教育宣传活动总结篇7\n根据省政府有关实施县级人民政府教育工作督导评估制度的文件精神\n苍教办函〔2011〕26号")
    assert dropped(page) == page.split("\n")[:-1]


def test_a_numbered_excerpt_is_no_numbered_title():
    box = ("相关文章>>\n学校德育工作总结1\n1.加强队伍建设,特别是班主任队伍(加强学习培训、完\n"
           "云南省人民政府办公厅关于县级政府履行教育职责的通报\n(三)坚持公平、公正、公开的原则,区教育局将招生……")
    assert dropped(box) == box.split("\n")


def test_a_short_article_above_long_lists_of_other_stories_keeps_its_text_and_loses_the_lists():
    lists = "\n".join(f"{name}\n" + "\n".join(f"区教育局召开第{i}次{name}工作会议 2024-08-2{i}" for i in range(5))
                      for name in ("相关阅读", "热门排行", "图片推荐"))
    out, changes = link_lists.step(f"{BODY}\n{BODY}\n{lists}")
    assert out.count(BODY) == 2 and "工作会议" not in out


def test_a_story_of_short_sentences_loses_a_related_box_and_the_dated_runs_that_outweigh_it():
    story = "8月26日，城关区召开秋季开学工作部署会。\n会议部署了校园安全工作。\n会议要求深化“双减”工作。\n各学校代表作了发言。"
    run = "\n".join(f"区教育局召开第{i}次工作会议 2024-08-2{i}" for i in range(5))
    out, changes = link_lists.step(f"{story}\n相关阅读\n{run}\n{run}\n{run}")
    assert out.split() == story.split() and len(changes) == 16


def test_a_related_box_of_one_title_goes_after_the_body_and_not_above_it():
    box = "相关解读\n一图读懂：2024年秋季开学工作通知"
    out, changes = link_lists.step(f"{BODY}\n{BODY}\n{box}\n\n版权所有：城关区教育局")
    assert [c.before for c in changes] == ["相关解读", "一图读懂：2024年秋季开学工作通知"]
    out, changes = link_lists.step(f"{box}\n{BODY}\n{BODY}")
    assert "一图读懂：2024年秋季开学工作通知" in out


def test_a_page_of_lists_and_a_line_of_prose_is_left_to_page_kind():
    lists = "\n".join(f"区教育局召开第{i}次工作会议 2024-08-2{i % 10}" for i in range(20))
    text = f"最新动态\n{lists}\n{BODY}"
    assert link_lists.step(text) == (text, [])


def test_in_a_text_whose_lines_stand_a_blank_line_apart_one_blank_line_does_not_end_a_box():
    box = "\n\n".join(["往期推荐", "全市教育系统安全工作会议召开", "我区3所学校获评省级文明校园", "秋季学期课后服务方案出台"])
    text = "\n\n".join([BODY] * 6) + "\n\n" + box + "\n\n\n\n" + "城关教育"
    out, changes = link_lists.step(text)
    assert [c.before for c in changes] == ["往期推荐", "全市教育系统安全工作会议召开", "我区3所学校获评省级文明校园", "秋季学期课后服务方案出台"]


def test_a_box_inside_a_spaced_storys_body_goes_with_blank_lines_between_its_heading_and_titles():
    box = "相关阅读\n\n\n我市发布2024年义务教育招生政策\n\n热点学校学位预警发布"
    text = "\n\n".join([BODY] * 3) + "\n\n\n" + box + "\n\n\n\n" + "\n\n".join([BODY] * 2)
    out, changes = link_lists.step(text)
    assert [c.before for c in changes] == ["相关阅读", "我市发布2024年义务教育招生政策", "热点学校学位预警发布"]
    assert out.count(BODY) == 5


def test_a_box_inside_a_storys_text_goes_whole_through_the_pipeline():
    from cleaners import Document, clean
    paragraphs = ["记者从市教育局获悉，今年我市义务教育阶段招生入学工作已基本结束，全市共招收小学一年级新生4.2万人，招生工作总体平稳有序。",
                  "今年我市继续推行“阳光招生”，全面实行网上报名，家长足不出户即可完成报名、审核和录取结果查询。",
                  "为缓解热点学校学位紧张问题，今年全市新建、改扩建中小学17所，新增学位1.3万个，有效缓解了城区学校大班额问题。"]
    text = "\n".join(["我市2024年义务教育招生入学工作平稳有序", *paragraphs[:2], "相关阅读", "我市发布2024年义务教育招生政策",
                      "热点学校学位预警发布", paragraphs[2]])
    result = clean(Document(text=text))
    assert "相关阅读" not in result.text and "热点学校学位预警发布" not in result.text
    assert all(p in result.text for p in paragraphs)


def test_the_documents_first_section_heading_below_a_box_of_other_kinds_of_headings_stays():
    text = "\n".join(["根据《中华人民共和国政府信息公开条例》规定，现公布2025年政府信息公开工作年度报告如下。", "相关阅读   更多",
                      "第1篇 学校小学德育工作总结", "语文组:2025-2026学年第一学期教研工作总结", "教育工会工作报告篇一",
                      "高三上学期班主任工作总结", "一、总体情况", "2025年，大冶市教育局坚持以习近平新时代中国特色社会主义思想为指导，扎实推进政务公开工作。"])
    out, changes = link_lists.step(text)
    assert "一、总体情况" in out.split("\n") and [c.before for c in changes][-1] == "高三上学期班主任工作总结"
