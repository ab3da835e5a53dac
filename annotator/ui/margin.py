"""The marker margin: beside each line where spans begin, a short tag per label (C for
claim, R for refusal...), so labels can be told apart without colour: in greyscale, in
print, and by colour-blind readers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from annotator.core.labels import markers
from annotator.core.model import Label
from annotator.ui.theme import legible_on

MAX_SHOWN = 3  # markers per line; more are summed up as "+"


class LabelMargin(QWidget):
    """Paints, for the lines of ``view`` on screen, the markers of the labels whose spans
    begin on each line (each label once per line, in the scheme's order). ``view`` is the
    document view (:mod:`annotator.ui.text_view`, which owns the margin): besides being a
    text edit it has ``highlighter`` and ``qt_position``."""

    def __init__(self, view: QPlainTextEdit) -> None:
        super().__init__(view)
        self.setObjectName("labelMargin")
        self._view: Any = view  # the document view, whose extra members the margin reads
        self._markers: dict[str, str] = {}
        self._colors: dict[str, QColor] = {}
        self._ink: dict[str, QColor] = {}  # the marker's letters on its label's colour
        self._order: dict[str, int] = {}
        self.follow(view.font())

    def follow(self, font: QFont) -> None:
        """Size the markers to the text's ``font`` (a little smaller, bold)."""
        font = QFont(font)
        font.setPointSizeF(max(font.pointSizeF() - 3, 7.0))
        font.setBold(True)
        self.setFont(font)
        self.updateGeometry()

    def set_labels(self, labels: Sequence[Label]) -> None:
        self._markers = markers([label.name for label in labels])
        self._colors = {label.name: QColor(label.color) for label in labels}
        self._ink = {
            name: QColor(legible_on(color, "#000000", "#ffffff"))
            for name, color in self._colors.items()
        }
        self._order = {label.name: i for i, label in enumerate(labels)}
        self.update()

    def sizeHint(self) -> QSize:
        chip = self.fontMetrics().horizontalAdvance("WW") + 6
        return QSize(chip * 2 + 8, 0)

    def lines(self, area: QRect | None = None) -> list[tuple[int, int, list[str]]]:
        """(top, height, labels) for each line on screen where spans begin (of the blocks
        that reach into ``area`` of the margin, if given)."""
        view = self._view
        highlighter = view.highlighter
        out: list[tuple[int, int, list[str]]] = []
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        top_edge = -1 if area is None else area.top()
        bottom = view.viewport().height()
        if area is not None:
            bottom = min(bottom, area.bottom())
        while block.isValid():
            geometry = view.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > bottom:
                break
            if geometry.bottom() < top_edge:
                block = block.next()
                continue
            layout = block.layout()
            by_line: dict[int, list[str]] = {}
            for start, label in highlighter.starts_in(*highlighter.block_extent(block)):
                line = layout.lineForTextPosition(view.qt_position(start) - block.position())
                if line.isValid():
                    by_line.setdefault(line.lineNumber(), [])
                    if label not in by_line[line.lineNumber()]:
                        by_line[line.lineNumber()].append(label)
            for number, labels in sorted(by_line.items()):
                line = layout.lineAt(number)
                top = round(geometry.top() + line.y())
                if top + line.height() >= 0:
                    labels.sort(key=lambda name: self._order.get(name, len(self._order)))
                    out.append((top, round(line.height()), labels))
            block = block.next()
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.window())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        chip_height = metrics.height() + 2
        for top, height, labels in self.lines(event.rect()):
            shown = labels if len(labels) <= MAX_SHOWN else labels[: MAX_SHOWN - 1]
            texts = [self._markers.get(name, "?") for name in shown]
            widths = [metrics.horizontalAdvance(text) + 6 for text in texts]
            more = 14 if len(shown) < len(labels) else 0
            # Right-aligned, so the markers sit next to the text they mark.
            x = max(2, self.width() - 6 - sum(widths) - 2 * (len(widths) - 1) - more)
            y = top + max(0, (height - chip_height) // 2)
            for name, text, width in zip(shown, texts, widths, strict=True):
                color = self._colors.get(name, QColor("#888888"))
                rect = QRectF(x, y, width, chip_height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(self._ink.get(name, Qt.GlobalColor.white))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
                x += width + 2
            if len(shown) < len(labels):
                painter.setPen(palette.text().color())
                painter.drawText(QRect(x, y, 12, chip_height), Qt.AlignmentFlag.AlignCenter, "+")
        painter.end()
