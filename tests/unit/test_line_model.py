"""The learned line model: the shipped file matches the features, and it drops boilerplate
lines the rules have no pattern for while leaving content alone."""
import json
from unittest import mock

import numpy as np
import pytest

from cleaners import Document, clean
from cleaners.document import Change
from cleaners.steps import line_features, line_model

BODY = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
        "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。")
PARAGRAPHS = [BODY, "一、坚持立德树人，德育工作扎实开展。" + BODY, "二、深化课程改革，教学质量稳步提升。" + BODY,
              "三、加强队伍建设，师资水平不断提高。" + BODY]


def test_shipped_model_was_trained_on_the_features_and_marker_words_computed_now():
    data = json.loads(line_model.MODEL_PATH.read_text(encoding="utf-8"))
    assert tuple(data["features"]) == line_features.feature_names()
    assert data["fingerprint"] == line_features.fingerprint()
    assert line_model.model() is not None


def test_features_cover_the_lines_that_can_be_chrome_and_skip_long_prose_in_the_middle():
    lines = ["首页 > 工作总结", "", BODY, BODY * 2, "三、其他", BODY, "", "相关推荐"]
    rows, matrix = line_features.line_features(lines, "工作总结")
    assert list(rows) == [0, 1, 2, 4, 6, 7]        # head rows, short lines, tail rows; not the prose in between
    assert matrix.shape == (len(rows), len(line_features.feature_names()))
    assert np.isfinite(matrix).all()


def test_page_title_signals_mark_a_decorated_title_whose_article_heading_follows_and_doc_numbers():
    lines = ["学校德育工作总结15篇", "时间:2023-01-20", "学校德育工作总结1", "甘政发〔2012〕120号", BODY]
    rows, matrix = line_features.line_features(lines, "")
    column = dict(zip(line_features.feature_names(), matrix.T))
    by_row = {int(r): k for k, r in enumerate(rows)}
    assert column["decorated"][by_row[0]] == 1 and column["heading_follows"][by_row[0]] == 1
    assert column["decorated"][by_row[2]] == 0 and column["heading_follows"][by_row[2]] == 0
    assert column["doc_number"][by_row[3]] == 1 and column["doc_number"][by_row[1]] == 0


# Chrome in wordings no rule of _generic.toml names.
HEAD = ["时间:2023-01-20 14:54:34 工作总结 我要投稿"]
TAIL = ["上一篇：教育局工作计划", "相关推荐", "分享到：微信 微博"]
INTRO = "以下是小编为大家整理的学校德育工作总结，仅供参考，欢迎大家阅读。"


def test_unseen_navigation_and_credit_lines_go_and_every_paragraph_stays():
    text, changes = line_model.drop_lines("\n".join(HEAD + PARAGRAPHS + TAIL), "学校德育工作总结")
    assert [line for line in text.split("\n") if line in PARAGRAPHS] == PARAGRAPHS
    dropped = [c for c in changes if c.step == "line_model"]
    assert {HEAD[0], "相关推荐"} <= {c.before for c in dropped}
    assert not {c.before for c in dropped} & set(PARAGRAPHS)
    assert all(c.action == "removed" and c.after.startswith("p=") for c in dropped)


def test_editor_intro_goes():
    text, _ = line_model.drop_lines("\n".join([INTRO] + PARAGRAPHS), "学校德育工作总结")
    assert text.split("\n") == PARAGRAPHS


def test_explain_names_the_signals_that_dropped_a_line():
    _, changes = line_model.drop_lines("\n".join(HEAD + PARAGRAPHS), "")
    why = next(c.after for c in changes if c.before == HEAD[0])
    assert "(" in why and any(name in why for name in line_features.feature_names())


def test_a_text_the_model_would_mostly_strip_is_left_alone():
    """A model that calls every line boilerplate has not understood the page: nothing goes."""
    names = line_features.feature_names()
    everything_goes = line_model.LineModel(1, names, np.zeros((1, 1), int), np.zeros((1, 1)), np.zeros((1, 1), int),
                                           np.zeros((1, 1), int), np.full((1, 1), 10.0), 0.0, 1, 0.5, "")
    text = "\n".join(HEAD + PARAGRAPHS)
    with mock.patch.object(line_model, "model", lambda: everything_goes):
        assert line_model.drop_lines(text, "") == (text, [])


