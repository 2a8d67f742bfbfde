"""The fourth wording family (`d`) of generated chrome, for tools/perturb_text_eval.py and the chrome
vocabulary's training (tools/chrome_vocab.py): a template list of its own for every pool of
tools/text_chrome.py and text_chrome_more.py, registered on import in text_chrome.FAMILIES["d"].

Families a and b are worded after 文库 / 范文 sites; d draws on other chrome those and
government and news sites print (../shared/research/sites.md §5.3, gov-sites.md §3): portal
headers and footers (主办单位, 网站标识码, 公网安备, 长者模式 | 无障碍浏览), news bylines (责任编辑,
信息来源, 索引号), WeChat and app prompts (关注公众号 回复关键字, APP内打开), reader toolbars
(书签 全屏 放大), coupons and top-ups, reader comments with an IP province.  It was written
without reading family c, so c still measures wordings nobody tuned on or learnt from.
"""
from __future__ import annotations

import text_chrome
import text_chrome_more
from text_chrome import FORMATS, Context, _topic

D_SEPS = ["　", " ● ", " • ", "  |  ", "｜", " ◇ ", "／", "   "]
D_CRUMB = [" › ", "＞＞", " ▸ ", " >>> ", " 》", "→ ", " ＞ "]
PLACES = ["临江县", "东山区", "清河县", "新城区", "安平县", "南湖区", "平阳县", "西峰区", "长丰县", "白水县", "青山镇"]
ORGS = ["教育局", "人民政府", "人民政府办公室", "发展和改革局", "财政局", "卫生健康局", "农业农村局", "住房和城乡建设局",
        "人力资源和社会保障局", "市场监督管理局"]
EDITORS = ["王晓燕", "李明", "张静", "刘洋", "陈敏", "杨帆", "赵磊", "周婷", "吴昊", "孙丽"]
NICKS = ["书香满屋", "小太阳", "追梦人2018", "用户8852", "清风徐来", "a13****9", "学无止境", "匿名网友", "Tina", "老张",
         "爱学习的猫", "qq_4721"]
DOC_SECTIONS = ["教育资源", "专业资料", "办公模板", "生活休闲", "实用文书", "党政材料", "行业资料", "人文社科", "经管营销",
                "求职职场", "幼儿教育", "中学教育", "资格考试", "法律文书"]
GOV_SECTIONS = ["机构概况", "政务公开", "政务服务", "互动交流", "专题专栏", "政策文件", "通知公告", "工作动态", "信息公开",
                "领导信息", "部门文件", "政策解读", "公众参与"]
NEWS_SECTIONS = ["要闻", "国内", "国际", "财经", "教育", "科技", "体育", "文化", "社会", "评论", "图片", "视频", "健康"]
HOT_WORDS = ["年终总结", "述职报告", "入党申请书", "检讨书", "辞职报告", "自我鉴定", "实习报告", "个人简历", "策划书", "倡议书"]
SOURCES = ["新华社", "人民网", "中国教育报", "光明日报", "央视新闻客户端", "中国青年网", "本网原创", "澎湃新闻"]
PROVINCES = ["广东", "浙江", "江苏", "山东", "河南", "四川", "湖北", "北京", "上海", "安徽", "湖南"]
SHORT = ["京", "沪", "浙", "苏", "粤", "川", "鲁", "豫", "皖", "湘", "赣"]
WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
SLOGANS = ["让每一份文档都有价值", "海量范文一站获取", "专业的在线文档分享平台", "您身边的写作助手", "一站式办公资料库",
           "找范文，就上这里"]
PRAISE = ["写得很全面，学习了", "正需要这个，感谢分享者", "收藏了，回头慢慢看", "内容很实用，已经下载了", "支持一下，期待更多好文",
          "格式很规范，可以直接用", "比我自己写的好多了哈哈", "请问有完整版吗？", "楼主辛苦了！", "mark一下"]
CN_DIGITS = "一二三四五六七八九十"
SCRAMBLE = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多"
YEN = ["￥", "¥"]


def _sep(c: Context) -> str:
    return c.rng.choice(D_SEPS)


