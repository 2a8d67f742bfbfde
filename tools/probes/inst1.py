"""Institutional sites' news pages (the dev set's `institutional` kind): a university's news site
on VSB/博达 (`v_news_content`, credits `作者：… 摄影：… 审核：…` and 点击数 filled by a script), a
hospital's 医院动态 page, a company's 新闻中心 beside its product menu, a research institute's
(中科院 lineage, `xl_content`) and a provincial association's.  Around the story: the unit's name
and menu, 当前位置, a credits row, the story, a row of credits after it (撰稿/摄影/编辑/审核, as a
line or in brackets), 上一条/下一条, the footer's address and 备案.  Gold: the headline and the
story's paragraphs."""
import sys

from harness import check
from news1 import page

TITLE = "我校举行2024级新生开学典礼"
PS = [
    "9月8日上午，我校2024级新生开学典礼在体育馆隆重举行。校党委书记王建国、校长李明出席典礼，全体校领导、各学院负责人、教师代表和5200余名新生参加典礼。",
    "典礼在庄严的国歌声中开始。李明校长以“做有理想、有本领、有担当的新时代青年”为题发表讲话，他希望同学们珍惜大学时光，勤于学习、敢于实践，在服务国家和社会中实现人生价值。",
    "教师代表、化学学院张燕教授结合自己三十年的教学科研经历，勉励新生打牢基础、潜心钻研。新生代表、文学院王小雨同学表示，将以优异的学业成绩回报母校和家人的期望。",
    "典礼结束后，各学院分别召开新生见面会，开展入学教育、专业介绍和安全教育等活动。",
]
EXPECTED = EXP = "\n".join([TITLE] + PS)
P = "".join(f"<p>{p}</p>" for p in PS)
NEWS = "".join(f"<li><a href='/info/1012/{i}.htm'>{t}</a><span>2024-09-0{i}</span></li>" for i, t in enumerate(
    ["我校召开2024年秋季学期工作会议", "学校举办新入职教师培训班", "我校3项成果获省级教学成果奖", "图书馆开展新生入馆教育"], 1))

L = {}
L["vsb_university"] = ("https://news.cgu.edu.cn/info/1012/45678.htm", page(f"{TITLE}-城关大学新闻网", f"""
<div class="header"><div class="logo"><img alt="城关大学新闻网"></div><ul class="nav"><li><a>首页</a></li><li><a>学校要闻</a></li><li><a>综合新闻</a></li><li><a>媒体城大</a></li><li><a>学术动态</a></li><li><a>校园人物</a></li><li><a>图片新闻</a></li><li><a>视频新闻</a></li></ul></div>
<div class="main"><div class="position">当前位置: <a>首页</a> &gt;&gt; <a>学校要闻</a> &gt;&gt; 正文</div>
<form name="_newscontent_fromname"><div class="article"><h1>{TITLE}</h1>
<div class="info"><span>发布时间：2024-09-08</span><span>作者：宣传部 李华</span><span>来源：党委宣传部</span><span>点击数：<script>_showDynClicks("wbnews", 1712345678, 45678)</script></span></div>
<div id="vsb_content"><div class="v_news_content">{P}<p style="text-align: right;">（撰稿：李华 摄影：张燕 审核：王明）</p></div></div>
<div class="editor">编辑：赵刚</div></div></form>
<div class="pagelist"><p>上一条：<a>我校召开2024年秋季学期工作会议</a></p><p>下一条：<a>学校举办新入职教师培训班</a></p></div>
<div class="sidebar"><h3>最新新闻</h3><ul>{NEWS}</ul></div></div>
<div class="footer"><p>版权所有：城关大学党委宣传部 地址：甘肃省兰州市城关区天水南路222号 邮编：730000</p><p>陇ICP备05000000号</p></div>"""))

L["hospital"] = ("http://www.cgyy.com/yydt/2024-09-08/1234.html", page(f"{TITLE}_医院动态_城关区人民医院", f"""
<div class="top"><a>城关区人民医院</a><span>服务热线：0931-8888888</span><a>预约挂号</a><a>English</a></div>
<ul class="menu"><li>首页</li><li>医院概况</li><li>新闻中心</li><li>科室导航</li><li>专家介绍</li><li>就医指南</li><li>护理园地</li><li>党建文化</li><li>联系我们</li></ul>
<div class="wrap"><div class="left"><h3>新闻中心</h3><ul><li><a>医院动态</a></li><li><a>通知公告</a></li><li><a>媒体报道</a></li><li><a>健康科普</a></li></ul></div>
<div class="right"><div class="crumb">您现在的位置：首页 &gt; 新闻中心 &gt; 医院动态</div>
<div class="detail"><div class="detail-title"><h2>{TITLE}</h2><p>发布日期：2024-09-08　　浏览次数：356　　【<a>打印</a>】【<a>关闭</a>】</p></div>
<div class="detail-con">{P}<p>文/李华　图/张燕</p><p>审核：王明</p></div>
<div class="prev-next"><p>上一篇：<a>我院开展“世界急救日”义诊活动</a></p><p>下一篇：没有了</p></div></div></div></div>
<div class="foot"><p>城关区人民医院 版权所有 地址：城关区人民路1号 电话：0931-8888888</p><p>技术支持：某某网络</p></div>""").replace(TITLE + "</h2>", TITLE + "</h2>"))

