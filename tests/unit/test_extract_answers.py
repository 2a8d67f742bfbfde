"""A Q&A page's text is its question and every answer it shows: not the longest answer alone, nor
the question's description alone; not the answers' author lines and counts; not answers in a
region of other items (more answers, related questions), nor an FAQ box after a story."""
from parsel import Selector

from cleaners.steps.extract import BLOCK_TAGS
from cleaners.steps.extract_answers import with_answers
from cleaners.steps.extract_headline import layout
from cleaners.steps.extract_main import extract_main
from cleaners.steps.extract_sizes import measure

QUESTION = "孩子上初中后成绩下滑，家长该怎么办？"
DESCRIPTION = "孩子今年上初一，期中考试数学只考了68分，每天作业写到十点多，请问有经验的家长和老师，该怎么帮他？"
ANSWERS = ["初一成绩下滑很常见，先别急，小学到初中有一个适应期，科目变多了，学习方法要跟着变，错题要整理到本子上。",
           "我家孩子也经历过，后来和班主任沟通了一次，坚持了一个学期，期末数学考了九十多分。",
           "先保证睡眠，十点前睡觉。"]


def answer(n: int, text: str, cls: str = "ContentItem AnswerItem") -> str:
    return (f"<div class='{cls}'><div class='AuthorInfo'><a>答主{n}</a><span>中学教师</span><span>{n * 12} 人赞同了该回答</span></div>"
            f"<div class='RichContent'><span class='RichText'><p>{text}</p></span></div>"
            f"<div class='ContentItem-time'>编辑于 2024-10-0{n} 20:1{n}</div></div>")


def page(answers: str, description: bool = True, after: str = "") -> str:
    desc = f"<div class='QuestionRichText'><p>{DESCRIPTION}</p></div>" if description else ""
    return (f"<html><head><title>{QUESTION} - 知乎</title></head><body><div class='AppHeader'><a>首页</a><a>发现</a></div>"
            f"<div class='QuestionHeader'><h1>{QUESTION}</h1>{desc}</div><div class='List'>{answers}</div>{after}"
            f"<div class='Footer'>京 ICP 证 110745 号</div></body></html>")


def text_of(html: str) -> str:
    return extract_main(Selector(text=html).root, BLOCK_TAGS, QUESTION)[0]


def test_every_answer_follows_the_question_in_page_order():
    text = text_of(page("".join(answer(n, a) for n, a in enumerate(ANSWERS, 1))))
    at = [text.index(x) for x in [DESCRIPTION, *ANSWERS]]
    assert at == sorted(at)


def test_without_a_description_every_answer_is_kept_not_the_longest_alone():
    text = text_of(page("".join(answer(n, a) for n, a in enumerate(ANSWERS, 1)), description=False))
    assert all(a in text for a in ANSWERS)


def test_an_answers_author_line_time_and_votes_stay_out():
    text = text_of(page("".join(answer(n, a) for n, a in enumerate(ANSWERS, 1))))
    assert "答主" not in text and "人赞同" not in text and "编辑于" not in text


def test_answers_in_a_region_of_more_answers_are_not_this_pages():
    more = f"<div class='MoreAnswers'>{answer(4, '这是另一个问题下的回答，讲的是高中选科，和这个问题没有关系。')}</div>"
    text = text_of(page(answer(1, ANSWERS[0]) + answer(2, ANSWERS[1]), after=more))
    assert ANSWERS[1] in text and "高中选科" not in text


def test_a_story_longer_than_a_question_keeps_its_faq_box_out():
    story = "".join(f"<p>{DESCRIPTION}第{n}段，区教育局介绍了今年秋季学期初中学业质量监测的安排和各校的准备情况。</p>" for n in range(8))
    html = (f"<html><head><title>{QUESTION}</title></head><body><h1>{QUESTION}</h1><div class='article'>{story}</div>"
            f"<div class='faq'>{answer(1, ANSWERS[1], 'answer')}</div></body></html>")
    text = text_of(html)
    assert "第7段" in text and ANSWERS[1] not in text


