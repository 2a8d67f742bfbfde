"""Chrome lines one at a time: each line of lone_lines/*.txt (lines sites print around a document:
site.txt a site's counters, prompts and statements, wenku.txt a document site's, gov_news.txt a
government or news page's) set alone between a short notice's paragraphs, above its first one and
after its last, and the notice cleaned whole as page text.  Prints how many lines stayed where, and
which (-v).  Some lines are meant to stay (`（完）`, a dateline, a contact line, a column's name:
documents hold them too); the count says how much chrome a rule-less site would leave.

    .venv/bin/python tools/probes/lone_lines.py [-v]
    TREE=/tmp/base .venv/bin/python tools/probes/lone_lines.py   # another checkout
"""
import os
import sys
from pathlib import Path

sys.path.insert(0, os.environ.get("TREE", str(Path(__file__).resolve().parents[2])))
from cleaners import Document, clean  # noqa: E402

TITLE = "城关区教育局召开秋季开学工作部署会"
PS = ["8月26日上午，城关区教育局召开2024年秋季开学工作部署会，全面部署新学期教育教学、校园安全和后勤保障等重点工作。",
      "会议传达学习了全省、全市教育工作会议精神，通报了暑期校舍维修改造、教师招聘和义务教育招生入学工作进展情况。",
      "王建国指出，新学期各学校要把安全工作放在首位，开学前组织开展一次全覆盖的安全隐患大排查，确保师生安全。"]
PLACES = {"between": lambda line: [TITLE, PS[0], line, *PS[1:]], "head": lambda line: [TITLE, line, *PS],
          "tail": lambda line: [TITLE, *PS, line]}


def kept(line: str, place: str) -> bool:
    result = clean(Document(text="\n".join(PLACES[place](line)) + "\n"))
    folded = "".join(line.split())
    return folded in "".join(result.text.split()) or folded == "".join(result.title.split())


if __name__ == "__main__":
    total = {place: 0 for place in PLACES}
    count = 0
    for path in sorted((Path(__file__).parent / "lone_lines").glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        count += len(lines)
        for place in PLACES:
            stayed = [line for line in lines if kept(line, place)]
            total[place] += len(stayed)
            print(f"{path.stem:10s} {place:8s} {len(stayed):3d}/{len(lines)} stayed")
            if "-v" in sys.argv:
                for line in stayed:
                    print("      ", line)
    print("all: " + ", ".join(f"{place} {n}/{count} stayed" for place, n in total.items()))
