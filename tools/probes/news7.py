"""News layouts of portals no earlier probe wrote (sina, 163, xinhua, guancha, gmw, bjnews, chinadaily's
Chinese site, southcn, cyol, yicai), each with the lines its template sets in and around the story:
keywords, feedback links, editor lines in brackets, an exclusive-story notice, a 校对 credit, an
app prompt inside the story.  Gold: the headline and the story's paragraphs."""
import sys

from harness import check
from news1 import PS, RELATED, TITLE, page, ps

EXPECTED = EXP = "\n".join([TITLE] + PS)
L = {}
L["sina"] = ("https://news.sina.com.cn/c/2024-08-26/doc-inckxyz1234567.shtml", page(f"{TITLE}|城关区|教育局_新浪新闻", f"""
<div class="top-nav"><a>新浪首页</a><a>新闻</a><a>体育</a><a>财经</a><a>娱乐</a><a>科技</a><a>登录</a></div>
<div class="main-content w1240"><h1 class="main-title">{TITLE}</h1>
<div class="top-bar-wrap"><div class="date-source"><span class="date">2024年08月26日 18:30</span><a class="source">城关教育</a></div><div class="top-bar-inner"><span>评论</span><span>大 中 小</span></div></div>
<div class="article-content clearfix"><div class="article-content-left"><div class="article" id="article">
<div class="img_wrapper"><img src="/img/1.jpg"><span class="img_descr">会议现场</span></div>
{ps()}
<p class="show_author">责任编辑：李华</p></div>
<div class="keywords" id="keywords"><i>文章关键词：</i><a>城关区</a><a>教育局</a><a>开学</a></div>
<div class="article-bottom"><a>我要反馈</a><div class="app-kaihu-qr"><span>新浪新闻客户端</span><span>扫码下载</span></div></div>
<div class="blk-related"><h2>相关新闻</h2><ul>{RELATED}</ul></div></div></div></div>
<div class="footer">新浪简介 | About Sina | 广告服务 | 联系我们 | Copyright © 1996-2024 SINA Corporation</div>"""))

L["163"] = ("https://www.163.com/news/article/J9ABCDEF0001899O.html", page(f"{TITLE}_网易订阅", f"""
<div class="ntes_nav_wrap"><a>网易首页</a><a>新闻</a><a>体育</a><a>娱乐</a><a>财经</a><a>登录</a></div>
<div class="post_main"><h1 class="post_title">{TITLE}</h1><div class="post_info">2024-08-26 18:30:12　来源: <a>城关教育</a></div>
<div class="post_body">{ps()}
<p class="f_center"><img src="/img/2.jpg"><br></p>
<div class="post_author">本文来源：城关教育 <img src="/img/ne.png">　责任编辑： 王明_NF1234</div></div>
<div class="post_statement">特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</div>
<div class="post_recommends"><h3>相关推荐</h3><ul>{RELATED}</ul></div></div>
<div class="N-nav-bottom">©1997-2024 网易公司版权所有 About NetEase | 公司简介 | 联系方法</div>"""))

L["xinhua"] = ("http://www.news.cn/local/2024-08/26/c_1130123456.htm", page(f"{TITLE}-新华网", f"""
<div class="header"><a>新华网</a><a>首页</a><a>时政</a><a>地方</a><a>教育</a></div>
<div class="header-cont"><div class="head-line"><h1><span class="title">{TITLE}</span></h1></div>
<div class="header-time"><span class="year"><em>2024</em></span><span class="day"><em>08</em>/<em>26</em></span><span class="time">18:30:12</span></div><div class="source">来源：新华网</div></div>
<div class="main"><div id="detail"><span id="detailContent">{ps()}</span></div>
<div class="editor">【责任编辑:张三】</div><div class="fenxiang"><span>分享到：</span><a>【纠错】</a></div>
<div class="nextpage"><h3>相关稿件</h3><ul>{RELATED}</ul></div></div>
<div class="foot">Copyright © 2000-2024 XINHUANET.com　All Rights Reserved.</div>"""))

L["guancha"] = ("https://www.guancha.cn/politics/2024_08_26_745678.shtml", page(f"{TITLE}", f"""
<div class="header"><a>观察者网</a><a>首页</a><a>时评</a><a>国际</a><a>中国</a><a>登录</a></div>
<div class="content"><div class="left-main"><h3>{TITLE}</h3><div class="time fix"><span>2024-08-26 18:30:12</span><span>来源：观察者网</span><span>作者：李明</span></div>
<div class="content all-txt">{ps()}
<p>本文系观察者网独家稿件，未经授权，不得转载。</p></div>
<div class="editor-intro">责任编辑：张三</div><div class="share-box"><a>分享到</a><a>微信</a><a>微博</a></div>
<div class="module-news"><h4>相关新闻</h4><ul>{RELATED}</ul></div></div></div>
<div class="footer">观察者网 版权所有 沪ICP备10213822号</div>"""))

