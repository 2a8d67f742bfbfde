"""Chrome lines the way other sites print them, generated from templates with variation.

Used by tools/perturb_text_eval.py (and, with the other wording family, by
tools/train_line_model.py): each kind of chrome named in issue 11 is a function of a random
generator and the page (its title, the titles of other pages), returning lines.  Every slot
varies (site names, numbers, dates, separators, colons, brackets, the order of fields), and
every kind has two wording families, `a` and `b`, drawn from disjoint template lists: a model
that learns from one family is measured on the other, so a gain there is not the model
remembering our strings (rules, though, have been tuned on both: see perturb_text_eval.py).
Two more families keep template lists of their own (`FAMILIES`): c (text_chrome_c.py), never
tuned on, and d (text_chrome_d.py), written without reading c.  The wordings follow what real
文库 / 范文 / government sites print (../shared/research/sites.md, the dev set README's list of
boilerplate met).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

SITE_HEAD = ["第一", "好", "优", "易", "百", "华夏", "蓝天", "星火", "公文", "精品", "学习", "中国", "众", "文秘", "智慧", "新",
             "启航", "千", "金", "云"]
SITE_TAIL = ["范文网", "文库", "文档网", "资料网", "作文网", "范文大全", "文秘网", "教育网", "知识网", "写作网", "公文网"]
LATIN = ["fanwen", "wenku", "wendang", "ziliao", "wenmi", "diyifanwen", "haowen", "xuexi", "docin8", "wk365", "gw123"]
SEPS = [" | ", "｜", " / ", " · ", "  ", " ", "丨", " - "]
CRUMB = [" > ", ">", " » ", " / ", " ＞ ", "→", " >> ", "-> "]
COLON = ["：", ":", ": ", "： "]
SECTIONS = ["工作总结", "工作计划", "心得体会", "述职报告", "演讲稿", "实用文档", "教育教学", "党团工作", "行政公文", "学校工作",
            "范文大全", "总结汇报", "计划方案", "合同协议", "教案设计", "考试资料", "教育专区", "高等教育", "办公文档"]
FORMATS = ["DOCX", "DOC", "PDF", "docx", "doc", "pdf", "WPS", "TXT"]
NAMES = ["b****3", "张**", "wx_****", "li***12", "文库用户", "m13****5678", "匿名用户", "小**老师", "教育资料库", "admin"]
SHARE = ["微信", "微博", "QQ空间", "QQ好友", "朋友圈", "新浪微博", "豆瓣", "复制链接", "腾讯微博"]


@dataclass
class Context:
    rng: random.Random
    title: str
    others: list[str] = field(default_factory=list)     # other pages' titles (related lists, 上一篇)
    passages: list[str] = field(default_factory=list)   # other pages' paragraphs (excerpts, a second document)

    def site(self) -> str:
        return self.rng.choice(SITE_HEAD) + self.rng.choice(SITE_TAIL)

    def host(self) -> str:
        return f"{self.rng.choice(['www.', 'm.', ''])}{self.rng.choice(LATIN)}{self.rng.choice(['', '8', '365', '123', '88'])}" \
               f"{self.rng.choice(['.com', '.cn', '.net', '.com.cn', '.cc'])}"

    def date(self, clock: bool | None = None) -> str:
        r = self.rng
        y, m, d = r.randint(2012, 2025), r.randint(1, 12), r.randint(1, 28)
        text = r.choice([f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}年{m}月{d}日", f"{y}.{m:02d}.{d:02d}"])
        if clock if clock is not None else r.random() < 0.4:
            text += f" {r.randint(0, 23):02d}:{r.randint(0, 59):02d}" + (f":{r.randint(0, 59):02d}" if r.random() < 0.5 else "")
        return text

    def c(self) -> str:
        return self.rng.choice(COLON)

    def n(self, lo: int = 1, hi: int = 99) -> int:
        return self.rng.randint(lo, hi)

    def other(self) -> str:
        return self.rng.choice(self.others) if self.others else self.title

    def passage(self, lo: int = 40, hi: int = 160) -> str:
        """An excerpt of another page's paragraph, cut at lo..hi characters (sites cut mid-sentence)."""
        text = self.rng.choice(self.passages) if self.passages else self.other() * 4
        return text[:self.rng.randint(lo, hi)]

    def pick(self, pool: list, family: str):
        """A template of the family: `a` the even entries, `b` the odd ones, `ab` any, `c` or `d`
        that family's own list for the pool (tools/text_chrome_c.py, text_chrome_d.py; any entry
        where it has none)."""
        return self.rng.choice(of_family(pool, family))


