from __future__ import annotations

import json
import math
import random

import krippendorff
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.core.agreement import (
    NO_LABEL,
    Marked,
    agreement_report,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    span_scores,
    token_labels,
    tokenize,
)


def test_cohen_kappa_matches_sklearn_on_random_data():
    rng = random.Random(9)
    for _ in range(200):
        n = rng.randint(2, 60)
        k = rng.randint(2, 5)
        a = [rng.randrange(k) for _ in range(n)]
        b = [x if rng.random() < 0.5 else rng.randrange(k) for x in a]
        ours = cohen_kappa(a, b)
        theirs = cohen_kappa_score(a, b)
        if math.isnan(theirs):
            assert ours is None
        else:
            assert ours == pytest.approx(theirs, abs=1e-9)


def test_cohen_kappa_degenerate_and_invalid():
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["x"] * 5, ["x"] * 5) is None  # one category: chance explains all
    assert cohen_kappa(["x", "y"], ["x", "y"]) == 1.0
    assert cohen_kappa(["x", "y"], ["y", "x"]) == -1.0
    with pytest.raises(ValueError, match="equal lengths"):
        cohen_kappa([1], [1, 2])


def test_fleiss_kappa_wikipedia_example():
    # Fleiss (1971) as tabulated on Wikipedia: 10 subjects, 14 raters, 5 categories.
    table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    ratings = [[c for c, n in enumerate(row) for _ in range(n)] for row in table]
    assert fleiss_kappa(ratings) == pytest.approx(0.20993, abs=5e-5)


def test_fleiss_kappa_two_raters_agrees_with_scotts_pi_and_edges():
    assert fleiss_kappa([]) is None
    assert fleiss_kappa([["a", "a"], ["a", "a"]]) is None
    assert fleiss_kappa([["a", "a"], ["b", "b"]]) == 1.0
    with pytest.raises(ValueError, match="item 1 has 3 ratings"):
        fleiss_kappa([["a", "b"], ["a", "b", "c"]])
    with pytest.raises(ValueError, match="at least two raters"):
        fleiss_kappa([["a"]])


def test_fleiss_and_krippendorff_on_complete_data_differ_by_sample_correction():
    # Complete data, N items, m raters: alpha = kappa + (1 - kappa)/(Nm), the small-sample
    # correction of expected disagreement.
    rows = [["a", "a", "b"], ["b", "b", "b"], ["c", "a", "c"], ["a", "a", "a"]]
    kappa = fleiss_kappa(rows)
    nm = len(rows) * 3
    assert krippendorff_alpha_nominal(rows) == pytest.approx(kappa + (1 - kappa) / nm)


def test_krippendorff_worked_example():
    # "Computing Krippendorff's Alpha-Reliability" (2011), C.: nominal data, 4 coders,
    # 12 units, missing values; nominal alpha = 0.743.
    n = None
    coders = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    units = list(zip(*coders, strict=True))
    assert round(krippendorff_alpha_nominal(units), 3) == 0.743


def test_krippendorff_matches_package_on_random_data():
    rng = random.Random(2)
    for _ in range(150):
        coders = rng.randint(2, 5)
        n_units = rng.randint(2, 40)
        k = rng.randint(2, 4)
        data = [
            [rng.randrange(k) if rng.random() > 0.3 else None for _ in range(n_units)]
            for _ in range(coders)
        ]
        units = list(zip(*data, strict=True))
        values = {v for u in units if sum(x is not None for x in u) >= 2 for v in u}
        values.discard(None)
        if len(values) < 2:
            assert krippendorff_alpha_nominal(units) is None
            continue
        matrix = [[math.nan if v is None else v for v in row] for row in data]
        theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
        assert krippendorff_alpha_nominal(units) == pytest.approx(theirs, abs=1e-9)


def test_krippendorff_degenerate():
    assert krippendorff_alpha_nominal([]) is None
    assert krippendorff_alpha_nominal([["a", None], [None, "b"]]) is None  # nothing pairable
    assert krippendorff_alpha_nominal([["a", "a"], ["a", "a"]]) is None


