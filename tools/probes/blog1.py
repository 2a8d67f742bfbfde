"""Blog and personal-library layouts (cnblogs, CSDN, jianshu, 360doc, sina blog, WordPress)."""
from harness import check
from news1 import page

TITLE = "谈谈新学期班主任工作的几点体会"
BP = [
 "开学已经两周了，作为一名有十年班龄的班主任，我想把这段时间的一些做法和体会记录下来，也算是对自己工作的一个梳理。",
 "第一，开学第一周最重要的是立规矩。我和学生一起讨论制定了班级公约，从作业上交、课间纪律到值日安排，每一条都让学生自己说出理由，这样执行起来阻力小得多。",
 "第二，要尽快认识每一个学生。我给自己定了一个目标，开学三天内叫出全班四十六名同学的名字，并利用课间和每个学生单独聊上几句，了解他们的兴趣和困难。",
 "第三，家校沟通要有温度。开学前我给每位家长发了一封信，介绍本学期的教学安排和班级管理思路，也请家长写下对孩子的期望，收回的四十多封回信让我对学生有了更全面的了解。",
 "当然，工作中也有不少困惑，比如如何兼顾成绩和兴趣，如何面对个别学生的厌学情绪，这些都需要在今后的工作中继续摸索。",
]
EXP = "\n".join([TITLE] + BP)
bps = "".join(f"<p>{p}</p>" for p in BP)
ALIST = lambda words: "".join(f"<li><a href='/p/{i}.html'>{w}</a></li>" for i, w in enumerate(words))
OTHER = ["班主任工作手记：如何开好第一次班会", "浅谈小学高年级学生的心理辅导", "新教师如何快速适应课堂教学", "我的教育故事：那个不爱说话的孩子", "期末复习方法指导（语文）"]
L = {}
L["cnblogs"] = ("https://www.cnblogs.com/teacherli/p/18371234.html", page(f"{TITLE} - 李老师的教育笔记 - 博客园", f"""
<div id="header"><h1><a id="Header1_HeaderTitle">李老师的教育笔记</a></h1><h2>记录教育路上的点点滴滴</h2></div>
<div id="navigator"><ul><li><a>博客园</a></li><li><a>首页</a></li><li><a>新随笔</a></li><li><a>联系</a></li><li><a>订阅</a></li><li><a>管理</a></li></ul><div class="blogStats">随笔 - 86&nbsp; 文章 - 0&nbsp; 评论 - 132&nbsp; 阅读 - 45678</div></div>
<div id="main"><div id="mainContent"><div class="forFlow"><div id="topics"><div class="post">
<h1 class="postTitle"><a id="cb_post_title_url" class="postTitle2">{TITLE}</a></h1>
<div class="clear"></div><div class="postBody"><div id="cnblogs_post_body" class="blogpost-body">{bps}</div>
<div id="MySignature"><p>作者：李老师</p><p>出处：https://www.cnblogs.com/teacherli/</p><p>本文版权归作者和博客园共有，欢迎转载，但未经作者同意必须保留此段声明，且在文章页面明显位置给出原文连接，否则保留追究法律责任的权利。</p></div>
<div id="blog_post_info"><div id="green_channel"><a>好文要顶</a><a>关注我</a><a>收藏该文</a><a>微信分享</a></div><div id="author_profile"><a>李老师</a><div>粉丝 - 23 关注 - 5</div></div><div id="div_digg"><div>0</div><div>0</div></div></div>
<div id="post_next_prev"><a class="p_n_p_prefix">« </a> 上一篇： <a>{OTHER[0]}</a><br><a class="p_n_p_prefix">» </a> 下一篇： <a>{OTHER[1]}</a></div></div>
<div class="postDesc">posted @ <span id="post-date">2024-09-08 21:15</span>&nbsp; <a>李老师</a>&nbsp; 阅读(<span>356</span>)&nbsp; 评论(<span>2</span>)&nbsp; <a>编辑</a>&nbsp; <a>收藏</a>&nbsp; <a>举报</a></div></div></div>
<div id="blog-comments-placeholder"><div class="feedback_area_title">评论列表</div><div class="feedbackItem"><div class="feedbackListSubtitle"><a>#1楼</a> <span class="comment_date">2024-09-09 08:12</span> <a>王老师</a></div><div class="feedbackCon"><div class="blog_comment_body">写得很实在，第二点特别认同，叫出学生的名字真的很重要。</div></div></div></div>
<div id="comment_form"><div>刷新评论</div><div>刷新页面</div><div>返回顶部</div><div>登录后才能查看或发表评论，立即 登录 或者 逛逛 博客园首页</div></div>
<div id="cnblogs_c1"><a>【推荐】编程新体验，更懂你的AI，立即体验豆包MarsCode编程助手</a><br><a>【推荐】凌霞软件回馈社区，博客园 & 1Panel & Halo 联合会员上线</a></div>
<div id="under_post_card1"><div class="itnews"><b>编辑推荐：</b><ul>{ALIST(OTHER)}</ul></div></div>
</div></div></div>
<div id="sideBar"><div id="profile_block">昵称：<a>李老师</a><br>园龄：<a>6年2个月</a><br>粉丝：<a>23</a><br>关注：<a>5</a></div><h3>随笔分类</h3><ul>{ALIST(["班主任工作(32)", "教学反思(28)", "读书笔记(26)"])}</ul><h3>阅读排行榜</h3><ol>{ALIST(OTHER)}</ol></div>
<div id="footer">Copyright © 2024 李老师<br>Powered by .NET 8.0 on Kubernetes</div>"""))

