"""Recall in a thread's first post: what a post holds besides long paragraphs: short br lines and
bold subheads, a quote of another text inside the post, a numbered list of one-line items, a
poem, an attachment box and an edit note (chrome), a post that is mostly a table, a post whose
lines each end in a link, in Discuz X, an old GBK board's table layout, phpBB (post classes alternate row by row) and
百度贴吧 (the first floor has a class of its own)."""
import sys

from harness import check
from news1 import page
from forum2 import LONG

TITLE = "分享：我们学校新学期家校共育的做法（附活动安排）"
SHORT_LINES = ["各位老师好！", "开学一个月了，说说我们学校今年家校共育的几点做法，供大家参考。",
               "一、建好三级家委会", "班级、年级、学校三级家委会9月中旬全部选好，每级5到7人，家长自荐加班主任推荐。",
               "二、办好家长学校", "每月一次，周五晚上线上开讲，主题是家长最关心的问题：作业、手机、睡眠、青春期。",
               "三、做好家访", "班主任一学期至少家访一轮，重点是留守儿童和困难家庭学生。",
               "以上是我们的一点做法，欢迎交流。"]
QUOTE = ["教育部等十三部门《关于健全学校家庭社会协同育人机制的意见》提出：", "到2025年，学校家庭社会协同育人机制进一步完善，学校教育主体作用更加凸显，家庭教育主体责任有效落实。"]
ITEMS = ["1. 9月15日 家委会成立大会", "2. 9月27日 第一期家长学校", "3. 10月18日 亲子运动会", "4. 11月22日 期中家长会"]
POEM = ["《开学》", "九月风清桂子香，", "书声又满读书堂。", "莫道园丁头发白，", "春来桃李正芬芳。"]
ROWS = [("年级", "活动", "负责人"), ("一年级", "入学适应家长课", "王老师"), ("四年级", "亲子阅读分享", "李老师"), ("七年级", "青春期心理讲座", "张老师")]
LINKED = ["家长学校第一讲视频：<a href='/v/1'>点此观看</a>", "活动报名表下载：<a href='/f/2'>家校活动报名表.docx</a>"]


def dx(first_inner):
    """A Discuz X3 thread page, the first post's message cell filled with `first_inner`."""
    def one(n, who, inner, extra=""):
        return f"""<div id="post_{n}"><table id="pid{n}" class="plhin" summary="pid{n}"><tr><td class="pls" rowspan="2"><div class="pi"><div class="authi"><a class="xw1">{who}</a></div></div><dl class="pil cl"><dt>积分</dt><dd>{n}56</dd></dl></td>
<td class="plc"><div class="pi"><strong><a>{'楼主' if n == 1 else str(n) + '#'}</a></strong><div class="pti"><div class="authi"><em id="authorposton{n}">发表于 2024-10-{n} 20:1{n}:30</em><span class="pipe">|</span><a>只看该作者</a></div></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_{n}">{inner}</td></tr></table>{extra}</div></div></div></td></tr>
<tr><td class="plc"><div class="po hin"><em><a class="fastre">回复</a></em><p><a>举报</a></p></div></td></tr></table></div>"""
    attach = """<div class="pattl"><ignore_js_op><dl class="tattl"><dt><img src="/static/image/filetype/doc.gif"></dt><dd><p class="attnm"><a>家校活动安排.docx</a></p><p>2024-10-1 20:11 上传</p><p>下载次数: 37</p><p>21.5 KB, 下载积分: 金币 -1</p></dd></dl></ignore_js_op></div>"""
    posts = one(1, "七中李老师", first_inner, attach) + "".join(one(i + 2, f"老班{i}", r) for i, r in enumerate(LONG))
    return page(f"{TITLE} - 家校共育 - 教师之家 - Powered by Discuz!", f"""
<div id="toptb"><a>设为首页</a><a>收藏本站</a></div><div id="hd"><a>教师之家</a><ul><li><a>论坛</a></li><li><a>导读</a></li></ul></div>
<div id="pt" class="bm cl"><a>教师之家</a><em>›</em><a>家校共育</a><em>›</em><a>{TITLE}</a></div>
<div id="postlist" class="pl bm"><table><tr><td class="pls ptn pbn"><div class="hm ptn"><span class="xg1">查看:</span> <span class="xi1">886</span><span class="pipe">|</span><span class="xg1">回复:</span> <span class="xi1">3</span></div></td><td class="plc ptm pbn vwthd"><h1 class="ts"><span id="thread_subject">{TITLE}</span></h1></td></tr></table>
{posts}</div><div id="ft">Powered by Discuz! X3.4 京ICP备12345678号</div>""")


