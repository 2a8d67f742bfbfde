"""Recall: article bodies that look less like prose than their chrome does: paragraphs dense with
keyword links, a prize list of names, a body cut in two by a video player or a share bar, an old
table-and-font layout with br lines, footnotes, a <pre> block, a bold lead paragraph, a closing
记者 line, a body whose paragraphs are all short."""
import re
import sys

from harness import check
from news1 import TITLE, PS
from news2 import frame, URL

cases = {}

# 1 paragraphs whose terms link to a tag or encyclopedia page (sina finance, baike-style keyword links)
linked = [
    "8月26日上午，<a href='/tag/1'>城关区教育局</a>召开<a href='/tag/2'>秋季开学</a>工作部署会，全面部署<a href='/tag/3'>教育教学</a>、<a href='/tag/4'>校园安全</a>和<a href='/tag/5'>后勤保障</a>等重点工作。",
    "会议要求，要持续深化<a href='/tag/6'>“双减”</a>工作，提高<a href='/tag/7'>课堂教学</a>质量，规范<a href='/tag/8'>课后服务</a>，加强<a href='/tag/9'>师德师风</a>建设。",
]
plain = [re.sub(r"<a href='/tag/\d+'>|</a>", "", p) for p in linked]
cases["keyword_links"] = (frame("".join(f"<p>{p}</p>" for p in linked) + "".join(f"<p>{p}</p>" for p in PS[2:])),
                          [TITLE] + plain + PS[2:])

# 2 a prize list: short lines of names under short headers
prize = ["一等奖：", "城关区第一小学 张丽 王芳", "城关区实验中学 刘强", "二等奖：", "城关区第二小学 陈静 赵敏", "城关区第三中学 孙伟 李娜", "三等奖：", "城关区幼儿园 周洁"]
cases["prize_list"] = (frame(f"<p>{PS[0]}</p><p>经评审，现将获奖名单公布如下：</p>" + "".join(f"<p>{x}</p>" for x in prize) + f"<p>{PS[5]}</p>"),
                       [TITLE, PS[0], "经评审，现将获奖名单公布如下："] + prize + [PS[5]])

# 3 a video player between the lead and the rest of the body
player = "<div class='video-box'><div class='player'><video src='/v.mp4'></video><div class='ctrl'><span>00:00</span>/<span>02:35</span><a>全屏</a></div></div><p class='vtitle'>视频：开学工作部署会现场</p></div>"
cases["video_split"] = (frame(f"<p>{PS[0]}</p>{player}" + "".join(f"<p>{p}</p>" for p in PS[1:])),
                        [TITLE, PS[0], "视频：开学工作部署会现场"] + PS[1:])  # the video's caption, as photo1 keeps a picture's

# 4 the body in two sibling boxes, a share bar and an ad between them (a CMS's page-break insert)
cases["two_boxes"] = (frame("".join(f"<p>{p}</p>" for p in PS[:3])
                            + "</div><div class='share-mid'><a>微信</a><a>微博</a></div><div class='ad-mid'><a>广告</a></div><div class='article'>"
                            + "".join(f"<p>{p}</p>" for p in PS[3:])), [TITLE] + PS)

# 5 an old table-and-font layout, the body as br lines in one cell, GB2312 era
old = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{TITLE}--城关教育信息网</title></head>
<body bgcolor="#FFFFFF"><table width="778" border="0" align="center"><tr><td><img src="/images/top.gif"></td></tr>
<tr><td bgcolor="#0066CC"><font color="#FFFFFF"><a href="/">首页</a> | <a>教育新闻</a> | <a>通知公告</a> | <a>政策法规</a> | <a>招生考试</a> | <a>联系我们</a></font></td></tr></table>
<table width="778" border="0" align="center"><tr><td width="180" valign="top"><table><tr><td><b>栏目导航</b></td></tr><tr><td><a>教育新闻</a></td></tr><tr><td><a>通知公告</a></td></tr><tr><td><a>政策法规</a></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td align="center" height="40"><font size="4" color="#CC0000"><b>{TITLE}</b></font></td></tr>
<tr><td align="center"><font size="2" color="#666666">作者：办公室&nbsp;&nbsp;来源：本站原创&nbsp;&nbsp;点击数：1234&nbsp;&nbsp;更新时间：2024-8-26</font></td></tr>
<tr><td><font size="2" style="line-height:180%">{"<br>".join("&nbsp;&nbsp;&nbsp;&nbsp;" + p for p in PS)}</font></td></tr>
<tr><td align="right"><font size="2">【<a>打印此文</a>】【<a>关闭窗口</a>】</font></td></tr>
<tr><td><font size="2">上一篇：<a>全市教育系统安全工作会议召开</a><br>下一篇：<a>我区3所学校获评省级文明校园</a></font></td></tr></table></td></tr></table>
<table width="778" align="center"><tr><td align="center"><font size="2">版权所有：城关区教育局 地址：城关区人民路8号 电话：0931-1234567<br>技术支持：某某网络 陇ICP备05001234号</font></td></tr></table></body></html>"""
cases["old_tables"] = (old, [TITLE] + PS)

# 6 footnotes: numbered marks in the body and the notes under it
notes = ["[1] 《城关区“十四五”教育事业发展规划》，2021年12月印发。", "[2] 数据来源：城关区教育局2024年教育事业统计快报。"]
cases["footnotes"] = (frame(f"<p>{PS[0]}</p><p>{PS[1][:-1]}<sup>[1]</sup>。</p><p>{PS[5][:-1]}<sup>[2]</sup>。</p><div class='notes'><p>注释：</p>" + "".join(f"<p>{n}</p>" for n in notes) + "</div>"),
                      [TITLE, PS[0], PS[1][:-1] + "[1]。", PS[5][:-1] + "[2]。", "注释："] + notes)

# 7 a timetable set in <pre>
pre = ["时间          内容", "8:30-9:00     签到", "9:00-10:30    开学工作部署", "10:30-11:30   分组讨论"]
cases["pre_block"] = (frame(f"<p>{PS[0]}</p><p>会议日程如下：</p><pre>" + "\n".join(pre) + f"</pre><p>{PS[2]}</p>"),
                      [TITLE, PS[0], "会议日程如下："] + pre + [PS[2]])

# 8 a bold lead paragraph set apart, a closing reporter line in brackets
cases["bold_lead"] = (frame(f"<p><strong>{PS[0]}</strong></p>" + "".join(f"<p>{p}</p>" for p in PS[1:]) + "<p>（记者 张明 通讯员 李华）</p>"),
                      [TITLE] + PS + ["（记者 张明 通讯员 李华）"])

# 9 every paragraph short: a brief of one-sentence paragraphs
brief = ["8月26日，城关区召开秋季开学工作部署会。", "会议部署了校园安全工作。", "会议要求深化“双减”工作。", "各学校代表作了发言。", "全区新增学生1800余人。"]
cases["short_paras"] = (frame("".join(f"<p>{p}</p>" for p in brief)), [TITLE] + brief)

# 10 a body with a closing 附: list of units, short lines without end marks
units = ["附：参会单位", "城关区第一小学", "城关区第二小学", "城关区实验中学", "城关区第三中学"]
cases["unit_list"] = (frame("".join(f"<p>{p}</p>" for p in PS) + "".join(f"<p>{u}</p>" for u in units)), [TITLE] + PS + units)

if __name__ == "__main__":
    n = 0
    for name, (html, exp) in cases.items():
        n += check(name, html, URL, "\n".join(exp), "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
