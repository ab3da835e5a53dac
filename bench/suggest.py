"""Suggestion speed (issue 10, point 5): all rules on a ~1 MB news-like text.

    make bench-suggest        (python bench/suggest.py [--size BYTES] [--runs N])

The text is the seed article and the dev gold articles repeated to about 1 MB. Prints
the median of 5 runs (target: under 1 s) and the number of suggestions; then the median
time of ``pending`` (what the window works out after every change) for those suggestions
against 10,000 annotations. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from annotator.core.model import Annotation  # noqa: E402
from annotator.core.suggest import load_rules, pending, suggest  # noqa: E402

TARGET_S = 1.0
MOMENT = datetime(2026, 1, 1, tzinfo=UTC)


def corpus(size: int) -> str:
    """News-like text of about ``size`` UTF-8 bytes, made of the shipped articles."""
    root = HERE.parent
    pieces = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    dev = root / "eval" / "gold" / "dev.json"
    if dev.exists():
        pieces += [d["text"] for d in json.loads(dev.read_text(encoding="utf-8"))["documents"]]
    chunk = "\n\n".join(pieces) + "\n\n"
    per = len(chunk.encode("utf-8"))
    return chunk * max(1, round(size / per))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of text")
    parser.add_argument("--runs", type=int, default=5)
    ns = parser.parse_args()
    rules = load_rules()
    text = corpus(ns.size)
    times = []
    found = []
    for _ in range(ns.runs):
        start = time.perf_counter()
        found = suggest(text, rules)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    size_mb = len(text.encode("utf-8")) / 1e6
    per_label = {label: sum(s.label == label for s in found) for label in rules.labels}
    print(f"suggest on {size_mb:.2f} MB ({len(text):,} code points), {ns.runs} runs")
    print(
        f"median {median * 1000:.0f} ms (min {min(times) * 1000:.0f}, max "
        f"{max(times) * 1000:.0f}); target < {TARGET_S * 1000:.0f} ms: "
        f"{'ok' if median < TARGET_S else 'MISSED'}"
    )
    print("suggestions: " + ", ".join(f"{k} {v:,}" for k, v in per_label.items()))
    annotations = book_annotations(len(text), list(rules.labels))
    times = []
    for _ in range(ns.runs):
        start = time.perf_counter()
        pending(found, annotations)
        times.append(time.perf_counter() - start)
    print(
        f"pending: {len(found):,} suggestions against {len(annotations):,} annotations, "
        f"median {statistics.median(times) * 1000:.1f} ms"
    )
    return 0


def book_annotations(length: int, labels: list[str], count: int = 10_000) -> list[Annotation]:
    """``count`` random annotations of 1 to 200 code points over a text of ``length``."""
    rng = random.Random(7)
    made = []
    for i in range(count):
        start = rng.randrange(length - 200)
        made.append(
            Annotation(
                id=str(i),
                document_id="d",
                label=rng.choice(labels),
                start=start,
                end=start + rng.randrange(1, 200),
                note=None,
                annotator="bench",
                created_at=MOMENT,
                updated_at=MOMENT,
            )
        )
    return made


if __name__ == "__main__":
    raise SystemExit(main())
