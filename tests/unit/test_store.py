"""The output store: layout, reopening, cross-run dedup, manifest/index agreement (its safety: test_store_safety.py)."""
from __future__ import annotations

import importlib.util
import io
import json
import os
import sqlite3
from pathlib import Path

import numpy as np
import opencc
import pytest

import dedup_corpus as corpus
from cleaners import store as store_module
from cleaners.document import Change, CleanResult
from cleaners.store import Store, StoreError

from conftest import SHARED
from store_checks import assert_consistent, files_on_disk, manifest

S2T = opencc.OpenCC("s2t").convert
GOLD = corpus.gold_docs()
TITLE, BODY = GOLD[0]
OTHER_TITLE, OTHER = GOLD[2]


def result(id, text=BODY, site="renrendoc", title=TITLE, url=None, partial=False, metadata=None):
    return CleanResult(id=id, url=url or f"https://{site}.example/{id}", site=site, title=title, text=text,
                       metadata=metadata or {}, flags={"partial": partial, "unrecovered_chars": 0, "script": "simplified"},
                       changes=[Change("boilerplate", "removed", "下载本文档"), Change("pinyin", "repaired", "統(tǒng)", "統")])


# --------------------------------------------------------------------------- layout

def test_file_is_title_blank_line_body_under_site_folder(tmp_path):
    with Store(tmp_path) as store:
        outcome = store.add(result("000_c7cd7805efb27d02"))
    assert outcome.status == "kept" and outcome.path == "renrendoc/000_c7cd7805efb27d02.txt"
    assert (tmp_path / outcome.path).read_text(encoding="utf-8") == f"{TITLE}\n\n{BODY}\n"