# The wording families kept in modules of their own: letter -> (pool id -> the family's templates or
# heads for that pool), filled on import by tools/text_chrome_c.py (`c`, never tuned on: it
# measures what carries over) and tools/text_chrome_d.py (`d`, more generated chrome to learn from).
FAMILIES: dict[str, dict[int, list]] = {"c": {}, "d": {}}


def of_family(pool: list, family: str) -> list:
    if family in FAMILIES:
        return FAMILIES[family].get(id(pool), pool)
    return pool if family == "ab" else pool[0 if family == "a" else 1::2]


def _topic(ctx: Context) -> str:
    t = ctx.title.strip("《》 ")
    return t if len(t) <= 30 else t[:ctx.rng.randint(8, 20)]


# Each template is a function of the context returning one line; the kinds below pick from them.
EDITOR_INTRO = [
    lambda c: f"{c.rng.choice(['小编', '本站小编', '我们'])}为大家整理了{c.n(3, 15)}篇{_topic(c)}，希望对大家有所帮助。",
    lambda c: f"以下是{c.rng.choice(['小编', c.site(), '本站'])}为大家收集的{_topic(c)}范文，仅供参考，欢迎大家阅读。",
    lambda c: f"【导语】{_topic(c)}是{c.rng.choice(['大家', '很多人'])}经常需要写的，{c.site()}整理了相关范文，欢迎借鉴！",
    lambda c: f"下面是{c.rng.choice(['小编', '小雅', '编辑'])}精心整理的{_topic(c)}，供大家参考借鉴，希望可以帮助到有需要的朋友。",
    lambda c: f"{_topic(c)}怎么写？{c.site()}为你推荐{c.n(2, 9)}篇优秀范文，快来看看吧！",
    lambda c: f"本文是{c.site()}为大家整理的{_topic(c)}，欢迎阅读与收藏，如有需要请下载。",
    lambda c: f"写作是一种表达，{_topic(c)}也不例外。以下是我们整理的相关文章，希望能给您带来启发。",
    lambda c: f"编者按：本文为{c.site()}网友投稿的{_topic(c)}，内容仅供参考。",
]
EDITOR_OUTRO = [
    lambda c: f"以上就是{c.rng.choice(['小编', '本站'])}整理的{_topic(c)}，希望对您有所帮助，更多内容请关注{c.site()}。",
    lambda c: f"感谢您的阅读，{c.rng.choice(['本文', '此文档'])}如对您有帮助，可下载编辑使用。",
    lambda c: f"【本文由{c.site()}整理，转载请注明出处】",
    lambda c: f"看了“{_topic(c)}”的人还看了{c.rng.choice(['：', '……', ''])}",
    lambda c: f"更多{c.rng.choice(SECTIONS)}相关文章请访问{c.host()}",
    lambda c: f"（文章来源于网络，由{c.site()}编辑整理）",
]
WELCOME = [
    lambda c: f"您好，欢迎来到{c.site()}！{c.rng.choice(['请登录', '[登录]'])}{c.rng.choice(SEPS)}{c.rng.choice(['免费注册', '注册'])}",
    lambda c: c.rng.choice(SEPS).join(c.rng.sample(["设为首页", "加入收藏", "联系我们", "网站地图", "手机版"], c.n(3, 5))),
    lambda c: f"欢迎访问{c.site()}{c.rng.choice(['，', ' ', '! '])}今天是{c.date(False)}",
    lambda c: c.rng.choice(SEPS).join(c.rng.sample(["登录", "注册", "会员中心", "我的文档", "上传文档", "VIP"], c.n(3, 5))),
]
NAV = [
    lambda c: c.rng.choice(SEPS).join(["首页"] + c.rng.sample(SECTIONS, c.n(4, 8))),
    lambda c: c.rng.choice(SEPS).join(["网站首页"] + c.rng.sample(SECTIONS, c.n(3, 6)) + ["登录", "注册"]),
    lambda c: c.rng.choice(SEPS).join(c.rng.sample(SECTIONS, c.n(5, 9))),
    lambda c: c.rng.choice(SEPS).join(["主页"] + c.rng.sample(SECTIONS, c.n(3, 7)) + [c.rng.choice(["更多", "更多>>", "…"])]),
]
CRUMBS = [
    lambda c: f"当前位置{c.c()}" + c.rng.choice(CRUMB).join(["首页"] + c.rng.sample(SECTIONS, c.n(1, 3))),
    lambda c: f"您的位置{c.c()}" + c.rng.choice(CRUMB).join([c.site()] + c.rng.sample(SECTIONS, c.n(1, 3)) + ["正文"]),
    lambda c: c.rng.choice(CRUMB).join(["首页"] + c.rng.sample(SECTIONS, c.n(1, 3)) + [_topic(c)]),
    lambda c: f"位置{c.c()}" + c.rng.choice(CRUMB).join(["网站首页"] + c.rng.sample(SECTIONS, c.n(1, 2))),
]
PREV_NEXT = [
    lambda c: [f"上一篇{c.c()}{c.other()}", f"下一篇{c.c()}{c.other()}"],
    lambda c: [f"上一篇{c.c()}{c.rng.choice(['没有了', c.other()])}{c.rng.choice(SEPS)}下一篇{c.c()}{c.other()}"],
    lambda c: [f"« {c.other()}", f"{c.other()} »"],
    lambda c: [f"上一篇文章{c.c()}{c.other()}", f"下一篇文章{c.c()}{c.rng.choice(['没有了', c.other()])}"],
]
UPLOAD = [
    lambda c: [f"上传人{c.c()}{c.rng.choice(NAMES)} 文档编号{c.c()}{c.n(1000000, 99999999)} 上传时间{c.c()}{c.date()} "
               f"格式{c.c()}{c.rng.choice(FORMATS)} 页数{c.c()}{c.n(2, 60)} 大小{c.c()}{c.n(12, 900)}.{c.n(0, 9)}KB"],
    lambda c: [f"文档格式{c.c()}.{c.rng.choice(FORMATS).lower()}", f"文档页数{c.c()}{c.n(2, 60)}页",
               f"文档大小{c.c()}{c.n(12, 900)}K", f"文档热度{c.c()}{c.n(10, 9999)}"],
    lambda c: [f"{c.n(2, 60)}页{c.rng.choice(SEPS)}{c.n(1, 20)}下载券{c.rng.choice(SEPS)}{c.n(10, 9999)}人已下载"],
    lambda c: [f"贡献者{c.c()}{c.rng.choice(NAMES)}", f"上传于{c.c()}{c.date()}", f"{c.n(10, 9999)}次阅读 {c.n(1, 999)}次下载"],
    lambda c: [f"格式{c.c()}{c.rng.choice(FORMATS)}{c.rng.choice(SEPS)}页数{c.c()}{c.n(2, 60)}{c.rng.choice(SEPS)}"
               f"大小{c.c()}{c.n(12, 900)}KB{c.rng.choice(SEPS)}上传{c.c()}{c.date(False)}"],
    lambda c: [f"资源ID{c.c()}{c.n(100000, 9999999)}", f"资源大小{c.c()}{c.n(12, 900)}.{c.n(0, 99)}KB",
               f"全文页数{c.c()}{c.n(2, 60)}页"],
]
PRICE = [
    lambda c: f"VIP免费下载{c.rng.choice(SEPS)}¥{c.n(1, 30)}.{c.n(0, 9)}0{c.rng.choice(SEPS)}立即下载",
    lambda c: f"下载文档（{c.n(1, 30)}积分）",
    lambda c: f"开通VIP，{c.rng.choice(['享受本站所有文档免费下载', '海量文档免费下', '下载本文档免费'])}",
    lambda c: f"本文档售价{c.c()}{c.n(1, 30)}.{c.n(0, 9)}元{c.rng.choice(SEPS)}已有{c.n(2, 999)}人下载",
    lambda c: f"¥ {c.n(1, 30)}.{c.n(0, 9)}0 原价{c.c()}¥ {c.n(31, 60)}",
    lambda c: f"下载积分{c.c()}{c.n(1, 20)}金币{c.rng.choice(SEPS)}{c.rng.choice(['快捷下载', '游客一键下载', '加入VIP，免费下载'])}",
]
MEMBERS = [
    lambda c: f"……此处隐藏{c.n(500, 30000)}个字……{c.rng.choice(['查看全文请登录', '登录后可查看全文', ''])}",
    lambda c: f"剩余内容需登录后查看{c.rng.choice(['，', ' ', '。'])}{c.rng.choice(['立即登录', '马上登录>>', '点击登录'])}",
    lambda c: f"内容未完{c.rng.choice(['，', '...', ' '])}开通会员后可阅读全文",
    lambda c: f"试读已结束，如需继续阅读{c.rng.choice(['请下载', '请付费', '或下载'])}",
    lambda c: f"还剩{c.n(2, 60)}页未读{c.rng.choice(['，', ' ', '，'])}继续阅读",
    lambda c: f"免费预览已结束，剩余{c.n(2, 60)}页可下载查看",
    lambda c: f"本文共{c.n(1000, 20000)}字，{c.rng.choice(['会员', 'VIP会员'])}可阅读全文{c.rng.choice(['>>', '', '。'])}",
    lambda c: f"温馨提示{c.c()}当前文档最多只能预览{c.n(2, 10)}页，{c.rng.choice(['若文档总页数超出了', '完整内容请'])}下载后查看",
]
PAGE_NUMBERS = [
    lambda c: f"{c.n(1, 9)}、",
    lambda c: f"- {c.n(1, 30)} -",
    lambda c: f"第{c.rng.choice([' ', ''])}{c.n(1, 9)}{c.rng.choice([' ', ''])}页{c.rng.choice([' ', ''])}共{c.n(10, 40)}页",
    lambda c: f"— {c.n(1, 30)} —",
    lambda c: f"{c.n(1, 9)}",
    lambda c: f"第{c.n(1, 9)}页",
]
TITLE_AGAIN = [
    lambda c: c.title,
    lambda c: f"{c.title}_第{c.n(1, 5)}页",
    lambda c: f"{c.title}{c.rng.choice(['(通用', '（精选', '(优秀', '【推荐'])}{c.n(3, 15)}篇{c.rng.choice([')', '）', '】'])}",
    lambda c: f"{c.title}.{c.rng.choice(FORMATS).lower()}",
    lambda c: f"{c.title}{c.rng.choice(SEPS)}{c.site()}",
    lambda c: f"VIP{c.title}",
]
FILLER = [
    lambda c: " ".join(c.rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ") + c.rng.choice(["(", ")", "", "$", "#"])
                       + str(c.n(0, 9)) for _ in range(c.n(3, 6))),
    lambda c: f"{c.site()}{c.host()}",
    lambda c: "".join(c.rng.choice("0123456789abcdefABCDEF") for _ in range(c.n(16, 40))),
    lambda c: f"本文来自{c.site()}，原文地址{c.c()}http://{c.host()}/{c.n(1000, 99999)}.html",
    lambda c: f"{c.rng.choice(['【', '['])}{c.site()}{c.rng.choice(['】', ']'])}{c.host()}",
    lambda c: f"更多精彩内容请访问 {c.host()}",
]
RELATED_HEAD = ["相关文档", "相关推荐", "猜你喜欢", "热门文章", "相关阅读", "推荐阅读", "最新文章", "相关文章", "大家都在看",
                "精选范文", "热门推荐", "延伸阅读"]
