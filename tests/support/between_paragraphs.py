"""A line set alone between two report paragraphs, through boilerplate `remove`: the shape of
the generic rules' tests (the chrome goes and leaves the paragraphs; the report line that
only looks like it stays)."""
from cleaners.steps.boilerplate import remove

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。") * 3


def kept(raw: str) -> str:
    return remove(raw)[0]


def assert_dropped_between_paragraphs(*lines: str) -> None:
    """Each line, set alone between two report paragraphs, goes and leaves the paragraphs."""
    for line in lines:
        assert kept(f"{BODY}\n{line}\n{BODY}") == f"{BODY}\n{BODY}", line


def assert_kept_between_paragraphs(*lines: str) -> None:
    """Each line, set alone between two report paragraphs, stays."""
    for line in lines:
        assert line in kept(f"{BODY}\n{line}\n{BODY}"), line
