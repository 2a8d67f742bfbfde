"""Build the generality corpus in tests/data/corpus/ from the hand-written documents.

    python tests/support/corpus_build.py          # rewrites tests/data/corpus/*

Every sample is one document of `corpus_bodies.BODIES` wrapped the way one site
family of /work/shared/research/sites.md (§1, §2, §5.3) serves it: reader
chrome, paywall prompts, upload headers, editor intros, government page frames,
and the damage seen in captured pages (Traditional script with pinyin ruby,
flattened lines, GBK bytes, misaligned GBK, UTF-8 read as GBK, latin-1
mojibake, HTML residue).  The chrome strings are written here in the sites'
style, not copied.  The expected output is the document itself (title line,
blank line, body; Simplified), never what the pipeline happens to produce, and
`NAME.expected.json` holds the flags/metadata a careful reader would record.

The generated files are committed; this script documents how they were made
and lets a reviewer regenerate them after editing a body or a wrapper.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_bodies import BODIES  # noqa: E402
from corpus_wrappers import (bingdoc_chrome, flat, gov_html, gov_text, html_escape_text,  # noqa: E402
                             latin1_mojibake, paragraphs_html, rr_chrome, ruby, shift_gbk, trad, utf8_as_gbk)

OUT = Path(__file__).resolve().parent.parent / "data" / "corpus"
SAMPLES: list[dict] = []


def sample(name: str, body_key: str, raw, ext: str = "txt", expect: dict | None = None, note: str = "",
           body: str | None = None, title: str | None = None) -> None:
    """Register one sample; `body`/`title` override the document when only part of it is served."""
    doc_title, doc_body = BODIES[body_key]
    SAMPLES.append({"name": name, "raw": raw, "ext": ext, "expect": expect or {}, "note": note,
                    "title": doc_title if title is None else title, "body": doc_body if body is None else body})


def T(key):
    return BODIES[key][0]


def B(key):
    return BODIES[key][1]


def build_samples() -> None:
    # --- 人人文库 family -------------------------------------------------------------
    k = "county_2023_summary"
    sample("rr_trad_ruby_flat", k, rr_chrome(trad(T(k)), ruby(trad(flat(T(k) + B(k)))), 5, 9, t=trad),
           expect={"flags": {"partial": True, "script": "traditional"}, "metadata": {"page_count": "9"}},
           note="renrendoc, Traditional + pinyin ruby (數(shù)), flattened one line, read limit, 温馨提示 tail")
    k = "director_report"
    sample("rr_trad_ruby_gbk_shift", k,
           rr_chrome(trad(T(k)), shift_gbk(ruby(trad(flat(T(k) + B(k)))), 2), 4, 6, t=trad),
           expect={"flags": {"partial": True, "script": "traditional"}, "metadata": {"page_count": "6"}},
           note="renrendoc Traditional + ruby with two misaligned-GBK runs (`??h`)")
    k = "half_year_plan"
    sample("rr_simplified_complete", k, rr_chrome(T(k), flat(T(k) + B(k)), 3, 3, tail="related"),
           expect={"flags": {"partial": False, "script": "simplified"}},
           note="renrendoc Simplified, all pages shown (no read limit), 相关资源 tail")
    k = "teacher_training"
    sample("rr_simplified_partial_labels", k, rr_chrome(T(k), flat(T(k) + B(k)), 5, 12),
           expect={"flags": {"partial": True}, "metadata": {"page_count": "12"}},
           note="renrendoc flattened; list labels （1） ① must stay")
    k = "q2_progress"
    sample("rr_paper_page", k, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{T(k)} - 人人文库</title>
<meta name="description" content="{flat(B(k))[:80]}"></head>
<body>
<div class="header"><a href="/">人人文库</a> <a href="/login">登录</a> <a href="/reg">注册</a> <form><input name="q"></form></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/c-21.html">行业资料</a> &gt; 教育</div>
<h1 class="doc-title">{T(k)}</h1>
<div class="doc-info"><span>页数：4</span> <span>大小：26.1KB</span> <span>上传时间：2024-07-15</span></div>
<div id="page"><img src="/img/1.png" alt="{T(k)}_第1页"><img src="/img/2.png" alt="{T(k)}_第2页"></div>
<div class="load-more">已阅读2页,还剩2页未读 <a id="load_preview_btn">继续免费阅读</a></div>
<div class="buy"><a class="down">下载本文档</a> <span>付费下载</span></div>
<p class="copyright-note">版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领</p>
<div class="intro"><h2>文档简介</h2>
<div class="intro-text">{html_escape_text(flat(T(k) + B(k)))}</div></div>
<div class="related-doc-list"><h3>相关资源</h3><ul><li><a href="/p-1.html">县教育局2023年第二季度工作汇报</a></li><li><a href="/p-2.html">学校季度工作总结</a></li></ul></div>
<div class="footer">copyright@ 2019-2024 人人文库 版权所有 <a>浙ICP备00000000号</a></div>
</body></html>
""", ext="html", expect={"flags": {"partial": True}, "metadata": {"page_count": "4"}},
           note="renrendoc HTML page, generic extraction (no site profile), flattened 文档简介")
    k = "digital_summary"
    sample("boteman_trad_ruby_page", k, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{trad(T(k))}-博特曼文庫</title></head>
<body>
<div class="top"><a href="/">首頁</a> | <a href="/list">分類</a> | <a href="/upload">上傳文檔</a></div>
<h1>{trad(T(k))}</h1>
<div class="intro"><h2>{trad('文档简介')}</h2>
<p>{ruby(trad(flat(B(k))))}</p></div>
<div class="notice">{trad('版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领')}</div>
<div class="related"><h3>{trad('相关资源')}</h3><ul><li>{trad('学校信息化建设工作总结')}</li><li>{trad('教育数字化转型实施方案')}</li></ul></div>
</body></html>
""", ext="html", expect={"flags": {"partial": False, "script": "traditional"}},
           note="boteman clone: Traditional with pinyin ruby (數(shù)字化) in an HTML page")
    k = "research_office"
    sample("wenku163_download_notice", k, "\n".join([
        T(k), "", "资源描述:", "", B(k), "",
        "配套讲稿:", "如PPT文件的首页显示word图标，表示该PPT已包含配套word讲稿。双击word图标可打开word文档。",
        "特殊限制:", "部分文档作品中含有的国旗、国徽等图片，仅作为作品整体效果示例展示，禁止商用。",
        "关 键 词:", "教研室 工作总结 2023", "",
        "【下载声明】", "1. 本站全部试题类文档，若标题没写含答案，则无答案。",
        "2. 下载的文档，不会出现我们的网址水印。", "3. 该文档所得收入(下载+内容+预览三)归上传者、原创者。",
        "4. 下载文档时，如果显示没有PPT或WORD，可能是文档格式特殊，请联系客服。",
        "5. 本站仅提供交流平台，并不能对任何下载内容负责。", "", "163文库-Www.163WenKu.Com |网站地图|"]) + "\n",
           expect={"flags": {"partial": False}},
           note="163wenku: 资源描述, 配套讲稿 / 特殊限制 / 关 键 词 blocks, 【下载声明】 1-5 list")

    # --- 冰点文库 CMS family ----------------------------------------------------------
    k = "middle_school_term"
    sample("bingdoc_preview_limit", k, bingdoc_chrome(T(k), B(k), 20, 34, "b****3", "7071303", "2024-01-20"),
           expect={"flags": {"partial": True}, "metadata": {"page_count": "34", "uploader": "b****3",
                                                            "format": "DOCX", "date": "2024-01-20"}},
           note="bingdoc m. page: upload header, 20 captions + 第N页 / 共34页, 超出免费预览范围 (partial)")
    k = "q1_report"
    sample("bdocx_complete", k, bingdoc_chrome(T(k), B(k), 3, 3, "w****n", "4130582", "2023-04-11", "DOC", "冰豆网"),
           expect={"flags": {"partial": False}, "metadata": {"page_count": "3", "format": "DOC"}},
           note="bdocx (冰豆网): same CMS, all pages previewed (not partial)")
    k = "q2_progress"
    sample("bingdoc_trad", k, bingdoc_chrome(trad(T(k)), trad(B(k)), 4, 4, "l****y", "2218305", "2024-07-08", t=trad),
           expect={"flags": {"partial": False, "script": "traditional"}, "metadata": {"page_count": "4"}},
           note="bingdoc chrome and text both in Traditional script")
    k = "masked_work_ideas"
    sample("bingdoc_masked_placeholders", k, bingdoc_chrome(T(k), B(k), 2, 5, "x****2", "1530266", "2022-11-03"),
           expect={"flags": {"partial": True}, "metadata": {"page_count": "5", "uploader": "x****2"}},
           note="masked 20__年 / __县 / __% / ____个 kept; masked uploader b****3 goes to metadata")
    k = "primary_school_year"
    sample("bingdoc_download_page", k, "\n".join([
        f"{T(k)}.docx", "", "资源ID:18723645    资源大小:25.51KB    全文页数:5页", "资源格式: DOCX  下载积分:8金币",
        "快捷下载 游客一键下载", "会员登录下载", "加入VIP,免费下载", "", B(k), "",
        "友情提示", "2、PDF文件下载后，可能会被浏览器默认打开，此种情况可以点击浏览器菜单，保存网页到桌面，就可以正常下载了。",
        "3、本站不支持迅雷下载，请使用电脑自带的IE浏览器，或者360浏览器、谷歌浏览器下载即可。",
        "4、本站资源下载后的文档和图纸-无水印，预览文档经过压缩，下载后原文更清晰。",
        "5、试题试卷类文档，如果标题没有明确说明有答案则都视为没有答案，请知晓。"]) + "\n",
           expect={"flags": {"partial": False}, "metadata": {"page_count": "5", "doc_number": "18723645"}},
           note="bingdoc d- download page: 资源ID/全文页数/下载积分, 快捷下载, 友情提示 numbered list")
    k = "safety_summary"
    sample("taowenge_page", k, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{T(k)}-淘文阁</title></head><body>
<div class="head"><a href="/">淘文阁</a> <a href="/vip">开通VIP</a></div>
<h1>{T(k)}.docx</h1>
<div class="attr">上传人:z****8 文档编号:5509812 上传时间:2024-01-09 格式:DOCX 页数:3 大小:21.9KB</div>
<div class="ops">下载 相关 举报</div>
<div class="captions"><p>{T(k)}.docx_第1页</p><p>第1页 / 共3页</p><p>{T(k)}.docx_第2页</p><p>第2页 / 共3页</p><p>{T(k)}.docx_第3页</p><p>第3页 / 共3页</p></div>
<p>亲,该文档总共3页,全部预览完了,如果喜欢就下载吧!</p>
<div class="resource-desc"><h2>资源描述</h2><div class="content">
<p>{T(k)}</p>
{paragraphs_html(B(k), indent=False)}
</div></div>
<div class="related"><h3>相关资源</h3><ul><li>学校安全工作总结</li><li>校园安全隐患排查报告</li></ul></div>
<div class="footer">copyright@ 2008-2024 淘文阁 网站版权所有</div>
</body></html>
""", ext="html", expect={"flags": {"partial": False}}, note="taowenge (bingdoc CMS) HTML page, generic extraction")

    # --- other 文库 sites --------------------------------------------------------------
    k = "livelihood_projects"
    sample("docs360_notices", k, "\n".join([
        T(k), "", B(k), "", "合集下载", "",
        "1. 下载文档前请自行甄别文档内容的完整性，平台不提供额外的编辑、内容补充、找答案等附加服务。",
        "2. \"仅部分预览\"的文档，不可在线预览部分如存在完整性等问题，可反馈申请退款（可完整预览的文档不适用该条件！）。",
        "3. 如文档侵犯您的权益，请联系客服反馈，我们会尽快为您处理（人工客服工作时间：9:00-18:30）。"]) + "\n",
           expect={"flags": {"partial": False}},
           note="360docs.net: 合集下载 + 3 numbered notices; the 仅部分预览 notice is not a truncation")
    k = "teacher_training"
    sample("taodocs_summary", k, "\n".join([
        f"{T(k)} - 淘豆网", "", "页数：6  格式：DOC", "", f"文档介绍：{flat(B(k))}来自淘豆网www.taodocs.com转载请标明出处.",
        "", "继续阅读", "", "相关文档", f"{T(k)}（范文）"]) + "\n",
           expect={"metadata": {"page_count": "6", "format": "DOC"}},
           note="taodocs: 文档介绍 excerpt with the 转载 trailer glued to the last sentence")
    k = "party_secretary_report"
    sample("book118_preview_page", k, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>VIP{T(k)}.docx - 原创力文档</title>
<meta name="description" content="{flat(B(k))[:90]}">
<script>var aid = 611234567; var view_token = "aXbY0123"; var actual_page = 5;</script></head>
<body>
<div class="header"><a href="/">原创力文档</a> <a>知识共享</a> <a>上传文档</a></div>
<h1 class="title">VIP{T(k)}.docx</h1>
<div class="info">页数：5  格式：DOCX  大小：28KB</div>
<div class="webpreview-item"><img src="/p1.png"></div>
<div class="preview-text"><h2>文本预览</h2>
{paragraphs_html(B(k), indent=False)}
</div>
<div class="more">还剩3页未读，<a id="btn_preview_remain">继续阅读</a></div>
<div class="webpreview-recommend"><h3>相关推荐</h3><ul><li>党建工作述职报告范文</li><li>基层党建工作总结</li></ul></div>
<div class="footer">版权所有 原创力文档 ICP备00000000号</div>
</body></html>
""", ext="html", expect={"flags": {"partial": True}},
           note="book118: VIP title prefix, 文本预览 block, 还剩N页未读 prompt, recommendations")
    k = "sports_bureau_ideas"
    sample("book118_text", k, "\n".join([
        f"VIP{T(k)}.docx", "", "文本预览", "", B(k), "", "还剩1页未读，继续阅读", "",
        "免责声明：本文档仅提供部分预览，全部文档请下载后查看。", "下载此文档", "相关推荐"]) + "\n",
           expect={"flags": {"partial": True}}, note="book118 text view: VIP prefix, 还剩1页未读")
    k = "preschool_summary"
    sample("jinchutou_shtml", k, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{T(k)}-金锄头文库</title>
<meta property="og:title" content="{T(k)}"><meta property="og:document:type" content="DOC"></head>
<body>
<div class="nav"><a href="/">首页</a> <a>分类</a> <a>排行</a></div>
<input type="hidden" id="dp" value="https://img.example.invalid/p/">
<h1>{T(k)}</h1>
<div class="doc-txt"><h3>文本预览</h3>
{paragraphs_html(B(k))}
</div>
<div class="down">下载资源需要20金贝 <a>立即下载</a></div>
<div class="hot"><h3>热门文档</h3><ul><li>幼儿园工作总结</li><li>学前教育宣传月活动方案</li></ul></div>
</body></html>
""", ext="html", expect={"flags": {"partial": False}}, note="jinchutou /shtml/ page: 文本预览 block, og:title")
    k = "party_secretary_report"
    sample("baidu_old_text", k, "\n".join([
        T(k), "", "下载文档到电脑，查找使用更方便", "2下载券  36人已下载", "下载", "", B(k)[:B(k).index("三、")],
        "还剩2页未读，继续阅读", "", "免费下载这篇文档"]) + "\n",
           body=B(k)[:B(k).index("三、")].rstrip("\n"), expect={"flags": {"partial": True}},
           note="old Baidu text view: 下载券 prompts, cut after two pages (only the served part is expected)")
    k = "sports_bureau_ideas"
    sample("doc88_meta_lines", k, "\n".join([
        f"{T(k)} - 道客巴巴", "", "格式:DOC | 页数:3 | 浏览:152 | 收藏:0 | 上传日期:2025-01-06", "", B(k), "",
        "继续阅读", "本文档仅提供部分预览"]) + "\n",
           expect={"flags": {"partial": True}, "metadata": {"page_count": "3", "format": "DOC"}},
           note="doc88 style: 格式/页数 line, 继续阅读 button, partial preview notice")

    # --- 范文 aggregators ---------------------------------------------------------------
    k = "county_2023_summary"
    sample("jz51_show_fanwen", k, "\n".join([
        "首页 > 实用范文 > 工作总结", "", T(k), "无忧文档网  时间:2024-01-12  阅读: 1286", "",
        f"　　以下是小编为大家整理的{T(k)}，仅供参考，欢迎大家阅读。", "",
        *("　　" + line for line in B(k).split("\n")), "",
        f"　　以上就是小编为大家整理的{T(k)}，希望对大家有所帮助。更多相关内容请关注无忧文档网。", "",
        "上一篇：2023年学校安全工作总结", "下一篇：县教育局2024年工作计划", "", "相关文章", "2023年教育局工作总结范文",
        "教育局年度工作总结"]) + "\n",
           expect={"metadata": {"date": "2024-01-12"}},
           note="51jzrc: breadcrumb, site credit line with date, editor intro/outro, 上一篇/下一篇, full-width indents")
    k = "masked_work_ideas"
    sample("alatiku_fanwen_intro", k, "\n".join([
        f"{T(k)}", "", "发布时间：2023-12-20", "", "　　工作思路是对今后一个时期工作的总体谋划。下面是本站为大家带来的工作思路范文，希望能帮助到大家!",
        "", B(k), "", "【#第一范文网# 导语】本文就为大家介绍到这里，希望对你有所帮助。", "", "猜你喜欢",
        "2024年教育局工作计划", "2024年学校工作计划"]) + "\n",
           expect={"metadata": {"date": "2023-12-20"}}, note="alatiku-style 范文 page: masked 20__年/__县, editor intro/outro")
    k = "principal_report"
    sample("yanjiang_source_line", k, "\n".join([
        T(k), "文章来源:演讲网  发表时间:2023-06-28", "", B(k), "", "【打印】【关闭】", "", "推荐范文", "校长述职报告",
        "学校中层干部述职报告"]) + "\n",
           expect={"metadata": {"source": "演讲网", "date": "2023-06-28"}},
           note="yanjiang.com.cn: 文章来源 line, opening address 各位领导 kept")
    k = "double_reduction"
    sample("bigxun_read_limit", k, "\n".join([
        T(k), "", B(k), "", "还剩58页未读,继续阅读", "本资源只提供10页预览，全部文档请下载后查看!喜欢就下载吧~",
        "下载本文档"]) + "\n",
           expect={"flags": {"partial": True}}, note="bigxun: 还剩58页未读 + 本资源只提供10页预览")
    k = "research_office"
    half = B(k).split("\n")
    page2 = "\n".join(half[3:])
    sample("s35331_page2", k, "\n".join([
        f"{T(k)} 第2页", "", page2, "", "上一页 1 2 下一页", "", "相关推荐"]) + "\n", body=page2,
           note="35331.cn one-URL-per-page: title ends 第2页, only page 2's part expected, pager line dropped")
    k = "half_year_plan"
    sample("fanwen_page_html", k, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{T(k)}_工作总结_范文网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/zongjie/">工作总结</a> <a href="/jihua/">工作计划</a></div>
<div class="weizhi">您的位置：<a href="/">首页</a> &gt; <a href="/zongjie/">工作总结</a> &gt; 正文</div>
<div class="article"><h1>{T(k)}</h1>
<div class="meta">时间：2024-07-02 &nbsp; 来源：范文网 &nbsp; 阅读：2315</div>
<div class="content">
<p>以下是小编为大家收集的{T(k)}，欢迎阅读与收藏。</p>
{paragraphs_html(B(k))}
<p>以上是本站为大家整理的{T(k)}，希望对您有所帮助。</p>
</div></div>
<div class="relate"><h3>相关范文</h3><ul><li><a>学校上半年工作总结</a></li><li><a>下半年工作计划</a></li></ul></div>
<div class="footer">Copyright © 2024 范文网 版权所有</div>
</body></html>
""", ext="html", note="范文 site HTML: breadcrumb, meta line, editor intro/outro, related list")

    # --- government pages ---------------------------------------------------------------
    k = "spring_check_notice"
    sample("gov_notice_text", k, gov_text(T(k), B(k), "2024-02-05 09:30", "XX县教育局"),
           expect={"metadata": {"date": "2024-02-05", "source": "XX县教育局"}, "flags": {"partial": False}},
           note="教育局 page as text: nav, breadcrumb, 发布时间/信息来源, 打印/关闭, 上一篇/下一篇, footer; 联系人 line and 附件 kept")
    k = "summer_safety_notice"
    sample("gov_gbk_text", k, gov_text(T(k), B(k), "20XX-07-03", "XX区教育局").replace("发布时间", "发布日期").encode("gb18030"),
           expect={"metadata": {"encoding": "gb18030", "source": "XX区教育局"}},
           note="the same frame in GBK bytes (no declaration); masked date 20XX kept in the body")
    k = "enrolment_notice"
    sample("gov_gbk_meta_html", k, gov_html(T(k), B(k), '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
                                            "2023-06-12", "XX县教育局").encode("gb18030"), ext="html",
           expect={"metadata": {"encoding": "gb18030"}}, note="GBK HTML declared gb2312 (widened to gb18030), generic extraction")
    k = "q2_progress"
    sample("gov_gbk_httpequiv_html", k, gov_html(T(k), B(k), '<meta httpequiv="ContentType" content="text/html; charset=gbk">',
                                                 "2024-07-10", "县教育局").encode("gb18030"), ext="html",
           expect={"metadata": {"encoding": "gb18030"}}, note="GBK HTML with the typo'd `httpequiv` meta (w3lib#155)")
    k = "safety_summary"
    sample("gov_trad_text", k, gov_text(trad(T(k)), trad(B(k)), "2024-01-15 16:20", "縣教育局", t=trad),
           expect={"flags": {"script": "traditional"}, "metadata": {"date": "2024-01-15", "source": "县教育局"}},
           note="Traditional government page (發布時間/信息來源), converted to Simplified")
    k = "summer_safety_notice"
    sample("gov_page_html", k, gov_html(T(k), B(k), '<meta charset="utf-8">', "2023-07-03", "XX区教育局"), ext="html",
           note="UTF-8 government HTML page, generic extraction (trafilatura)")

    # --- encoding and residue damage ------------------------------------------------------
    k = "q1_report"
    sample("utf8_read_as_gbk_runs", k, f"{T(k)}\n\n" + utf8_as_gbk(B(k), ["全市经济", "校企合作", "资金拨付", "推进速度"]) + "\n",
           note="four short UTF-8-read-as-GBK runs (鍏ㄥ競缁忔祹) inside good text")
    k = "middle_school_term"
    sample("gbk_shift_trad_two_runs", k, f"{trad(T(k))}\n\n" + shift_gbk(trad(B(k)), 2, fold_letters=True) + "\n",
           expect={"flags": {"script": "traditional"}},
           note="Traditional text with two misaligned-GBK runs after 。 whose out-of-step pair is a full-width "
                "letter folded to ASCII (`?H珜W`; only GBK-extension trail bytes "
                "fall in ASCII, so Simplified text cannot show this damage)")
    k = "untitled_excerpt"
    sample("latin1_mojibake_untitled", k, latin1_mojibake(B(k)) + "\n",
           note="whole text GBK read as latin-1 (ÖÐÎÄ class); the excerpt has no title of its own")
    k = "teacher_training"
    sample("html_residue_in_text", k, f"<h2>{T(k)}</h2>\n" + paragraphs_html(B(k)).replace("</p>\n<p>", "</p><p>", 3)
           .replace("<p>", '<p style="text-indent:2em"><span style="font-size:16px">', 4)
           .replace("</p>", "</span></p>", 4) + "\n<br/>\n",
           note="text field holding HTML tags, &nbsp; indents, &ldquo;&rdquo; entities (saved as .txt)")
    k = "primary_school_year"
    sample("double_escaped_entities", k, f"{T(k)}\n\n" + html_escape_text(B(k)).replace("&", "&amp;") + "\n",
           note="double-escaped entities (&amp;ldquo;) in text")
    k = "digital_summary"
    raw = f"{T(k)}\r\n\r\n" + "\r\n".join("\u3000\u3000" + line.replace("，", "，\u200b", 2) for line in B(k).split("\n")) + "\r\n"
    sample("bom_crlf_zero_width", k, b"\xef\xbb\xbf" + raw.encode("utf-8"),
           note="UTF-8 BOM, CRLF line ends, ideographic-space indents, zero-width spaces")
    k = "untitled_excerpt"
    sample("untitled_preview_flat", k, "\n".join([
        "文本预览", "", flat(B(k)), "", "下载资源需要10金币", "【立即下载】"]) + "\n",
           note="no title of its own: flattened excerpt under 文本预览")
    k = "enrolment_notice"
    sample("trad_ruby_gov_html", k, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{trad(T(k))}</title></head><body>
<div class="nav">{trad('首页')} | {trad('新闻中心')} | {trad('政务公开')}</div>
<div class="main"><h1>{trad(T(k))}</h1>
<div class="info">{trad('发布时间')}：2023-06-12 {trad('来源')}：{trad('县教育局')}</div>
<div class="content">
{paragraphs_html(ruby(trad(B(k))), indent=False)}
</div></div>
<div class="footer">{trad('版权所有')}：{trad('县教育局')}</div>
</body></html>
""", ext="html", expect={"flags": {"script": "traditional"}},
           note="hy56-style: Traditional with pinyin ruby, one paragraph per <p>")
    k = "double_reduction"
    sample("plain_with_page_counters", k, "\n".join([
        T(k), "", *[line + ("\n1/3" if i == 1 else "\n2/3" if i == 3 else "") for i, line in enumerate(B(k).split("\n"))],
        "3/3"]) + "\n", note="plain text export with page counters (1/3) between paragraphs")
    k = "livelihood_projects"
    sample("gbk_plain_text", k, (f"{T(k)}\n\n{B(k)}\n").encode("gb18030"),
           expect={"metadata": {"encoding": "gb18030"}}, note="plain GBK text file, no chrome")
    k = "spring_check_notice"
    sample("notice_related_tail", k, "\n".join([
        T(k), "", B(k), "", "相关文章", "关于开展秋季学期开学工作检查的通知", "关于做好2024年寒假工作的通知"]) + "\n",
           note="通知 whose own 联系人/附件/落款 lines must stay; a 相关文章 list follows")
    k = "director_report"
    sample("wenke99_simplified", k, "\n".join([
        f"{T(k)}_文客久久", "", "上传人:a****9 文档编号:3011876 上传时间:2023-12-28 格式:DOC 页数:4 大小:30.1KB",
        "", B(k), "", f"《{T(k)}》由会员分享,可在线阅读,更多相关《{T(k)}(4页珍藏版)》请在文客久久上搜索。"]) + "\n",
           expect={"metadata": {"page_count": "4", "format": "DOC"}}, note="wenke99 (bingdoc CMS) text, trailer at the end")
    k = "principal_report"
    sample("trad_plain_gbk_shift", k, f"{trad(T(k))}\n" + shift_gbk(trad(B(k)), 1) + "\n",
           expect={"flags": {"script": "traditional"}}, note="Traditional plain text, one misaligned-GBK run, no ruby")


