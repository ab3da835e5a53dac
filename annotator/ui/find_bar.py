"""Ctrl+F: find in the document, every hit marked, Enter / Shift+Enter to step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from annotator.ui.i18n import tr


class FindBar(QWidget):
    """``queryChanged(text)`` as the user types; ``step(+1 | -1)`` on Enter / Shift+Enter;
    ``closed()`` on Escape or the close button."""

    queryChanged = Signal(str)
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(tr("Find in document (Enter: next, Shift+Enter: previous)"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.count = QLabel()
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(tr("Close (Esc)"))
        close.clicked.connect(self.closed.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(tr("Find:")))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.field.textChanged.connect(self.queryChanged.emit)
        self.hide()

    def open(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def show_count(self, current: int, total: int, query: str) -> None:
        if not query:
            self.count.setText("")
        elif total == 0:
            self.count.setText(tr("no match"))
        else:
            self.count.setText(tr("{current} of {total}").format(current=current, total=total))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step.emit(-1 if shift else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.closed.emit()
                return True
        return super().eventFilter(watched, event)
