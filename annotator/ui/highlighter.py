"""Span highlighting: formats given to a text block's layout when it is about to be
painted, looked up in an interval index of code point spans.

Nothing happens per block when a text is loaded or all spans change: every block is
simply out of date (its ``userState`` differs from the current generation), and the
view formats the blocks it paints (:meth:`SpanHighlighter.ensure_block`), so opening a
book-length text costs what its first screen costs. A change to a few spans formats
again only the blocks it touches that were already formatted.

Where spans overlap, the innermost (shortest) span gives the background, deeper
nesting gives a stronger tint, and the next span out is drawn as an underline in its own
colour, so nested and overlapping spans stay distinguishable. Tints are blended over the
view's Base colour and weakened where the Text colour would lose contrast on them, so
they read on light and dark palettes.

A span given an owner (another annotator's, not the current one's) is drawn with a
lighter tint of its label's colour and a dashed underline in the owner's colour
(:func:`annotator.core.annotators.annotator_color`), so each annotator's spans can be
told apart from the current annotator's and from one another's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from itertools import pairwise

from PySide6.QtGui import (
    QColor,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
)

from annotator.core.annotators import annotator_color
from annotator.core.offsets import PositionMap
from annotator.core.spans import SpanTable
from annotator.ui.theme import highlight_color

# (start, end, key, label) of a span, as the span table gives them.
Span = tuple[int, int, str, str]

TINT = 0.28
TINT_STEP = 0.14
TINT_MAX = 0.62
OTHERS_TINT = 0.6  # another annotator's span: this share of the tint it would have


def tint(color: QColor, strength: float, palette: QPalette) -> QColor:
    """The background for a span of ``color``: blended over the palette's Base with
    opacity ``strength`` (less where needed to keep the Text colour legible on it)."""
    return highlight_color(color, strength, palette)


class SpanHighlighter:
    """Highlights spans of code points in ``document``; each span has a key and a label.

    The document must hold the text given to :meth:`reset` (through its position map).
    """

    def __init__(
        self, document: QTextDocument, reformatted: Callable[[QTextBlock], None] | None = None
    ) -> None:
        """``reformatted(block)`` is called after a block got new formats, to repaint it."""
        self._document = document
        self._reformatted = reformatted
        self._map = PositionMap("")
        self._index = SpanTable()
        self._owner_of: dict[str, str] = {}  # key -> annotator, for others' spans only
        self._colors: dict[str, QColor] = {}
        self._formats: dict[tuple[str, str | None, int, str | None], QTextCharFormat] = {}
        self._palette = QPalette()
        # Blocks whose userState equals this are formatted for the current spans and
        # colours; new blocks start at -1.
        self._generation = 0

    def reset(
        self,
        positions: PositionMap,
        spans: Iterable[tuple[str, str, int, int]],
        owners: Mapping[str, str] | None = None,
    ) -> None:
        """Replace all spans (key, label, start, end in code points of the text that
        ``positions`` maps), ``owners`` naming the annotator of each span by another
        annotator (by key); every block is then out of date."""
        self._map = positions
        self._index = SpanTable(spans)
        self._owner_of = dict(owners) if owners else {}
        self.invalidate()

    def invalidate(self) -> None:
        """Mark every block out of date (formatted again when next painted)."""
        self._generation = (self._generation + 1) % 0x7FFFFFFF

    def is_current(self, block: QTextBlock) -> bool:
        return block.userState() == self._generation

    def ensure_block(self, block: QTextBlock) -> None:
        """Give ``block`` its formats now if it is out of date."""
        if block.userState() != self._generation:
            self.format_block(block)

    def set_palette(self, palette: QPalette) -> None:
        """Tint over this palette (the view's) from now on."""
        if palette == self._palette:
            return
        self._palette = QPalette(palette)
        self._formats.clear()
        self.invalidate()

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = {name: QColor(value) for name, value in colors.items()}
        self._formats.clear()
        self.invalidate()

    def add(self, key: str, label: str, start: int, end: int, owner: str | None = None) -> None:
        """Add (or replace) a span; ``owner`` is its annotator if it is another's."""
        if owner is None:
            self._owner_of.pop(key, None)
        else:
            self._owner_of[key] = owner
        self._index.add(key, label, start, end)
        self._refresh(start, end)

    def remove(self, key: str) -> None:
        span = self._index.remove(key)
        self._owner_of.pop(key, None)
        if span is not None:
            self._refresh(*span)

    def starts_in(self, start: int, end: int) -> list[tuple[int, str]]:
        """(start, label) of the spans that begin in code points ``[start, end)``, by start."""
        return [
            (first, label)
            for first, _end, _key, label in self._index.overlapping(start, end)
            if start <= first < end
        ]

    def owner_of(self, key: str) -> str | None:
        """The annotator of span ``key`` if it is drawn as another annotator's."""
        return self._owner_of.get(key)

    def keys_at(self, offset: int) -> list[str]:
        """Keys of the spans containing code point ``offset``, longest first (innermost
        last)."""
        spans = self._index.overlapping(offset, offset + 1)
        return [key for _start, _end, key, _label in sorted(spans, key=_longest_first)]

    def block_span(self, block: QTextBlock) -> tuple[int, int]:
        """The code points ``[start, end)`` of ``block``'s text (without its separator)."""
        position = block.position()
        return (
            self._map.to_codepoint(position),
            self._map.to_codepoint(position + block.length() - 1, round_up=True),
        )

    def block_extent(self, block: QTextBlock) -> tuple[int, int]:
        """The code points ``[start, end)`` that belong to ``block``: its text, the
        separator after it (both characters of a CRLF) and, for the first block, a
        leading BOM (which Qt does not show)."""
        start = 0 if block.blockNumber() == 0 else self.block_span(block)[0]
        following = block.next()
        end = self.block_span(following)[0] if following.isValid() else self._map.length
        return start, end

    def _refresh(self, start: int, end: int) -> None:
        """Format again the formatted blocks that code points ``[start, end)`` touch."""
        doc = self._document
        block = doc.findBlock(self._map.to_qt(start))
        last = doc.findBlock(self._map.to_qt(max(start, end - 1)))
        while block.isValid():
            if block.userState() == self._generation:
                self.format_block(block)
            if block == last:
                break
            block = block.next()

    def format_block(self, block: QTextBlock) -> None:
        """Give ``block``'s layout the formats of the spans over it."""
        block.setUserState(self._generation)
        start, end = self.block_span(block)
        spans = self._index.overlapping(start, end)
        layout = block.layout()
        if not spans and not layout.formats():
            return
        ranges = []
        if spans:
            qt_start = block.position()
            to_qt = self._map.to_qt
            # Sweep over span boundaries, keeping the spans active between two cuts.
            changes: dict[int, list[tuple[bool, Span]]] = {}
            for span in spans:
                changes.setdefault(max(span[0], start), []).append((True, span))
                changes.setdefault(min(span[1], end), []).append((False, span))
            active: dict[str, Span] = {}
            for here, following in pairwise(sorted(changes)):
                for opening, span in changes[here]:
                    if opening:
                        active[span[2]] = span
                    else:
                        active.pop(span[2], None)
                if active:
                    piece = QTextLayout.FormatRange()
                    piece.start = to_qt(here) - qt_start
                    piece.length = to_qt(following) - qt_start - piece.start
                    piece.format = self._format_for(active.values())
                    ranges.append(piece)
        # New formats drop the block's lines; the plain text layout lays a block without
        # lines out again when it is next measured or painted. (QSyntaxHighlighter also
        # marks the contents dirty, which has the whole view repainted and the next block
        # laid out again: the owner repaints just this block instead.)
        layout.setFormats(ranges)
        if self._reformatted is not None:
            self._reformatted(block)

    def _format_for(self, covering: Iterable[Span]) -> QTextCharFormat:
        ordered = sorted(covering, key=_longest_first, reverse=True)
        inner_key = ordered[0][2]
        inner = ordered[0][3]
        outer = ordered[1][3] if len(ordered) > 1 else None
        depth = min(len(ordered), 4)
        owner = self._owner_of.get(inner_key) if self._owner_of else None
        cache_key = (inner, outer, depth, owner)
        fmt = self._formats.get(cache_key)
        if fmt is None:
            fmt = QTextCharFormat()
            strength = min(TINT + TINT_STEP * (depth - 1), TINT_MAX)
            color = self._colors.get(inner, QColor("#888888"))
            if owner is not None:
                # Another annotator's: lighter, underlined with dashes in their colour.
                fmt.setBackground(tint(color, strength * OTHERS_TINT, self._palette))
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                fmt.setUnderlineColor(QColor(annotator_color(owner)))
            else:
                fmt.setBackground(tint(color, strength, self._palette))
            if owner is None and outer is not None:
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(self._colors.get(outer, QColor("#888888")))
            self._formats[cache_key] = fmt
        return fmt


def _longest_first(span: Span) -> tuple[int, int, str]:
    return (span[0] - span[1], span[0], span[2])
