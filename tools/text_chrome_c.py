"""A third wording family (`c`) of generated chrome, written at stop 22 after rules had been
tuned on both `a` and `b`: wordings neither family has, for the kinds issue 11 lists (welcome
bars, navigation, filler, footers, editor intros, comments, members-only prompts, page numbers,
related boxes).  Kept out of tuning: it measures how the cleaners do on chrome in words nobody
tuned a rule on (`tools/perturb_text_eval.py --family c`).  Importing this module registers the
templates with `text_chrome.FAMILIES["c"]`; a kind without a `c` list draws from all its templates.
"""
from __future__ import annotations

import text_chrome as tc
from text_chrome import SECTIONS, _topic


def _sections(c, lo: int = 4, hi: int = 7) -> list[str]:
    return c.rng.sample(SECTIONS, c.n(lo, hi))


def _random_key(c) -> str:
    return "".join(c.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                   for _ in range(c.n(20, 36))) + c.rng.choice(["==", "=", ""])


WELCOME = [
    lambda c: f"{c.site()}欢迎您！{c.rng.choice(['[请登录]', '请登录'])} {c.rng.choice(['[免费注册]', '免费注册'])}",
    lambda c: f"Hi，欢迎光临{c.site()}  登录 | 注册",
    lambda c: "用户名 密码 登录 注册 忘记密码",
    lambda c: f"您好！请 登录 ｜ 注册{c.rng.choice(['  会员中心', '  我的收藏', ''])}",
]
NAV = [
    lambda c: "".join(f"【{s}】" for s in _sections(c)),
    lambda c: " » ".join(["首页"] + _sections(c, 2, 4)) if c.rng.random() < 0.3 else " » ".join(_sections(c)),
    lambda c: f"频道{c.c()}" + " ".join(_sections(c)),
    lambda c: "  ".join(f"{s}>>" for s in _sections(c, 3, 5)),
]
FILLER = [
    _random_key,
    lambda c: f"{c.site()}（{c.host()}）收集整理",
    lambda c: f"文章来自网络{c.rng.choice(['，', ' ', ','])}侵删",
    lambda c: f"内容来自{c.host()}{c.rng.choice(['，转载请保留', ' 转载注明', ''])}",
]
COPYRIGHT = [
    lambda c: f"本站部分内容来源于网络，如有侵权请{c.rng.choice(['联系删除', '及时告知', '联系我们处理'])}",
    lambda c: f"联系邮箱{c.c()}service@{c.host().lstrip('wm.')}",
    lambda c: f"{c.site()}  版权所有  未经许可不得转载",
    lambda c: f"网站备案号{c.c()}{c.rng.choice(['京', '粤', '浙'])}B2-{c.n(20100000, 20259999)}",
]
EDITOR_INTRO = [
    lambda c: f"小伙伴们，下面一起来看看{_topic(c)}吧！",
    lambda c: f"今天给大家分享{_topic(c)}，欢迎收藏转发。",
    lambda c: f"【编者按】以下{_topic(c)}由网友整理投稿，仅供学习参考。",
    lambda c: f"想写好{_topic(c)}？这{c.n(3, 9)}篇例文值得一看。",
]
MEMBERS = [
    lambda c: f"登录后可查看剩余{c.n(30, 90)}%内容",
    lambda c: "本文为付费内容，购买后可阅读全文",
    lambda c: f"开通会员，解锁全部{c.n(3, 40)}页内容",
    lambda c: f"未完待续，{c.rng.choice(['扫码关注公众号', '关注公众号'])}查看完整版",
]
PAGE_NUMBERS = [
    lambda c: f"[{c.n(1, 30)}]",
    lambda c: f"{c.n(1, 9)}/{c.n(10, 40)}页",
    lambda c: f"— 第{c.n(1, 30)}页 —",
    lambda c: f"P{c.n(1, 30)}",
]
RELATED_HEAD = ["你可能还喜欢", "相关范文推荐", "更多相关文章", "本类热门", "同类文档", "看了本文的人还看了"]
COMMENT_HEAD = ["读者留言", "网友点评", "我来说两句", "精彩留言"]

for pool, third in ((tc.WELCOME, WELCOME), (tc.NAV, NAV), (tc.FILLER, FILLER), (tc.COPYRIGHT, COPYRIGHT),
                    (tc.EDITOR_INTRO, EDITOR_INTRO), (tc.MEMBERS, MEMBERS), (tc.PAGE_NUMBERS, PAGE_NUMBERS),
                    (tc.RELATED_HEAD, RELATED_HEAD), (tc.COMMENT_HEAD, COMMENT_HEAD)):
    tc.FAMILIES["c"][id(pool)] = third
