"""Suggestions drawn on the text: dashed outlines in their label's colour (nested ones
inside), the current one thicker, tooltips and clicks. A part of
:class:`annotator.ui.suggestions.SuggestionsController` (a mixin: its methods use the
controller's state)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QToolTip

from annotator.app.suggestions import record_text
from annotator.core.colors import blend, contrast
from annotator.core.suggest import (
    Suggestion,
)
from annotator.ui.i18n import tr
from annotator.ui.theme import rgb

if TYPE_CHECKING:
    from PySide6.QtGui import QTextBlock


WIDTH = 1.5  # an outline's pen width; the current suggestion's is thicker
CURRENT_WIDTH = 2.5
DASH = 6.0, 4.0  # dash and gap in pixels, whatever the width
NEST_INSET = 2.0  # pixels a nested outline is drawn inside the one around it
PAD = 2.0  # pixels between the text and the outline, left and right
GRAPHIC_CONTRAST = 3.0  # WCAG 2's minimum for graphics against what is next to them


def outline_color(color: QColor, palette: QPalette) -> QColor:
    """``color`` as an outline on the palette's Base: blended towards the Text colour
    until it has the contrast WCAG asks of graphics (3:1), on light and dark palettes."""
    base = rgb(palette.color(QPalette.ColorRole.Base))
    text = rgb(palette.color(QPalette.ColorRole.Text))
    mine = rgb(color)
    strength = 0.0
    while contrast(mine, base) < GRAPHIC_CONTRAST and strength < 1.0:
        strength = min(1.0, strength + 0.1)
        mine = blend(text, rgb(color), strength)
    return QColor(*mine)


def nestings(outlines: list[tuple[QRectF, Suggestion]]) -> list[int]:
    """For each box, how many longer suggestions' boxes on the same line enclose it (at
    most 2): a nested outline is drawn that much inside, so both stay visible. Boxes are
    compared only with those of their own line (a page holds hundreds)."""
    lines: dict[float, list[int]] = {}
    for i, (rect, _s) in enumerate(outlines):
        lines.setdefault(rect.top(), []).append(i)
    depths = [0] * len(outlines)
    for members in lines.values():
        if len(members) < 2:
            continue
        spans = [(outlines[i][0].left(), outlines[i][0].right(), outlines[i][1]) for i in members]
        for i, (left, right, s) in zip(members, spans, strict=True):
            length = s.end - s.start
            depth = 0
            for other_left, other_right, t in spans:
                if (
                    t != s
                    and other_left <= left + 0.5
                    and other_right >= right - 0.5
                    and t.end - t.start > length
                ):
                    depth += 1
                    if depth == 2:
                        break
            depths[i] = depth
    return depths


def describe(
    suggestion: Suggestion, hotkey: str | None, record: tuple[int, int] | None = None
) -> str:
    """The tooltip of a suggestion: label, confidence, reason, the keys that act on it
    and, given its rule's ``record`` (accepted, rejected), that."""
    said = tr("Suggested {label} (confidence {confidence}): {reason}").format(
        label=suggestion.label,
        confidence=f"{suggestion.confidence:.2f}",
        reason=suggestion.reason,
    )
    if hotkey:
        keys = tr("Enter or {key} accepts, Esc or x rejects").format(key=hotkey)
    else:
        keys = tr("Enter accepts, Esc or x rejects")
    if record is None:
        return f"{said} — {keys}"
    rule = tr("Rule «{rule}»: {record}").format(rule=suggestion.rule, record=record_text(*record))
    return f"{said}\n{rule}\n{keys}"


