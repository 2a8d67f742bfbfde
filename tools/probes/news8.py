"""Self-media platforms' article pages (自媒体号): 百家号, 今日头条, 网易号, 搜狐号, 知乎专栏, bilibili
专栏, 豆瓣日记, 微博头条文章.  Around the story: an author card (name, badge, follower counts, a 关注
button), a line of time, place and account type, a platform's statement (内容由作者提供，不代表本平台
观点), read and like counts, an app prompt, 举报, a 展开全文 fold, related stories.  Gold: the title
and the story's paragraphs."""
import sys

from harness import check
from news1 import PS, RELATED, TITLE, page

P = "".join(f"<p>{p}</p>" for p in PS)
EXPECTED = EXP = "\n".join([TITLE] + PS)
L = {}
L["baijiahao"] = ("https://baijiahao.baidu.com/s?id=1808123456789012345", page(f"{TITLE}", f"""
<div class="header"><a>百度首页</a><a>登录</a></div>
<div id="ssr-content"><div class="_2y3nQ"><div class="sKHSJ"><div class="_18p7x"><span class="_1MhmF">{TITLE}</span></div>
<div class="_2gGWi"><div class="_1Ayb9"><a class="_2gGWi-author"><p class="_7y5nA">城关融媒</p></a><div class="_2kCxD"><span class="_2sjh9">2024-08-26 18:30</span><span class="_2sjh9">广东</span><span>城关区融媒体中心官方账号</span></div></div><div class="_3Ej1E">关注</div></div>
<div class="_18p7x" data-testid="article"><div class="dpu8C _2kCxD"><div class="_3ygOc">{P}</div></div></div>
<div class="_1J9tT"><p>举报/反馈</p></div>
<div class="_2DU7v"><p>声明：本文内容由作者提供，不代表百家号立场。</p></div></div>
<div class="_3A5EK"><div class="_2Xqb6">打开百度APP阅读更多精彩内容</div></div>
<div class="_1b4GO"><h3>相关推荐</h3><ul>{RELATED}</ul></div></div></div>"""))

L["toutiao"] = ("https://www.toutiao.com/article/7406123456789012345/", page(f"{TITLE} - 今日头条", f"""
<div class="toutiao-header"><a>首页</a><a>下载头条APP</a><a>登录</a></div>
<div class="main-content"><div class="article-content"><h1>{TITLE}</h1>
<div class="article-meta"><span>2024-08-26 18:30</span><span class="dot">·</span><span class="name"><a>城关融媒</a></span><span>原创</span></div>
<article class="syl-article-base tt-article-content syl-page-article syl-device-pc">{P}</article>
<div class="article-tip">本文为城关融媒原创，未经授权不得转载</div></div>
<div class="detail-side-interaction"><div class="detail-interaction-like"><span>赞</span><span>23</span></div><div class="detail-interaction-comment"><span>评论</span><span>5</span></div><div>收藏</div><div>分享</div></div>
<div class="ttp-comment-wrapper"><div class="title">评论 5</div><div class="comment-list"><div class="comment-item"><a>网友甲</a><p>安全工作做得扎实，点赞！</p><span>2小时前</span></div></div></div>
<div class="right-sidebar"><div class="user-card"><a>城关融媒</a><div>粉丝 2.3万</div><button>关注</button></div><div class="hot-news"><h3>头条热榜</h3><ol>{RELATED}</ol></div></div></div>"""))

