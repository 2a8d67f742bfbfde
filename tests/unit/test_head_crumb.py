"""A page text's header above its breadcrumb goes whatever it says; a text whose own words stand
above a trail keeps them."""
from cleaners import Document, clean
from cleaners.steps import head_crumb

HEADER = ["城关教育科技", "网站首页", "产品中心", "全国服务热线：400-888-8888", "智慧校园平台", "电话：400-888-8888"]
BODY = ["我校举行2024级新生开学典礼", "9月8日上午，我校2024级新生开学典礼在体育馆隆重举行，5200余名新生参加典礼。"]


def test_the_lines_above_a_breadcrumb_at_the_head_go_and_the_breadcrumb_is_left_to_its_rule():
    text, changes = head_crumb.step("\n".join([*HEADER, "当前位置：首页 > 新闻中心 > 公司新闻", *BODY]))
    assert text.split("\n") == ["当前位置：首页 > 新闻中心 > 公司新闻", *BODY]
    assert [c.before for c in changes] == HEADER and {c.step for c in changes} == {"head_crumb"}


def test_a_trail_from_the_home_page_and_a_traditional_label_are_breadcrumbs_too():
    for crumb in ("▶ 首页 › 中学教育 › 生活休闲", "網站首頁 > 教育動態", "當前位置：首頁 > 通知公告"):
        text, changes = head_crumb.step("\n".join([*HEADER, crumb, *BODY]))
        assert len(changes) == len(HEADER), crumb


def test_every_breadcrumb_shape_of_the_line_rules_marks_where_the_header_ends():
    for crumb in ("南湖区教育局 ▸ 信息公开 ▸ 政策解读", "所属栏目： 要闻 》体育", "所在频道：国内 》详情页", "路径： 中国资料网 › 教育资源",
                  "导航：金写作网 › 资格考试", "清河县财政局→ 政务公开→ 政策解读", "首　页 ＞ 公众参与 ＞ 工作动态"):
        text, changes = head_crumb.step("\n".join([*HEADER, crumb, *BODY]))
        assert len(changes) == len(HEADER), crumb


def test_the_header_ends_at_its_last_breadcrumb():
    text, changes = head_crumb.step("\n".join(["导航：金写作网 › 资格考试", *HEADER, "当前位置：首页 > 新闻中心", *BODY]))
    assert text.split("\n") == ["当前位置：首页 > 新闻中心", *BODY] and len(changes) == len(HEADER) + 1


def test_a_text_without_a_breadcrumb_or_with_a_sentence_above_it_is_left_alone():
    plain = "\n".join([*HEADER, *BODY])
    assert head_crumb.step(plain) == (plain, [])
    quoted = "\n".join(["学校网站改版后，栏目导航更加清晰，家长反映良好。", "当前位置：首页 > 通知公告", *BODY])
    assert head_crumb.step(quoted) == (quoted, [])


def test_a_breadcrumb_below_the_head_is_no_header_boundary():
    text = "\n".join([*(f"第{k}项工作安排" for k in range(40)), "当前位置：首页 > 通知公告", *BODY])
    assert head_crumb.step(text) == (text, [])


def test_an_html_articles_text_is_not_cut_at_a_breadcrumb_inside_it():
    html = ("<html><head><title>我校举行2024级新生开学典礼</title></head><body><div class='article'>"
            "<h1>我校举行2024级新生开学典礼</h1><p>——记城关区第一小学秋季开学第一课</p>"
            "<p>当前位置：首页 &gt; 新闻中心</p>"
            "<p>9月8日上午，我校2024级新生开学典礼在体育馆隆重举行，5200余名新生参加典礼。</p></div></body></html>")
    assert "记城关区第一小学秋季开学第一课" in clean(Document(html=html)).text


def test_a_page_texts_header_leaves_the_cleaned_document():
    result = clean(Document(text="\n".join([*HEADER, "当前位置：首页 > 新闻中心 > 公司新闻", *BODY])))
    assert result.title == BODY[0] and "热线" not in result.text and BODY[1] in result.text
