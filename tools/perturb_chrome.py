"""Government-page chrome for tools/perturb_eval.py (stop 17): the kinds
../shared/research/gov-sites.md section 3 describes and the older rows did not inject, each
without class names, as the CMS families write them.

- `tools`: the font-size bar with print and close (TRS, Hanweb: 【字体：大 中 小】【打印本页】【关闭窗口】);
- `pubinfo`: the line of date, views and source above a body (Hanweb's `.xl_doc`, VSB's 点击次数);
- `qr`: the QR-code box (扫一扫在手机打开当前页) with 【我要纠错】;
- `links`: a box of undated links under a heading (相关链接 / 相关解读: titles, no dates);
- `gov_footer`: the site's footer (主办单位, 网站标识码, 公网安备, ICP备, 技术支持);
- `print_close`: the bare 打印 / 关闭 pair (Lishui) as two links;
- `share_words`: a share bar of bare site names and 打印 (gxzf: 微信 头条 微博 空间 qq 打印);
- `access`: the accessibility bar (长者模式, 无障碍浏览, 简体/繁體, 语音播报);
- `photo_box`: a box of other stories' linked pictures with unlinked captions (图片新闻);
- `pager`: a long article's own pager (`manuscriptPage_N()`: 共3页 上一页 1 2 3 下一页).
"""
from __future__ import annotations

GOV_CHROME = {
    "tools": ('<div>【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> '
              '<a href="javascript:doZoom(12)">小</a>】 【<a href="javascript:window.print()">打印本页</a>】 '
              '【<a href="javascript:window.close()">关闭窗口</a>】</div>'),
    "pubinfo": ('<div><span>发布时间：2023-05-10 09:30</span> <span>浏览次数：<script>document.write(1234)</script>'
                '</span> <span>信息来源：某某县教育局</span></div>'),
    "qr": ('<div><div><img src="/qr/123.png"></div><p>扫一扫在手机打开当前页</p>'
           '<p><a href="/jiucuo">【我要纠错】</a></p></div>'),
    "links": ('<div><h3>相关链接</h3><ul>' + "".join(f'<li><a href="/art/{i}.html">{t}</a></li>' for i, t in enumerate([
        "关于印发某某县二〇二三年教育工作要点的通知", "某某县人民政府办公室关于做好春季学期开学工作的通知",
        "图解：一图读懂某某县教育事业发展规划", "政策解读：某某县义务教育阶段招生入学工作实施方案"], 1)) + '</ul></div>'),
    "gov_footer": ('<div><p>主办单位：某某县人民政府办公室　承办单位：某某县大数据中心</p>'
                   '<p>地址：某某县人民路1号　邮编：336000　联系电话：0795-1234567</p>'
                   '<p>政府网站标识码：3609220001　<a href="http://www.beian.gov.cn">赣公网安备36092202000123号</a>　'
                   '<a href="https://beian.miit.gov.cn">赣ICP备05001234号</a></p><p>技术支持：某某网络科技有限公司</p></div>'),
    "print_close": '<div><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>',
    "share_words": ('<div>' + " ".join(f'<a href="#">{w}</a>' for w in ("微信", "头条", "微博", "空间", "qq"))
                    + ' <a href="javascript:window.print()">打印</a></div>'),
    "access": ('<div><a href="#">长者模式</a> | <a href="#">无障碍浏览</a> | <a href="#">简体</a> | <a href="#">繁體</a>'
               ' | <a href="#">语音播报</a></div>'),
    # a box of other stories' pictures, each linked, with an unlinked caption (图片新闻)
    "photo_box": ('<div><h3>图片新闻</h3><ul>' + "".join(
        f'<li><a href="/pic/{i}.html"><img src="/pic/{i}.jpg"></a><p>{t}</p></li>' for i, t in enumerate(
            ["春耕时节田间忙", "古镇夜景美如画", "志愿者走进社区", "新建大桥正式通车"], 1)) + '</ul></div>'),
    "pager": ('<div>共3页 <a href="javascript:manuscriptPage_0()">上一页</a> <a href="#">1</a> <a href="#">2</a> '
              '<a href="#">3</a> <a href="javascript:manuscriptPage_2()">下一页</a></div>'),
}

INLINE = {
    # a news body's inline box between paragraphs (【延伸阅读】 with two links) and an image ad
    "mid_related": ('<div><p>【延伸阅读】</p><p><a href="/a/11.html">多地出台政策支持民营企业高质量发展</a></p>'
                    '<p><a href="/a/12.html">专家解读：如何看待当前就业形势的新变化</a></p></div>'),
    "mid_ad": '<div><a href="/ad/2"><img src="/ad/inline.jpg"></a></div>',
    # a reposting site's notice at the end of the body (sites.md §5.3, legal)
    "repost_note": ('<p>声明：本文转载自网络，版权归原作者所有，仅供学习交流之用，如有侵权请联系我们删除。</p>'),
}


