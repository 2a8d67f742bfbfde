"""The `python -m cleaners` command as a user runs it."""
import json
import subprocess
import sys

from conftest import DATA, ROOT

REPORT = ("过去一年，在县委、县政府的正确领导下，全县教育系统以办好人民满意教育为目标，"
          "努力促进教育优质均衡发展，较好地完成了年初确定的各项工作任务。") * 5


def run_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "cleaners", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def manifest(out):
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_help_lists_the_commands():
    run = run_cli("--help")
    assert run.returncode == 0 and "clean" in run.stdout


def test_bad_inputs_are_named_counted_and_skipped_without_losing_the_good_ones(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(
        json.dumps({"id": "good-1", "url": "https://www.example.com/a", "text": "县教育局工作总结\n" + REPORT},
                   ensure_ascii=False) + "\n"
        + "{not json\n"
        + json.dumps({"id": "empty", "text": "   "}) + "\n"
        + json.dumps({"id": "good-2", "html": f"<html><body><h1>学校工作思路</h1><p>{REPORT[::-1]}</p></body></html>"},
                     ensure_ascii=False) + "\n",
        encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    run = run_cli("clean", records, tmp_path / "empty.txt", tmp_path / "missing.txt", "--out", out, "--no-dedup")
    assert run.returncode == 0, run.stderr
    assert f"{records}:2" in run.stderr and f"{records}:3" in run.stderr
    assert "missing.txt" in run.stderr and "empty.txt" in run.stderr
    assert sorted(r["id"] for r in manifest(out)) == ["good-1", "good-2"]
    assert "4 bad inputs" in run.stderr


def test_written_file_is_title_blank_line_body_and_manifest_points_to_it(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text("区教育局年度总结\n" + REPORT, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("clean", src, "--out", out).returncode == 0
    (rec,) = manifest(out)
    text = (out / rec["path"]).read_text(encoding="utf-8")
    assert text.startswith("区教育局年度总结\n\n" + REPORT[:20])
    assert rec["id"] == "doc" and rec["title"] == "区教育局年度总结" and rec["chars"] > 0


def test_explain_shows_removed_boilerplate(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text("区教育局年度总结\n下载本文档\n" + REPORT, encoding="utf-8")
    run = run_cli("clean", src, "--out", tmp_path / "out", "--explain")
    assert "下载本文档" in run.stdout and "boilerplate" in run.stdout


def test_script_option_writes_traditional(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text("区教育局年度总结\n" + REPORT, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("clean", src, "--out", out, "--script", "traditional").returncode == 0
    (rec,) = manifest(out)
    assert "縣" in (out / rec["path"]).read_text(encoding="utf-8")


def test_gbk_html_file_is_decoded_from_its_bytes(tmp_path):
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>x</title></head>' \
           f'<body><h1>县教育局工作总结</h1><div class="content"><p>{REPORT}</p></div></body></html>'
    src = tmp_path / "page.html"
    src.write_bytes(page.encode("gbk"))
    out = tmp_path / "out"
    assert run_cli("clean", src, "--out", out).returncode == 0
    (rec,) = manifest(out)
    assert REPORT[:30] in (out / rec["path"]).read_text(encoding="utf-8")


def test_parallel_jobs_write_the_same_store_as_one_process(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_cli("clean", DATA / "seeds", DATA / "corpus", "--out", one).returncode == 0
    run = run_cli("clean", DATA / "seeds", DATA / "corpus", "--out", two, "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert (one / "manifest.jsonl").read_bytes() == (two / "manifest.jsonl").read_bytes()


def test_non_documents_are_listed_in_rejects_jsonl_with_their_reason(tmp_path):
    import json
    listing = "\n".join(f"县教育局召开第{i}次工作会议 2023-0{i % 9 + 1}-12" for i in range(12))
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "l1", "url": "https://jyj.x.gov.cn/tzgg/index_2.html", "text": listing},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "cleaners", "clean", str(src), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rejects] == ["l1"] and rejects[0]["reason"].startswith("not_document: listing")
