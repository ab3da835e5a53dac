"""``pending`` answers as the plain definition does (any same-label overlap, rejections),
on many random spans, and stays fast on a book's annotations."""

from __future__ import annotations

import random
import time
from typing import NamedTuple

from annotator.core.suggest import Suggestion, pending

LABELS = ("claim", "refusal", "statistic")


class Span(NamedTuple):
    label: str
    start: int
    end: int


def by_definition(suggestions, annotations, rejected):
    return [
        s
        for s in suggestions
        if s.key not in rejected
        and not any(a.label == s.label and a.start < s.end and s.start < a.end for a in annotations)
    ]


def spans(rng, n, length):
    out = []
    for _ in range(n):
        start = rng.randrange(length)
        out.append((rng.choice(LABELS), start, start + rng.randrange(1, 30)))
    return out


def test_same_answer_as_the_definition_on_random_spans():
    rng = random.Random(10)
    for _round in range(300):
        length = rng.choice((50, 200, 1000))
        annotations = [Span(*t) for t in spans(rng, rng.randrange(0, 40), length)]
        suggestions = [
            Suggestion(label, start, end, 0.5, "r", f"{label}:r")
            for label, start, end in spans(rng, rng.randrange(0, 40), length)
        ]
        rejected = {s.key for s in suggestions if rng.random() < 0.2}
        assert pending(suggestions, annotations, rejected) == by_definition(
            suggestions, annotations, rejected
        )


def test_touching_spans_do_not_overlap_and_a_long_earlier_span_does():
    s = Suggestion("claim", 10, 20, 0.5, "r", "claim:r")
    assert pending([s], [Span("claim", 0, 10), Span("claim", 20, 30)]) == [s]
    # Starts long before, ends inside: found although a later-starting span ends before.
    assert pending([s], [Span("claim", 0, 11), Span("claim", 5, 6)]) == []
    assert pending([s], [Span("statistic", 12, 14)]) == [s]


def test_ten_thousand_annotations_against_thousands_of_suggestions_is_quick():
    rng = random.Random(3)
    annotations = [Span(*t) for t in spans(rng, 10_000, 1_000_000)]
    suggestions = [
        Suggestion(label, start, end, 0.5, "r", f"{label}:r")
        for label, start, end in spans(rng, 5_000, 1_000_000)
    ]
    started = time.perf_counter()
    pending(suggestions, annotations)
    assert time.perf_counter() - started < 0.2  # the plain definition takes seconds
