"""Precision on a 范文 site's page text: the site's header in its shapes (its name and slogan, a
search box's words, a menu of columns, a login row, a breadcrumb ending in the title, a channel
heading), a compilation title, a credit row, an auto-summary repeating the body's start, then the
document and the site's tail.  The document is a county bureau's work summary."""
import sys

from harness import check_text

TITLE = "城关区教育局2024年工作总结"
BODY = ["2024年，城关区教育局在区委、区政府的坚强领导下，坚持以立德树人为根本任务，全面推进教育高质量发展，各项工作取得明显成效。现将全年工作总结如下：",
        "一、主要工作成效",
        "（一）学前教育普及普惠水平持续提升。全年新建改扩建公办幼儿园5所，新增学位1200个，公办园在园幼儿占比达到62%。",
        "（二）义务教育优质均衡发展稳步推进。深化集团化办学改革，组建教育集团8个，覆盖城乡学校36所。",
        "二、存在的问题",
        "城乡之间、校际之间办学水平仍有差距，优质教育资源总量不足。",
        "三、2025年工作打算",
        "坚持问题导向，补短板、强弱项，推动全区教育事业高质量发展。"]
SUMMARY = "摘要：" + BODY[0][:60] + "…"
HEADERS = {
    "name_slogan": ["范文大全网", "海量范文 免费下载 助您写作无忧"],
    "search": ["范文大全网", "请输入关键词 搜索 热门搜索：工作总结 心得体会 述职报告"],
    "menu_login": ["登录 | 注册 | 设为首页 | 加入收藏", "首页 工作总结 工作计划 心得体会 述职报告 演讲稿 申请书 合同范本"],
    "crumb_title": ["范文大全网", "首页 > 工作总结 > 部门工作总结 > " + TITLE],
    "channel": ["范文大全网", "工作总结频道", "最新工作总结 热门工作总结 年终总结 个人总结"],
    "mobile": ["返回", "范文大全网", "菜单", "当前位置：范文大全网 > 工作总结"],
}
INTROS = {
    "summary": SUMMARY,
    "daodu": "导读：" + BODY[0][:40] + "……",
    "xiaobian": "下面是小编为大家整理的城关区教育局2024年工作总结，仅供参考，欢迎大家阅读。",
    "tags": "标签：工作总结 教育局 年终总结",
}
CREDIT = "时间：2024-12-20 10:32 作者：投稿 热度：2345℃"
TAIL = ["【城关区教育局2024年工作总结】相关文章：", "教育局2024年工作总结范文", "县教育局年度工作总结", "上一篇：区教育局2024年工作计划",
        "下一篇：学校年终工作总结", "Copyright © 2024 范文大全网 版权所有 苏ICP备12345678号"]


def text(header, intro=""):
    return "\n".join([*header, f"{TITLE}(精选3篇)", CREDIT, *([intro] if intro else []), *BODY, *TAIL])


if __name__ == "__main__":
    n = total = 0
    for name, header in HEADERS.items():
        for kind, intro in (("", ""), *INTROS.items()):
            total += 1
            n += check_text(f"{name}+{kind}" if kind else name, text(header, intro), "https://www.fanwen-daquan.com/gongzuozongjie/123456.html",
                            [TITLE] + BODY, "-v" in sys.argv)
    print(f"{n}/{total} ok")
