"""News layouts of portals not in the dev set, written from how those sites set a page."""
from harness import check

TITLE = "城关区教育局召开2024年秋季开学工作部署会"
PS = [
 "8月26日上午，城关区教育局召开2024年秋季开学工作部署会，全面部署新学期教育教学、校园安全和后勤保障等重点工作。局党组书记、局长王建国出席会议并讲话，局领导班子成员、各中小学校长和幼儿园园长参加会议。",
 "会议传达学习了全省、全市教育工作会议精神，通报了暑期校舍维修改造、教师招聘和义务教育招生入学工作进展情况。今年暑期，全区共投入资金2860万元，完成23所学校的校舍维修和设施更新。",
 "王建国指出，新学期各学校要把安全工作放在首位，开学前组织开展一次全覆盖的安全隐患大排查，重点检查校舍、食堂、消防设施和校车运营，发现问题立即整改，确保师生安全。",
 "会议要求，要持续深化“双减”工作，提高课堂教学质量，规范课后服务，丰富课后服务内容；要加强师德师风建设，严格落实教师职业行为准则；要做好家校沟通，及时回应家长关切。",
 "会上，各学段学校代表作了交流发言，分享了暑期工作经验和新学期工作打算。",
 "据悉，今年秋季学期全区预计新增中小学生1800余人，区教育局已提前做好学位准备和师资调配工作。",
]
EXPECTED = "\n".join([TITLE] + PS)
def ps(tag="p", cls=""):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<{tag}{c}>{p}</{tag}>" for p in PS)
RELATED = "".join(f'<li><a href="/n/{i}.html">{t}</a><span>2024-08-2{i}</span></li>' for i, t in enumerate([
  "全市教育系统安全工作会议召开", "我区3所学校获评省级文明校园", "秋季学期中小学课后服务实施方案出台", "区教育局开展暑期校外培训机构专项检查", "新学期教师招聘工作顺利完成"]))

def page(title_tag, body):
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title_tag}</title></head><body>{body}</body></html>"

L = {}
L["thepaper"] = ("https://www.thepaper.cn/newsDetail_forward_28541234", page(TITLE + "_澎湃号·政务_澎湃新闻-The Paper", f"""
<div class="index_header__x1"><a href="/">澎湃新闻</a><ul><li><a href="/">要闻</a></li><li><a href="/">深度</a></li><li><a href="/">视频</a></li><li><a href="/">直播</a></li><li><a href="/">澎湃号</a></li></ul><a>下载客户端</a><a>登录</a></div>
<div class="index_wrapper__9rz3z"><div class="index_leftcontent__y3i4v">
<h1 class="index_title__B8mhI">{TITLE}</h1>
<div class="index_headerContent__sASF4"><div><a>城关教育</a></div><div class="ant-space"><span>2024-08-26 18:30</span><span>来源：澎湃新闻·澎湃号·政务</span></div></div>
<div class="index_cententWrap__Jv8jK">{ps()}</div>
<div class="index_copyright__x"><p>责任编辑：李华</p><p>校对：张燕</p></div>
<p class="index_statement">本文为澎湃号作者或机构在澎湃新闻上传并发布，仅代表该作者或机构观点，不代表澎湃新闻的观点或立场，澎湃新闻仅提供信息发布平台。申请澎湃号请用电脑访问http://renzheng.thepaper.cn。</p>
<div class="index_tools"><span>+1</span><span>收藏</span><span>我要举报</span></div>
<div class="index_tags"><a>#秋季开学</a><a>#教育</a></div>
<div class="index_related"><h2>查看更多</h2><ul>{RELATED}</ul></div>
<div class="index_comment"><h2>评论（0）</h2><textarea placeholder="期待你的发声"></textarea><button>发表</button></div>
</div><div class="index_right"><h3>澎湃号排行</h3><ol><li><a>上海发布</a></li><li><a>中国政府网</a></li></ol></div></div>
<div class="index_footer"><p>澎湃新闻报料：021-962866</p><p>澎湃新闻，未经授权不得转载</p><p>沪ICP备14003370号 沪公网安备31010602000299号 互联网新闻信息服务许可证：31120170006</p></div>"""))

