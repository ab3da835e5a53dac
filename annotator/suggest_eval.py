"""Measuring the suggestion rules against the gold sets (``make eval``).

    python -m annotator.suggest_eval [--gold DIR] [--rules DIR]... [--json] [--errors]

Runs :func:`annotator.core.suggest.suggest` on every document of ``eval/gold/dev.json``
and ``eval/gold/test.json`` (annotation sets whose annotator is ``gold``) and scores the
suggestions per label with :func:`annotator.core.agreement.span_scores`: overlap matching
(a suggestion matches a gold span of the same label in the same document that it
overlaps, one to one) and, for reference, exact matching. Prints a table per split with
micro totals, or JSON. Always exits 0 when the sets can be read: it is a report.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.agreement import SpanScores, span_scores
from annotator.core.suggest import RuleSet, load_rules, suggest
from annotator.core.suggest.rules import RuleError
from annotator.formats.annotation_set import parse_annotation_set
from annotator.formats.errors import SetFormatError

GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold"
SPLITS = ("dev", "test")
TARGETS = {"statistic": 0.90, "refusal": 0.85, "claim": 0.70}


@dataclass(frozen=True)
class SplitResult:
    """Scores of one split: per label and over all labels (micro), overlap and exact."""

    split: str
    documents: int
    overlap: dict[str, SpanScores]
    exact: dict[str, SpanScores]
    # (document title, label, start, end, text, kind) where kind is "missed" or "extra"
    errors: tuple[tuple[str, str, int, int, str, str], ...] = ()


def evaluate_split(path: Path, rules: RuleSet, split: str | None = None) -> SplitResult:
    """Score the rules on the annotation set at ``path`` (its ``gold`` annotations)."""
    aset = parse_annotation_set(path.read_bytes(), file=str(path))
    labels = sorted(set(rules.labels) | {a.label for d in aset.documents for a in d.annotations})
    gold: list[tuple[tuple[str, str], int, int]] = []
    found: list[tuple[tuple[str, str], int, int]] = []
    errors: list[tuple[str, str, int, int, str, str]] = []
    for doc in aset.documents:
        text = doc.text or ""
        doc_gold = [
            ((doc.id, a.label), a.start, a.end)
            for a in doc.annotations
            if a.annotator == "gold" or not a.annotator
        ]
        doc_found = [((doc.id, s.label), s.start, s.end) for s in suggest(text, rules)]
        gold += doc_gold
        found += doc_found
        for kind, mine, other in (("missed", doc_gold, doc_found), ("extra", doc_found, doc_gold)):
            for key, start, end in mine:
                if not any(k == key and s < end and start < e for k, s, e in other):
                    errors.append((doc.title, key[1], start, end, text[start:end], kind))
    overlap: dict[str, SpanScores] = {}
    exact: dict[str, SpanScores] = {}
    for label in labels:
        g = [x for x in gold if x[0][1] == label]
        f = [x for x in found if x[0][1] == label]
        overlap[label] = span_scores(g, f, overlap=True)
        exact[label] = span_scores(g, f)
    overlap["micro"] = span_scores(gold, found, overlap=True)
    exact["micro"] = span_scores(gold, found)
    return SplitResult(
        split or path.stem, len(aset.documents), overlap, exact, tuple(sorted(errors))
    )


def as_json(results: Sequence[SplitResult]) -> dict[str, Any]:
    def scores(s: SpanScores) -> dict[str, Any]:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s._asdict().items()}

    return {
        "matching": "overlap, one to one (annotator.core.agreement.span_scores)",
        "targets_f1": TARGETS,
        "splits": {
            r.split: {
                "documents": r.documents,
                "overlap": {label: scores(s) for label, s in r.overlap.items()},
                "exact": {label: scores(s) for label, s in r.exact.items()},
            }
            for r in results
        },
    }


def table(result: SplitResult) -> str:
    def pct(v: float | None) -> str:
        return "   -" if v is None else f"{v:.2f}"

    lines = [
        f"{result.split} ({result.documents} documents)",
        f"{'label':<10} {'gold':>5} {'found':>5} {'match':>5}  {'P':>4} {'R':>4} {'F1':>4}"
        f"  {'target':>6}  {'exact F1':>8}",
    ]
    for label, s in result.overlap.items():
        target = TARGETS.get(label)
        mark = (
            "" if target is None else f"{target:.2f} " + ("ok" if (s.f1 or 0) >= target else "--")
        )
        lines.append(
            f"{label:<10} {s.reference:>5} {s.predicted:>5} {s.matched:>5}  {pct(s.precision)} "
            f"{pct(s.recall)} {pct(s.f1)}  {mark:>7}  {pct(result.exact[label].f1):>8}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m annotator.suggest_eval",
        description="Precision, recall and F1 of the suggestion rules on the gold sets.",
    )
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of dev.json, test.json")
    parser.add_argument("--split", action="append", choices=SPLITS, help="default: both")
    parser.add_argument("--rules", type=Path, action="append", default=[], help="extra rules")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--errors", action="store_true", help="list missed and extra spans")
    ns = parser.parse_args(argv)
    try:
        rules = load_rules(ns.rules)
    except RuleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    results = []
    for split in ns.split or SPLITS:
        path = ns.gold / f"{split}.json"
        try:
            results.append(evaluate_split(path, rules, split))
        except (OSError, SetFormatError) as exc:
            print(f"error: {path}: {exc}", file=sys.stderr)
            return 1
    if ns.json:
        print(json.dumps(as_json(results), indent=2))
        return 0
    print("Overlap matching, one to one; F1 targets: statistic 0.90, refusal 0.85, claim 0.70")
    for r in results:
        print()
        print(table(r))
        if ns.errors:
            for title, label, start, _end, text, kind in r.errors:
                print(f"  {kind:<6} {label:<9} {title[:24]:<24} {start:>5} {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