def test_manifest_line_has_every_documented_field(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a1", metadata={"page_count": 12, "date": "2024-01-05"}))
    [record] = manifest(tmp_path)
    assert set(record) >= {"id", "path", "title", "url", "aliases", "site", "script", "partial", "chars", "sha1",
                           "cluster", "changes", "metadata"}
    assert record["changes"] == {"boilerplate": 1, "pinyin": 1}
    assert record["metadata"] == {"page_count": 12, "date": "2024-01-05"}
    assert record["chars"] == len(BODY) and record["partial"] is False and record["script"] == "simplified"
    assert record["aliases"] == [{"id": "a1", "site": "renrendoc", "url": "https://renrendoc.example/a1", "status": "kept"}]


def test_manifest_lines_are_the_json_of_the_manifest_records(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a1", metadata={"page_count": 12, "nested": {"标签": ["教育", 1.5, None]}}))
        store.add(result("b2", text=OTHER, title=OTHER_TITLE, metadata={"date": "2024-01-05"}))
        records = list(store.manifest_records())
    lines = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == [json.dumps(r, ensure_ascii=False) for r in records]


def test_manifest_is_readable_by_the_gold_scorer(tmp_path):
    tool = SHARED / "tools" / "score_gold.py"
    if not tool.exists():
        pytest.skip("shared/tools/score_gold.py is not beside the checkout")
    spec = importlib.util.spec_from_file_location("score_gold", tool)
    score_gold = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_gold)
    with Store(tmp_path) as store:
        store.add(result("000_c7cd7805efb27d02"))
    assert score_gold.from_manifest(tmp_path) == {"000_c7cd7805efb27d02": tmp_path / "renrendoc/000_c7cd7805efb27d02.txt"}


def test_export_writes_one_json_object_per_kept_document_with_text(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a"))
        store.add(result("b", text=OTHER, title=OTHER_TITLE))
        store.add(result("dup", text=S2T(BODY), site="bingdoc"))
        out = io.StringIO()
        assert store.export(out) == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(r["id"], r["text"]) for r in rows] == [("a", BODY), ("b", OTHER)]


def test_cli_export_and_dedup_subcommands(tmp_path, capsys):
    from cleaners.cli import main
    with Store(tmp_path / "out", dedup=False) as store:
        store.add(result("a"))
        store.add(result("b", text=S2T(BODY), site="bingdoc"))
    assert main(["dedup", str(tmp_path / "out")]) == 0
    assert "1 kept, 1 exact dups" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "out"), "--out", str(tmp_path / "corpus.jsonl")]) == 0
    rows = (tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 1 and json.loads(rows[0])["text"] == BODY


def test_cli_refuses_a_folder_that_is_not_a_store(tmp_path, capsys):
    from cleaners.cli import main
    assert main(["export", str(tmp_path)]) == 2
    assert "not an output store" in capsys.readouterr().err


# --------------------------------------------------------------------------- runs

def test_documents_prepared_in_another_process_are_verified_from_their_text(tmp_path):
    """A pickled `Prepared` leaves its shingle hashes behind: the store takes them from the text."""
    import pickle
    sent = [pickle.loads(pickle.dumps(store_module.prepare(r))) for r in (
        result("a"), result("b", text=BODY[: int(len(BODY) * 0.9)], site="docin"),
        result("c", text=BODY[:1200], site="bdocx", partial=True))]
    assert all(p.fingerprint.hashes is None for p in sent)
    with Store(tmp_path) as store:
        outcomes = store.add_many(sent)
    assert [o.status for o in outcomes] == ["kept", "near_dup", "near_dup"]
    assert outcomes[1].duplicate_of == outcomes[2].duplicate_of == "a"
    assert_consistent(tmp_path)


def test_reopened_store_deduplicates_against_earlier_runs(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a"))
        store.add(result("b", text=OTHER, title=OTHER_TITLE))
    with Store(tmp_path) as store:
        assert len(store) == 2
        assert store.add(result("c", text=S2T(BODY), site="bingdoc")).status == "exact_dup"
        assert store.add(result("d", text=OTHER[: int(len(OTHER) * 0.9)], site="docin")).status == "near_dup"
        assert store.add(result("e", text=OTHER[:1200], site="bdocx", partial=True)).duplicate_of == "b"
        assert store.summary() == {"kept": 0, "exact_dup": 1, "near_dup": 2, "replaced": 0, "written": 0}
    assert_consistent(tmp_path)


def _as_anchor_table_layout(root):
    """Turn a store into the layout written before the prefix anchors became a column of `docs`."""
    db = sqlite3.connect(root / ".index.sqlite")
    rows = db.execute("SELECT n, anchors, partial FROM docs WHERE anchors IS NOT NULL").fetchall()
    db.execute("CREATE TABLE anchors (h INTEGER NOT NULL, n INTEGER NOT NULL, partial INTEGER NOT NULL)")
    db.execute("CREATE INDEX anchors_h ON anchors(h)")
    db.executemany("INSERT INTO anchors VALUES (?, ?, ?)",
                   [(h, n, partial) for n, blob, partial in rows for h in np.frombuffer(blob, dtype=np.int64).tolist()])
    db.execute("ALTER TABLE docs DROP COLUMN anchors")
    db.commit()
    db.close()


@pytest.mark.parametrize("old_layout", [False, True])
def test_prefix_anchors_of_earlier_runs_find_previews_and_full_copies(tmp_path, old_layout):
    """Previews matched through prefix anchors alone (the LSH answers nothing here), with the
    anchors of an earlier run, also of a store written when they had a table of their own."""
    with Store(tmp_path) as store:
        store.add(result("full", text=OTHER, title=OTHER_TITLE))
        store.add(result("preview", text=BODY[:1200], site="docin", partial=True))
    if old_layout:
        _as_anchor_table_layout(tmp_path)
    with Store(tmp_path) as store:
        store._lsh.query_bands = lambda bands: set()
        assert store.add(result("p2", text=OTHER[:1000], site="bdocx", partial=True)).duplicate_of == "full"
        assert store.add(result("b", text=BODY, site="bingdoc")).replaced == ("preview",)
    with Store(tmp_path) as store:
        store._lsh.query_bands = lambda bands: set()
        assert store.add(result("p3", text=BODY[:900], site="bdocx", partial=True)).duplicate_of == "b"
    assert_consistent(tmp_path)


def test_same_id_twice_writes_one_file(tmp_path):
    for _ in range(2):
        with Store(tmp_path) as store:
            outcome = store.add(result("a"))
    assert outcome.status == "exact_dup" and outcome.doc_id == "a"
    assert files_on_disk(tmp_path) == {"renrendoc/a.txt"}


def test_identities_ids_and_exact_keys_of_earlier_runs_and_this_one_are_found(tmp_path):
    """The in-memory sets that spare the per-document SELECTs hold every row, old and new."""
    with Store(tmp_path) as store:
        store.add(result("a"))
        store.add(result("dup", text=S2T(BODY), site="bingdoc"))
    with Store(tmp_path) as store:
        docin = store.add(result("a", site="docin", text=OTHER))               # id "a" taken on another site
        assert docin.status == "kept" and docin.doc_id != "a"
        assert store.add(result("dup", site="bingdoc", text=S2T(BODY))).status == "exact_dup"   # same identity
        assert store.add(result("c", site="bdocx", text=BODY + "。")).status == "exact_dup"     # exact key
        assert store.add(result("a", site="docin", text=OTHER)).doc_id == docin.doc_id       # this run's identity
    assert_consistent(tmp_path)


def test_recleaned_source_is_rewritten_in_place(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a", text=BODY + "\n下载本文档"))
    with Store(tmp_path) as store:
        outcome = store.add(result("a", text=BODY))
    assert outcome.status == "replaced" and outcome.path == "renrendoc/a.txt"
    assert (tmp_path / "renrendoc/a.txt").read_text(encoding="utf-8").endswith(BODY + "\n")
    assert not list(tmp_path.rglob("*.new"))
    assert_consistent(tmp_path)


def test_better_copy_from_a_later_run_replaces_the_kept_one_and_keeps_its_url(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("pre", text=BODY[:1500], partial=True))
    with Store(tmp_path) as store:
        outcome = store.add(result("full", site="bingdoc"))
    assert outcome.status == "replaced" and outcome.replaced == ("pre",)
    [record] = manifest(tmp_path)
    assert record["id"] == "full" and "https://renrendoc.example/pre" in {a["url"] for a in record["aliases"]}
    assert_consistent(tmp_path)


def test_seen_ids_and_has_cover_kept_and_duplicate_documents(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a"))
        store.add(result("b", text=S2T(BODY)))
        store.add(result("c", site="docin", text=OTHER))
    with Store(tmp_path) as store:
        assert store.seen_ids("renrendoc") == {"a", "b"}
        assert store.has("renrendoc", "b") and not store.has("docin", "a")


def test_has_answers_for_the_open_batch_without_waiting_for_the_writer_thread(tmp_path, monkeypatch):
    """A crawl asks `has` before every document: rows still queued for the writer thread answer
    from the queue, so the thread's work goes on overlapping the store's."""
    with Store(tmp_path) as store:
        store.add(result("a"))
        store.add(result("b", text=S2T(BODY)))
        store.add(result("c", site="docin", text=OTHER))
        drained = []
        monkeypatch.setattr(store, "_sync", lambda: drained.append(True))
        assert store.has("renrendoc", "a") and store.has("renrendoc", "b") and store.has("docin", "c")
        assert not store.has("docin", "x") and not store.has("renrendoc", "x")
        assert drained == []
        assert not store.has("docin", "a")      # a queued row has doc id "a", on another site
        assert drained == [True]
        monkeypatch.undo()          # the close waits for the thread as usual
    assert {r["id"] for r in manifest(tmp_path)} == {"a", "c"}


def test_without_dedup_every_document_is_written(tmp_path):
    with Store(tmp_path, dedup=False) as store:
        for i in range(3):
            assert store.add(result(f"copy{i}")).status == "kept"
    assert len(manifest(tmp_path)) == 3


def test_without_dedup_no_fingerprint_is_computed_and_the_next_dedup_run_matches_against_them(tmp_path, monkeypatch):
    """--no-dedup skips the fold, shingles and signature; the next deduplicating open computes
    them from the files, so a later copy is still found a duplicate of a document stored then."""
    def refuse(*args, **kwargs):
        raise AssertionError("a fingerprint was computed without dedup")
    with monkeypatch.context() as patched:
        patched.setattr(store_module.prepared.dedup, "fingerprint", refuse)
        patched.setattr(store_module.prepared.dedup, "fingerprints", refuse)
        with Store(tmp_path, dedup=False) as store:
            store.add(result("a"))
            store.add_many([result("b", text=OTHER, title=OTHER_TITLE)])
    with Store(tmp_path) as store:
        assert store.add(result("c", text=S2T(BODY), site="bingdoc")).duplicate_of == "a"
        assert store.add(result("d", text=OTHER[: int(len(OTHER) * 0.9)], site="docin")).duplicate_of == "b"
    db = sqlite3.connect(tmp_path / ".index.sqlite")
    assert db.execute("SELECT count(*) FROM docs WHERE content < 0 OR (status='kept' AND sig IS NULL)").fetchone() == (0,)
    db.close()
    assert_consistent(tmp_path)


def test_rededup_merges_copies_written_without_dedup_and_keeps_their_urls(tmp_path):
    with Store(tmp_path, dedup=False) as store:
        store.add(result("pre", text=BODY[:1500], partial=True))
        store.add(result("full", site="bingdoc"))
        store.add(result("trad", text=S2T(BODY), site="bdocx"))
        store.add(result("other", text=OTHER, title=OTHER_TITLE))
    counts = Store.rededup(tmp_path)
    assert counts == {"kept": 2, "exact_dup": 1, "near_dup": 0, "replaced": 1}
    records = {r["id"]: r for r in manifest(tmp_path)}
    assert set(records) == {"full", "other"}
    assert {a["id"] for a in records["full"]["aliases"]} == {"pre", "full", "trad"}
    assert_consistent(tmp_path)


def test_manifest_is_rebuilt_on_open_when_a_run_died_before_writing_it(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a"))
    (tmp_path / "manifest.jsonl").unlink()
    with Store(tmp_path) as store:
        pass
    assert [r["id"] for r in manifest(tmp_path)] == ["a"]


def test_reopening_a_store_does_not_rescan_the_files(tmp_path, monkeypatch):
    with Store(tmp_path) as store:
        for d in corpus.build(seed=3, mixed=5)[:30]:
            store.add(d.result())
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"read {self}"))
    with Store(tmp_path) as store:
        assert len(store) > 5


def test_store_parameters_are_checked_on_open(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a"))
    db = sqlite3.connect(tmp_path / ".index.sqlite")
    db.execute("UPDATE meta SET v='ngram=3' WHERE k='params'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="other dedup parameters"):
        Store(tmp_path)


def test_journal_is_empty_after_a_clean_close(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a"))
    assert os.path.getsize(tmp_path / ".pending.log") == 0
