"""The pipeline generalises beyond the five seeds: 45 samples in the style of every site family.

The bar is set just under what the pipeline reaches (44/45 clean, mean F1 0.9996; the one miss is
a misaligned-GBK run whose out-of-step pair is a full-width letter, see the corpus README), so any
rule that eats content or lets chrome through on a family shows up here.
"""
import pytest

from corpus_score import CLEAN_AT, score_corpus

MIN_CLEAN_SHARE = 0.95      # samples with precision and recall >= CLEAN_AT
MIN_MEAN_F1 = 0.995
MIN_SAMPLE_F1 = 0.97        # no sample may be badly wrong


@pytest.fixture(scope="module")
def scores():
    return score_corpus()


def test_corpus_has_at_least_forty_samples(scores):
    assert len(scores) >= 40


def test_nearly_every_sample_cleans_to_its_expected_text(scores):
    dirty = [f"{s.name} (p={s.precision:.3f} r={s.recall:.3f})" for s in scores if not s.clean]
    share = 1 - len(dirty) / len(scores)
    assert share >= MIN_CLEAN_SHARE, f"only {share:.0%} clean at {CLEAN_AT}; not clean: {dirty}"


def test_mean_f1_over_the_corpus_is_high(scores):
    mean = sum(s.f1 for s in scores) / len(scores)
    assert mean >= MIN_MEAN_F1, f"mean F1 {mean:.4f}"


def test_no_sample_is_badly_wrong(scores):
    bad = [f"{s.name} f1={s.f1:.3f}" for s in scores if s.f1 < MIN_SAMPLE_F1]
    assert not bad, bad


def test_flags_and_metadata_match_the_expectations(scores):
    failures = [f"{s.name}: {e}" for s in scores for e in s.expectation_errors]
    assert not failures, "\n".join(failures)


def test_the_cli_writes_the_same_clean_documents(tmp_path):
    """The CLI path (sources -> clean_all -> store) on the raw files, scored from its manifest."""
    import json
    import shutil
    import subprocess
    import sys

    from corpus_score import CORPUS, ROOT, samples, score

    raw_dir, out = tmp_path / "raw", tmp_path / "out"
    raw_dir.mkdir()
    for _, raw in samples():
        shutil.copy(raw, raw_dir / raw.name)
    run = subprocess.run([sys.executable, "-m", "cleaners", "clean", str(raw_dir), "--out", str(out), "--no-dedup"],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    written = {}
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        written.setdefault(record["id"], out / record["path"])
    clean = 0
    for name, _ in samples():
        assert name in written, f"{name}: not written by the CLI ({run.stderr[-500:]})"
        p, r, _ = score(written[name].read_text(encoding="utf-8"),
                        (CORPUS / f"{name}.expected.txt").read_text(encoding="utf-8"))
        clean += p >= CLEAN_AT and r >= CLEAN_AT
    assert clean / len(samples()) >= MIN_CLEAN_SHARE
