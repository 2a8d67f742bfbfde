"""News portals' mobile pages (m.sohu, 3g.163, k.sina, m.ifeng, xw.qq, m.thepaper): an app bar
over the story (打开APP, 阅读体验更佳), the story folded under 展开全文 (its rest in the page, hidden by
a height or a class), an app prompt inside it, a feed of recommended stories with excerpts and
pictures below, hot comments.  Gold: the title and the story's paragraphs, all of them (the fold
hides them from the eye, not from the page)."""
import sys

from harness import check
from news1 import PS, TITLE, page

EXPECTED = EXP = "\n".join([TITLE] + PS)
P = "".join(f"<p>{p}</p>" for p in PS)
FEED = "".join(f"""<div class="feed-item"><a href="/a/{i}"><h3>全市第{i}批“双减”示范校名单公布，我区{i}所学校入选</h3>
<p class="abstract">近日，市教育局公布了第{i}批义务教育“双减”工作示范校名单，全市共有30所学校入选，我区有{i}所学校榜上有名。</p><img src="/i/{i}.jpg"></a><span>城关融媒 · {i}小时前</span></div>""" for i in range(1, 5))
L = {}
L["m_sohu"] = ("https://m.sohu.com/a/803123456_121123456", page(f"{TITLE}_手机搜狐网", f"""
<header class="top-bar"><a>搜狐</a><a class="open-app">打开搜狐新闻APP，阅读体验更佳</a></header>
<article class="article-box"><h1 class="title-info">{TITLE}</h1><div class="info"><span>城关融媒</span><span>2024-08-26 18:30</span></div>
<div class="article-content-box" style="height: 620px; overflow: hidden;"><div class="display-content">{P}</div></div>
<div class="lookall-box"><div class="lookall"><span>展开全文</span></div></div>
<div class="statement">本文来自搜狐号，仅代表作者观点</div></article>
<div class="hot-comment"><h3>热门评论</h3><div class="comment-item"><span>网友甲</span><p>学校安全无小事，支持！</p></div></div>
<div class="recommend"><h3>猜你喜欢</h3>{FEED}</div><div class="open-app-bottom">打开APP 查看更多精彩资讯</div>"""))

L["3g_163"] = ("https://c.m.163.com/news/a/JA1B2C3D0512ABCD.html", page(f"{TITLE}|网易", f"""
<div class="js-topbar topbar"><a class="logo">网易新闻</a><a class="js-open-newsapp">打开</a></div>
<div class="js-article article"><div class="article-header"><h1 class="title">{TITLE}</h1><div class="info"><span class="source">城关融媒</span><span class="time">2024-08-26 18:30</span></div></div>
<div class="article-body js-article-body">{"".join(f"<p>{p}</p>" for p in PS[:3])}<div class="js-fold article-fold hidden">{"".join(f"<p>{p}</p>" for p in PS[3:])}</div></div>
<div class="js-fold-btn fold-btn"><span>展开剩余</span><em>70%</em></div>
<div class="footer-open-app">打开网易新闻，查看更多精彩图片</div></div>
<div class="js-recommend recommend"><div class="hd">相关推荐</div>{FEED}</div>"""))

L["k_sina"] = ("https://k.sina.cn/article_1234567890_4a5b6c7d00101abcd.html", page(f"{TITLE}|教育|开学_新浪新闻", f"""
<header class="sinaHead"><a>新浪新闻</a><a class="callApp">打开客户端，体验更佳</a></header>
<section class="s_card z_c1"><h1 class="art_tit_h1">{TITLE}</h1><div class="art_box"><span class="art_time">2024-08-26 18:30:12</span><span class="art_cite">城关融媒</span></div>
<div class="art_main_card j_main_art" id="artibody">{"".join(f'<p class="art_p">{p}</p>' for p in PS[:2])}<div class="look_more_a"><a>打开新浪新闻 查看全文</a></div>{"".join(f'<p class="art_p">{p}</p>' for p in PS[2:])}</div>
<div class="art_tags"><a>#开学季#</a><a>#校园安全#</a></div><div class="cmt_box"><a>评论</a><a>分享</a></div></section>
<section class="s_card feed_card"><h2>热门推荐</h2>{FEED}</section>"""))

L["m_ifeng"] = ("https://i.ifeng.com/c/8ZxA1b2C3d4", page(f"{TITLE}_凤凰网", f"""
<div class="header-box"><a>凤凰新闻</a><a class="app-btn">打开凤凰新闻，阅读体验更佳</a></div>
<div class="article-wrap"><h1 class="art-title">{TITLE}</h1><p class="art-info"><span>城关融媒</span><span>2024/08/26 18:30</span></p>
<div class="art-text" id="artText">{P}</div>
<div class="more-wrap"><p>打开凤凰新闻，查看更多高清图片</p></div>
<div class="share-box"><span>微信</span><span>朋友圈</span><span>QQ</span><span>微博</span></div></div>
<div class="news-stream"><div class="stream-title">为你推荐</div>{FEED}</div>"""))

L["xw_qq"] = ("https://xw.qq.com/cmsid/20240826A01ABC00", page(f"{TITLE}_腾讯新闻", f"""
<div class="tm-header"><a>腾讯新闻</a><a class="tm-open">打开</a></div>
<div id="root"><div class="article"><div class="article-title"><h1>{TITLE}</h1></div><div class="article-meta"><span class="author">城关融媒</span><span class="time">08-26 18:30</span><span>发布于广东</span></div>
<div class="article-content" data-role="content">{P}</div>
<div class="article-unfold"><a>打开腾讯新闻APP，查看完整内容</a></div></div>
<div class="comment-card"><div class="comment-title">精彩评论</div><div class="comment"><span>用户乙</span><p>为城关区教育点赞。</p><span>3小时前</span></div></div>
<div class="recommend-list"><div class="list-title">更多精彩</div>{FEED}</div></div>"""))

L["m_thepaper"] = ("https://m.thepaper.cn/newsDetail_forward_28541234", page(f"{TITLE}_澎湃号·政务_澎湃新闻-The Paper", f"""
<div class="header_header__m"><a>澎湃新闻</a><a class="openApp">App内打开</a></div>
<div class="detail_news__m"><h1 class="title__m">{TITLE}</h1><div class="author__m"><span>城关融媒</span></div><div class="time__m"><span>2024-08-26 18:30</span><span>来源：澎湃新闻·澎湃号·政务</span></div>
<div class="cententWrap__m">{P}</div>
<div class="statement__m">本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场，澎湃新闻仅提供信息发布平台。申请澎湃号请用电脑访问http://renzheng.thepaper.cn。</div>
<div class="openAppBtn__m">打开澎湃新闻，查看更多评论</div></div>
<div class="relatedNews__m"><h3>相关推荐</h3>{FEED}</div>"""))


if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
