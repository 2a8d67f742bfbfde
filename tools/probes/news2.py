"""Harder article bodies in an ordinary portal frame: short, tables, lists, headings, captions, Q&A, br-lines."""
from harness import check
from news1 import TITLE, PS, RELATED, page

def frame(body, title=TITLE, extra_after=""):
    return page(title + "_教育频道_某某网", f"""
<div class="nav"><a>首页</a><a>新闻</a><a>教育</a><a>财经</a><a>科技</a><a>体育</a><a>娱乐</a><a>汽车</a><a>房产</a></div>
<div class="crumb">您的位置：<a>首页</a> &gt; <a>教育</a> &gt; 正文</div>
<div class="main"><div class="left"><h1>{title}</h1><div class="meta">2024-08-26 18:30 来源：某某日报 作者：张明</div>
<div class="article">{body}</div><div class="editor">责任编辑：李华</div>
<div class="share">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
<div class="related"><h3>相关阅读</h3><ul>{RELATED}</ul></div>{extra_after}
<div class="comment"><h3>网友评论</h3><p>已有0人参与，点击查看</p><textarea>文明上网，理性发言</textarea><button>发表评论</button></div></div>
<div class="right"><h3>热门排行</h3><ol>{RELATED}</ol><h3>图片推荐</h3><ul>{RELATED}</ul></div></div>
<div class="footer">关于我们 | 联系我们 | 广告服务 | 网站地图 | 版权声明<br>Copyright © 2024 某某网 All Rights Reserved 京ICP备12345678号</div>""")

URL = "https://edu.example-news.cn/2024/0826/123456.html"
cases = {}
# 1 short
cases["short"] = (frame(f"<p>{PS[0]}</p><p>{PS[4]}</p>"), [TITLE, PS[0], PS[4]])
# 2 very short, one paragraph
cases["one_para"] = (frame(f"<p>{PS[0]}</p>"), [TITLE, PS[0]])
# 3 table
rows = [("学段", "学校数（所）", "在校生（人）", "新增学位（个）"), ("幼儿园", "42", "9860", "300"), ("小学", "31", "28450", "900"), ("初中", "12", "13200", "600")]
tbl = "<table border='1'>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
cases["table"] = (frame(f"<p>{PS[0]}</p><p>全区各学段学校及新增学位情况如下：</p>{tbl}<p>{PS[5]}</p>"),
                  [TITLE, PS[0], "全区各学段学校及新增学位情况如下："] + [" ".join(r) for r in rows] + [PS[5]])
# 4 headings + lists
items = ["全面排查校舍安全隐患，建立问题台账。", "开展食品安全专项检查，落实陪餐制度。", "加强校车运营管理，确保持证上岗。"]
cases["headings_list"] = (frame(f"<p>{PS[0]}</p><h2>一、抓好安全工作</h2><ul>{''.join(f'<li>{i}</li>' for i in items)}</ul><h2>二、提升教学质量</h2><p>{PS[3]}</p><h2>三、加强队伍建设</h2><p>{PS[5]}</p>"),
                  [TITLE, PS[0], "一、抓好安全工作"] + items + ["二、提升教学质量", PS[3], "三、加强队伍建设", PS[5]])
# 5 captions (image)
cases["captions"] = (frame(f"<p>{PS[0]}</p><p style='text-align:center'><img src='/a.jpg'></p><p style='text-align:center'>会议现场。张明 摄</p><p>{PS[1]}</p><p>{PS[2]}</p>"),
                  [TITLE, PS[0], "会议现场。张明 摄", PS[1], PS[2]])
# 6 br lines
cases["br_lines"] = (frame("<div>" + "<br><br>".join("　　" + p for p in PS) + "</div>"), [TITLE] + PS)
# 7 Q&A interview
qa = [("记者：", "新学期全区教育工作的重点是什么？"), ("王建国：", PS[2]), ("记者：", "学位够不够？"), ("王建国：", PS[5])]
cases["interview"] = (frame(f"<p>{PS[0]}</p>" + "".join(f"<p><strong>{a}</strong>{b}</p>" for a, b in qa)),
                  [TITLE, PS[0]] + [a + b for a, b in qa])
# 8 paginated article page 1
cases["paginated"] = (frame(f"{''.join(f'<p>{p}</p>' for p in PS[:3])}<div class='page'><a>上一页</a><a>1</a><a>2</a><a>3</a><a>下一页</a></div>"), [TITLE] + PS[:3])
# 9 long prose comments after the article
cmts = "".join(f"<div class='cmt'><span class='user'>网友{i}</span><span>2024-08-2{i} 1{i}:20</span><p>{t}</p><a>回复</a><a>赞({i})</a></div>" for i, t in enumerate([
  "希望新学期能把课后服务真正落实到位，不要流于形式，孩子们放学后的时间安排很重要。",
  "学校的安全检查很有必要，尤其是食堂和校车，家长们都很关注这些问题，希望能公开检查结果。",
  "新增学位能不能优先考虑新建小区的孩子，我们小区附近的小学已经满员好几年了。"]))
cases["comments"] = (frame("".join(f"<p>{p}</p>" for p in PS), extra_after=f"<div class='comments'><h3>热门评论</h3>{cmts}</div>"), [TITLE] + PS)
# 10 article split by an ad block in the middle
cases["mid_ad"] = (frame("".join(f"<p>{p}</p>" for p in PS[:3]) + "<div class='ad'><a>点击下载某某新闻客户端，阅读更多精彩内容</a></div>" + "".join(f"<p>{p}</p>" for p in PS[3:])), [TITLE] + PS)
# 11 原标题 + source lead
cases["yuanbiaoti"] = (frame("<p>原标题：新学期安全放首位 城关区部署秋季开学工作</p>" + "".join(f"<p>{p}</p>" for p in PS) + "<p>来源：城关区融媒体中心</p>"), [TITLE] + PS)
# 12 title differs from <title> (h1 absent; title in a div)
cases["no_h1"] = (frame("".join(f"<p>{p}</p>" for p in PS)).replace("<h1>", "<div class='tit'>").replace("</h1>", "</div>"), [TITLE] + PS)
# 13 numbered paragraphs in spans with inline styles (word paste)
cases["msword"] = (frame("".join(f"<p class='MsoNormal' style='text-indent:2em'><span style='font-family:仿宋_GB2312;font-size:16pt'>{p[:30]}</span><span style='font-family:仿宋_GB2312;font-size:16pt'>{p[30:]}</span></p>" for p in PS)), [TITLE] + PS)

if __name__ == "__main__":
    import sys
    n = 0
    for name, (html, exp) in cases.items():
        n += check(name, html, URL, "\n".join(exp), "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
