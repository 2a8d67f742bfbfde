"""Forum threads, harder: a short first post with longer replies; older engines (Discuz 7, PHPWind,
天涯, dvbbs); replies quoting the first post."""
from harness import check
from news1 import page

TITLE = "请教：新学期班主任怎么和家长沟通？"
FIRST = ["今年第一次当班主任，接了一个初一新班，家长群里每天消息不断，有的家长要求很多，不知道该怎么把握沟通的分寸，请各位有经验的老师指点一下，谢谢！"]
LONG = [
 "我当了十几年班主任，说几点体会吧。第一，家长群要立规矩，开学第一天就发群公告，说明群的用途只是发布通知，个别问题请私聊，这样能避免群里刷屏和争论。第二，主动沟通比被动回复好，每周固定一个时间在群里发一次班级小结，让家长了解孩子们在学校的情况，家长心里有底，问题自然就少了。",
 "补充一点，遇到要求特别多的家长，不要急着拒绝，先听完他的想法，能做的答应，不能做的要说明原因。我遇到过一个家长要求给孩子换座位，我没有直接答应，而是约他到学校面谈，把班级排座位的原则讲清楚，后来这位家长反而成了班里最支持工作的家长之一。",
 "我觉得最重要的是不要在群里批评具体的学生，有问题单独联系家长。另外，发通知的时候尽量写清楚时间、地点、要带的东西，减少家长反复询问。一学期下来，你会发现大多数家长都是通情达理的。",
]
EXP = "\n".join([TITLE] + FIRST)

def d7_post(n, who, when, text, first=False):
    return f"""<div id="post_{n}" class="mainbox viewthread"><table id="pid{n}" summary="pid{n}" cellspacing="0" cellpadding="0"><tr>
<td class="postauthor"><cite><a>{who}</a></cite><div class="avatar"><img></div><p><em>新手上路</em></p><dl class="profile"><dt>UID</dt><dd>{n}23</dd><dt>帖子</dt><dd>{n}6</dd><dt>积分</dt><dd>{n}9</dd><dt>注册时间</dt><dd>2023-3-1</dd></dl></td>
<td class="postcontent"><div class="postinfo"><strong><a>{'楼主' if first else str(n) + '#'}</a></strong><em>发表于 {when}</em> | <a>只看该作者</a></div>
<div class="defaultpost"><div class="postmessage {'firstpost' if first else ''}">{f'<h2>{TITLE}</h2>' if first else ''}<div class="t_msgfontfix"><table cellspacing="0" cellpadding="0"><tr><td class="t_msgfont" id="postmessage_{n}">{text}</td></tr></table></div></div></div>
<div class="postactions"><p><a>回复</a> <a>引用</a> <a>报告</a> <a>TOP</a></p></div></td></tr></table></div>"""

L = {}
L["d7_short_first"] = ("http://bbs.jiaoshi.net/viewthread.php?tid=12345", page(f"{TITLE} - 班主任之家 - 教师论坛 - Powered by Discuz!", f"""
<div id="header"><h2><a>教师论坛</a></h2><div id="umenu"><a>登录</a> | <a>注册</a></div></div>
<div id="menu"><ul><li><a>首页</a></li><li><a>论坛</a></li><li><a>搜索</a></li><li><a>帮助</a></li></ul></div>
<div id="nav"><a>教师论坛</a> &raquo; <a>班主任之家</a> &raquo; {TITLE}</div>
<div class="pages_btns"><div class="pages"><em>&nbsp;4&nbsp;</em><strong>1</strong></div><span class="postbtn"><a>发新话题</a><a>回复</a></span></div>
<div id="threadtitle"><h1>{TITLE}</h1></div>
{d7_post(1, '新班主任小王', '2024-9-2 20:11', FIRST[0], True)}
{"".join(d7_post(i + 2, f'老班{i}', f'2024-9-2 2{i}:30', t) for i, t in enumerate(LONG))}
<div id="footfilter" class="box"><a>浏览</a> <a>回复</a></div>
<div id="quickpost" class="box"><h4>快速回复主题</h4><form><textarea></textarea><button>发表帖子</button></form></div>
<div id="footer"><p>Powered by Discuz! 7.2 © 2001-2009 Comsenz Inc.</p><p>京ICP备12345678号 GMT+8, 2024-10-1 10:00</p></div>"""))

