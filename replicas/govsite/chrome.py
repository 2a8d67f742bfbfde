"""Page chrome of county/district government sites (gov-sites.md §3): what surrounds the text.

Header with 网站标识码 meta and nav, breadcrumbs, the 字体/打印/关闭 tool bar, the share
widget, and the footer (主办单位, 地址, ICP, 公网安备, 网站标识码, the 党政机关 badge and the
找错 widget scripts).  A crawler must read past all of it; the cleaners must drop it.
"""
from __future__ import annotations

from ..base import esc


def head(title: str, charset_meta: str, site_name: str, site_code: str, extra_meta: str = "") -> str:
    return (f"<!DOCTYPE html>\n<html>\n<head>\n{charset_meta}\n<title>{esc(title)}</title>\n"
            f'<meta name="SiteName" content="{esc(site_name)}">\n<meta name="SiteIDCode" content="{site_code}">\n'
            f'{extra_meta}<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="stylesheet" href="/images/common.css">\n<script src="/images/jquery.min.js"></script>\n'
            "</head>\n<body>\n")


def top(site_name: str, home: str, nav: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="{esc(url)}">{esc(label)}</a></li>' for label, url in nav)
    return (f'<div class="topbar"><span>欢迎访问{esc(site_name)}!</span><a href="javascript:;" id="zhangzhe">长者模式</a>'
            '<a href="javascript:;" id="wza">无障碍浏览</a><a href="/sitemap/">网站地图</a></div>\n'
            f'<div class="header"><div class="logo"><a href="{esc(home)}">{esc(site_name)}</a></div>'
            f'<ul class="nav"><li><a href="{esc(home)}">首页</a></li>{links}</ul></div>\n')


def breadcrumbs(items: list[tuple[str, str | None]]) -> str:
    parts = [f'<a href="{esc(url)}">{esc(label)}</a>' if url else esc(label) for label, url in items]
    return f'<div class="position">您当前的位置：{" &gt; ".join(parts)}</div>\n'


def tools() -> str:
    return ('<div class="tools"><span class="font">【字体：<a href="javascript:doZoom(18)">大</a> '
            '<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span>'
            '<a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>\n')


def share() -> str:
    return ('<div class="share"><span>分享到：</span><a class="wx" href="javascript:;">微信</a>'
            '<a class="wb" href="javascript:;">微博</a><a class="qz" href="javascript:;">QQ空间</a>'
            "<script>$('#share-1').share({sites:['wechat','weibo','qq','qzone']});</script></div>\n"
            '<div id="qr_container">扫一扫在手机打开当前页</div>\n')


def footer(org: str, site_code: str, icp: str, police: str, address: str) -> str:
    return ('<div class="footer">'
            '<p><a href="/about/">关于我们</a> | <a href="/contact/">联系我们</a> | <a href="/sitemap/">网站地图</a></p>'
            f"<p>主办单位：{esc(org)}　地址：{esc(address)}　邮编：420000</p>"
            f"<p>{esc(icp)}　{esc(police)}　政府网站标识码：{site_code}</p>"
            '<p><span id="_ideConac"></span><script src="https://dcs.conac.cn/js/17/000/0000/60429971/CA170000000604299710001.js"></script>'
            f'<script id="_jiucuo_" sitecode="{site_code}" src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></p>'
            "</div>\n</body>\n</html>\n")


def not_found_page(home: str) -> str:
    """gov.cn style: a 404 with a JS redirect to the home page (served with status 404)."""
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在</title></head><body>'
            '<div class="error"><h2>抱歉，您访问的页面不存在或已被删除！</h2><p><span id="sec">5</span>秒后自动跳转到首页</p></div>'
            f'<script>setTimeout(function(){{location.href="{esc(home)}";}},5000);</script></body></html>')
