"""Microblog status pages (the dev set's `microblog` kind): one status, its author, time and client,
counts (转发 评论 赞), then its comments, each a name and a short line, and a sidebar of hot
searches or the account's other statuses.  Engines: weibo.com's older single-status page (V6, a
`WB_detail` and a `list_box` of comments), m.weibo.cn's status page as rendered, 知乎想法, 饭否,
豆瓣广播, a Mastodon instance (长毛象).  Gold: the status text alone (a status has no title of its own;
the dev page's gold has none), its #topics# and @names as written."""
import sys

from harness import check
from news1 import page

STATUS = [
    "【城关区中小学秋季开学】8月26日，#城关区秋季开学# 全区68所中小学、幼儿园迎来4.2万名学生。区教育局提前组织开展校舍安全排查，完成23所学校的维修改造，新学期新增学位1200个。",
    "开学第一天，各校组织开展了安全教育第一课、升旗仪式和入学教育等活动。@城关区教育局 提醒广大家长，接送孩子时请遵守交通秩序，不在校门口停车。",
]
EXPECTED = "\n".join(STATUS)
TEXT = "<br><br>".join(STATUS)
COMMENTS = [
    ("城关小王", "开学快乐！祝孩子们新学期学习进步"),
    ("一只大橘子", "我们学校门口今天确实秩序很好，交警和老师都在"),
    ("教育观察者", "新增学位1200个，希望明年还能再多一些，片区里的学位还是紧张"),
    ("阳光妈妈", "点赞"),
    ("城关老李", "孩子回来说安全教育课很有意思，讲了防溺水和交通安全"),
    ("路人甲乙丙", "校门口停车的问题说了好多年了，希望这次真能管住"),
    ("小雨点点", "开学第一天就下雨了哈哈"),
    ("向日葵花开", "老师们辛苦了！"),
    ("家长代表", "建议学校的课后服务再多一些选择，体育和艺术的都可以有"),
    ("城关青年", "转发微博"),
]
HOT = ["开学第一天", "教师节礼物", "秋季学期课后服务", "中小学新增学位", "校园食品安全检查", "开学季交通安全"]

L = {}
L["weibo_v6"] = ("https://weibo.com/5123456789/OeAbCdEfG", page("【城关区中小学秋季开学】8月26日，#城关区秋季开学# 全区68所中小学… 来自城关融媒 - 微博", f"""
<div class="WB_global_nav"><a>微博</a><a>首页</a><a>视频</a><a>发现</a><a>游戏</a><a>注册</a><a>登录</a></div>
<div class="WB_frame"><div class="WB_frame_c"><div class="WB_feed WB_feed_v3"><div class="WB_cardwrap WB_feed_type S_bg2" mid="4981234567890123">
<div class="WB_feed_detail clearfix"><div class="WB_face W_fl"><a><img></a></div>
<div class="WB_detail"><div class="WB_info"><a class="W_f14 W_fb S_txt1" usercard="id=5123456789">城关融媒</a><a><i class="W_icon icon_approve"></i></a></div>
<div class="WB_from S_txt2"><a title="2024-08-26 18:30" date="1724668200000">8月26日 18:30</a> 来自 <a>微博 weibo.com</a></div>
<div class="WB_text W_f14" node-type="feed_list_content">{TEXT}</div>
<div class="WB_media_wrap clearfix"><ul class="WB_media_a"><li><img></li><li><img></li></ul></div></div></div>
<div class="WB_feed_handle"><div class="WB_handle"><ul class="WB_row_line"><li><a><span>收藏</span></a></li><li><a><span>转发 12</span></a></li><li><a><span>评论 10</span></a></li><li><a><span>赞 86</span></a></li></ul></div></div>
<div class="WB_feed_repeat S_bg1"><div class="WB_repeat"><div class="WB_feed_publish"><textarea>发布你的评论</textarea><a>评论</a></div>
<div class="repeat_list"><div class="list_box"><div class="list_ul">{"".join(f'<div class="list_li S_line1 clearfix"><div class="WB_face W_fl"><img></div><div class="list_con"><div class="WB_text"><a usercard="name={n}">{n}</a>：{c}</div><div class="WB_func clearfix"><div class="WB_from S_txt2">8月26日 {18 + i % 4}:{10 + i}</div><ul><li><a>回复</a></li><li><a>赞 {i}</a></li></ul></div></div></div>' for i, (n, c) in enumerate(COMMENTS))}</div>
<a class="WB_cardmore">查看更多 ></a></div></div></div></div></div></div>
<div class="WB_frame_b"><div class="WB_cardwrap S_bg2"><h4>热门搜索</h4><ul>{"".join(f'<li><a>{i + 1} {h}</a><span>{90000 - i * 7000}</span></li>' for i, h in enumerate(HOT))}</ul></div></div></div>"""))

