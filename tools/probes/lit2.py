"""Poem and essay sites: a classical poem with 译文/注释 (gushiwen-like), a 美文 essay page."""
from harness import check
from news1 import page, RELATED

POEM = ["床前明月光，疑是地上霜。", "举头望明月，低头思故乡。"]
YI = "明亮的月光洒在窗户纸上，好像地上泛起了一层白霜。我禁不住抬起头来，看那天窗外空中的一轮明月，不由得低头沉思，想起远方的家乡。"
ZHU = ["静夜思：静静的夜里，产生的思绪。", "床：今传有五种说法。", "疑：好像。", "举头：抬头。"]
L = {}
L["gushiwen"] = ("https://www.gushiwen.cn/shiwenv_0e0d4cdd37a1.aspx", page("静夜思原文、翻译及赏析_李白古诗_古诗文网", f"""
<div class="maintopbc"><div class="maintop"><a>古诗文网</a><a>推荐</a><a>诗文</a><a>名句</a><a>作者</a><a>古籍</a><a>我的</a></div></div>
<div class="main3"><div class="left"><div class="sons"><div class="cont"><h1>静夜思</h1><p class="source"><a>李白</a> <a>〔唐代〕</a></p>
<div class="contson" id="contson0e0d4cdd37a1">{"<br>".join(POEM)}</div></div>
<div class="tool"><div class="toolpinglun"><a>完善</a></div><div class="toolshoucang"><a>收藏</a></div><div class="toolsound"><a>朗读</a></div></div>
<div class="tag"><a>唐诗三百首</a>，<a>小学古诗</a>，<a>月亮</a>，<a>思乡</a></div></div>
<div class="sons"><div class="contyishang"><div><h2><span>译文及注释</span></h2></div><p><strong>译文</strong><br>{YI}</p><p><strong>注释</strong><br>{"<br>".join(ZHU)}</p>
<p style="text-align:right;">参考资料：完善</p></div></div>
<div class="sons"><div class="title"><h2>相关推荐</h2></div><ul>{RELATED}</ul></div></div>
<div class="right"><div class="sons"><h2>名句</h2><ul>{RELATED}</ul></div></div></div>
<div class="main4">© 2024 古诗文网 | <a>诗文</a> | <a>名句</a> | <a>作者</a> | <a>古籍</a> | <a>纠错</a></div>"""),
  "\n".join(["静夜思", "李白 〔唐代〕"] + POEM + ["译文及注释", "译文", YI, "注释"] + ZHU))

ESSAY = ["那年秋天，我第一次站上讲台。台下四十多双眼睛齐刷刷地望着我，我的手心里全是汗，准备了一晚上的开场白忘得一干二净。",
         "是坐在第一排的一个小女孩救了我。她举起手，怯生生地问：“老师，你也是第一次来我们学校吗？”全班都笑了，我也笑了，紧张一下子就没了。",
         "后来我才知道，那个小女孩也是刚转学来的。那一年，我们一起熟悉了这所学校，也一起长大。",
         "二十年过去了，我已经送走了七届毕业生。每当新学期开始，我总会想起那个秋天，想起那个举手的小女孩。"]
L["meiwen"] = ("https://www.duwenzhang.com/wenzhang/shenghuosuibi/20240902/512345.html", page("第一次站上讲台_生活随笔_读文章", f"""
<table width="960" align="center"><tr><td><a>读文章</a> <a>首页</a> | <a>爱情文章</a> | <a>亲情文章</a> | <a>友情文章</a> | <a>生活随笔</a> | <a>校园文章</a> | <a>经典文章</a> | <a>人生哲理</a> | <a>励志文章</a></td></tr></table>
<table width="960" align="center"><tr><td width="680" valign="top"><div class="dwz_nav">您的位置：<a>读文章</a> &gt;&gt; <a>生活随笔</a> &gt;&gt; 正文</div>
<table width="100%"><tr><td align="center"><h1>第一次站上讲台</h1></td></tr><tr><td align="center" class="info">作者：林老师　来源：原创投稿　时间：2024-09-02　阅读：<span>1234</span>次</td></tr>
<tr><td id="wenzhangziti" class="content">{"".join(f"<p>　　{p}</p>" for p in ESSAY)}</td></tr>
<tr><td>本文已影响 <b>1234</b> 人　<a>【发表评论】</a>　<a>【打印此文】</a>　<a>【关闭窗口】</a></td></tr>
<tr><td>上一篇：<a>那些年我们一起追过的老师</a><br>下一篇：<a>母亲的菜园</a></td></tr></table>
<div class="xgwz"><h3>相关文章</h3><ul>{RELATED}</ul></div></td>
<td width="270" valign="top"><h3>推荐文章</h3><ul>{RELATED}</ul><h3>热门文章</h3><ul>{RELATED}</ul></td></tr></table>
<div class="foot">Copyright © 2006-2024 读文章 版权所有 粤ICP备12345678号</div>"""), "\n".join(["第一次站上讲台"] + ESSAY))

# A children's site's 拼音版 poem: each character under its reading (`<ruby>春<rt>chūn</rt></ruby>`, some with
# `<rp>` brackets), a title of two characters that the <title> opens with.  (Its byline, 唐 · 孟浩然, is
# left out here: whether a poem's gold keeps it is gushiwen's question above.)
CHUNXIAO = ["春眠不觉晓，处处闻啼鸟。", "夜来风雨声，花落知多少。"]
READINGS = dict(zip("春眠不觉晓处处闻啼鸟夜来风雨声花落知多少", "chūn mián bù jué xiǎo chù chù wén tí niǎo yè lái fēng yǔ shēng huā luò zhī duō shǎo".split()))


def ruby(line: str, brackets: bool) -> str:
    def one(ch):
        if ch not in READINGS:
            return ch
        rt = f"<rp>(</rp><rt>{READINGS[ch]}</rt><rp>)</rp>" if brackets else f"<rt>{READINGS[ch]}</rt>"
        return f"<ruby>{ch}{rt}</ruby>"
    return "".join(one(ch) for ch in line)


SHANG = "这首诗是诗人隐居在鹿门山时所作，意境十分优美。诗人抓住春天的早晨刚刚醒来时的一刹那展开描写和联想，生动地表达了诗人对春天的热爱和怜惜之情。"
for name, brackets in (("pinyin_poem", False), ("pinyin_poem_rp", True)):
    L[name] = ("https://www.ertong.com/shici/chunxiao.html", page("春晓_孟浩然_古诗拼音版_儿童网", f"""
<div class="nav"><a>儿童网</a><a>古诗</a><a>儿歌</a><a>故事</a><a>识字</a></div>
<div class="main"><div class="crumb">当前位置：<a>首页</a> &gt; <a>古诗拼音版</a> &gt; 春晓</div>
<div class="poem"><h1>春晓</h1>{"".join(f"<p class='line'>{ruby(x, brackets)}</p>" for x in CHUNXIAO)}</div>
<div class="shangxi"><h2>赏析</h2><p>{SHANG}</p></div>
<div class="related"><h3>相关古诗</h3><ul>{RELATED}</ul></div></div>"""), "\n".join(["春晓"] + CHUNXIAO + ["赏析", SHANG]))

if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html, exp) in L.items():
        n += check(name, html, url, exp, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