COPYRIGHT = [
    lambda c: f"Copyright {c.rng.choice(['©', '(C)', '©'])} {c.n(2005, 2015)}-{c.n(2016, 2025)} {c.site()} 版权所有",
    lambda c: f"{c.rng.choice(['京', '粤', '沪', '浙', '苏', '鄂', '鲁'])}ICP备{c.n(10000000, 99999999)}号{c.rng.choice(['', '-1', '-2', '-3'])}",
    lambda c: c.rng.choice(SEPS).join(c.rng.sample(["关于我们", "联系我们", "免责声明", "隐私政策", "网站地图", "意见反馈", "广告合作"], c.n(3, 6))),
    lambda c: f"本站资源均来自{c.rng.choice(['网络', '互联网', '网友上传'])}，如有侵权请联系{c.rng.choice(['删除', '我们删除', '客服处理'])}",
    lambda c: f"声明{c.c()}本文内容由互联网用户自发贡献，{c.rng.choice(['版权归原作者所有', '本站不拥有所有权'])}",
    lambda c: f"{c.rng.choice(['公安机关备案号', '网安备'])}{c.c()}{c.n(10000000000000, 99999999999999)}",
    lambda c: f"版权说明{c.c()}本文档由用户提供并上传，收益归属内容提供方，若内容存在侵权，请进行举报或认领",
    lambda c: f"©{c.n(2016, 2025)} {c.host()} {c.rng.choice(['All Rights Reserved', '版权所有', '保留所有权利'])}",
]
SHARE_BAR = [
    lambda c: f"分享到{c.c()}" + c.rng.choice(SEPS).join(c.rng.sample(SHARE, c.n(2, 5))),
    lambda c: c.rng.choice(SEPS).join(c.rng.sample(["收藏", "举报", "分享", "下载", "打印", "评论"], c.n(3, 5))),
    lambda c: f"点赞({c.n(0, 999)}){c.rng.choice(SEPS)}收藏({c.n(0, 99)}){c.rng.choice(SEPS)}评论({c.n(0, 99)})",
    lambda c: f"扫一扫{c.rng.choice(['，', ' '])}分享到{c.rng.choice(['朋友圈', '手机'])}",
    lambda c: f"阅读({c.n(10, 99999)}){c.rng.choice(SEPS)}{c.rng.choice(['赞', '喜欢'])}({c.n(0, 99)})",
]
META = [
    lambda c: f"发布时间{c.c()}{c.date()}{c.rng.choice(SEPS)}来源{c.c()}{c.site()}{c.rng.choice(SEPS)}作者{c.c()}"
              f"{c.rng.choice(['佚名', '网友投稿', 'admin', '小编'])}",
    lambda c: f"时间{c.c()}{c.date()}{c.rng.choice(SEPS)}浏览{c.c()}{c.n(10, 99999)}{c.rng.choice(['次', ''])}",
    lambda c: f"{c.date()}{c.rng.choice(SEPS)}{c.rng.choice(['阅读', '浏览', '热度', '人气'])}{c.c()}{c.n(10, 99999)}",
    lambda c: f"更新时间{c.c()}{c.date()}{c.rng.choice(SEPS)}{c.rng.choice(['手机版', '投稿', '纠错'])}",
    lambda c: f"作者{c.c()}{c.rng.choice(['佚名', '未知', c.site()])}  发布于{c.date()}",
    lambda c: f"[{c.rng.choice(['字体', '字号'])}{c.c()}大 中 小] [打印本页] [关闭窗口]",
]


