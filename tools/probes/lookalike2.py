"""Recall: one story's body written the ways article bodies are (keyword links in the paragraphs,
an inline box splitting the body, subheadings and a photo, an interview's bold speakers, a data
table, <br> lines in one div, editor <section>s, a 2000s table layout with <font>), in a news page's
chrome, as HTML and as an archive's page text.  Each variant must keep the whole story and nothing
of the chrome."""
import sys

from harness import check
from lookalike1 import news_page

TITLE = "我市2024年义务教育招生入学工作平稳有序"
PS = [
    "记者从市教育局获悉，今年我市义务教育阶段招生入学工作已基本结束，全市共招收小学一年级新生4.2万人、初中一年级新生3.8万人，招生工作总体平稳有序。",
    "今年我市继续推行“阳光招生”，全面实行网上报名，家长足不出户即可完成报名、审核和录取结果查询，全市网上报名率达到98.6%。",
    "在保障随迁子女入学方面，我市坚持“两为主、两纳入”原则，符合条件的随迁子女100%在公办学校或政府购买学位的民办学校就读。",
    "为缓解热点学校学位紧张问题，今年全市新建、改扩建中小学17所，新增学位1.3万个，有效缓解了城区学校大班额问题。",
    "市教育局有关负责人表示，下一步将继续加大学位供给，优化学校布局，推动义务教育优质均衡发展，让每个孩子都能享有公平而有质量的教育。",
]
SUB = ["一、网上报名全覆盖", "二、随迁子女应入尽入", "三、新增学位1.3万个"]
EXP = [TITLE] + PS


def linked(p):
    for word in ["市教育局", "义务教育", "随迁子女", "民办学校", "大班额", "优质均衡"]:
        p = p.replace(word, f'<a href="/tag/{len(word)}.html" target="_blank">{word}</a>', 1)
    return p


V = {}
V["keyword_links"] = ("".join(f"<p>{linked(p)}</p>" for p in PS), EXP)
V["inline_box"] = ("<div class='con'>" + "".join(f"<p>{p}</p>" for p in PS[:3]) + "</div>"
                   "<div class='inread'><h4>相关阅读</h4><ul><li><a href='/a/1.html'>我市发布2024年义务教育招生政策</a></li><li><a href='/a/2.html'>热点学校学位预警发布</a></li></ul></div>"
                   "<div class='con'>" + "".join(f"<p>{p}</p>" for p in PS[3:]) + "</div>", EXP)
V["subheads_photo"] = (f"<p>{PS[0]}</p><h3>{SUB[0]}</h3><p>{PS[1]}</p><div class='img'><img src='/p/1.jpg'></div><h3>{SUB[1]}</h3><p>{PS[2]}</p><p><strong>{SUB[2]}</strong></p><p>{PS[3]}</p><p>{PS[4]}</p>",
                       [TITLE, PS[0], SUB[0], PS[1], SUB[1], PS[2], SUB[2], PS[3], PS[4]])
QA = [("记者", "今年招生工作有哪些新变化？"), ("市教育局基础教育处处长王强", "最大的变化是全面实行网上报名，家长不用再跑腿排队，报名、审核和录取结果查询都可以在手机上完成。"),
      ("记者", "热点学校学位紧张的问题如何解决？"), ("王强", "今年全市新建、改扩建中小学17所，新增学位1.3万个，同时通过集团化办学扩大优质教育资源覆盖面。")]
V["interview"] = (f"<p>{PS[0]}</p>" + "".join(f"<p><strong>{who}：</strong>{said}</p>" for who, said in QA) + f"<p>{PS[4]}</p>",
                  [TITLE, PS[0]] + [f"{who}：{said}" for who, said in QA] + [PS[4]])
ROWS = [("学段", "新生人数（万人）", "同比增长"), ("小学一年级", "4.2", "3.1%"), ("初中一年级", "3.8", "5.6%")]
V["data_table"] = (f"<p>{PS[0]}</p><p>{PS[1]}</p><table border='1'>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS) + f"</table><p>{PS[3]}</p><p>{PS[4]}</p>",
                   [TITLE, PS[0], PS[1]] + [" ".join(r) for r in ROWS] + [PS[3], PS[4]])
V["br_lines"] = ("<div class='text'>" + "<br><br>".join("　　" + p for p in PS) + "</div>", EXP)
V["sections"] = ("".join(f"<section style='margin:10px 0'><section style='line-height:1.75'><p><span style='font-size:15px'>{p}</span></p></section></section>" for p in PS), EXP)
V["old_table"] = ("<table width='100%'><tr><td class='bt'><font size='3'>" + "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>" for p in PS) + "</font></td></tr></table>", EXP)
V["lead_bold"] = (f"<p><strong>{PS[0]}</strong></p>" + "".join(f"<p>{p}</p>" for p in PS[1:]), EXP)
V["short_last"] = ("".join(f"<p>{p}</p>" for p in PS) + "<p>（完）</p>", EXP + ["（完）"])

def text_mode(verbose=False):
    """The same pages as an archive's page text."""
    from as_text import visible
    from harness import check_text
    n = 0
    for name, (body, exp) in V.items():
        html = news_page(TITLE, []).replace("<div class=\"article-body\"></div>", f"<div class=\"article-body\">{body}</div>")
        n += check_text(name, visible(html), f"https://www.example-news.cn/edu/{name}.htm", exp, verbose)
    return n


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    n = 0
    for name, (body, exp) in V.items():
        n += check(name, news_page(TITLE, []).replace("<div class=\"article-body\"></div>", f"<div class=\"article-body\">{body}</div>"),
                   f"https://www.example-news.cn/edu/2024-09/02/{name}.htm", "\n".join(exp), verbose)
    n += text_mode(verbose)
    print(f"{n}/{2 * len(V)} ok")