L["163dy"] = ("https://www.163.com/dy/article/JA1B2C3D0512ABCD.html", page(f"{TITLE}|校园|开学_网易订阅", f"""
<div class="N-nav-channel"><a>网易首页</a><a>新闻</a><a>体育</a><a>娱乐</a><a>财经</a><a>汽车</a><a>科技</a><a>时尚</a><a>手机</a><a>数码</a></div>
<div class="container"><div class="post_main"><h1 class="post_title">{TITLE}</h1>
<div class="post_info">2024-08-26 18:30:12　来源: <a>城关融媒</a> <img> 广东 <a class="post_jubao">举报</a></div>
<div class="post_body">{P}</div>
<div class="post_statement"><p class="statement-title">特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</p><p class="statement-en">Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.</p></div>
<div class="post_comment"><div class="tie-titlebar">跟贴 <span>12</span></div><div class="tie-input"><textarea>文明上网，理性发言</textarea></div></div></div>
<div class="post_side"><div class="post_side_mod"><h4>热点新闻</h4><ul>{RELATED}</ul></div></div></div>"""))

L["sohuhao"] = ("https://www.sohu.com/a/803123456_121123456", page(f"{TITLE}_工作_学校_会议", f"""
<header id="main-header"><a>搜狐首页</a><a>新闻</a><a>体育</a><a>汽车</a><a>房产</a><a>旅游</a><a>教育</a><a>时尚</a><a>科技</a><a>财经</a><a>娱乐</a><a>更多</a></header>
<div class="left main"><div class="user-info" id="user-info"><div class="user-pic"><img></div><h4><a>城关融媒</a></h4><ul class="user-more"><li>文章<span>1,234</span></li><li>总阅读<span>56.7万</span></li></ul><a class="follow">+关注</a></div></div>
<div class="article-page"><div class="text"><div class="text-title"><h1>{TITLE}<span class="article-tag"></span></h1><div class="article-info"><span class="time">2024-08-26 18:30</span><span>发布于：广东省</span></div></div>
<article class="article" id="mp-editor">{P}<p data-role="editor-name">责任编辑：<span></span></p></article>
<div id="articleTransfer"><a>返回搜狐，查看更多</a></div>
<div class="statement">平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。</div>
<div class="article-oper"><span class="read-num">阅读 (<em>1234</em>)</span><a>投诉</a></div></div></div>
<div id="groomRead"><h3>推荐阅读</h3><ul>{RELATED}</ul></div>"""))

L["zhuanlan"] = ("https://zhuanlan.zhihu.com/p/716123456", page(f"{TITLE} - 知乎", f"""
<header class="ColumnPageHeader"><a>知乎</a><a>首发于</a><a>城关教育观察</a><button>写文章</button><a>登录/注册</a></header>
<main class="App-main"><div class="Post-content"><article class="Post-Main Post-NormalMain"><header class="Post-Header"><h1 class="Post-Title">{TITLE}</h1>
<div class="Post-Author"><div class="AuthorInfo"><a class="UserLink-link">城关融媒</a><div class="AuthorInfo-badgeText">城关区融媒体中心官方账号</div></div><button>关注</button></div>
<div><span>12 人赞同了该文章</span></div></header>
<div class="Post-RichTextContainer"><div class="css-1yuhvjn"><div class="RichText ztext Post-RichText">{P}</div></div></div>
<div class="ContentItem-time">发布于 2024-08-26 18:30・IP 属地广东</div>
<div class="Post-topicsAndReviewer"><div class="TopicList"><a>教育</a><a>开学</a></div></div>
<div class="ContentItem-actions"><button>赞同 12</button><button>3 条评论</button><button>分享</button><button>喜欢</button><button>收藏</button><button>申请转载</button></div></article>
<div class="Post-Sub Post-NormalSub"><div class="PostIndex-Contributions"><h3>文章被以下专栏收录</h3><a>城关教育观察</a><div>记录城关区教育的点点滴滴</div></div>
<div class="Recommendations-Main"><h3>推荐阅读</h3>{"".join(f"<a class='PostItem'><h4>新学期第{i}课：做好安全教育</h4><p>开学第一课，安全教育是重中之重，各校结合实际开展了形式多样的安全教育活动……</p></a>" for i in range(1, 4))}</div></div></div></main>"""))