def mid_insert(container, frag, kinds):
    """Chrome set between the article's blocks, at the middle of its container."""
    def perturb(root):
        cont = container(root)
        kids = list(cont) if cont is not None else []
        if len(kids) < 4:
            return root
        at = cont.index(kids[len(kids) // 2])
        for kind in reversed(kinds):
            cont.insert(at, frag(INLINE[kind]))
        return root
    return perturb


def rows(inject, container, frag):
    """The rows perturb_eval adds (stop 17)."""
    out = {name: inject(where, kinds) for name, where, kinds in GOV_ROWS}
    out["mid_related"] = mid_insert(container, frag, ["mid_related", "mid_ad"])
    out.update({f"split_{kind}": split_with(container, frag, kind) for kind in BARRIERS})
    return out


# the injected rows: (name, where, chrome kinds)
GOV_ROWS = [
    ("gov_tools_end", "inside_end", ["tools", "qr"]),
    ("gov_links_end", "inside_end", ["links", "print_close"]),
    ("gov_start_pubinfo", "inside_start", ["tools", "pubinfo"]),
    ("gov_after", "after", ["tools", "links", "qr", "gov_footer"]),
    ("gov_before", "before", ["pubinfo", "tools"]),
    ("gov_bars_start", "inside_start", ["access", "share_words"]),
    ("gov_bars_end", "inside_end", ["pager", "share_words", "access"]),
    ("end_repost", "inside_end", ["repost_note"]),
    ("photo_box", "after", ["photo_box"]),
    ("photo_box_before", "before", ["photo_box"]),
]


# stop 18: the article's blocks in two sibling containers with a box of another kind between them
BARRIERS = {
    # a photo linked to its picture page, with only its credit (a caption is the article's, a
    # credit is not: ../shared/real/html/README.md's gold conventions)
    "photo_credit": ('<div><a href="/photo/20230512/77.html"><img src="/p/77.jpg"></a>'
                     '<p>（新华社记者 张三 摄）</p></div>'),
    # an inline 【延伸阅读】 box (links under a label) set between the two parts
    "related_box": INLINE["mid_related"],
    # a longer box of other stories' links under a label (past SIBLING_BARRIER's 50 characters)
    "related_list": ('<div><p>相关阅读：</p><ul>' + "".join(f'<li><a href="/a/2{i}.html">{t}</a></li>' for i, t in enumerate([
        "国家统计局发布最新数据显示经济运行总体平稳", "多地出台政策支持民营企业高质量发展",
        "教育部：今年高校毕业生规模预计达一千一百万人", "专家解读：如何看待当前就业形势的新变化"], 1)) + '</ul></div>'),
    # a share bar and a QR-code prompt, as sites put at the end of the first screen
    "share_qr": ('<div><div>分享到：<a href="#">微信</a> <a href="#">新浪微博</a> <a href="#">QQ空间</a></div>'
                 '<div><img src="/qr/app.png"><p>扫描二维码关注某某新闻客户端，获取更多精彩资讯</p></div></div>'),
    # a video player with the fallback text a browser shows only when it cannot play it
    "video": ('<div><video src="/v/1.mp4" controls><p>您的浏览器不支持视频播放，请升级浏览器后观看。</p>'
              '<a href="/v/1.mp4">下载视频文件（MP4格式，时长01:25，大小12.6MB）</a></video></div>'),
}


def split_with(container, frag, kind):
    """The article's blocks in two sibling containers, the chrome `kind` between them (where the
    container is a table cell, inside it: a div beside a cell is no real page's)."""
    def perturb(root):
        cont = container(root)
        kids = list(cont) if cont is not None else []
        if len(kids) < 4 or cont.tag in ("body", "html") or cont.getparent() is None:
            return root
        if cont.tag in ("td", "th", "tr", "tbody", "table"):
            holder = cont.makeelement("div", {})
            holder.text, cont.text = cont.text, None
            for kid in kids:
                holder.append(kid)
            cont.append(holder)
            cont = holder
        parent = cont.getparent()
        at = parent.index(cont)
        first, second = cont.makeelement("div", {}), cont.makeelement("div", {})
        first.text = cont.text
        for i, kid in enumerate(kids):
            (first if i < len(kids) // 2 else second).append(kid)
        second.tail = cont.tail
        parent.remove(cont)
        for el in reversed([first, frag(BARRIERS[kind]), second]):
            parent.insert(at, el)
        return root
    return perturb
