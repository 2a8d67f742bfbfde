"""Tutorials and technical articles with code, as documentation and developer sites set them: a
runoob-like tutorial (a chapter list down the left, 上一节/下一节, readers' notes below), a
liaoxuefeng-like wiki (a chapter tree, `<pre><code>`, a discussion below), a Sphinx/MDN-like manual
(a breadcrumb, an "on this page" box, heading permalinks ¶, highlighted code of token spans, an
edit-this-page line), and a 掘金/segmentfault-like article (code with line numbers as list items and
a 复制代码 button, tags, likes, comments).  Gold: the title, the prose, the subheadings and the
code lines as shown; chapter lists, buttons, permalinks, notes, comments and footers go."""
import sys

from harness import check
from news1 import page

TITLE = "Python 字典的常用操作"
INTRO = ["字典是 Python 中常用的数据结构，它以键值对的形式保存数据，通过键可以快速查找对应的值。",
         "本节介绍字典的创建、访问、修改和遍历，每个操作都给出了示例代码。"]
H1 = "创建字典"
P1 = ["使用花括号可以直接创建字典，键和值之间用冒号分隔，各个键值对之间用逗号分隔："]
CODE1 = ['scores = {"张三": 92, "李四": 85, "王五": 78}', "print(scores)"]
H2 = "访问和修改"
P2 = ["通过键访问字典中的值，如果键不存在会抛出 KeyError 异常，可以改用 get() 方法并给出默认值："]
CODE2 = ['print(scores["张三"])', 'print(scores.get("赵六", 0))', 'scores["李四"] = 88']
H3 = "遍历字典"
P3 = ["items() 方法返回所有的键值对，配合 for 循环可以依次处理每一项："]
CODE3 = ["for name, score in scores.items():", '    print(name, score)']
P4 = ["需要注意的是，从 Python 3.7 开始，字典会保持元素插入时的顺序。"]
SECTIONS = [(H1, P1, CODE1), (H2, P2, CODE2), (H3, P3, CODE3)]
EXPECTED = [TITLE, *INTRO] + [x for h, ps, code in SECTIONS for x in [h, *ps, *code]] + P4
CHAPTERS = ["Python 简介", "Python 环境搭建", "Python 基础语法", "Python 变量类型", "Python 运算符", "Python 列表",
            "Python 元组", "Python 字典", "Python 集合", "Python 函数", "Python 模块", "Python 文件操作"]


def esc(line):
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def runoob():
    body = "".join(f"<h2>{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps)
                   + f"<div class='example'><div class='example_code'><pre>{esc(chr(10).join(code))}</pre></div><a class='tryitbtn' target='_blank'>尝试一下 »</a></div>"
                   for h, ps, code in SECTIONS)
    chapters = "".join(f"<a target='_top' title='{c}' href='/python3/{i}.html'>{c}</a>" for i, c in enumerate(CHAPTERS))
    return page(f"{TITLE} | 菜鸟教程", f"""
<div class="container logo-search"><a class="logo">菜鸟教程 -- 学的不仅是技术，更是梦想！</a><form><input placeholder="搜索……"></form></div>
<div class="container navigation"><ul><li><a>首页</a></li><li><a>HTML</a></li><li><a>CSS</a></li><li><a>JavaScript</a></li><li><a>Python3</a></li><li><a>Java</a></li><li><a>本地书签</a></li></ul></div>
<div class="container main"><div class="row"><div class="col left-column"><div class="sidebar-box"><div class="design" id="leftcolumn"><h2 class="left"><span class="left_h2">Python 3</span> 教程</h2>{chapters}</div></div></div>
<div class="col middle-column"><div class="previous-next-links"><div class="previous-design-link">← <a>Python 元组</a></div><div class="next-design-link"><a>Python 集合</a> →</div></div>
<div class="article"><div class="article-intro" id="content"><h1>{TITLE}</h1>{''.join(f'<p>{p}</p>' for p in INTRO)}{body}<p>{P4[0]}</p></div></div>
<div class="previous-next-links"><div class="previous-design-link">← <a>Python 元组</a></div><div class="next-design-link"><a>Python 集合</a> →</div></div>
<div class="article-heading-ad"></div><div id="postcomments"><h2>1 篇笔记</h2><a>写笔记</a><ol class="commentlist"><li class="comment"><div class="comment-content">字典的键必须是不可变类型，列表不能作为键，元组可以。</div><div class="comment-author">小明 xm***@163.com 3年前 (2021-10-08)</div></li></ol></div></div>
<div class="fivecol last right-column"><div class="sidebar-box"><h2>分类导航</h2><a>HTML / CSS</a><a>JavaScript</a><a>服务端</a><a>数据库</a><a>数据分析</a></div><div class="sidebar-box"><h2>Advertisement</h2></div></div></div></div>
<div id="footer"><p>Copyright © 2013-2024 菜鸟教程 runoob.com All Rights Reserved. 备案号：闽ICP备15012807号-1</p><a>意见反馈</a><a>合作联系</a></div>""")