pw = lambda n, who, text, cls: f"""<div class="t5 t2"><table width="100%"><tr class="tr1"><th rowspan="2" class="r_two"><b>{who}</b><div>级别: 新手上路</div><div>发帖: {n}3</div></th>
<th class="r_one"><div class="tiptop"><span class="fl">{'楼主' if n == 1 else ['沙发', '板凳', '地板'][n - 2]}</span><span class="fr">发表于: 2024-09-02 2{n}:11</span></div>
<div class="{cls}" id="read_{n}">{text}</div></th></tr><tr><td class="r_one"><a>引用</a> <a>推荐</a> <a>编辑</a></td></tr></table></div>"""
L["phpwind"] = ("http://www.jsbbs.cn/read.php?tid=45678", page(f"{TITLE}|班主任之家 - 教师论坛 - powered by phpwind.net", f"""
<div id="header"><a>教师论坛</a> <a>登录</a> <a>注册</a></div>
<div id="breadcrumb"><a>首页</a> &raquo; <a>班主任之家</a> &raquo; {TITLE}</div>
<div class="t3"><span>上一主题</span> <span>下一主题</span></div>
<div class="h"><b>本页主题:</b> {TITLE} <a>打印</a> | <a>加为IE收藏</a> | <a>复制链接</a> | <a>收藏主题</a></div>
{pw(1, '新班主任小王', f'<h1 class="fl">{TITLE}</h1><div class="tpc_content">{FIRST[0]}</div>', 'tpc_content0')}
{"".join(pw(i + 2, f'老班{i}', t, 'tpc_content') for i, t in enumerate(LONG))}
<div class="t3"><span class="fl"><a>快速回复</a></span><span class="fr">[返回顶部]</span></div>
<div id="footer">Powered by phpwind v8.7 Code © 2003-2011 phpwind.com 京ICP备12345678号</div>"""))

ty = lambda n, who, text: f"""<div class="atl-item" _host="{who}" replyid="{n}"><div class="atl-head"><div class="atl-info"><span>{'楼主' if n == 0 else '作者'}：<a class="js-vip-check">{who}</a></span><span>时间：2024-09-02 2{n}:30:11</span></div></div>
<div class="atl-con-bd clearfix"><div class="bbs-content">{text}</div><div class="atl-reply"><span>{n}楼</span> <a>举报</a> | <a>回复</a></div></div></div>"""
L["tianya"] = ("http://bbs.tianya.cn/post-education-123456-1.shtml", page(f"{TITLE}_天涯杂谈_论坛_天涯社区", f"""
<div id="tianyaTopNav"><a>天涯社区</a><a>首页</a><a>论坛</a><a>博客</a><a>登录</a><a>注册</a></div>
<div class="atl-location clearfix"><p class="crumbs"><em><a>天涯论坛</a></em> &gt; <a>教育</a> &gt; <a>天涯杂谈</a> <em>[我要发帖]</em></p></div>
<div id="post_head" class="atl-head"><h1 class="atl-title"><span class="s_title"><span>{TITLE}</span></span></h1>
<div class="atl-info"><span>楼主：<a>新班主任小王</a></span><span>时间：2024-09-02 20:11:30</span><span>点击：1234</span><span>回复：3</span></div>
<div class="atl-menu"><a>只看楼主</a><a>最新回帖</a><a>最热回帖</a></div></div>
<div class="atl-main"><div class="atl-item host-item"><div class="atl-content"><div class="atl-con-bd clearfix"><div class="bbs-content clearfix">{FIRST[0]}</div></div><div class="atl-reply">楼主发言：1次 发图：0张 | <a>更多</a></div></div></div>
{"".join(ty(i + 1, f'老班{i}', t) for i, t in enumerate(LONG))}</div>
<div class="atl-pages"><strong>1</strong></div>
<div class="footer"><a>关于天涯</a> | <a>广告服务</a> | <a>天涯客服</a> | <a>隐私和版权</a> | <a>联系我们</a> <p>Copyright © 1999 - 2024 天涯社区</p></div>"""))

# replies that quote the first post
quote = f"<div class='quote'><blockquote>原帖由 新班主任小王 于 2024-9-2 20:11 发表<br>{FIRST[0][:40]}...</blockquote></div>"
from forum1 import L as F1
L["dx_short_quoted"] = ("https://bbs.jiaoshi.cn/thread-54321-1-1.html", F1["discuz"][1]
                         .replace("谈谈新学期班主任工作的几点体会", TITLE))
import forum1, blog1
html = L["dx_short_quoted"][1]
first_body = "<br><br>".join(blog1.BP)
html = html.replace(first_body, FIRST[0])
for r, t in zip(forum1.REPLIES, LONG + [LONG[0]]):
    html = html.replace(r, quote + t)
L["dx_short_quoted"] = (L["dx_short_quoted"][0], html)

if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXP, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