L["csdn"] = ("https://blog.csdn.net/teacher_li/article/details/141234567", page(f"{TITLE}_班主任工作体会-CSDN博客", f"""
<div id="csdn-toolbar"><ul><li><a>博客</a></li><li><a>下载</a></li><li><a>学习</a></li><li><a>社区</a></li><li><a>GitCode</a></li><li><a>InsCode</a></li></ul><input placeholder="搜索"><a>会员中心</a><a>消息</a><a>历史</a><a>创作中心</a><a>发布</a></div>
<div class="main_father"><main><div class="blog-content-box"><div class="article-header-box"><div class="article-header"><div class="article-title-box"><h1 class="title-article" id="articleContentId">{TITLE}</h1></div>
<div class="article-info-box"><div class="bar-content"><a class="follow-nickName">teacher_li</a><img><span class="time">于 2024-09-08 21:15:36 发布</span><span class="read-count">阅读量1.2k</span><a>收藏</a><span>12</span><a>点赞数</a><span>8</span></div>
<div class="blog-tags-box"><div class="tags-box artic-tag-box"><span class="label">文章标签：</span><a>班主任</a><a>教育</a></div></div>
<div class="slide-content-box"><div class="article-copyright"><div class="creativecommons">版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。</div><div class="article-source-link">本文链接：https://blog.csdn.net/teacher_li/article/details/141234567</div></div></div></div></div></div>
<article class="baidu_pl"><div id="article_content" class="article_content clearfix"><div id="content_views" class="htmledit_views">{bps}</div></div></article>
<div class="more-toolbox"><a>点赞</a><a>踩</a><a>收藏</a><a>觉得还不错? 一键收藏</a><a>评论</a><a>分享</a><a>复制链接</a><a>分享到 QQ</a><a>分享到新浪微博</a><a>扫一扫</a><a>举报</a></div>
<div class="recommend-box"><div class="recommend-item-box"><a><h3>{OTHER[0]}</h3></a><div class="desc">开好第一次班会是班主任工作的重要一环，本文从准备、流程和总结三个方面介绍了具体做法……</div></div>
<div class="recommend-item-box"><a><h3>{OTHER[2]}</h3></a><div class="desc">新教师走上讲台，常常会遇到课堂管理、教学设计等方面的困难，本文结合实例给出建议……</div></div></div>
<div class="template-box">最新推荐文章于 2024-10-12 10:20:00 发布</div></main>
<aside class="blog_container_aside"><div id="asideProfile"><a>teacher_li</a><dl><dt>原创</dt><dd>86</dd><dt>周排名</dt><dd>12万+</dd><dt>总排名</dt><dd>30万+</dd><dt>访问</dt><dd>4万+</dd></dl></div><div id="asideHotArticle"><h3>热门文章</h3><ul>{ALIST(OTHER)}</ul></div></aside></div>
<div class="blog-footer-bottom">关于我们 招贤纳士 商务合作 寻求报道 400-660-0108 kefu@csdn.net 在线客服 工作时间 8:30-22:00 公安备案号11010502030143 京ICP备19004658号 ©1999-2024北京创新乐知网络技术有限公司</div>"""))