def one(pool):
    def make(ctx: Context, family: str) -> list[str]:
        out = ctx.pick(pool, family)(ctx)
        return out if isinstance(out, list) else [out]
    return make


def related(ctx: Context, family: str) -> list[str]:
    heads = of_family(RELATED_HEAD, family)
    lines = [ctx.rng.choice(heads) + ctx.rng.choice(["", "：", ">>", "   更多"])]
    style = ctx.rng.randrange(4)
    for k in range(ctx.n(3, 7)):
        t = ctx.other()
        lines.append([t, f"{k + 1}. {t}", f"{t}  {ctx.date(False)}", f"· {t}  {ctx.n(2, 60)}页"][style])
    return lines


EXCERPT_END = ["…", "...", "……[详细]", "…阅读全文>>", "", "……", " [查看全文]", "...>>"]
COMMENT_HEAD = ["网友评论", "评论区", "最新评论", "全部评论", "发表评论", "热门评论", "用户评价", "文档评论"]
COMMENT = [
    lambda c: f"{c.rng.choice(NAMES)}{c.rng.choice(['：', ' 说：', ' ', ': '])}{c.passage(12, 60)}",
    lambda c: f"{c.rng.choice(NAMES)} {c.date()} {c.rng.choice(['', '回复', '来自手机'])}",
    lambda c: f"{c.passage(15, 70)}{c.rng.choice(['', '！', '，谢谢分享', '，很有帮助'])}",
    lambda c: f"{c.n(1, 40)}楼 {c.rng.choice(NAMES)}{c.rng.choice(SEPS)}{c.date()}",
]


