"""A thread's first post in six more engines, with forum5's first posts (short lines, a quote, a
numbered list, a poem, a table, linked lines, an edit note): Discourse (its crawler view: each post
a `crawler-post` with `itemprop=articleBody`), NGA (a `forumbox postbox` table per floor, the message a
`postcontent ubbcode` span), Flarum (`Post-body`), vBulletin (`post_message_N` divs in tables),
NodeBB (`component="post/content"`) and SMF (`inner` divs after a header of subject and date).
Gold: the thread's title and its first post, as forum5."""
import sys

from forum2 import LONG
from forum5 import TITLE, cases
from harness import check
from news1 import page

WHO = ["七中李老师"] + [f"老班{i}" for i in range(len(LONG))]


def posts(first_inner, one):
    return "".join(one(n, who, inner) for n, (who, inner) in enumerate(zip(WHO, [first_inner] + LONG), 1))


def discourse(first_inner):
    def one(n, who, inner):
        return f"""<div id="post_{n}" itemprop="{'articleBody' if n == 1 else 'comment'}" itemscope class="topic-body crawler-post">
<div class="crawler-post-meta"><span class="creator" itemprop="author"><a><span itemprop="name">{who}</span></a></span>
<span class="crawler-post-infos"><time itemprop="datePublished" datetime="2024-10-0{n}T20:1{n}:00Z" class="post-time">2024 年10 月 {n} 日 20:1{n}</time><span itemprop="position">#{n}</span></span></div>
<div class="post" itemprop="text">{inner}</div>
<div itemprop="interactionStatistic" class="post-likes">{n} 个赞</div></div>"""
    return page(f"{TITLE} - 家校共育 - 城关教师社区", f"""
<header class="d-header"><a>城关教师社区</a></header>
<div id="main-outlet" class="wrap" role="main"><div id="topic-title"><h1><a itemprop="url">{TITLE}</a></h1>
<div class="topic-category"><a class="badge-wrapper"><span class="badge-category-name">家校共育</span></a></div></div>
{posts(first_inner, one)}
<div role="navigation" itemscope class="topic-body crawler-post"><span class="crawler-linkback-list"><a>相关话题</a></span></div>
<div id="related-topics" class="more-topics__list" role="complementary"><h3>相关话题</h3><table><tr><td><a>家长群里怎么发通知比较好？</a></td><td>12</td><td>2024 年9 月</td></tr><tr><td><a>初一新生入学适应有什么好办法？</a></td><td>8</td><td>2024 年9 月</td></tr></table></div></div>
<footer class="container wrap"><nav class="crawler-nav"><ul><li><a>首页</a></li><li><a>类别</a></li><li><a>准则</a></li><li><a>服务条款</a></li><li><a>隐私政策</a></li></ul></nav></footer>
<div id="noscript-footer"><p>由 <a>Discourse</a> 提供技术支持，启用 JavaScript 以获得最佳体验</p></div>""")


def nga(first_inner):
    def one(n, who, inner):
        return f"""<table class="forumbox postbox" cellspacing="1"><tbody><tr id="post1strow{n - 1}" class="postrow row{1 + n % 2}">
<td class="c1"><span class="posterinfo"><a class="author b" id="postauthor{n - 1}">{who}</a><br><span class="small_colored_text_btn">级别: 学徒</span></span></td>
<td class="c2" id="postcontainer{n - 1}"><div class="postInfo"><a class="small_colored_text_btn stxt block_txt_c0" name="l{n - 1}">#{n - 1}</a><span id="postdate{n - 1}" class="postdatec stxt">2024-10-0{n} 20:1{n}</span></div>
{'<h3 id="postsubject0">' + TITLE + '</h3>' if n == 1 else ''}<span id="postcontent{n - 1}" class="postcontent ubbcode">{inner}</span>
<div class="postBtnPos"><a>回复</a><a>引用</a><a>举报</a></div></td></tr></tbody></table>"""
    return page(f"{TITLE} NGA玩家社区", f"""
<div id="mainmenu"><a>NGA玩家社区</a><a>首页</a><a>登录</a><a>注册</a></div>
<div id="m_nav"><a>NGA玩家社区</a> &gt; <a>教师交流</a> &gt; <a>家校共育</a></div>
<div id="m_pbtntop"><a>回复</a><a>发新帖</a><span class="pager">1 2 3</span></div>
<div id="m_posts"><div id="m_posts_c">{posts(first_inner, one)}</div></div>
<div id="m_pbtnbtm"><a>回复</a><a>发新帖</a></div><div id="footer">©2002-2024 nga.cn 沪ICP备10001254号</div>""")


