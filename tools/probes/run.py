"""Run every layout probe and print each one's count of clean pages, then the total.

    .venv/bin/python tools/probes/run.py                 # this checkout
    TREE=/tmp/base .venv/bin/python tools/probes/run.py  # another checkout's cleaners (before a change)
    .venv/bin/python tools/probes/forum2.py -v           # one probe, every page's lines

Stop 29's probes: news portals (news1-3), blogs (blog1), forums (forum1-4), a county bureau's
WeChat article (wechat1), reading and poem sites (lit1-2), government CMS pages (gov1), a school
site (school1), a county report as pdftotext writes it (pdftext), non-documents (nondoc: rejected
or not), and the HTML pages as an archive's page text (as_text).  What is BAD at the end of stop
29 is said in its note.

Stop 30's: recall, documents whose own lines share words and shapes with chrome (lookalike1-4)
and a county bureau's short items (short1), as HTML and as page text; more government CMS
families (gov2); a photo story told in its captions (photo1); a story's lead box, quote, lists and headings (body2); a statistical bulletin's table (bulletin1); a notice's lines one at a time (lookalike5); a 文库 page's text with a flattened table (wenku_text1); the lookalike pages in Traditional script (trad1).

Stop 31's: recall in bodies that look less like prose than their chrome (news4: keyword links,
prize lists, a body cut by a player, old table layouts, footnotes, <pre>); a thread's first post
that is not long paragraphs (forum5: short lines, a quote, a poem, a table, an edit note, an
attachment box), in Discuz X, an old GBK board, phpBB and 贴吧; parts of a story whose class
names hold a chrome word by accident (news5); a page whose <title> is only a name, its headline
shown above the article (title1); prose after a story that is not the story (news6); a short story beside longer prose that is not
it (rival1); a 范文 site's header in its shapes as page text (fanwen1).

Stop 32's: question-and-answer pages (qa1: 百度知道, 知乎, 搜狗问问, a developers' Q&A built of
comment components, a county bureau's 局长信箱), every answer kept; ten more news portals' templates
and the lines they set around a story (news7, also as page text); encyclopedia entries (wiki1: an
entry's first sentence opening with its name, a heading's edit and read-aloud buttons); interviews
and press Q&As whose turns open with a speaker's label (talk1, also as page text).

Stop 33's: Q&A pages whose markup never names an answer (qa2: 百度知道's accepted answer in its own
box, a 360问答-style page, a mobile Q&A page, an old table layout, plain divs under labelled
headings), told by the labels the page sets over them; tutorials and technical articles with code
(docs1: a runoob-like tutorial, a liaoxuefeng-like wiki, a Sphinx manual, a 掘金-like article;
also as page text); forum5's first posts in six more engines (forum6: Discourse, NGA, Flarum,
vBulletin, NodeBB, SMF); self-media platforms' article pages (news8: 百家号, 头条, 网易号, 搜狐号,
知乎专栏, bilibili 专栏, 豆瓣日记, 微博文章; also as page text); news portals' mobile pages
(mobile1: an app bar, the story folded under 展开全文, a feed of recommended stories; also as page text);
novel chapter pages (lit3: 起点-, 纵横-, 晋江-, 笔趣阁-like).

Stop 35's: a notice's attachments as the government CMS families set them (gov3: a TRS 附件 box
after the body, the new TRS editor's insertfileTag, Hanweb's downfile.jsp links, a box beside the
body's column, an attachment-only 印发 notice, download links without a file extension).

Stop 36's: old county and school sites (gov4: 动易/ASP table layouts with a 工作要点's task table and a
工作总结's 落款 set right, a Hanweb page whose 信息公开 metadata is a list; also as page text).
"""
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROBES = ["news1", "news2", "news3", "blog1", "forum1", "forum2", "forum3", "forum4", "wechat1", "lit1", "lit2", "gov1", "school1", "pdftext",
          "lookalike1", "lookalike2", "lookalike3", "lookalike4", "short1", "gov2", "photo1", "body2", "bulletin1", "lookalike5", "wenku_text1", "trad1", "news4", "forum5", "news5", "title1", "news6", "rival1", "fanwen1", "qa1", "news7", "wiki1", "talk1", "qa2", "docs1", "forum6", "news8", "mobile1", "lit3", "micro1", "news9", "inst1", "forum7", "blog2", "gov3", "gov4"]

total = ok = 0
for name in PROBES:
    out = subprocess.run([sys.executable, str(HERE / f"{name}.py")], capture_output=True, text=True, cwd=HERE).stdout
    last = out.strip().splitlines()[-1] if out.strip() else ""
    found = re.match(r"(\d+)/(\d+) ok", last)
    if found:
        ok, total = ok + int(found.group(1)), total + int(found.group(2))
    print(f"{name:10s} {last}")
    for line in out.splitlines():
        if line.startswith("BAD"):
            print("    " + line)
print(f"all: {ok}/{total} clean")
subprocess.run([sys.executable, str(HERE / "nondoc.py")], cwd=HERE)
print("as an archive's page text, first ~2,000 bytes (as_text.py --cut):")
subprocess.run([sys.executable, str(HERE / "as_text.py"), "--cut"], cwd=HERE)
