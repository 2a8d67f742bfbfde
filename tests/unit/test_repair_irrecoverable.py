"""drop_irrecoverable (cleaners/steps/repair/irrecoverable.py)."""
from __future__ import annotations

from cleaners.steps import repair
from repair_cases import run


def test_replacement_chars_and_classic_garbage_runs_are_dropped_and_counted():
    new, changes = run(repair.drop_irrecoverable, "甲\ufffd\ufffd乙锟斤拷锟斤拷丙烫烫烫烫丁屯屯屯戊烫烫的")
    assert new == "甲乙丙丁戊烫烫的"
    assert [c.before for c in changes] == ["\ufffd\ufffd", "锟斤拷锟斤拷", "烫烫烫烫", "屯屯屯"]
    assert all(c.action == "unrecovered" for c in changes)


def test_a_drop_that_joins_a_new_garbage_run_drops_that_too():
    assert run(repair.drop_irrecoverable, "甲烫烫\ufffd烫乙")[0] == "甲乙"
