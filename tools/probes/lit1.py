"""Novel chapters on reading sites (biquge lineage): text as &nbsp; + <br>, with the site's ad lines inside."""
from harness import check
from news1 import page

TITLE = "第十二章 夜雨归人"
PS = ["雨是从傍晚开始下的，起初只是零零星星的几点，打在青石板上，很快就连成了线。",
      "林远站在屋檐下，看着街对面那盏忽明忽暗的灯笼，心里盘算着今晚该去哪里落脚。身上的银子只剩下三钱，住店是不够了，破庙倒是有一座，只是离城还有七八里路。",
      "“小哥，要不要进来避避雨？”身后传来一个苍老的声音。",
      "他回过头，只见一个白发老人正倚在门框上，手里端着一碗冒着热气的姜汤，脸上的皱纹在灯光下显得格外深。",
      "林远犹豫了一下，还是拱了拱手：“那就叨扰老丈了。”",
      "屋里很暗，只点着一盏油灯。墙角堆着几捆干柴，灶上的铁锅里咕嘟咕嘟地煮着什么，香气一阵一阵地往鼻子里钻。"]
EXP = "\n".join([TITLE] + PS)
ADS = ["天才一秒记住本站地址：[笔趣阁]https://www.biqugex.com 最快更新！无广告！",
       "手机用户请浏览m.biqugex.com阅读，更优质的阅读体验。",
       "章节错误,点此报送(免注册), 报送后维护人员会在两分钟内校正章节内容,请耐心等待。"]
def content(ads_in):
    lines = ["&nbsp;&nbsp;&nbsp;&nbsp;" + p for p in PS]
    if ads_in:
        lines.insert(0, ADS[0]); lines.insert(4, ADS[1]); lines.append(ADS[2])
    return "<br /><br />".join(lines)
def chapter(ads_in):
    return page(f"{TITLE}_青灯录_笔趣阁", f"""
<div class="header"><div class="header_logo"><a>笔趣阁</a></div><div class="header_search"><input><button>搜索</button></div><div class="userpanel"><a>登录</a>|<a>注册</a></div></div>
<div class="nav"><ul><li><a>首页</a></li><li><a>玄幻小说</a></li><li><a>修真小说</a></li><li><a>都市小说</a></li><li><a>历史小说</a></li><li><a>网游小说</a></li><li><a>科幻小说</a></li><li><a>排行榜单</a></li><li><a>完本小说</a></li></ul></div>
<div class="content_read"><div class="box_con"><div class="con_top"><a>笔趣阁</a> &gt; <a>青灯录</a> &gt; {TITLE}</div>
<div class="bookname"><h1>{TITLE}</h1><div class="bottem1"><a>加入书架</a> <a>上一章</a> &larr; <a>章节目录</a> &rarr; <a>下一章</a> <a>加入书签</a></div>
<div class="lm">推荐阅读：<a>剑来</a>、<a>雪中悍刀行</a>、<a>庆余年</a>、<a>诡秘之主</a>、<a>大奉打更人</a></div></div>
<div id="content">{content(ads_in)}</div>
<div class="bottem2"><a>加入书架</a> <a>上一章</a> &larr; <a>章节目录</a> &rarr; <a>下一章</a> <a>加入书签</a></div>
<div id="hm_t_20690"></div></div></div>
<div class="footer"><div class="footer_cont"><p>《青灯录》情节跌宕起伏、扣人心弦，是一本情节与文笔俱佳的武侠小说，笔趣阁转载收集青灯录最新章节。</p><p>Copyright © 2024 笔趣阁 All Rights Reserved.</p></div></div>""")
L = {"biquge": ("https://www.biqugex.com/book/12345/678901.html", chapter(False)),
     "biquge_ads": ("https://www.biqugex.com/book/12345/678902.html", chapter(True))}
if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXP, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
