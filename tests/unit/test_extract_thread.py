"""A forum thread's opening post is the document: a short question above long answers keeps only
the question, whatever the answers score; posts without a posting time are no thread."""
from parsel import Selector

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_main import extract_main
from cleaners.steps.extract_sizes import measure
from cleaners.steps.extract_thread import opening_post

QUESTION = "今年第一次当班主任，家长群里每天消息不断，不知道该怎么把握沟通的分寸，请各位老师指点一下，谢谢！"
ANSWER = ("我当了十几年班主任，说几点体会吧。第一，家长群要立规矩，开学第一天就发群公告，说明群的用途只是发布通知，"
          "个别问题请私聊。第二，主动沟通比被动回复好，每周固定一个时间发一次班级小结，让家长了解孩子们在学校的情况。")


def post(n: int, text: str, stamp: bool = True) -> str:
    when = f"发表于 2024-9-{n + 1} 20:{10 + n}" if stamp else "发表"
    return (f"<div class='mainbox viewthread' id='post_{n}'><table><tr><td class='postauthor'><cite><a>user{n}</a></cite>"
            f"<dl><dt>帖子</dt><dd>{n}6</dd><dt>积分</dt><dd>{n}9</dd></dl></td><td class='postcontent'>"
            f"<div class='postinfo'><strong>{n}#</strong><em>{when}</em></div>"
            f"<div class='defaultpost'><div class='t_msgfont'>{text}</div></div>"
            f"<div class='postactions'><a>回复</a> <a>引用</a></div></td></tr></table></div>")


def thread(stamped: bool = True) -> str:
    posts = post(1, QUESTION, stamped) + "".join(post(n, ANSWER, stamped) for n in range(2, 5))
    return (f"<html><head><title>请教：班主任怎么和家长沟通？ - 教师论坛</title></head><body>"
            f"<div id='nav'><a>论坛</a> » <a>班主任之家</a></div><h1>请教：班主任怎么和家长沟通？</h1>{posts}"
            f"<div id='footer'>Powered by Discuz! 7.2</div></body></html>")


def test_a_short_opening_post_is_the_article_and_the_longer_replies_are_not():
    text = extract_main(Selector(text=thread()).root, BLOCK_TAGS, "请教：班主任怎么和家长沟通？")[0]
    assert QUESTION in text and "十几年班主任" not in text
    assert "积分" not in text and "回复" not in text


def test_blocks_of_one_template_without_posting_times_are_no_thread():
    root = Selector(text=thread(stamped=False)).root
    later = root.xpath("//div[@id='post_3']//div[@class='defaultpost']")[0]
    sizes = measure(root)
    assert opening_post(later, {later: 1.0}, sizes) == (later, False)


def test_a_winner_in_a_later_post_moves_to_the_same_block_of_the_first():
    root = Selector(text=thread()).root
    first, later = (root.xpath(f"//div[@id='post_{n}']//div[@class='defaultpost']")[0] for n in (1, 3))
    sizes = measure(root)
    assert opening_post(later, {first: 1.0, later: 2.0}, sizes) == (first, True)
    assert opening_post(first, {first: 1.0, later: 2.0}, sizes) == (first, True)


def discuz_x(first: str, attachment: bool = False) -> str:
    """Discuz X's markup: each post a classless `div#post_N` around its table, a first post that
    may carry an attachment box beside its message."""
    box = "<div class='pattl'><p class='attnm'><a>安排.docx</a></p><p>2024-10-1 20:11 上传</p><p>下载次数: 37</p></div>"
    def one(n, text):
        return (f"<div id='post_{n}'><table id='pid{n}' class='plhin'><tr><td class='pls'><a>user{n}</a></td>"
                f"<td class='plc'><div class='pi'><strong>{n}#</strong><em>发表于 2024-10-{n} 20:1{n}:30</em></div>"
                f"<div class='pct'><div class='pcb'><div class='t_fsz'><table><tr><td class='t_f'>{text}</td></tr></table>"
                f"{box if attachment and n == 1 else ''}</div></div></div></td></tr></table></div>")
    posts = one(1, first) + "".join(one(n, ANSWER) for n in range(2, 5))
    return (f"<html><head><title>请教：班主任怎么和家长沟通？ - 教师论坛</title></head><body>"
            f"<div id='pt'><a>论坛</a> › <a>班主任之家</a></div><h1>请教：班主任怎么和家长沟通？</h1>"
            f"<div id='postlist'>{posts}</div><div id='ft'>Powered by Discuz! X3.4</div></body></html>")


def test_classless_posts_numbered_in_their_ids_are_a_thread():
    text = extract_main(Selector(text=discuz_x(QUESTION)).root, BLOCK_TAGS, "请教：班主任怎么和家长沟通？")[0]
    assert QUESTION in text and "十几年班主任" not in text


