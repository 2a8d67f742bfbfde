"""Question-and-answer pages: the question, its description, then the answers, in the engines
users meet: 百度知道 (a best answer, then others), 知乎's question page (answers one after
another, each with its author, time and action bar), a developers' Q&A whose answers sit in a
comment-list component (one accepted), 搜狗问问 (answers as `replay` sections), a Stack
Exchange-style site (votes beside each post, comments under each answer, which go), and a county
bureau's 局长信箱 (a letter and the bureau's reply in a labelled table).  Each with answers of
several shapes: three of different lengths, one short answer alone, five one-line answers, no
description.  Gold: the question, its description, every answer in the page's order; authors,
times, votes, action bars, labels (最佳答案, 其他回答) and related questions go.  The mailbox:
the letter's title, the letter, the reply (the labels and the sender/date/unit rows go)."""
import sys

from harness import check
from news1 import page

Q = "孩子上初中后成绩明显下滑，家长该怎么办？"
DESC = ["孩子今年上初一，小学时成绩一直在班里前十，期中考试数学只考了68分，英语也退步了不少。",
        "每天作业要写到十点多，周末还报了两个班，孩子说上课能听懂，就是一做题就错。请问有经验的家长和老师，这种情况该怎么帮他？"]
LONG = ["初一成绩下滑很常见，先别急，小学到初中有一个适应期，科目从三门变成七门，学习方法要跟着变。",
        "第一，看看时间花在哪里。作业写到十点多，要弄清楚是作业量大，还是写的时候效率低，可以陪孩子记一周的作业时间。",
        "第二，数学一做题就错，多半是基础概念没有吃透，建议把课本例题重新做一遍，错题整理到本子上，每周回头看一次。",
        "第三，周末两个班可以减掉一个，留出时间让孩子自己复习和休息，睡眠不够，成绩很难上去。"]
MID = ["我家孩子也经历过，后来和班主任沟通了一次，老师建议每天睡前用十分钟回顾当天学的内容，坚持了一个学期，期末数学考了九十多分。",
       "家长心态很重要，别总拿小学的名次比。"]
SHORT = ["别焦虑，先和数学老师聊一聊，问问孩子错在哪类题。"]
LINES = ["先保证睡眠，十点前睡觉。", "错题本一定要做起来。", "周末的班减一个吧。", "多和班主任沟通。", "多鼓励，少批评，孩子压力也大。"]

SHAPES = {
    "three": [LONG, MID, SHORT],
    "one_short": [SHORT],
    "five_lines": [[x] for x in LINES],
}


def ps(lines):
    return "".join(f"<p>{x}</p>" for x in lines)


def zhidao(desc, answers):
    """百度知道: the best answer in a box of its own with its label, the others below."""
    best, rest = answers[0], answers[1:]
    others = "".join(f"""<div class="bd answer" id="answer-{i}"><div class="line info"><a class="user-name">网友{i}号</a><span class="grid-r f-aid">回答于 2024-10-0{i} 20:1{i}</span></div>
<div class="line content"><div class="answer-text line" id="answer-content-{i}">{'<br>'.join(a)}</div></div>
<div class="wgt-eva"><span class="evaluate">赞 {i}</span><span class="evaluate-bad">踩 0</span><a class="comment">评论</a></div></div>""" for i, a in enumerate(rest, 2))
    return page(f"{Q}_百度知道", f"""
<div id="userbar"><a>百度首页</a><a>登录</a><a>注册</a></div><div class="logo-wrap"><a>百度知道</a><form><input name="word"><button>搜索答案</button><button>我要提问</button></form></div>
<div id="body"><div class="layout-wrap"><div class="grid-l">
<div class="wgt-ask"><h1><span class="ask-title">{Q}</span></h1>
{'<div class="line mt-5 q-content"><span class="con-all">' + '<br>'.join(desc) + '</span></div>' if desc else ''}
<div class="line f-aid"><span>家长126</span><span>2024-10-01</span><span>浏览 2836 次</span></div></div>
<div class="wgt-best"><div class="hd line"><span class="best-title">最佳答案</span><span class="grid-r">推荐于2024-10-02</span></div>
<div class="bd answer"><div class="line info"><a class="user-name">城关中学王老师</a><span>采纳率：86%</span><span>擅长：初中数学</span></div>
<div class="line content"><div class="best-text mb-10" id="best-content">{'<br>'.join(best)}</div></div>
<div class="wgt-eva"><span class="evaluate">赞 128</span><span class="evaluate-bad">踩 3</span><a class="comment">评论</a></div></div></div>
{'<div class="wgt-answers"><div class="hd line"><h2>其他' + str(len(rest)) + '条回答</h2></div>' + others + '</div>' if rest else ''}
</div><div class="grid-r"><div class="wgt-related"><h3>相关问题</h3><ul>
<li><a>初一数学成绩下滑怎么办？</a><span>2023-09-12</span></li><li><a>孩子上初中不适应怎么办？</a><span>2022-11-03</span></li><li><a>初中生作业写到很晚正常吗？</a><span>2024-03-21</span></li></ul></div>
<div class="wgt-hot"><h3>为你推荐</h3><ul><li><a>特别推荐：孩子沉迷手机怎么办？</a></li><li><a>怎样培养孩子的学习习惯？</a></li></ul></div></div></div></div>
<div id="footer">©2024 Baidu 使用百度前必读 知道协议 百度知道品牌合作</div>""")


