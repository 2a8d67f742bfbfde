"""Recall, line by line: one candidate line of a document at a time (公文 parts, a plan's table of
duties, a paper's 关键词, a lesson plan's prompt) set in the middle or at the end of a notice's
body, in a gov page as HTML and as page text; prints the candidates a mode drops.  (A `摘要：…` line
is no candidate: the gold convention drops a 文库 site's summary, which reads the same.)"""

from lookalike1 import gov_page
from as_text import visible
from cleaners import pipeline
from cleaners.document import Document
from cleaners.sources import record_to_document

TITLE = "城关区教育局关于进一步加强中小学课后服务工作的通知"
HEAD = ["各中小学：", "为进一步规范课后服务工作，提高课后服务质量，现将有关事项通知如下：",
        "一、工作目标", "到2024年底，全区义务教育学校课后服务实现全覆盖，学生参与率达到95%以上，家长满意度明显提升。",
        "二、主要措施", "各学校要结合实际制定课后服务实施方案，合理安排课后服务时间和内容，丰富课后服务形式。"]
TAIL = ["三、工作要求", "各学校要高度重视，加强组织领导，确保各项措施落到实处。", "城关区教育局", "2024年9月2日"]
MIDDLE = ["责任单位：区教育局基础教育科", "牵头单位：区教育局", "配合单位：区财政局、区人社局", "完成时限：2024年12月底前",
          "发布时间：每月5日前在学校网站公布课后服务安排", "报名网址：http://jyj.example.gov.cn/kfw",
          "咨询电话：0931-8123456", "详见附件1。", "点击率同比增长12%。", "全文共分五个部分。", "上一年度结余资金12万元。",
          "下一步工作打算", "阅读全文后谈谈你的感受。", "关键词：双减；课后服务；质量提升",
          "作者单位：城关区第一小学",
          "欢迎社会各界监督。", "相关部门要各司其职，形成工作合力。", "更多课后服务项目由各学校自主开发。",
          "首页展示学生优秀作品。", "所有学校均要建立课后服务档案。", "以下为各学校课后服务开展情况："]
END = ["（此件公开发布）", "抄送：区委办、区政府办。", "城关区教育局办公室 2024年9月2日印发", "签发人：王建国",
       "主题词：教育 课后服务 通知"]

if __name__ == "__main__":
    url = "https://jyj.example.gov.cn/art/2024/9/2/art_9_555.html"
    lost = {"html": [], "text": []}
    for where, candidates in (("middle", MIDDLE), ("end", END)):
        for line in candidates:
            lines = HEAD + [line] + TAIL if where == "middle" else HEAD + TAIL + [line]
            html = gov_page(TITLE, lines)
            out = {"html": pipeline.clean_all(record_to_document({"html": html, "url": url}, "p"))[0].rendered(),
                   "text": pipeline.clean(Document(id="p", url=url, text=visible(html))).rendered()}
            for mode, text in out.items():
                if "".join(line.split()) not in "".join(text.split()):
                    lost[mode].append(line)
                missing = [l for l in HEAD + TAIL if "".join(l.split()) not in "".join(text.split())]
                if missing:
                    lost[mode].append(f"(with {line!r} the body lost {missing})")
    total = len(MIDDLE) + len(END)
    for mode, lines in lost.items():
        for line in lines:
            print(f"BAD {mode}: {line}")
    print(f"{2 * total - len(lost['html']) - len(lost['text'])}/{2 * total} ok")