def flarum(first_inner):
    def one(n, who, inner):
        return f"""<div class="PostStream-item" data-index="{n - 1}"><article class="Post CommentPost"><div class="Post-header"><ul><li class="item-user"><div class="PostUser"><h3><a>{who}</a></h3></div></li>
<li class="item-meta"><div class="PostMeta"><a><time datetime="2024-10-0{n}T20:1{n}:00+08:00">2024年10月{n}日</time></a></div></li></ul></div>
<div class="Post-body">{inner}</div><aside class="Post-actions"><ul><li><button>回复</button></li><li><button>赞</button></li></ul></aside></article></div>"""
    return page(f"{TITLE} - 城关教师论坛", f"""
<header id="header" class="App-header"><div class="Header-title"><a>城关教师论坛</a></div><div class="Header-secondary"><a>登录</a><a>注册</a></div></header>
<main class="App-content"><div class="DiscussionPage"><header class="Hero DiscussionHero"><div class="container"><ul class="DiscussionHero-items"><li class="item-tags"><span class="TagLabel">家校共育</span></li><li class="item-title"><h1 class="DiscussionHero-title">{TITLE}</h1></li></ul></div></header>
<div class="container"><nav class="DiscussionPage-nav"><ul><li><button>回复</button></li><li><button>关注</button></li></ul></nav>
<div class="DiscussionPage-stream"><div class="PostStream">{posts(first_inner, one)}</div></div></div></div></main>""")


def vbulletin(first_inner):
    def one(n, who, inner):
        return f"""<div id="edit{n}00{n}"><table id="post{n}00{n}" class="tborder" cellpadding="6" cellspacing="0" border="0" width="100%" align="center">
<tr><td class="thead"><a name="post{n}00{n}"></a>2024-10-0{n}, 20:1{n}</td><td class="thead" align="right">#<a><strong>{n}</strong></a></td></tr>
<tr><td class="alt2" width="175"><div id="postmenu_{n}"><a class="bigusername">{who}</a></div><div class="smallfont">注册会员</div><div class="smallfont">注册日期: 2019-03<br>帖子: {n}23</div></td>
<td class="alt1" id="td_post_{n}00{n}"><div class="smallfont"><strong>{'' if n == 1 else '回复: '}{TITLE}</strong></div><hr size="1"><div id="post_message_{n}00{n}">{inner}</div></td></tr>
<tr><td class="alt2"><img alt="离线"></td><td class="alt1" align="right"><a>引用回复</a></td></tr></table></div>"""
    return page(f"{TITLE} - 城关教育论坛", f"""
<table class="tborder" width="100%"><tr><td class="alt1"><span class="navbar"><a>城关教育论坛</a></span> <span class="navbar">&gt; <a>家校共育</a></span><br><strong>{TITLE}</strong></td><td class="alt2">用户名 <input> 密码 <input><input type="submit" value="登录"></td></tr></table>
<div id="posts">{posts(first_inner, one)}</div>
<table class="tborder" width="100%"><tr><td class="thead">« <a>上一主题</a> | <a>下一主题</a> »</td></tr></table>
<div class="smallfont" align="center">所有时间均为北京时间。现在的时间是 21:05。<br>Powered by vBulletin® Version 3.8.11 Copyright ©2000 - 2024</div>""")


