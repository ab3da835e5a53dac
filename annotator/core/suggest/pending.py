"""Which suggestions are still open in a document."""

from __future__ import annotations

from array import array
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
    The order is kept. O((S + A) log A): the window asks again after every change; the
    annotations' spans are read into arrays (16 bytes each, not a tuple each: a book's
    100,000 took 11 MB)."""
    taken: dict[str, tuple[array[int], array[int]]] = {}
    ordered = True
    for ann in annotations:
        label = ann.label
        found = taken.get(label)
        if found is None:
            found = taken[label] = (array("q"), array("q"))
        starts, ends = found
        start = ann.start
        if starts and start < starts[-1]:
            ordered = False
        starts.append(start)
        ends.append(ann.end)
    # Per label: starts sorted, and the furthest end among the spans starting up to each.
    for label, (starts, ends) in taken.items():
        if not ordered:
            pairs = sorted(zip(starts, ends, strict=True))
            starts = array("q", (s for s, _e in pairs))
            ends = array("q", (e for _s, e in pairs))
            del pairs
        taken[label] = (starts, array("q", accumulate(ends, max)))
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
