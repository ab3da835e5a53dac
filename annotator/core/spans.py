"""Span helpers: trimming a selection and an interval index for fast lookups."""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterable
from typing import Any, NamedTuple

from annotator.core.interning import number_of
from annotator.core.messages import N_, say
from annotator.core.values import quoted

# Code points of context recorded each side of a span (annotation sets, re-anchoring).
CONTEXT_WIDTH = 32


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``text[start:end]`` past leading and trailing whitespace.

    Returns the trimmed ``(start, end)``, or ``None`` when nothing but whitespace (or
    nothing at all) is selected. Whitespace is what ``str.isspace`` says it is, so NBSP,
    U+2028 and ideographic spaces are trimmed too.
    """
    start = max(0, start)
    end = min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def context(text: str, start: int, end: int, width: int = 32) -> tuple[str, str]:
    """Up to ``width`` code points before ``start`` and after ``end``."""
    return text[max(0, start - width) : start], text[end : end + width]


class Interval(NamedTuple):
    """A half-open interval ``[start, end)`` carrying a key (e.g. an annotation id).

    A named tuple: an index of a book's annotations builds ten thousand of them."""

    start: int
    end: int
    key: Hashable


class SpanIndex:
    """Intervals bucketed by fixed-width windows of the offset axis.

    Each interval is registered in every bucket it overlaps, so a query over a short
    range (a text block, a caret position) reads one or two buckets whatever the number
    of intervals. Adding or removing one interval touches only its own buckets.
    Zero-length intervals are not stored.
    """

    def __init__(self, intervals: Iterable[Interval] = (), bucket_width: int = 2048) -> None:
        self._width = bucket_width
        # The last interval given for a key wins, as with ``add``.
        self._by_key: dict[Hashable, Interval] = {iv.key: iv for iv in intervals}
        for key in [k for k, iv in self._by_key.items() if iv.end <= iv.start]:
            del self._by_key[key]
        buckets: dict[int, dict[Hashable, Interval]] = {}
        width = bucket_width
        for key, iv in self._by_key.items():
            first, last = iv.start // width, (iv.end - 1) // width
            bucket = buckets.get(first)
            if bucket is None:
                bucket = buckets[first] = {}
            bucket[key] = iv
            for b in range(first + 1, last + 1):
                buckets.setdefault(b, {})[key] = iv
        self._buckets = buckets

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._by_key

    def get(self, key: Hashable) -> Interval | None:
        return self._by_key.get(key)

    def add(self, interval: Interval) -> None:
        """Add ``interval``, replacing any interval with the same key."""
        self.remove(interval.key)
        if interval.end <= interval.start:
            return
        self._by_key[interval.key] = interval
        for b in self._bucket_range(interval.start, interval.end):
            self._buckets.setdefault(b, {})[interval.key] = interval

    def remove(self, key: Hashable) -> Interval | None:
        """Remove and return the interval with ``key``, if any."""
        interval = self._by_key.pop(key, None)
        if interval is not None:
            for b in self._bucket_range(interval.start, interval.end):
                bucket = self._buckets[b]
                del bucket[key]
                if not bucket:
                    del self._buckets[b]
        return interval

    def overlapping(self, start: int, end: int) -> list[Interval]:
        """Intervals that share at least one position with ``[start, end)``.

        Sorted by start, longer first on ties (outer before inner).
        """
        if end <= start:
            return []
        found: dict[Hashable, Interval] = {}
        for b in self._bucket_range(start, end):
            for key, iv in self._buckets.get(b, {}).items():
                if iv.start < end and iv.end > start:
                    found[key] = iv
        return sorted(found.values(), key=_outer_first)

    def any_in(self, start: int, end: int) -> bool:
        """Whether any interval shares a position with ``[start, end)``."""
        for b in self._bucket_range(start, end) if end > start else ():
            for iv in self._buckets.get(b, {}).values():
                if iv.start < end and iv.end > start:
                    return True
        return False

    def at(self, position: int) -> list[Interval]:
        """Intervals containing ``position``, outermost first, innermost last."""
        return self.overlapping(position, position + 1)

    def _bucket_range(self, start: int, end: int) -> range:
        return range(start // self._width, (end - 1) // self._width + 1)


class SpanTable:
    """Labelled spans in columns, bucketed like :class:`SpanIndex` (the window's
    highlights: a book's 100,000 spans as a few arrays, not 100,000 objects).

    Each span is a slot: its key (e.g. an annotation id), start, end and label number;
    each bucket is an array of the slots that overlap it. Looking a key up scans the keys
    (edits come one at a time); queries read one or two buckets. Zero-length spans are
    not stored.
    """

    def __init__(
        self, spans: Iterable[tuple[str, str, int, int]] = (), bucket_width: int = 2048
    ) -> None:
        self._width = bucket_width
        self._keys: list[str | None] = []  # None: a slot given up
        self._starts = array("i")
        self._ends = array("i")
        self._labels = array("I")
        self._names: list[str] = []
        self._number: dict[str, int] = {}
        self._buckets: dict[int, array[int]] = {}
        self._count = 0
        seen: set[str] | None = None
        for key, label, start, end in spans:
            if seen is None:
                seen = set()
            if key in seen:  # the last span given for a key wins, as with add
                self.remove(key)
            seen.add(key)
            self._put(key, label, start, end)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: str) -> bool:
        return self._slot(key) is not None

    def _slot(self, key: str) -> int | None:
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    def _put(self, key: str, label: str, start: int, end: int) -> None:
        if end <= start:
            return
        number = number_of(label, self._names, self._number)
        slot = len(self._keys)
        self._keys.append(key)
        self._starts.append(start)
        self._ends.append(end)
        self._labels.append(number)
        self._count += 1
        buckets = self._buckets
        for b in range(start // self._width, (end - 1) // self._width + 1):
            bucket = buckets.get(b)
            if bucket is None:
                bucket = buckets[b] = array("i")
            bucket.append(slot)

    def add(self, key: str, label: str, start: int, end: int) -> None:
        """Add a span, replacing any span with the same key."""
        self.remove(key)
        self._put(key, label, start, end)

    def remove(self, key: str) -> tuple[int, int] | None:
        """Remove the span with ``key``; returns its (start, end), if there was one."""
        slot = self._slot(key)
        if slot is None:
            return None
        start, end = self._starts[slot], self._ends[slot]
        for b in range(start // self._width, (end - 1) // self._width + 1):
            bucket = self._buckets[b]
            bucket.remove(slot)
            if not bucket:
                del self._buckets[b]
        self._keys[slot] = None
        self._count -= 1
        return start, end

    def label(self, key: str) -> str | None:
        slot = self._slot(key)
        return None if slot is None else self._names[self._labels[slot]]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        """(start, end, key, label) of the spans sharing a position with
        ``[start, end)``, by start, longer first on ties (outer before inner)."""
        if end <= start:
            return []
        found: set[int] = set()
        starts, ends = self._starts, self._ends
        for b in range(start // self._width, (end - 1) // self._width + 1):
            for slot in self._buckets.get(b, ()):
                if starts[slot] < end and ends[slot] > start:
                    found.add(slot)
        keys, labels, names = self._keys, self._labels, self._names
        spans = [(starts[s], ends[s], keys[s], names[labels[s]]) for s in found]
        spans.sort(key=lambda sp: (sp[0], -sp[1], sp[2]))
        return spans  # type: ignore[return-value]


def _outer_first(iv: Interval) -> tuple[int, int, str]:
    return (iv.start, -iv.end, str(iv.key))


def check_context(
    fail: Any, path: str, text: str, start: int, end: int, quote: str, prefix: str, suffix: str
) -> None:
    """Raise ``fail(path, problem)`` unless quote, prefix and suffix agree with ``text``."""
    # startswith/endswith with bounds compare in place, without copying the text.
    if len(quote) != end - start or not text.startswith(quote, start, end):
        actual = text[start:end]
        raise fail(
            f"{path}.quote",
            say(
                N_("{quote} does not equal text[{start}:{end}] {actual}"),
                quote=quoted(quote),
                start=start,
                end=end,
                actual=quoted(actual),
            ),
        )
    if len(prefix) > CONTEXT_WIDTH or not text.endswith(prefix, 0, start):
        raise fail(f"{path}.prefix", say(N_("does not match the text before start")))
    if len(suffix) > CONTEXT_WIDTH or not text.startswith(suffix, end):
        raise fail(f"{path}.suffix", say(N_("does not match the text after end")))
