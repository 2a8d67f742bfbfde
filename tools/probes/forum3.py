"""More forum shapes: Discuz X edit note and signature in the first post, 豆瓣小组, NGA, hupu, 水木 (pre text)."""
from harness import check
from news1 import page
from forum2 import TITLE, LONG
from blog1 import BP

BODY = BP  # a first post of some length
EXP = "\n".join([TITLE] + BODY)
L = {}

def dx(first_inner, replies):
    def one(n, who, inner):
        return f"""<div id="post_{n}"><table id="pid{n}" class="plhin" summary="pid{n}"><tr><td class="pls" rowspan="2"><div class="pi"><div class="authi"><a class="xw1">{who}</a></div></div><div><div class="avatar"><img></div></div><div class="tns xg2"><table><tr><th><p>12</p>主题</th><th><p>345</p>帖子</th><td><p>678</p>积分</td></tr></table></div><p><em><a>中级会员</a></em></p></td>
<td class="plc"><div class="pi"><strong><a>{'楼主' if n == 1 else str(n) + '#'}</a></strong><div class="pti"><div class="authi"><img class="authicn"><em id="authorposton{n}">发表于 2024-9-{n} 20:1{n}:30</em><span class="pipe">|</span><a>只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_{n}">{inner}</td></tr></table></div><div id="comment_{n}" class="cm"></div></div></div></td></tr>
<tr><td class="plc plm"><div class="sign">{'教育是一棵树摇动另一棵树，一朵云推动另一朵云。' if n == 1 else '好好学习，天天向上'}</div></td></tr>
<tr><td class="pls"></td><td class="plc"><div class="po hin"><div class="pob cl"><em><a class="fastre">回复</a></em><p><a>举报</a></p></div></div></td></tr></table></div>"""
    posts = one(1, "教书匠老李", first_inner) + "".join(one(i + 2, f"老班{i}", r) for i, r in enumerate(replies))
    return page(f"{TITLE} - 班主任论坛 - 教师之家 - Powered by Discuz!", f"""
<div id="toptb"><a>设为首页</a><a>收藏本站</a></div><div id="hd"><a>教师之家</a><ul><li><a>论坛</a></li><li><a>导读</a></li></ul></div>
<div id="pt" class="bm cl"><a>教师之家</a><em>›</em><a>班主任论坛</a><em>›</em><a>{TITLE}</a></div>
<div id="postlist" class="pl bm"><table><tr><td class="pls ptn pbn"><div class="hm ptn"><span class="xg1">查看:</span> <span class="xi1">1234</span><span class="pipe">|</span><span class="xg1">回复:</span> <span class="xi1">3</span></div></td><td class="plc ptm pbn vwthd"><h1 class="ts"><span id="thread_subject">{TITLE}</span></h1></td></tr></table>
{posts}</div><div id="ft">Powered by Discuz! X3.4 京ICP备12345678号</div>""")

edit = '<i class="pstatus"> 本帖最后由 教书匠老李 于 2024-9-2 21:30 编辑 </i><br><br>'
L["dx_edit_sign"] = ("https://bbs.jsz.cn/thread-1-1-1.html", dx(edit + "<br><br>".join(BODY), LONG))
L["dx_edit_sign_short"] = ("https://bbs.jsz.cn/thread-2-1-1.html", dx(edit + BODY[0] + "<br><br>" + BODY[1], LONG))

L["douban_group"] = ("https://www.douban.com/group/topic/301234567/", page(f"{TITLE}", f"""
<div id="db-global-nav"><a>登录/注册</a><a>下载豆瓣客户端</a><a>豆瓣</a><a>读书</a><a>电影</a><a>音乐</a><a>同城</a><a>小组</a></div>
<div id="content"><h1>{TITLE}</h1><div class="grid-16-8 clearfix"><div class="article"><div class="topic-content clearfix"><div class="topic-doc"><h3><span class="from">来自: <a>教书匠老李</a></span><span class="create-time color-green">2024-09-02 20:11:30</span><span class="ip-location">四川</span></h3>
<div class="topic-content"><div class="rich-content topic-richtext">{"".join(f"<p>{p}</p>" for p in BODY)}</div></div>
<div class="sns-bar"><a>回应</a> <a>推荐</a> <a>喜欢</a> <a>分享</a></div></div></div>
<ul class="topic-reply" id="comments">{"".join(f'<li class="clearfix comment-item reply-item"><div class="reply-doc content"><div class="bg-img-green"><h4><a>老班{i}</a><span class="pubtime">2024-09-0{i+3} 1{i}:12:30</span></h4></div><div class="reply-content"><p class="reply-content">{t}</p></div><div class="operation_div"><a>回应</a> <a>赞</a></div></div></li>' for i, t in enumerate(LONG))}</ul>
<div class="paginator"><span class="thispage">1</span></div></div>
<div class="aside"><div class="group-item"><a>班主任交流小组</a><p>12345 个成员 在此聚集</p><a>加入小组</a></div><h2>最新讨论</h2><ul><li><a>开学第一课怎么上？</a></li><li><a>分享一个班级管理小妙招</a></li></ul></div></div></div>
<div id="footer">© 2005－2024 douban.com, all rights reserved 北京豆网科技有限公司 关于豆瓣 · 在豆瓣工作 · 联系我们 · 法律声明 · 帮助中心 · 移动应用</div>"""))

L["smth_pre"] = ("https://www.newsmth.net/nForum/article/Teacher/123456", page(f"{TITLE} - 教师 - 水木社区", f"""
<div id="header"><a>水木社区</a> <a>登录</a></div><div id="notice">水木社区 → 教师 → 阅读文章</div>
<div class="b-content corner"><div class="a-wrap corner"><table class="article"><tr class="a-head"><td class="a-left"><span class="a-u-name"><a>laoli</a></span></td><td class="a-right"><span class="a-pos">楼主</span> <span class="a-func">回复 | 转寄 | 引用</span></td></tr>
<tr class="a-body"><td class="a-content" colspan="2"><p>发信人: laoli (教书匠老李), 信区: Teacher<br>标  题: {TITLE}<br>发信站: 水木社区 (Mon Sep  2 20:11:30 2024), 站内<br>&nbsp;&nbsp;<br>{"<br>&nbsp;&nbsp;<br>".join(BODY)}<br>--<br>&nbsp;&nbsp;<br><font class="f000"></font><font class="f006">※ 来源:·水木社区 http://www.newsmth.net·[FROM: 123.45.67.*]</font><br></p></td></tr></table></div>
{"".join(f'<div class="a-wrap corner"><table class="article"><tr class="a-head"><td class="a-left"><span class="a-u-name"><a>user{i}</a></span></td><td class="a-right"><span class="a-pos">第{i+1}楼</span></td></tr><tr class="a-body"><td class="a-content" colspan="2"><p>发信人: user{i} (老班{i}), 信区: Teacher<br>标  题: Re: {TITLE}<br>发信站: 水木社区 (Mon Sep  2 2{i}:30:11 2024), 站内<br>&nbsp;&nbsp;<br>{t}<br>--<br>※ 来源:·水木社区 http://www.newsmth.net·[FROM: 10.0.0.*]</p></td></tr></table></div>' for i, t in enumerate(LONG))}
</div><div id="footer">版权所有 © 水木社区 京ICP证050249号</div>"""))

if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html) in L.items():
        exp = "\n".join([TITLE] + BODY[:2]) if name == "dx_edit_sign_short" else EXP
        n += check(name, html, url, exp, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
