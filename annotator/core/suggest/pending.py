"""Which suggestions are still open in a document."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable
from itertools import accumulate
from typing import Protocol

from annotator.core.suggest.model import Suggestion


class Span(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def pending(
    suggestions: Iterable[Suggestion],
    annotations: Iterable[Span],
    rejected: Collection[tuple[str, int, int]] = (),
) -> list[Suggestion]:
    """``suggestions`` without those rejected (by ``(label, start, end)``) and those an
    annotation of the same label overlaps already (anyone's: it has been dealt with).
    The order is kept. O((S + A) log A): the window asks again after every change."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for ann in annotations:
        spans.setdefault(ann.label, []).append((ann.start, ann.end))
    # Per label: starts sorted, and the furthest end among the spans starting up to each.
    taken: dict[str, tuple[list[int], list[int]]] = {}
    for label, found in spans.items():
        found.sort()
        taken[label] = ([s for s, _e in found], list(accumulate((e for _s, e in found), max)))
    out = []
    for s in suggestions:
        if s.key in rejected:
            continue
        index = taken.get(s.label)
        if index is not None:
            starts, furthest = index
            before = bisect_left(starts, s.end)  # the spans starting before it ends
            if before and furthest[before - 1] > s.start:
                continue
        out.append(s)
    return out
