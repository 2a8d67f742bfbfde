"""Precision: prose after (or beside) a story that is not the story: another story's excerpt under
延伸阅读, related items each with an excerpt sentence, the next story loaded below it (an endless
page), a reprint disclaimer, an app prompt cutting the body short, a 编辑推荐 box of excerpts."""
import sys

from harness import check
from news1 import TITLE, PS
from news2 import frame, URL

OTHER = ["全市教育系统安全工作会议召开，会议要求各级各类学校把安全放在首位，扎实开展隐患排查整治。",
         "我区3所学校获评省级文明校园，这是全区教育系统持续推进精神文明建设取得的新成果。",
         "秋季学期中小学课后服务实施方案出台，明确课后服务时间、内容和收费标准，家长可自愿选择。"]
NEXT_TITLE = "城关区举行2024年教师节表彰大会"
NEXT = ["9月10日上午，城关区举行2024年教师节表彰大会，表彰了一批优秀教师和教育工作者。",
        "会议号召全区广大教师以受表彰的先进典型为榜样，爱岗敬业、教书育人，为办好人民满意的教育作出新贡献。"]
BODY = "".join(f"<p>{p}</p>" for p in PS)
cases = {
    "extended_reading": (frame(BODY + "<p><strong>延伸阅读</strong></p>" + f"<p><a href='/n/9.html'>全市教育系统安全工作会议召开</a></p><p>{OTHER[0]}</p>"),
                         [TITLE] + PS),
    "related_excerpts": (frame(BODY, extra_after="<div class='news-list'><h3>相关新闻</h3>" + "".join(
        f"<div class='item'><h4><a href='/n/{i}.html'>{o[:14]}</a></h4><p>{o}</p><span>2024-08-2{i}</span></div>" for i, o in enumerate(OTHER)) + "</div>"),
                         [TITLE] + PS),
    "next_story": (frame(BODY, extra_after=f"<div class='next-article'><h2>{NEXT_TITLE}</h2><div class='meta'>2024-09-10 来源：城关融媒</div>"
                                             + "".join(f"<p>{p}</p>" for p in NEXT) + "</div>"),
                   [TITLE] + PS),
    "disclaimer": (frame(BODY + "<p>免责声明：本文转自网络，版权归原作者所有，如有侵权请联系我们删除。</p>"), [TITLE] + PS),
    "app_prompt": (frame("".join(f"<p>{p}</p>" for p in PS[:3]) + "<div class='open-app'><p>打开某某新闻APP，阅读全文</p><a>立即打开</a></div>"),
                   [TITLE] + PS[:3]),
    "editor_picks": (frame(BODY + "<div class='bjtj'><p>【编辑推荐】</p>" + "".join(f"<p><a href='/n/{i}.html'>{o[:14]}</a> {o[14:]}</p>" for i, o in enumerate(OTHER)) + "</div>"), [TITLE] + PS),
    "picks_list": (frame(BODY + "<div class='tuijian'><h5>推荐阅读</h5><ul>" + "".join(
        f"<li><h4><a href='/n/{i}.html'>{o[:14]}</a></h4><p>{o}</p></li>" for i, o in enumerate(OTHER)) + "</ul></div>"), [TITLE] + PS),
    # a digest: each of its paragraphs opens with a linked headline, and that is the article
    "digest": (frame("<div class='text'>" + "".join(f"<p><a href='/n/{i}.html'>{o[:14]}</a>{o[14:]}</p>" for i, o in enumerate(OTHER)) + "</div>"),
               [TITLE] + OTHER),
}

if __name__ == "__main__":
    n = 0
    for name, (html, exp) in cases.items():
        n += check(name, html, URL, "\n".join(exp), "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