def test_span_scores_exact():
    gold = [("d", 0, 5), ("d", 10, 15), ("d", 10, 15)]
    other = [("d", 0, 5), ("d", 10, 14), ("d", 10, 15), ("e", 0, 5)]
    s = span_scores(gold, other, overlap=False)
    assert (s.matched, s.reference, s.predicted) == (2, 3, 4)
    assert s.precision == 0.5
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(4 / 7)


def test_span_scores_overlap_is_one_to_one_and_maximal():
    # Greedy would pair gold 0-10 with 5-6 and strand 8-12; the maximum matching pairs
    # both gold spans.
    gold = [("d", 0, 10), ("d", 9, 20)]
    other = [("d", 5, 12), ("d", 0, 3)]
    s = span_scores(gold, other, overlap=True)
    assert s.matched == 2
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    # One long predicted span covering two gold spans counts once.
    s = span_scores([("d", 0, 3), ("d", 5, 8)], [("d", 0, 8)], overlap=True)
    assert (s.matched, s.precision, s.recall) == (1, 1.0, 0.5)
    # Touching spans do not overlap.
    assert span_scores([("d", 0, 3)], [("d", 3, 6)], overlap=True).matched == 0


def test_span_scores_iou_threshold_needs_half_the_union_shared():
    gold = [("d", 0, 10)]
    assert span_scores(gold, [("d", 5, 10)], overlap=True, min_iou=0.5).matched == 1  # 5/10
    assert span_scores(gold, [("d", 6, 10)], overlap=True, min_iou=0.5).matched == 0  # 4/10
    assert span_scores(gold, [("d", 5, 15)], overlap=True, min_iou=0.5).matched == 0  # 5/15
    assert span_scores(gold, [("d", 6, 10)], overlap=True).matched == 1  # any overlap
    # The threshold changes which pairs may match, and the matching stays maximal.
    gold = [("d", 0, 10), ("d", 10, 12)]
    other = [("d", 8, 12), ("d", 0, 9)]
    assert span_scores(gold, other, overlap=True, min_iou=0.5).matched == 2


def test_span_scores_undefined():
    s = span_scores([], [], overlap=True)
    assert (s.precision, s.recall, s.f1) == (None, None, None)
    s = span_scores([("d", 0, 1)], [], overlap=False)
    assert (s.precision, s.recall, s.f1) == (None, 0.0, 0.0)


def test_tokenize_words_and_punctuation_in_code_points():
    text = "Ça coûte 3,5 €!  😀x"
    spans = tokenize(text)
    assert [text[s:e] for s, e in spans] == ["Ça", "coûte", "3", ",", "5", "€", "!", "😀", "x"]


def test_token_labels_shortest_cover_wins_and_partial_overlap_counts():
    text = "alpha beta gamma"
    tokens = tokenize(text)
    spans = [("claim", 0, 16), ("stat", 6, 10), ("note", 12, 13)]
    assert token_labels(tokens, spans) == ["claim", "stat", "note"]
    assert token_labels(tokens, [("x", 3, 4)]) == ["x", NO_LABEL, NO_LABEL]


def report_fixture():
    docs = [("d1", "The cat sat on the mat ."), ("d2", "Dogs bark loudly"), ("d3", "Only one")]
    marks = [
        Marked("ann", "d1", "claim", 0, 7),
        Marked("ann", "d1", "stat", 19, 22),
        Marked("bob", "d1", "claim", 0, 11),
        Marked("bob", "d1", "stat", 19, 22),
        Marked("ann", "d2", "claim", 0, 4),
        Marked("bob", "d2", "stat", 5, 9),
        Marked("cy", "d1", "claim", 0, 7),
        Marked("cy", "d3", "claim", 0, 4),
    ]
    return docs, marks


