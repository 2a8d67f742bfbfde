"""Menu rows: navigation and footer links flattened onto one line leave the text; tables,
slogans and name lists stay."""
from __future__ import annotations

from cleaners.steps.menu_rows import menu_row, step


def test_names_joined_by_one_repeated_bar_are_a_menu_in_any_wording():
    assert menu_row("工作总结丨计划方案丨述职报告") == "丨"
    assert menu_row("办公文档 | 合同协议 | 教育专区 | 党团工作") == "|"
    assert menu_row("关于我们 / 联系我们 / 网站地图 / 广告合作") == "/"
    assert menu_row("计划方案 - 演讲稿 - 范文大全 - 述职报告") == "-"
    # a government portal's: longer names, and the dots such sites set between them
    assert menu_row("政府信息公开指南 | 法定主动公开内容 | 政府信息公开年报") == "|"
    assert menu_row("机构概况 ● 政务公开 ● 政务服务 ● 互动交流") == "●"
    assert menu_row("政策文件 ◇ 通知公告 ◇ 信息公开 ◇ 工作动态") == "◇"


def test_a_barred_row_with_latin_names_among_the_chinese_is_a_menu():
    assert menu_row("中国科学院 | English | 联系我们 | ARP | 所内网") == "|"
    assert menu_row("English｜手机版｜微博｜智能问答") == "｜"


def test_a_portals_channel_bar_set_with_spaces_is_a_menu_and_a_subject_list_is_not():
    assert menu_row("凤凰网首页 资讯 财经 娱乐 体育 时尚 汽车 房产 科技 读书 文化") == " "
    assert menu_row("腾讯网 新闻 视频 图片 军事 体育 NBA 娱乐 财经 科技") == " "
    assert menu_row("语文 数学 英语 物理 化学 生物 历史 地理") is None
    assert menu_row("体育 音乐 美术 科学 劳动 书法") is None


def test_slogans_headlines_and_name_lists_are_no_menu():
    assert menu_row("心海导航·成长赋能·未来可期") is None           # three parts joined by ·: a title
    assert menu_row("凝心聚力 砥砺前行 再创佳绩 共谱新篇") is None    # spaces join a headline's phrases
    assert menu_row("张三 李四 王五 赵六 钱七") is None
    assert menu_row("语文/数学/英语") is None
    assert menu_row("坚持立德树人 ● 深化教育改革 ● 办好人民满意教育") is None   # three slogans: no menu


def test_lines_with_anything_but_names_are_no_menu():
    assert menu_row("一、工作目标｜二、工作措施｜三、工作要求") is None
    assert menu_row("教育局|2024年|工作总结") is None
    assert menu_row("学校工作丨教育教学丨党团工作，") is None


def test_menu_rows_leave_the_text_and_the_change_names_them():
    text = "工作总结丨计划方案丨述职报告\n关于印发工作要点的通知\n正文第一段。\n\n关于我们 / 联系我们 / 网站地图 / 广告合作"
    new, changes = step(text)
    assert new == "\n关于印发工作要点的通知\n正文第一段。\n\n"
    assert [(c.step, c.before) for c in changes] == [("menu_rows", "工作总结丨计划方案丨述职报告"),
                                                     ("menu_rows", "关于我们 / 联系我们 / 网站地图 / 广告合作")]


def test_a_table_header_over_rows_of_its_shape_stays():
    text = "一、任务分解\n序号 | 工作任务 | 责任单位\n1 | 校舍改造 | 计财股\n2 | 师资培训 | 人事股"
    assert step(text) == (text, [])


def test_a_text_without_separators_is_handed_on_as_it_is():
    text = "关于印发工作要点的通知\n正文第一段。"
    new, changes = step(text)
    assert new is text and changes == []


def test_five_names_or_more_joined_by_spaces_are_a_menu_when_most_are_long():
    assert menu_row("实用文档 工作总结 教育专区 教育教学 范文大全 合同协议") == " "
    assert menu_row("凝心聚力 砥砺前行 再创佳绩 共谱新篇") is None           # four phrases: a headline
    assert menu_row("张三丰 李四 王五 赵六 钱七 孙八") is None                 # names of two or three characters
    assert menu_row("语文 数学 英语 物理 化学 生物") is None


def test_rows_of_spaced_names_in_a_grid_stay():
    grid = "一年级一班 一年级二班 一年级三班 一年级四班 一年级五班\n二年级一班 二年级二班 二年级三班 二年级四班 二年级五班"
    assert step(grid) == (grid, [])


def test_a_channel_bar_of_five_names_opening_the_site_is_a_menu_but_five_subjects_are_not():
    assert menu_row("新华网 首页 时政 地方 教育") == " "
    assert menu_row("语文 数学 英语 历史 体育") is None


def test_a_community_sites_bar_ending_in_its_login_button_is_a_menu_but_names_before_a_login_word_are_not():
    assert menu_row("豆瓣 读书 电影 音乐 同城 小组 阅读 FM 时间 豆品 登录/注册") == " "
    assert menu_row("首页 番剧 直播 游戏中心 会员购 漫画 赛事 下载客户端 登录") == " "
    assert menu_row("张三 李四 王五 赵六 孙七 周八 登录") is None


def test_a_government_sites_top_bar_of_script_and_access_switches_is_a_menu():
    assert menu_row("中国政府网 首页 简 繁 EN 登录 邮箱 无障碍") == " "