def test_a_first_post_set_apart_by_its_attachment_box_is_still_the_article():
    text = extract_main(Selector(text=discuz_x(QUESTION, attachment=True)).root, BLOCK_TAGS, "请教：班主任怎么和家长沟通？")[0]
    assert QUESTION in text and "十几年班主任" not in text


def test_a_subject_bar_in_the_posts_style_without_a_time_does_not_hide_the_thread():
    bar = "<div class='mainbox viewthread'><h2>主题：请教：班主任怎么和家长沟通？</h2></div>"
    page = thread().replace("<h1>请教：班主任怎么和家长沟通？</h1>", bar)
    text = extract_main(Selector(text=page).root, BLOCK_TAGS, "请教：班主任怎么和家长沟通？")[0]
    assert QUESTION in text and "十几年班主任" not in text


LINES = ["各位老师好！", "一、建好三级家委会", "班级、年级、学校三级家委会9月中旬全部选好。", "二、办好家长学校", "每月一次，周五晚上线上开讲。"]


def stream(item) -> str:
    """A thread whose posts, summed, outscore each one: the container of them wins the page."""
    posts = item(1, "<br>".join(LINES)) + "".join(item(n, ANSWER) for n in range(2, 5))
    return (f"<html><head><title>请教：班主任怎么和家长沟通？</title></head><body><h1>请教：班主任怎么和家长沟通？</h1>"
            f"<div class='stream'>{posts}</div><div class='foot'>Powered by 论坛</div></body></html>")


def flarum_item(n: int, text: str) -> str:
    return (f"<div class='PostStream-item'><article class='Post'><div class='Post-header'><a>user{n}</a>"
            f"<time datetime='2024-10-0{n}T20:1{n}:00+08:00'>2024年10月{n}日</time></div><div class='Post-body'>{text}</div></article></div>")


def smf_item(n: int, text: str) -> str:
    return (f"<div class='windowbg{'' if n % 2 else '2'}'><div class='keyinfo'><a>Re: 请教</a>"
            f"<div class='smalltext'>« 第{n}楼 于： 2024-10-0{n}, 20:1{n} »</div></div><div class='inner'>{text}</div></div>")


def nodebb_item(n: int, text: str) -> str:
    """NodeBB: every post a `component="post"`; only the first carries a class."""
    return (f"<li component='post' class='{'topic-header' if n == 1 else ''}' data-index='{n - 1}'><div class='post-header'><a>user{n}</a>"
            f"<span class='timeago' title='2024-10-0{n}T20:1{n}:00.000Z'>2024年10月{n}日</span></div>"
            f"<div class='content' component='post/content'>{text}</div><div><a component='post/reply'>回复</a></div></li>")


def live_item(n: int, text: str) -> str:
    return f"<div class='live-item'><span class='time'>2024-10-0{n} 20:1{n}</span><p>{text}</p></div>"


def test_a_thread_whose_posts_outscore_each_one_keeps_its_opening_post_alone():
    for item in (flarum_item, smf_item, nodebb_item):
        text = extract_main(Selector(text=stream(item)).root, BLOCK_TAGS, "请教：班主任怎么和家长沟通？")[0]
        assert all(line in text for line in LINES) and "十几年班主任" not in text, item.__name__


def test_a_live_blogs_dated_entries_without_a_posts_markers_are_its_text_all_of_them():
    text = extract_main(Selector(text=stream(live_item)).root, BLOCK_TAGS, "请教：班主任怎么和家长沟通？")[0]
    assert "各位老师好" in text and text.count("十几年班主任") == 3


def test_a_blogs_index_of_teasers_dated_in_machine_time_is_no_thread():
    """Its teasers carry a `<time datetime>` as forum posts do; each opens with a link to its
    page's headline: a listing (`extract_listing`), every teaser kept for it to count."""
    summary = "2024年，区教育局坚持以立德树人为根本任务，全面推进教育高质量发展，各项工作取得了新的成效。"
    items = "".join(f"<article class='post'><h2><a href='/p/{n}.html'>新学期班主任工作体会之{n}</a></h2>"
                    f"<time datetime='2024-09-0{n}T20:1{n}:00+08:00'>2024年9月{n}日</time><p>{summary}</p>"
                    f"<a href='/p/{n}.html'>阅读全文</a></article>" for n in range(1, 6))
    text = extract_main(Selector(text=f"<html><body><main class='site-main'>{items}</main></body></html>").root, BLOCK_TAGS)[0]
    assert text.count(summary) == 5


def test_stamps_found_around_colons_are_the_ones_a_search_of_the_whole_text_finds():
    from cleaners.steps.extract_posts import STAMP, stamps_in
    text = "发表于2024-9-220:12引用回复3天前目前时间9:00-11:30第二楼2024年10月1日,20:11:30以前2024-10-0120:11"
    assert [m.span() for m in stamps_in(text)] == [m.span() for m in STAMP.finditer(text)]
    assert [m.span() for m in stamps_in(text, 2)] == [m.span() for m in STAMP.finditer(text)][:2]
