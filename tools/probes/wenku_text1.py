"""Recall on a 文库 page's text: a school's plan whose body holds a flattened table (one cell a
line, or a row a line), a numbered schedule and short headings, between the site's chrome (its
menu, the document's stats, the preview's end, related documents)."""
import sys

from harness import check_text

TITLE = "城关区第一小学2024-2025学年第一学期教学工作计划"
BODY = ["一、指导思想", "以全面提高教育教学质量为中心，深化课堂教学改革，促进学生全面发展。",
        "二、主要工作", "（一）加强常规管理", "严格执行课程计划，开齐开足各类课程，规范教师教学行为。",
        "（二）开展教研活动", "本学期教研活动安排如下：",
        "周次 内容 负责人", "第2周 制定教研计划 教务处", "第5周 青年教师汇报课 教研组", "第9周 期中质量分析 教务处",
        "第14周 优质课评选 教研组", "第18周 期末复习研讨 各年级组",
        "三、具体安排", "九月：开学工作、制定各项计划。", "十月：青年教师汇报课。", "十一月：期中检测及质量分析。",
        "十二月：优质课评选活动。", "一月：期末复习与检测。"]
ROWS_AS_CELLS = ["周次", "内容", "负责人", "第2周", "制定教研计划", "教务处", "第5周", "青年教师汇报课", "教研组"]


def page(body):
    return "\n".join(["首页 文档分类 教育专区 办公文档 登录 注册", TITLE, "上传人：jxzx2024 上传时间：2024-08-30 格式：DOCX 页数：3 大小：25KB",
                      "下载文档到电脑，查找使用更方便", "5 积分", *body, "本文档只能预览2页，下载后查看全部内容",
                      "相关文档", "2024学年第一学期教学工作计划.docx", "小学教学工作计划范文.doc",
                      "© 2024 某某文库 版权所有 客服电话：400-123-4567"])


if __name__ == "__main__":
    n = 0
    cases = {"rows": BODY, "cells": BODY[:7] + ROWS_AS_CELLS + BODY[13:]}
    for name, body in cases.items():
        exp = [TITLE] + body
        n += check_text(name, page(body), f"https://www.example-wenku.com/p-{len(name)}.html", exp, "-v" in sys.argv)
    print(f"{n}/{len(cases)} ok")