class OutlinesMixin:
    # -- drawing and the mouse ---------------------------------------------------------

    def _outlines(self, area: QRect | None = None) -> list[tuple[QRectF, Suggestion]]:
        """(viewport box, suggestion) for each line of an open suggestion on screen (in
        the blocks reaching into ``area``, if given)."""
        if not self._pending or not self._usable():
            return []
        view = self._view
        highlighter = view.highlighter
        offset = view.contentOffset()
        top, bottom = 0, view.viewport().height()
        if area is not None:
            top, bottom = max(top, area.top()), min(bottom, area.bottom() + 1)
        out = []
        block = view.firstVisibleBlock()
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if geometry.bottom() >= top:
                first, last = highlighter.block_extent(block)
                for row in self._pending.overlapping(first, last):
                    s = self._pending[row]
                    for rect in self._fragments(block, geometry.topLeft(), s, first, last):
                        out.append((rect, s))
            block = block.next()
        return out

    def _update_span(self, start: int, end: int) -> None:
        """Repaint the blocks on screen holding code points ``[start, end)``."""
        view = self._view
        document = view.document()
        block = document.findBlock(view.qt_position(start))
        last = document.findBlock(view.qt_position(end))
        offset = view.contentOffset()
        area = QRectF()
        while block.isValid():
            area = area.united(view.blockBoundingGeometry(block).translated(offset))
            if block == last or area.top() > view.viewport().height():
                break
            block = block.next()
        view.viewport().update(area.toAlignedRect())

    def paint(self, painter: QPainter, area: QRect) -> None:
        """Draw the open suggestions on screen as dashed outlines in their label's colour
        (the current one thicker, lightly filled), one box per line they cover."""
        outlines = self._outlines(area)
        if not outlines:
            return
        view = self._view
        palette = view.palette()
        colors = {
            label.name: outline_color(QColor(label.color), palette) for label in self._main.labels()
        }
        # Square corners, no antialiasing: a dashed rounded, antialiased box cost ~1 ms of
        # every repaint (measured), and the dashes read just as well.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        current = self._current
        depth = dict(zip(map(id, outlines), nestings(outlines), strict=True))
        for item in sorted(outlines, key=lambda item: item[1] == current):
            rect, s = item
            color = colors.get(s.label, palette.color(QPalette.ColorRole.Text))
            width = CURRENT_WIDTH if s == current else WIDTH
            pen = QPen(color, width)
            pen.setDashPattern([length / width for length in DASH])
            painter.setPen(pen)
            inset = width / 2 + NEST_INSET * depth[id(item)]
            box = rect.adjusted(width / 2, inset, -width / 2, -inset)
            if s == current:
                fill = QColor(color)
                fill.setAlpha(48)
                painter.fillRect(box, fill)
            painter.drawRect(box)

    def _fragments(
        self, block: QTextBlock, origin: QPointF, s: Suggestion, first: int, last: int
    ) -> list[QRectF]:
        """Viewport boxes of the part of ``s`` in ``block`` (code points ``[first,
        last)``), one per line it reaches."""
        view = self._view
        length = block.length() - 1  # without the separator
        begin = view.qt_position(max(s.start, first)) - block.position()
        end = view.qt_position(min(s.end, last)) - block.position()
        begin, end = max(0, min(begin, length)), max(0, min(end, length))
        if end <= begin:
            return []
        layout = block.layout()
        top = layout.lineForTextPosition(begin)
        bottom = layout.lineForTextPosition(end - 1)
        if not top.isValid() or not bottom.isValid():
            return []  # not laid out (not on screen)
        origin = origin + layout.position()
        boxes = []
        for number in range(top.lineNumber(), bottom.lineNumber() + 1):
            line = layout.lineAt(number)
            line_start = line.textStart()
            line_end = line_start + line.textLength()
            x1, _ = line.cursorToX(max(begin, line_start))
            x2, _ = line.cursorToX(min(end, line_end))
            left, right = sorted((x1, x2))  # right-to-left text runs the other way
            if right - left < 1:
                continue
            boxes.append(
                QRectF(
                    origin.x() + left - PAD,
                    origin.y() + line.y(),
                    right - left + 2 * PAD,
                    line.height(),
                )
            )
        return boxes

    def suggestion_at(self, pos: QPointF) -> Suggestion | None:
        """The suggestion drawn at viewport point ``pos`` (the current one, else the
        smallest), if any."""
        here = [s for rect, s in self._outlines() if rect.contains(pos)]
        if not here:
            return None
        if self._current in here:
            return self._current
        return min(here, key=lambda s: (s.end - s.start, s.start))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            suggestion = self.suggestion_at(QPointF(event.pos()))
            if suggestion is not None:
                text = describe(
                    suggestion, self._hotkey(suggestion.label), self.record(suggestion.rule)
                )
                QToolTip.showText(event.globalPos(), text, self._view.viewport())
                return True
        return False
