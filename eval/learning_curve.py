"""The learning curve of suggestions (``make eval-learning``): how much phrases tagged by
hand add to the rules, as a researcher tags more documents.

    python eval/learning_curve.py [--gold FILE] [--group-by name|author|title-prefix|document]
                                  [--max-k K] [--json]

The gold set's documents are grouped by source (``name``, the default: files named
``SLUG-N``, N the order within the source, as ``eval/gold/make_gold.py`` writes the real
splits; ``author``: the publisher; ``title-prefix``: the title up to its first colon;
``document``: each its own source). For k = 0, 1, …, the first k documents of each source
(never its last) are tagged by hand: their gold annotations become hand tags, learned as
phrases (:mod:`annotator.core.suggest.learned`, over the whole corpus, as the app does).
The suggestions on the documents not tagged are then scored with and without learning,
on the remaining documents of each source and on a fixed set (the last document of each
source, so that points are comparable), by overlap, one to one, per label and micro
(:func:`annotator.core.agreement.span_scores`, as ``make eval``). Always exits 0 when the
set can be read: it is a report.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # this checkout's annotator, not an installed one

from annotator.core.agreement import SpanScores, span_scores  # noqa: E402
from annotator.core.model import SetDocument  # noqa: E402
from annotator.core.set_errors import SetFormatError  # noqa: E402
from annotator.core.suggest import RuleSet, load_rules, suggest  # noqa: E402
from annotator.core.suggest.learned import Tagged, combine, compile_phrases, learned  # noqa: E402
from annotator.core.suggest.rules import RuleError  # noqa: E402
from annotator.formats.annotation_set import parse_annotation_set  # noqa: E402

GOLD = HERE / "gold" / "real-test.json"
GROUPINGS = ("name", "author", "title-prefix", "document")
_NUMBERED = re.compile(r"^(?P<slug>.+)-(?P<n>\d+)(?:\.[A-Za-z0-9]+)?$")
Spans = list[tuple[tuple[str, str], int, int]]  # ((document id, label), start, end)


def sources(documents: Sequence[SetDocument], group_by: str) -> list[list[SetDocument]]:
    """The documents grouped by source, each group in its order (N of ``SLUG-N`` where
    the file is so named, else the set's order); groups in order of first appearance."""
    groups: dict[str, list[tuple[int, int, SetDocument]]] = {}
    for i, doc in enumerate(documents):
        numbered = _NUMBERED.match(doc.original_name or "")
        order = int(numbered["n"]) if numbered else 0
        if group_by == "name" and numbered:
            key = "name:" + numbered["slug"]
        elif group_by == "author" and doc.author:
            key = "author:" + doc.author
        elif group_by == "title-prefix":
            key = "title:" + doc.title.split(":", 1)[0].strip().lower()
        else:
            key = f"document:{i}"
        groups.setdefault(key, []).append((order, i, doc))
    return [[doc for _o, _i, doc in sorted(group)] for group in groups.values()]


def gold_spans(doc: SetDocument) -> Spans:
    return [
        ((doc.id, a.label), a.start, a.end)
        for a in doc.annotations
        if a.annotator in ("gold", "", None)
    ]


@dataclass(frozen=True)
class Scored:
    """Scores on a set of documents, rules only and with learning, per label and micro."""

    documents: int
    rules: dict[str, SpanScores]
    learning: dict[str, SpanScores]


@dataclass(frozen=True)
class Point:
    k: int
    tagged: int  # documents tagged by hand
    spans: int  # gold spans of those documents, the hand tags learned from
    remaining: Scored
    fixed: Scored


def score(
    docs: Sequence[SetDocument],
    rules: RuleSet,
    tagged: Sequence[Tagged],
    labels: Sequence[str],
) -> Scored:
    """The suggestions on ``docs`` scored against their gold, without and with the
    phrases ``tagged`` learned."""
    phrases = compile_phrases(tagged)
    gold: Spans = []
    plain: Spans = []
    taught: Spans = []
    for doc in docs:
        text = doc.text or ""
        gold += gold_spans(doc)
        found = suggest(text, rules)
        plain += [((doc.id, s.label), s.start, s.end) for s in found]
        both = combine(found, learned(text, phrases))
        taught += [((doc.id, s.label), s.start, s.end) for s in both]

    def by_label(found: Spans) -> dict[str, SpanScores]:
        out = {
            label: span_scores(
                [g for g in gold if g[0][1] == label],
                [f for f in found if f[0][1] == label],
                overlap=True,
            )
            for label in labels
        }
        out["micro"] = span_scores(gold, found, overlap=True)
        return out

    return Scored(len(docs), by_label(plain), by_label(taught))


def curve(
    documents: Sequence[SetDocument], rules: RuleSet, group_by: str, max_k: int | None = None
) -> list[Point]:
    """One point per k (see the module's docstring), k = 0 up to the largest source's
    size less one (or ``max_k``)."""
    groups = sources(documents, group_by)
    labels = sorted(set(rules.labels) | {a.label for d in documents for a in d.annotations})
    top = max((len(g) for g in groups), default=1) - 1
    if max_k is not None:
        top = min(top, max_k)
    fixed = [g[-1] for g in groups]
    points = []
    for k in range(top + 1):
        tagged_docs = [doc for g in groups for doc in g[: min(k, len(g) - 1)]]
        remaining = [doc for g in groups for doc in g[min(k, len(g) - 1) :]]
        tagged = [
            Tagged(a.label, (doc.text or "")[a.start : a.end], doc.title)
            for doc in tagged_docs
            for a in doc.annotations
            if a.annotator in ("gold", "", None)
        ]
        points.append(
            Point(
                k,
                len(tagged_docs),
                len(tagged),
                score(remaining, rules, tagged, labels),
                score(fixed, rules, tagged, labels),
            )
        )
    return points


def _scores(s: SpanScores) -> dict[str, Any]:
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in s._asdict().items()}