def zhihu(desc, answers):
    """知乎's question page: answers one after another, each with author, time and actions."""
    items = "".join(f"""<div class="List-item" tabindex="0"><div class="ContentItem AnswerItem" data-zop='{{"type":"answer"}}'>
<div class="ContentItem-meta"><div class="AuthorInfo"><span class="UserLink AuthorInfo-name"><a class="UserLink-link">答主{i}</a></span><div class="AuthorInfo-detail"><div class="AuthorInfo-badgeText">中学教师</div></div></div><div class="css-h5al4j"><span>{12 * i} 人赞同了该回答</span></div></div>
<div class="RichContent RichContent--unescapable"><div class="RichContent-inner"><span class="RichText ztext CopyrightRichText-richText" itemprop="text">{ps(a)}</span></div>
<div class="ContentItem-time"><a><span>编辑于 2024-10-0{i} 20:1{i}</span></a></div>
<div class="ContentItem-actions"><span><button class="VoteButton VoteButton--up">赞同 {12 * i}</button><button class="VoteButton--down"></button></span><button class="ContentItem-action">{i + 2} 条评论</button><button>分享</button><button>收藏</button><button>喜欢</button></div></div></div></div>""" for i, a in enumerate(answers, 1))
    return page(f"{Q} - 知乎", f"""
<header class="AppHeader"><a>知乎</a><nav><a>首页</a><a>知学堂</a><a>会员</a><a>发现</a><a>等你来答</a></nav><input placeholder="搜索"><button>提问</button><a>消息</a><a>私信</a></header>
<main><div class="QuestionPage"><div class="QuestionHeader"><div class="QuestionHeader-content"><div class="QuestionHeader-main">
<div class="QuestionHeader-topics"><a>家庭教育</a><a>初中</a><a>学习方法</a></div>
<h1 class="QuestionHeader-title">{Q}</h1>
{'<div class="QuestionRichText"><span class="RichText ztext">' + ps(desc) + '</span></div>' if desc else ''}</div>
<div class="QuestionHeader-side"><div class="NumberBoard"><div>关注者</div><strong>1,024</strong><div>被浏览</div><strong>356,789</strong></div></div></div>
<div class="QuestionHeader-footer"><button>关注问题</button><button>写回答</button><button>邀请回答</button><button>好问题 12</button><button>添加评论</button><button>分享</button></div></div>
<div class="Question-main"><div class="Question-mainColumn"><div class="List"><div class="List-header"><h4 class="List-headerText"><span>{len(answers)} 个回答</span></h4><div>默认排序</div></div>
{items}</div></div>
<div class="Question-sideColumn"><div class="Card"><div class="Card-header">相关问题</div><div class="SimilarQuestions-item"><a>初中成绩下滑的原因有哪些？</a><span>386 个回答</span></div><div class="SimilarQuestions-item"><a>如何帮助孩子适应初中生活？</a><span>95 个回答</span></div></div>
<footer class="Footer"><a>刘看山</a><a>知乎指南</a><a>知乎协议</a><a>知乎隐私保护指引</a><span>京 ICP 证 110745 号</span></footer></div></div></div></main>""")


