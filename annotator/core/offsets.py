"""The one place where code point offsets meet Qt's text positions.

A Qt document built with ``setPlainText(text)`` counts UTF-16 code units, except that
CRLF becomes a single block separator (docs/measured-facts.md §3) and a BOM (U+FEFF) at the very
start is dropped (measured with PySide6 6.11.3). Everything else, including U+2028,
U+2029, lone CR, NBSP and U+FEFF elsewhere, takes exactly its UTF-16 length. Offsets outside the
widgets are code points (Python ``str`` indices), end exclusive.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class PositionMap:
    """Converts between code point offsets into ``text`` and Qt positions.

    Code point ``i`` maps to the Qt position of its first UTF-16 unit; ``len(text)``
    maps to the end of the Qt document. Conversions cost O(log k), where k is the number
    of astral characters and CRLF pairs in the text, and nothing when there are none.
    """

    __slots__ = ("_crlf_lf", "_lead", "_length", "_qt_length", "_wide")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # Qt's setPlainText drops a leading BOM: it has no position of its own.
        self._lead = 1 if text.startswith("\ufeff") else 0
        # Code point indices of astral characters (two UTF-16 units each).
        self._wide = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        # Indices of the LF in each CRLF pair: Qt folds the pair into one position.
        self._crlf_lf: list[int] = []
        start = text.find("\r\n")
        while start != -1:
            self._crlf_lf.append(start + 1)
            start = text.find("\r\n", start + 2)
        self._qt_length = self.to_qt(self._length)

    @property
    def length(self) -> int:
        """Number of code points in the text."""
        return self._length

    @property
    def qt_length(self) -> int:
        """Number of Qt positions the text occupies (without the final block end)."""
        return self._qt_length

    def to_qt(self, offset: int) -> int:
        """Qt position of code point ``offset`` (``0 <= offset <= len(text)``).

        An offset between the CR and the LF of a CRLF pair maps to the pair's separator.
        """
        if not 0 <= offset <= self._length:
            raise IndexError(f"offset {offset} outside 0..{self._length}")
        # Each astral character before the offset adds a unit; each CRLF whose LF lies
        # before or at the offset removes one (an offset between CR and LF lands on the
        # pair's separator).
        folded = bisect_right(self._crlf_lf, offset) + (self._lead if offset else 0)
        return offset + bisect_left(self._wide, offset) - folded

    def to_codepoint(self, position: int, *, round_up: bool = False) -> int:
        """Code point offset at Qt ``position``.

        A position inside a surrogate pair has no code point of its own: it rounds down
        to the character's start, or up past it with ``round_up`` (use that for the end
        of a span so no half character is ever cut off).
        """
        if not 0 <= position <= self._qt_length:
            raise IndexError(f"Qt position {position} outside 0..{self._qt_length}")
        if not self._wide and not self._crlf_lf and not self._lead:
            return position
        # Smallest offset whose Qt position is >= position (to_qt is non-decreasing).
        lo, hi = 0, self._length
        while lo < hi:
            mid = (lo + hi) // 2
            if self.to_qt(mid) < position:
                lo = mid + 1
            else:
                hi = mid
        if self.to_qt(lo) == position:
            # Several offsets can share a position: a CRLF pair starts at its CR; the
            # first visible character follows a dropped leading BOM.
            return lo + 1 if lo == 0 and self._lead and self._length else lo
        return lo if round_up else lo - 1

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """Qt positions ``(start, end)`` for a code point span."""
        return self.to_qt(start), self.to_qt(end)

    def span_from_qt(self, start: int, end: int) -> tuple[int, int]:
        """Code point span covering Qt positions ``start..end``, never splitting a character."""
        return self.to_codepoint(start), self.to_codepoint(end, round_up=True)