def as_json(points: Sequence[Point], gold: Path, group_by: str, groups: int) -> dict[str, Any]:
    def scored(s: Scored) -> dict[str, Any]:
        return {
            "documents": s.documents,
            "rules": {label: _scores(v) for label, v in s.rules.items()},
            "learning": {label: _scores(v) for label, v in s.learning.items()},
        }

    return {
        "gold": str(gold),
        "group_by": group_by,
        "sources": groups,
        "matching": "overlap, one to one (annotator.core.agreement.span_scores)",
        "points": [
            {
                "k": p.k,
                "tagged_documents": p.tagged,
                "tagged_spans": p.spans,
                "remaining": scored(p.remaining),
                "fixed": scored(p.fixed),
            }
            for p in points
        ],
    }


def table(points: Sequence[Point]) -> str:
    def f(v: float | None) -> str:
        return "   -" if v is None else f"{v:.2f}"

    lines = []
    for p in points:
        lines.append(
            f"k={p.k}: {p.tagged} document(s) tagged by hand ({p.spans} span(s)); scored on "
            f"{p.remaining.documents} remaining, {p.fixed.documents} fixed (last of each source)"
        )
        lines.append(
            f"  {'':<10} {'remaining: rules':>16} {'+ learning':>16}   "
            f"{'fixed: rules':>16} {'+ learning':>16}"
        )
        heads = f" {'P    R    F1':>16}" * 2
        lines.append(f"  {'label':<10}{heads}  {heads}")
        for label in p.remaining.rules:
            cells = [
                f"{f(s.precision)} {f(s.recall)} {f(s.f1)}"
                for s in (
                    p.remaining.rules[label],
                    p.remaining.learning[label],
                )
            ]
            fixed = [
                f"{f(s.precision)} {f(s.recall)} {f(s.f1)}"
                for s in (p.fixed.rules[label], p.fixed.learning[label])
            ]
            lines.append(
                f"  {label:<10} {cells[0]:>16} {cells[1]:>16}   {fixed[0]:>16} {fixed[1]:>16}"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python eval/learning_curve.py",
        description="Suggestions scored with and without phrases learned from the first k "
        "documents of each source tagged by hand (their gold annotations).",
    )
    parser.add_argument("--gold", type=Path, default=GOLD, help="an annotation set (gold)")
    parser.add_argument("--group-by", choices=GROUPINGS, default="name")
    parser.add_argument("--max-k", type=int, metavar="K", help="stop at k = K")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    ns = parser.parse_args(argv)
    try:
        rules = load_rules()
        aset = parse_annotation_set(ns.gold.read_bytes(), file=str(ns.gold))
    except (OSError, RuleError, SetFormatError) as exc:
        where = "" if str(ns.gold) in str(exc) else f"{ns.gold}: "
        print(f"error: {where}{exc}", file=sys.stderr)
        return 1
    documents = list(aset.documents)
    points = curve(documents, rules, ns.group_by, ns.max_k)
    groups = len(sources(documents, ns.group_by))
    if ns.json:
        print(json.dumps(as_json(points, ns.gold, ns.group_by, groups), indent=2))
        return 0
    print(
        f"{ns.gold}: {len(documents)} documents from {groups} source(s) (grouped by "
        f"{ns.group_by}); overlap matching, one to one"
    )
    print()
    print(table(points))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
