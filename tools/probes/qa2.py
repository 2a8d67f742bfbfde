"""Question-and-answer pages whose markup never names an answer `answer`: the answers are told by
the labels the page shows (最佳答案, 其他N条回答, 提问者采纳) and by being items of one template
after the question.  Engines as Q&A sites of other generations set them: 百度知道's accepted answer
in a `wgt-best` box (`best-text`) with the others as `reply` items, a 360问答-style page
(`resolved-cnt`, then `other-item`s), a mobile Q&A page (`section`s of `w-reply` articles), an
old table-layout Q&A (a label row over each answer's cell), and a Q&A site whose best answer
and others are plain `div`s under labelled headings.  Shapes as in qa1.  Gold: the question, its
description, every answer in the page's order; labels, authors, times, votes and related questions go."""
from news1 import page
from qa1 import Q, run

RELATED = """<div class="related"><h3>相关问题</h3><ul><li><a>初一数学成绩下滑怎么办？</a><span>2023-09-12</span></li>
<li><a>孩子上初中不适应怎么办？</a><span>2022-11-03</span></li><li><a>初中生作业写到很晚正常吗？</a><span>2024-03-21</span></li></ul></div>"""


def br(lines):
    return "<br>".join(lines)


def zhidao_best(desc, answers):
    """The accepted answer in a `wgt-best` box (`best-text`), the others as `reply` items."""
    best, rest = answers[0], answers[1:]
    others = "".join(f"""<div class="reply-item" id="reply-{i}"><div class="line info"><a class="user-name">网友{i}号</a><span class="f-aid">2024-10-0{i} 20:1{i}</span></div>
<div class="line content"><div class="reply-text" id="reply-content-{i}">{br(a)}</div></div>
<div class="wgt-eva"><span class="evaluate">赞 {i}</span><span>踩 0</span><a>评论</a></div></div>""" for i, a in enumerate(rest, 2))
    return page(f"{Q}_百度知道", f"""
<div id="userbar"><a>百度首页</a><a>登录</a><a>注册</a></div><div class="logo-wrap"><a>百度知道</a><form><input name="word"><button>搜索答案</button><button>我要提问</button></form></div>
<div id="body"><div class="grid-l"><div class="wgt-ask"><h1><span class="ask-title">{Q}</span></h1>
{'<div class="line q-content"><span class="con">' + br(desc) + '</span></div>' if desc else ''}
<div class="line f-aid"><span>家长126</span><span>2024-10-01</span><span>浏览 2836 次</span></div></div>
<div class="wgt-best" id="wgt-best"><div class="hd line"><span class="best-title">最佳答案</span><span class="grid-r">推荐于2024-10-02</span></div>
<div class="line info"><a class="user-name">城关中学王老师</a><span>采纳率：86%</span></div>
<div class="line content"><div class="best-text mb-10" id="best-content-1">{br(best)}</div></div>
<div class="wgt-eva"><span class="evaluate">赞 128</span><span>踩 3</span><a>评论</a></div></div>
{'<div class="wgt-replies"><div class="hd line"><h2>其他' + str(len(rest)) + '条回答</h2></div>' + others + '</div>' if rest else ''}
</div><div class="grid-r">{RELATED}</div></div>
<div id="footer">©2024 Baidu 使用百度前必读 知道协议</div>""")


def so360(desc, answers):
    """A 360问答-style page: the accepted answer in `resolved-cnt`, the others as `other-item`s."""
    best, rest = answers[0], answers[1:]
    others = "".join(f"""<li class="other-item"><div class="item-user"><a>网友{i}</a><span>{i}级</span></div>
<div class="item-cnt">{br(a)}</div><div class="item-time">2024-10-0{i}</div><div class="item-ops"><a>有用({i})</a><a>评论</a></div></li>""" for i, a in enumerate(rest, 2))
    return page(f"{Q}_360问答", f"""
<div class="header"><a>360搜索</a><a>360问答</a><form><input><button>搜索答案</button></form><a>我要提问</a><a>登录</a></div>
<div class="main"><div class="left"><div class="question"><h2 class="title">{Q}</h2>
{'<div class="q-desc">' + br(desc) + '</div>' if desc else ''}<div class="q-info"><span>提问者：家长126</span><span>2024-10-01</span></div></div>
<div class="resolved-mod"><div class="mod-hd"><span>提问者采纳</span></div><div class="resolved-user"><a>城关中学王老师</a><span>2024-10-02</span></div>
<div class="resolved-cnt">{br(best)}</div><div class="resolved-ops"><a>有用(128)</a><a>评论</a></div></div>
{'<div class="other-mod"><div class="mod-hd">其他回答</div><ul class="other-list">' + others + '</ul></div>' if rest else ''}
</div><div class="right">{RELATED}</div></div><div class="footer">© 360.CN 京ICP备08010314号</div>""")


