"""Recall: a county bureau's year summary and a speech whose own lines use the line model's marker
words the way reports do (相关部门, 所有学校, 继续推进, 展开调研, 专题会议, 新生注册, 希望, 欢迎, 下面,
以下, 参考, 点击量, 下载量, 扫描二维码 …), short lines among them, in a gov page and as page text."""
import sys

from harness import check, check_text
from lookalike1 import gov_page, news_page
from as_text import visible

SUMMARY_TITLE = "城关区教育局2024年工作总结"
SUMMARY = [
    "2024年，区教育局在区委、区政府的坚强领导下，坚持立德树人根本任务，继续推进教育高质量发展，各项工作取得新成效。现将全年工作总结如下：",
    "一、主要工作及成效",
    "（一）基础教育提质扩容",
    "全年新建、改扩建学校8所，新增学位4800个。所有学校均达到省定办学标准。",
    "完成新生注册1.2万人，学籍注册准确率100%。",
    "（二）教育信息化建设",
    "区教育局网站全年发布信息320条，点击量达到15万次。",
    "数字资源平台上线微课1200节，下载量突破8万次。",
    "家长扫描二维码即可查询入学政策。",
    "（三）教师队伍建设",
    "召开师德师风专题会议4次，展开专题调研12次。",
    "相关部门联合开展校外培训机构检查46次。",
    "二、存在的问题",
    "一是优质教育资源总量不足；二是教师结构性缺编问题仍然存在；三是部分学校安全隐患整改不够彻底。",
    "三、2025年工作打算",
    "以下几项工作要重点推进：",
    "1.加快学校建设项目进度；",
    "2.深化集团化办学改革；",
    "3.加强教师队伍建设。",
    "城关区教育局",
    "2024年12月20日",
]
SPEECH_TITLE = "在全区2025年教育工作会议上的讲话"
SPEECH = [
    "同志们：",
    "欢迎大家参加今天的会议。这次会议的主要任务是总结2024年全区教育工作，部署2025年重点任务。",
    "下面，我讲三点意见。",
    "一、充分肯定2024年取得的成绩",
    "过去的一年，全区教育系统上下一心、攻坚克难，办学条件明显改善，教育质量稳步提升。",
    "二、准确把握当前面临的形势",
    "我们也要清醒地看到，优质教育资源不足、城乡差距较大等问题依然突出。",
    "三、扎实做好2025年各项工作",
    "希望大家以这次会议为新的起点，继续发扬成绩，奋力开创全区教育事业新局面。",
    "谢谢大家！",
]
CASES = {
    "summary": ("https://jyj.example.gov.cn/art/2024/12/20/art_9_101.html", SUMMARY_TITLE, SUMMARY),
    "speech": ("https://jyj.example.gov.cn/art/2025/2/20/art_9_131.html", SPEECH_TITLE, SPEECH),
}

if __name__ == "__main__":
    verbose = "-v" in sys.argv
    n = total = 0
    for name, (url, title, lines) in CASES.items():
        exp = [title] + lines
        for layout, make in (("gov", gov_page), ("news", news_page)):
            html = make(title, lines)
            total += 1
            n += check(f"{name}_{layout}", html, url, "\n".join(exp), verbose)
            total += 1
            n += check_text(f"{name}_{layout}", visible(html), url, exp, verbose)
    print(f"{n}/{total} ok")
