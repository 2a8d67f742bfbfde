"""Portals' article pages as they were set around 2008-2012 (the era of the cx-extractor demo pages
and of many archived copies): 新浪 (`artibody`), 网易 (`endText`), 新华网 (a table cell `hei14`),
人民网 (`p_content`), 中新网 (`left_zw`), 凤凰网 (`main_content`).  Around the story: a row of
source and time, full-width indented paragraphs, an editor's line in brackets, a toolbar
(【评论】【打印】【关闭】, 字号 大 中 小), related links inside the story's box, a stock or ad box.
Gold: the headline and the paragraphs.  (网易's 核心提示 box at the head of `endText` is left
out: whether a gold keeps an editor's summary set inside the story's box is not settled.)"""
import sys

from harness import check
from news1 import PS, RELATED, TITLE, page

INDENTED = "".join(f"<p>　　{p}</p>" for p in PS)
EXPECTED = EXP = "\n".join([TITLE] + PS)
LINKS = "".join(f"<li><a href='/n/{i}.shtml'>{t}</a></li>" for i, t in enumerate(
    ["全市教育系统安全工作会议召开", "我区3所学校获评省级文明校园", "秋季学期中小学课后服务实施方案出台"]))

L = {}
L["sina_2008"] = ("http://news.sina.com.cn/c/2008-08-26/183016123456.shtml", page(f"{TITLE}_新闻中心_新浪网", f"""
<div id="wrap"><div class="topNav"><a>新浪首页</a> &gt; <a>新闻中心</a> &gt; <a>国内新闻</a> &gt; <a>正文</a></div>
<div class="blkContainer"><div class="blkContainerSblk"><h1 id="artibodyTitle">{TITLE}</h1>
<div class="artInfo"><span id="art_source">http://www.sina.com.cn</span> <span id="pub_date">2008年08月26日18:30</span> <span id="media_name"><a>兰州晨报</a></span></div>
<div class="blkContainerSblkCon" id="artibody">{INDENTED}
<div class="otherContent_01"><h4>相关链接</h4><ul>{LINKS}</ul></div>
<p class="editor">(编辑：李华)</p></div>
<div class="toolbar"><span>【<a>评论</a>】【<a>收藏此页</a>】【<a>大</a> <a>中</a> <a>小</a>】【<a>多种方式看新闻</a>】【<a>下载点点通</a>】【<a>打印</a>】【<a>关闭</a>】</span></div>
<div class="corrTxt_01"><h3>相关新闻</h3><ul>{RELATED}</ul></div></div></div>
<div class="footer"><p>新浪简介 | About Sina | 广告服务 | 联系我们 | 招聘信息 | 网站律师 | SINA English | 会员注册 | 产品答疑</p><p>Copyright © 1996-2008 SINA Corporation, All Rights Reserved</p></div></div>"""))

L["163_2010"] = ("http://news.163.com/10/0826/18/6FABCDEF00011229.html", page(f"{TITLE}_网易新闻中心", f"""
<div class="nav"><a>网易首页</a> &gt; <a>新闻中心</a> &gt; <a>国内新闻</a> &gt; 正文</div>
<div class="endContent"><h1 id="h1title">{TITLE}</h1>
<div class="endMsg">2010-08-26 18:30:12　来源: <a>兰州晨报</a>(兰州)　<a>有0人参与</a> <a>手机看新闻</a></div>
<div id="endText">{INDENTED}
<span class="ep-source cDGray">本文来源：兰州晨报 作者：李华</span>
<div class="ep-editor">(责任编辑：李华_NN1234)</div></div>
<div class="ep-info"><a>打印</a> <a>网易通行证</a> <a>发表跟贴</a> <span>【<a>字号</a>：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div class="ep-keywords">相关新闻：<ul>{RELATED}</ul></div>
<div class="tie-area"><h3>网易跟贴</h3><p>文明上网，登录发贴</p><a>查看全部跟贴</a></div></div>"""))

L["xinhua_2009"] = ("http://news.xinhuanet.com/local/2009-08/26/content_11234567.htm", page(f"{TITLE}_新华网", f"""
<table width="100%"><tr><td><a>新华网</a> | <a>首页</a> | <a>新闻中心</a> | <a>地方联播</a></td></tr></table>
<table width="760" align="center"><tr><td class="sj_nav">新华网 &gt;&gt; 地方联播 &gt;&gt; 正文</td></tr>
<tr><td align="center"><span id="Title" class="hei24">{TITLE}</span></td></tr>
<tr><td align="center" class="hui12">2009年08月26日 18:30:12　来源：新华网</td></tr>
<tr><td align="center"><span>【字号 <a>大</a> <a>中</a> <a>小</a>】</span> 【<a>我要打印</a>】 【<a>我要纠错</a>】</td></tr>
<tr><td class="hei14" id="Content"><p>　　新华网兰州8月26日电（记者 李华）{PS[0]}</p>{"".join(f"<p>　　{p}</p>" for p in PS[1:])}</td></tr>
<tr><td align="right">【<a>纠错</a>】 【责任编辑: 李华】</td></tr>
<tr><td><font class="hei12">相关稿件</font><ul>{RELATED}</ul></td></tr></table>
<table><tr><td>Copyright © 2000 - 2009 XINHUANET.com All Rights Reserved.</td></tr><tr><td>制作单位：新华网络有限公司 版权所有 新华网</td></tr></table>""").replace(f"<p>　　新华网兰州8月26日电（记者 李华）{PS[0]}", f"<p>　　{PS[0]}"))

