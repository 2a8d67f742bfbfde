"""More chrome kinds for tools/perturb_text_eval.py: the variants issue 11 and
../shared/research/sites.md §5.3 name that tools/text_chrome.py did not yet print.

Upload metadata rows in other field orders and labels, price and VIP lines with the amount
first, 下载/收藏/举报 action bars with counts, a preview's page-number lines repeated down the
text (`1、`, `2/5`, `Page 3`), anti-scrape filler, members-only tails in other wordings,
breadcrumbs in other forms, and related lists whose entries carry a line of date, size and
pages under the title.  Same conventions as text_chrome: every slot varies, and each pool's
even and odd entries are the two wording families `a` and `b`.
"""
from __future__ import annotations

from text_chrome import COLON, CRUMB, FORMATS, NAMES, RELATED_HEAD, SECTIONS, SEPS, Context, _topic, of_family, one

ACTIONS = ["下载", "收藏", "举报", "分享", "打印", "纠错", "评论", "点赞", "加入书架", "下载文档", "收藏文档", "版权申诉"]


def _size(c: Context) -> str:
    return c.rng.choice([f"{c.n(12, 900)}KB", f"{c.n(12, 900)}.{c.n(0, 9)}K", f"{c.n(1, 9)}.{c.n(0, 99)}MB", f"{c.n(12, 900)} KB"])


UPLOAD_MORE = [
    lambda c: [f"上传者{c.c()}{c.rng.choice(NAMES)}{c.rng.choice(SEPS)}上传时间{c.c()}{c.date()}{c.rng.choice(SEPS)}"
               f"浏览次数{c.c()}{c.n(10, 9999)}{c.rng.choice(SEPS)}下载次数{c.c()}{c.n(0, 999)}"],
    lambda c: [f"文件格式{c.c()}{c.rng.choice(FORMATS)}{c.rng.choice(SEPS)}文件大小{c.c()}{_size(c)}{c.rng.choice(SEPS)}"
               f"下载次数{c.c()}{c.n(0, 999)}"],
    lambda c: [f"页数{c.c()}{c.n(2, 60)}页{c.rng.choice(SEPS)}字数{c.c()}{c.n(500, 20000)}字{c.rng.choice(SEPS)}"
               f"类型{c.c()}{c.rng.choice(FORMATS)}"],
    lambda c: [f"资料格式{c.c()}{c.rng.choice(FORMATS)}", f"资料大小{c.c()}{_size(c)}", f"资料类别{c.c()}{c.rng.choice(SECTIONS)}",
               f"更新日期{c.c()}{c.date(False)}"],
    lambda c: [f"{c.rng.choice(FORMATS).upper()}{c.rng.choice(SEPS)}{c.n(2, 60)}页{c.rng.choice(SEPS)}{_size(c)}"
               f"{c.rng.choice(SEPS)}{c.date(False)}"],
    lambda c: [f"文档分类{c.c()}{c.rng.choice(SECTIONS)}{c.rng.choice(SEPS)}文档标签{c.c()}{_topic(c)}"],
    lambda c: [f"{c.rng.choice(NAMES)} 分享于 {c.date()}", f"{c.n(2, 60)} 页 {c.rng.choice(['·', '|', ' '])} {c.n(10, 9999)} 浏览"],
    lambda c: [f"大小{c.c()}{_size(c)}{c.rng.choice(SEPS)}页数{c.c()}{c.n(2, 60)}{c.rng.choice(SEPS)}"
               f"上传者{c.c()}{c.rng.choice(NAMES)}{c.rng.choice(SEPS)}{c.n(10, 9999)}人浏览"],
]
PRICE_MORE = [
    lambda c: f"{c.n(1, 30)}.{c.n(0, 9)}0元{c.rng.choice(SEPS)}立即下载",
    lambda c: f"¥{c.n(1, 30)}.{c.n(0, 9)}{c.rng.choice(SEPS)}{c.rng.choice(['购买文档', '立即购买', '付费下载'])}",
    lambda c: f"价格{c.c()}{c.n(1, 20)}{c.rng.choice(['积分', '金币', '下载券'])}{c.rng.choice(SEPS)}"
              f"{c.rng.choice(['会员免费', 'VIP免费', '开通会员免积分'])}",
    lambda c: f"会员免费{c.rng.choice(['，', ' ', ' / '])}非会员{c.rng.choice(['¥', '￥'])}{c.n(1, 30)}",
    lambda c: f"下载所需{c.c()}{c.n(1, 20)}{c.rng.choice(['下载券', '积分', '金币'])}",
    lambda c: f"{c.rng.choice(['VIP', '会员'])}专享{c.rng.choice(['文档', '资料', ''])}{c.rng.choice(SEPS)}"
              f"{c.rng.choice(['开通后免费下载', '立即开通', '限时特惠'])}",
    lambda c: f"此文档下载收益归作者所有{c.rng.choice(['', '，下载文档', ' 下载'])}",
    lambda c: f"{c.rng.choice(['￥', '¥'])}{c.n(1, 30)}.00 {c.rng.choice(['VIP价', '会员价'])}{c.c()}"
              f"{c.rng.choice(['￥', '¥'])}{c.n(0, 9)}.{c.n(0, 9)}0",
]
ACTION_BAR = [
    lambda c: " ".join(c.rng.sample(ACTIONS[:8], c.n(3, 5))),
    lambda c: c.rng.choice(SEPS).join(f"{w}({c.n(0, 999)})" for w in c.rng.sample(["下载", "收藏", "举报", "分享", "点赞"], c.n(2, 4))),
    lambda c: c.rng.choice(SEPS).join(c.rng.sample(ACTIONS, c.n(3, 6))),
    lambda c: "  ".join(f"{w} {c.n(0, 999)}" for w in c.rng.sample(["下载", "收藏", "浏览", "点赞", "评论"], c.n(3, 4))),
]
PAGES_REPEATED = [
    lambda c: [f"{k}、" for k in range(1, c.n(3, 6))],
    lambda c: [f"{k}/{c.n(6, 9)}" for k in range(1, c.n(3, 6))],
    lambda c: [f"- {k} -" for k in range(1, c.n(3, 6))],
    lambda c: [f"Page {k}" for k in range(1, c.n(3, 6))],
    lambda c: [f"第{k}页" for k in range(1, c.n(3, 6))],
    lambda c: [f"{k}" for k in range(1, c.n(3, 6))],
]
FILLER_MORE = [
    lambda c: "".join(c.rng.choice("abcdefghijkmnpqrstuvwxyz0123456789") for _ in range(c.n(6, 12))),
    lambda c: f"{c.rng.choice(['www', 'm'])}_{c.host().split('.')[-2]}_{c.rng.choice(['com', 'cn', 'net'])}",
    lambda c: f"{c.site()}{c.rng.choice(['版权所有', '原创', '首发'])}",
    lambda c: "".join(c.rng.choice("ＡＢＣＤＥＦＧＨＪＫabcdef■□◆◇") for _ in range(c.n(5, 10))),
    lambda c: f"{c.site()}（{c.host()}）",
    lambda c: f"本文由{c.site()}收集整理{c.rng.choice(['', '，转载请保留', '发布'])}",
]
MEMBERS_MORE = [
    lambda c: f"此文档为{c.rng.choice(['VIP会员', '会员'])}专享，{c.rng.choice(['开通后可阅读全文', '请开通会员后查看'])}",
    lambda c: f"以上为文档预览{c.rng.choice(['，', ' ', '。'])}{c.rng.choice(['完整内容请下载', '下载后可查看完整内容'])}",
    lambda c: f"全文共{c.n(1000, 20000)}字{c.rng.choice(['，', ' '])}阅读需要{c.n(2, 30)}分钟",
    lambda c: f"登录后查看全部内容{c.rng.choice(SEPS)}登录{c.rng.choice(SEPS)}注册",
    lambda c: f"本文为付费内容{c.rng.choice(['，', ' '])}{c.rng.choice(['购买后可阅读全文', '支付后查看完整版'])}",
    lambda c: f"（未完{c.rng.choice(['，', ''])}{c.rng.choice(['下载后查看全文', '全文请下载'])}）",
    lambda c: f"提示{c.c()}{c.rng.choice(['文档未显示完整', '本文仅展示部分内容'])}，{c.rng.choice(['请下载查看', '完整版请下载'])}",
    lambda c: f"点击{c.rng.choice(['阅读全文', '查看完整内容', '展开全文'])}{c.rng.choice(['>>', '', '▼'])}",
]
CRUMBS_MORE = [
    lambda c: c.rng.choice(CRUMB).join(["首页", c.rng.choice(["文库", "资料库", "文档"])] + c.rng.sample(SECTIONS, c.n(1, 2)) + [_topic(c)]),
    lambda c: f"{c.site()}{c.rng.choice(CRUMB)}" + c.rng.choice(CRUMB).join(c.rng.sample(SECTIONS, c.n(1, 2))) + f"{c.rng.choice(CRUMB)}正文",
    lambda c: f"当前{c.c()}" + c.rng.choice(CRUMB).join(["首页"] + c.rng.sample(SECTIONS, c.n(1, 3))),
    lambda c: f"您现在的位置是{c.c()}" + c.rng.choice(CRUMB).join([c.site()] + c.rng.sample(SECTIONS, c.n(1, 2))),
    lambda c: c.rng.choice(CRUMB).join([c.rng.choice(["文档首页", "文库首页"])] + c.rng.sample(SECTIONS, c.n(1, 3))),
    lambda c: c.rng.choice(CRUMB).join([c.site()] + c.rng.sample(SECTIONS, c.n(2, 3)) + [_topic(c)]),
]


