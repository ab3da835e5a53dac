"""``pending`` answers as the plain definition does (any same-label overlap, rejections),
on many random spans, and reads a book's annotations once, not once per suggestion."""

from __future__ import annotations

import random
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


class CountedSpan:
    """An annotation that counts how often ``pending`` looks at it."""

    looks = 0

    def __init__(self, label: str, start: int, end: int) -> None:
        self._span = (label, start, end)

    @property
    def label(self) -> str:
        CountedSpan.looks += 1
        return self._span[0]

    @property
    def start(self) -> int:
        CountedSpan.looks += 1
        return self._span[1]

    @property
    def end(self) -> int:
        CountedSpan.looks += 1
        return self._span[2]


def test_each_annotation_is_read_once_however_many_suggestions():
    """Ten thousand annotations against thousands of suggestions: every annotation is
    read a fixed number of times, not once per suggestion as in the plain definition
    (whose time grows as S x A; `make bench-suggest` times this case)."""
    rng = random.Random(3)
    annotations = [CountedSpan(*t) for t in spans(rng, 10_000, 1_000_000)]
    suggestions = [
        Suggestion(label, start, end, 0.5, "r", f"{label}:r")
        for label, start, end in spans(rng, 5_000, 1_000_000)
    ]
    CountedSpan.looks = 0
    open_ones = pending(suggestions, annotations)
    assert CountedSpan.looks == 3 * len(annotations)
    plain = [Span(*a._span) for a in annotations]
    assert open_ones == pending(suggestions, plain)
    # Spot-check the answer against the definition on a sample of suggestions.
    sample, kept = rng.sample(suggestions, 200), set(open_ones)
    assert [s for s in sample if s in kept] == by_definition(sample, plain, set())