L["bilibili"] = ("https://www.bilibili.com/read/cv37123456/", page(f"{TITLE} - 哔哩哔哩", f"""
<div class="bili-header"><a>首页</a><a>番剧</a><a>直播</a><a>游戏中心</a><a>会员购</a><a>漫画</a><a>赛事</a><a>下载客户端</a><a>登录</a></div>
<div class="article-container"><div class="article-holder"><div class="title-container"><h1 class="title">{TITLE}</h1>
<div class="article-data"><span class="category-link">专栏 / 校园学习</span><span class="publish-text">2024年08月26日 18:30</span><span>1234阅读</span><span>·</span><span>23喜欢</span><span>·</span><span>5评论</span></div>
<div class="up-info"><a class="up-name">城关融媒</a><span class="fans-num">粉丝：2345</span><span class="article-num">文章：123</span><button>关注</button></div></div>
<div id="read-article-holder" class="normal-article-holder read-article-holder">{P}</div>
<div class="article-footer"><p class="original">本文为我原创</p><div class="tag-list"><a>教育</a><a>开学</a></div><div class="copyright">本文禁止转载或摘编</div></div>
<div class="comment-holder"><div class="comment-header">评论 5</div><div class="reply-list"><div class="reply-item"><a>用户甲</a><p>学习了，感谢分享！</p><span>2024-08-27 09:12</span></div></div></div></div>
<div class="right-side-bar"><div class="more-article"><h3>相关推荐</h3><ul>{RELATED}</ul></div></div></div>"""))

L["douban_note"] = ("https://www.douban.com/note/861234567/", page(f"{TITLE}", f"""
<div id="db-global-nav"><a>豆瓣</a><a>读书</a><a>电影</a><a>音乐</a><a>同城</a><a>小组</a><a>阅读</a><a>FM</a><a>时间</a><a>豆品</a><a>登录/注册</a></div>
<div id="wrapper"><div id="content"><div class="article"><div class="note-container"><div class="note-header note-header-container"><h1>{TITLE}</h1>
<div><a class="note-author">城关老李</a><span class="pub-date">2024-08-26 18:30:12</span><span class="location">广东</span></div></div>
<div id="link-report" class="note"><div class="note" id="note_861234567_full">{P}</div></div>
<div class="note-footer"><div class="report"><a>投诉</a></div><div class="note-copyright">© 本文版权归作者 城关老李 所有，任何形式转载请联系作者。</div></div>
<div class="sns-bar"><a>回应</a><a>推荐</a><a>喜欢</a><a>收藏</a><span>3人喜欢</span><span>2人推荐</span></div></div>
<div id="comments" class="comment-list"><div class="comment-item"><span class="author">网友乙</span><span class="pubtime">2024-08-27 08:20:11</span><p>写得真好，学校的安全工作就是要这样抓。</p></div></div></div>
<div class="aside"><div class="mod"><h2>城关老李的日记 · · · · · · ( 全部 )</h2><ul>{RELATED}</ul></div></div></div></div>"""))

L["weibo_article"] = ("https://weibo.com/ttarticle/p/show?id=2309405071234567890123", page(f"{TITLE}", f"""
<div class="WB_global_nav"><a>微博</a><a>首页</a><a>视频</a><a>发现</a><a>游戏</a><a>注册</a><a>登录</a></div>
<div class="WB_artical"><div class="main_editor"><div class="title" node-type="articleTitle">{TITLE}</div>
<div class="art_info"><span class="author"><a>城关融媒</a></span><span class="time">2024-08-26 18:30</span><span>阅读数：1.2万</span></div>
<div class="WB_editor_iframe_new" node-type="contentBody">{P}</div>
<div class="DCI_v2"><p>举报</p></div></div>
<div class="artical_add_box"><div class="WB_feed_handle"><a>收藏</a><a>转发 12</a><a>评论 5</a><a>赞 23</a></div></div>
<div class="WB_card_user"><a>城关融媒</a><p>城关区融媒体中心官方微博</p><span>关注 123</span><span>粉丝 2.3万</span><span>微博 5678</span><button>+关注</button></div></div>"""))


if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