def _crumb(c: Context) -> str:
    return c.rng.choice(D_CRUMB)


def _org(c: Context) -> str:
    return c.rng.choice(PLACES) + c.rng.choice(ORGS)


def _bare_host(c: Context) -> str:
    host = c.host()
    return host[host.index(".") + 1:] if host.startswith(("www.", "m.")) else host


def _fullwidth(text: str) -> str:
    """ＷＷＷ．ＸＸＸ．ＣＯＭ: hosts some sites print in full-width letters so that copies keep them."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def _lunar(c: Context) -> str:
    month = c.rng.choice(["正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "冬月", "腊月"])
    return month + c.rng.choice(["初一", "初五", "初八", "初十", "十五", "十八", "廿三", "廿六"])


def _stars(c: Context) -> str:
    k = c.n(2, 5)
    return "★" * k + "☆" * (5 - k)


def _size(c: Context) -> str:
    return c.rng.choice([f"{c.n(20, 900)}KB", f"{c.n(1, 9)}.{c.n(0, 9)}M", f"{c.n(20, 900)}.{c.n(0, 9)}千字节"])


def _cn(k: int) -> str:
    return CN_DIGITS[k - 1] if k <= 10 else "十" + CN_DIGITS[k - 11]


EDITOR_INTRO = [
    lambda c: f"导读{c.c()}{_topic(c)}怎么写才能出彩？本文汇总了{c.n(3, 12)}篇写得较好的例文，"
              f"{c.rng.choice(['一起来学习一下吧', '不妨参考一下', '建议先收藏再看'])}。",
    lambda c: f"在日常工作和学习中，大家都不可避免地要接触到{_topic(c)}吧。那么一篇好的{_topic(c)}应该怎么写呢？"
              f"{c.rng.choice(['接下来是', '这里为您带来', '本期带来'])}{c.rng.choice([c.site(), '编辑部', '文库君'])}挑选的几篇范例，"
              f"{c.rng.choice(['值得一读', '不妨一看', '或许能给你一些思路'])}。",
    lambda c: f"时光飞逝，转眼{c.rng.choice(['一年', '一个学期', '半年', '一个季度'])}就过去了，又到了写{_topic(c)}的时候。"
              f"为了帮助大家{c.rng.choice(['理清思路', '少走弯路', '快速成稿'])}，{c.site()}特别准备了以下内容。",
    lambda c: f"【{c.rng.choice(['写作指导', '范文速递', '精品推荐', '本期话题'])}】{_topic(c)}（共{c.n(3, 12)}篇），"
              f"{c.rng.choice(['直接套用即可', '稍加修改即可使用', '均可下载编辑'])}。",
    lambda c: f"本篇{_topic(c)}由{c.site()}用户“{c.rng.choice(NICKS)}”{c.rng.choice(['分享', '贡献', '原创发布'])}，"
              f"全文约{c.n(800, 6000)}字，主要介绍了{_topic(c)}的{c.rng.choice(['写作要点', '基本格式', '相关内容'])}。",
    lambda c: f"★{_topic(c)}★栏目为您推荐以下精彩内容，{c.rng.choice(['每日更新', '持续更新中', '敬请关注'])}。",
    lambda c: f"你还在为写{_topic(c)}发愁吗？{c.rng.choice(['别担心', '不用慌'])}，"
              f"{c.rng.choice(['这份模板', '这几篇参考范例'])}一定能帮到你！",
]
EDITOR_OUTRO = [
    lambda c: f"【{_topic(c)}】相关文章{c.rng.choice(['：', '', ':'])}",
    lambda c: f"以上内容仅供参考，{c.rng.choice(['完整版', '更多范文', 'Word版'])}请关注微信公众号“{c.site()}”"
              f"{c.rng.choice(['获取', '回复关键词获取', '免费领取'])}。",
    lambda c: f"本文链接{c.c()}{c.rng.choice(['http://', 'https://'])}{c.host()}/"
              f"{c.rng.choice(['article', 'news', 'doc', 'show', 'p'])}/{c.n(10000, 999999)}.html",
    lambda c: f"责任编辑{c.c()}{c.rng.choice(EDITORS)}{c.rng.choice(['', '  审核：', ' 校对：'])}{c.rng.choice(EDITORS)}",
    lambda c: f"（{c.rng.choice(['编辑', '审稿', '责编'])}{c.c()}{c.rng.choice(EDITORS)}）",
    lambda c: f"文章整理不易，{c.rng.choice(['觉得有用请点个赞再走吧', '如果对你有帮助记得收藏哦', '转发给更多需要的朋友吧'])}"
              f"{c.rng.choice(['～', '！', '~'])}",
    lambda c: f"【温馨提示】本文{c.rng.choice(['仅代表作者个人观点', '观点仅供参考'])}，与{c.site()}{c.rng.choice(['无关', '立场无关'])}。",
]
WELCOME = [
    lambda c: f"Hi，{c.rng.choice(['早上好', '下午好', '晚上好'])}！{c.rng.choice(['请', ''])}{c.rng.choice(['[登录]', '登录'])}"
              f"{_sep(c)}{c.rng.choice(['新用户注册', '免费注册领会员'])}",
    lambda c: f"{c.site()}——{c.rng.choice(SLOGANS)}",
    lambda c: _sep(c).join(c.rng.sample(["长者模式", "无障碍浏览", "繁體版", "English", "手机版", "智能问答", "微信", "微博"], c.n(3, 5))),
    lambda c: f"今天是{c.date(False)} {c.rng.choice(WEEKDAYS)}{c.rng.choice(['', '  农历' + _lunar(c)])}",
    lambda c: f"客服热线{c.c()}400-{c.n(100, 999)}-{c.n(1000, 9999)}{_sep(c)}"
              f"{c.rng.choice(['工作时间 9:00-18:00', '周一至周五 8:30-17:30', '7×24小时在线'])}",
    lambda c: _sep(c).join([c.rng.choice(['APP下载', '下载客户端', '打开APP']), c.rng.choice(['企业服务', '开放平台', '帮助中心']),
                            c.rng.choice(['我的空间', '个人中心', '消息'])]),
]
NAV = [
    lambda c: _sep(c).join(["首　页"] + c.rng.sample(GOV_SECTIONS, c.n(4, 7))),
    lambda c: " ".join(c.rng.sample(NEWS_SECTIONS, c.n(6, 10))),
    lambda c: _sep(c).join(["全部分类"] + c.rng.sample(DOC_SECTIONS, c.n(4, 7))),
    lambda c: f"热门搜索{c.c()}" + " ".join(c.rng.sample(HOT_WORDS, c.n(4, 7))),
    lambda c: _sep(c).join(c.rng.sample(["精品专题", "每日更新", "排行榜", "上传赚钱", "会员中心", "客户端", "认证作者", "机构合作",
                                         "免费专区"], c.n(4, 6))),
    lambda c: _sep(c).join(c.rng.sample(["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报",
                                         "依申请公开"], c.n(3, 5))),
]
CRUMBS = [
    lambda c: f"{c.rng.choice(['当前所在位置', '所在位置', '位置导航'])}{c.c()}" + _crumb(c).join(["首页"] + c.rng.sample(GOV_SECTIONS, c.n(1, 3))),
    lambda c: _crumb(c).join([c.rng.choice(["▶ 首页", "◆ 首页", "■ 首页"])] + c.rng.sample(DOC_SECTIONS, c.n(1, 3))),
    lambda c: f"所属栏目{c.c()}" + _crumb(c).join(c.rng.sample(NEWS_SECTIONS, c.n(1, 2))),
    lambda c: _crumb(c).join([c.site(), c.rng.choice(["文档中心", "资料中心", "范文频道"])] + c.rng.sample(DOC_SECTIONS, c.n(1, 2))
                             + [c.rng.choice(["详情", "阅读", "查看文档"])]),
    lambda c: f"{_org(c)}{_crumb(c)}" + _crumb(c).join(c.rng.sample(GOV_SECTIONS, c.n(1, 2))),
]
PREV_NEXT = [
    lambda c: [f"上一条{c.c()}{c.other()}", f"下一条{c.c()}{c.other()}"],
    lambda c: [f"{c.rng.choice(['← 上一页', '«上一页', '< 上一页'])}{_sep(c)}返回列表{_sep(c)}{c.rng.choice(['下一页 →', '下一页»', '下一页 >'])}"],
    lambda c: [f"上篇{c.c()}{c.other()}{_sep(c)}下篇{c.c()}{c.rng.choice([c.other(), '已是最后一篇'])}"],
    lambda c: [f"前一篇{c.c()}{c.other()}", f"后一篇{c.c()}{c.rng.choice([c.other(), '没有更多了'])}"],
    lambda c: [f"【上一篇】{c.other()}", f"【下一篇】{c.other()}", c.rng.choice(["【返回列表】", "【返回顶部】", "[返回首页]"])],
    lambda c: [f"{c.rng.choice(['返回列表', '返回上一级'])}{_sep(c)}{c.rng.choice(['返回顶部', '回到顶部 ↑'])}"],
]
UPLOAD = [
    lambda c: [f"文档贡献者{_sep(c)}{c.rng.choice(NICKS)}", f"贡献于{c.date(False)}"],
    lambda c: [f"由 {c.rng.choice(NICKS)} 于 {c.date()} 发布{_sep(c)}{c.n(2, 60)}页{_sep(c)}{c.rng.choice(FORMATS)}"],
    lambda c: ["文档信息", f"上传用户{c.c()}{c.rng.choice(NICKS)}", f"所属分类{c.c()}{c.rng.choice(DOC_SECTIONS)}",
               f"浏览{c.c()}{c.n(10, 9999)}  下载{c.c()}{c.n(0, 999)}"],
    lambda c: [f"来源{c.c()}{c.rng.choice(['用户上传', '网友分享', '机构入驻'])}{_sep(c)}评分{c.c()}{c.n(3, 4)}.{c.n(0, 9)}分"
               f"{_sep(c)}（{c.n(2, 999)}人评价）"],
    lambda c: [f"编号{c.c()}{c.rng.choice(['WK', 'DOC', 'FW'])}{c.n(100000, 9999999)}{_sep(c)}类别{c.c()}{c.rng.choice(DOC_SECTIONS)}"
               f"{_sep(c)}热度{c.c()}{_stars(c)}"],
    lambda c: [f"该文档由{c.rng.choice(NICKS)}于{c.date(False)}上传至{c.site()}",
               f"共{c.n(2, 60)}页{c.rng.choice(['，', ' '])}约{c.n(1000, 20000)}字"],
]
PRICE = [
    lambda c: f"下载该文档需要{c.n(1, 20)}个{c.rng.choice(['下载币', '文币', '豆币'])}",
    lambda c: f"本文档需{c.n(1, 30)}元{c.rng.choice(['，', ' '])}{c.rng.choice(['开通会员可免费下载', '会员用户8折优惠', '年卡会员免费'])}",
    lambda c: f"限时优惠{c.c()}原价{c.rng.choice(YEN)}{c.n(20, 60)}  现价{c.rng.choice(YEN)}{c.n(1, 19)}.{c.n(0, 9)}0",
    lambda c: f"{c.rng.choice(['充值', '首充'])}{c.n(10, 100)}元送{c.n(5, 50)}元{_sep(c)}{c.rng.choice(['立即充值', '去充值'])}",
    lambda c: f"{c.rng.choice(['单篇购买', '购买本篇'])} {c.rng.choice(YEN)}{c.n(1, 30)}.{c.n(0, 9)}0{_sep(c)}"
              f"{c.rng.choice(['包年畅读', '开通年卡'])} {c.rng.choice(YEN)}{c.n(99, 399)}",
    lambda c: f"{c.rng.choice(['优惠券', '新人券'])}{c.c()}满{c.n(10, 50)}减{c.n(2, 9)}{_sep(c)}{c.rng.choice(['领取', '立即领取'])}",
]
MEMBERS = [
    lambda c: f"阅读已结束，{c.rng.choice(['开通会员畅读全文', '登录后可继续阅读', '下载文档查看全部内容'])}",
    lambda c: f"登录查看全文{c.rng.choice(['（剩余', '(剩余'])}{c.n(30, 90)}%{c.rng.choice(['）', ')'])}",
    lambda c: f"展开阅读全文{c.rng.choice([' ∨', ' ▽', '↓', ''])}",
    lambda c: f"剩余{c.n(500, 20000)}字{c.rng.choice(['，', ' '])}{c.rng.choice(['微信扫码关注后查看全部内容', '关注公众号后免费阅读'])}",
    lambda c: f"关注公众号“{c.site()}”，回复关键字【{c.n(100, 9999)}】获取完整版",
    lambda c: f"{c.rng.choice(['此处为付费内容', '以下为会员专属内容', '该部分内容已隐藏'])}，"
              f"{c.rng.choice(['成为会员即可查看', '开通VIP立即解锁', '解锁后可查看'])}",
    lambda c: f"{c.rng.choice(['打开APP', 'APP内打开'])}{c.rng.choice(['，', ' '])}{c.rng.choice(['阅读完整内容', '查看全文', '免费读全文'])}",
]
PAGE_NUMBERS = [
    lambda c: f"—  第 {c.n(1, 30)} 页  —",
    lambda c: f"P{c.n(1, 60)}",
    lambda c: f"[{c.n(1, 30)}]",
    lambda c: f"{c.n(1, 9)} / {c.n(10, 40)}",
    lambda c: f"Page {c.n(1, 9)} of {c.n(10, 40)}",
    lambda c: f"· {c.n(1, 30)} ·",
    lambda c: f"{c.n(1, 9)}／{c.n(10, 40)}",
    lambda c: f"第{_cn(c.n(1, 19))}页",
]
TITLE_AGAIN = [
    lambda c: f"{c.rng.choice(['【精品】', '【精编】', '【最新】', '【原创】'])}{c.title}",
    lambda c: f"{c.title}（{c.n(2015, 2025)}{c.rng.choice(['最新版', '修订版', '年版'])}）",
    lambda c: f"《{c.title}》{c.rng.choice(['全文', '全文阅读', '在线阅读'])}",
    lambda c: f"{c.title} - {c.rng.choice(DOC_SECTIONS)} - {c.site()}",
    lambda c: f"{c.title}{c.rng.choice(['【word版】', '(word可编辑)', '（可编辑）', '[可修改版]'])}",
    lambda c: f"{c.rng.choice(['最新', '热门', '推荐'])}{c.title}",
]
FILLER = [
    lambda c: _fullwidth(c.host().upper()),
    lambda c: f"{c.rng.choice(['精品文档', '优质文档', '专业资料'])}{c.rng.choice(['，', ' ', '-'])}"
              f"{c.rng.choice(['仅供参考', '值得下载', '欢迎下载'])}",
    lambda c: c.rng.choice(["可编辑可修改", "word格式可编辑", "下载后可任意编辑", "文档可自由编辑"]),
    lambda c: f"——{c.rng.choice(['来自', '摘自', '转自'])}{c.site()}",
    lambda c: f"{c.rng.choice(['学习资料分享', '资料收集整理', '仅供个人学习使用'])}{c.rng.choice(['', '，请勿商用', '，禁止转载'])}",
    lambda c: "".join(c.rng.choice(SCRAMBLE) for _ in range(c.n(6, 12))),
    lambda c: f"本资料由{c.site()}网友{c.rng.choice(NICKS)}提供",
]
RELATED_HEAD = ["热门文档", "更多精彩", "看了本文的人还看了", "相似文档", "本类排行", "同类文章", "精彩推荐", "为你推荐", "相关专题",
                "最新上传", "热门下载", "人气排行", "本周热点", "专题推荐"]
COPYRIGHT = [
    lambda c: f"主办单位{c.c()}{_org(c)}{_sep(c)}承办单位{c.c()}{c.rng.choice(PLACES)}"
              f"{c.rng.choice(['政府办公室', '信息中心', '融媒体中心'])}",
    lambda c: f"网站标识码{c.c()}{c.n(1000000000, 9999999999)}{_sep(c)}{c.rng.choice(SHORT)}公网安备 "
              f"{c.n(10000000000000, 99999999999999)}号",
    lambda c: f"技术支持{c.c()}{c.rng.choice(['南方网络科技有限公司', '信达软件', '云帆数据服务有限公司', '汇智网络', '中科软信息技术有限公司'])}",
    lambda c: f"地址{c.c()}{c.rng.choice(PLACES)}{c.rng.choice(['人民路', '建设大道', '府前街', '文化路'])}{c.n(1, 200)}号{_sep(c)}"
              f"邮编{c.c()}{c.n(100000, 899999)}{_sep(c)}电话{c.c()}0{c.n(10, 999)}-{c.n(1000000, 89999999)}",
    lambda c: "本站部分内容来源于互联网，仅供学习交流" + c.rng.choice(["，如有侵权请来信告知，我们将及时处理。",
                                                      "。若侵犯了您的权益，请联系我们删除。", "。"]),
    lambda c: f"版权所有{c.c()}{c.site()}{_sep(c)}未经授权禁止复制或建立镜像",
    lambda c: f"建议使用{c.rng.choice(['1920×1080', '1366×768', '1440×900'])}分辨率"
              f"{c.rng.choice(['、IE9以上版本浏览器', '、Chrome浏览器', ''])}浏览本站",
    lambda c: f"违法和不良信息举报电话{c.c()}12377{_sep(c)}举报邮箱{c.c()}jubao@{_bare_host(c)}",
]
SHARE_BAR = [
    lambda c: f"分享至{c.c()}" + _sep(c).join(c.rng.sample(["微信好友", "朋友圈", "QQ", "微博", "钉钉", "复制链接", "生成海报",
                                                          "今日头条"], c.n(2, 5))),
    lambda c: f"👍 {c.n(0, 999)}{_sep(c)}☆ 收藏{_sep(c)}💬 {c.n(0, 99)}",
    lambda c: f"扫码关注公众号{c.rng.choice(['，获取更多资料', '，每日推送精彩范文', ''])}",
    lambda c: _sep(c).join([c.rng.choice(['点击收藏', '加入收藏夹']), c.rng.choice(['复制链接', '复制本文地址']),
                            c.rng.choice(['生成海报', '发送到手机'])]),
    lambda c: f"{c.rng.choice(['赞赏', '打赏'])}{_sep(c)}{c.n(1, 300)}人已{c.rng.choice(['赞赏', '打赏'])}",
    lambda c: f"这篇文章对你有帮助吗？{_sep(c)}有用({c.n(0, 999)}){_sep(c)}没用({c.n(0, 99)})",
    lambda c: _sep(c).join([c.rng.choice(['打印本文', '打印此页']), c.rng.choice(['关闭本页', '关闭']), c.rng.choice(['返回顶部', 'TOP'])]),
]
META = [
    lambda c: f"{c.date(True)}　{c.rng.choice(SOURCES)}{c.rng.choice(['', '　' + c.rng.choice(EDITORS)])}",
    lambda c: f"发布日期{c.c()}{c.date(False)}{_sep(c)}信息来源{c.c()}{_org(c)}{_sep(c)}浏览次数{c.c()}{c.n(10, 99999)}",
    lambda c: f"索引号{c.c()}{c.n(10000000, 99999999)}/{c.n(2015, 2025)}-{c.n(1, 99999):05d}{_sep(c)}发布机构{c.c()}{_org(c)}",
    lambda c: f"字体大小{c.c()}{c.rng.choice(['A+ A A-', 'T T T', '放大 缩小'])}{_sep(c)}{c.rng.choice(['打印', '【打印】'])}",
    lambda c: f"{c.date(False)} {c.rng.choice(WEEKDAYS)}{_sep(c)}阅读 {c.n(10, 99999)}{_sep(c)}评论 {c.n(0, 99)}",
    lambda c: f"发表于 {c.date()}{_sep(c)}分类{c.c()}{c.rng.choice(DOC_SECTIONS)}{_sep(c)}标签{c.c()}{_topic(c)}",
    lambda c: f"日期{c.c()}{c.date(False)} 来源{c.c()}{_org(c)} 供稿{c.c()}{_org(c)} 浏览量{c.c()}{c.n(10, 9999)}",
]
COMMENT_HEAD = ["读者留言", "精彩留言", "网友点评", "我要评论", "留言板", "全部回复", "热评", "写留言", "评论列表", "用户留言"]
COMMENT = [
    lambda c: f"{c.rng.choice(NICKS)}{c.rng.choice(['  ', ' · '])}{c.rng.choice(PROVINCES)}网友{c.rng.choice(['  ', ' · '])}{c.date()}",
    lambda c: c.rng.choice(PRAISE),
    lambda c: f"回复 @{c.rng.choice(NICKS)}{c.c()}{c.rng.choice(PRAISE)}",
    lambda c: f"顶（{c.n(0, 99)}）{_sep(c)}踩（{c.n(0, 20)}）{_sep(c)}回复",
    lambda c: f"#{c.n(1, 60)} {c.rng.choice(NICKS)} 评论于 {c.date()}",
    lambda c: f"{c.rng.choice(NICKS)}{c.c()}{c.rng.choice(PRAISE)}",
    lambda c: f"{c.rng.choice(['来自', 'IP属地'])}{c.c()}{c.rng.choice(PROVINCES)}{_sep(c)}{c.n(1, 59)}{c.rng.choice(['分钟前', '小时前', '天前'])}",
]

# text_chrome_more.py's pools
UPLOAD_MORE = [
    lambda c: [f"贡献者等级{c.c()}{c.rng.choice(['初出茅庐', '小有名气', '资深作者', f'Lv.{c.n(1, 9)}'])}{_sep(c)}"
               f"上传文档{c.c()}{c.n(1, 999)}份"],
    lambda c: [f"所属专题{c.c()}{c.rng.choice(DOC_SECTIONS)}{_sep(c)}下载量{c.c()}{c.n(0, 9999)}{_sep(c)}收藏量{c.c()}{c.n(0, 999)}"],
    lambda c: [f"阅读量 {c.n(10, 99999)}{_sep(c)}收藏 {c.n(0, 999)}{_sep(c)}评分 {c.n(3, 4)}.{c.n(0, 9)}"],
    lambda c: [f"认证作者{c.c()}{c.rng.choice(NICKS)}", f"{c.n(1, 999)}篇文档 · {c.n(0, 9999)}粉丝"],
    lambda c: [f"资料编号{c.c()}{c.n(10000, 9999999)}{_sep(c)}更新于{c.c()}{c.date(False)}{_sep(c)}"
               f"适用{c.c()}{c.rng.choice(['通用', '小学', '初中', '高中', '大学'])}"],
    lambda c: [f"{c.rng.choice(FORMATS)}文档{_sep(c)}{_size(c)}{_sep(c)}{c.rng.choice(NICKS)}分享"],
]
PRICE_MORE = [
    lambda c: f"本文档由{c.rng.choice(NICKS)}上传{c.rng.choice(['，售价', ' 售价'])}{c.n(1, 30)}元",
    lambda c: f"{c.rng.choice(['下载币', '文币'])}余额{c.c()}{c.n(0, 9)}{_sep(c)}余额不足？{c.rng.choice(['去充值', '立即充值'])}",
    lambda c: f"{c.rng.choice(['年卡会员', '包年VIP', '超级会员'])}低至0.{c.n(1, 9)}元/天",
    lambda c: f"首次下载免费{c.rng.choice(['，', ' '])}之后每篇{c.n(1, 10)}积分",
    lambda c: f"{c.rng.choice(YEN)}{c.n(1, 30)}.{c.n(0, 9)}0 {c.rng.choice(['到手价', '券后价'])}{_sep(c)}{c.rng.choice(['去下载', '马上抢'])}",
]
ACTION_BAR = [
    lambda c: _sep(c).join(c.rng.sample(["书签", "全屏", "放大", "缩小", "打印", "下载", "目录", "翻页"], c.n(4, 6))),
    lambda c: _sep(c).join(c.rng.sample(["加入阅读清单", "加入文件夹", "举报文档", "发送到手机"], c.n(2, 4))),
    lambda c: " ".join(f"{sym}{word}" for sym, word in c.rng.sample([("☆", "收藏"), ("⤓", "下载"), ("⚐", "举报"), ("✎", "纠错"),
                                                                      ("↗", "转发")], c.n(3, 5))),
    lambda c: _sep(c).join(c.rng.sample(["复制", "纠错", "反馈", "朗读", "翻译"], c.n(3, 4))),
]
PAGES_REPEATED = [
    lambda c: [f"P{k}" for k in range(1, c.n(3, 6))],
    lambda c: [f"[{k}]" for k in range(1, c.n(3, 6))],
    lambda c: [f"第 {k} 页 共 {m} 页" for m in [c.n(6, 9)] for k in range(1, c.n(3, 6))],
    lambda c: [f"·{k}·" for k in range(1, c.n(3, 6))],
    lambda c: [f"{k} / {m}" for m in [c.n(6, 9)] for k in range(1, c.n(3, 6))],
    lambda c: [f"—{_cn(k)}—" for k in range(1, c.n(3, 6))],
]
FILLER_MORE = [
    lambda c: _fullwidth(c.host()),
    lambda c: c.rng.choice(["【本文档可编辑，欢迎下载】", "（word版可编辑）", "[文档可编辑]", "～可编辑版～"]),
    lambda c: f"{c.site()}{_sep(c)}{c.rng.choice(['助力您的学习与工作', '你的写作好帮手', '资料下载首选'])}",
    lambda c: "".join(c.rng.choice(SCRAMBLE + "0123456789") for _ in range(c.n(8, 16))),
    lambda c: f"{c.rng.choice(['此文档由', '资料来自'])}{c.host()}{c.rng.choice(['提供', '搜集整理', ''])}",
]
MEMBERS_MORE = [
    lambda c: f"亲，试读到此结束啦{c.rng.choice(['，', '~ '])}下载后可继续阅读全文哦{c.rng.choice(['~', '！', ''])}",
    lambda c: f"文档未完{c.rng.choice(['，', ' '])}{c.n(2, 60)}页内容已隐藏",
    lambda c: f"继续阅读需要消耗{c.n(1, 20)}{c.rng.choice(['积分', '阅读币'])}",
    lambda c: f"{c.rng.choice(['VIP', '会员'])}可免费阅读剩余{c.n(30, 95)}%内容",
    lambda c: f"仅展示前{c.n(2, 10)}页{c.rng.choice(['，', ' '])}{c.rng.choice(['更多内容请在APP内查看', '完整版请联系客服获取'])}",
]
CRUMBS_MORE = [
    lambda c: f"{c.rng.choice(['导航', '路径'])}{c.c()}" + _crumb(c).join([c.site()] + c.rng.sample(DOC_SECTIONS, c.n(1, 2))),
    lambda c: _crumb(c).join([_org(c), c.rng.choice(["信息公开", "政务公开"]), c.rng.choice(GOV_SECTIONS)]),
    lambda c: f"{c.rng.choice(['当前栏目', '所在频道'])}{c.c()}{c.rng.choice(NEWS_SECTIONS)}{_crumb(c)}"
              f"{c.rng.choice(['正文', '详情页', '阅读'])}",
    lambda c: _crumb(c).join(["首　页"] + c.rng.sample(GOV_SECTIONS, c.n(1, 3))),
]

# (pool of families a and b, family d's own)
OWN = tuple((getattr(module, name), globals()[name]) for module, names in (
    (text_chrome, ("EDITOR_INTRO", "EDITOR_OUTRO", "WELCOME", "NAV", "CRUMBS", "PREV_NEXT", "UPLOAD", "PRICE", "MEMBERS",
                   "PAGE_NUMBERS", "TITLE_AGAIN", "FILLER", "RELATED_HEAD", "COPYRIGHT", "SHARE_BAR", "META", "COMMENT_HEAD",
                   "COMMENT")),
    (text_chrome_more, ("UPLOAD_MORE", "PRICE_MORE", "ACTION_BAR", "PAGES_REPEATED", "FILLER_MORE", "MEMBERS_MORE",
                        "CRUMBS_MORE"))) for name in names)
text_chrome.FAMILIES["d"].update({id(pool): own for pool, own in OWN})
