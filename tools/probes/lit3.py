"""Novel chapter pages as reading sites set them: 起点-like (a chapter header with word count and
time, paragraphs as <p>, an author's note after them), 纵横/17k-like (a reading toolbar, 上一章 目录
下一章 above and below), 晋江-like (the text in a <div> with <br> lines, an author's words box,
a 霸王票 list), and a 笔趣阁-like mirror (一秒记住 banners, the chapter's lines set with &nbsp; and
<br><br>, an ad line inside the text, 加入书签).  Gold: the chapter's title and its paragraphs; the
author's note and the reading chrome go."""
import sys

from harness import check
from news1 import page

BOOK = "山村教师"
CHAPTER = "第十二章 开学第一天"
PS = ["天刚蒙蒙亮，李明就起了床。今天是他到山村小学任教的第一天，他一夜都没怎么睡着。",
      "学校在半山腰上，只有三间瓦房和一块土操场。他到的时候，已经有几个孩子等在门口，怯生生地看着他。",
      "“老师好！”一个扎着羊角辫的小女孩鼓起勇气喊了一声，其他孩子也跟着喊了起来。",
      "李明的眼眶一下子湿了。他蹲下身，摸了摸小女孩的头：“你们好，从今天起，我就是你们的老师了。”",
      "那一天，他给孩子们上了第一堂课。没有投影仪，没有电脑，只有一块掉了漆的黑板和半盒粉笔。",
      "可孩子们听得很认真，一双双眼睛亮晶晶的，像山间的星星。"]
EXPECTED = "\n".join([CHAPTER] + PS)
NOTE = "作者有话说：感谢各位读者的支持，本章是新卷的开始，求推荐票、求月票！"
L = {}
L["qidian_like"] = ("https://www.qidian.com/chapter/1039123456/780123456/", page(f"{CHAPTER}_{BOOK}_起点中文网", f"""
<div class="header"><a>起点中文网</a><a>首页</a><a>分类</a><a>排行</a><a>登录</a></div>
<div class="read-container"><div class="chapter-wrapper"><div class="chapter-header"><h1 class="title">{CHAPTER}</h1>
<div class="chapter-header-info"><a class="book-name">{BOOK}</a><a class="author">山里人</a><span class="chapter-wordcount">字数：2345</span><span class="chapter-date">2024-09-01 08:00:00</span></div></div>
<main class="content">{''.join(f'<p>{p}</p>' for p in PS)}</main>
<div class="author-say"><div class="author-say-title">作者的话</div><p>{NOTE}</p></div>
<div class="chapter-control"><a>上一章</a><a>目录</a><a>下一章</a></div></div></div>
<div class="footer">Copyright © 2002-2024 www.qidian.com All Rights Reserved</div>"""))

L["zongheng_like"] = ("https://read.zongheng.com/chapter/1234567/76543210.html", page(f"{BOOK}_{CHAPTER}_纵横中文网", f"""
<div class="reader-toolbar"><a>目录</a><a>设置</a><a>书架</a><a>书页</a><a>手机阅读</a></div>
<div class="reader-main"><div class="reader-crumb"><a>首页</a> &gt; <a>都市</a> &gt; <a>{BOOK}</a> &gt; {CHAPTER}</div>
<div class="title"><div class="title_txtbox">{CHAPTER}</div><div class="bookinfo"><span>作者：山里人</span><span>字数：2345</span><span>更新时间：2024-09-01 08:00</span></div></div>
<div class="chapter-nav"><a>上一章</a><a>目录</a><a>下一章</a></div>
<div class="content" itemprop="acticleBody">{''.join(f'<p>{p}</p>' for p in PS)}</div>
<div class="chapter-nav"><a>上一章</a><a>目录</a><a>下一章</a></div>
<div class="reader-recommend"><h3>本书作者其他作品</h3><ul><li><a>乡村医生</a></li><li><a>大山里的孩子</a></li></ul></div></div>"""))

L["jjwxc_like"] = ("https://www.jjwxc.net/onebook.php?novelid=1234567&chapterid=12", page(f"《{BOOK}》山里人_【原创小说|言情小说】_晋江文学城", f"""
<div id="sitehead"><a>晋江文学城</a><a>首页</a><a>书库</a><a>排行榜</a><a>登录</a></div>
<table width="984" align="center"><tr><td><div class="noveltitle"><h1>{BOOK}</h1><span>作者：山里人</span></div></td></tr>
<tr><td><div class="novelbody"><div style="font-size:16px;"><div align="center"><h2>{CHAPTER}</h2></div>
<div class="readsmall">作者：山里人　发表时间：2024-09-01 08:00:00　章节字数：2345</div>
{'<br><br>'.join(PS)}
<div class="readsmall" style="padding-top:50px;"><hr size="1">作者有话要说：<br>{NOTE[6:]}</div></div></div></td></tr>
<tr><td><div id="bawangpiao">感谢在2024-08-31 08:00:00~2024-09-01 08:00:00期间为我投出霸王票或灌溉营养液的小天使哦~ 感谢投出地雷的小天使：读者甲 1个；</div></td></tr>
<tr><td align="center"><a>上一章</a> <a>返回目录</a> <a>下一章</a></td></tr></table>"""))

L["biquge_like"] = ("https://www.biquge-demo.com/book/12345/678901.html", page(f"{CHAPTER}_{BOOK}_笔趣阁", f"""
<div class="header"><div class="logo"><a>笔趣阁</a></div><div class="topbar">一秒记住【笔趣阁 www.biquge-demo.com】，精彩小说无弹窗免费阅读！</div></div>
<div class="content_read"><div class="box_con"><div class="con_top"><a>笔趣阁</a> &gt; <a>{BOOK}</a> &gt; {CHAPTER}</div>
<div class="bookname"><h1>{CHAPTER}</h1><div class="bottem1"><a>上一章</a> ← <a>章节目录</a> → <a>下一章</a> <a>加入书签</a></div></div>
<div id="content">&nbsp;&nbsp;&nbsp;&nbsp;{'<br /><br />&nbsp;&nbsp;&nbsp;&nbsp;'.join(PS[:3])}<br /><br />天才一秒记住本站地址：www.biquge-demo.com。手机版阅读网址：m.biquge-demo.com<br /><br />&nbsp;&nbsp;&nbsp;&nbsp;{'<br /><br />&nbsp;&nbsp;&nbsp;&nbsp;'.join(PS[3:])}</div>
<div class="bottem2"><a>上一章</a> ← <a>章节目录</a> → <a>下一章</a> <a>加入书签</a></div></div></div>
<div class="footer">本站所有小说为转载作品，所有章节均由网友上传，转载至本站只是为了宣传，让更多读者欣赏。</div>"""))


if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
