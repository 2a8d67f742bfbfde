"""School sites (DedeCMS and SiteServer style): a news item, a plan with sections, a short notice."""
from harness import check
from news1 import page

SCHOOL = "城关区第一中学"
NEWS_T = "我校召开2024年秋季开学教职工大会"
NEWS = ["9月1日下午，我校在学术报告厅召开2024年秋季开学教职工大会，全体教职工参加会议。会议由副校长李明主持。",
        "校长王建国作了题为《凝心聚力谋发展，砥砺奋进启新程》的讲话。他回顾了上学年学校各项工作取得的成绩，对新学期教育教学、安全管理和师德师风建设提出了具体要求。",
        "教务处、德育处、总务处负责人分别就本学期工作作了具体安排。",
        "会议强调，全体教职工要以饱满的热情投入到新学期工作中，为学校高质量发展贡献力量。"]
PLAN_T = "城关区第一中学2024-2025学年第一学期德育工作计划"
PLAN = ["一、指导思想", "以立德树人为根本任务，坚持育人为本、德育为先，进一步加强和改进学校德育工作，提高德育工作的针对性和实效性。",
        "二、工作目标", "1.加强德育队伍建设，提高班主任工作水平。", "2.规范学生日常行为，养成良好习惯。", "3.开展丰富多彩的主题教育活动。",
        "三、主要工作", "（一）加强班主任队伍建设。每月召开一次班主任工作例会，开展班主任基本功比赛。",
        "（二）抓好学生常规管理。落实一日常规检查制度，每周公布文明班级评比结果。",
        "四、月工作安排", "9月：开学典礼；行为规范教育月。", "10月：爱国主义教育；秋季运动会。", "11月：安全教育月；期中家长会。"]
NOTE_T = "关于2024年国庆节放假的通知"
NOTE = ["全体师生：", "根据上级通知精神，现将我校2024年国庆节放假安排通知如下：", "10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班上课。",
        "请各班主任做好学生假期安全教育工作。", "城关区第一中学", "2024年9月25日"]

def dede(title, body, url_id):
    return (f"http://www.cgyz.edu.cn/a/xuexiaoxinwen/2024/0902/{url_id}.html", page(f"{title}_{SCHOOL}", f"""
<div class="top"><div class="logo"><img alt="{SCHOOL}"><span>{SCHOOL}</span></div><div class="motto">厚德 博学 求实 创新</div></div>
<div class="nav"><ul><li><a>学校首页</a></li><li><a>学校概况</a></li><li><a>新闻动态</a></li><li><a>教育教学</a></li><li><a>德育天地</a></li><li><a>党建工作</a></li><li><a>招生信息</a></li><li><a>联系我们</a></li></ul></div>
<div class="main"><div class="left"><h3>新闻动态</h3><ul><li><a>学校新闻</a></li><li><a>通知公告</a></li><li><a>教研动态</a></li></ul></div>
<div class="right"><div class="place">当前位置：<a>主页</a> &gt; <a>新闻动态</a> &gt; <a>学校新闻</a> &gt; </div>
<div class="viewbox"><div class="title"><h2>{title}</h2></div><div class="info"><small>时间:</small>2024-09-02 10:21<small>来源:</small>教务处<small>作者:</small>李明<small>点击:</small><script></script>368次</div>
<div class="content"><table width="100%"><tr><td>{"".join(f"<p>{p}</p>" for p in body)}</td></tr></table></div>
<div class="context"><ul><li>上一篇：<a>我校举行新生军训汇报表演</a></li><li>下一篇：<a>我校教师在市优质课比赛中获佳绩</a></li></ul></div></div></div></div>
<div class="footer">版权所有：{SCHOOL} 地址：城关区人民路88号 电话：0931-1234567 邮编：730000<br>技术支持：某某网络 <a>陇ICP备12345678号-1</a></div>"""))

L = {"dede_news": dede(NEWS_T, NEWS, 101), "dede_plan": dede(PLAN_T, PLAN, 102), "dede_note": dede(NOTE_T, NOTE, 103)}
EXPS = {"dede_news": [NEWS_T] + NEWS, "dede_plan": [PLAN_T] + PLAN, "dede_note": [NOTE_T] + NOTE}
L = {k: (url, html, "\n".join(EXPS[k])) for k, (url, html) in L.items()}
if __name__ == "__main__":
    import sys
    n = 0
    for name, (url, html, exp) in L.items():
        n += check(name, html, url, exp, "-v" in sys.argv)
    print(f"{n}/{len(L)} ok")
