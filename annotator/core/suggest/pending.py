"""Which suggestions are still open in a document."""

from __future__ import annotations

from collections.abc import Collection, Iterable
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
    The order is kept."""
    taken: dict[str, list[tuple[int, int]]] = {}
    for ann in annotations:
        taken.setdefault(ann.label, []).append((ann.start, ann.end))
    out = []
    for s in suggestions:
        if s.key in rejected:
            continue
        if any(start < s.end and s.start < end for start, end in taken.get(s.label, ())):
            continue
        out.append(s)
    return out
