"""The `python -m cleaners` command as a user runs it."""
import json
import subprocess
import sys

from conftest import DATA, ROOT
from store_checks import assert_consistent

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
    assert run.returncode == 1, run.stderr          # a named input is missing: the run failed
    assert "failed: no such file or folder" in run.stderr
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


def test_explain_on_a_page_names_what_the_extractor_left_out_and_the_manifest_stays_the_same(tmp_path):
    page = ("<html><body><div id='menu'><a href='/a'>政务公开</a> <a href='/b'>办事服务</a> <a href='/c'>互动交流</a>"
            f"</div><h1>县教育局工作总结</h1><div class='article'><p>{REPORT}</p><p>下载本文档</p></div></body></html>")
    src = tmp_path / "page.html"
    src.write_text(page, encoding="utf-8")
    explained = run_cli("clean", src, "--out", tmp_path / "a", "--explain")
    assert explained.returncode == 0, explained.stderr
    assert "[extract] left_out: '政务公开 办事服务 互动交流' -> above the article, in div#menu" in explained.stdout
    assert "下载本文档' -> boilerplate_lines of profile _generic: `" in explained.stdout
    assert run_cli("clean", src, "--out", tmp_path / "b").returncode == 0
    assert manifest(tmp_path / "a") == manifest(tmp_path / "b")


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


def test_every_bad_input_and_reject_is_recorded_with_its_reason(tmp_path):
    (tmp_path / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "report.txt").write_text("县教育局工作总结\n" + REPORT, encoding="utf-8")
    out = tmp_path / "out"
    run = run_cli("clean", tmp_path / "picture.txt", tmp_path / "report.txt", "--out", out)
    assert run.returncode == 0, run.stderr
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["reason"] for r in rejects] == ["not text: PNG image"]
    assert rejects[0]["where"].endswith("picture.txt")
    assert [r["id"] for r in manifest(out)] == ["report"]


def test_only_missing_inputs_is_a_usage_error_with_exit_2(tmp_path):
    run = run_cli("clean", tmp_path / "nope.txt", "--out", tmp_path / "out")
    assert run.returncode == 2 and "nope.txt" in run.stderr and "Traceback" not in run.stderr


def test_threshold_outside_0_1_is_a_usage_error_not_a_traceback(tmp_path):
    run = run_cli("clean", DATA / "seeds", "--out", tmp_path / "out", "--threshold", "7")
    assert run.returncode == 2 and "--threshold" in run.stderr and "Traceback" not in run.stderr


def test_locked_store_is_a_one_line_error_with_exit_1(tmp_path):
    from cleaners.store import Store
    out = tmp_path / "out"
    with Store(out):
        run = run_cli("clean", DATA / "seeds", "--out", out)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "in use by another process" in run.stderr


def test_same_file_name_in_two_folders_keeps_both_documents(tmp_path):
    for folder, title in (("a", "县教育局工作总结"), ("b", "区教育局工作要点")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "doc.txt").write_text(f"{title}\n{REPORT if folder == 'a' else REPORT[::-1]}",
                                                   encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):      # and a rerun adds nothing
        run = run_cli("clean", tmp_path / "a", tmp_path / "b", "--out", out)
        assert run.returncode == 0, run.stderr
        assert sorted(r["title"] for r in manifest(out)) == ["区教育局工作要点", "县教育局工作总结"]


