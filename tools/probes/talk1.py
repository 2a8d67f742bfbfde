"""Recall in interviews and press Q&As, whose lines open with a speaker's label the way credit rows
open with theirs: `记者：…` / `王建国：…` turns, `问：` / `答：` pairs, questions set in bold without a
label, a bureau's 答记者问 with numbered questions, and a short exchange of one-line turns.
Gold: every turn, label and all (the labels are the document's, not the page's)."""
import sys

from harness import check
from news2 import URL, frame

TITLE = "区教育局局长王建国就秋季开学热点问题答记者问"
INTRO = "新学期即将开始，家长关心的课后服务、校车安全、作业管理等问题如何落实？记者就此采访了区教育局局长王建国。"
QA = [("今年秋季学期课后服务有哪些新变化？", "今年我们把课后服务时间延长到下午五点半，每天两个小时，第一个小时辅导作业，第二个小时开展兴趣活动，全区所有义务教育学校全覆盖。"),
      ("校车安全怎么保障？", "全区62辆校车开学前全部完成安全检测，每辆车配备照管员，驾驶员全部经过培训考核，我们还为每辆车安装了动态监控设备。"),
      ("有家长反映作业多，教育局有什么措施？", "我们要求各校严格控制书面作业总量，小学一二年级不布置书面家庭作业，三至六年级每天不超过60分钟，初中不超过90分钟，并由教务处每周抽查。")]


def turns(q_label, a_label):
    return [x for q, a in QA for x in (f"{q_label}{q}", f"{a_label}{a}")]


cases = {}
cases["reporter_speaker"] = (frame(f"<p>{INTRO}</p>" + "".join(f"<p>{x}</p>" for x in turns("记者：", "王建国：")), TITLE),
                             [TITLE, INTRO] + turns("记者：", "王建国："))
cases["wen_da"] = (frame(f"<p>{INTRO}</p>" + "".join(f"<p>{x}</p>" for x in turns("问：", "答：")), TITLE),
                   [TITLE, INTRO] + turns("问：", "答："))
cases["bold_questions"] = (frame(f"<p>{INTRO}</p>" + "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in QA), TITLE),
                           [TITLE, INTRO] + [x for q, a in QA for x in (q, a)])
NUMBERED = [x for n, (q, a) in zip("一二三", QA) for x in (f"{n}、{q}", a)]
cases["numbered"] = (frame("".join(f"<p>{x}</p>" for x in NUMBERED), TITLE), [TITLE] + NUMBERED)
SHORT = ["记者：开学时间定了吗？", "王建国：定了，9月1日。", "记者：新生报到呢？", "王建国：8月30日、31日两天。", "记者：校服要统一买吗？", "王建国：自愿购买，不强制。"]
cases["short_turns"] = (frame(f"<p>{INTRO}</p>" + "".join(f"<p>{x}</p>" for x in SHORT), TITLE), [TITLE, INTRO] + SHORT)
URL = URL

if __name__ == "__main__":
    n = 0
    for name, (html, expected) in cases.items():
        n += check(name, html, URL, "\n".join(expected), "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