L["m_weibo"] = ("https://m.weibo.cn/status/OeAbCdEfG", page("微博", f"""
<div id="app"><div class="m-top-bar"><a>微博正文</a></div><div class="lite-page-wrap"><div class="main-wrap"><div class="card m-panel card9 f-weibo"><div class="card-wrap"><div class="card-main">
<header class="weibo-top m-box m-avatar-box"><a class="m-img-box"><img></a><div class="m-box-col m-box-dir m-box-center"><div class="m-text-box"><a><h3 class="m-text-cut">城关融媒</h3></a><h4 class="m-text-cut"><span class="time">8-26</span><span class="from">来自 iPhone客户端</span></h4></div></div><button class="m-btn">+关注</button></header>
<article class="weibo-main"><div class="weibo-og"><div class="weibo-text">{TEXT}</div><div class="weibo-media-wraps"><ul class="m-auto-list"><li><img></li></ul></div></div></article></div></div></div>
<div class="lite-page-tab"><div class="tab-item">转发 12</div><div class="tab-item cur">评论 10</div><div class="tab-item">赞 86</div></div>
<div class="comment-content">{"".join(f'<div class="card m-avatar-box lite-page-list"><a class="m-img-box"><img></a><div class="m-box-col m-box-dir"><div class="m-box m-box-center-a"><div class="m-box-col"><h4>{n}</h4><h3>{c}</h3></div></div><div class="card-ft"><span class="time">8-26</span><span>来自广东</span></div></div></div>' for n, c in COMMENTS)}</div>
<div class="lite-page-editor"><div class="m-box"><span>发评论</span><span>转发</span><span>赞</span></div></div></div></div></div>"""))

L["zhihu_pin"] = ("https://www.zhihu.com/pin/1812345678901234567", page("城关融媒 的想法: 【城关区中小学秋季开学】8月26日，#城关区秋季开学# 全区68所… - 知乎", f"""
<header class="AppHeader"><a>知乎</a><a>首页</a><a>会员</a><a>发现</a><a>等你来答</a><input placeholder="搜索"><button>提问</button><a>登录/注册</a></header>
<main class="App-main"><div class="PinDetail"><div class="Card"><div class="PinItem"><div class="ContentItem-meta"><div class="AuthorInfo"><a class="UserLink-link">城关融媒</a><div class="AuthorInfo-badgeText">城关区融媒体中心官方账号</div></div></div>
<div class="RichContent PinItem-content"><div class="RichContent-inner"><span class="RichText ztext PinItem-remainContentRichText">{"".join(f"<p>{s}</p>" for s in STATUS)}</span></div><div class="PinItem-content-originpin"></div></div>
<div class="ContentItem-time"><span>发布于 2024-08-26 18:30</span><span>・IP 属地广东</span></div>
<div class="ContentItem-actions"><button>赞同 86</button><button>10 条评论</button><button>分享</button><button>喜欢</button><button>收藏</button></div></div></div>
<div class="Card Comments-container"><div class="Topbar"><div class="Topbar-title">10 条评论</div><button>默认</button><button>时间</button></div>{"".join(f'<div class="CommentItem"><a class="UserLink">{n}</a><div class="CommentContent">{c}</div><span class="CommentItem-time">08-26</span><button>回复</button><button>喜欢</button></div>' for n, c in COMMENTS)}</div></div>
<div class="Card"><div class="Card-header">更多推荐内容</div>{"".join(f'<a class="PinCard">城关融媒：新学期第{i}天，{h}，一起来看看吧</a>' for i, h in enumerate(HOT[:3], 1))}</div></main>"""))