L["ifeng"] = ("https://news.ifeng.com/c/8cXyz123AbC", page(TITLE + "_凤凰网资讯_凤凰网", f"""
<div class="header"><a>凤凰网首页</a><a>资讯</a><a>财经</a><a>娱乐</a><a>体育</a><a>时尚</a><a>汽车</a><a>房产</a><a>科技</a><a>读书</a><a>文化</a></div>
<div class="artical-25JfwmD5"><h1 class="topic-3bY8Hw-9">{TITLE}</h1>
<div class="info-3Ht6Fk1n"><p class="time-1Mgp9W-1"><span>2024年08月26日 18:30:12</span><span> 来自 <a>甘肃省</a></span></p><p class="source-2pXi2vGI">来源：<a>城关区融媒体中心</a></p></div>
<div class="main_content-r5RGqegj"><div class="text-3w2e3DBc">{ps()}</div></div>
<p class="editorName-1ME5qXVd">责任编辑：李华 NN123</p>
<div class="statement"><p>特别声明：以上文章内容仅代表作者本人观点，不代表凤凰网观点或立场。如有关于作品内容、版权或其它问题请于作品发表后的30日内与凤凰网联系。</p></div>
<div class="share"><span>分享到：</span><a>微信</a><a>微博</a><a>QQ空间</a></div>
<div class="box"><h3>24小时热点</h3><ul>{RELATED}</ul></div>
<div class="box"><h3>大家都在看</h3><ul>{RELATED}</ul></div></div>
<div class="footer"><a>凤凰新媒体介绍</a><a>投资者关系</a><a>广告服务</a><a>诚征英才</a><a>全国违法和不良信息举报</a><p>Copyright © 2024 Phoenix New Media Limited All Rights Reserved.</p></div>"""))

L["qq"] = ("https://new.qq.com/rain/a/20240826A07XYZ00", page(TITLE + "_腾讯新闻", f"""
<div class="qq-top"><a>腾讯网</a><a>新闻</a><a>视频</a><a>图片</a><a>军事</a><a>体育</a><a>NBA</a><a>娱乐</a><a>财经</a><a>科技</a></div>
<div class="LEFT"><h1>{TITLE}</h1><div class="media-info"><a class="author">城关教育</a><span class="time">2024-08-26 18:30</span><span>发布于甘肃</span></div>
<div class="content clearfix"><div class="content-article">{ps('p','one-p')}</div></div>
<div class="article-disclaimer">免责声明：本内容来自腾讯平台创作者，不代表腾讯新闻或腾讯网的观点和立场。</div>
<div class="recommend"><h2>相关推荐</h2><ul>{RELATED}</ul></div></div>
<div class="RIGHT"><div class="hot"><h3>热点精选</h3><ul>{RELATED}</ul></div></div>
<div class="foot"><p>Copyright © 1998 - 2024 Tencent. All Rights Reserved</p><p>腾讯公司 版权所有</p></div>"""))

L["sohu"] = ("https://www.sohu.com/a/803451234_121106832", page(TITLE + "_教育_工作_学校", f"""
<div class="head"><a>搜狐</a><a>首页</a><a>新闻</a><a>体育</a><a>汽车</a><a>房产</a><a>旅游</a><a>教育</a><a>时尚</a><a>科技</a><a>财经</a><a>娱乐</a><a>更多</a></div>
<div class="left main"><div class="text"><div class="text-title"><h1>{TITLE}</h1></div>
<div class="article-info"><span class="time" id="news-time">2024-08-26 18:30</span><span>发布于：甘肃省</span></div>
<article class="article" id="mp-editor">{ps()}<p data-role="editor-name">责任编辑：<span></span></p><a href="//www.sohu.com/?strategyid=00001" id="backsohucom" title="点击进入搜狐首页"><span class="backword">返回搜狐，查看更多</span></a></article>
</div>
<div class="statement">平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。</div>
<div class="bottom-relate-wrap"><span class="read-num">阅读 (<em>1234</em>)</span></div>
<div class="god-article-bottom"><h2>你可能喜欢</h2><ul>{RELATED}</ul></div></div>
<div class="sidebar"><div class="user-info"><a>城关教育</a><span>文章</span><em>1,204</em><span>总阅读</span><em>32万</em></div><h3>作者最新文章</h3><ul>{RELATED}</ul></div>"""))

L["chinanews"] = ("https://www.chinanews.com.cn/sh/2024/08-26/10275123.shtml", page(TITLE + "-中新网", f"""
<div id="navbar"><a>首页</a><a>滚动</a><a>时政</a><a>国际</a><a>社会</a><a>财经</a><a>教育</a><a>文娱</a><a>体育</a></div>
<div class="con_left"><div id="cont_1_1_2"><div class="content_left_title">{TITLE}</div>
<div class="content_left_time">2024年08月26日 18:30　来源：中国新闻网<a>参与互动</a></div>
<div class="left_zw" style="position:relative"><p>　　中新网兰州8月26日电 (记者 张明)　{PS[0]}</p>
{"".join(f"<p>　　{p}</p>" for p in PS[1:-1])}<p>　　{PS[-1]}(完)</p></div>
<div class="left_name"><div class="left_name">【编辑:李华】</div></div>
<div class="share"><span>分享到：</span></div>
<div class="keywords">关键词：<a>开学</a> <a>教育局</a></div></div>
<div class="xwzxdd-xbt"><h3>相关新闻</h3><ul>{RELATED}</ul></div>
<div class="adhtml"><h3>社会新闻精选：</h3><ul>{RELATED}</ul></div></div>
<div id="bottom"><p>本网站所刊载信息，不代表中新社和中新网观点。 刊用本网站稿件，务经书面授权。</p><p>未经授权禁止转载、摘编、复制及建立镜像，违者将依法追究法律责任。</p><p>[网上传播视听节目许可证(0106168)] [京ICP证040655号] [京公网安备：110102003042-1] [京ICP备05004340号-1] 总机：86-10-87826688</p></div>"""))
CN_EXPECT = "\n".join([TITLE, "中新网兰州8月26日电 (记者 张明)" + PS[0]] + PS[1:-1] + [PS[-1] + "(完)"])

