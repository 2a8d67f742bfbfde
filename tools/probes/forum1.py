"""Forum threads: the first post is the document (the dev set's convention), replies are not."""
from harness import check
from news1 import page
from blog1 import TITLE, BP, EXP

REPLIES = ["写得很实在，第二点特别认同，叫出学生的名字真的很重要，我今年也试试。",
           "班级公约让学生自己讨论这个办法好，我们班去年也这么做，效果不错，学生执行起来更自觉。",
           "请问家长信是怎么写的？能不能分享一下模板？谢谢楼主！",
           "支持一下，新学期大家都辛苦了。"]
L = {}
posts = "".join(f"""<table id="pid{i+2}" class="plhin"><tr><td class="pls"><div class="authi"><a class="xw1">user{i}</a></div><p>积分 {i*37}</p></td>
<td class="plc"><div class="pi"><strong><a>{i+2}#</a></strong><div class="authi"><em>发表于 2024-9-9 0{i}:12:33</em> | <a>只看该作者</a></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_{i+2}">{r}</td></tr></table></div></div></div>
<div class="po"><a>回复</a> <a>支持</a> <a>反对</a> <a>举报</a></div></td></tr></table>""" for i, r in enumerate(REPLIES))
L["discuz"] = ("https://bbs.jiaoshi.cn/thread-123456-1-1.html", page(f"{TITLE} - 班主任论坛 - 教师之家论坛 - Powered by Discuz!", f"""
<div id="toptb"><a>设为首页</a><a>收藏本站</a><a>登录</a><a>立即注册</a></div>
<div id="nv"><ul><li><a>论坛</a></li><li><a>群组</a></li><li><a>导读</a></li><li><a>排行榜</a></li><li><a>家园</a></li></ul></div>
<div id="pt" class="bm cl"><div class="z"><a>教师之家论坛</a><em>›</em><a>论坛</a><em>›</em><a>教育交流</a><em>›</em><a>班主任论坛</a><em>›</em><a>{TITLE}</a></div></div>
<div id="ct" class="wp cl"><div id="pgt" class="pgs mbm cl"><div class="pgt"><div class="pg"><strong>1</strong><a>2</a><a class="nxt">下一页</a></div></div><a id="newspecial">发帖</a><a id="post_reply">回复</a></div>
<div id="postlist" class="pl bm"><table cellspacing="0" cellpadding="0"><tr><td class="pls ptn pbn"><div class="hm ptn"><span class="xg1">查看:</span> <span class="xi1">1234</span><span class="pipe">|</span><span class="xg1">回复:</span> <span class="xi1">4</span></div></td>
<td class="plc ptm pbn vwthd"><h1 class="ts"><a>[经验交流]</a> <span id="thread_subject">{TITLE}</span></h1><span class="xg1"><a>[复制链接]</a></span></td></tr></table>
<table id="pid1" class="plhin"><tr><td class="pls"><div class="authi"><a class="xw1">教书匠老李</a></div><dl><dt>主题</dt><dd>86</dd><dt>帖子</dt><dd>1234</dd><dt>积分</dt><dd>5678</dd></dl></td>
<td class="plc"><div class="pi"><strong><a>楼主</a></strong><div class="authi"><em>发表于 2024-9-8 21:15:36</em> | <a>只看该作者</a> | <a>倒序浏览</a> | <a>阅读模式</a></div></div>
<div class="pct"><div class="pcb"><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_1">{"<br><br>".join(BP)}</td></tr></table></div></div></div>
<div class="po"><a>回复</a> <a>支持</a> <a>反对</a> <a>举报</a></div></td></tr></table>
{posts}</div>
<div class="pgs mtm mbm cl"><div class="pg"><strong>1</strong><a>2</a><a class="nxt">下一页</a></div><a>返回列表</a></div>
<div id="f_pst" class="pl bm bmw"><form><textarea>您需要登录后才可以回帖 登录 | 立即注册</textarea><button>发表回复</button><label>回帖后跳转到最后一页</label></form></div></div>
<div id="ft" class="wp cl"><p>Powered by <a>Discuz!</a> X3.4 © 2001-2024 Tencent Cloud.</p><p><a>Archiver</a>|<a>手机版</a>|<a>小黑屋</a>|<a>教师之家论坛</a> ( 京ICP备12345678号 )</p><p>GMT+8, 2024-10-1 10:00 , Processed in 0.05 second(s), 28 queries .</p></div>"""))

tposts = "".join(f"""<div class="l_post j_l_post l_post_bright"><div class="d_author"><ul class="p_author"><li class="d_name"><a class="p_author_name">吧友{i}</a></li><li class="l_badge"><div class="d_badge_title">初级粉丝</div><div class="d_badge_lv">{i+2}</div></li></ul></div>
<div class="d_post_content_main"><div class="p_content"><cc><div id="post_content_{i+2}" class="d_post_content j_d_post_content">{r}</div></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail"><ul class="p_tail"><li><span>{i+2}楼</span></li><li><span>2024-09-09 0{i}:12</span></li></ul><a class="lzl_link_unfold">回复</a></div></div></div></div>""" for i, r in enumerate(REPLIES))
L["tieba"] = ("https://tieba.baidu.com/p/9123456789", page(f"{TITLE}【班主任吧】_百度贴吧", f"""
<div id="com_userbar"><a>网页</a><a>新闻</a><a>贴吧</a><a>知道</a><a>音乐</a><a>图片</a><a>视频</a><a>地图</a><a>文库</a><a>登录</a><a>注册</a></div>
<div class="card_top_wrap"><a class="card_title_fname">班主任吧</a><span>关注：</span><span class="card_menNum">12,345</span><span>贴子：</span><span class="card_infoNum">234,567</span></div>
<div class="nav_wrap"><ul><li><a>看贴</a></li><li><a>图片</a></li><li><a>吧主推荐</a></li><li><a>视频</a></li><li><a>游戏</a></li></ul></div>
<div class="core_title_wrap_bright"><h3 class="core_title_txt" title="{TITLE}">{TITLE}</h3><a>只看楼主</a><a>收藏</a><a>回复</a></div>
<div class="p_postlist" id="j_p_postlist">
<div class="l_post j_l_post l_post_bright"><div class="d_author"><ul class="p_author"><li class="d_name"><a class="p_author_name">教书匠老李</a></li><li class="l_badge"><div class="d_badge_title">铁杆吧友</div><div class="d_badge_lv">9</div></li></ul></div>
<div class="d_post_content_main d_post_content_firstfloor"><div class="p_content"><cc><div id="post_content_1" class="d_post_content j_d_post_content">{"<br>".join(BP)}</div></cc></div>
<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail"><ul class="p_tail"><li><span>1楼</span></li><li><span>2024-09-08 21:15</span></li></ul><a>回复</a></div></div></div></div>
{tposts}</div>
<div class="l_thread_info"><ul class="l_posts_num"><li class="l_pager"><span class="tP">1</span><a>2</a><a>下一页</a><a>尾页</a></li><li class="l_reply_num"><span class="red">6</span>回复贴，共<span class="red">2</span>页</li></ul></div>
<div class="tb_rich_poster"><div class="poster_head">发表回复</div><div class="poster_body">发贴请遵守贴吧协议及“七条底线”</div></div>
<div class="footer">©2024 Baidu 贴吧协议 | 隐私政策 | 吧主制度 | 意见反馈 | 网络谣言警示</div>"""))

if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXP, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
