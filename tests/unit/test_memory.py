"""The per-line memories' bounded store (`Generations`): it keeps the keys that recur, lets
one-off keys go, and never holds more than its limit."""
from cleaners.chars.memory import Generations


def test_a_value_put_is_found_and_a_missing_key_gives_none():
    memory = Generations(8)
    memory.put("首页", 1)
    assert memory.found(["首页", "下一篇"]) == [1, None]
    assert memory.get("首页") == 1 and memory.get("下一篇") is None
    assert "首页" in memory and "下一篇" not in memory


def test_it_never_holds_more_than_its_limit():
    memory = Generations(10)
    for k in range(1000):
        memory.put(f"line {k}", k)
        assert len(memory) <= 10


def test_a_key_asked_for_again_survives_one_off_keys_that_would_have_cleared_a_full_memory():
    memory = Generations(8)
    memory.put("chrome", "verdict")
    for page in range(50):                      # each page: the chrome again, then three one-off lines
        assert memory.found(["chrome"]) == ["verdict"], page
        memory.update((f"prose {page}.{k}", k) for k in range(3))


def test_a_one_off_key_is_gone_after_two_turns():
    memory = Generations(4)                     # generations of two entries
    memory.put("once", 0)
    for k in range(4):
        memory.put(f"other {k}", k)
    assert memory.get("once") is None


def test_a_key_found_in_the_old_generation_moves_back_to_the_young_one():
    memory = Generations(4)                     # generations of two entries
    memory.update([("a", 1), ("b", 2)])
    memory.put("c", 3)                          # the young generation would overfill: it turns old
    assert memory.old == {"a": 1, "b": 2} and memory.young == {"c": 3}
    assert memory.found(["b", "d"]) == [2, None]
    assert memory.young == {"c": 3, "b": 2}
    memory.put("e", 5)                          # b outlives the turn that drops a
    assert memory.found(["a", "b", "e"]) == [None, 2, 5]


def test_a_batch_is_remembered_whole_even_when_larger_than_a_generation():
    memory = Generations(4)
    memory.update({f"line {k}": k for k in range(5)})
    assert memory.found(["line 0", "line 4"]) == [0, 4]


def test_clear_forgets_everything():
    memory = Generations(4)
    memory.update([("a", 1), ("b", 2), ("c", 3)])
    memory.clear()
    assert len(memory) == 0 and memory.found(["a", "b", "c"]) == [None, None, None]
