"""``make eval``: the suggestion rules measured on the gold sets; the targets on the held-out
test split guard the rules' quality (statistic F1 ≥ 0.90, refusal ≥ 0.85, claim ≥ 0.70)."""

from __future__ import annotations

import json

import pytest

from annotator.core.suggest import load_rules
from eval.suggest_eval import GOLD, TARGETS, evaluate_split, main


@pytest.fixture(scope="module")
def rules():
    return load_rules()


# Held-out measurements are in eval/RESULTS.md. test2 was written after the rules; its
# statistic F1 was 0.89 at the first look (a strict xfail here). The statistic rules were
# then generalised from the guidelines and sentences of our own (tests/core/
# test_suggest_statistics.py), without reading test or test2, and the mark went.
@pytest.mark.parametrize(
    ("split", "label"),
    [(split, label) for split in ("dev", "test", "test2") for label in TARGETS],
)
def test_the_rules_meet_the_f1_targets(rules, split, label):
    result = evaluate_split(GOLD / f"{split}.json", rules, split)
    assert result.documents == 7
    scores = result.overlap[label]
    assert scores.reference > 30
    assert scores.f1 is not None and scores.f1 >= TARGETS[label], scores


def test_the_report_prints_every_split_and_json(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert out.count("(7 documents)") == 3
    for label in ("claim", "refusal", "statistic", "micro"):
        assert label in out
    assert main(["--json", "--split", "test"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["splits"]) == {"test"}
    stat = report["splits"]["test"]["overlap"]["statistic"]
    assert stat["reference"] == 84 and 0 <= stat["f1"] <= 1


def test_missing_gold_or_bad_rules_are_errors_not_tracebacks(tmp_path, capsys):
    assert main(["--gold", str(tmp_path)]) == 1
    assert "dev.json" in capsys.readouterr().err
    (tmp_path / "bad.toml").write_text("label = 1\n", encoding="utf-8")
    assert main(["--rules", str(tmp_path)]) == 1
    assert "bad.toml" in capsys.readouterr().err


def test_real_text_is_reported_first_with_issue_20s_targets(capsys):
    assert main(["--split", "real-dev", "--split", "real-test"]) == 0
    out = capsys.readouterr().out
    dev, test = (len(list((GOLD / "docs" / s).glob("*.txt"))) for s in ("real-dev", "real-test"))
    assert out.index(f"real-dev ({dev} documents)") < out.index(f"real-test ({test} documents)")
    assert "IoU ≥ 0.5" in out and out.count("targets: refusal f1 ≥ 0.80") == 2
    assert main(["--json", "--split", "real-test"]) == 0
    report = json.loads(capsys.readouterr().out)["splits"]["real-test"]
    assert {"overlap", "iou", "exact", "targets"} <= set(report)
    assert report["iou"]["micro"]["matched"] <= report["overlap"]["micro"]["matched"]


# Floors a little under what eval/RESULTS.md logs for the shipped rules (look 8): a change
# to the rules that loses ground on real text fails here. Not targets: see RESULTS.md.
@pytest.mark.parametrize(
    ("split", "label", "floor"),
    [
        ("real-test", "claim", 0.66),
        ("real-test", "refusal", 0.60),
        ("real-test", "statistic", 0.87),
        ("real-dev", "refusal", 0.74),
        ("real-dev", "claim", 0.70),
    ],
)
def test_real_text_does_not_lose_ground(rules, split, label, floor):
    result = evaluate_split(GOLD / f"{split}.json", rules, split)
    assert result.overlap[label].f1 >= floor, result.overlap[label]