def devqa(desc, answers):
    """A developers' Q&A built of components: the answers in a comment-list, one accepted."""
    items = "".join(f"""<div class="comment-main-container"><div class="comment-avator"><img alt="user{i}"></div><div class="comment-user-info"><div class="base-info"><span class="user-name">user{i}</span><span>|</span><span>家长</span><span class="comment-time">2024-10-0{i}</span>{'<span class="comment-audit">被采纳</span>' if i == 1 else ''}</div>
<div class="comment-detail"><div class="markdown-preview-container">{ps(a)}</div></div>
<div class="comment-main-action"><span class="action-item">赞 {i}</span><span class="action-item">回复</span></div></div></div>""" for i, a in enumerate(answers, 1))
    return page(f"{Q} - 家长问答 - 成长社区", f"""
<div class="header"><a>成长社区</a><a>首页</a><a>问答</a><a>文章</a><a>登录</a></div>
<div class="faq-detail"><div class="faq-title"><h1>{Q}</h1></div><div class="faq-tags"><a>初中</a><a>学习方法</a></div>
{'<div class="faq-content"><h3>问题描述</h3>' + ps(desc) + '</div>' if desc else ''}
<div class="faq-action"><button>关注问题</button><button>写回答</button></div>
<div class="mt-4"><div class="library-comment-list">{items}</div></div></div>
<div class="side"><h4>相关问题</h4><ul><li><a>初一数学跟不上怎么办</a></li><li><a>孩子写作业慢怎么办</a></li></ul></div>
<div class="footer">© 2024 成长社区 沪ICP备12345678号</div>""")


def wenwen(desc, answers):
    """搜狗问问: the question in a `question-main` box, answers as `replay-section`s."""
    items = "".join(f"""<div class="replay-section answer_item"><div class="user-name-box"><a class="user-name">问问用户{i}</a><span class="user-level">LV{i + 2}</span>{'<span class="best-tag">提问者采纳</span>' if i == 1 else ''}</div>
<div class="replay-info"><pre class="replay-info-txt answer_con">{chr(10).join(a)}</pre></div>
<div class="replay-info-footer"><span class="time">{i}个月前</span><a class="btn-like">有用({i * 5})</a><a>评论</a><a>举报</a></div></div>""" for i, a in enumerate(answers, 1))
    return page(f"{Q} - 搜狗问问", f"""
<div class="header-wrap"><a>搜狗问问</a><input><a>搜索答案</a><a>我要提问</a><a>登录</a></div>
<div class="main-wrap"><div class="question-main"><div class="detail-tit-info"><h1 class="detail-tit" id="question_title">{Q}</h1></div>
{'<div class="detail-txt" id="question_content">' + '<br>'.join(desc) + '</div>' if desc else ''}
<div class="detail-info"><span>家长126</span><span>2024-10-01</span><span>教育/学业</span></div></div>
<div class="replay-wrap"><div class="replay-title">共{len(answers)}个回答</div>{items}</div></div>
<div class="side-bar"><div class="side-title">相关问题</div><ul><li><a>初一成绩下降怎么办</a></li><li><a>初中作业太多怎么办</a></li></ul></div>
<div class="footer">© 2024 SOGOU.COM 京ICP证050897号</div>""")


def stackqa(desc, answers):
    """A Stack Exchange-style site in Chinese: votes beside each post, comments under each answer."""
    def comments(i):
        return f"""<div class="comments js-comments-container"><ul class="comments-list"><li class="comment"><div class="comment-body"><span class="comment-copy">第{i}个回答说得对，我们家也是这么做的，效果不错。</span> – <a class="comment-user">家长{i}</a> <span class="comment-date">2024-10-0{i} 21:0{i}</span></div></li></ul><a class="js-add-link">添加评论</a></div>"""
    items = "".join(f"""<div id="answer-{i}" class="answer js-answer{' accepted-answer' if i == 1 else ''}"><div class="post-layout"><div class="votecell"><div class="js-vote-count">{10 - i}</div>{'<div class="js-accepted-answer-indicator">已采纳</div>' if i == 1 else ''}</div>
<div class="answercell post-layout--right"><div class="s-prose js-post-body" itemprop="text">{ps(a)}</div>
<div class="mt24"><div class="post-signature"><div class="user-info"><div class="user-action-time">回答于 2024-10-0{i} 20:1{i}</div><div class="user-details"><a>老师{i}</a><span class="reputation-score">1,2{i}3</span></div></div></div></div></div>
{comments(i)}</div></div>""" for i, a in enumerate(answers, 1))
    return page(f"{Q} - 家长问答", f"""
<header class="s-topbar"><a>家长问答</a><ol><li><a>问题</a></li><li><a>标签</a></li><li><a>用户</a></li></ol><a>登录</a><a>注册</a></header>
<div id="content"><div id="question-header"><h1 itemprop="name"><a class="question-hyperlink">{Q}</a></h1><a class="ws-nowrap s-btn">提问</a></div>
<div class="d-flex"><span>提问于 2024-10-01</span><span>浏览 1,234 次</span></div>
<div id="mainbar"><div class="question js-question"><div class="post-layout"><div class="votecell"><div class="js-vote-count">12</div></div>
<div class="postcell post-layout--right">{'<div class="s-prose js-post-body" itemprop="text">' + ps(desc) + '</div>' if desc else ''}<div class="post-taglist"><a class="post-tag">初中</a><a class="post-tag">学习方法</a></div></div></div></div>
<div id="answers"><div id="answers-header"><h2>{len(answers)} 个回答</h2><div>按票数排序</div></div>{items}</div></div>
<div id="sidebar"><div class="module"><h4>相关问题</h4><a>初一数学跟不上怎么办</a><a>孩子写作业慢怎么办</a></div></div></div>
<footer class="site-footer">© 2024 家长问答 京ICP备12345678号</footer>""")