def mobile(desc, answers):
    """A mobile Q&A page: each answer an `article.w-reply` in `section`s."""
    items = "".join(f"""<article class="w-reply"><header class="w-reply-hd"><span class="name">答主{i}</span><span class="time">2024-10-0{i}</span>{'<span class="tag">最佳答案</span>' if i == 1 else ''}</header>
<div class="w-reply-bd">{''.join(f'<p>{x}</p>' for x in a)}</div><footer class="w-reply-ft"><span>赞 {10 * i}</span><span>评论</span></footer></article>""" for i, a in enumerate(answers, 1))
    return page(f"{Q}_百度知道", f"""
<header class="top"><a>百度知道</a><a>打开APP</a></header>
<section class="w-question"><h1>{Q}</h1>{'<div class="w-question-desc">' + ''.join(f'<p>{x}</p>' for x in desc) + '</div>' if desc else ''}<div class="w-question-info">2024-10-01 · 浏览2836</div></section>
<section class="w-replies"><div class="w-replies-hd">{len(answers)}个回答</div>{items}</section>
<section class="w-related"><h3>相关推荐</h3><ul><li><a>初一数学成绩下滑怎么办？</a></li><li><a>孩子上初中不适应怎么办？</a></li></ul></section>
<footer class="bottom">©2024 Baidu</footer>""")


def table_era(desc, answers):
    """An old table-layout Q&A: a label row over each answer's cell."""
    def block(label, text, who, when):
        return f"""<table width="100%" class="tb"><tr><td class="lbl"><b>{label}</b></td></tr>
<tr><td class="txt">{br(text)}</td></tr><tr><td class="who">回答者：{who} - {when}</td></tr></table>"""
    best, rest = answers[0], answers[1:]
    others = "".join(block(f"回答{i}", a, f"网友{i}", f"2024-10-0{i}") for i, a in enumerate(rest, 2))
    return f"""<html><head><meta charset="utf-8"><title>{Q} - 爱问知识人</title></head><body>
<table width="960" align="center"><tr><td><a>新浪首页</a> | <a>爱问知识人</a> | <a>我要提问</a> | <a>登录</a></td></tr></table>
<table width="960" align="center"><tr><td width="700" valign="top">
<table width="100%"><tr><td><h1>{Q}</h1></td></tr>{'<tr><td class="qd">' + br(desc) + '</td></tr>' if desc else ''}<tr><td class="qi">提问者：家长126 | 悬赏分：20 | 浏览次数：2836次</td></tr></table>
{block('满意答案', best, '城关中学王老师', '2024-10-02')}
{'<table width="100%"><tr><td><b>其他回答 共' + str(len(rest)) + '条</b></td></tr></table>' + others if rest else ''}
</td><td width="240" valign="top">{RELATED}</td></tr></table>
<table width="960" align="center"><tr><td align="center">Copyright © 1996-2024 SINA Corporation</td></tr></table></body></html>"""


def plain_divs(desc, answers):
    """Plain divs under labelled headings: 最佳答案, then 其他回答 with one div per answer."""
    best, rest = answers[0], answers[1:]
    others = "".join(f"""<div class="item"><div class="meta">网友{i} · 2024-10-0{i}</div><div class="txt">{''.join(f'<p>{x}</p>' for x in a)}</div></div>""" for i, a in enumerate(rest, 2))
    return page(f"{Q} - 家长帮问答", f"""
<div class="nav"><a>首页</a><a>问答</a><a>资讯</a><a>论坛</a><a>登录</a><a>注册</a></div>
<div class="wrap"><div class="main"><div class="q"><h1>{Q}</h1>{'<div class="q-body">' + ''.join(f'<p>{x}</p>' for x in desc) + '</div>' if desc else ''}<div class="q-meta">家长126 · 2024-10-01 · {len(answers)}个回答</div></div>
<h3 class="lbl">最佳答案</h3><div class="best"><div class="meta">城关中学王老师 · 2024-10-02</div><div class="txt">{''.join(f'<p>{x}</p>' for x in best)}</div></div>
{'<h3 class="lbl">其他回答</h3><div class="list">' + others + '</div>' if rest else ''}
</div><div class="side">{RELATED}</div></div><div class="foot">关于我们 | 联系我们 © 2024 家长帮</div>""")


ENGINES = (("zhidao_best", zhidao_best, "https://zhidao.baidu.com/question/2234567890123.html"),
           ("so360", so360, "https://wenda.so.com/q/1612345678901234"),
           ("mobile", mobile, "https://zhidao.baidu.com/question/3234567890123.html"),
           ("table_era", table_era, "http://iask.sina.com.cn/b/12345678.html"),
           ("plain_divs", plain_divs, "https://ask.jzb.cn/question/123456.html"))


if __name__ == "__main__":
    n, total = run(ENGINES)
    print(f"{n}/{total} ok")
