"""Personal blogs on static-site and self-hosted engines (many Chinese personal blogs run them):
Hexo NexT, Hexo Butterfly, Hugo PaperMod, Typecho, Halo.  Around a post: a meta row (发表于,
分类于, 阅读次数, 字数统计, 阅读时长), a table of contents (文章目录) beside or above it, a
licence box after it (本文作者 / 本文链接 / 版权声明 … BY-NC-SA), tags (# 教育), a 赞赏 button,
previous/next titles, a comment box (Valine, Waline, Twikoo: 昵称 邮箱 网址, 来发评论吧~).
Gold: the title and the post's headings and paragraphs."""
import sys

from harness import check
from news1 import page

TITLE = "新学期班主任工作的三点体会"
PARTS = [("一、先立规矩，再谈感情", ["开学第一周，我和学生一起商量定下了班级公约，从作业上交、课堂纪律到值日安排，每一条都写清楚，贴在教室后墙上。",
                             "规矩立得早，后面的工作就顺了。学生知道边界在哪里，我也不用每天为小事发火。"]),
         ("二、多和家长沟通", ["我每周五晚上在家长群里发一次班级小结，讲讲这一周的学习情况和下周的安排，家长们反映很好。",
                        "遇到个别学生的问题，我都是单独打电话，从不在群里点名批评。"]),
         ("三、照顾好自己", ["班主任工作琐碎，容易疲惫。我给自己定了规矩：晚上九点以后不看工作消息，周末至少留出半天陪家人。"])]
EXPECTED = EXP = "\n".join([TITLE] + [x for head, ps in PARTS for x in (head, *ps)])
BODY = "".join(f"<h2 id='h{i}'>{head}</h2>" + "".join(f"<p>{p}</p>" for p in ps) for i, (head, ps) in enumerate(PARTS, 1))
TOC = "".join(f"<li class='toc-item'><a class='toc-link' href='#h{i}'><span class='toc-number'>{i}.</span> <span class='toc-text'>{head}</span></a></li>" for i, (head, _) in enumerate(PARTS, 1))
LICENCE = ("<ul class='post-copyright'><li><strong>本文作者： </strong>老李</li><li><strong>本文链接：</strong><a>https://laoli.example.cn/2024/09/01/banzhuren/</a></li>"
           "<li><strong>版权声明： </strong>本博客所有文章除特别声明外，均采用 <a>BY-NC-SA</a> 许可协议。转载请注明出处！</li></ul>")
COMMENTS = ("<div class='comments'><div class='vwrap'><input placeholder='昵称'><input placeholder='邮箱'><input placeholder='网址(http://)'>"
            "<textarea placeholder='来发评论吧~'></textarea><button>提交</button></div><div class='vcount'>2 评论</div>"
            "<div class='vcard'><span class='vnick'>小王老师</span><span class='vtime'>2024-09-02</span><p>写得真好，第二点特别有同感。</p></div>"
            "<div class='vpower'>Powered By Valine v1.5.1</div></div>")

L = {}
L["hexo_next"] = ("https://laoli.example.cn/2024/09/01/banzhuren/", page(f"{TITLE} | 老李的教育随笔", f"""
<header class="header"><div class="site-brand-container"><a class="brand"><h1 class="site-title">老李的教育随笔</h1></a><p class="site-subtitle">记录教育路上的点点滴滴</p></div>
<nav class="site-nav"><ul><li><a>首页</a></li><li><a>标签</a></li><li><a>分类</a></li><li><a>归档</a></li><li><a>关于</a></li><li><a>搜索</a></li></ul></nav></header>
<main class="main"><div class="content-wrap"><div class="content post posts-expand"><article class="post-block"><header class="post-header"><h1 class="post-title">{TITLE}</h1>
<div class="post-meta"><span class="post-meta-item"><span class="post-meta-item-text">发表于</span> <time>2024-09-01</time></span><span class="post-meta-item"><span class="post-meta-item-text">分类于</span> <a>班主任工作</a></span>
<span class="post-meta-item">阅读次数： <span id="busuanzi_value_page_pv">128</span></span><span class="post-meta-item"><span class="post-meta-item-text">本文字数：</span> <span>1.2k</span></span><span class="post-meta-item"><span class="post-meta-item-text">阅读时长 &asymp;</span> <span>2 分钟</span></span></div></header>
<div class="post-body" itemprop="articleBody">{BODY}</div>
<div class="reward-container"><div>请我喝杯咖啡吧~</div><button>赞赏</button></div>
<div>{LICENCE}</div>
<footer class="post-footer"><div class="post-tags"><a># 班主任</a><a># 家校沟通</a></div>
<div class="post-nav"><div class="post-nav-item"><a rel="prev">开学第一课怎么上</a></div><div class="post-nav-item"><a rel="next">期中家长会发言稿</a></div></div></footer></article></div>
{COMMENTS}</div>
<aside class="sidebar"><div class="sidebar-inner"><ul class="sidebar-nav"><li>文章目录</li><li>站点概览</li></ul><div class="post-toc"><ol class="nav">{TOC}</ol></div>
<div class="site-overview"><p class="site-author-name">老李</p><div class="site-state"><a>42 日志</a><a>6 分类</a><a>18 标签</a></div></div></div></aside></main>
<footer class="footer"><div class="copyright">&copy; 2019 – 2024 老李</div><div class="powered-by">由 Hexo &amp; NexT.Gemini 强力驱动</div></footer>"""))