def expected_text(s: dict) -> str:
    return f"{s['title']}\n\n{s['body']}\n" if s["title"] else f"{s['body']}\n"


def write() -> None:
    build_samples()
    names = [s["name"] for s in SAMPLES]
    assert len(names) == len(set(names)), "duplicate sample names"
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for s in SAMPLES:
        raw = s["raw"]
        (OUT / f"{s['name']}.{s['ext']}").write_bytes(raw if isinstance(raw, bytes) else raw.encode("utf-8"))
        (OUT / f"{s['name']}.expected.txt").write_text(expected_text(s), encoding="utf-8")
        if s["expect"]:
            (OUT / f"{s['name']}.expected.json").write_text(
                json.dumps(s["expect"], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (OUT / "README.md").write_text(readme(), encoding="utf-8")
    print(f"{len(SAMPLES)} samples written to {OUT}")


def readme() -> str:
    rows = "\n".join(f"| `{s['name']}.{s['ext']}` | {s['note']} |" for s in SAMPLES)
    return f"""# Generality corpus

{len(SAMPLES)} hand-made samples in the style of the site families of `shared/research/sites.md`
(§1 table, §2 corruption patterns, §5.3 boilerplate catalogue).  None is a copy of the five seeds.

- `NAME.txt` / `NAME.html`: the raw input as a spider or user would hand it over (some are GBK bytes).
- `NAME.expected.txt`: what a careful human wants: title line, blank line, body (body alone when the
  document has no title of its own), Simplified script.  Masked placeholders (`20__年`, `XX县`, `××中学`)
  are part of the document and stay.
- `NAME.expected.json` (optional): flags and metadata that must come out (`partial`, `script`,
  `page_count`, `date`, `source`, `format`, `encoding`...).  A `date` matches by prefix (`2024-02-05`
  accepts `2024-02-05 09:30`).

The documents are the invented reports of `tests/support/corpus_bodies.py`; `tests/support/corpus_build.py` wraps them
in chrome and damage and regenerates this folder (`python tests/support/corpus_build.py`).  Scoring:
`python tests/support/corpus_score.py` (per-sample precision/recall, whitespace-insensitive, as
`shared/tools/score_gold.py`); `tests/integration/test_corpus.py` holds the bar.

| sample | exercises |
|---|---|
{rows}

Known miss (not a rule problem): `gbk_shift_trad_two_runs` keeps two misaligned-GBK runs whose
out-of-step pair decoded to a full-width letter that width folding turned into ASCII (`?H珜W` for
`。全學`); `cleaners/repair.py` unfolds only folded punctuation before re-encoding.
"""


if __name__ == "__main__":
    write()
