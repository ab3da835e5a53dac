"""Span helpers: trimming a selection and an interval index for fast lookups."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, NamedTuple

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