def old_board(first_inner):
    """A GBK-era board: one table per post, the message in a font tag, the board's name above."""
    def one(n, who, inner):
        return f"""<table width="96%" border="0" align="center" cellpadding="4" class="tableborder"><tr class="altbg2"><td width="18%" valign="top"><b>{who}</b><br>等级：{'版主' if n == 1 else '新手'}<br>文章：{n}23<br>注册：2019-3-2</td>
<td valign="top"><table width="100%"><tr><td><font color="#999999">{'楼主' if n == 1 else f'第{n}楼'} 发表于：2024-10-{n} 20:1{n}</font> <a>引用</a> <a>回复</a></td></tr>
<tr><td><font style="font-size:14px;line-height:160%">{inner}</font></td></tr></table></td></tr></table>"""
    posts = one(1, "七中李老师", first_inner) + "".join(one(i + 2, f"老班{i}", r) for i, r in enumerate(LONG))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{TITLE} -- 城关教育论坛</title></head><body>
<table width="96%" align="center"><tr><td><a>城关教育论坛</a> → <a>家校共育</a> → 浏览帖子</td><td align="right"><a>登录</a> | <a>注册</a> | <a>搜索</a> | <a>帮助</a></td></tr></table>
<table width="96%" align="center" class="tableborder"><tr><td><b>主题：{TITLE}</b></td><td align="right">本主题共有 4 个帖子 [<b>1</b>] </td></tr></table>
{posts}
<table width="96%" align="center"><tr><td align="center"><a>发表新帖</a> <a>回复主题</a> <a>返回列表</a></td></tr></table>
<p align="center">Powered by 城关教育论坛 2.0 &copy; 2004-2024 陇ICP备05001234号</p></body></html>"""


def phpbb(first_inner):
    """phpBB 3: posts numbered in their ids, their class alternating bg2/bg1 row by row."""
    def one(n, who, inner):
        return f"""<div id="p{n}00{n}" class="post has-profile bg{2 - n % 2}"><div class="inner"><dl class="postprofile"><dt><a class="username">{who}</a></dt><dd><strong>帖子:</strong> {n}23</dd><dd><strong>注册时间:</strong> 2019-03-02</dd></dl>
<div class="postbody"><div><h3>{'' if n == 1 else 'Re: '}<a>{TITLE}</a></h3><p class="author"><a>帖子</a> 由 <strong>{who}</strong> » 2024-10-{n} 20:1{n}</p>
<div class="content">{inner}</div></div></div><div class="back2top"><a>返回顶部</a></div></div></div><hr class="divider">"""
    posts = one(1, "七中李老师", first_inner) + "".join(one(i + 2, f"老班{i}", r) for i, r in enumerate(LONG))
    return page(f"{TITLE} - 城关教师论坛", f"""
<div class="headerbar"><a>城关教师论坛</a><a>常见问题</a><a>登录</a><a>注册</a></div>
<ul id="nav-breadcrumbs"><li><a>首页</a> ‹ <a>论坛首页</a> ‹ <a>家校共育</a></li></ul>
<h2 class="topic-title"><a>{TITLE}</a></h2><div class="action-bar"><a>发表回复</a><div class="pagination">4 帖子 • 第 1 页 (共 1 页)</div></div>
{posts}<div class="action-bar"><a>发表回复</a></div><div class="copyright">Powered by phpBB® Forum Software © phpBB Limited 简体中文语言：phpBB Chinese</div>""")


def tieba(first_inner):
    """百度贴吧: floors as `l_post` divs, the first marked with a class of its own, the time and
    floor in a tail line under the message."""
    def one(n, who, inner):
        first = " noborder" if n == 1 else ""
        return f"""<div class="l_post l_post_bright j_l_post clearfix{first}" data-field="{{}}"><div class="d_author"><ul class="p_author"><li class="d_name"><a>{who}</a></li><li class="l_badge"><div>教师吧 {n}级</div></li></ul></div>
