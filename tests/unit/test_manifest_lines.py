"""manifest.jsonl is written without building each record (`manifest.lines`): its lines must
stay the JSON text of the records `Store.manifest_records` gives, whatever the strings hold
and however many copies a cluster has."""
from __future__ import annotations

import json

import dedup_corpus as corpus
from cleaners.document import CleanResult
from cleaners.store import Store

GOLD = corpus.gold_docs()


def _result(id, text, title, site="renrendoc", url="", partial=False, script="simplified", metadata=None):
    return CleanResult(id=id, url=url, site=site, title=title, text=text, metadata=metadata or {},
                       flags={"partial": partial, "unrecovered_chars": 3, "script": script})


def test_manifest_lines_are_the_json_of_the_records_for_awkward_strings_and_clusters(tmp_path):
    (title, body), (other_title, other) = GOLD[0], GOLD[2]
    with Store(tmp_path) as store:
        store.add(_result('q"uo\\te\t\x01\x1f', body, 'ti"tle\\ \x7f\u2028', url=None, script=None,
                          metadata={"k": "\x00\n", "数": [1.5, None, True]}))
        store.add(_result("r-copy-1", body, title, site="bingdoc", url="https://bingdoc.example/\"1\""))
        store.add(_result("r-copy-2", body, title, site="docin"))
        store.add(_result("preview", other[:len(other) // 2], other_title, partial=True))
        store.add(_result("full", other, other_title, site="bdocx"))     # replaces the preview
        records = list(store.manifest_records())
    lines = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines == [json.dumps(r, ensure_ascii=False) for r in records]
    assert [[a["id"] for a in r["aliases"]][1:] for r in records] == [["r-copy-1", "r-copy-2"], ["full"]]
    assert records[0]["url"] is None and records[0]["script"] is None and records[0]["title"].startswith('ti"tle')