ENGINES = (("zhidao", zhidao, "https://zhidao.baidu.com/question/1234567890123.html"),
           ("zhihu", zhihu, "https://www.zhihu.com/question/612345678"),
           ("devqa", devqa, "https://www.czsq.net/faq/1274706"),
           ("wenwen", wenwen, "https://wenwen.sogou.com/z/q912345678.htm"),
           ("stackqa", stackqa, "https://wenda.jzwd.net/questions/123456"))

LETTER_TITLE = "关于城关镇第二小学放学时间过早的咨询"
LETTER = ["局长您好！我是城关镇第二小学三年级学生的家长，学校每天下午三点半放学，我们双职工家庭接不了孩子。",
          "请问学校能不能开展课后服务，延长到五点半左右？费用怎么收取？谢谢！"]
REPLY = ["您好！感谢您对教育工作的关心。",
         "按照区教育局《关于做好义务教育阶段课后服务工作的通知》要求，城关镇第二小学已于9月9日起开展课后服务，每天放学后提供两个小时的作业辅导和兴趣活动，结束时间为17:30。",
         "课后服务坚持家长自愿原则，收费标准按照区发改局核定的每生每学期300元执行，家庭经济困难学生免收。您可向孩子的班主任报名。",
         "城关区教育局", "2024年10月9日"]


def mailbox(letter, reply):
    """A county bureau's 局长信箱 reply page: labelled rows of a table."""
    return page(f"{LETTER_TITLE}-局长信箱-城关区教育局", f"""
<div class="top"><a>城关区教育局</a><span>今天是：2024年10月10日</span></div><div class="nav"><a>首页</a><a>教育动态</a><a>政务公开</a><a>互动交流</a></div>
<div class="position">当前位置：<a>首页</a> &gt; <a>互动交流</a> &gt; <a>局长信箱</a></div>
<div class="mailbox-detail"><table class="xjtable" width="100%" border="1">
<tr><th width="15%">信件标题</th><td colspan="3">{LETTER_TITLE}</td></tr>
<tr><th>来信人</th><td>张**</td><th>来信时间</th><td>2024-10-08</td></tr>
<tr><th>信件类型</th><td>咨询</td><th>办理状态</th><td>已办结</td></tr>
<tr><th>来信内容</th><td colspan="3">{'<br>'.join(letter)}</td></tr>
<tr><th>回复单位</th><td>城关区教育局基础教育科</td><th>回复时间</th><td>2024-10-09</td></tr>
<tr><th>回复内容</th><td colspan="3">{'<br>'.join(reply)}</td></tr></table>
<div class="btns"><a>我要写信</a><a>返回列表</a><a>打印本页</a></div></div>
<div class="footer">主办：城关区教育局 地址：城关区人民路18号 电话：0931-1234567 陇ICP备05001234号</div>""")


def run(engines, heading=lambda name: []) -> tuple[int, int]:
    """(clean, pages) of every engine's page in every shape; `heading`: the line an engine shows
    above the description."""
    n = total = 0
    for name, make, url in engines:
        for shape, answers in SHAPES.items():
            for desc in (DESC, None) if shape == "three" else (DESC,):
                total += 1
                shown = heading(name) + desc if desc else []
                lines = [Q] + shown + [x for a in answers for x in a]
                n += check(f"{name}_{shape}{'' if desc else '_nodesc'}", make(desc, answers), url, "\n".join(lines), "-v" in sys.argv)
    return n, total


if __name__ == "__main__":
    n, total = run(ENGINES, lambda name: ["问题描述"] if name == "devqa" else [])     # the heading devqa shows
    for shape, letter, reply in (("mailbox", LETTER, REPLY), ("mailbox_short", LETTER[:1], REPLY[:2] + REPLY[3:])):
        total += 1
        n += check(shape, mailbox(letter, reply), "http://jyj.cgq.gov.cn/hdjl/jzxx/202410/t20241009_123.html",
                   "\n".join([LETTER_TITLE] + letter + reply), "-v" in sys.argv)
    print(f"{n}/{total} ok")
