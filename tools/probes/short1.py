"""Short government items a county bureau's column is full of: a 公示 with a name table and its
objection period, a one-sentence 印发 notice over its attachment list, a two-paragraph news
brief, a meeting notice with time, place and contacts; in a gov page and a news page's chrome."""
import sys

from harness import check
from lookalike1 import gov_page, news_page

ROWS = [["序号", "姓名", "学校", "学科"], ["1", "李华", "城关区第一小学", "语文"], ["2", "王芳", "城关区实验中学", "数学"],
        ["3", "张伟", "城关区第二中学", "英语"], ["4", "刘洋", "城关区幼儿园", "学前教育"]]
GONGSHI_T = "关于2024年城关区优秀教师拟表彰人选的公示"
GONGSHI = ["经学校推荐、区教育局审核，现将2024年城关区优秀教师拟表彰人选予以公示。", "TABLE",
           "公示时间：2024年9月2日至9月8日。", "公示期间，如有异议，请以书面形式向区教育局人事科反映。",
           "监督电话：0931-8123456", "城关区教育局", "2024年9月2日"]
YINFA_T = "城关区教育局关于印发《城关区中小学课后服务管理办法》的通知"
YINFA = ["各中小学：", "现将《城关区中小学课后服务管理办法》印发给你们，请认真贯彻执行。", "附件：城关区中小学课后服务管理办法.pdf",
         "城关区教育局", "2024年8月30日"]
BRIEF_T = "城关区举办2024年中小学生田径运动会"
BRIEF = ["9月20日，城关区2024年中小学生田径运动会在区体育中心开幕，全区42所学校的1200余名运动员参赛。",
         "本届运动会为期3天，设小学、初中、高中3个组别共86个比赛项目。"]
MEETING_T = "关于召开2024年秋季学期教学工作会议的通知"
MEETING = ["各中小学：", "经研究，定于近期召开2024年秋季学期教学工作会议，现将有关事项通知如下：",
           "一、会议时间", "2024年9月5日（星期四）上午9:00", "二、会议地点", "区教育局三楼会议室",
           "三、参会人员", "各中小学分管教学副校长、教务主任。", "四、有关要求", "请参会人员提前10分钟到场签到，不得无故缺席。",
           "联系人：王老师", "联系电话：0931-8123456", "城关区教育局", "2024年9月2日"]
CASES = {"gongshi": (GONGSHI_T, GONGSHI), "yinfa": (YINFA_T, YINFA), "brief": (BRIEF_T, BRIEF), "meeting": (MEETING_T, MEETING)}


def body_html(lines):
    out = []
    for line in lines:
        if line == "TABLE":
            out.append("<table border='1'>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS) + "</table>")
        elif line.startswith("附件："):
            out.append(f"<p>附件：<a href='/att/1.pdf'>{line[3:]}</a></p>")
        else:
            out.append(f"<p>{line}</p>")
    return "".join(out)


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    n = total = 0
    for name, (title, lines) in CASES.items():
        # (an attachment's link line stays: the text set's gold conventions keep a notice's `附件…`, the
        # HTML set's an official document's attachments; until stop 35 it went, as a link to a file the
        # crawler fetches as a document of its own)
        exp = [title] + [line for line in lines if line != "TABLE"]
        if "TABLE" in lines:
            at = lines.index("TABLE") + 1
            exp = exp[:at] + [" ".join(r) for r in ROWS] + exp[at:]
        for layout, make in (("gov", gov_page), ("news", news_page)):
            html = make(title, []).replace('<div class="content" id="zoom"></div>', f'<div class="content" id="zoom">{body_html(lines)}</div>').replace('<div class="article-body"></div>', f'<div class="article-body">{body_html(lines)}</div>')
            total += 1
            n += check(f"{name}_{layout}", html, f"https://jyj.example.gov.cn/art/2024/9/2/art_9_{total}.html", "\n".join(exp), verbose)
    print(f"{n}/{total} ok")