L["butterfly"] = ("https://laoli.example.cn/posts/3a7f2c1b/", page(f"{TITLE} | 老李的教育随笔", f"""
<div id="sidebar"><div class="sidebar-site-data"><a>文章 42</a><a>标签 18</a><a>分类 6</a></div><div class="menus_items"><a>首页</a><a>归档</a><a>标签</a><a>分类</a><a>友链</a><a>关于</a></div></div>
<header class="post-bg" id="page-header"><nav id="nav"><span id="blog-info"><a>老李的教育随笔</a></span><div id="menus"><a>搜索</a><a>首页</a><a>归档</a></div></nav>
<div id="post-info"><h1 class="post-title">{TITLE}</h1><div id="post-meta"><div class="meta-firstline"><span class="post-meta-date">发表于 2024-09-01 | 更新于 2024-09-02</span><span class="post-meta-categories">| <a>班主任工作</a></span></div>
<div class="meta-secondline"><span class="post-meta-wordcount">字数总计: 1.2k | 阅读时长: 3分钟 |</span><span class="post-meta-pv-cv">阅读量: <span>128</span></span></div></div></div></header>
<main class="layout" id="content-inner"><div id="post"><article class="post-content" id="article-container">{BODY}</article>
<div class="post-copyright"><div class="post-copyright__author"><span class="post-copyright-meta">文章作者: </span><span class="post-copyright-info"><a>老李</a></span></div>
<div class="post-copyright__type"><span class="post-copyright-meta">文章链接: </span><span class="post-copyright-info"><a>https://laoli.example.cn/posts/3a7f2c1b/</a></span></div>
<div class="post-copyright__notice"><span class="post-copyright-meta">版权声明: </span><span class="post-copyright-info">本博客所有文章除特别声明外，均采用 <a>CC BY-NC-SA 4.0</a> 许可协议。转载请注明来自 <a>老李的教育随笔</a>！</span></div></div>
<div class="tag_share"><div class="post-meta__tag-list"><a>班主任</a><a>家校沟通</a></div><div class="post_share">分享</div></div>
<div class="post-reward"><div class="reward-button">打赏</div></div>
<nav class="pagination-post" id="pagination"><div class="prev-post"><div class="label">上一篇</div><div class="prev_info">开学第一课怎么上</div></div><div class="next-post"><div class="label">下一篇</div><div class="next_info">期中家长会发言稿</div></div></nav>
<div class="relatedPosts"><div class="headline"><span>相关推荐</span></div><div class="relatedPosts-list"><a><div class="content"><div class="date">2024-08-20</div><div class="title">班主任如何开好第一次班会</div></div></a></div></div>
<hr><div id="post-comment"><div class="comment-head"><span>评论</span></div>{COMMENTS}</div></div>
<div class="aside-content" id="aside-content"><div class="card-widget card-info"><div class="author-info__name">老李</div><div class="author-info__description">记录教育路上的点点滴滴</div></div>
<div class="sticky_layout"><div class="card-widget" id="card-toc"><div class="item-headline"><span>目录</span></div><div class="toc-content"><ol class="toc">{TOC}</ol></div></div></div></div></main>
<footer id="footer"><div id="footer-wrap"><div class="copyright">&copy;2019 - 2024 By 老李</div><div class="framework-info"><span>框架 </span><a>Hexo</a><span class="footer-separator">|</span><span>主题 </span><a>Butterfly</a></div></div></footer>"""))

