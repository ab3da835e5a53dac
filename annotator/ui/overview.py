"""A thin strip beside the text: where annotations sit in the whole document."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from annotator.core.model import Annotation


class OverviewStrip(QWidget):
    """Draws a tick per annotation at its place in the text (by character position,
    top to bottom) in its label's colour. ``jump(annotation_id)`` when clicked near one."""

    jump = Signal(str)
    WIDTH = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewStrip")
        self.setFixedWidth(self.WIDTH)
        self.setToolTip("Where the annotations are; click to go to one")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._length = 0
        self._annotations: list[Annotation] = []
        self._colors: dict[str, QColor] = {}

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = {name: QColor(value) for name, value in colors.items()}

    def show_annotations(self, length: int, annotations: Sequence[Annotation]) -> None:
        self._length = length
        self._annotations = sorted(annotations, key=lambda a: a.start)
        self.update()

    def y_of(self, offset: int) -> float:
        """Where code point ``offset`` is drawn."""
        return 0.0 if self._length == 0 else offset / self._length * (self.height() - 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        for ann in self._annotations:
            top = self.y_of(ann.start)
            height = max(2.0, self.y_of(ann.end) - top)
            painter.fillRect(
                QRectF(2, top, self.WIDTH - 4, height), self._colors.get(ann.label, Qt.gray)
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._annotations or self._length == 0:
            return
        offset = event.position().y() / max(1, self.height() - 1) * self._length
        nearest = min(self._annotations, key=lambda a: abs((a.start + a.end) / 2 - offset))
        self.jump.emit(nearest.id)
