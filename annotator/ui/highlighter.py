"""Span highlighting: a QSyntaxHighlighter over an interval index of Qt positions.

Only the blocks a change touches are re-highlighted, and a whole text (loading a
document, new annotations or colours) is only marked: the view formats the blocks it
paints, so opening a book-length text costs what its first screen costs.

Where spans overlap, the innermost (shortest) span gives the background, deeper
nesting gives a stronger tint, and the next span out is drawn as an underline in its own
colour, so nested and overlapping spans stay distinguishable. Tints are blended over the
view's Base colour and weakened where the Text colour would lose contrast on them, so
they read on light and dark palettes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import pairwise

from PySide6.QtGui import (
    QColor,
    QPalette,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from annotator.core.spans import Interval, SpanIndex
from annotator.ui.theme import highlight_color

PENDING, DONE = 1, 0  # block states: formats deferred, or given
TINT = 0.28
TINT_STEP = 0.14
TINT_MAX = 0.62


def tint(color: QColor, strength: float, palette: QPalette) -> QColor:
    """The background for a span of ``color``: blended over the palette's Base with
    opacity ``strength`` (less where needed to keep the Text colour legible on it)."""
    return highlight_color(color, strength, palette)


class SpanHighlighter(QSyntaxHighlighter):
    """Highlights spans given in Qt positions; each span has a key and a label."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._index = SpanIndex()
        self._label_of: dict[str, str] = {}
        self._colors: dict[str, QColor] = {}
        self._formats: dict[tuple[str, str | None, int], QTextCharFormat] = {}
        self._palette = QPalette()
        self._deferring = False

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """Inside, blocks that would get formats are only marked ``PENDING``: loading or
        re-highlighting a long text then costs a mark per block, and the view formats
        the blocks it is about to paint (:meth:`ensure_block`)."""
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False

    def ensure_block(self, block: QTextBlock) -> None:
        """Give ``block`` its formats now if they were deferred."""
        if block.userState() == PENDING:
            self.rehighlightBlock(block)

    def set_palette(self, palette: QPalette) -> None:
        """Tint over this palette (the view's) from now on, and re-highlight."""
        if palette == self._palette:
            return
        self._palette = QPalette(palette)
        self._formats.clear()
        self.rehighlight()

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = {name: QColor(value) for name, value in colors.items()}
        self._formats.clear()

    def reset(self, spans: Iterable[tuple[str, str, int, int]]) -> None:
        """Replace all spans (key, label, start, end) without re-highlighting.

        Call before ``setPlainText`` so the document is highlighted once, as it loads.
        """
        spans = list(spans)
        self._index = SpanIndex(Interval(s, e, key) for key, _label, s, e in spans)
        self._label_of = {key: label for key, label, _s, _e in spans}

    def add(self, key: str, label: str, start: int, end: int) -> None:
        self._label_of[key] = label
        self._index.add(Interval(start, end, key))
        self._rehighlight_range(start, end)

    def remove(self, key: str) -> None:
        interval = self._index.remove(key)
        self._label_of.pop(key, None)
        if interval is not None:
            self._rehighlight_range(interval.start, interval.end)

    def starts_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """(start, label) of the spans that begin in ``[start, end)``, by start."""
        return [
            (iv.start, self._label_of[str(iv.key)])
            for iv in self._index.overlapping(start, end)
            if start <= iv.start < end
        ]

    def keys_at(self, position: int) -> list[str]:
        """Keys of the spans containing ``position``, longest first (innermost last)."""
        return [str(iv.key) for iv in sorted(self._index.at(position), key=_longest_first)]

    def _rehighlight_range(self, start: int, end: int) -> None:
        doc = self.document()
        block = doc.findBlock(start)
        last = doc.findBlock(max(start, end - 1))
        while block.isValid():
            self.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1
        if self._deferring:
            self.setCurrentBlockState(PENDING if self._index.any_in(start, end) else DONE)
            return
        self.setCurrentBlockState(DONE)
        spans = self._index.overlapping(start, end)
        if not spans:
            return
        # Sweep over span boundaries, keeping the spans active between two cuts.
        changes: dict[int, list[tuple[bool, Interval]]] = {}
        for iv in spans:
            changes.setdefault(max(iv.start, start), []).append((True, iv))
            changes.setdefault(min(iv.end, end), []).append((False, iv))
        cuts = sorted(changes)
        active: dict[object, Interval] = {}
        for here, following in pairwise(cuts):
            for opening, iv in changes[here]:
                if opening:
                    active[iv.key] = iv
                else:
                    active.pop(iv.key, None)
            if active:
                self.setFormat(here - start, following - here, self._format_for(active.values()))

    def _format_for(self, covering: Iterable[Interval]) -> QTextCharFormat:
        ordered = sorted(covering, key=_longest_first, reverse=True)
        inner = self._label_of[str(ordered[0].key)]
        outer = self._label_of[str(ordered[1].key)] if len(ordered) > 1 else None
        depth = min(len(ordered), 4)
        cache_key = (inner, outer, depth)
        fmt = self._formats.get(cache_key)
        if fmt is None:
            fmt = QTextCharFormat()
            strength = min(TINT + TINT_STEP * (depth - 1), TINT_MAX)
            color = self._colors.get(inner, QColor("#888888"))
            fmt.setBackground(tint(color, strength, self._palette))
            if outer is not None:
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(self._colors.get(outer, QColor("#888888")))
            self._formats[cache_key] = fmt
        return fmt


def _longest_first(iv: Interval) -> tuple[int, int, str]:
    return (iv.start - iv.end, iv.start, str(iv.key))
