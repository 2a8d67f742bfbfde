"""The damage and site chrome the generality corpus wraps its documents in (split off
corpus_build.py): Traditional script with pinyin ruby, flattened lines, GBK bytes out of step,
UTF-8 read as GBK, latin-1 mojibake, HTML residue; and the frames of renrendoc, bingdoc and
government pages, written in the sites' style (shared/research/sites.md), not copied."""
from __future__ import annotations

from opencc import OpenCC

S2T = OpenCC("s2t")

# Characters the pinyin-ruby sites (boteman.cn, hy56.cc) annotate, with their reading.
RUBY = {"優": "yōu", "發": "fā", "養": "yǎng", "經": "jīng", "鄉": "xiāng", "網": "wǎng", "統": "tǒng",
        "區": "qū", "規": "guī", "產": "chǎn", "監": "jiān", "續": "xù", "鎮": "zhèn", "聯": "lián",
        "數": "shù", "據": "jù", "現": "xiàn", "質": "zhì", "層": "céng", "興": "xīng"}
FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}


# ------------------------------------------------------------------ text transforms

def trad(text: str) -> str:
    return S2T.convert(text)


def ruby(text: str) -> str:
    """Traditional text with the flattened pinyin ruby of boteman-style pages: 數(shù)字化."""
    return "".join(f"{ch}({RUBY[ch]})" if ch in RUBY else ch for ch in text)


def flat(text: str) -> str:
    """Newlines lost, as in renrendoc's 文档简介 block."""
    return "".join(line.strip() for line in text.split("\n"))


def shift_gbk(text: str, count: int, fold_letters: bool = False) -> str:
    """Misaligned-GBK damage after `。`: the lead byte is lost ('?'), the rest is decoded one
    byte out of step with full-width punctuation folded to ASCII (as in seed 000; with
    `fold_letters` full-width letters and digits too, as NFKC would), and the last trail
    byte shows as an ASCII letter (`教育。縣教育局` -> `教育??h教育局`)."""
    fold = FOLD if fold_letters else {ch: a for ch, a in FOLD.items() if not a.isalnum()}
    out, done, i = [], 0, 0
    while i < len(text):
        if done < count and text[i] == "。" and i > 0 and i + 3 < len(text):
            for width in (1, 2, 3):
                span = text[i:i + 1 + width]
                after = text[i + 1 + width] if i + 1 + width < len(text) else ""
                raw = span.encode("gbk")
                try:
                    middle = raw[1:-1].decode("gbk")
                except UnicodeDecodeError:
                    continue
                if 0x40 <= raw[-1] <= 0x7E and "\u4e00" <= text[i - 1] <= "\u9fff" and ("\u4e00" <= after <= "\u9fff" or after == "("):
                    out.append("?" + "".join(fold.get(ch, ch) for ch in middle) + chr(raw[-1]))
                    i += 1 + width
                    done += 1
                    break
            else:
                out.append(text[i])
                i += 1
            continue
        out.append(text[i])
        i += 1
    assert done == count, f"only {done} of {count} shift sites found"
    return "".join(out)


def utf8_as_gbk(text: str, words: list[str]) -> str:
    """Short runs of UTF-8 bytes read as GBK (`经济增长` -> `缁忔祹澧為暱`) at each word."""
    for word in words:
        damaged = word.encode("utf-8").decode("gbk", "replace")
        assert "\ufffd" not in damaged and word in text, word
        text = text.replace(word, damaged, 1)
    return text


def latin1_mojibake(text: str) -> str:
    """GBK bytes read as latin-1 (Scrapy's fallback for undeclared pages): 教育局 -> ½ÌÓý¾Ö."""
    return text.encode("gb18030").decode("latin-1")


def html_escape_text(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("“", "&ldquo;").replace("”", "&rdquo;"))


def paragraphs_html(body: str, indent: bool = True) -> str:
    pad = "&nbsp;&nbsp;&nbsp;&nbsp;" if indent else ""
    return "\n".join(f"<p>{pad}{html_escape_text(line)}</p>" for line in body.split("\n"))


# ------------------------------------------------------------------ site chrome