def nodebb(first_inner):
    def one(n, who, inner):
        return f"""<li component="post" class="{'topic-header ' if n == 1 else ''}" data-index="{n - 1}" itemscope itemtype="http://schema.org/{'DiscussionForumPosting' if n == 1 else 'Comment'}">
<div class="post-header"><a class="username" itemprop="author">{who}</a> <span class="timeago" title="2024-10-0{n}T20:1{n}:00.000Z">2024年10月{n}日</span></div>
<div class="content" component="post/content" itemprop="text">{inner}</div>
<div class="post-footer"><a component="post/reply">回复</a><a component="post/quote">引用</a><span component="post/vote-count">{n}</span></div></li>"""
    return page(f"{TITLE} | 城关教师社区", f"""
<nav class="navbar"><a>城关教师社区</a><a>版块</a><a>最新</a><a>标签</a><a>热门</a><a>用户</a><a>登录</a></nav>
<div class="container"><ol class="breadcrumb"><li><a>首页</a></li><li><a>家校共育</a></li><li>{TITLE}</li></ol>
<div class="topic"><h1 component="post/header" class="topic-title"><span component="topic/title">{TITLE}</span></h1>
<ul component="topic" class="posts">{posts(first_inner, one)}</ul></div></div>""")


def smf(first_inner):
    def one(n, who, inner):
        return f"""<div class="windowbg{'' if n % 2 else '2'}"><span class="topslice"><span></span></span><div class="post_wrapper">
<div class="poster"><h4><a>{who}</a></h4><ul class="reset smalltext"><li class="membergroup">会员</li><li class="postcount">帖子: {n}23</li></ul></div>
<div class="postarea"><div class="flow_hidden"><div class="keyinfo"><h5 id="subject_{n}"><a>{'' if n == 1 else 'Re: '}{TITLE}</a></h5><div class="smalltext">« <strong>第{n}楼 于：</strong> 2024-10-0{n}, 20:1{n} »</div></div>
<ul class="reset smalltext quickbuttons"><li class="quote_button"><a>引用</a></li></ul></div>
<div class="post"><div class="inner" id="msg_{n}">{inner}</div></div></div></div><span class="botslice"><span></span></span></div><hr class="post_separator">"""
    return page(f"{TITLE}", f"""
<div id="header"><h1 class="forumtitle"><a>城关教育论坛</a></h1><div class="user">欢迎, <strong>游客</strong>. 请 <a>登录</a> 或 <a>注册</a>.</div></div>
<div class="navigate_section"><ul><li><a>城关教育论坛</a> »</li><li><a>家校共育</a> »</li><li class="last"><a>{TITLE}</a></li></ul></div>
<div id="forumposts"><div class="cat_bar"><h3 class="catbg">作者 主题: {TITLE} (阅读 886 次)</h3></div><form>{posts(first_inner, one)}</form></div>
<div id="footer_section"><ul class="reset"><li class="copyright">SMF 2.0.19 | SMF © 2021, Simple Machines</li></ul></div>""")


ENGINES = (("discourse", discourse, "https://forum.cgjs.org/t/topic/777"), ("nga", nga, "https://bbs.nga.cn/read.php?tid=38123456"),
           ("flarum", flarum, "https://bbs.cgjx.net/d/777"), ("vb", vbulletin, "http://www.cgedu-bbs.com/showthread.php?t=777"),
           ("nodebb", nodebb, "https://community.cgjs.net/topic/777/"), ("smf", smf, "http://bbs.cgjy.org/index.php?topic=777.0"))


if __name__ == "__main__":
    n = total = 0
    for name, (inner, lines) in cases.items():
        for engine, make, url in ENGINES:
            total += 1
            n += check(f"{engine}_{name}", make(inner), url, "\n".join([TITLE] + lines), "-v" in sys.argv)
    print(f"{n}/{total} ok")