<div class="d_post_content_main{' d_post_content_firstfloor' if n == 1 else ''}"><div class="p_content"><cc><div id="post_content_{n}9{n}" class="d_post_content j_d_post_content">{inner}</div></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="post-tail-wrap"><span class="tail-info">{n}楼</span><span class="tail-info">2024-10-0{n} 20:1{n}</span></div><a>回复</a></div></div></div>"""
    posts = one(1, "七中李老师", first_inner) + "".join(one(i + 2, f"老班{i}", r) for i, r in enumerate(LONG))
    return page(f"{TITLE}【教师吧】_百度贴吧", f"""
<div class="u_menu"><a>百度首页</a><a>登录</a><a>注册</a></div><div class="card_head"><a>教师吧</a><span>关注：123,456</span><span>贴子：2,345,678</span><a>签到</a></div>
<div class="core_title_wrap_bright"><h3 class="core_title_txt">{TITLE}</h3><a>只看楼主</a><a>收藏</a><a>回复</a></div>
<div class="p_postlist" id="j_p_postlist">{posts}</div>
<div class="l_thread_info"><span>4回复贴，共1页</span></div><div class="editor_wrap"><a>发表回复</a><div>内容</div><button>发 表</button></div>
<div class="footer">©2024 Baidu 贴吧协议 隐私政策 吧主制度 意见反馈 网络谣言警示</div>""")


EDIT = '<i class="pstatus"> 本帖最后由 七中李老师 于 2024-10-1 21:30 编辑 </i><br><br>'
BR = "<br>".join
cases = {
    "short_lines": (BR(f"<strong>{x}</strong>" if x[1] == "、" else x for x in SHORT_LINES), SHORT_LINES),
    "with_quote": (BR(SHORT_LINES[:2]) + f"<div class='quote'><blockquote>{BR(QUOTE)}</blockquote></div>" + BR(SHORT_LINES[2:]), SHORT_LINES[:2] + QUOTE + SHORT_LINES[2:]),
    "numbered_items": (BR(SHORT_LINES[:2] + ["活动安排如下："] + ITEMS + [SHORT_LINES[-1]]), SHORT_LINES[:2] + ["活动安排如下："] + ITEMS + [SHORT_LINES[-1]]),
    "poem": (BR(["开学随手写了一首小诗，献给各位同行。"] + POEM), ["开学随手写了一首小诗，献给各位同行。"] + POEM),
    "mostly_table": (SHORT_LINES[1] + "<table class='t_table'>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS) + "</table>" + SHORT_LINES[-1],
                     [SHORT_LINES[1]] + [" ".join(r) for r in ROWS] + [SHORT_LINES[-1]]),
    # a link line at the post's edge goes (its address names no file: `/f/2`); until stop 35 a file's link line went
    # in any case, as a document the crawler fetches on its own
    "linked_lines": (BR(SHORT_LINES + LINKED), SHORT_LINES + [LINKED[0].replace("<a href='/v/1'>", "").replace("</a>", "")]),
    "edit_note": (EDIT + BR(SHORT_LINES), SHORT_LINES),
}

if __name__ == "__main__":
    n = total = 0
    for name, (inner, lines) in cases.items():
        for frame, make, url in (("dx", dx, "https://bbs.jszj.cn/thread-777-1-1.html"), ("old", old_board, "http://bbs.cgedu.net/dispbbs.asp?boardid=3&id=777"),
                                 ("phpbb", phpbb, "https://bbs.cgjs.org/viewtopic.php?t=777"), ("tieba", tieba, "https://tieba.baidu.com/p/8912345678")):
            total += 1
            n += check(f"{frame}_{name}", make(inner), url, "\n".join([TITLE] + lines), "-v" in sys.argv)
    print(f"{n}/{total} ok")
