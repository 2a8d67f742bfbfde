"""`benchmarks/bench_memory.py --corpus`: the memory slope measured on a corpus of one's own,
cleaned by the pipeline in the workers and stored as the CLI stores it."""
import json
import subprocess
import sys

from conftest import ROOT

REPORT = "过去一年，全县教育系统以办好人民满意教育为目标，努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。"


def test_a_corpus_of_ones_own_is_cleaned_stored_and_its_slope_reported(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(40):
            text = f"第{i}号县教育局工作总结\n" + "\n".join(f"{k}、{REPORT[k % 7:]}{i * 100 + k}" for k in range(8))
            out.write(json.dumps({"id": f"c{i}", "url": f"http://jyj.demoxian.gov.cn/art/{i}.html", "text": text},
                                 ensure_ascii=False) + "\n")
        out.write(json.dumps({"id": "short", "text": "首页"}) + "\n")          # rejected: not stored
    run = subprocess.run([sys.executable, "benchmarks/bench_memory.py", "--corpus", str(corpus), "--docs", "1000",
                          "--sample-every", "8", "--workers", "2"], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "== this tree: 40 docs" in run.stdout
    assert "bar (issue 15), this corpus: slope" in run.stdout and "only 40 documents" in run.stdout


def test_a_missing_corpus_is_named_and_refused(tmp_path):
    run = subprocess.run([sys.executable, "benchmarks/bench_memory.py", "--corpus", str(tmp_path / "nope.jsonl")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "nope.jsonl" in run.stderr