L["gmw"] = ("https://edu.gmw.cn/2024-08/26/content_37523456.htm", page(f"{TITLE}_光明网", f"""
<div class="g-topnav"><a>光明网</a><a>首页</a><a>教育</a></div><div class="m-breadcrumb"><a>首页</a>&gt;<a>教育频道</a>&gt;<a>教育要闻</a></div>
<div class="m-title-box"><h1 class="u-title">{TITLE}</h1><div class="m-con-info"><span class="m-con-time">2024-08-26 18:30</span><span class="m-con-source">来源：<a>光明网</a></span></div></div>
<div class="u-mainText">{ps()}</div>
<div class="m-zbTool liability"><span class="liability">[ 责编：张三 ]</span></div>
<div class="m-relnews"><h3>阅读剩余全文（）</h3><ul>{RELATED}</ul></div>
<div class="g-footer">光明网版权所有</div>"""))

L["bjnews"] = ("https://www.bjnews.com.cn/detail/1724667012345678.html", page(f"{TITLE}", f"""
<div class="nav"><a>新京报</a><a>首页</a><a>时事</a><a>教育</a><a>下载客户端</a></div>
<div class="bodyTitle"><div class="title">{TITLE}</div><div class="ntimeBox"><span class="timer">2024-08-26 18:30</span><span class="reporter">新京报记者 李明</span></div></div>
<div class="articleCenter"><div id="contentStr" class="content">{ps()}
<p>编辑 张三 校对 李四</p></div></div>
<div class="relatedNews"><h3>相关阅读</h3><ul>{RELATED}</ul></div>
<div class="footer">新京报社版权所有 京ICP备12345678号</div>"""))

L["chinadaily"] = ("https://cn.chinadaily.com.cn/a/202408/26/WS66cc1234a310123456789abc.html", page(f"{TITLE} - 中国日报网", f"""
<div class="topNav"><a>中国日报网</a><a>首页</a><a>资讯</a><a>双语</a></div>
<div class="main_art"><div class="da-bre"><a>首页</a>&gt;<a>资讯</a>&gt;<a>社会</a></div><h1 class="dabiaoti">{TITLE}</h1>
<div class="fenx"><div class="xinf-le">来源：<a>城关教育</a>　2024-08-26 18:30</div><div class="xinf-ri">分享到</div></div>
<div id="Content" class="article">{ps()}
<p>【责任编辑：张三】</p></div>
<div class="selectpage"></div><div class="ye_p"><p>中国日报网版权说明：凡注明来源为“中国日报网：XXX（署名）”，除与中国日报网签署内容授权协议的网站外，其他任何网站或单位未经允许禁止转载、使用，违者必究。</p></div>
<div class="dibu-tuijian"><h3>相关文章</h3><ul>{RELATED}</ul></div></div>"""))

L["southcn"] = ("https://static.nfapp.southcn.com/content/202408/26/c9123456.html", page(f"{TITLE}_南方+_南方plus", f"""
<div class="header"><a>南方+</a><a>首页</a><a>下载客户端</a></div>
<div class="main"><h1 class="article-title">{TITLE}</h1><div class="article-info"><span>南方+</span><span>2024-08-26 18:30</span></div>
<div class="article-content" id="content">{ps()}</div>
<div class="article-meta"><p>【作者】 李明</p><p>【来源】 南方报业传媒集团南方+客户端</p><p>【编辑】 张三</p></div>
<div class="download-app"><p>打开南方+客户端，看更多精彩内容</p></div></div>"""))

L["cyol"] = ("http://news.cyol.com/gb/articles/2024-08/26/content_AbCdEf.html", page(f"{TITLE}_中青在线", f"""
<div class="top"><a>中青在线</a><a>首页</a><a>教育</a><a>青年</a></div>
<div class="main"><div class="detail-title"><h1>{TITLE}</h1></div><div class="detail-info"><span>来源：中国青年报客户端</span><span>2024-08-26 18:30</span></div>
<div class="article_text" id="detail">{ps()}</div>
<div class="detail-editor"><p>责任编辑：张三</p></div>
<div class="tuijian"><h4>推荐阅读</h4><ul>{RELATED}</ul></div></div>
<div class="foot">中国青年报社 版权所有 京ICP备10012345号</div>"""))

L["yicai"] = ("https://www.yicai.com/news/102234567.html", page(f"{TITLE}", f"""
<div class="m-header"><a>第一财经</a><a>首页</a><a>新闻</a><a>视听</a><a>数据</a><a>下载APP</a></div>
<div class="m-wrapper"><div class="title f-pr"><h1>{TITLE}</h1><p><em>李明</em><em>2024-08-26 18:30:12</em></p></div>
<div class="intro">今年暑期全区投入2860万元完成23所学校校舍维修，秋季学期预计新增中小学生1800余人。</div>
<div class="m-txt">{ps()}
<p class="f-tar">编辑：张三</p></div>
<div class="m-detailtxt"><p>举报</p></div><div class="m-list"><h3>文章作者</h3><div>李明</div><h3>相关阅读</h3><ul>{RELATED}</ul></div></div>"""))

if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
