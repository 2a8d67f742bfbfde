"""A photo story: the text is the captions under each picture (a school's sports day in six
pictures), in a news page's chrome; and a story whose pictures carry short captions between its
paragraphs.  The captions that tell the story are its text."""
import sys

from harness import check
from lookalike1 import news_page

TITLE = "图说：城关区第一小学秋季运动会精彩瞬间"
CAPTIONS = [
    "9月27日，城关区第一小学2024年秋季运动会开幕，全校2100余名师生参加开幕式。",
    "开幕式上，各班级方阵依次入场，学生们精神饱满，展现了良好的精神风貌。",
    "一年级新生第一次参加运动会，在跳绳比赛中认真比拼，赢得阵阵掌声。",
    "在男子400米接力赛中，六年级选手奋力冲刺，场边同学们齐声加油。",
    "拔河比赛是本届运动会最受欢迎的项目，各班同学团结协作，比赛气氛热烈。",
    "闭幕式上，学校为获奖班级和个人颁发了奖状和奖牌。",
]


def photo_body():
    return "".join(f"<div class='pic'><img src='/p/{i}.jpg'><p class='pic-desc'>{c}</p></div>" for i, c in enumerate(CAPTIONS))


if __name__ == "__main__":
    html = news_page(TITLE, []).replace('<div class="article-body"></div>', f'<div class="article-body">{photo_body()}</div>')
    n = check("photo_story", html, "https://www.example-news.cn/edu/2024-09/27/photo.htm", "\n".join([TITLE] + CAPTIONS), "-v" in sys.argv)
    print(f"{int(n)}/1 ok")
