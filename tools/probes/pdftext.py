"""A county document as pdftotext writes it (no -layout): lines wrapped where the PDF's lines end,
form feeds between pages, page numbers (`- 1 -`), a running header on every page; cleaned as a
plain-text input (a user's own PDF pipeline in front of `python -m cleaners clean`)."""
import sys
from harness import score
from cleaners import pipeline
from cleaners.document import Document

TITLE = "城关区教育局2024年上半年工作总结"
PARAS = [
 "2024年上半年，在区委、区政府的坚强领导下，区教育局坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，扎实推进教育高质量发展，各项工作取得了新的成效。现将上半年工作总结如下：",
 "一、主要工作成效",
 "（一）学前教育普及普惠水平持续提升。新建、改扩建公办幼儿园5所，新增公办学位1260个，全区公办园在园幼儿占比达到56.3%，普惠性幼儿园覆盖率达到91.2%。开展学前教育宣传月活动，组织幼小衔接专题培训3场，参训教师460余人次。",
 "（二）义务教育优质均衡发展扎实推进。实施城乡学校共同体建设，组建教育集团8个，覆盖中小学32所。持续深化“双减”工作，全区中小学课后服务实现全覆盖，学生参与率达到94.6%，校外培训机构压减率保持在90%以上。",
 "（三）教师队伍建设不断加强。公开招聘教师126名，组织新任教师岗前培训和骨干教师研修，开展师德师风专题教育，评选区级优秀教师和优秀班主任各50名。",
 "二、存在的问题",
 "一是学位供需矛盾依然突出，城区部分学校大班额问题尚未根本解决；二是农村学校教师结构性缺编，音体美等学科教师不足；三是部分学校安全管理制度落实不够到位。",
 "三、下半年工作打算",
 "下半年，我们将紧紧围绕年度目标任务，加快推进学校建设项目，深化教育教学改革，加强教师队伍建设，抓实校园安全管理，努力办好人民满意的教育。",
 "城关区教育局", "2024年7月10日"]
GOLD = "\n".join([TITLE] + PARAS)


def wrapped(width: int, header: bool, numbers: str) -> str:
    lines = [TITLE, ""]
    for para in PARAS:
        lines += [para[i:i + width] for i in range(0, len(para), width)]
    pages, per = [], 18
    for n, start in enumerate(range(0, len(lines), per), 1):
        body = lines[start:start + per]
        top = ["城关区教育局文件", ""] if header and n > 1 else []
        bottom = ["", numbers.format(n)] if numbers else []
        pages.append("\n".join(top + body + bottom))
    return "\f".join(pages) + "\f"


if __name__ == "__main__":
    ok = total = 0
    for width in (28, 36):
        for header in (False, True):
            for numbers in ("", "- {} -", "第 {} 页", "{}"):
                text = wrapped(width, header, numbers)
                result = pipeline.clean(Document(id="p", url="", text=text))
                p, r = score(result.rendered(), GOLD)
                good = p >= 0.98 and r >= 0.98
                ok += good
                total += 1
                if not good or "-v" in sys.argv:
                    print(f"BAD width {width} header {header} numbers {numbers!r}: P {p:.3f} R {r:.3f} {result.rejection or ''}")
                    if "-v" in sys.argv:
                        print(result.rendered())
    print(f"{ok}/{total} ok")
