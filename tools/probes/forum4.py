"""v2ex and hupu threads (hosts the dev set does not have)."""
from harness import check
from news1 import page
from forum2 import TITLE, FIRST, LONG
from blog1 import BP

L = {}
L["v2ex_long"] = ("https://www.v2ex.com/t/1071234", page(f"{TITLE} - V2EX", f"""
<div id="Top"><a>V2EX</a><input><a>首页</a><a>注册</a><a>登录</a></div>
<div id="Main"><div class="box"><div class="header"><div class="fr"><a><img class="avatar"></a></div><a>V2EX</a> <span class="chevron">›</span> <a>问与答</a>
<h1>{TITLE}</h1><div class="votes"></div><small class="gray"><a>laoli</a> · <span title="2024-09-02 20:11:30 +08:00">1 天前</span> · 1234 次点击</small></div>
<div class="cell"><div class="topic_content"><div class="markdown_body">{"".join(f"<p>{p}</p>" for p in BP)}</div></div></div>
<div class="topic_buttons"><a>加入收藏</a> <a>Tweet</a> <a>忽略主题</a> <a>感谢</a></div></div>
<div class="box"><div class="cell"><span class="gray">3 条回复 &nbsp;<strong class="snow">•</strong> &nbsp;2024-09-03 10:12:33 +08:00</span></div>
{"".join(f'<div id="r_{i}" class="cell"><table><tr><td width="48"><img class="avatar"></td><td><div class="fr"><span class="no">{i+1}</span></div><strong><a class="dark">user{i}</a></strong> <span class="ago" title="2024-09-0{i+2} 1{i}:12:33 +08:00">{i+1} 天前</span><div class="reply_content">{t}</div></td></tr></table></div>' for i, t in enumerate(LONG))}
</div></div><div id="Bottom">V2EX 是创意工作者们的社区 ♥ Do have faith in what you're doing. VERSION: 3.9.8.5 · 24ms · UTC 02:00</div>"""),
  "\n".join([TITLE] + BP))
L["v2ex_short"] = (L["v2ex_long"][0], L["v2ex_long"][1].replace("".join(f"<p>{p}</p>" for p in BP), f"<p>{FIRST[0]}</p>"), "\n".join([TITLE] + FIRST))
L["hupu"] = ("https://bbs.hupu.com/612345678.html", page(f"{TITLE}-虎扑社区", f"""
<div class="hp-header"><a>虎扑</a><a>首页</a><a>步行街</a><a>NBA</a><a>CBA</a><a>足球</a><a>登录</a></div>
<div class="bbs-post-wrapper"><div class="post-wrapper"><div class="bbs-post-web-main-title"><h1 class="name">{TITLE}</h1></div>
<div class="post-content_bbs-post-content"><div class="post-user"><a class="post-user-comp-info-top-name">教书匠老李</a><span class="post-user-comp-info-bottom-time">2024-09-02 20:11</span><span>来自 四川</span></div>
<div class="thread-content-detail"><p>{FIRST[0]}</p></div><div class="post-operate"><span>推荐 (12)</span><span>收藏</span><span>分享</span></div></div></div>
<div class="post-reply"><div class="post-reply-list-title">全部回复</div>
{"".join(f'<div class="post-reply-list"><div class="post-reply-list-container"><div class="user-base-info"><a>user{i}</a><span class="post-reply-list-user-info-top-time">2024-09-0{i+2} 1{i}:12</span></div><div class="thread-content-detail"><p>{t}</p></div><div class="todo-list"><span>亮了({i*7})</span><span>回复</span></div></div></div>' for i, t in enumerate(LONG))}
</div></div><div class="hp-footer">© 2024 hupu.com 沪ICP备12345678号</div>"""), "\n".join([TITLE] + FIRST))
if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html, exp) in L.items():
        n += check(name, html, url, exp, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
