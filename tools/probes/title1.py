"""The document's title when the page's <title> does not hold it: a CMS that titles every page
`详细内容`, `新闻详情`, `信息公开`, the site's name alone, the column's name; the headline shown in a
div or a strong line, the h1 holding the site's logo; a headline broken by a <br>; and a
<title> that holds the headline after the site's name (`城关区教育局-headline`)."""
import sys

from harness import check
from news1 import TITLE, PS

BODY = "".join(f"<p>{p}</p>" for p in PS)
URL = "http://www.cgq.gov.cn/jyj/xxgk/202408/t20240826_123456.html"


def gov(title_tag: str, headline: str, logo: str = "<div class='logo'><img src='/logo.png' alt='城关区教育局'></div>") -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title_tag}</title></head><body>
<div class="top">{logo}<div class="search"><input value="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><a>首页</a><a>机构概况</a><a>政务公开</a><a>教育动态</a><a>通知公告</a><a>办事服务</a><a>互动交流</a></div>
<div class="position">当前位置：<a>首页</a> &gt; <a>教育动态</a> &gt; 正文</div>
<div class="content-box">{headline}<div class="info"><span>发布时间：2024-08-26</span><span>来源：城关区教育局</span><span>浏览次数：<em>268</em></span><span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>
<div class="article-con">{BODY}</div><div class="print"><a>【打印本页】</a><a>【关闭窗口】</a></div></div>
<div class="footer">主办单位：城关区教育局 地址：城关区人民路8号 电话：0931-1234567 陇ICP备05001234号</div></body></html>"""


cases = {
    "title_xiangxi": gov("详细内容", f"<div class='article-title'>{TITLE}</div>"),
    "title_news_detail": gov("新闻详情", f"<h2 class='tit'>{TITLE}</h2>"),
    "title_site_only": gov("城关区教育局", f"<div class='title'><strong>{TITLE}</strong></div>"),
    "title_column": gov("教育动态 - 城关区教育局", f"<p class='bt'>{TITLE}</p>"),
    "h1_logo": gov("城关区教育局", f"<h2>{TITLE}</h2>", logo="<h1 class='logo'><a>城关区教育局</a></h1>"),
    "site_first": gov(f"城关区教育局-{TITLE}", f"<div class='article-title'>{TITLE}</div>"),
    "site_first_h1": gov(f"城关区教育局 - {TITLE}", f"<h1>{TITLE}</h1>"),
    "broken_br": gov(f"{TITLE}_城关区教育局", "<div class='article-title'>城关区教育局召开<br>2024年秋季开学工作部署会</div>"),
    "title_empty": gov("", f"<div class='article-title'>{TITLE}</div>"),
    "long_site_name": gov("甘肃省兰州市城关区教育局门户网站", f"<div class='article-title'>{TITLE}</div>"),
    "site_and_slogan": gov("城关区教育局欢迎您！", f"<div class='article-title'>{TITLE}</div>"),
    "column_long_site": gov("教育动态-甘肃省兰州市城关区人民政府门户网站", f"<div class='article-title'>{TITLE}</div>"),
    "h1_site_h2_headline": gov(f"{TITLE}", f"<h2>{TITLE}</h2>", logo="<h1>城关区教育局</h1>"),
}
cases = {name: (html, [TITLE] + PS) for name, html in cases.items()}

if __name__ == "__main__":
    n = 0
    for name, (html, exp) in cases.items():
        n += check(name, html, URL, "\n".join(exp), "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
