"""Old county and school sites: table layouts (动易 PowerEasy, ASP), a 工作要点 with its task table,
a 工作总结 with 落款 set right, and a 大汉 Hanweb page whose metadata is a list."""
from harness import check
from news1 import page

T1 = "城关区教育局2024年工作要点"
B1 = ["2024年，全区教育系统坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，推动全区教育高质量发展。",
      "一、加强党的全面领导",
      "深入开展主题教育，落实中小学校党组织领导的校长负责制，推动党建与业务深度融合。",
      "二、重点工作任务分解",
      "序号", "工作任务", "责任科室", "完成时限",
      "1", "新建城关区第三小学", "计划基建科", "2024年8月",
      "2", "开展课后服务提质行动", "基础教育科", "2024年12月",
      "3", "实施教师队伍建设三年计划", "人事科", "2024年12月",
      "三、保障措施",
      "各科室、各学校要对照任务分工，细化工作措施，明确时间节点，确保各项工作落到实处。"]
def rows(cells):
    out, i = [], 0
    while i < len(cells):
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells[i:i + 4]) + "</tr>"); i += 4
    return "<table border='1'>" + "".join(out) + "</table>"
BODY1 = "".join(f"<p>{b}</p>" for b in B1[:4]) + rows(B1[4:20]) + "".join(f"<p>{b}</p>" for b in B1[20:])

def powereasy(title, body_html, url):
    return (url, page(title + "-城关区第一中学", f"""
<table width="960" align="center"><tr><td><img src="/images/banner.jpg"></td></tr>
<tr><td class="menu"><a href="/">网站首页</a> | <a href="/Article/Class1/">学校概况</a> | <a href="/Article/Class2/">校园新闻</a> | <a href="/Article/Class3/">教学教研</a> | <a href="/Article/Class4/">德育天地</a> | <a href="/Article/Class5/">招生信息</a></td></tr></table>
<table width="960" align="center"><tr><td width="220" valign="top">
<table><tr><td class="title">用户登录</td></tr><tr><td>用户名：<input> 密码：<input> <a>注册</a></td></tr></table>
<table><tr><td class="title">热门文章</td></tr><tr><td><a href="/Article/Class2/201.html">我校举行2024年春季运动会</a><br><a href="/Article/Class2/202.html">城关一中召开家长会</a><br><a href="/Article/Class2/203.html">我校教师在区优质课评比中获奖</a></td></tr></table>
</td><td valign="top">
<table width="100%"><tr><td>您现在的位置： <a href="/">城关区第一中学</a> &gt;&gt; <a href="/Article/">文章中心</a> &gt;&gt; <a href="/Article/Class2/">校园新闻</a> &gt;&gt; 正文</td></tr></table>
<table width="100%"><tr><td class="ArticleTitle" align="center"><b>{title}</b></td></tr>
<tr><td class="ArticleInfo" align="center">文章来源：本站原创　作者：教务处　点击数：<span>356</span>　更新时间：2024-3-5　<a>【字体：小 大】</a></td></tr>
<tr><td class="ArticleContent">{body_html}</td></tr>
<tr><td align="right"><a>【发表评论】</a><a>【加入收藏】</a><a>【告诉好友】</a><a>【打印此文】</a><a>【关闭窗口】</a></td></tr>
<tr><td>上一篇文章： <a href="/Article/Class2/199.html">城关一中2023年度工作总结表彰大会隆重召开</a><br>下一篇文章： <a href="/Article/Class2/205.html">我校开展学雷锋志愿服务活动</a></td></tr>
<tr><td class="title">网友评论：（只显示最新10条。评论内容只代表网友观点，与本站立场无关！）</td></tr>
<tr><td>没有任何评论</td></tr></table>
</td></tr></table>
<table width="960" align="center"><tr><td align="center">版权所有：城关区第一中学　地址：城关区学府路8号　电话：0931-8123456<br>陇ICP备05001234号　技术支持：动易网络</td></tr></table>"""))

T2 = "城关区第一中学2023-2024学年第一学期教学工作总结"
B2 = ["本学期，我校教学工作以提高课堂教学质量为核心，扎实推进课程改革，现将本学期教学工作总结如下。",
      "一、常规管理",
      "（一）严格执行课程计划。学校按照省颁课程计划开齐课程、开足课时，教务处每周检查一次教学进度。",
      "（二）抓好集体备课。各教研组每周集体备课一次，做到定时间、定地点、定内容、定中心发言人。",
      "二、存在的问题",
      "部分青年教师课堂驾驭能力不足，作业批改的及时性有待提高。",
      "三、下学期打算",
      "继续开展青蓝工程，组织师徒结对，加强青年教师培养。",
      "城关区第一中学教务处", "2024年1月20日"]
BODY2 = "".join(f"<p style='text-indent:2em'>{b}</p>" for b in B2[:-2]) + "".join(f"<p align='right'>{b}</p>" for b in B2[-2:])

T3 = "关于开展2024年中小学生暑期安全教育活动的通知"
B3 = ["各乡镇中心学校、区直各学校：", "为切实加强暑期学生安全教育，预防溺水等安全事故发生，现就有关事项通知如下：",
      "一、加强防溺水教育", "各学校要在放假前召开一次防溺水专题教育会，向家长发放《致家长的一封信》。",
      "二、落实安全责任", "各学校要建立暑期安全工作台账，明确专人负责，加强值班值守。", "城关区教育局", "2024年7月5日"]
HANWEB = ("http://www.example.gov.cn/art/2024/7/5/art_1234_567890.html", page(T3 + " 城关区人民政府", f"""
<div id="header"><a>城关区人民政府</a><a>无障碍浏览</a><a>简体版</a><a>繁體版</a></div>
<div id="nav"><a>首页</a><a>走进城关</a><a>政务公开</a><a>政务服务</a><a>互动交流</a></div>
<div class="bt-position">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>部门信息</a> &gt; <a>区教育局</a></div>
<div class="xxgk_info"><ul><li><b>索引号：</b>11620102013871234F/2024-00078</li><li><b>发布机构：</b>城关区教育局</li><li><b>公开方式：</b>主动公开</li>
<li><b>成文日期：</b>2024-07-05</li><li><b>公开范围：</b>面向社会</li><li><b>文号：</b>城教发〔2024〕31号</li></ul></div>
<div class="article"><div class="title">{T3}</div>
<div class="info"><span>信息来源：城关区教育局</span><span>发布日期：2024-07-05</span><span>浏览次数：<script>document.write(4321)</script></span></div>
<div id="zoom">{''.join(f'<p>{b}</p>' for b in B3)}</div>
<div class="wzy">【<a>我要打印</a>】【<a>关闭窗口</a>】</div>
<div class="ewm"><img src="/qr.png"><p>扫一扫在手机打开当前页</p></div></div>
<div id="footer"><p>主办单位：城关区人民政府办公室　网站标识码：6201020001</p><p>陇ICP备05001234号-1　甘公网安备62010202000123号</p></div>"""))

L = {"powereasy_plan": (*powereasy(T1, BODY1, "http://www.example.edu.cn/Article/Class2/204.html"), "\n".join([T1] + B1)),
     "powereasy_summary": (*powereasy(T2, BODY2, "http://www.example.edu.cn/Article/Class3/310.html"), "\n".join([T2] + B2)),
     "hanweb_list_meta": (*HANWEB, "\n".join([T3] + B3))}
if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html, exp) in L.items():
        n += check(name, html, url, exp, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