def test_report_pairwise_counts_only_documents_both_annotated():
    docs, marks = report_fixture()
    report = agreement_report(docs, marks)
    assert report.annotators == ("ann", "bob", "cy")
    assert report.labels == ("claim", "stat")

    ann_bob = report.get("cohen_kappa", None, ("ann", "bob"))
    assert (ann_bob.documents, ann_bob.tokens) == (2, 10)
    tok = tokenize
    ann = ["claim", "claim", NO_LABEL, NO_LABEL, NO_LABEL, "stat", NO_LABEL]
    ann += ["claim", NO_LABEL, NO_LABEL]
    bob = ["claim", "claim", "claim", NO_LABEL, NO_LABEL, "stat", NO_LABEL]
    bob += [NO_LABEL, "stat", NO_LABEL]
    assert len(tok(docs[0][1]) + tok(docs[1][1])) == 10
    assert ann_bob.value == pytest.approx(cohen_kappa_score(ann, bob), abs=1e-12)

    # ann and cy share only d1; cy's d3 is not theirs to compare.
    assert report.get("cohen_kappa", None, ("ann", "cy")).documents == 1
    assert report.get("span_f1_exact", None, ("ann", "cy")).value == pytest.approx(2 / 3)

    per_label = report.get("cohen_kappa", "claim", ("ann", "bob"))
    a = [c == "claim" for c in ann]
    b = [c == "claim" for c in bob]
    assert per_label.value == pytest.approx(cohen_kappa_score(a, b), abs=1e-12)

    exact = report.get("span_precision_exact", None, ("ann", "bob"))
    overlap = report.get("span_precision_overlap", None, ("ann", "bob"))
    assert exact.value == pytest.approx(1 / 3)  # bob's stat in d1 only
    assert overlap.value == pytest.approx(2 / 3)  # plus bob's longer claim in d1
    assert report.get("span_recall_overlap", "stat", ("ann", "bob")).value == 1.0
    # Labels must agree for a span to match: ann's d2 claim vs bob's d2 stat.
    assert report.get("span_recall_overlap", None, ("ann", "bob")).value == pytest.approx(2 / 3)


def test_report_group_measures_match_references():
    docs, marks = report_fixture()
    report = agreement_report(docs, marks)
    fleiss = report.get("fleiss_kappa", None, ("ann", "bob", "cy"))
    assert fleiss.documents == 1  # only d1 was annotated by all three
    alpha = report.get("krippendorff_alpha_nominal", None, ("ann", "bob", "cy"))
    assert alpha.documents == 3
    codes = {NO_LABEL: 0, "claim": 1, "stat": 2}
    rows = {
        "ann": ["claim", "claim", 0, 0, 0, "stat", 0, "claim", 0, 0, None, None],
        "bob": ["claim", "claim", "claim", 0, 0, "stat", 0, 0, "stat", 0, None, None],
        "cy": ["claim", "claim", 0, 0, 0, 0, 0, None, None, None, "claim", 0],
    }
    matrix = [
        [math.nan if v is None else codes[NO_LABEL if v == 0 else v] for v in rows[c]]
        for c in ("ann", "bob", "cy")
    ]
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert alpha.value == pytest.approx(expected, abs=1e-12)


def test_report_annotated_override_and_json():
    docs, marks = report_fixture()
    # cy looked at d2 and found nothing: d2 now counts for ann–cy as all "no label".
    report = agreement_report(docs, marks, annotated={"ann": ["d1", "d2"], "cy": ["d1", "d2"]})
    assert report.annotators == ("ann", "cy")
    assert report.get("cohen_kappa", None, ("ann", "cy")).documents == 2
    data = json.loads(json.dumps(report.as_json()))
    assert "no label" in data["units"] and "token" in data["units"]
    names = {m["measure"] for m in data["measures"]}
    assert names >= {"cohen_kappa", "fleiss_kappa", "krippendorff_alpha_nominal"}
    assert {"span_f1_exact", "span_f1_overlap", "span_precision_exact"} <= names
    overall = [m for m in data["measures"] if m["label"] is None]
    assert overall and all(m["annotators"] == ["ann", "cy"] for m in overall)
    assert {m["label"] for m in data["measures"]} == {None, "claim", "stat"}


def test_report_rejects_bad_annotations():
    docs, _ = report_fixture()
    with pytest.raises(ValueError, match="unknown document nope"):
        agreement_report(docs, [Marked("ann", "nope", "claim", 0, 1)])
    with pytest.raises(ValueError, match="d3 has offsets 0–99 outside"):
        agreement_report(docs, [Marked("ann", "d3", "claim", 0, 99)])
