"""More government CMS families (../shared/research/gov-sites.md §2): gov.cn's UCAP template with its
spaced labels, a TRS WCM page whose body holds a <style> and the metadata table inside the body box,
a VSB county page with its bulleted index row, a JCMS page with ContentStart markers, and a page
whose metadata row lost its labels (冠县); each a 公文 body that must come out whole and alone."""
import sys

from harness import check
from news1 import page
from gov1 import TITLE, EXP, P

L = {}
L["ucap"] = ("https://www.gov.cn/zhengce/content/202408/content_6970001.htm", page(TITLE + "_国务院部门文件_中国政府网", f"""
<div class="header"><a>中国政府网</a><a>首页</a><a>简</a><a>繁</a><a>EN</a><a>登录</a><a>邮箱</a><a>无障碍</a></div>
<div class="BreadcrumbNav"><a>首页</a> &gt; <a>政策</a> &gt; <a>国务院部门文件</a></div>
<table class="bd1"><tr><td><b>索  引  号：</b></td><td>000014349/2024-00066</td><td><b>主题分类：</b></td><td>教育\\其他</td></tr>
<tr><td><b>发文机关：</b></td><td>城关区教育局</td><td><b>成文日期：</b></td><td>2024年08月20日</td></tr>
<tr><td><b>标　　题：</b></td><td colspan="3">{TITLE}</td></tr>
<tr><td><b>发文字号：</b></td><td>城教〔2024〕56号</td><td><b>发布日期：</b></td><td>2024年08月26日</td></tr></table>
<div class="pages_content" id="UCAP-CONTENT"><div class="trs_editor_view TRS_UEDITOR trs_paper_default">{P}</div></div>
<div class="editor">【我要纠错】 责任编辑：王明</div>
<div class="share">扫一扫在手机打开当前页</div>
<div class="related"><h3>相关稿件</h3><ul><li><a>教育部关于做好2024年秋季学期开学工作的通知</a></li></ul></div>
<div class="footer">主办单位：国务院办公厅 运行维护单位：中国政府网运行中心 版权所有：中国政府网 京ICP备05070218号 京公网安备11010202000001号</div>"""))
L["trs_table_inside"] = ("http://jyj.example.gov.cn/zwgk/tzgg/202408/t20240826_5001234.html", page(TITLE, f"""
<meta name="ArticleTitle" content="{TITLE}"><meta name="PubDate" content="2024-08-26 10:21"><meta name="ContentSource" content="城关区教育局">
<div class="top"><a>城关区教育局</a><a>首页</a><a>政务公开</a><a>教育资讯</a><a>办事服务</a></div>
<div class="location">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>通知公告</a></div>
<div class="detail"><h2 class="title">{TITLE}</h2><div class="wrapper_deatil_date"><span>2024-08-26 10:21</span><span>来源：城关区教育局</span><span>字体：<a class="big">大</a> | <a class="middle">中</a> | <a class="small">小</a></span></div>
<div class="pages_content"><table class="xxgk"><tr><td>索引号：</td><td>11620102MB1908811Q/2024-00321</td><td>公开方式：</td><td>主动公开</td></tr><tr><td>发文字号：</td><td>城教〔2024〕56号</td><td>成文日期：</td><td>2024-08-20</td></tr></table>
<div class="view TRS_UEDITOR trs_paper_default trs_external"><style type="text/css">.TRS_Editor P{{margin-top:5px;line-height:2;font-size:16px;}}</style>{P}</div></div>
<div class="print"><a>打印本页</a> <a>关闭窗口</a></div></div>
<div class="foot">城关区教育局 版权所有 地址：城关区人民路1号 电话：0931-8123000 陇ICP备12345678号-1 政府网站标识码：6201020001</div>"""))
L["vsb"] = ("https://www.example.gov.cn/info/13951/728370.htm", page(TITLE + "-城关区人民政府", f"""
<div class="head"><a>城关区人民政府</a><span>今天是：2024年8月26日 星期一</span></div>
<div class="menu"><a>网站首页</a><a>政务公开</a><a>政务服务</a><a>政民互动</a></div>
<div class="dqwz">当前位置: <a>首页</a> &gt;&gt; <a>政务公开</a> &gt;&gt; <a>部门信息公开</a> &gt;&gt; <a>教育局</a></div>
<form name="_newscontent_fromname"><div class="xl"><h1>{TITLE}</h1>
<div class="xxgk_row">索 引 号:jiaoyuju/2024-00011 • 发布机构:教育局 • 成文日期: • 公开方式:公开 • 公开范围:全部公开 发布日期:2024-08-26 信息来源: 浏览次数:<script>_showDynClicks("wbnews", 1696478521, 728370)</script></div>
<div id="vsb_content"><div class="v_news_content">{P}</div></div>
<div class="fj"><ul></ul></div>
<p class="close"><a href="javascript:window.print()">【打印此页】</a> <a href="javascript:window.close()">【关闭窗口】</a></p></div></form>
<div class="bottom">版权所有：城关区人民政府 技术支持：博达软件 网站标识码：6201020001 陇ICP备12345678号</div>"""))
L["jcms_markers"] = ("https://www.example.gov.cn/art/2024/8/26/art_1229_4567.html", page(TITLE + " 城关区人民政府", f"""
<meta name="SiteName" content="城关区人民政府"><meta name="ColumnName" content="通知公告"><meta name="ArticleTitle" content="{TITLE}"><meta name="PubDate" content="2024-08-26 10:21">
<div id="hiddenLocation" style="display:none"><span class="col1_name">信息公开</span></div>
<table class="xxgk_article"><tr><td>索引号</td><td>113325000026455663/2024-43887</td><td>文号</td><td>城教〔2024〕56号</td></tr><tr><td>发布机构</td><td>城关区教育局</td><td>成文日期</td><td>2024-08-20</td></tr></table>
<div class="xl_title">{TITLE}</div><div class="xl_doc">发布时间：2024-08-26 10:21 浏览次数：<script src="/module/visitcount/articlehits.jsp?colid=1229&artid=4567"></script> 信息来源：城关区教育局</div>
<div class="zoom" id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">{P}<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>
<div class="xl_tool"><a>打印</a> <a>关闭</a></div><script src="/interface/voice/makevoice.do?infoId=4567"></script>"""))
L["guanxian_values"] = ("http://www.example.gov.cn/site_gx/channel_x_5414_6333/doc_5a1b2c3d4e5f6a7b8c9d0e1f.html", page(TITLE + "_冠县人民政府", f"""
<div class="nav"><a>首页</a><a>走进城关</a><a>政务公开</a><a>政务服务</a></div>
<div class="gk-info"><span>113715250043286799/2024-26749960</span> <span>城关区教育局</span> <span>教育;通知</span> <span>2024-08-26</span> <span>有效</span> <span>城教〔2024〕56号</span></div>
<div class="doc-title">{TITLE}</div><div class="doc-content">{P}</div>
<div class="foot">主办：城关区人民政府办公室 承办：城关区大数据中心 网站标识码：3715250001 鲁ICP备12345678号</div>"""))
if __name__ == "__main__":
    n = 0
    for name, (url, html) in L.items():
        n += check(name, html, url, EXP, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
