"""A label that shows as much of its text as fits, with an ellipsis, and the whole text in
its tooltip; it asks for at most ``max_chars`` average characters of width."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """``text()`` stays the whole text; only the drawing is shortened."""

    def __init__(self, max_chars: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max_chars = max_chars
        self._tip = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_tip(self, tip: str) -> None:
        """What the tooltip adds below the whole text."""
        self._tip = tip
        self._update_tooltip()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        self.setToolTip("\n".join(part for part in (self.text(), self._tip) if part))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        widest = self._max_chars * self.fontMetrics().averageCharWidth()
        return QSize(min(hint.width(), widest), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(
            self.fontMetrics().horizontalAdvance("…") * 4, super().minimumSizeHint().height()
        )

    def shown_text(self) -> str:
        """The text as drawn now (shortened to the label's width)."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(self.contentsRect(), int(self.alignment()), self.shown_text())
