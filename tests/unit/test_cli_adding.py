"""`clean` hands its documents to the store a chunk at a time (`Store.add_many`, one pass over
each key-file run for the chunk's look-ups), and the store's output is the one adding them one
by one gives: duplicates and replacements inside one chunk, ids claimed twice, host lines."""
from __future__ import annotations

import json
import random
import sqlite3

import pytest

from cleaners import cli, cli_adding
from cleaners.store import Store

CHARS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
         "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
         "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道")


def _report(rng: random.Random, sentences: int) -> list[str]:
    words = ["".join(rng.choices(CHARS, k=rng.choice((2, 2, 3, 4)))) for _ in range(400)]
    return ["".join(rng.choices(words, k=rng.randint(8, 14))) + rng.choice("，。；") for _ in range(sentences)]


def _records() -> list[dict]:
    """Reports, then copies of them inside the same window: exact, near, a longer one (replaces),
    the same id from another URL (`_own_id`), the same source re-cleaned (rewritten in place)."""
    rng = random.Random(5)
    bases = ["".join(_report(rng, 40)) for _ in range(12)]
    records = [{"id": f"r{i}", "url": f"https://a.example/r{i}", "title": f"工作报告{i}", "text": text}
               for i, text in enumerate(bases)]
    extra = "".join(_report(rng, 6))
    records += [
        {"id": "copy2", "url": "https://b.example/copy2", "title": "工作报告2", "text": bases[2]},
        {"id": "near3", "url": "https://b.example/near3", "title": "工作报告3", "text": bases[3][:-40]},
        {"id": "long4", "url": "https://b.example/long4", "title": "工作报告4", "text": bases[4] + extra},
        {"id": "r5", "url": "https://c.example/r5", "title": "另一报告", "text": "".join(_report(rng, 40))},
        {"id": "r6", "url": "https://a.example/r6", "title": "工作报告6", "text": bases[6] + extra},
        {"id": "copy4", "url": "https://b.example/copy4", "title": "工作报告4", "text": bases[4]},
    ]
    return records


def _clean(tmp_path, name: str, host_lines: bool = True) -> tuple:
    """The manifest, text files and host-lines table of a `clean` run (--no-host-lines: no
    windows, so a chunk may hold the whole run)."""
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()), encoding="utf-8")
    out = tmp_path / name
    flags = ["--host-min-docs", "2"] if host_lines else ["--no-host-lines"]
    assert cli.main(["clean", str(source), "--out", str(out), "--jobs", "1", *flags]) == 0
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.txt")}
    table = []
    if host_lines:
        with sqlite3.connect(out / ".host_lines.sqlite") as db:
            table = list(db.iterdump())
    return (out / "manifest.jsonl").read_bytes(), files, table


def _one_by_one(self, items):
    """`add_many` as the CLI's adds were before: each document looked up and recorded alone."""
    return [self.add_prepared(item) for item in items]


def test_clean_looks_up_a_chunk_of_documents_together(tmp_path, monkeypatch):
    sizes = []
    real = Store._batched_lookups

    def spy(self, fps, partial):
        sizes.append(len(fps))
        return real(self, fps, partial)

    monkeypatch.setattr(Store, "_batched_lookups", spy)
    _clean(tmp_path, "out")
    assert sum(sizes) == len(_records())      # every document's look-ups made ahead, none alone
    assert max(sizes) > 1


@pytest.mark.parametrize("host_lines", [True, False])
def test_chunks_store_what_adding_one_by_one_stores(tmp_path, monkeypatch, host_lines):
    monkeypatch.setattr(cli_adding, "ADD_CHUNK", 1000)       # the copies in the chunk of what they copy
    chunked = _clean(tmp_path, "chunked", host_lines)
    with monkeypatch.context() as patched:
        patched.setattr(Store, "add_many", _one_by_one)
        alone = _clean(tmp_path, "alone", host_lines)
    assert chunked == alone
    statuses = [a["status"] for line in chunked[0].splitlines() for a in json.loads(line)["aliases"]]
    for status in ("exact_dup", "near_dup", "superseded"):
        assert status in statuses


@pytest.mark.parametrize("chunk", [1, 3])
def test_small_chunks_store_the_same(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(cli_adding, "ADD_CHUNK", chunk)
    small = _clean(tmp_path, "small")
    monkeypatch.setattr(cli_adding, "ADD_CHUNK", 1000)
    assert small == _clean(tmp_path, "large")


def test_a_window_is_stored_before_the_host_lines_table_commits(tmp_path, monkeypatch):
    """The next window's documents see the lines of every document before it (as one by one)."""
    from cleaners.store.host_lines import HostLineTable
    made, held_at_commit = [], []

    class Recorded(cli_adding.Adding):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    real_commit = HostLineTable.commit

    def commit(self):
        held_at_commit.append(sum(len(adding._prepared) for adding in made))
        return real_commit(self)

    monkeypatch.setattr(cli, "Adding", Recorded)
    monkeypatch.setattr(HostLineTable, "commit", commit)
    monkeypatch.setattr(cli_adding, "ADD_CHUNK", 1000)
    _clean(tmp_path, "out")
    assert len(held_at_commit) >= 5 and set(held_at_commit) == {0}
