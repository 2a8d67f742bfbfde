"""Guangdong gkmlpt and Anhui 集约化 article pages with a 公文 body."""
from harness import check
from news1 import page

TITLE = "城关区教育局关于做好2024年秋季学期中小学开学工作的通知"
BODY = ["各中小学、幼儿园，局属各单位：",
        "为切实做好2024年秋季学期开学各项工作，确保学校安全稳定和教育教学工作有序开展，现将有关事项通知如下：",
        "一、全面开展开学前安全隐患排查",
        "各学校要在开学前组织开展一次全覆盖的安全隐患大排查，重点检查校舍、食堂、消防设施、校车和周边环境，建立问题清单，限期整改到位。",
        "二、认真做好教育教学准备",
        "各学校要按照国家课程方案开齐开足课程，提前做好教材发放、课表编排和教师调配工作，确保开学第一天正常上课。",
        "三、切实加强疫情防控和卫生保障",
        "各学校要做好校园环境卫生整治，落实晨午检和因病缺勤追踪登记制度，加强传染病防控。",
        "城关区教育局", "2024年8月20日", "（此件公开发布）"]
EXP = "\n".join([TITLE] + BODY)
P = "".join(f"<p>{b}</p>" for b in BODY)
L = {}
L["gkmlpt"] = ("http://www.example.gov.cn/jyj/gkmlpt/content/10/10694/post_10694346.html", page(TITLE + "--城关区人民政府门户网站", f"""
<div class="header"><a>城关区人民政府门户网站</a><span>长者模式</span><span>无障碍浏览</span></div>
<div class="nav"><a>首页</a><a>政务公开</a><a>政务服务</a><a>互动交流</a><a>走进城关</a></div>
<div class="crumb">当前位置：<a>首页</a> &gt; <a>政府信息公开</a> &gt; <a>城关区教育局</a></div>
<div class="article-wrap"><div class="classify"><table><tr><td class="first">索引号：</td><td>11440100MB2C12345X/2024-00321</td><td class="first">分类：</td><td>教育、通知</td></tr>
<tr><td class="first">发布机构：</td><td>城关区教育局</td><td class="first">成文日期：</td><td>2024-08-20</td></tr>
<tr><td class="first">名称：</td><td colspan="3">{TITLE}</td></tr>
<tr><td class="first">文号：</td><td>城教〔2024〕56号</td><td class="first">发布日期：</td><td>2024-08-26</td></tr></table></div>
<div class="content"><h1 class="title">{TITLE}</h1><div class="date-row"><span>发布日期：2024-08-26 10:21</span><span>来源：城关区教育局</span><span>浏览量：<em>1234</em></span><span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>
<div class="article-content">{P}</div>
<div class="fj"><p>附件：</p><p><a href="/attachment/7/7294/7294622/8977329.docx">1.开学工作安全检查表.docx</a></p></div>
<div class="tools"><a>打印本页</a> <a>关闭窗口</a></div></div></div>
<div class="footer"><p>主办单位：城关区人民政府办公室 承办单位：城关区政务服务数据管理局</p><p>网站标识码：4401000032 粤ICP备12345678号 粤公网安备44010402001234号</p></div>"""),
  "\n".join([TITLE] + BODY + ["附件：", "1.开学工作安全检查表.docx"]))
L["anhui"] = ("https://www.example.gov.cn/public/6605131/39230837.html", page(TITLE + "_城关区人民政府", f"""
<div class="header"><a>城关区人民政府</a><a>登录</a><a>注册</a><a>无障碍</a><a>长者版</a></div>
<div class="wz">您当前的位置：<a>首页</a> &gt; <a>信息公开</a> &gt; <a>通知公告</a></div>
<div class="div_table"><table class="table_suoyin"><tr><th>索引号：</th><td>003227564/202408-00012</td><th>信息分类：</th><td>通知公告</td></tr>
<tr><th>发布机构：</th><td>城关区教育局</td><th>生成日期：</th><td>2024-08-26</td></tr><tr><th>主题分类：</th><td>教育</td><th>关键词：</th><td>开学</td></tr>
<tr><th>标题：</th><td colspan="3">{TITLE}</td></tr><tr><th>文号：</th><td>城教〔2024〕56号</td><th>有效性：</th><td>有效</td></tr></table></div>
<div class="wzcon"><h1 class="newstitle">{TITLE}</h1><div class="newsinfo">日期：2024-08-26 10:21 来源：城关区教育局 供稿：城关区教育局 浏览量：<span>1234</span> 字体：【<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="j-fontContent newscontnet minh500">{P}</div>
<div class="share">分享到：<a>微信</a><a>微博</a></div>
<div class="xgjd"><h3>相关解读</h3><ul><li><a>一图读懂：2024年秋季开学工作通知</a></li></ul></div>
<div class="print"><a>【打印本页】</a> <a>【关闭窗口】</a></div></div>
<div class="footer">主办：城关区人民政府办公室 地址：城关区人民路1号 邮编：230000 政府网站标识码：3401000001 皖ICP备12345678号</div>"""), EXP)
if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html, exp) in L.items():
        n += check(name, html, url, exp, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