def excerpts(ctx: Context, family: str) -> list[str]:
    """Related documents with excerpts of their text: a title, then a paragraph that reads as prose
    (`猜你喜欢`, `相关文档` boxes of 文库 pages, which show each document's first lines)."""
    heads = of_family(RELATED_HEAD, family)
    lines = [ctx.rng.choice(heads) + ctx.rng.choice(["", "：", ">>", "   更多"])]
    style = ctx.rng.randrange(3)
    for k in range(ctx.n(2, 5)):
        t, body = ctx.other(), ctx.passage() + ctx.rng.choice(EXCERPT_END)
        lines += [[t, body], [f"{k + 1}. {t}", body], [f"{t}{ctx.rng.choice(SEPS)}{body}"]][style]
    return lines


def comments(ctx: Context, family: str) -> list[str]:
    """A comment section: readers' lines of prose that quote or praise, under a heading."""
    heads = of_family(COMMENT_HEAD, family)
    lines = [ctx.rng.choice(heads) + ctx.rng.choice(["", f"（{ctx.n(2, 99)}）", "：", f" 共{ctx.n(2, 99)}条"])]
    for _ in range(ctx.n(2, 5)):
        lines.append(ctx.pick(COMMENT, family)(ctx))
    return lines


# kind -> (generator, where it usually sits)
KINDS = {
    "editor_intro": (one(EDITOR_INTRO), "head"),
    "editor_outro": (one(EDITOR_OUTRO), "tail"),
    "welcome": (one(WELCOME), "top"),
    "nav": (one(NAV), "top"),
    "crumb": (one(CRUMBS), "top"),
    "meta": (one(META), "head"),
    "upload": (one(UPLOAD), "head"),
    "price": (one(PRICE), "head"),
    "members": (one(MEMBERS), "tail"),
    "page_numbers": (one(PAGE_NUMBERS), "mid"),
    "title_again": (one(TITLE_AGAIN), "mid"),
    "filler": (one(FILLER), "mid"),
    "prev_next": (one(PREV_NEXT), "tail"),
    "related": (related, "tail"),
    "excerpts": (excerpts, "tail"),
    "comments": (comments, "tail"),
    "share": (one(SHARE_BAR), "tail"),
    "copyright": (one(COPYRIGHT), "tail"),
}