L["jianshu"] = ("https://www.jianshu.com/p/3f8a9b1c2d4e", page(f"{TITLE} - 简书", f"""
<div class="_1Jdfvb"><nav><a>首页</a><a>下载APP</a><a>会员</a><a>IT技术</a><input placeholder="搜索"><a>登录</a><a>注册</a><a>写文章</a></nav></div>
<div class="_3VRLsv" role="main"><div class="_gp-ck"><section class="ouvJEz"><h1 class="_1RuRku">{TITLE}</h1>
<div class="rEsl9f"><div class="_2mYfmT"><a class="_1OhGeD">教书匠老李</a><button>关注</button></div><div class="s-dsoj"><span class="_3tCVn5"><i></i><span>0.123</span></span><time datetime="2024-09-08T13:15:36.000Z">2024.09.08 21:15:36</time><span>字数 612</span><span>阅读 345</span></div></div>
<article class="_2rhmJa">{bps}</article>
<div class="_19DgIp"></div><div class="_2JnHEr"><p>更多精彩内容，就在简书APP</p><img><p>"小礼物走一走，来简书关注我"</p><button>赞赏支持</button><span>还没有人赞赏，支持一下</span></div>
<div class="d0hShY"><a class="_1OhGeD">教书匠老李</a><p>总资产12共写了4.5W字获得86个赞共23个粉丝</p><button>关注</button></div></section>
<section class="ouvJEz"><div class="_10KzV0">推荐阅读</div>{"".join(f"<div class='_3Z3nHf'><a>{o}</a><p>阅读 {i}23</p></div>" for i, o in enumerate(OTHER))}</section></div>
<aside class="_2OwGUo"><section><h3>被以下专题收入，发现更多相似内容</h3><a>教育</a><a>班主任</a></section></aside></div>"""))

L["360doc"] = ("http://www.360doc.com/content/24/0908/21/12345678_1133456789.shtml", page(f"{TITLE}", f"""
<div class="header"><a>个人图书馆</a><a>首页</a><a>阅览室</a><a>馆友</a><a>我的图书馆</a><input><a>登录</a><a>注册</a></div>
<div class="a_left"><div class="biaoti"><h2 id="titiletext">{TITLE}</h2></div>
<div class="a_infor"><span>教育资料馆</span><span>2024-09-08 发布于四川</span> | <span>356</span> 阅读 | <span>12</span> 转藏</div>
<div class="article_showall"><div id="artContent">{bps}</div></div>
<div class="a_bottom">本站是提供个人知识管理的网络存储空间，所有内容均由用户发布，不代表本站观点。请注意甄别内容中的联系方式、诱导购买等信息，谨防诈骗。如发现有害或侵权内容，请点击一键举报。</div>
<div class="a_tools"><a>转藏</a><a>全屏</a><a>打印</a><a>分享</a><a>献花(0)</a><a>+1</a></div>
<div class="a_more"><h3>来自： 教育资料馆 &gt; 《班主任》</h3><div>举报/认领</div></div>
<div class="likes"><h3>猜你喜欢</h3><ul>{ALIST(OTHER)}</ul></div>
<div class="comment"><h3>0条评论</h3><textarea>发表</textarea><p>请遵守用户 评论公约</p></div>
<div class="similar"><h3>类似文章</h3><ul>{ALIST(OTHER[::-1])}</ul><a>更多</a></div></div>
<div class="a_right"><h3>热门阅读</h3><ul>{ALIST(OTHER)}</ul><h3>最新原创</h3><ul>{ALIST(OTHER)}</ul></div>"""))

