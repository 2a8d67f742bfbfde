"""Dedup keys, near-duplicate accuracy against brute force, containment and which copy wins."""
from __future__ import annotations

import json
from collections import Counter

import numpy as np
import opencc
import pytest

import dedup_corpus as corpus
from cleaners import dedup
from cleaners.dedup import shingles
from cleaners.document import CleanResult
from cleaners.store import Store

S2T = opencc.OpenCC("s2t").convert
GOLD = corpus.gold_docs()
BODY = GOLD[0][1]


def result(id, text, site="renrendoc", title="标题", partial=False, unrecovered=0):
    return CleanResult(id=id, url=f"https://{site}.example/{id}", site=site, title=title, text=text,
                       flags={"partial": partial, "unrecovered_chars": unrecovered})


def manifest(root):
    return [json.loads(line) for line in (root / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- keys

def test_script_spacing_and_punctuation_width_fold_to_one_key():
    variants = [BODY, S2T(BODY), BODY.replace("，", ",").replace("。", ". "), " ".join(BODY), BODY.replace("\n", "")]
    assert len({dedup.fingerprint(v).key for v in variants}) == 1


def test_figures_and_words_still_change_the_exact_key():
    assert dedup.fingerprint("全县新增学位3150个。").key != dedup.fingerprint("全县新增学位3160个。").key
    assert dedup.fingerprint("全县新增学位3150个。").key != dedup.fingerprint("全市新增学位3150个。").key


def test_fold_drops_whitespace_punctuation_and_symbols_and_lowercases():
    assert dedup.fold("歷史，發展 ＡＢＣ abc\t１２３！★") == "历史发展abcabc123"


def test_pinyin_annotations_do_not_change_the_shingles():
    annotated = corpus.pinyin_annotate(S2T(BODY), __import__("random").Random(1), rate=0.3)
    assert "(" in annotated
    a, b = dedup.fingerprint(BODY), dedup.fingerprint(annotated)
    assert dedup.jaccard(a.hashes, b.hashes) == 1.0


def test_latin_letters_count_in_texts_that_are_not_mostly_han():
    english = "The county education bureau built five new schools in 2023 and hired 168 teachers."
    assert dedup.fingerprint(english).content == len(dedup.fold(english))


def test_shingles_are_every_character_5gram():
    hashes = dedup.fingerprint("一二三四五六七八九十甲乙").hashes
    assert len(hashes) == 12 - 4
    assert len(set(hashes.tolist())) == 8


def test_signature_estimate_tracks_exact_jaccard():
    rng = __import__("random").Random(3)
    pool = [s for _, b in GOLD for s in corpus.sentences(b)]
    for rate in (0.05, 0.1, 0.2, 0.4):
        a, b = dedup.fingerprint(BODY), dedup.fingerprint(corpus.edit(BODY, rate, pool, rng))
        assert abs(dedup.estimate_jaccard(a.signature, b.signature) - dedup.jaccard(a.hashes, b.hashes)) < 0.12


def test_short_texts_get_no_signature_and_match_by_exact_key_only():
    fp = dedup.fingerprint("短文本")
    assert fp.signature is None and not fp.near
    assert dedup.verify(fp, fp, False, False) is None


# --------------------------------------------------------------------------- accuracy

@pytest.fixture(scope="module", params=[11, 29])
def replay(request, tmp_path_factory):
    """The structured corpus through the store, next to the brute-force oracle's verdicts."""
    docs = corpus.build(seed=request.param, mixed=20)
    root = tmp_path_factory.mktemp(f"corpus{request.param}")
    with Store(root) as store:
        outcomes = {d.id: store.add(d.result()) for d in docs}
    return docs, outcomes, corpus.brute_force(docs), root


def test_near_dup_detection_agrees_with_brute_force_exact_jaccard(replay):
    docs, outcomes, truth, _ = replay
    found = {i for i, o in outcomes.items() if o.status in ("exact_dup", "near_dup")}
    real = {i for i, (status, _) in truth.items() if status in ("exact_dup", "near_dup")}
    precision = len(found & real) / len(found)
    recall = len(found & real) / len(real)
    print(f"\n{len(docs)} docs, {len(real)} duplicates by brute force: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= 0.99 and recall >= 0.95
    assert len(real) >= 30
    agree = sum(outcomes[i].status == truth[i][0] for i in outcomes)
    assert agree / len(docs) >= 0.95


def test_kept_copies_are_the_ones_brute_force_keeps(replay):
    _, outcomes, truth, root = replay
    kept_by_store = {r["id"] for r in manifest(root)}
    kept_by_oracle = {rep for _, rep in truth.values()}
    assert len(kept_by_store ^ kept_by_oracle) <= 0.05 * len(kept_by_oracle)


def test_every_planted_copy_joins_its_base(replay):
    docs, _, _, root = replay
    cluster_of = {a["id"]: r["cluster"] for r in manifest(root) for a in r["aliases"]}
    always = ("s2t", "pinyin", "retitled", "preview", "preview_s2t_pinyin")
    for doc in docs:
        if doc.kind in always:
            assert cluster_of[doc.id] == cluster_of[doc.family], (doc.id, doc.kind)


def test_edited_copies_join_their_family_exactly_when_jaccard_to_its_kept_copy_reaches_the_threshold(replay):
    """An arriving copy is compared with the copy the store keeps for a cluster (the fullest
    one), which need not be the family's base: seed 11 has an edit at J 0.726 from its base
    whose cluster is by then kept as another edit, at J 0.598 from it."""
    docs, _, _, root = replay
    rows = manifest(root)
    cluster_of = {a["id"]: r["cluster"] for r in rows for a in r["aliases"]}
    kept_of = {a["id"]: r["id"] for r in rows for a in r["aliases"]}
    by_id = {d.id: d for d in docs}
    for doc in docs:
        if doc.kind in ("edit", "s2t_edit") and kept_of[doc.family] != doc.id:
            kept = by_id[kept_of[doc.family]]
            j = corpus.exact_jaccard(corpus.grams(doc.text), corpus.grams(kept.text))
            if j >= dedup.DEFAULT_THRESHOLD + 0.02:
                assert cluster_of[doc.id] == cluster_of[doc.family], (doc.id, j)
            elif j < dedup.DEFAULT_THRESHOLD - 0.02:
                assert cluster_of[doc.id] != cluster_of[doc.family], (doc.id, j)


def test_reports_written_from_one_template_are_not_merged(replay):
    docs, outcomes, _, root = replay
    siblings = [d for d in docs if d.kind == "sibling"]
    assert len(siblings) >= 12
    cluster_of = {a["id"]: r["cluster"] for r in manifest(root) for a in r["aliases"]}
    assert len({cluster_of[d.id] for d in siblings}) == len(siblings)
    grams = {d.id: corpus.grams(d.text) for d in siblings}
    same_template = [corpus.exact_jaccard(grams[a.id], grams[b.id]) for a in siblings for b in siblings
                     if a.id < b.id and a.id.split("_")[0] == b.id.split("_")[0]]
    assert 0.3 < max(same_template) < dedup.DEFAULT_THRESHOLD    # they do share a lot, just not enough


def test_lsh_false_positive_candidates_never_drop_a_document(tmp_path):
    """Every kept document offered as a candidate: the exact verification alone decides."""
    docs = corpus.build(seed=5, mixed=8)
    with Store(tmp_path / "lsh") as store:
        normal = {d.id: store.add(d.result()).status for d in docs}
    with Store(tmp_path / "all") as store:
        store._lsh.query_bands = lambda bands: store._all_kept()
        flooded = {d.id: store.add(d.result()).status for d in docs}
    assert flooded == normal
    assert Counter(normal.values())["kept"] >= 20


# --------------------------------------------------------------------------- containment and winners

def test_preview_after_full_copy_is_a_duplicate(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("full", BODY))
        outcome = store.add(result("preview", BODY[:900], site="docin", partial=True))
    assert outcome.status == "near_dup" and outcome.duplicate_of == "full"
    assert outcome.similarity == pytest.approx(1.0)


def test_full_copy_after_preview_replaces_it_and_keeps_its_url(tmp_path):
    with Store(tmp_path) as store:
        first = store.add(result("preview", S2T(BODY[:900]), site="docin", partial=True))
        outcome = store.add(result("full", BODY, site="bingdoc"))
    assert outcome.status == "replaced" and outcome.replaced == ("preview",)
    assert not (tmp_path / first.path).exists()
    assert (tmp_path / outcome.path).read_text(encoding="utf-8").endswith(BODY + "\n")
    [record] = manifest(tmp_path)
    assert record["id"] == "full"
    assert {a["url"] for a in record["aliases"]} == {"https://docin.example/preview", "https://bingdoc.example/full"}


def test_short_excerpt_that_is_not_a_preview_stays_a_document(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("full", BODY))
        outcome = store.add(result("excerpt", BODY[:900], site="docin", partial=False))
    assert outcome.status == "kept"


def test_longer_preview_replaces_shorter_preview(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("p1", BODY[:800], partial=True))
        outcome = store.add(result("p2", BODY[:2000], site="docin", partial=True))
    assert outcome.status == "replaced"


def test_which_copy_wins_full_then_content_then_unrecovered_then_earlier():
    full_short = dedup.CopyInfo(partial=False, content=100, unrecovered=0, seq=9)
    partial_long = dedup.CopyInfo(partial=True, content=900, unrecovered=0, seq=1)
    assert dedup.better(full_short, partial_long)
    assert dedup.better(dedup.CopyInfo(False, 200, 5, 9), dedup.CopyInfo(False, 100, 0, 1))
    assert dedup.better(dedup.CopyInfo(False, 100, 0, 9), dedup.CopyInfo(False, 100, 3, 1))
    assert dedup.better(dedup.CopyInfo(False, 100, 0, 1), dedup.CopyInfo(False, 100, 0, 2))
    assert not dedup.better(dedup.CopyInfo(False, 100, 0, 2), dedup.CopyInfo(False, 100, 0, 1))


def test_between_equal_copies_the_smaller_doc_id_wins_whichever_came_first(tmp_path):
    assert dedup.better(dedup.CopyInfo(False, 100, 0, 9, "a-1"), dedup.CopyInfo(False, 100, 0, 1, "b-1"))
    kept = []
    for order in (("b-1", "a-1"), ("a-1", "b-1")):
        with Store(tmp_path / "-".join(order)) as store:
            for doc_id in order:
                store.add(result(doc_id, BODY))
            kept.append([r["id"] for r in store.manifest_records()])
    assert kept == [["a-1"], ["a-1"]]


def test_copy_with_fewer_unrecovered_chars_replaces_the_kept_one(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("damaged", BODY, unrecovered=12))
        outcome = store.add(result("clean", S2T(BODY), site="bdocx", unrecovered=0))
        later = store.add(result("later", BODY, site="taowenge", unrecovered=0))
    assert outcome.status == "replaced" and outcome.replaced == ("damaged",)
    assert later.status == "exact_dup" and later.duplicate_of == "clean"


def test_exact_and_near_duplicates_are_counted_apart(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a", BODY))
        assert store.add(result("b", S2T(BODY), site="x")).status == "exact_dup"
        assert store.add(result("c", BODY[: int(len(BODY) * 0.9)], site="y")).status == "near_dup"
        assert store.summary() == {"kept": 1, "exact_dup": 1, "near_dup": 1, "replaced": 0, "written": 1}


def test_a_run_counts_the_look_ups_that_left_out_a_crowded_lsh_bucket(tmp_path):
    with Store(tmp_path) as store:
        store.add(result("a", BODY))
        store.add(result("b", BODY[len(BODY) // 10:], site="x"))
        assert "lookups_past_crowded_buckets" not in store.summary()     # (none at the default limit)
        store._lsh.crowded = 0              # every band key any kept document holds is crowded now
        store.add(result("c", BODY[len(BODY) // 5:], site="y"))
        assert store.summary()["lookups_past_crowded_buckets"] == 1


def test_lsh_finds_a_signature_sharing_one_band_and_forgets_removed_keys():
    sig = np.arange(dedup.NUM_PERM, dtype=np.uint32)
    other = sig + 1000
    other[: dedup.ROWS] = sig[: dedup.ROWS]           # only the first band in common
    index = dedup.LSHIndex()
    index.add(1, sig)
    assert len(dedup.band_keys(sig)) == dedup.BANDS
    assert index.query(other) == {1}
    assert index.query(sig + 5000) == set()
    index.remove(1, sig)
    assert index.query(sig) == set()


def test_lsh_index_answers_like_a_plain_band_map_through_merges_and_removals(monkeypatch):
    monkeypatch.setattr(dedup.LSHIndex, "MERGE_AT", 5 * dedup.BANDS)     # merge every 5 documents
    rng = np.random.default_rng(7)
    base = rng.integers(0, 2**32, (60, dedup.NUM_PERM), dtype=np.uint32)
    sigs = base.copy()
    sigs[30:, : dedup.NUM_PERM // 2] = base[:30, : dedup.NUM_PERM // 2]     # half their bands shared
    sigs[50:] = sigs[40:50]                                                 # identical signatures
    index, plain = dedup.LSHIndex(), {}
    index.add_many(range(10), sigs[:10])
    for key in range(10, 60):
        index.insert(key, dedup.Fingerprint(b"", 0, None, sigs[key], np.zeros(0, np.int64)).bands)
    for key in range(60):
        for band in dedup.band_keys(sigs[key]):
            plain.setdefault(band, set()).add(key)
    for key in (3, 35, 45, 52, 59):
        index.remove(key, sigs[key])
        for band in dedup.band_keys(sigs[key]):
            plain[band].discard(key)
    probes = np.concatenate([sigs, rng.integers(0, 2**32, (5, dedup.NUM_PERM), dtype=np.uint32)])
    for sig in probes:
        expected = set().union(*(plain.get(band, set()) for band in dedup.band_keys(sig)))
        assert index.query(sig) == expected


def test_batch_lookups_answer_like_single_ones_while_documents_come_and_go(monkeypatch):
    monkeypatch.setattr(dedup.LSHIndex, "MERGE_AT", 5 * dedup.BANDS)     # merge every 5 documents
    rng = np.random.default_rng(3)
    sigs = rng.integers(0, 2**32, (80, dedup.NUM_PERM), dtype=np.uint32)
    for key in range(3, 80):                        # half the bands shared with the one 3 earlier
        sigs[key, : dedup.NUM_PERM // 2] = sigs[key - 3, : dedup.NUM_PERM // 2]
    sigs[70:] = sigs[60:70]                                                 # identical signatures
    index = dedup.LSHIndex()
    index.add_many(range(10), sigs[:10])
    bands = dedup.band_key_matrix(sigs)
    for start in range(10, 80, 7):                  # batches of 7, some crossing a merge
        batch = index.batch(bands[start:start + 7])
        for row, key in enumerate(range(start, min(start + 7, 80))):
            assert batch.find(row) == index.query(sigs[key])
            index.insert(key, bands[key])
            if key % 9 == 0:
                index.remove(key - 4, sigs[key - 4])


def test_key_index_counts_the_keys_an_id_shares():
    index = dedup.KeyIndex()
    index.extend(np.array([1, 2, 3], dtype=np.uint64), np.array([7, 7, 8]))
    index.insert(9, np.array([2, 3, 4], dtype=np.uint64))
    assert sorted(index.find_all(np.array([2, 3, 5], dtype=np.uint64))) == [7, 8, 9, 9]
    index.discard(7, np.array([1, 2], dtype=np.uint64))
    assert index.find(np.array([1, 2], dtype=np.uint64)) == {9}


def test_lsh_finds_every_document_of_a_band_shared_by_more_than_a_bucket_run():
    sig = np.arange(dedup.NUM_PERM, dtype=np.uint32)
    index = dedup.LSHIndex()
    many = dedup.LSHIndex.MAX_RUN + 10
    index.add_many(range(many), np.repeat(sig[None, :], many, axis=0))
    other = sig + 1000
    other[: dedup.ROWS] = sig[: dedup.ROWS]
    assert index.query(other) == set(range(many))


def test_packed_fold_agrees_with_the_general_fold_or_leaves_the_text_to_it():
    import random
    rng = random.Random(5)
    texts = [BODY, S2T(BODY[:300]), "ＡＢＣ全角１２３，标点。", "Café naïve e\u0301 ﬁ ½", "한국어 텍스트", "𠀀𠀁 😀 教育",
             "教育(jiào yù)改革发展" * 5, "Mostly English text with 一些中文", "", "。，！"]
    texts += ["".join(chr(rng.choice((rng.randrange(0x20, 0xD800), rng.randrange(0xE000, 0x30000),
                                      rng.randrange(0x4E00, 0xA000)))) for _ in range(rng.randrange(1, 80)))
              for _ in range(300)]
    packed_path = 0
    for text in texts:
        fast, general = shingles._packed_streams(text), shingles._general_streams(text)
        if fast is not None:
            packed_path += 1
            assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(fast, general)), text
    assert packed_path >= 3


def test_fingerprint_pickles_with_its_arrays_and_cached_parts():
    import pickle
    fp = dedup.fingerprints([BODY])[0]
    fp.unique
    for original in (fp, fp.bare(), dedup.fingerprint("短")):
        copy = pickle.loads(pickle.dumps(original))
        assert copy.key == original.key and copy.content == original.content
        for name in ("hashes", "signature", "anchors", "unique", "bands"):
            mine, theirs = original.__dict__.get(name), copy.__dict__.get(name)
            assert (mine is None) == (theirs is None), name
            if mine is not None:
                assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs), name


def test_batch_fingerprints_equal_single_ones():
    texts = [BODY, S2T(BODY[:500]), "短"]
    for one, many in zip(map(dedup.fingerprint, texts), dedup.fingerprints(texts)):
        assert one.key == many.key and one.content == many.content
        assert (one.signature is None and many.signature is None) or (one.signature == many.signature).all()
        assert (one.anchors == many.anchors).all()


def test_bare_fingerprint_is_verifiable_again_from_its_text():
    import pickle
    fp = dedup.fingerprint(BODY)
    bare = pickle.loads(pickle.dumps(fp.bare()))
    assert bare.hashes is None and not bare.verifiable and (bare.bands == fp.bands).all()
    bare.reshingle(BODY)
    assert bare.verifiable and np.array_equal(bare.unique, fp.unique)
    assert dedup.verify(bare, fp, False, False) == dedup.Match("jaccard", 1.0)
