"""A 范文 compilation comes out as one document per article; one article stays whole."""
from cleaners import pipeline
from cleaners.document import Document

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。")


def test_each_numbered_part_becomes_a_document_of_its_own():
    text = "\n".join(["幼儿园工作计划", "篇一:《幼儿园上学期工作计划》", BODY, "篇二:《幼儿园下学期工作计划》", BODY])
    parts = pipeline.clean_all(Document(id="p", text=text))
    assert [(r.id, r.metadata["part"]) for r in parts] == [("p-1", 1), ("p-2", 2)]


def test_a_repeated_first_part_heading_does_not_split_the_part_in_two():
    # a preview's page header says 篇一 again: the same article goes on below it
    heading = "篇一:《幼儿园一学期工作计划》"
    text = "\n".join(["幼儿园一学期工作计划", heading, BODY, heading, BODY])
    results = pipeline.clean_all(Document(id="p", text=text))
    assert len(results) == 1 and results[0].text.count(BODY) == 2