def test_the_title_is_judged_as_the_line_before_the_body_and_reported_as_a_title_change():
    """A one-split model: lines like the title go.  The title itself is reported (step `title`,
    for the pipeline to drop it), and so is its repetition in the body."""
    names = line_features.feature_names()
    split = names.index("title_like")
    title_goes = line_model.LineModel(1, names, np.array([[split, 0, 0]]), np.array([[0.5, 0, 0]]),
                                      np.array([[1, 1, 2]]), np.array([[2, 1, 2]]), np.array([[0.0, -10.0, 10.0]]),
                                      0.0, 1, 0.5, "")
    text = "\n".join(["学校德育工作总结15篇"] + PARAGRAPHS)
    with mock.patch.object(line_model, "model", lambda: title_goes):
        body, changes = line_model.drop_lines(text, "学校德育工作总结15篇")
    assert body.split("\n") == PARAGRAPHS
    assert sorted((c.step, c.before) for c in changes) == [("line_model", "学校德育工作总结15篇"),
                                                           ("title", "学校德育工作总结15篇")]


def test_pipeline_records_model_drops_and_can_switch_the_model_off():
    from cleaners.pipeline import Options
    raw = "\n".join(["学校德育工作总结"] + HEAD + PARAGRAPHS)
    on = clean(Document(text=raw))
    off = clean(Document(text=raw), Options(line_model=False))
    assert "我要投稿" not in on.rendered() and "我要投稿" in off.rendered()
    assert any(c.step == "line_model" for c in on.changes)


def test_scores_are_each_rows_trees_walked_node_by_node_and_added_in_tree_order():
    """The packed walk (answers per distinct split, walkers moved by lookups) gives exactly
    the probability of walking every tree of the shipped model one node at a time."""
    scorer = line_model.model()
    lines = HEAD + [INTRO] + PARAGRAPHS + TAIL + ["", "2023-01-20", "第1页 共3页", "|".join("首页 新闻 通知 下载".split())]
    _, matrix = line_features.line_features(lines, "学校德育工作总结")
    rng = np.random.default_rng(3)
    matrix = np.vstack([matrix, matrix * rng.uniform(0.5, 1.5, matrix.shape)])
    expected = []
    for row in matrix:
        raw = 0.0
        for t in range(len(scorer.feature)):
            node = 0
            for _ in range(scorer.depth):
                go_left = row[scorer.feature[t, node]] <= scorer.threshold[t, node]
                node = scorer.left[t, node] if go_left else scorer.right[t, node]
            raw += scorer.value[t, node]
        expected.append(1.0 / (1.0 + np.exp(-(scorer.baseline + raw))))
    assert np.array_equal(scorer.scores(matrix), np.array(expected))


def test_a_row_scored_from_memory_gets_the_bits_its_walk_gave(monkeypatch):
    """Rows are remembered by their answers to the splits: scoring again (all rows known), a
    batch where one row is new, and after the memory filled up and was cleared, every score is
    the one a fresh walk gives, bit for bit."""
    scorer = line_model.model()
    lines = HEAD + [INTRO] + PARAGRAPHS + TAIL + ["2023-01-20", "第1页 共3页"]
    _, matrix = line_features.line_features(lines, "学校德育工作总结")
    scorer.flat.known.clear()
    fresh = scorer.scores(matrix)
    assert len(scorer.flat.known) > 0
    assert np.array_equal(scorer.scores(matrix), fresh)
    scorer.flat.known.pop(next(iter(scorer.flat.known)))
    assert np.array_equal(scorer.scores(matrix), fresh)
    monkeypatch.setattr(line_model, "REMEMBERED_ANSWERS", 2)
    assert np.array_equal(scorer.scores(matrix[::-1]), fresh[::-1])
    assert len(scorer.flat.known) <= len(matrix)


