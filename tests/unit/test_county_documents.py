"""No line of a county education-bureau document is lost, and no page chrome is kept, whether it
comes as plain text, as a government site's page or inside a 文库 page's chrome (the shapes:
tests/support/county_documents.py).  Each of these shapes lost lines before stop 27: a 印发
notice its opening, a 通报 its list of schools, a table its rows and then the whole text, a short
notice on a 文库 page kept the titles of its related box."""
import pytest

from cleaners import Document, clean
from county_documents import CHROME, DOCUMENTS

URL = "https://jyj.example.gov.cn/art/2024/2/27/art_{}.html"
# (a 文库 site's host picks its profile; clean() fetches nothing)
WENKU_URL = "https://www.renrendoc.com/paper/{}.html"
WENKU_HEAD = ["人人文库", "首页 > 教育资料 > 工作总结", "上传人：wx_123 上传时间：2024-03-01 页数：3 格式：DOCX 大小：25KB",
              "下载积分：5 VIP免费"]
WENKU_TAIL = ["预览已结束，剩余2页可下载查看", "下载文档到电脑，查找使用更方便", "相关文档", "2023年学校安全工作总结范文",
              "教师个人工作总结5篇"]
GOV_PAGE = ("<html><head><title>{title}_城关区教育局</title></head><body><div class='nav'><a href='/'>首页</a> "
            "<a href='/x'>政务公开</a> <a href='/y'>通知公告</a></div><div class='pos'>当前位置：<a href='/'>首页</a> &gt; "
            "<a href='/y'>通知公告</a></div><h1>{title}</h1><div class='info'>发布时间：2024-02-27 来源：城关区教育局 "
            "浏览次数：123</div><div class='article'>{paragraphs}</div><div class='footer'>主办：城关区教育局 版权所有 "
            "备案号：赣ICP备12345678号</div></body></html>")
# Older layouts (TRS era): a nav of table cells, the 信息公开 table above the article, the footer a
# table of its 主办单位 line and its registration line; or the whole page in nested tables.  A
# document of short lines (分工, 电话, a 考试安排) in them lost to the footer's 主办单位 line.
NAV_TABLE = ("<table width='100%'><tr><td><a href='/'>首页</a></td><td><a href='/a'>机构概况</a></td>"
             "<td><a href='/b'>政务公开</a></td><td><a href='/c'>办事服务</a></td></tr></table>")
FOOTER_TABLE = ("<table><tr><td>主办单位：城关区教育局 地址：城关区人民路1号 电话：0791-87650001</td></tr>"
                "<tr><td>赣ICP备12345678号-1 赣公网安备36010202000123号</td></tr></table>")
XXGK_PAGE = ("<html><head><title>{title}_城关区人民政府</title><meta name='ArticleTitle' content='{title}'></head>"
             "<body>" + NAV_TABLE + "<table class='xxgk'><tr><td>索引号：</td><td>11360102MB0000000X/2024-00012</td>"
             "<td>发布机构：</td><td>城关区教育局</td></tr><tr><td>生成日期：</td><td>2024-02-27</td><td>文号：</td>"
             "<td>城教字〔2024〕5号</td></tr></table><h1>{title}</h1><div class='TRS_Editor'>{paragraphs}</div>"
             "<div>【打印本页】【关闭窗口】</div>" + FOOTER_TABLE + "</body></html>")
NESTED_PAGE = ("<html><head><title>{title}</title></head><body>" + NAV_TABLE + "<table width='1000'><tr><td width='200'>"
               "<a href='/x'>通知公告</a><br/><a href='/y'>工作动态</a><br/><a href='/z'>政策文件</a></td><td><table>"
               "<tr><td align='center'><b>{title}</b></td></tr><tr><td>发布日期：2024-02-27 来源：城关区教育局</td></tr>"
               "<tr><td class='content'>{paragraphs}</td></tr></table></td></tr></table>" + FOOTER_TABLE + "</body></html>")
PAGES = {"gov page": GOV_PAGE, "信息公开 page": XXGK_PAGE, "nested tables page": NESTED_PAGE}
PAGE_WORDS = ("机构概况", "索引号", "打印本页", "主办单位", "ICP备", "工作动态")
# What is still lost, and why it is left (stop 27's note): a 简报's masthead goes as the credits
# above its first item's heading, which becomes the title.
LEFT = {"brief"}


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _document(name: str) -> tuple[list[str], list[str]]:
    """(the document's lines, the page chrome among them)."""
    lines = DOCUMENTS[name]
    chrome = [lines[i - 1] for i, line in enumerate(lines) if line == CHROME]
    return [line for line in lines if line != CHROME], chrome


def _as(form: str, name: str, lines: list[str]) -> Document:
    if form == "text":
        return Document(id=name, url=URL.format(name), text="\n".join(lines))
    if form in PAGES:
        page = PAGES[form].format(title=lines[0], paragraphs="".join(f"<p>{line}</p>" for line in lines[1:]))
        return Document(id=name, url=URL.format(name), html=page)
    return Document(id=name, url=WENKU_URL.format(sum(map(ord, name))),
                    text="\n".join([lines[0], *WENKU_HEAD, *lines, *WENKU_TAIL]))


def _cleaned_lines_lost(form: str, name: str) -> tuple[str, list[str], list[str]]:
    """(the squeezed output, title first; the document's lines it lost; the document's chrome lines)."""
    lines, chrome = _document(name)
    result = clean(_as(form, name, lines))
    assert result.rejection is None
    out = _squeezed(f"{result.title}\n{result.text}")
    return out, [line for line in lines if line not in chrome and _squeezed(line) not in out], chrome


@pytest.mark.parametrize("form", ["text", "gov page", "文库 page"])
@pytest.mark.parametrize("name", sorted(set(DOCUMENTS) - LEFT))
def test_a_county_document_keeps_every_line_of_its_own_and_none_of_the_pages(name, form):
    out, lost, chrome = _cleaned_lines_lost(form, name)
    assert lost == []
    page_chrome = chrome + (WENKU_HEAD + WENKU_TAIL if form == "文库 page" else [])
    assert [line for line in page_chrome if _squeezed(line) in out] == []


@pytest.mark.parametrize("form", ["信息公开 page", "nested tables page"])
@pytest.mark.parametrize("name", sorted(set(DOCUMENTS) - LEFT))
def test_a_county_document_in_an_older_government_layout_keeps_its_lines_and_none_of_the_page(name, form):
    out, lost, _ = _cleaned_lines_lost(form, name)
    assert lost == []
    lines = _document(name)[0]
    assert [word for word in PAGE_WORDS if word in out and not any(word in line for line in lines)] == []
