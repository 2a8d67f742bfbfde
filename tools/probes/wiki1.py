"""Encyclopedia entries (百度百科-, 维基-, 360百科-like): the entry's summary, its table of contents, then
sections under headings that carry an edit link (`编辑`, `[编辑]`) or a read-aloud button (`播报`),
and the entry's statistics box.  Gold: the entry's name, the summary, each section's heading and
paragraphs; the contents box, the edit links and buttons and the statistics go.  (Info boxes and
reference lists are left out of these pages: which of them a gold keeps is not settled here.)"""
import sys

from harness import check
from news1 import page

NAME = "城关区第一中学"
SUMMARY = "城关区第一中学创办于1956年，是一所公办完全中学，位于城关区人民路18号，现有教学班48个，在校学生2300余人，教职工210人。"
SECTIONS = [("历史沿革", ["1956年，学校在原城关小学旧址创办，初名城关初级中学，当年招收新生四个班。",
                         "1978年，学校增设高中部，更名为城关区第一中学；2005年，学校整体迁入人民路新校区。"]),
            ("办学条件", ["学校占地面积86亩，建有教学楼、实验楼、图书馆、体育馆和学生公寓，藏书12万册。",
                         "学校建有理化生实验室12间、计算机教室4间，所有教室均配备多媒体教学设备。"]),
            ("办学成果", ["近五年，学校高考本科上线率保持在85%以上，先后获评省级文明校园、市级示范性高中。"])]
EXPECTED = "\n".join([NAME, SUMMARY] + [x for head, paras in SECTIONS for x in [head, *paras]])
TOC = "".join(f"<li><a href='#{i}'><span class='index'>{i}</span><span class='text'>{head}</span></a></li>" for i, (head, _) in enumerate(SECTIONS, 1))


def baike():
    body = "".join(f"<div class='para-title level-2'><h2 class='title-text'>{head}</h2>"
                   f"<a class='edit-icon'>编辑</a><span class='audio-play'>播报</span></div>"
                   + "".join(f"<div class='para'>{p}</div>" for p in paras) for head, paras in SECTIONS)
    return page(f"{NAME}_百度百科", f"""
<div class="header"><a>百度首页</a><a>百科</a><input><button>进入词条</button><a>登录</a></div>
<div class="main-content"><div class="lemma-title"><h1>{NAME}</h1><a class="edit-lemma">编辑</a><a>讨论</a><a>上传视频</a></div>
<div class="lemma-summary"><div class="para">{SUMMARY}</div></div>
<div class="lemmaWgt-lemmaCatalog"><h2 class="block-title">目录</h2><ol>{TOC}</ol></div>
{body}</div>
<div class="side-content"><div class="lemma-statistics"><h2>词条统计</h2><ul><li>浏览次数：12345次</li><li>编辑次数：8次历史版本</li><li>最近更新：张三（2024-08-26）</li></ul></div></div>
<div class="footer">©2024 Baidu 使用百度前必读 百科协议 隐私政策</div>""")


def mediawiki():
    body = "".join(f"<h2><span class='mw-headline' id='s{i}'>{head}</span><span class='mw-editsection'><span class='mw-editsection-bracket'>[</span><a>编辑</a><span class='mw-editsection-bracket'>]</span></span></h2>"
                   + "".join(f"<p>{p}</p>" for p in paras) for i, (head, paras) in enumerate(SECTIONS, 1))
    return page(f"{NAME} - 城关百科，自由的百科全书", f"""
<div id="mw-head"><a>条目</a><a>讨论</a><a>阅读</a><a>编辑</a><a>查看历史</a></div><div id="mw-panel"><a>首页</a><a>分类索引</a><a>随机条目</a></div>
<div id="content" class="mw-body"><h1 id="firstHeading" class="firstHeading">{NAME}</h1><div id="siteSub">维基百科，自由的百科全书</div>
<div id="bodyContent"><div class="mw-parser-output"><p><b>{NAME}</b>{SUMMARY[len(NAME):]}</p>
<div id="toc" class="toc"><div class="toctitle"><h2>目录</h2></div><ul>{TOC}</ul></div>
{body}</div><div id="catlinks" class="catlinks">分类：<a>城关区学校</a> | <a>1956年创建的教育机构</a></div></div></div>
<div id="footer"><ul><li>本页面最后修订于2024年8月26日 (星期一) 18:30。</li><li>本站的全部文字在知识共享 署名-相同方式共享 4.0协议之条款下提供。</li></ul></div>""")


if __name__ == "__main__":
    n = 0
    for name, make, url in (("baike", baike, "https://baike.baidu.com/item/城关区第一中学/12345"),
                            ("mediawiki", mediawiki, "https://zh.cgwiki.org/wiki/城关区第一中学")):
        n += check(name, make(), url, EXPECTED, "-v" in sys.argv)
    print(f"{n}/2 ok")
