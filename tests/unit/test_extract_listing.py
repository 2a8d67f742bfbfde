"""A page whose article is a run of teasers (another page's linked headline and a sentence of it,
each) is a listing and is rejected with that reason; a table of contents (linked titles with
authors), and an article with a few linked items among its paragraphs, stay documents."""
from cleaners import pipeline
from cleaners.sources import record_to_document

EXCERPT = "2024年，在区委区政府的正确领导下，我局坚持以立德树人为根本任务，全面推进教育高质量发展。"


def cleaned(body: str, title: str = "老李的教育随笔"):
    html = f"<html><head><title>{title}</title></head><body><div class='nav'><a href='/'>首页</a><a href='/about'>关于</a></div>{body}</body></html>"
    return pipeline.clean_all(record_to_document({"html": html, "url": "https://laoli.example.cn/page/2/"}, "p"))[0]


def test_a_blogs_index_of_teasers_is_rejected_as_a_listing():
    posts = "".join(f"<div class='post'><h2><a href='/p/{i}.html'>新学期班主任工作体会之{i}</a></h2><div class='meta'>2024-09-0{i}</div>"
                    f"<p>{EXCERPT}第{i}篇写的是家校沟通。</p><a href='/p/{i}.html'>阅读全文</a></div>" for i in range(1, 8))
    result = cleaned(posts)
    assert result.rejection.startswith("not_document: listing: 7 teasers")


def test_a_table_of_contents_of_linked_titles_and_authors_stays_a_document():
    rows = "".join(f"<li><a href='/a/{i}.html'>新时代县域教育高质量发展的路径研究（第{i}部分）</a><span>张三{i} 李四</span></li>" for i in range(1, 12))
    intro = "<p>本期共收录论文十一篇，围绕县域教育高质量发展这一主题，从办学条件、师资队伍、课程改革等方面展开研究，现将目录刊发如下，供读者查阅。</p>"
    result = cleaned(f"<div class='journal'><h1>教育研究 2024年第3期目录</h1>{intro}<ul>{rows}</ul></div>", "教育研究 2024年第3期目录")
    assert not (result.rejection or "").startswith("not_document")


def test_an_article_with_a_few_linked_items_among_its_paragraphs_stays_a_document():
    paragraphs = "".join(f"<p>{EXCERPT}今年第{i}项重点工作进展顺利，全县各校按照要求认真落实，取得了明显成效，受到家长和社会的好评。</p>" for i in range(6))
    items = "".join(f"<p><a href='/n/{i}.html'>县教育局召开第{i}次工作推进会</a>，会议部署了下一阶段的重点工作。</p>" for i in range(3))
    result = cleaned(f"<div class='article'><h1>县教育局2024年工作总结</h1>{paragraphs}{items}</div>", "县教育局2024年工作总结")
    assert not (result.rejection or "").startswith("not_document")