def test_contributions_add_each_trees_change_per_split_feature_level_by_level():
    """--explain's contributions are the changes of value along each tree's path, added per
    feature level by level and tree by tree (the order fixes the last bits, and so the ranking)."""
    scorer = line_model.model()
    _, matrix = line_features.line_features(HEAD + [INTRO] + PARAGRAPHS + TAIL, "学校德育工作总结")
    for row in matrix:
        expected = [0.0] * len(scorer.features)
        nodes = [0] * len(scorer.feature)
        for _ in range(scorer.depth):
            for t, node in enumerate(nodes):
                split = scorer.feature[t, node]
                child = scorer.left[t, node] if row[split] <= scorer.threshold[t, node] else scorer.right[t, node]
                expected[split] += scorer.value[t, child] - scorer.value[t, node]
                nodes[t] = child
        assert scorer.contributions(row).tobytes() == np.array(expected).tobytes()


def test_the_dropped_lines_are_explained_together_with_each_rows_own_contributions():
    scorer = line_model.model()
    _, matrix = line_features.line_features(HEAD + [INTRO] + PARAGRAPHS + TAIL, "学校德育工作总结")
    together = scorer.contributions_of(matrix)
    assert together.shape == (len(matrix), len(scorer.features))
    for row, explained in zip(matrix, together):
        assert explained.tobytes() == scorer.contributions(row).tobytes()
    assert scorer.contributions_of(matrix[:1]).tobytes() == together[:1].tobytes()


def test_an_extracted_html_article_keeps_lines_the_model_doubts_below_its_article_cutoff():
    """A one-leaf model scoring every line p=0.73: over the text cutoff (0.5), under the article
    cutoff (0.8).  Plain text loses the chrome line; an article the generic HTML extractor chose
    (its markup judged it already) keeps it."""
    names = line_features.feature_names()
    doubting = line_model.LineModel(1, names, np.zeros((1, 1), int), np.zeros((1, 1)), np.zeros((1, 1), int),
                                    np.zeros((1, 1), int), np.full((1, 1), 1.0), 0.0, 1, 0.5, "", article_cutoff=0.8)
    text = "\n".join(HEAD + PARAGRAPHS * 3)
    with mock.patch.object(line_model, "model", lambda: doubting):
        as_text, dropped = line_model.drop_lines(text, "")
        as_article, kept = line_model.drop_lines(text, "", article=True)
    assert HEAD[0] not in as_text.split("\n") and dropped
    assert as_article == text and kept == []


def test_a_model_file_without_an_article_cutoff_gets_the_measured_default(tmp_path):
    data = json.loads(line_model.MODEL_PATH.read_text(encoding="utf-8"))
    data.pop("article_cutoff", None)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert line_model.load(path).article_cutoff == line_model.ARTICLE_CUTOFF
    data["article_cutoff"] = 0.9
    path.write_text(json.dumps(data), encoding="utf-8")
    assert line_model.load(path).article_cutoff == 0.9


