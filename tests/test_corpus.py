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
