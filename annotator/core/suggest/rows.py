"""Suggestions held compactly, as the window holds a document's (the engine's, each
piece's as it comes, and the open ones it draws): arrays of start, end and confidence,
of indexes into a table of the labels and rules, and of where each reason is in one
UTF-8 buffer (a reason names what was found: most differ), in (start, end, label)
order. A :class:`~annotator.core.suggest.model.Suggestion` is made when one is read
(about 30 bytes a suggestion and its reason's, against ~500 for the objects and the
indexes over them)."""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from annotator.core.interning import number_of
from annotator.core.suggest.model import Suggestion


def order(s: Suggestion) -> tuple[int, int, str]:
    """The order suggestions are held and walked in."""
    return (s.start, s.end, s.label)


class SuggestionRows(Sequence[Suggestion]):
    """Suggestions, at most one per (label, start, end), sorted by :func:`order`."""

    __slots__ = (
        "_confidence",
        "_ends",
        "_furthest",
        "_ids",
        "_labels",
        "_names",
        "_reason_ends",
        "_reason_starts",
        "_reasons",
        "_rules",
        "_seen",
        "_starts",
    )

    def __init__(self, suggestions: Iterable[Suggestion] = (), *, ordered: bool = False) -> None:
        """``suggestions`` (already in :func:`order` if ``ordered``: else sorted here)."""
        self._names: list[str] = []  # the label and rule strings, each once
        self._ids: dict[str, int] = {}
        self._starts, self._ends = array("I"), array("I")
        self._labels, self._rules = array("I"), array("I")
        self._confidence = array("d")
        self._reasons = bytearray()  # every reason, UTF-8, one after another
        self._reason_starts, self._reason_ends = array("I"), array("I")  # each row's
        self._furthest: array[int] | None = None  # the furthest end up to each row
        # Reasons met while these rows are made (where they are in _reasons): dropped then.
        self._seen: dict[str, tuple[int, int]] | None = {}
        for s in suggestions if ordered else sorted(suggestions, key=order):
            self.append(s)
        self._seen = None

    @classmethod
    def joined(cls, parts: Iterable[SuggestionRows]) -> SuggestionRows:
        """The rows of ``parts`` one after another (each part's come after the last's)."""
        out = cls()
        for part in parts:
            ids = array("I", map(out._id, part._names))
            out._starts += part._starts
            out._ends += part._ends
            out._confidence += part._confidence
            out._labels.extend(map(ids.__getitem__, part._labels))
            out._rules.extend(map(ids.__getitem__, part._rules))
            shift = len(out._reasons)
            out._reasons += part._reasons
            out._reason_starts.extend(r + shift for r in part._reason_starts)
            out._reason_ends.extend(r + shift for r in part._reason_ends)
        return out

    def _id(self, name: str) -> int:
        return number_of(name, self._names, self._ids)

    def append(self, s: Suggestion) -> None:
        """``s``, which comes after every row in :func:`order`."""
        self._starts.append(s.start)
        self._ends.append(s.end)
        self._labels.append(self._id(s.label))
        self._rules.append(self._id(s.rule))
        seen = self._seen
        where = None if seen is None else seen.get(s.reason)
        if where is None:
            begin = len(self._reasons)
            self._reasons += s.reason.encode("utf-8", "surrogatepass")
            where = (begin, len(self._reasons))
            if seen is not None:
                seen[s.reason] = where
        self._reason_starts.append(where[0])
        self._reason_ends.append(where[1])
        self._confidence.append(s.confidence)
        self._furthest = None

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, row: int) -> Suggestion: ...
    @overload
    def __getitem__(self, row: slice) -> list[Suggestion]: ...
    def __getitem__(self, row: int | slice) -> Suggestion | list[Suggestion]:
        if isinstance(row, slice):
            return [self[r] for r in range(*row.indices(len(self)))]
        names = self._names
        reason = self._reasons[self._reason_starts[row] : self._reason_ends[row]]
        return Suggestion(
            names[self._labels[row]],
            self._starts[row],
            self._ends[row],
            self._confidence[row],
            reason.decode("utf-8", "surrogatepass"),
            names[self._rules[row]],
        )

    def __iter__(self) -> Iterator[Suggestion]:
        return map(self.__getitem__, range(len(self._starts)))

    def label(self, row: int) -> str:
        return self._names[self._labels[row]]

    def position(self, start: int, end: int, label: str, *, after: bool = False) -> int:
        """Where (start, end, label) is or would be: the row of it, or (``after``) the
        row after it."""
        place = bisect_right if after else bisect_left
        return place(self, (start, end, label), key=order)

    def find(self, key: tuple[str, int, int]) -> int | None:
        """The row of the suggestion whose :attr:`Suggestion.key` is ``key``, if any."""
        label, start, end = key
        row = self.position(start, end, label)
        if row < len(self) and (self._starts[row], self._ends[row], self.label(row)) == (
            start,
            end,
            label,
        ):
            return row
        return None

    def __contains__(self, value: object) -> bool:
        return isinstance(value, Suggestion) and self.find(value.key) is not None

    def delete(self, row: int) -> None:
        for column in (
            self._starts,
            self._ends,
            self._labels,
            self._rules,
            self._reason_starts,
            self._reason_ends,
            self._confidence,
        ):
            del column[row]  # (its reason stays in the buffer: rows go one at a time)
        self._furthest = None

    def overlapping(self, start: int, end: int) -> list[int]:
        """The rows sharing a code point with ``[start, end)``, by start, longer first
        (O(log n + the rows reaching past ``start`` from before it))."""
        if end <= start:
            return []
        furthest = self._furthest
        if furthest is None:
            furthest = self._furthest = array("q")
            reach = -1
            for e in self._ends:
                reach = max(reach, e)
                furthest.append(reach)
        starts, ends = self._starts, self._ends
        row = bisect_left(starts, end)  # the rows from here on start at or after end
        found = []
        while row > 0 and furthest[row - 1] > start:
            row -= 1
            if ends[row] > start:
                found.append(row)
        found.sort(key=lambda r: (starts[r], -ends[r], self.label(r)))
        return found


def combined(rules: Iterable[Suggestion], mine: Iterable[Suggestion]) -> Iterator[Suggestion]:
    """:func:`annotator.core.suggest.learned.combine` as the suggestions are read: both
    in :func:`order`; where both propose a span, the learned one (``mine``)."""
    held: Suggestion | None = None
    for s in heapq.merge(rules, mine, key=order):  # stable: of equal keys, mine come last
        if held is not None and order(held) != order(s):
            yield held
        held = s
    if held is not None:
        yield held