def test_the_pipeline_tells_the_model_which_texts_are_extracted_html_articles():
    seen = []

    def record(text, title="", host_repeats=frozenset(), article=False):
        seen.append(article)
        return text, []

    page = ("<html><head><title>学校德育工作总结</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            "<div>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div></body></html>")
    with mock.patch.object(line_model, "drop_lines", record):
        clean(Document(text="\n".join(["学校德育工作总结"] + PARAGRAPHS)))
        clean(Document(data=page.encode("utf-8"), is_html=True, url="https://example.org/a/1.html"))
    assert seen == [False, True]


def test_line_facts_remembered_by_line_are_the_whole_text_pass_of_before():
    """Visible size (SPACE_MARKS hidden), folded line (every whitespace out, but a newline alone
    stays, as the old code-point pass had it), sentence end, the folded line's first characters."""
    assert line_features._line_facts("\u3000\u3000第一条  本办法。 ") == (7, "第一条本办法。", True, "第一条本")
    assert line_features._line_facts("标题\n上行") == (5, "标题\n上行", False, "标题\n上")
    assert line_features._line_facts(" 标题\n上行") == (5, "标题上行", False, "标题上行")
    long_line = "甲" * line_features.REMEMBER_BELOW
    assert line_features._line_facts(long_line)[0] == len(long_line)


def test_a_cascade_of_drops_is_followed_until_a_pass_drops_nothing(monkeypatch):
    # each of a preview's page marks went only once the one before it had (its neighbours, its
    # place at the head changed): a second run over the output would drop the marks left
    def drop_once(text, title, host_repeats, article=False):
        lines = text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.startswith("P")), None)
        if first is None:
            return text, []
        gone = lines.pop(first)
        return "\n".join(lines), [Change("line_model", "removed", gone, "stand-in")]
    monkeypatch.setattr(line_model, "_drop_once", drop_once)
    marks = [f"P{k}" for k in range(1, 8)]
    text, changes = line_model.drop_lines("\n".join(line for pair in zip(PARAGRAPHS * 2, marks) for line in pair))
    assert [c.before for c in changes] == marks and "P" not in "".join(line[:1] for line in text.split("\n"))


PROMPTS = ["下载该文档需要20个文币", "VIP会员免费下载"]


def _near_chrome_goes(share: float = 0.6) -> line_model.LineModel:
    """A two-level stand-in: a line with a download marker goes, and so does a line whose
    neighbours are marked at `share` or more (the title beside a download prompt)."""
    names = line_features.feature_names()
    marker, near = names.index("marker_download"), names.index("near_marker")
    return line_model.LineModel(1, names, np.array([[marker, near, 0, 0, 0]]), np.array([[0.5, share, 0, 0, 0]]),
                                np.array([[1, 3, 2, 3, 4]]), np.array([[2, 4, 2, 3, 4]]),
                                np.array([[0.0, 0.0, 10.0, -10.0, 10.0]]), 0.0, 2, 0.5, "")


@pytest.mark.parametrize("title", ["2023年教育局工作总结", "语文组:2025-2026学年第一学期教研工作总结"])
def test_a_title_naming_its_kind_is_judged_on_the_lines_that_stay_not_on_the_chrome_going_beside_it(title):
    with mock.patch.object(line_model, "model", _near_chrome_goes):
        body, changes = line_model.drop_lines("\n".join(PROMPTS + PARAGRAPHS), title)
    assert body.split("\n") == PARAGRAPHS
    assert [(c.step, c.before) for c in changes] == [("line_model", line) for line in PROMPTS]


def test_a_title_naming_no_kind_still_goes_with_the_chrome_beside_it():
    with mock.patch.object(line_model, "model", _near_chrome_goes):
        body, changes = line_model.drop_lines("\n".join(PROMPTS + PARAGRAPHS), "城关一中")
    assert body.split("\n") == PARAGRAPHS
    assert {(c.step, c.before) for c in changes} == {("line_model", line) for line in PROMPTS} | {("title", "城关一中")}


def test_a_title_naming_its_kind_that_reads_as_chrome_itself_still_goes_once_judged_alone():
    title = "免费下载2023年教育局工作总结"
    with mock.patch.object(line_model, "model", _near_chrome_goes):
        body, changes = line_model.drop_lines("\n".join(PROMPTS + PARAGRAPHS), title)
    assert body.split("\n") == PARAGRAPHS
    assert [(c.step, c.before) for c in changes] == [("line_model", line) for line in PROMPTS] + [("title", title)]


@pytest.mark.parametrize("heading", ["教育局年工作总结篇一", "第一部分 引言"])
def test_a_part_heading_naming_its_kind_between_chrome_lines_is_judged_once_they_went(heading):
    with mock.patch.object(line_model, "model", lambda: _near_chrome_goes(0.45)):
        body, changes = line_model.drop_lines("\n".join([PROMPTS[0], heading, PROMPTS[1]] + PARAGRAPHS), "教育局年工作总结")
    assert [line for line in body.split("\n") if line] == [heading] + PARAGRAPHS
    assert [c.before for c in changes if c.step == "line_model"] == PROMPTS