L["sinablog"] = ("http://blog.sina.com.cn/s/blog_4a5b6c7d0102zabc.html", page(f"{TITLE}_教书匠老李_新浪博客", f"""
<div class="sinatopbar"><a>新浪首页</a><a>新浪博客</a><a>注册</a><a>登录</a></div>
<div class="blogtitle"><h1><a>教书匠老李</a></h1><p>http://blog.sina.com.cn/teacherli [订阅] [手机订阅]</p></div>
<div class="blognav"><a>首页</a><a>博文目录</a><a>图片</a><a>关于我</a></div>
<div class="sinablogbody"><div class="SG_conn" id="module_920"><div class="SG_connHead"><span class="title">正文</span><span class="edit"><a>字体大小：</a><a>大</a><a>中</a><a>小</a></span></div>
<div class="SG_connBody"><div class="articalTitle"><h2 class="titName SG_txta">{TITLE}</h2><span class="time SG_txtc">(2024-09-08 21:15:36)</span></div>
<div class="articalTag"><table><tr><td class="blog_tag"><h3>标签：</h3><a>班主任</a><a>教育</a></td><td class="blog_class"><h3>分类：</h3><a>教育随笔</a></td></tr></table></div>
<div class="articalContent newfont_family" id="sina_keyword_ad_area2">{bps}</div>
<div class="articalInfo">分享：<a>微博</a><a>微信</a></div>
<div class="IL">阅读<span>(345)</span><em>┊</em> <a>评论</a> <span>(2)</span><em>┊</em> <a>收藏</a><span>(0)</span><em>┊</em><a>转载</a><span>(1)</span> <em>┊</em> <a>喜欢</a>▼ <em>┊</em><a>打印</a><em>┊</em><a>举报</a></div>
<div class="articalfrontback SG_j_linedot1 clearfix" id="new_nextprev_"><div><span class="SG_txtb">前一篇：</span><a>{OTHER[0]}</a></div><div><span class="SG_txtb">后一篇：</span><a>{OTHER[1]}</a></div></div>
<div class="allComm"><div class="allCommTit">评论</div><div class="writeComm"><p>重要提示：警惕虚假中奖信息</p><a>发评论</a></div></div></div></div>
<div class="SG_colW21"><h3>个人资料</h3><p>教书匠老李</p><a>加好友</a><a>发纸条</a><a>写留言</a><a>加关注</a><p>博客等级：12 博客积分：1234 博客访问：56,789 关注人气：123</p><h3>博文目录</h3><ul>{ALIST(OTHER)}</ul></div></div>
<div class="footer">新浪BLOG意见反馈留言板 电话：4000520066 提示音后按1键（按当地市话标准计费） 欢迎批评指正<br>新浪简介 | About Sina | 广告服务 | 联系我们 | 招聘信息 | 网站律师 | SINA English | 会员注册 | 产品答疑<br>Copyright © 1996 - 2024 SINA Corporation, All Rights Reserved</div>"""))

L["wordpress"] = ("https://laoli-jiaoyu.cn/2024/09/08/banzhuren/", page(f"{TITLE} – 老李的教育随笔", f"""
<header class="site-header"><p class="site-title"><a>老李的教育随笔</a></p><p class="site-description">一个普通班主任的日常</p><nav class="main-navigation"><ul><li><a>首页</a></li><li><a>班主任工作</a></li><li><a>教学反思</a></li><li><a>关于</a></li></ul></nav></header>
<main id="main" class="site-main"><article id="post-1234" class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">{TITLE}</h1>
<div class="entry-meta"><span class="posted-on">发布于 <time>2024年9月8日</time></span><span class="byline"> 作者 <a>老李</a></span></div></header>
<div class="entry-content">{bps}</div>
<footer class="entry-footer"><span class="cat-links">分类 <a>班主任工作</a></span><span class="tags-links">标签 <a>开学</a>、<a>班级管理</a></span></footer></article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">文章导航</h2><div class="nav-links"><div class="nav-previous"><a><span class="meta-nav">上一篇</span><span>{OTHER[0]}</span></a></div><div class="nav-next"><a><span class="meta-nav">下一篇</span><span>{OTHER[1]}</span></a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">《{TITLE}》有2条评论</h2><ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">张老师</b><time>2024年9月9日 上午8:12</time></footer><div class="comment-content"><p>写得很实在，第二点特别认同，叫出学生的名字真的很重要，我也要试试。</p></div><div class="reply"><a>回复</a></div></article></li></ol>
<div id="respond"><h3>发表回复</h3><form><p>您的电子邮箱地址不会被公开。 必填项已用*标注</p><p><label>评论 *</label><textarea></textarea></p><p><label>显示名称 *</label><input></p><p><label>电子邮箱地址 *</label><input></p><p><label>网站地址</label><input></p><p><input type="checkbox"><label>在此浏览器中保存我的显示名称、邮箱地址和网站地址，以便下次评论时使用。</label></p><p><input type="submit" value="发表评论"></p></form></div></div></main>
<aside id="secondary"><section class="widget"><h2>近期文章</h2><ul>{ALIST(OTHER)}</ul></section><section class="widget"><h2>归档</h2><ul>{ALIST(["2024年9月", "2024年8月", "2024年6月"])}</ul></section></aside>
<footer class="site-footer"><div class="site-info"><a>自豪地采用WordPress</a> 蜀ICP备2021012345号-1</div></footer>"""))

if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXP, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
