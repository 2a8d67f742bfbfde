"""Recall: a 述职报告 and a 心得体会 as a 范文 site serves them (page text: the site's menu, an intro,
the document, the site's tail), whose own lines sound like a site's intro (`以下是我的述职报告，请予
评议。`, `下面我从三个方面汇报`, `欢迎各位领导批评指正`, `希望大家多提宝贵意见`, `参考文献`)."""
import sys

from harness import check_text

SHUZHI_T = "2024年小学校长述职报告"
SHUZHI = [
    "尊敬的各位领导、各位老师：",
    "一年来，在上级教育主管部门的正确领导下，我坚持以立德树人为根本任务，团结带领全体教职工，较好地完成了各项工作任务。以下是我的述职报告，请予评议。",
    "下面我从三个方面进行汇报。",
    "一、加强学习，提高自身素质",
    "我始终把学习放在首位，认真学习党的教育方针和教育法律法规，不断提高自己的政治素养和管理水平。",
    "二、狠抓管理，提升办学水平",
    "学校修订完善了教学常规管理制度，每学期组织开展教学视导两次，全校教学质量稳步提升。",
    "三、存在的不足",
    "一是对教师专业发展的引领还不够；二是学校特色建设还需进一步加强。",
    "以上是我一年来的工作情况，欢迎各位领导和老师批评指正。",
    "谢谢大家！",
]
XINDE_T = "参加骨干教师培训心得体会"
XINDE = [
    "今年暑假，我有幸参加了市教育局组织的骨干教师培训。短短十天的培训，让我收获颇丰，下面谈谈自己的几点体会。",
    "一、更新了教育理念",
    "专家们的讲座让我认识到，教师不仅是知识的传授者，更是学生学习的引导者和合作者。",
    "二、提升了专业能力",
    "通过观摩优秀课例和参与研讨，我学到了许多新的教学方法，也找到了自己课堂教学中存在的不足。",
    "以上是我的一点粗浅体会，希望大家多提宝贵意见。",
    "参考文献：",
    "[1]叶澜.教育概论[M].北京:人民教育出版社,2006.",
]


def as_page(title, lines):
    return "\n".join(["首页 工作总结 工作计划 述职报告 心得体会 演讲稿 范文大全", "当前位置：首页 > 述职报告 > 校长述职报告",
                      title, "时间：2024-12-25 10:21 来源：某某范文网 点击：1234",
                      f"{title}（通用5篇）", f"在日常生活和工作中，我们都可能会用到{title[-4:]}，下面是小编为大家整理的{title}，仅供参考，希望能够帮助到大家。",
                      f"{title} 篇1", *lines,
                      "上一篇：2024年中学校长述职报告", "下一篇：2024年幼儿园园长述职报告",
                      "相关推荐：", "2024年教师个人述职报告", "2024年班主任述职报告",
                      "Copyright © 2024 某某范文网 版权所有 京ICP备12345678号"])


if __name__ == "__main__":
    n = 0
    cases = {"shuzhi": (SHUZHI_T, SHUZHI), "xinde": (XINDE_T, XINDE)}
    for name, (title, lines) in cases.items():
        exp = [f"{title} 篇1"] + lines     # the body's own heading, the page title dropped (the text set's README)
        n += check_text(name, as_page(title, lines), f"https://www.example-fanwen.com/shuzhi/{name}.html", exp, "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