L["people_2011"] = ("http://edu.people.com.cn/GB/15512345.html", page(f"{TITLE}--教育--人民网", f"""
<div class="w1000 top"><a>人民网</a> &gt;&gt; <a>教育</a> &gt;&gt; <a>地方教育</a></div>
<div class="w1000 d2_content"><div class="d2_left"><h1 id="p_title">{TITLE}</h1>
<div class="d2_left_s" id="p_publishtime">2011年08月26日18:30　来源：<a id="p_origin">人民网-教育频道</a>　<a>手机看新闻</a></div>
<div class="d2_left_s2"><a>打印网页</a> <a>网摘</a> <a>纠错</a> <a>商城</a> <a>分享</a> <a>推荐</a> <span>字号</span></div>
<div id="p_content">{"".join(f'<p style="text-indent: 2em">{p}</p>' for p in PS)}</div>
<div id="p_editor">(责任编辑：李华)</div>
<div class="p2_4"><a>分享到：</a><a>人民微博</a><a>QQ空间</a><a>新浪微博</a></div>
<div id="rwb_zd"><h2>相关专题</h2><ul>{RELATED}</ul></div></div>
<div class="d2_right"><h3>教育频道热点</h3><ul>{LINKS}</ul></div></div>
<div class="w1000 footer">人民网版权所有，未经书面授权禁止使用<br>Copyright © 1997-2011 by www.people.com.cn. all rights reserved</div>"""))

L["chinanews_2012"] = ("http://www.chinanews.com/edu/2012/08-26/4123456.shtml", page(f"{TITLE}-中新网", f"""
<div id="nav"><a>中新网首页</a> <a>新闻</a> <a>财经</a> <a>教育</a> <a>视频</a> <a>图片</a></div>
<div class="content"><div id="cont_1_1_2"><div class="left-time"><div class="left-t">2012年08月26日 18:30　来源：中国新闻网　<a>参与互动(0)</a></div><div class="left-r"><a>【字体：↑大 ↓小】</a></div></div>
<h1>{TITLE}</h1>
<div class="left_zw" style="position:relative"><p>　　中新网兰州8月26日电 (记者 李华){PS[0]}</p>{"".join(f"<p>　　{p}</p>" for p in PS[1:])}<table border="0" cellspacing="0" cellpadding="0" align="left" class="adInContent"><tr><td></td></tr></table></div>
<div class="adEditor"><div class="left_name"><div class="left_name">【编辑:李华】</div></div></div>
<div id="function_code_page"><a>本文相关视频</a></div>
<div class="left_xgxw"><h3>相关新闻</h3><ul>{RELATED}</ul></div></div></div>
<div id="bottom">本网站所刊载信息，不代表中新社和中新网观点。 刊用本网站稿件，务经书面授权。</div>""").replace(f"<p>　　中新网兰州8月26日电 (记者 李华){PS[0]}", f"<p>　　{PS[0]}"))

L["ifeng_2010"] = ("http://news.ifeng.com/mainland/detail_2010_08/26/2312345_0.shtml", page(f"{TITLE}_资讯频道_凤凰网", f"""
<div class="topNav"><a>凤凰网首页</a> <a>资讯</a> <a>财经</a> <a>娱乐</a> <a>体育</a> <a>时尚</a> <a>汽车</a> <a>房产</a> <a>科技</a> <a>读书</a> <a>教育</a></div>
<div class="theCurrent">您的位置：<a>凤凰网首页</a> &gt; <a>资讯</a> &gt; <a>大陆</a> &gt; 正文</div>
<div id="artical"><h1 id="artical_topic">{TITLE}</h1>
<div id="artical_sth" class="clearfix"><p class="p_time"><span>2010年08月26日 18:30</span><span>来源：<a>兰州晨报</a></span></p><p class="p_right"><a>我要评论(0)</a></p></div>
<div id="artical_real" class="js_img_share_area"><div id="main_content" class="js_selection_area">{INDENTED}<span class="ifengLogo"><a><img></a></span></div></div>
<p class="zb_ph"></p><span id="editor_baidu">[责任编辑：李华 PN021]</span>
<div class="share"><span>分享到：</span><a>凤凰微博</a><a>人人网</a><a>开心网</a><a>豆瓣</a></div>
<div class="ph_kx"><p>标签：<a>开学</a> <a>教育局</a> <a>部署会</a></p></div>
<div class="yjyd"><h3>延伸阅读</h3><ul>{RELATED}</ul></div></div>
<div class="footer">凤凰新媒体 版权所有 Copyright © 2010 Phoenix New Media Limited All Rights Reserved.</div>"""))


if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
