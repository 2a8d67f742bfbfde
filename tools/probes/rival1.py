"""A short story beside longer prose that is not it: a school's profile (学校简介) in the sidebar, a
bureau's long footer statement, the column's description above the list, a principal's welcome
box, the previous story's full text in a hidden-until-scrolled block, a pinned notice in the
header.  The story, two or three short paragraphs, must win."""
import sys

from harness import check
from news1 import page

TITLE = "城关区第一小学举行新学期开学典礼"
SHORT = ["9月2日上午，城关区第一小学举行2024年秋季学期开学典礼，全校师生1800余人参加。",
         "校长李红在讲话中勉励同学们珍惜时光、勤奋学习，做有理想、有本领、有担当的新时代好少年。",
         "典礼上，学校为新入学的一年级新生发放了入学礼包。"]
PROFILE = ("城关区第一小学始建于1952年，是一所历史悠久、文化底蕴深厚的公办小学。学校现有教学班42个，在校学生1800余人，"
           "教职工126人，其中高级教师38人，市区级骨干教师25人。学校坚持“以人为本、全面发展”的办学理念，先后荣获全国文明校园、"
           "省级示范学校、省级绿色学校等荣誉称号，教育教学质量在全区名列前茅，深受社会各界和广大家长的好评。")
WELCOME = ("亲爱的老师们、同学们、家长朋友们：欢迎访问城关区第一小学网站！我们将以网站为窗口，及时发布学校动态，展示师生风采，"
           "加强家校沟通，真诚欢迎社会各界朋友对学校工作提出宝贵意见和建议，让我们携手共创学校美好的明天。")
STATEMENT = ("本网站由城关区第一小学主办，网站内容仅供参考。凡本网注明“来源：城关区第一小学”的所有作品，版权均属于城关区第一小学，"
             "未经本网授权不得转载、摘编或利用其它方式使用上述作品。已经本网授权使用作品的，应在授权范围内使用，并注明“来源：城关区第一小学”。"
             "违反上述声明者，本网将追究其相关法律责任。")
URL = "http://www.cgyx.edu.cn/xxdt/202409/t20240902_1234.html"


def school(article: str, side: str = "", head: str = "", foot: str = "") -> str:
    return page(f"{TITLE}_城关区第一小学", f"""
<div class="top"><a>城关区第一小学</a>{head}</div>
<div class="nav"><a>首页</a><a>学校概况</a><a>学校动态</a><a>教育教学</a><a>德育天地</a><a>家校共育</a><a>联系我们</a></div>
<div class="main"><div class="left"><div class="pos">当前位置：<a>首页</a> &gt; <a>学校动态</a></div>
<h1>{TITLE}</h1><div class="info">发布时间：2024-09-02 作者：校办 浏览：356</div>
<div class="text">{article}</div><div class="pn"><p>上一篇：<a>我校开展暑期安全教育活动</a></p><p>下一篇：<a>我校召开新学期教师大会</a></p></div></div>
<div class="right">{side}<div class="box"><h3>通知公告</h3><ul><li><a>关于2024年秋季学期开学的通知</a></li><li><a>一年级新生入学须知</a></li></ul></div></div></div>
<div class="foot">{foot}<p>城关区第一小学 地址：城关区人民路18号 电话：0931-7654321 陇ICP备05004321号</p></div>""")


ART = "".join(f"<p>{p}</p>" for p in SHORT)
cases = {
    "sidebar_profile": school(ART, side=f"<div class='box'><h3>学校简介</h3><p>{PROFILE}</p><a>更多&gt;&gt;</a></div>"),
    "footer_statement": school(ART, foot=f"<div class='statement'><p>{STATEMENT}</p></div>"),
    "welcome_box": school(ART, side=f"<div class='box welcome'><h3>校长寄语</h3><p>{WELCOME}</p></div>"),
    "both": school(ART, side=f"<div class='box'><h3>学校简介</h3><p>{PROFILE}</p></div><div class='box'><h3>校长寄语</h3><p>{WELCOME}</p></div>",
                   foot=f"<div class='statement'><p>{STATEMENT}</p></div>"),
    "br_article": school("<br>".join(SHORT), side=f"<div class='box'><h3>学校简介</h3><p>{PROFILE}</p></div>"),
    "one_para": school(f"<p>{SHORT[0]}</p>", side=f"<div class='box'><h3>学校简介</h3><p>{PROFILE}</p></div>"),
    "two_short": school(f"<p>{SHORT[0]}</p><p>{SHORT[2]}</p>", side=f"<div class='box'><h3>学校简介</h3><p>{PROFILE}</p></div>"),
    "tiny_notice": school("<p>定于9月2日上午8时举行开学典礼，请全体师生准时参加。</p>",
                          side=f"<div class='box'><h3>学校简介</h3><p>{PROFILE}</p></div>"),
}
EXPECT = {"one_para": [TITLE, SHORT[0]], "two_short": [TITLE, SHORT[0], SHORT[2]], "tiny_notice": [TITLE, "定于9月2日上午8时举行开学典礼，请全体师生准时参加。"]}
cases = {name: (html, EXPECT.get(name, [TITLE] + SHORT)) for name, html in cases.items()}

if __name__ == "__main__":
    n = 0
    for name, (html, exp) in cases.items():
        n += check(name, html, URL, "\n".join(exp), "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
