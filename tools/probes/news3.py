"""Tech and finance portals' in-article credits and statements (ithome, cnbeta, 36kr, jiemian, huxiu, eastmoney)."""
from harness import check
from news1 import page, RELATED

TITLE = "教育部：2024年秋季学期全面推进中小学人工智能教育"
PS = ["8 月 26 日消息，教育部今日发布通知，要求各地在 2024 年秋季学期全面推进中小学人工智能教育，将人工智能相关内容纳入信息科技课程和课后服务。",
      "通知提出，小学阶段以体验和认知为主，初中阶段以理解和应用为主，高中阶段以实践和创新为主，各地要结合实际制定实施方案，分步推进。",
      "通知还要求加强师资培训，今年内完成对信息科技教师的全员轮训，并鼓励高校、科研机构和企业为中小学提供课程资源和实践平台。",
      "据了解，目前全国已有超过 3000 所中小学开设了人工智能相关课程，部分地区还建设了人工智能教育实验室。"]
EXP = "\n".join([TITLE] + PS)
def art(ps_html, before="", after=""):
    return page(TITLE, f"""<div class="nav"><a>首页</a><a>资讯</a><a>科技</a><a>财经</a><a>教育</a><a>专题</a></div>
<div class="main"><div class="left"><h1>{TITLE}</h1><div class="info"><span>2024/8/26 18:30:12</span><span>来源：某某科技</span><span>作者：张明</span><span>责编：李华</span><span>评论：<a>12</a></span></div>
{before}<div class="post_content" id="paragraph">{ps_html}</div>{after}
<div class="related"><h3>相关文章</h3><ul>{RELATED}</ul></div></div><div class="right"><h3>日榜</h3><ol>{RELATED}</ol></div></div>
<div class="footer">Copyright © 2024 某某科技 版权所有 京ICP备12345678号</div>""")
P = lambda lst: "".join(f"<p>{p}</p>" for p in lst)
L = {}
L["ithome"] = ("https://www.ithome.com/0/791/234.htm", art(P(["IT之家 " + PS[0]] + PS[1:]) +
   "<p class='ad-tips'>广告声明：文内含有的对外跳转链接（包括不限于超链接、二维码、口令等形式），用于传递更多信息，节省甄选时间，结果仅供参考，IT之家所有文章均包含本声明。</p>"),
   "\n".join([TITLE, "IT之家 " + PS[0]] + PS[1:]))
L["cnbeta"] = ("https://www.cnbeta.com.tw/articles/tech/1234567.htm", art(P(PS[1:]), before=f"<div class='article-summary'><p><b>{PS[0]}</b><a>[查看评论]</a></p></div>",
   after="<div class='article-tags'><a>教育</a><a>人工智能</a></div><div class='topic'><a>查看网友评论</a></div>"), EXP)
L["36kr"] = ("https://www.36kr.com/p/2912345678901234", art(P(["文｜张明", "编辑｜李华"] + PS + ["本文来自微信公众号“某某教育观察”（ID：mmjygc），作者：张明，36氪经授权发布。",
   "该文观点仅代表作者本人，36氪平台仅提供信息存储空间服务。"])), EXP)
L["jiemian"] = ("https://www.jiemian.com/article/11712345.html", art(P(["界面新闻记者 | 张明", "界面新闻编辑 | 李华"] + PS)), EXP)
L["huxiu"] = ("https://www.huxiu.com/article/3456789.html", art(P(["本文来自微信公众号：某某教育观察 （ID：mmjygc），作者：张明，题图来自：视觉中国"] + PS +
   ["本内容为作者独立观点，不代表虎嗅立场。未经允许不得转载，授权事宜请联系 hezuo@huxiu.com", "如对本稿件有异议或投诉，请联系 tougao@huxiu.com"])), EXP)
L["eastmoney"] = ("https://finance.eastmoney.com/a/202408263156789012.html", art(P(PS + ["文章来源：中国教育报", "责任编辑：12"]) +
   "<div class='declare'>郑重声明：东方财富发布此内容旨在传播更多信息，与本站立场无关，不构成投资建议。据此操作，风险自担。</div>"), EXP)
if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html, exp) in L.items():
        n += check(name, html, url, exp, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