L["fanfou"] = ("https://fanfou.com/statuses/AbCdEfGhIjK", page("饭否 | 城关融媒: 【城关区中小学秋季开学】8月26日，#城关区秋季开学# 全区68所中小学、幼儿园迎来4.2万名学生…", f"""
<div id="header"><a class="logo">饭否</a><ul id="navigation"><li><a>首页</a></li><li><a>随便看看</a></li><li><a>注册</a></li><li><a>登录</a></li></ul></div>
<div id="container"><div id="content"><div id="latest"><h1><a class="avatar"><img></a><a>城关融媒</a></h1>
<h2>{"".join(f"<span>{s}</span><br>" for s in STATUS)}</h2>
<p class="stamp"><span class="time">2024-08-26 18:30</span> <span class="method">通过 网页</span></p>
<p class="op"><a>收藏</a> <a>转发</a></p></div>
<div id="stream"><h3>城关融媒的更多消息</h3><ol>{"".join(f'<li><span class="content">{h}，我们在现场。</span><span class="stamp"><a>2024-08-2{i} 1{i}:00</a> 通过 网页</span></li>' for i, h in enumerate(HOT[:4]))}</ol></div></div>
<div id="sidebar"><div class="section"><h2>城关融媒</h2><p>城关区融媒体中心</p><ul><li>关注 123</li><li>被关注 4567</li><li>消息 8901</li></ul></div></div></div>
<div id="footer"><p>© 2024 fanfou.com</p><p>京ICP备09010000号</p></div>"""))

L["douban_status"] = ("https://www.douban.com/people/123456789/status/4456789012/", page("城关老李的广播", f"""
<div id="db-global-nav"><a>豆瓣</a><a>读书</a><a>电影</a><a>音乐</a><a>同城</a><a>小组</a><a>阅读</a><a>FM</a><a>时间</a><a>豆品</a><a>登录/注册</a></div>
<div id="wrapper"><div id="content"><h1>城关老李的广播</h1><div class="grid-16-8 clearfix"><div class="article">
<div class="status-item" data-sid="4456789012"><div class="mod"><div class="hd"><div class="text"><a class="lnk-people">城关老李</a> 说：</div></div>
<div class="bd"><div class="status-saying"><blockquote>{"".join(f"<p>{s}</p>" for s in STATUS)}</blockquote></div>
<div class="actions"><span class="created_at" title="2024-08-26 18:30:12">8月26日</span><a>回应</a><a>赞(8)</a><a>转发</a><a>分享</a></div></div></div></div>
<div class="comments"><h2>回应 10</h2>{"".join(f'<div class="comment-item"><div class="meta-header"><a class="lnk-people">{n}</a><span class="pubtime">2024-08-26 19:{10 + i}:00</span></div><p class="comment-text">{c}</p><div class="comment-actions"><a>回应</a><a>赞</a></div></div>' for i, (n, c) in enumerate(COMMENTS))}</div></div>
<div class="aside"><div class="mod"><h2>城关老李的其他广播</h2><ul>{"".join(f"<li>{h}，记一笔。</li>" for h in HOT[:4])}</ul></div></div></div></div></div>"""))

L["mastodon"] = ("https://m.cmx.im/@chengguan/112987654321098765", page("城关融媒: \"【城关区中小学秋季开学】8月26日，#城关区秋季开学# 全区68所中小学、幼儿园迎…\" - 长毛象中文站", f"""
<div class="ui"><div class="columns-area"><div class="column"><div class="column-header"><h1>嘟文</h1></div>
<div class="scrollable"><div class="focusable detailed-status__wrapper"><div class="detailed-status"><a class="detailed-status__display-name"><div class="detailed-status__display-avatar"><img></div><span class="display-name"><bdi><strong class="display-name__html">城关融媒</strong></bdi><span class="display-name__account">@chengguan@m.cmx.im</span></span></a>
<div class="status__content"><div class="status__content__text status__content__text--visible translate">{"".join(f"<p>{s}</p>" for s in STATUS)}</div></div>
<div class="detailed-status__meta"><a class="detailed-status__datetime"><time datetime="2024-08-26T10:30:00.000Z">2024年8月26日 18:30</time></a> · <span>12 次转嘟</span> · <span>86 次喜欢</span></div></div>
<div class="detailed-status__action-bar"><button title="回复">回复</button><button title="转嘟">转嘟</button><button title="喜欢">喜欢</button><button title="收藏">收藏</button></div></div>
{"".join(f'<article><div class="status status-reply"><div class="status__info"><a class="status__relative-time"><time datetime="2024-08-26T1{i % 10}:00:00.000Z">8月26日</time></a><a class="status__display-name"><strong class="display-name__html">{n}</strong></a></div><div class="status__content"><div class="status__content__text"><p>{c}</p></div></div><div class="status__action-bar"><button>回复</button><button>转嘟</button><button>喜欢</button></div></div></article>' for i, (n, c) in enumerate(COMMENTS))}
</div></div></div>
<div class="drawer"><div class="server-banner"><p>长毛象中文站是一个中文为主的 Mastodon 实例。</p></div><a>登录</a><a>创建账户</a></div></div>"""))


if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
