"""Generated government texts: work reports, plans, notices and news items.

Deterministic in their seed, distinct enough from one another that the dedup store keeps
each (a column of near-identical items would test nothing), and long enough for the
replica checks (bodies over 150 characters).  No text is copied from a real site.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

SUBJECTS = ["全县教育系统", "局党组", "各中小学校", "县教师发展中心", "各乡镇中心学校", "县教育督导室", "各幼儿园",
            "县招生考试中心", "县学生资助管理中心", "各民办学校", "县青少年活动中心", "县教研室", "各职业学校",
            "局机关各股室", "县电化教育馆", "各学区"]
VERBS = ["扎实推进", "全面落实", "持续深化", "稳步实施", "统筹推进", "认真开展", "大力加强", "不断完善", "积极探索",
         "严格落实", "加快推进", "深入开展", "着力构建", "系统谋划", "精心组织", "有序推进"]
OBJECTS = ["学校标准化建设", "教育教学常规管理", "教师培训体系", "安全隐患排查整治", "课后服务供给", "家校社协同育人机制",
           "集团化办学改革", "教育质量监测", "营养改善计划", "作业管理制度", "校园食品安全管理", "学前教育普惠发展",
           "县域高中振兴行动", "教师交流轮岗", "校舍维修改造", "智慧校园建设", "心理健康教育", "劳动教育实践基地建设",
           "控辍保学责任体系", "特殊教育融合发展", "中小学体育工作", "书香校园创建", "校外培训监管", "教育经费管理"]
RESULTS = ["取得了明显成效", "得到了群众的普遍认可", "各项指标均达到年度目标", "工作质量进一步提升",
           "形成了一批可复制的经验", "实现了预期目标", "群众满意度明显提高", "为全县教育发展打下了坚实基础",
           "受到上级主管部门的通报表扬", "办学条件得到明显改善"]
NUMBERS = ["新增学位{a}个", "培训教师{a}人次", "投入资金{b}万元", "整改问题{c}项", "覆盖学生{a}人", "开展活动{c}场次",
           "建成功能室{c}间", "资助学生{a}人次", "排查隐患{c}处", "完成项目{c}个", "招聘教师{c}名", "改造校舍{b}平方米"]
PROBLEMS = ["部分农村学校师资结构性短缺问题依然存在", "城区学位供需矛盾较为突出", "教育信息化应用水平不够均衡",
            "个别学校安全管理制度落实不到位", "学前教育保教质量有待进一步提升", "部分学校办学特色不够鲜明",
            "教师队伍老龄化趋势较为明显", "职业教育专业设置与产业需求衔接不够紧密"]
PLANS = ["下一步将{verb}{obj},确保各项任务按期完成", "计划在{year}年底前{verb}{obj}",
         "要把{obj}作为重点工作,{verb}", "将进一步{verb}{obj},切实提高工作实效"]
NUMERALS = "一二三四五六七八九十"
NEWS_EVENTS = ["召开{topic}工作会议", "开展{topic}专项督查", "举办{topic}培训班", "组织{topic}现场观摩活动",
               "部署{topic}重点任务", "召开{topic}推进会"]
NEWS_TOPICS = ["校园安全", "防溺水安全教育", "教师节表彰", "高考考务", "学前教育宣传月", "义务教育招生", "教育督导",
               "课后服务", "教研工作", "食品安全", "党风廉政建设", "职业教育活动周", "家庭教育宣传周", "青年教师教学比武",
               "中考备考", "学生资助政策宣传", "特殊教育送教上门", "智慧教育平台应用", "劳动教育", "校园文化建设"]


@dataclass(frozen=True)
class GovText:
    title: str
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def sentence(rnd: random.Random) -> str:
    number = rnd.choice(NUMBERS).format(a=rnd.randint(20, 9000), b=rnd.randint(10, 9000), c=rnd.randint(3, 300))
    return f"{rnd.choice(SUBJECTS)}{rnd.choice(VERBS)}{rnd.choice(OBJECTS)},{number},{rnd.choice(RESULTS)}。"


def report(seed: str, org: str, year: int, kind: str = "工作总结") -> GovText:
    """A work report (总结/要点/计划) of 4-6 numbered sections, ~700-1400 characters."""
    rnd = random.Random(seed)
    topic = rnd.choice(OBJECTS)
    title = f"{org}{year}年{topic.removesuffix('工作') if kind.startswith('工作') else topic}{kind}"
    paragraphs = [f"{year}年,{org}坚持以人民为中心的发展思想,围绕{topic}这一重点,{rnd.choice(VERBS)}各项工作。"
                  f"现将有关情况{'总结' if '总结' in kind else '安排'}如下。"]
    sections = rnd.randint(4, 6)
    for i in range(sections):
        paragraphs.append(f"{NUMERALS[i]}、{rnd.choice(VERBS)}{rnd.choice(OBJECTS)}")
        paragraphs.append("".join(sentence(rnd) for _ in range(rnd.randint(2, 4))))
    if "总结" in kind:
        paragraphs.append(f"{NUMERALS[sections]}、存在的问题")
        paragraphs.append(f"一是{rnd.choice(PROBLEMS)};二是{rnd.choice(PROBLEMS)}。")
    plan = rnd.choice(PLANS).format(verb=rnd.choice(VERBS), obj=rnd.choice(OBJECTS), year=year + 1)
    paragraphs.append(f"{plan}。")
    return GovText(title, tuple(paragraphs))


def news(seed: str, org: str, date_cn: str) -> GovText:
    """A short news item (~250-400 characters)."""
    rnd = random.Random(seed)
    topic = rnd.choice(NEWS_TOPICS)
    event = rnd.choice(NEWS_EVENTS).format(topic=topic)
    paragraphs = [f"{date_cn},{org}{event},{rnd.choice(SUBJECTS)}和{rnd.choice(SUBJECTS)}负责同志参加。",
                  "".join(sentence(rnd) for _ in range(2)),
                  f"会议要求,{rnd.choice(SUBJECTS)}要{rnd.choice(VERBS)}{rnd.choice(OBJECTS)},"
                  f"{rnd.choice(VERBS)}{rnd.choice(OBJECTS)},确保{topic}工作落到实处。",
                  sentence(rnd)]
    return GovText(f"{org}{event}", tuple(paragraphs))


def notice(seed: str, org: str, year: int, subject: str) -> GovText:
    """A 印发 notice whose substance is its attachment: a sentence or two, then 详见附件."""
    rnd = random.Random(seed)
    return GovText(f"关于印发《{subject}》的通知",
                   (f"各中小学校、幼儿园,局机关各股室:",
                    f"现将《{subject}》印发给你们,请结合实际认真贯彻落实。",
                    "详见附件。",
                    f"{org}",
                    f"{year}年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日"))