def test_a_page_without_answers_keeps_its_article_as_chosen():
    root = Selector(text=page("")).root
    sizes = measure(root)
    chosen = [root.xpath("//div[@class='QuestionRichText']")[0]]
    assert with_answers(root, chosen, layout(root, sizes, QUESTION).start, sizes) == chosen


def comment_list_page(words: str) -> str:
    items = "".join(f"<div class='comment-main-container'><div class='comment-user-info'><span class='user-name'>user{n}</span>"
                     f"<span class='comment-time'>2024-10-0{n}</span>{words if n == 1 else ''}</div>"
                     f"<div class='comment-detail'><p>{a}</p></div></div>" for n, a in enumerate(ANSWERS, 1))
    return (f"<html><head><title>{QUESTION}</title></head><body><div class='faq-detail'><h1>{QUESTION}</h1>"
            f"<div class='faq-content'><p>{DESCRIPTION}</p></div><div class='library-comment-list'>{items}</div></div></body></html>")


def test_on_a_page_that_speaks_as_a_qa_site_its_comment_list_holds_the_answers():
    text = extract_main(Selector(text=comment_list_page("<span>被采纳</span>")).root, BLOCK_TAGS, QUESTION, qa_words=True)[0]
    assert DESCRIPTION in text and all(a in text for a in ANSWERS) and "user1" not in text


def test_elsewhere_a_comment_list_after_the_article_stays_out():
    text = extract_main(Selector(text=comment_list_page("")).root, BLOCK_TAGS, QUESTION)[0]
    assert DESCRIPTION in text and not any(a in text for a in ANSWERS[:2])


def labelled_page(best_label: str = "最佳答案", others_label: str = "其他2条回答", side: str = "") -> str:
    """A Q&A page whose markup names no answer: a best answer under its label, the others as
    reply items under theirs."""
    others = "".join(f"<div class='reply-item'><div class='info'><a>网友{n}</a><span>2024-10-0{n}</span></div>"
                     f"<div class='reply-text'>{a}</div><div class='ops'><a>赞 {n}</a><a>评论</a></div></div>"
                     for n, a in enumerate(ANSWERS[1:], 2))
    return (f"<html><head><title>{QUESTION}_百度知道</title></head><body><div class='nav'><a>首页</a><a>我要提问</a></div>"
            f"<div class='main'><div class='ask'><h1>{QUESTION}</h1><div class='q-content'>{DESCRIPTION}</div></div>"
            f"<div class='wgt-best'><div class='hd'><span>{best_label}</span><span>推荐于2024-10-02</span></div>"
            f"<div class='info'><a>王老师</a><span>采纳率：86%</span></div><div class='best-text'>{ANSWERS[0]}</div></div>"
            f"<div class='wgt-replies'><div class='hd'><h2>{others_label}</h2></div>{others}</div></div>{side}"
            f"<div class='footer'>©2024 Baidu</div></body></html>")


def test_on_a_qa_page_the_answers_under_its_labels_are_kept_though_no_element_is_named_answer():
    text = extract_main(Selector(text=labelled_page()).root, BLOCK_TAGS, QUESTION, qa_words=True)[0]
    at = [text.index(x) for x in [DESCRIPTION, *ANSWERS]]
    assert at == sorted(at)
    assert "网友" not in text and "采纳率" not in text and "推荐于" not in text


def test_labels_are_read_only_on_a_page_that_speaks_as_a_qa_site():
    text = extract_main(Selector(text=labelled_page()).root, BLOCK_TAGS, QUESTION, qa_words=False)[0]
    assert ANSWERS[2] not in text


def test_a_count_beside_a_related_question_in_the_sidebar_labels_no_answer():
    side = ("<div class='sidebar'><div class='item'><a>初一数学成绩下滑怎么办？</a><span>386 个回答</span></div>"
            "<div class='item'><p>初中生作业写到很晚，这正常吗？家长们怎么看？</p><span>95 个回答</span></div></div>")
    text = extract_main(Selector(text=labelled_page(side=side)).root, BLOCK_TAGS, QUESTION, qa_words=True)[0]
    assert ANSWERS[2] in text and "作业写到很晚" not in text
