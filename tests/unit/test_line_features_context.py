"""The context columns of `line_features` against their plain definitions: the neighbourhood
shares (packed flags counted by one running sum), the characters before and after a row, the
head / tail and first / last long sentence bounds."""
import random

import numpy as np

from cleaners.steps import line_features
from cleaners.steps.line_own import COLUMN, MARKERS_AT


def _lines(rng: random.Random) -> list[str]:
    pieces = ["首页", "登录", "责任编辑：张三", "2024-05-01", "第一章", "上一篇：", "返回顶部", "|",
              "本办法自发布之日起施行，各单位应当认真贯彻落实本办法的各项要求并及时报告。" * 2,
              "为进一步加强学校德育工作，提高学生的思想道德素质，结合我校实际情况，特制定本计划。" * 3,
              "短句", "关于印发的通知", "相关文章", "  空 格  行  "]
    return [rng.choice(pieces) + (str(rng.randint(0, 99)) if rng.random() < 0.3 else "")
            for _ in range(rng.randint(1, 40))]


def test_context_columns_are_their_plain_definitions():
    rng = random.Random(11)
    for _ in range(300):
        lines = _lines(rng)
        rows, matrix = line_features.line_features(lines, "学校德育工作计划")
        n = len(lines)
        sizes = [line_features._line_facts(line)[0] for line in lines]
        ends = [line_features._line_facts(line)[2] for line in lines]
        marked = {int(r): bool(matrix[k, MARKERS_AT:].any()) for k, r in enumerate(rows)}
        longs = [i for i in range(n) if ends[i] and sizes[i] > line_features.LONG_MIN]
        total = max(sum(sizes), 1)
        for k, i in enumerate(rows.tolist()):
            near = [j for j in range(i - 2, i + 3) if 0 <= j < n and j != i]
            count = max(len(near), 1)
            assert matrix[k, COLUMN["near_short"]] == sum(sizes[j] < 12 for j in near) / count
            assert matrix[k, COLUMN["near_marker"]] == sum(marked.get(j, False) for j in near) / count
            assert matrix[k, COLUMN["near_long"]] == sum(sizes[j] > 80 for j in near) / count
            assert matrix[k, COLUMN["chars_before"]] == np.int64(sum(sizes[:i])) / total
            assert matrix[k, COLUMN["chars_after"]] == np.int64(total - sum(sizes[:i + 1])) / total
            assert matrix[k, COLUMN["head"]] == (i < 3) and matrix[k, COLUMN["tail"]] == (i >= n - 3)
            assert matrix[k, COLUMN["before_first_long"]] == (i < (longs[0] if longs else n))
            assert matrix[k, COLUMN["after_last_long"]] == (i > (longs[-1] if longs else -1))
            assert matrix[k, COLUMN["relative_length"]] == matrix[k, COLUMN["log_length"]] - np.log1p(max(sizes))