def related_rows(ctx: Context, family: str) -> list[str]:
    """A related list whose every entry is a title, then a line of its facts (format, pages, size,
    date, views): the 文库 sidebar as a copy of the page prints it."""
    heads = of_family(RELATED_HEAD, family)
    lines = [ctx.rng.choice(heads) + ctx.rng.choice(["", "：", ">>", "   更多"])]
    style = ctx.rng.randrange(4)
    for _ in range(ctx.n(3, 6)):
        t, sep = ctx.other(), ctx.rng.choice(SEPS)
        lines += [[t, f"{ctx.n(2, 60)}页{sep}{_size(ctx)}{sep}{ctx.date(False)}"],
                  [f"{t}.{ctx.rng.choice(FORMATS).lower()}", f"{ctx.n(10, 9999)}阅读{sep}{ctx.n(0, 999)}下载"],
                  [t, f"{ctx.rng.choice(NAMES)}{sep}{ctx.date(False)}{sep}{ctx.n(2, 60)}页"],
                  [f"[{ctx.rng.choice(FORMATS).upper()}] {t}", f"{ctx.date(False)}{ctx.rng.choice(COLON)}{ctx.n(10, 9999)}次浏览"]][style]
    return lines


KINDS = {
    "upload_more": (one(UPLOAD_MORE), "head"),
    "price_more": (one(PRICE_MORE), "head"),
    "action_bar": (one(ACTION_BAR), "head"),
    "pages_repeated": (one(PAGES_REPEATED), "spread"),
    "filler_more": (one(FILLER_MORE), "mid"),
    "members_more": (one(MEMBERS_MORE), "tail"),
    "crumb_more": (one(CRUMBS_MORE), "top"),
    "related_rows": (related_rows, "tail"),
}
