"""Non-documents are named with their evidence; documents, even list-shaped ones, are kept."""
from cleaners import Document, clean
from cleaners.steps import page_kind

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。")
DATED_ITEMS = "\n".join(f"县教育局召开第{i}次工作会议 2023-0{i % 9 + 1}-12" for i in range(12))


def test_a_column_of_dated_titles_is_a_listing():
    assert page_kind.verdict(DATED_ITEMS, "通知公告", "https://jyj.x.gov.cn/tzgg/index_2.html").startswith("listing:")


def test_search_results_are_named_by_their_url():
    items = "\n".join(f"教育局工作总结范文{i}" for i in range(12))
    assert page_kind.verdict(items, "搜索", "https://x.com/search.html?keyword=a").startswith("search:")


def test_a_results_page_cut_down_to_one_excerpt_is_named_by_its_title():
    excerpt = "为您找到相关结果约1,234个\n2024年，在区委区政府的正确领导下，我局坚持以立德树人为根本任务……"
    assert page_kind.verdict(excerpt, "“工作总结”搜索结果", "https://x.com/s.html").startswith("search:")
    assert page_kind.verdict(excerpt, "工作总结", "https://x.com/s.html") is None
    assert page_kind.verdict(BODY * 5, "“工作总结”搜索结果", "https://x.com/s.html") is None   # 300 characters or more: read on


def test_a_table_of_contents_without_listing_signs_is_kept():
    toc = "\n".join(f"第{i}章 教育发展的若干问题" for i in range(1, 15))
    assert page_kind.verdict(toc, "目录", "https://x.org.cn/journal/2022nd4q/") is None


def test_short_error_page_is_rejected_but_a_document_quoting_the_words_is_not():
    assert page_kind.verdict("404 Not Found\n您访问的页面不存在", "", "https://x.com/a.html").startswith("error:")
    long_text = "\n".join([BODY * 3, "网站维护期间，部分页面不存在或无法访问。", BODY * 3])
    assert page_kind.verdict(long_text, "", "https://x.com/a.html") is None


def test_a_bare_host_says_nothing_about_being_a_home_page():
    headlines = "\n".join(f"县教育局召开第{i}次工作会议" for i in range(12))
    assert page_kind.verdict(headlines, "", "news.163.com") is None
    assert page_kind.verdict(headlines, "", "https://news.163.com/").startswith("home:")


def test_a_root_page_of_a_few_dated_news_rows_is_a_home_page_but_a_short_notice_there_is_not():
    rows = "\n".join(["示范县教育局"] + [f"我县开展2024年第{i}项教育宣传活动2024-0{i}-18" for i in range(1, 7)])
    assert page_kind.verdict(rows, "示范县教育局", "https://jyj.demoxian.gov.cn/").startswith("home:")
    notice = "\n".join(["示范县教育局", "关于2024年秋季学期开学时间的通知", "各中小学校：", "经研究，全县中小学秋季学期于2024年9月1日开学，请各校做好准备。",
                        "示范县教育局", "2024-08-20"])
    assert page_kind.verdict(notice, "示范县教育局", "https://jyj.demoxian.gov.cn/") is None


def test_rejected_page_is_not_usable_and_says_why():
    result = clean(Document(text=DATED_ITEMS, url="https://jyj.x.gov.cn/tzgg/index_2.html"))
    assert not result.usable and result.rejection.startswith("not_document: listing")


def test_every_document_gets_a_quality_score_that_prefers_prose():
    prose = clean(Document(text="\n".join([BODY] * 4)))
    scrappy = clean(Document(text="\n".join(["教育", "工作", "计划 2023", BODY])))
    assert 0 <= scrappy.metadata["quality"] < prose.metadata["quality"] <= 1


CODE_LISTING = "\n".join(["public function index(Request $request)", "{",
                          "    $users = User::where('active', 1)->paginate(20);",
                          "    return view('users.index', compact('users'));", "}"] * 12)


def test_a_chinese_article_with_long_code_listings_is_chinese():
    prose = "在项目中，我们经常需要对用户列表进行分页，本文介绍一种简单而且容易维护的写法，供大家参考。" * 3
    result = clean(Document(text=f"用户列表分页的写法\n{prose}\n{CODE_LISTING}\n以上就是全部内容，欢迎讨论。"))
    assert not result.flags["not_chinese"]
    english = "In this project we paginate the user list with a simple and maintainable approach. " * 3
    result = clean(Document(text=f"用户列表分页\n{english}\n{CODE_LISTING}\nThat is all, thanks."))
    assert result.flags["not_chinese"]


def test_code_chars_counts_code_lines_not_english_prose():
    assert page_kind.code_chars("$x = f(1);\nThis is an English sentence, not code.\n中文 (x)") == len("$x=f(1);")


def test_a_shell_line_with_a_home_path_is_code():
    assert page_kind.code_chars("source ~/.bashrc") == len("source~/.bashrc")