L["cctv"] = ("https://news.cctv.com/2024/08/26/ARTIabcdEFG240826.shtml", page(TITLE + "_新闻频道_央视网(cctv.com)", f"""
<div class="nav_daohang"><a>首页</a><a>新闻</a><a>体育</a><a>综艺</a><a>熊猫</a><a>纪录</a><a>科教</a><a>经济</a><a>农业</a><a>法治</a><a>军事</a></div>
<div class="title_area"><h1>{TITLE}</h1><div class="info1">央视网 | 2024年08月26日 18:30:12</div></div>
<div class="content_area" id="content_area"><p>　　央视网消息：{PS[0]}</p>{"".join(f"<p>　　{p}</p>" for p in PS[1:])}</div>
<div class="zebian"><span>编辑：张燕</span><span>责任编辑：李华</span></div>
<div class="fenxiang"><span>分享到</span><a>微信</a><a>微博</a></div>
<div class="ELMTlist"><h2>热播推荐</h2><ul>{RELATED}</ul></div>
<div class="footer"><p>央视网 版权所有</p></div>"""))
CCTV_EXPECT = "\n".join([TITLE, "央视网消息：" + PS[0]] + PS[1:])

L["people_local"] = ("http://gs.people.com.cn/n2/2024/0826/c183283-40955123.html", page(TITLE + "--甘肃频道--人民网", f"""
<div class="top"><a>人民网</a>&gt;&gt;<a>甘肃频道</a>&gt;&gt;<a>原创稿件</a></div>
<div class="clearfix w1000_320 text_title"><h1>{TITLE}</h1><div class="box01"><div class="fl">2024年08月26日18:30 | 来源：<a>人民网－甘肃频道</a></div><div class="fr"><a>小字号</a></div></div></div>
<div class="clearfix w1000_320 text_con" id="rwb_zw"><div class="fl text_con_left"><div class="box_con" id="rwb_zw">{ps()}<div class="edit clearfix">(责编：李华、张燕)</div></div>
<div class="box_pic"></div><div class="clearfix"><p>分享让更多人看到</p></div>
<div class="box_news"><h2>推荐阅读</h2><ul>{RELATED}</ul></div></div></div>
<div class="footer"><p>人民日报社概况 | 关于人民网 | 报社招聘 | 招聘英才 | 广告服务 | 合作加盟 | 供稿服务 | 网站声明 | 网站律师 | 信息保护 | 联系我们</p><p>人民网版权所有，未经书面授权禁止使用</p><p>Copyright © 1997-2024 by www.people.com.cn. all rights reserved</p></div>"""))

L["local_paper"] = ("http://www.lzbs.com.cn/system/2024/08/26/030912345.shtml", page(TITLE + "_兰州新闻网", f"""
<table width="1000"><tr><td><a>兰州新闻网</a> | <a>首页</a> | <a>兰州要闻</a> | <a>社会</a> | <a>教育</a> | <a>数字报</a></td></tr></table>
<table width="1000"><tr><td width="680" valign="top">
<div class="position">当前位置：<a>首页</a> &gt; <a>教育</a> &gt; 正文</div>
<h1>{TITLE}</h1><div class="info">2024-08-26 18:30:12　来源：兰州日报　作者：记者 张明　编辑：李华　<a>[打印]</a> <a>[关闭]</a></div>
<div id="content">{ps()}</div>
<div class="pages"></div>
<table><tr><td>上一篇：<a>全市教育系统安全工作会议召开</a></td></tr><tr><td>下一篇：<a>我区3所学校获评省级文明校园</a></td></tr></table>
</td><td width="300" valign="top"><h3>图片新闻</h3><ul>{RELATED}</ul><h3>点击排行</h3><ol>{RELATED}</ol></td></tr></table>
<div class="foot">主办：兰州日报社 承办：兰州新闻网 陇ICP备05000123号 甘公网安备 62010202000123号 违法和不良信息举报电话：0931-8888888</div>"""))

if __name__ == "__main__":
    import sys
    show = "-v" in sys.argv
    n = 0
    for name, (url, html) in L.items():
        exp = CN_EXPECT if name == "chinanews" else CCTV_EXPECT if name == "cctv" else EXPECTED
        n += check(name, html, url, exp, show)
    print(f"{n}/{len(L)} ok")
