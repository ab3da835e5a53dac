"""How far two annotators agree on real text, and the suggestions against each
(``make eval-agreement``).

    python eval/gold/agreement.py [--second DIR] [--json]

``second/real-dev/NAME.ann`` is a second annotation of ``docs/real-dev/NAME.txt``, made
blind (without the first annotator's ``.ann``, without the engine) under the same
``GUIDELINES.md``. For those documents, per label and over all labels (micro), overlap and
IoU ≥ 0.5, one to one, as ``make eval`` scores (:func:`eval.suggest_eval.score`):
the second annotator scored against the gold, and the suggestions scored against each.
F1 is symmetric, so the first line is the agreement of the two annotators: the ceiling a
suggester can be measured against with this gold. Exit status 1 when a file has a
problem (a quote not in the text, …), 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # make_gold, beside this file
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's annotator

from make_gold import parse_ann  # noqa: E402

from annotator.core.agreement import SpanScores  # noqa: E402
from annotator.core.suggest import load_rules, suggest  # noqa: E402
from eval.suggest_eval import score  # noqa: E402

SECOND = HERE / "second" / "real-dev"
DOCS = HERE / "docs" / "real-dev"
LABELS = ("claim", "refusal", "statistic")
PAIRS = (
    ("second annotator vs gold", "second", "gold"),
    ("suggestions vs gold", "engine", "gold"),
    ("suggestions vs second annotator", "engine", "second"),
)

Keyed = list[tuple[tuple[str, str], int, int]]


def read_annotations(second: Path = SECOND) -> tuple[dict[str, Keyed], list[str], int]:
    """The spans of the gold, the second annotator and the suggestions on the documents
    ``second`` holds an ``.ann`` for, keyed by (document, label); the problems; the number
    of documents."""
    spans: dict[str, Keyed] = {"gold": [], "second": [], "engine": []}
    problems: list[str] = []
    rules = load_rules()
    files = sorted(second.glob("*.ann"))
    for ann in files:
        txt = DOCS / f"{ann.stem}.txt"
        if not txt.is_file():
            problems.append(f"{ann.name}: no {txt.name} in {DOCS.relative_to(HERE)}")
            continue
        text = txt.read_text(encoding="utf-8")
        for who, path in (("gold", DOCS / ann.name), ("second", ann)):
            found, trouble = parse_ann(path, text)
            problems += trouble
            spans[who] += [((ann.stem, s.label), s.start, s.end) for s in found]
        spans["engine"] += [((ann.stem, s.label), s.start, s.end) for s in suggest(text, rules)]
    return spans, problems, len(files)


def scores(spans: dict[str, Keyed]) -> dict[str, dict[str, dict[str, SpanScores]]]:
    """Per pair (as :data:`PAIRS`), per matching (overlap, iou), per label and micro,
    scored as ``make eval`` scores (:func:`eval.suggest_eval.score`)."""
    out: dict[str, dict[str, dict[str, SpanScores]]] = {}
    for name, other, reference in PAIRS:
        by = score(spans[reference], spans[other], LABELS)
        out[name] = {"overlap": by["overlap"], "iou": by["iou"]}
    return out


def table(result: dict[str, dict[str, dict[str, SpanScores]]], documents: int) -> str:
    def f1(s: SpanScores) -> str:
        return "   -" if s.f1 is None else f"{s.f1:4.2f}"

    lines = [
        f"real-dev, {documents} documents annotated twice (F1; overlap / IoU ≥ 0.5)",
        f"{'':34}" + "".join(f"{label:>13}" for label in (*LABELS, "micro")),
    ]
    for name, by in result.items():
        cells = "".join(
            f"  {f1(by['overlap'][label])} / {f1(by['iou'][label])}" for label in (*LABELS, "micro")
        )
        lines.append(f"{name:34}{cells}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--second", type=Path, default=SECOND, help="the second .ann files")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    spans, problems, documents = read_annotations(args.second)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        return 1
    result = scores(spans)
    if args.json:
        data: dict[str, Any] = {
            "documents": documents,
            "scores": {
                name: {
                    matching: {
                        label: {"precision": s.precision, "recall": s.recall, "f1": s.f1}
                        for label, s in per.items()
                    }
                    for matching, per in by.items()
                }
                for name, by in result.items()
            },
        }
        print(json.dumps(data, indent=2))
    else:
        print(table(result, documents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