def rr_chrome(title: str, intro: str, shown: int, total: int, t=lambda s: s, tail: str = "warm") -> str:
    """人人文库 (renrendoc) text view: captions, read limit, download prompt, 版权说明, 文档简介."""
    lines = [f"{title}_{t('第')}{n}{t('页')}" for n in range(1, shown + 1)]
    if shown < total:
        lines.append(t(f"已阅读{shown}页,还剩{total - shown}页未读, 继续免费阅读"))
    lines += ["", t("下载本文档"), "",
              t("版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领"), "",
              t("文档简介"), "", intro, ""]
    if tail == "warm":
        lines += [t("温馨提示"), "",
                  t("  • 1. 本站所有资源如无特殊说明,都需要本地电脑安装OFFICE2007和PDF阅读器。"),
                  t("  • 2. 本站的文档不包含任何第三方提供的附件图纸等,如果需要附件,请联系上传者。"),
                  t("  • 3. 未经权益所有人同意不得将文件中的内容挪作商业或盈利用途。"),
                  t("  • 4. 人人文库网仅提供信息存储空间,仅对用户上传内容的表现方式做保护处理。"),
                  t("  • 5. 下载文件中如有侵权或不适当内容,请与我们联系,我们立即纠正。"), "",
                  t("评论"), "", "0/150", "", t("提交评论")]
    else:
        lines += [t("相关资源"), t("最新文档"), f"{title}{t('范文')}", t("2023年学校工作总结")]
    return "\n".join(lines) + "\n"


def bingdoc_chrome(title: str, body: str, shown: int, total: int, uploader: str, number: str, date: str,
                   fmt: str = "DOCX", site: str = "冰点文库", t=lambda s: s) -> str:
    """冰点文库 / 冰豆网 mobile page: upload header, captions with page counters, preview limit."""
    name = f"{title}.{fmt.lower()}"
    lines = [name, "", t(f"上传人:{uploader} 文档编号:{number} 上传时间:{date} 格式:{fmt} 页数:{total} 大小:23.4KB"),
             t("下载 相关 举报")]
    for n in range(1, shown + 1):
        lines += [f"{name}_{t('第')}{n}{t('页')}", t(f"第{n}页 / 共{total}页")]
    if shown < total:
        lines.append(t(f"亲,该文档总共{total}页,到这儿已超出免费预览范围,如果喜欢就下载吧!"))
    else:
        lines.append(t(f"亲,该文档总共{total}页,全部预览完了,如果喜欢就下载吧!"))
    lines += [t("下载资源"), t("资源描述"), "", name, "",
              t(f"《{name}》由会员分享,可在线阅读,更多相关《{name}({total}页珍藏版)》请在{site}上搜索。"), "",
              title, "", body, "", t("展开阅读全文"), t("相关资源"), t("猜你喜欢"), t("相关搜索"), t("资源标签"), "",
              t("当前位置:首页 > 行业资料 > 教育学"), "", t(f"copyright@ 2008-2024 {site} 网站版权所有"), "",
              t("经营许可证编号:鄂ICP备00000000号-1")]
    return "\n".join(lines) + "\n"


def gov_text(title: str, body: str, date: str, source: str, t=lambda s: s) -> str:
    """A 教育局 web page saved as text: nav, breadcrumb, 发布时间/信息来源, print/close, prev/next, footer."""
    lines = [t("首页 | 机构概况 | 政务公开 | 办事服务 | 互动交流"), t("当前位置：首页 > 政务公开 > 通知公告"), "",
             title, t(f"发布时间：{date}  信息来源：{source}  浏览次数：326"), t("字号：大 中 小"), "",
             body, "", t("【打印本页】【关闭窗口】"), t("上一篇：关于公布2023年度县级优秀教师名单的通知"),
             t("下一篇：县教育局召开全县教育系统安全工作会议"), "",
             t(f"主办单位：{source}  地址：县府路1号  邮编：000000"), t("网站标识码：0000000001  备案号：某ICP备00000000号")]
    return "\n".join(lines) + "\n"


def gov_html(title: str, body: str, charset_meta: str, date: str, source: str) -> str:
    return f"""<!DOCTYPE html>
<html><head>{charset_meta}
<title>{title}_{source}</title></head>
<body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间：{date}&nbsp;&nbsp;信息来源：{source}&nbsp;&nbsp;字号：[大 中 小]</div>
<div class="content">
{paragraphs_html(body)}
</div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer"><p>主办单位：{source}　　技术支持：某某信息技术有限公司</p><p>备案号：某ICP备00000000号　　网站标识码：0000000001</p></div>
</body></html>
"""


# ------------------------------------------------------------------ samples