def liaoxuefeng():
    body = "".join(f"<h3>{h}</h3>" + "".join(f"<p>{p}</p>" for p in ps) + f"<pre><code class='language-python'>{esc(chr(10).join(code))}</code></pre>"
                   for h, ps, code in SECTIONS)
    tree = "".join(f"<li><a class='x-wiki-index-item' href='/books/python/{i}'>{c}</a></li>" for i, c in enumerate(CHAPTERS))
    return page(f"{TITLE} - Python教程 - 廖雪峰的官方网站", f"""
<div id="header" class="x-header"><a>廖雪峰的官方网站</a><ul><li><a>编程</a></li><li><a>读书</a></li><li><a>Java教程</a></li><li><a>Python教程</a></li><li><a>JavaScript教程</a></li><li><a>SQL教程</a></li><li><a>Git教程</a></li></ul><a>登录</a></div>
<div class="x-container"><div class="x-sidebar-left"><div class="x-sidebar-left-content"><ul class="uk-nav uk-nav-side" id="x-wiki-index">{tree}</ul></div></div>
<div class="x-content"><div class="x-wiki-tool"><a>← 上一页</a><a>下一页 →</a></div><h4>{TITLE}</h4><div><span>Last updated: ...</span> / <span>Reads: 1234567</span> / <a>Edit</a></div>
<div class="x-wiki-content x-main-content">{''.join(f'<p>{p}</p>' for p in INTRO)}{body}<p>{P4[0]}</p></div>
<div class="x-wiki-tool"><a>← 上一页</a><a>下一页 →</a></div>
<div class="x-discuss"><h3>Comments</h3><h4>Make a comment</h4><p>Sign in to make a comment</p><div class="x-discuss-topic"><h4>字典和列表的区别是什么？</h4><p>看完还是不太明白什么时候用字典什么时候用列表，求解答。</p><p>张三 created at 3 days ago, Last updated at 2 days ago</p></div></div></div>
<div class="x-sidebar-right"><h3>Feedback</h3><h3>License</h3><p>本教程贯彻 Learn by doing 的理念，通过实例讲解。</p></div></div>
<div class="x-footer"><a>Powered by iTranswarp</a> ©Copyright 2019-2024</div>""")


def sphinx():
    def code(lines):
        tokens = []
        for line in lines:
            tokens.append("".join(f"<span class='n'>{esc(w)}</span>" if w.strip() else w for w in line.split(" ")).replace("</span><span", "</span> <span"))
        return "<div class='highlight-python notranslate'><div class='highlight'><pre>" + "\n".join(tokens) + "</pre></div></div>"
    body = "".join(f"<section id='s{i}'><h2>{h}<a class='headerlink' href='#s{i}' title='Link to this heading'>¶</a></h2>"
                   + "".join(f"<p>{p}</p>" for p in ps) + code(c) + "</section>" for i, (h, ps, c) in enumerate(SECTIONS, 1))
    toc = "".join(f"<li><a class='reference internal' href='#s{i}'>{h}</a></li>" for i, (h, _, _) in enumerate(SECTIONS, 1))
    return page(f"{TITLE} — Python 入门手册 3.12 文档", f"""
<div class="related" role="navigation"><h3>导航</h3><ul><li><a>索引</a></li><li><a>模块</a> |</li><li><a>下一页</a> |</li><li><a>上一页</a> |</li><li><a>Python 入门手册</a> »</li><li><a>数据结构</a> »</li></ul></div>
<div class="document"><div class="documentwrapper"><div class="bodywrapper"><div class="body" role="main">
<section id="dict"><h1>{TITLE}<a class="headerlink" href="#dict" title="Link to this heading">¶</a></h1>{''.join(f'<p>{p}</p>' for p in INTRO)}{body}<p>{P4[0]}</p></section></div></div></div>
<div class="sphinxsidebar" role="navigation"><div class="sphinxsidebarwrapper"><h3><a>目录</a></h3><ul><li><a>{TITLE}</a><ul>{toc}</ul></li></ul><h4>上一主题</h4><p><a>列表的常用操作</a></p><h4>下一主题</h4><p><a>集合的常用操作</a></p>
<div role="note"><h3>本页</h3><ul><li><a>提交 Bug</a></li><li><a>显示源代码</a></li></ul></div></div></div></div>
<div class="footer">© 版权所有 2001-2024, Python 入门手册编写组。<br>最后更新于 10月 08, 2024。<a>发现了问题</a>？<br>使用 Sphinx 7.2.6 创建。</div>""")


