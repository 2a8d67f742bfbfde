"""Recall: document lines that share words with chrome (联系电话, 地址, 登录, 下载, 关注, 上传, 格式,
收费, 以下是, 打印, 浏览, 首页, 阅读, 点赞, 更多 …) set in a notice and a news story, in two page
layouts, as HTML and as an archive's page text.  Every such line is the document's: a rule that
takes one loses content (the dev set's HOLDOUT misses are mostly recall)."""
import sys

from harness import check, check_text
from news1 import page
from as_text import visible

NOTICE_TITLE = "城关区教育局关于做好2024年秋季学期学生资助工作的通知"
NOTICE = [
    "各中小学、幼儿园：",
    "为做好2024年秋季学期学生资助工作，确保资助政策落实到位，现将有关事项通知如下：",
    "一、资助对象和标准",
    "家庭经济困难学生按每生每学期750元的标准发放国家助学金，学前教育阶段每生每年收费减免1000元。",
    "以下是本学期需要重点核查的四类学生：",
    "1.建档立卡脱贫家庭学生；",
    "2.最低生活保障家庭学生；",
    "3.特困供养学生；",
    "4.孤残学生和烈士子女。",
    "二、工作要求",
    "各学校要于9月20日前将资助名单上传至全国学生资助管理信息系统，并打印《资助名单汇总表》加盖公章后报区学生资助管理中心。",
    "报送材料格式为Word文档，正文字体为仿宋GB2312三号，文件大小不超过10MB。",
    "家长可登录“城关教育”微信公众号查询资助结果，相关表格可在区教育局官网首页“下载中心”栏目下载。",
    "欢迎广大家长关注“城关教育”微信公众号，及时了解资助政策。",
    "更多资助政策请咨询各学校资助专干。",
    "三、联系方式",
    "联系人：王老师，联系电话：0931-8123456。",
    "地址：城关区人民路1号区教育局302室，邮编：730030。",
    "电子邮箱：cgqxszz@163.com",
    "附件：城关区2024年秋季学期学生资助名单汇总表",
    "城关区教育局",
    "2024年9月2日",
]
NEWS_TITLE = "城关区第一小学开展“书香校园”读书月活动"
NEWS = [
    "9月以来，城关区第一小学开展“书香校园”读书月活动，全校2100余名学生参加。",
    "记者：读书月活动今年有哪些新变化？",
    "校长李明：今年我们把阅读课排进了课表，每个班每周一节，还建了12个班级图书角。",
    "学校图书馆全年阅读量达到12万人次，学生人均借阅图书38册。",
    "活动视频在抖音获得超过10万次点赞，200多条评论，不少家长留言分享亲子阅读的体会。",
    "学生可通过学校网站浏览图书馆数字资源，或在校园终端上阅读电子书。",
    "获奖班级名单如下：",
    "三年级二班",
    "四年级五班",
    "五年级一班",
    "六年级三班",
    "下一步，学校将把读书月活动办成常态化的品牌活动，让阅读成为每个孩子的习惯。",
]


def gov_page(title, lines):
    body = "".join(f"<p>{line}</p>" for line in lines)
    return page(title + "_城关区教育局", f"""
<div class="top"><a>城关区人民政府</a> <a>无障碍浏览</a> <a>长者模式</a></div>
<div class="nav"><a>首页</a><a>机构概况</a><a>政务公开</a><a>政务服务</a><a>互动交流</a></div>
<div class="position">当前位置：<a>首页</a> &gt; <a>通知公告</a></div>
<div class="article"><h1>{title}</h1><div class="info">发布时间：2024-09-02 16:30 来源：城关区教育局 浏览次数：356</div>
<div class="content" id="zoom">{body}</div>
<div class="tools">【<a>打印本页</a>】【<a>关闭窗口</a>】</div>
<div class="prevnext"><p>上一篇：<a>城关区教育局关于做好2024年秋季学期开学工作的通知</a></p><p>下一篇：<a>关于开展2024年教师节表彰活动的通知</a></p></div></div>
<div class="footer"><p>主办单位：城关区教育局 地址：城关区人民路1号 联系电话：0931-8123000</p><p>网站标识码：6201020001 陇ICP备12345678号</p></div>""")


def news_page(title, lines):
    body = "".join(f"<p>{line}</p>" for line in lines)
    return page(title + "_教育频道_兰州新闻网", f"""
<div class="header"><a>兰州新闻网</a><a>首页</a><a>时政</a><a>教育</a><a>民生</a><a>视频</a><a>登录</a></div>
<div class="main"><div class="left"><h1 class="title">{title}</h1><div class="source">2024-09-26 10:12 来源：兰州日报 记者 张华</div>
<div class="article-body">{body}</div><p class="editor">责任编辑：刘洋</p>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a></div>
<div class="related"><h3>相关新闻</h3><ul><li><a>我市中小学开展全民阅读活动</a><span>2024-09-20</span></li><li><a>城关区图书馆新馆开放</a><span>2024-09-18</span></li><li><a>兰州市启动2024年读书节</a><span>2024-09-10</span></li></ul></div></div>
<div class="right"><h3>热点排行</h3><ol><li><a>兰州地铁2号线最新进展</a></li><li><a>秋季开学交通提示</a></li></ol></div></div>
<div class="footer">兰州新闻网版权所有 未经授权禁止转载 甘ICP备12345678号</div>""")


CASES = {
    "notice_gov": ("https://jyj.example.gov.cn/art/2024/9/2/art_123_4567.html", gov_page(NOTICE_TITLE, NOTICE), [NOTICE_TITLE] + NOTICE),
    "notice_news": ("https://www.example-news.cn/edu/2024-09/02/c_12345.htm", news_page(NOTICE_TITLE, NOTICE), [NOTICE_TITLE] + NOTICE),
    "news_gov": ("https://jyj.example.gov.cn/art/2024/9/26/art_123_4599.html", gov_page(NEWS_TITLE, NEWS), [NEWS_TITLE] + NEWS),
    "news_news": ("https://www.example-news.cn/edu/2024-09/26/c_12399.htm", news_page(NEWS_TITLE, NEWS), [NEWS_TITLE] + NEWS),
}

if __name__ == "__main__":
    verbose = "-v" in sys.argv
    n = 0
    for name, (url, html, exp) in CASES.items():
        n += check(name, html, url, "\n".join(exp), verbose)
    for name, (url, html, exp) in CASES.items():     # the same pages as an archive's page text
        n += check_text(name, visible(html), url, exp, verbose)
    print(f"{n}/{2 * len(CASES)} ok")