L["hugo_papermod"] = ("https://laoli.example.cn/posts/banzhuren/", page(f"{TITLE} | 老李的教育随笔", f"""
<header class="header"><nav class="nav"><div class="logo"><a>老李的教育随笔</a></div><ul id="menu"><li><a>归档</a></li><li><a>搜索</a></li><li><a>标签</a></li><li><a>关于</a></li></ul></nav></header>
<main class="main"><article class="post-single"><header class="post-header"><div class="breadcrumbs"><a>主页</a>&nbsp;»&nbsp;<a>Posts</a></div>
<h1 class="post-title entry-hint-parent">{TITLE}</h1><div class="post-meta"><span title="2024-09-01 20:11:00 +0800 CST">2024-09-01</span>&nbsp;·&nbsp;2 分钟&nbsp;·&nbsp;1200 字&nbsp;·&nbsp;老李</div></header>
<div class="toc"><details open><summary><span class="details">目录</span></summary><div class="inner"><ul>{"".join(f"<li><a href='#h{i}'>{head}</a></li>" for i, (head, _) in enumerate(PARTS, 1))}</ul></div></details></div>
<div class="post-content">{BODY}</div>
<footer class="post-footer"><ul class="post-tags"><li><a>班主任</a></li><li><a>家校沟通</a></li></ul>
<nav class="paginav"><a class="prev"><span class="title">« 上一页</span><br><span>期中家长会发言稿</span></a><a class="next"><span class="title">下一页 »</span><br><span>开学第一课怎么上</span></a></nav>
<div class="share-buttons"><a aria-label="share on x">分享到 X</a><a>分享到微信</a></div></footer></article></main>
<footer class="footer"><span>&copy; 2024 <a>老李的教育随笔</a></span> · <span>Powered by <a>Hugo</a> &amp; <a>PaperMod</a></span></footer>"""))

L["typecho"] = ("https://laoli.example.cn/archives/128/", page(f"{TITLE} - 老李的教育随笔", f"""
<header id="header"><div class="site-name"><a>老李的教育随笔</a><p class="description">记录教育路上的点点滴滴</p></div><nav id="nav-menu"><a>首页</a><a>关于</a><a>留言板</a></nav><form id="search"><input placeholder="输入关键字搜索"></form></header>
<div id="body"><div class="col-mb-12 col-8" id="main"><article class="post"><h1 class="post-title">{TITLE}</h1>
<ul class="post-meta"><li>作者: <a>老李</a></li><li>时间: <time>2024年09月01日</time></li><li>分类: <a>班主任工作</a></li></ul>
<div class="post-content">{BODY}
<div class="tt-license"><p>本文由 <a>老李</a> 创作，采用 <a>知识共享署名4.0</a> 国际许可协议进行许可</p><p>本站文章除注明转载/出处外，均为本站原创或翻译，转载前请务必署名</p><p>最后编辑时间为: 2024年09月02日</p></div></div>
<p class="tags">标签: <a>班主任</a>, <a>家校沟通</a></p></article>
<ul class="post-near"><li>上一篇: <a>开学第一课怎么上</a></li><li>下一篇: <a>期中家长会发言稿</a></li></ul>
<div id="comments"><h3>添加新评论</h3><form><input placeholder="称呼"><input placeholder="Email"><input placeholder="网站"><textarea></textarea><button>提交评论</button></form></div></div>
<div class="col-mb-12 col-offset-1 col-3" id="secondary"><section class="widget"><h3 class="widget-title">最新文章</h3><ul class="widget-list"><li><a>开学第一课怎么上</a></li><li><a>期中家长会发言稿</a></li></ul></section>
<section class="widget"><h3 class="widget-title">分类</h3><ul class="widget-list"><li><a>班主任工作</a></li><li><a>读书笔记</a></li></ul></section></div></div>
<footer id="footer">&copy; 2024 <a>老李的教育随笔</a>. 由 <a>Typecho</a> 强力驱动.</footer>"""))

L["halo"] = ("https://laoli.example.cn/archives/banzhuren", page(f"{TITLE} - 老李的教育随笔", f"""
<nav class="navbar"><a class="navbar-brand">老李的教育随笔</a><ul><li><a>首页</a></li><li><a>文章分类</a></li><li><a>日志</a></li><li><a>图库</a></li><li><a>关于我</a></li></ul></nav>
<div class="container"><div class="post-page"><div class="post-header"><h1 class="post-title">{TITLE}</h1><div class="post-info"><span>老李</span><span>2024-09-01</span><span>128 次访问</span><span>3 条评论</span><span>1.2k 字</span></div></div>
<div class="post-content markdown-body" id="lightgallery">{BODY}</div>
<div class="post-license"><p>本文链接：https://laoli.example.cn/archives/banzhuren</p><p>许可协议：署名-非商业性使用-相同方式共享 4.0 国际 (CC BY-NC-SA 4.0)</p></div>
<div class="post-tags"><span>#班主任</span><span>#家校沟通</span></div>
<div class="post-pager"><a>上一篇 开学第一课怎么上</a><a>下一篇 期中家长会发言稿</a></div>
<div class="comment"><halo-comment><div class="comment-editor"><input placeholder="* 昵称"><input placeholder="* 电子邮件"><input placeholder="个人站点"><textarea placeholder="撰写评论..."></textarea><button>评论</button></div></halo-comment></div></div>
<div class="sidebar"><div class="widget toc-widget"><h3>目录</h3><ul>{"".join(f"<li><a href='#h{i}'>{head}</a></li>" for i, (head, _) in enumerate(PARTS, 1))}</ul></div></div></div>
<footer><p>Copyright © 2024 老李的教育随笔</p><p>Powered by Halo</p></footer>"""))


if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