def test_jsonl_records_with_one_id_are_two_documents_not_an_overwrite(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps({"id": "x", "text": t + "\n" + body}, ensure_ascii=False) + "\n"
                               for t, body in (("县教育局工作总结", REPORT), ("区教育局工作要点", REPORT[::-1]))),
                       encoding="utf-8")
    run = run_cli("clean", records, "--out", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    ids = sorted(r["id"] for r in manifest(tmp_path / "out"))
    assert len(ids) == 2 and ids[0] == "x" and ids[1].startswith("x-")


def test_control_characters_never_reach_titles_ids_or_the_manifest(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps({"id": "ctl", "title": "县教育局\x00工作\x07总结\u200b", "text": REPORT,
                                   "metadata": {"source": "县\x00教育局", "date": "2024-01-02\x1b"}},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("clean", records, "--out", out).returncode == 0
    raw = (out / "manifest.jsonl").read_text(encoding="utf-8")
    assert "\\u0000" not in raw and "\\u0007" not in raw and "\\u001b" not in raw
    [record] = manifest(out)
    assert record["title"] == "县教育局工作总结" and record["metadata"]["source"] == "县教育局"
    assert (out / record["path"]).read_text(encoding="utf-8").startswith("县教育局工作总结\n\n")


def test_disk_full_fails_with_one_line_keeps_the_manifest_and_a_rerun_completes(tmp_path):
    import resource
    out = tmp_path / "out"
    assert run_cli("clean", DATA / "seeds", "--out", out).returncode == 0
    before = (out / "manifest.jsonl").read_bytes()
    index_size = (out / ".index.sqlite").stat().st_size

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (index_size + 40_000, index_size + 40_000))

    full = subprocess.run([sys.executable, "-m", "cleaners", "clean", str(DATA / "corpus"), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, preexec_fn=small_disk, timeout=300)
    assert full.returncode == 1 and "Traceback" not in full.stderr
    assert full.stderr.strip().splitlines()[-1].startswith("error: ")
    assert (out / "manifest.jsonl").read_bytes() == before       # intact, not emptied
    rerun = run_cli("clean", DATA / "seeds", DATA / "corpus", "--out", out)
    assert rerun.returncode == 0, rerun.stderr
    assert len(manifest(out)) > len(before.splitlines())
    assert_consistent(out)


def test_limits_are_flags_and_a_file_over_max_bytes_is_rejected_unread(tmp_path):
    (tmp_path / "big.txt").write_text("县教育局工作总结\n" + REPORT * 20, encoding="utf-8")
    (tmp_path / "small.txt").write_text("区教育局工作要点\n" + REPORT, encoding="utf-8")
    out = tmp_path / "out"
    run = run_cli("clean", tmp_path, "--out", out, "--max-bytes", 10_000)
    assert run.returncode == 0, run.stderr
    assert [r["id"] for r in manifest(out)] == ["small"]
    [reject] = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert reject["where"].endswith("big.txt") and "max_bytes" in reject["detail"]


def test_jsonl_line_over_max_bytes_is_rejected_and_the_next_lines_are_read(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps({"id": i, "text": t + "\n" + body}, ensure_ascii=False) + "\n"
                               for i, t, body in (("a", "县教育局工作总结", REPORT * 30),
                                                  ("b", "区教育局工作要点", REPORT))), encoding="utf-8")
    out = tmp_path / "out"
    run = run_cli("clean", records, "--out", out, "--max-bytes", 20_000)
    assert run.returncode == 0, run.stderr
    assert [r["id"] for r in manifest(out)] == ["b"]
    assert "records.jsonl:1" in run.stderr and "max_bytes" in run.stderr


def test_a_limit_that_is_no_number_or_too_deep_is_a_usage_error(tmp_path):
    for flag, value in (("--max-chars", "lots"), ("--max-elements", "0"), ("--max-depth", "5000")):
        run = run_cli("clean", DATA / "seeds", "--out", tmp_path / "out", flag, value)
        assert run.returncode == 2 and "Traceback" not in run.stderr, (flag, run.stderr)


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


def test_a_run_whose_inputs_are_all_bad_fails(tmp_path):
    records = tmp_path / "records.csv.jsonl"
    records.write_text("id,text\n1,县教育局工作总结\n", encoding="utf-8")
    run = run_cli("clean", records, "--out", tmp_path / "out")
    assert run.returncode == 1, run.stderr
    assert "failed: none of the inputs could be read" in run.stderr and f"{records}:1" in run.stderr


def test_a_rerun_into_an_output_folder_inside_the_input_folder_reads_none_of_its_output(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text("区教育局年度总结\n" + REPORT, encoding="utf-8")
    older = corpus / "old"          # a store written before, elsewhere in the folder
    assert run_cli("clean", corpus / "report.txt", "--out", older).returncode == 0
    for _ in range(2):
        run = run_cli("clean", corpus, "--out", corpus / "output", "--no-dedup")
        assert run.returncode == 0, run.stderr
    assert "1 read" in run.stderr, run.stderr
    assert f"note: {older} is an output folder" in run.stderr
    assert [r["id"] for r in manifest(corpus / "output")] == ["report"]


def test_an_output_folder_that_holds_an_input_is_refused_before_anything_is_written(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.txt").write_text("区教育局年度总结\n" + REPORT, encoding="utf-8")
    for out in (corpus, tmp_path):
        run = run_cli("clean", corpus, "--out", out)
        assert run.returncode == 2, run.stderr
        assert f"the output folder {out} holds the input {corpus}" in run.stderr
    assert sorted(p.name for p in corpus.iterdir()) == ["report.txt"]