def juejin():
    def code(lines):
        items = "".join(f"<li>{esc(line)}</li>" for line in lines)
        return f"<pre><div class='code-block-extension-header'><span>Python</span><span class='copy-code-btn'>复制代码</span></div><code class='hljs language-python'><ol class='linenums'>{items}</ol></code></pre>"
    body = "".join(f"<h2 data-id='heading-{i}'>{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps) + code(c) for i, (h, ps, c) in enumerate(SECTIONS))
    return page(f"{TITLE} - 掘金", f"""
<header class="main-header"><a>稀土掘金</a><nav><a>首页</a><a>沸点</a><a>课程</a><a>直播</a><a>活动</a><a>AI Coding</a></nav><input placeholder="探索稀土掘金"><a>创作者中心</a><a>登录</a></header>
<main class="main-container"><div class="view column-view"><div class="main-area article-area"><article class="article">
<h1 class="article-title">{TITLE}</h1><div class="author-info-block"><a class="username">码农小李</a><div class="meta-box"><time>2024-10-08 20:15</time><span class="views-count">1,234</span><span>阅读3分钟</span></div><button>关注</button></div>
<div class="article-viewer markdown-body"><div>{''.join(f'<p>{p}</p>' for p in INTRO)}{body}<p>{P4[0]}</p></div></div>
<div class="article-end"><div class="tag-list-box"><div class="tag-list-title">标签：</div><a>Python</a><a>后端</a></div><div class="column-container">文章被收录于专栏：<a>Python 入门笔记</a><span>12 篇文章</span><button>订阅专栏</button></div></div></article>
<div class="article-suspended-panel"><div class="like-btn">赞 23</div><div class="comment-btn">评论 5</div><div class="collect-btn">收藏</div><div>分享</div></div>
<div class="comment-list-box"><div class="title">评论 5</div><div class="comment-list"><div class="comment-item"><a>读者甲</a><div class="content">写得很清楚，get 方法的默认值很实用。</div><time>3天前</time><span>点赞</span><span>回复</span></div></div></div>
<div class="recommended-area"><div class="recommended-title">相关推荐</div><div class="entry"><a>Python 列表推导式详解</a><div class="abstract">列表推导式是 Python 中简洁而强大的语法，本文通过多个例子介绍它的用法……</div></div></div></div>
<div class="sidebar"><div class="author-block"><a>码农小李</a><div>后端开发</div><div>文章 12 阅读 34,567 粉丝 89</div></div><div class="sidebar-block"><div class="title">目录</div><ul>{''.join(f'<li><a>{h}</a></li>' for h, _, _ in SECTIONS)}</ul></div></div></div></main>
<footer>©2024 稀土掘金 京ICP备18012699号-3</footer>""")


PAGES = (("runoob", runoob, "https://www.runoob.com/python3/python3-dictionary.html"),
         ("liaoxuefeng", liaoxuefeng, "https://liaoxuefeng.com/books/python/basic/dict/index.html"),
         ("sphinx", sphinx, "https://docs.pyhandbook.cn/3.12/tutorial/dict.html"),
         ("juejin", juejin, "https://juejin.cn/post/7423456789012345678"))
L = {name: (url, make(), "\n".join(EXPECTED)) for name, make, url in PAGES}     # as page text too (as_text.py)


if __name__ == "__main__":
    n = 0
    for name, make, url in PAGES:
        n += check(name, make(), url, "\n".join(EXPECTED), "-v" in sys.argv)
    print(f"{n}/{len(PAGES)} ok")