L["company"] = ("http://www.cgjiaoyu.com/news/show-123.html", page(f"{TITLE}-新闻中心-城关教育科技有限公司", f"""
<div class="header"><div class="logo">城关教育科技</div><ul class="nav"><li>网站首页</li><li>关于我们</li><li>产品中心</li><li>解决方案</li><li>成功案例</li><li>新闻中心</li><li>人才招聘</li><li>联系我们</li></ul><div class="tel">全国服务热线：400-888-8888</div></div>
<div class="banner"><img alt="智慧校园整体解决方案"></div>
<div class="container"><div class="side"><div class="side-title">产品中心</div><ul><li>智慧校园平台</li><li>电子班牌</li><li>录播教室</li><li>校园安全监控</li><li>家校互通系统</li></ul>
<div class="side-title">联系我们</div><p>电话：400-888-8888</p><p>邮箱：service@cgjiaoyu.com</p><p>地址：兰州市城关区科技园8号</p></div>
<div class="content"><div class="pos">当前位置：<a>首页</a> &gt; <a>新闻中心</a> &gt; <a>公司新闻</a></div>
<h1 class="news-title">{TITLE}</h1><div class="news-info">作者：admin　　时间：2024-09-08　　阅读：1234次</div>
<div class="news-body">{P}</div>
<div class="news-page"><span>上一篇：<a>公司参加2024中国教育装备展</a></span><span>下一篇：<a>智慧校园平台3.0版本发布</a></span></div>
<div class="news-tags">标签：<a>开学典礼</a><a>校园</a></div></div></div>
<div class="footer">Copyright © 2024 城关教育科技有限公司 版权所有 陇ICP备12345678号-1</div>"""))

L["institute"] = ("http://www.cgis.cas.cn/xwzx/zhxw/202409/t20240908_7123456.html", page(f"{TITLE}----中国科学院城关研究所", f"""
<div class="top"><a>中国科学院</a> | <a>English</a> | <a>联系我们</a> | <a>ARP</a> | <a>所内网</a></div>
<div class="nav"><ul><li>首页</li><li>机构概况</li><li>科研成果</li><li>研究队伍</li><li>国际交流</li><li>研究生教育</li><li>创新文化</li><li>党建与文化</li><li>科学传播</li><li>信息公开</li></ul></div>
<div class="container"><div class="lm_nav">您现在的位置：<a>首页</a> &gt; <a>新闻动态</a> &gt; <a>综合新闻</a></div>
<div class="xl_title"><h2>{TITLE}</h2></div>
<div class="xl_info"><span>2024-09-08</span> | 【 大 中 小 】 【打印】 【关闭】</div>
<div class="xl_content"><div class="TRS_Editor">{P}</div></div>
<div class="xl_fj"></div></div>
<div class="footer"><p>版权所有 © 中国科学院城关研究所 京ICP备05002857号 京公网安备110402500000号</p><p>地址：兰州市城关区天水中路8号 邮编：730000</p></div>"""))

L["association"] = ("http://www.gsjyxh.org.cn/Article/ShowArticle.asp?ArticleID=1234", page(f"甘肃省教育学会--{TITLE}", f"""
<table width="1000" align="center"><tr><td><img alt="甘肃省教育学会"></td></tr>
<tr><td class="menu"><a>网站首页</a> | <a>学会概况</a> | <a>学会动态</a> | <a>通知公告</a> | <a>分会风采</a> | <a>教育科研</a> | <a>会员之家</a> | <a>联系我们</a></td></tr></table>
<table width="1000" align="center"><tr><td width="240" valign="top"><table><tr><td class="title">学会动态</td></tr><tr><td><ul>{NEWS}</ul></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td>您现在的位置： <a>甘肃省教育学会</a> &gt;&gt; <a>学会动态</a> &gt;&gt; 正文</td></tr>
<tr><td align="center" class="ArticleTitle"><b>{TITLE}</b></td></tr>
<tr><td align="center">作者：秘书处　来源：本站原创　点击数：128　更新时间：2024-9-8　</td></tr>
<tr><td class="ArticleContent">{P}</td></tr>
<tr><td>【<a>发表评论</a>】【<a>加入收藏</a>】【<a>告诉好友</a>】【<a>打印此文</a>】【<a>关闭窗口</a>】</td></tr>
<tr><td>上一篇文章： <a>我会召开2024年常务理事会</a><br>下一篇文章： <a>关于开展2024年度优秀论文评选的通知</a></td></tr></table></td></tr></table>
<table width="1000" align="center"><tr><td align="center">甘肃省教育学会 版权所有 地址：兰州市城关区 电话：0931-0000000 陇ICP备00000000号</td></tr></table>"""))


if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
