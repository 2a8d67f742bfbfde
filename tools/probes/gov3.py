"""A notice's attachments as the government CMS families set them (../shared/research/gov-sites.md
§2.1-2.4, §2.10): a TRS page's 附件 box after the TRS_Editor body, the new TRS editor's insertfileTag
inside it, a Hanweb body whose links go through downfile.jsp (the file name in `showname=`), a list of
two or three files in a box of its own beside the body's container, an attachment-only 印发 notice
(one sentence and the file), and a site whose download links carry no extension (the file named in
the link's text).  The gold keeps an official document's attachments (real/html's README): the
label and each file's name, without the download counters and icons around them."""
import sys

from harness import check
from news1 import page
from gov1 import BODY, P, TITLE

FILES = ["1.城关区2024年秋季开学安全检查表.docx", "2.城关区2024年秋季学期校历.pdf"]
EXP = "\n".join([TITLE, *BODY, "附件：", *FILES])
HEAD = """<div class="top"><a href="/">城关区教育局</a><a href="/zwgk/">政务公开</a><a href="/jyzx/">教育资讯</a><a href="/bsfw/">办事服务</a></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>"""
INFO = '<div class="info"><span>发布时间：2024-08-26 10:21</span><span>来源：城关区教育局</span><span>浏览次数：1234</span></div>'
TOOLS = '<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>'
FOOT = '<div class="footer"><p>主办单位：城关区教育局 地址：城关区人民路1号</p><p>网站标识码：6201020001 陇ICP备12345678号</p></div>'
RELATED = ('<div class="related"><h3>相关信息</h3><ul><li><a href="/zwgk/tzgg/202407/t20240701_1.html">关于做好2024年暑假安全工作的通知</a></li>'
           '<li><a href="/zwgk/tzgg/202406/t20240612_2.html">关于开展2024年中考考务培训的通知</a></li></ul></div>')
URL = "http://jyj.example.gov.cn/zwgk/tzgg/202408/t20240826_5001234.html"
L = {}
L["trs_fj_box"] = (URL, page(TITLE, f"""{HEAD}
<div class="article"><h1>{TITLE}</h1>{INFO}<div class="TRS_Editor">{P}</div>
<div class="fujian"><span>附件：</span><br><a href="./P020240826512345678901.docx">{FILES[0]}</a><br><a href="./P020240826512345678902.pdf">{FILES[1]}</a></div>
{TOOLS}</div>{RELATED}{FOOT}"""), EXP)
L["trs_insertfile"] = (URL, page(TITLE, f"""{HEAD}
<div class="article"><h1>{TITLE}</h1>{INFO}<div class="TRS_UEDITOR trs_paper_default">{P}<p>附件：</p>
<p class="insertfileTag"><img src="/govapp/lib/ueditor_demo/ueditor2/dialogs/attachment/fileTypeImages/icon_doc.gif"><a appendix="true" data-appendix="true" needdownload="true" href="./P020240826512345678901.docx" title="{FILES[0]}">{FILES[0]}</a></p>
<p class="insertfileTag"><img src="/govapp/lib/ueditor_demo/ueditor2/dialogs/attachment/fileTypeImages/icon_pdf.gif"><a appendix="true" data-appendix="true" needdownload="true" href="./P020240826512345678902.pdf" title="{FILES[1]}">{FILES[1]}</a></p></div>
{TOOLS}</div>{RELATED}{FOOT}"""), EXP)
L["hanweb_downfile"] = ("https://www.example.gov.cn/art/2024/8/26/art_1234_5678901.html", page(TITLE, f"""{HEAD}
<table class="main"><tr><td><div class="title">{TITLE}</div>{INFO}
<div id="zoom"><!--ContentStart-->{P}<p>附件：</p>
<p><a href="/module/download/downfile.jsp?classid=0&amp;filename=6f3a2b1c9d8e7f6a5b4c3d2e1f0a9b8c.docx&amp;showname=1.%E5%9F%8E%E5%85%B3.docx">{FILES[0]}</a></p>
<p><a href="/module/download/downfile.jsp?classid=0&amp;filename=0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d.pdf&amp;showname=2.%E5%9F%8E%E5%85%B3.pdf">{FILES[1]}</a></p><!--ContentEnd--></div>
{TOOLS}</td></tr></table>{RELATED}{FOOT}"""), EXP)
L["side_box"] = (URL, page(TITLE, f"""{HEAD}
<div class="main"><div class="con"><h1>{TITLE}</h1>{INFO}<div class="content">{P}</div></div>
<div class="attachment"><h4>附件：</h4><ul><li><a href="/uploads/2024/08/26/a1.docx">{FILES[0]}</a></li><li><a href="/uploads/2024/08/26/a2.pdf">{FILES[1]}</a></li></ul></div>
{TOOLS}</div>{RELATED}{FOOT}"""), EXP)
ONLY = ["各中小学、幼儿园，局属各单位：", "现将《城关区2024年秋季开学安全检查方案》印发给你们，请结合实际认真贯彻执行。", "城关区教育局",
        "2024年8月20日"]
ONLY_TITLE = "城关区教育局关于印发《城关区2024年秋季开学安全检查方案》的通知"
L["attachment_only"] = (URL, page(ONLY_TITLE, f"""{HEAD}
<div class="article"><h1>{ONLY_TITLE}</h1>{INFO}<div class="TRS_Editor">{"".join(f"<p>{b}</p>" for b in ONLY)}</div>
<div class="fujian"><span>附件：</span><a href="./P020240826512345678903.pdf">城关区2024年秋季开学安全检查方案.pdf</a></div>
{TOOLS}</div>{RELATED}{FOOT}"""), "\n".join([ONLY_TITLE, *ONLY, "附件：", "城关区2024年秋季开学安全检查方案.pdf"]))
L["no_extension"] = (URL, page(TITLE, f"""{HEAD}
<div class="article"><h1>{TITLE}</h1>{INFO}<div class="content">{P}</div>
<div class="files"><p>附件：</p><p><a href="/attach/download?id=88231">{FILES[0]}</a></p><p><a href="/attach/download?id=88232">{FILES[1]}</a></p></div>
{TOOLS}</div>{RELATED}{FOOT}"""), EXP)

if __name__ == "__main__":
    n = 0
    for name, (url, html, exp) in L.items():
        n += check(name, html, url, exp, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
