"""The text robustness harness (tools/perturb_text_eval.py, tools/text_chrome.py): chrome is
put in without touching the page's own lines, varies from seed to seed, and the two wording
families share no template (a model trained on `a` is measured on `b`), and the third family
(`c`, never tuned on) and the fourth (`d`, learnt from by the chrome vocabulary) have templates
of their own."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
sys.path.insert(0, str(TOOLS))
text_chrome = pytest.importorskip("text_chrome")
perturb_text_eval = pytest.importorskip("perturb_text_eval")

PAGE = "学校工作总结\n\n一、指导思想\n本学期我校认真贯彻上级精神，扎实推进各项工作。\n二、主要工作\n加强队伍建设，提高教学质量。"


def context(seed: int) -> text_chrome.Context:
    return text_chrome.Context(random.Random(seed), "学校工作总结", ["教育局工作要点", "德育工作计划", "安全工作总结"])


@pytest.mark.parametrize("name", ["nav", "related", "title_again", "mix_all", "prev_next@head"])
def test_injected_chrome_leaves_every_page_line_in_order(name):
    plan = perturb_text_eval.perturbations()[name]
    text, injected = perturb_text_eval.inject(PAGE, plan, context(1), "ab", sample=3 if name == "mix_all" else None)
    assert injected and all(line in text.split("\n") for _, line in injected)
    own = [line for line in text.split("\n") if line in PAGE.split("\n")]
    assert [line for line in own if line] == [line for line in PAGE.split("\n") if line]


def test_generated_chrome_varies_with_the_seed():
    made = {tuple(text_chrome.KINDS["nav"][0](context(seed), "ab")) for seed in range(20)}
    assert len(made) >= 15


def test_wording_families_draw_on_disjoint_templates():
    pool = text_chrome.EDITOR_INTRO
    a = {id(pool[k]) for k in range(0, len(pool), 2)}
    picked_b = {id(context(seed).pick(pool, "b")) for seed in range(50)}
    picked_a = {id(context(seed).pick(pool, "a")) for seed in range(50)}
    assert picked_a <= a and not picked_b & a


def test_the_third_family_draws_only_on_its_own_templates_and_heads():
    import text_chrome_c
    for pool, third in ((text_chrome.EDITOR_INTRO, text_chrome_c.EDITOR_INTRO), (text_chrome.NAV, text_chrome_c.NAV)):
        picked = {id(context(seed).pick(pool, "c")) for seed in range(50)}
        assert picked <= {id(t) for t in third} and not picked & {id(t) for t in pool}
    heads = {text_chrome.related(context(seed), "c")[0].split("：")[0].split(">>")[0].split("   更多")[0] for seed in range(30)}
    assert heads <= set(text_chrome_c.RELATED_HEAD) and not heads & set(text_chrome.RELATED_HEAD)


def test_the_fourth_family_has_its_own_templates_for_every_pool_and_draws_only_on_them():
    import text_chrome_d
    import text_chrome_more
    pools = {id(v): v for module in (text_chrome, text_chrome_more) for name, v in vars(module).items()
             if name in ("RELATED_HEAD", "COMMENT_HEAD") or name.isupper() and isinstance(v, list) and v and callable(v[0])}
    assert set(pools) == set(text_chrome.FAMILIES["d"]) == {id(pool) for pool, _ in text_chrome_d.OWN}
    for pool, own in text_chrome_d.OWN:
        if callable(pool[0]):
            picked = {id(context(seed).pick(pool, "d")) for seed in range(60)}
            assert picked <= {id(t) for t in own} and not picked & {id(t) for t in pool} and len(picked) >= 2
        else:
            assert not set(own) & set(pool)
    heads = {text_chrome.related(context(seed), "d")[0].split("：")[0].split(">>")[0].split("   更多")[0] for seed in range(30)}
    assert heads <= set(text_chrome_d.RELATED_HEAD)


def test_every_fourth_family_kind_makes_lines():
    for kind, (make, _) in perturb_text_eval.KINDS.items():
        for seed in range(10):
            lines = make(context(seed), "d")
            assert lines and all(isinstance(line, str) and line.strip() for line in lines), kind


def test_only_tune_and_tune2_pages_are_read():
    if not (perturb_text_eval.TEXT / "raw").exists():
        pytest.skip("the text dev set is not beside the checkout")
    recs, gold = perturb_text_eval.load_pages()
    halves = perturb_text_eval.dev_eval.halves(recs)
    assert recs and set(halves[r["id"]] for r in recs) <= {"TUNE", "TUNE2"} and set(gold) == {r["id"] for r in recs}


def test_thelost_lines_are_the_golds_lines_the_output_does_not_hold():
    gold = "学校工作总结\n\n一、指导思想\n本学期我校认真贯彻上级精神。\n"
    assert perturb_text_eval.lost_lines(gold, "一、指导思想\n 本学期我校认真贯彻上级精神。 ") == ["学校工作总结"]
    assert perturb_text_eval.lost_lines(gold, gold) == []
