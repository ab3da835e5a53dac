"""A small bar chart drawn with QPainter: counts per label, corpus and document (grouped),
or one bar per category."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from annotator.core.colors import blend
from annotator.ui.i18n import tr
from annotator.ui.theme import rgb

DOCUMENT_STRENGTH = 0.45  # the open document's bar: the label colour faded into the background


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    color: str
    corpus: int
    document: int | None  # None when no document is open


class BarChart(QWidget):
    """Per label: a full-colour bar for the corpus and, beside it, a faded one for the
    open document; value above each bar, label below (cut to fit). Without any
    document bar, each bar stands alone in the middle of its place. Background and text
    take the palette's Base and Text colours; painting follows the device pixel ratio."""

    MARGIN = 28
    WIDEST = 90  # a bar's width at most, in pixels: one or two bars stay bars
    VALUE_ROOM = 18  # the height of a value written above its bar
    TITLE = QT_TR_NOOP("Annotations per label: corpus (solid) and this document (faded)")

    def __init__(self, parent: QWidget | None = None, title: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self.setMinimumHeight(200)
        self.bars: list[Bar] = []
        self.title = tr(self.TITLE) if title is None else title

    def set_title(self, title: str) -> None:
        self.title = title
        self.update()

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self.bars = list(bars)
        self.update()

    def bar_rect(self, index: int, which: str) -> QRectF:
        """Where bar ``index`` (``"corpus"`` or ``"document"``) is drawn."""
        bar = self.bars[index]
        value = bar.corpus if which == "corpus" else (bar.document or 0)
        top_value = max([1] + [b.corpus for b in self.bars] + [b.document or 0 for b in self.bars])
        slot = (self.width() - 2 * self.MARGIN) / max(1, len(self.bars))
        if any(b.document is not None for b in self.bars):
            width = min(slot * 0.35, self.WIDEST)
            left = self.MARGIN + index * slot + (slot - 2 * width) / 2
            left += 0 if which == "corpus" else width
        else:
            width = min(slot * 0.6, self.WIDEST)
            left = self.MARGIN + index * slot + (slot - width) / 2
        floor = self.height() - self.MARGIN
        # The tallest bar leaves room above it for its value, below the title.
        top = self.title_rect().bottom() + self._line_height() + 2
        height = max(0.0, floor - top) * value / top_value
        return QRectF(left, floor - height, width, height)

    def _line_height(self) -> int:
        return max(self.VALUE_ROOM, self.fontMetrics().height() + 4)

    def title_rect(self) -> QRectF:
        """Where the title is written: one line, as tall as the font."""
        return QRectF(0, 2, self.width(), self._line_height())

    def value_rect(self, index: int, which: str) -> QRectF:
        """Where the value of bar ``index`` is written: just above the bar."""
        rect = self.bar_rect(index, which)
        line = self._line_height()
        return QRectF(rect.left() - 10, rect.top() - line, rect.width() + 20, line - 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.palette().color(QPalette.ColorRole.Base)
        painter.fillRect(self.rect(), base)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text)))
        floor = self.height() - self.MARGIN
        painter.drawLine(self.MARGIN, floor, self.width() - self.MARGIN, floor)
        metrics = painter.fontMetrics()
        painter.drawText(
            self.title_rect(),
            Qt.AlignmentFlag.AlignCenter,
            metrics.elidedText(self.title, Qt.TextElideMode.ElideRight, self.width() - 8),
        )
        slot = (self.width() - 2 * self.MARGIN) / max(1, len(self.bars))
        for i, bar in enumerate(self.bars):
            color = QColor(bar.color)
            kinds = [("corpus", color, bar.corpus)]
            if bar.document is not None:
                faded = QColor(*blend(rgb(color), rgb(base), DOCUMENT_STRENGTH))
                kinds.append(("document", faded, bar.document))
            for which, fill, value in kinds:
                rect = self.bar_rect(i, which)
                painter.fillRect(rect, fill)
                painter.drawText(
                    self.value_rect(i, which), Qt.AlignmentFlag.AlignCenter, str(value)
                )
            place = QRectF(self.MARGIN + i * slot, floor + 4, slot, self._line_height())
            painter.drawText(
                place,
                Qt.AlignmentFlag.AlignCenter,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(slot) - 4),
            )
        painter.end()
