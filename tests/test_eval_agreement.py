"""The agreement study (``make eval-agreement``): real-dev texts annotated a second time,
blind, scored against the gold, and the suggestions against both."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def agreement():
    spec = importlib.util.spec_from_file_location(
        "agreement", ROOT / "eval" / "gold" / "agreement.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["agreement"] = module
    spec.loader.exec_module(module)
    return module


def test_the_second_annotation_covers_sixteen_texts_of_eight_or_more_sources(agreement):
    names = sorted(p.stem for p in agreement.SECOND.glob("*.ann"))
    assert len(names) >= 16
    assert len({n.rsplit("-", 1)[0] for n in names}) >= 8
    assert all((agreement.DOCS / f"{n}.txt").is_file() for n in names)


def test_the_report_scores_both_annotators_and_the_suggestions(agreement, capsys):
    assert agreement.main([]) == 0
    out = capsys.readouterr().out
    assert "16 documents annotated twice" in out
    for line in ("second annotator vs gold", "suggestions vs gold", "suggestions vs second"):
        assert line in out
    spans, problems, documents = agreement.read_annotations()
    assert problems == [] and documents == 16
    result = agreement.scores(spans)
    human = result["second annotator vs gold"]["overlap"]
    # The two annotators agree more than the suggestions agree with either.
    for label in ("claim", "refusal", "micro"):
        machine = result["suggestions vs gold"]["overlap"][label].f1
        assert human[label].f1 is not None and machine is not None
        assert human[label].f1 > machine


def test_a_quote_not_in_the_text_is_named_and_fails(agreement, tmp_path, capsys):
    (tmp_path / "voa-8.ann").write_text("refusal | words that are not there\n", encoding="utf-8")
    assert agreement.main(["--second", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "voa-8.ann:1" in err and "quote not found" in err
