"""A thin strip beside the text: where annotations sit in the whole document."""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from annotator.core.annotation_rows import AnnotationRows, spans_of
from annotator.core.model import Annotation
from annotator.ui.i18n import tr


class OverviewStrip(QWidget):
    """Draws a tick per annotation at its place in the text (by character position,
    top to bottom) in its label's colour, each label in a lane of its own.
    ``jump(annotation_id)`` when clicked near one."""

    jump = Signal(str)
    WIDTH = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewStrip")
        self.setFixedWidth(self.WIDTH)
        self.setToolTip(tr("Where the annotations are; click to go to one"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._length = 0
        # The spans drawn, as columns (the ids and labels are the list's own strings).
        self._ids: list[str] = []
        self._labels: list[str] = []
        self._starts = array("i")
        self._ends = array("i")
        self._colors: dict[str, QColor] = {}
        # Pixel rows each label covers (worked out again after a removal or a resize),
        # and the (label, top, bottom) runs to fill, from them.
        self._marks: dict[str, bytearray] | None = None
        self._runs: list[tuple[str, int, int]] | None = None

    def set_colors(self, colors: dict[str, str]) -> None:
        self._colors = {name: QColor(value) for name, value in colors.items()}
        self.update()

    def show_annotations(
        self, length: int, annotations: Iterable[Annotation] | AnnotationRows
    ) -> None:
        self._length = length
        self._ids, self._labels = [], []
        self._starts, self._ends = array("i"), array("i")
        for ident, label, start, end in spans_of(annotations):
            self._ids.append(ident)
            self._labels.append(label)
            self._starts.append(start)
            self._ends.append(end)
        self._marks = self._runs = None
        self.update()

    def add(self, annotation: Annotation) -> None:
        """Draw one more annotation: its rows are marked, nothing else worked out again."""
        self._ids.append(annotation.id)
        self._labels.append(annotation.label)
        self._starts.append(annotation.start)
        self._ends.append(annotation.end)
        if self._marks is not None:
            self._mark(self._marks, annotation.label, annotation.start, annotation.end)
            self._runs = None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._marks = self._runs = None
        super().resizeEvent(event)

    def runs(self) -> list[tuple[str, int, int]]:
        """Pixel rows ``[top, bottom)`` covered by each label's annotations, merged: at
        most a few per pixel row however many annotations there are."""
        if self._marks is None:
            self._marks = self._mark_all()
            self._runs = None
        if self._runs is None:
            runs = []
            for label, row in self._marks.items():
                start = row.find(1)
                while start != -1:
                    end = row.find(0, start)
                    end = len(row) if end == -1 else end
                    runs.append((label, start, end))
                    start = row.find(1, end)
            self._runs = runs
        return self._runs

    def _scale(self) -> tuple[int, float]:
        rows = max(1, self.height())
        return rows, 0.0 if self._length == 0 else (rows - 1) / self._length

    def _mark(self, marks: dict[str, bytearray], label: str, start: int, end: int) -> None:
        rows, scale = self._scale()
        top = int(start * scale)
        bottom = max(top + 2, int(end * scale) + 1)
        row = marks.get(label)
        if row is None:
            row = marks[label] = bytearray(rows + 2)
        row[top:bottom] = b"\x01" * (bottom - top)

    def _mark_all(self) -> dict[str, bytearray]:
        """What :meth:`_mark` does for each annotation, in one pass: each label's spans in
        pixel rows are merged first, so a row range is filled once per run, not once per
        annotation."""
        rows, scale = self._scale()
        spans: dict[str, list[tuple[int, int]]] = {}
        for label, start, end in zip(self._labels, self._starts, self._ends, strict=True):
            top = int(start * scale)
            bottom = int(end * scale) + 1
            found = spans.get(label)
            if found is None:
                found = spans[label] = []
            found.append((top, bottom if bottom > top + 2 else top + 2))
        marks = {}
        for label, pieces in spans.items():
            row = marks[label] = bytearray(rows + 2)
            pieces.sort()
            run_top, run_bottom = pieces[0]
            for top, bottom in pieces:
                if top > run_bottom:
                    row[run_top:run_bottom] = b"\x01" * (run_bottom - run_top)
                    run_top = top
                if bottom > run_bottom:
                    run_bottom = bottom
            row[run_top:run_bottom] = b"\x01" * (run_bottom - run_top)
        return marks

    def y_of(self, offset: int) -> float:
        """Where code point ``offset`` is drawn."""
        return 0.0 if self._length == 0 else offset / self._length * (self.height() - 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        # A lane per label (in the scheme's order): dense spans of one label do not hide
        # another's.
        lanes = {name: i for i, name in enumerate(self._colors)}
        lane = (self.WIDTH - 4) / max(1, len(lanes))
        for label, top, bottom in self.runs():
            x = 2 + lane * lanes.get(label, 0)
            painter.fillRect(QRectF(x, top, lane, bottom - top), self._colors.get(label, Qt.gray))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._ids or self._length == 0:
            return
        offset = event.position().y() / max(1, self.height() - 1) * self._length
        starts, ends = self._starts, self._ends
        nearest = min(range(len(starts)), key=lambda r: abs((starts[r] + ends[r]) / 2 - offset))
        self.jump.emit(self._ids[nearest])
