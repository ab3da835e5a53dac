"""Layout pieces the encoding dialogs share: a column of choices beside a wide view, and
OK/Cancel buttons wired to the dialog."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QSplitter, QVBoxLayout, QWidget


def beside(
    side: Sequence[QWidget], main: QWidget, side_width: int
) -> tuple[QSplitter, QVBoxLayout]:
    """``side`` stacked in a column left of ``main``, which takes the spare width; the
    column's layout is returned too, for what is added to it later."""
    column = QWidget()
    column_layout = QVBoxLayout(column)
    column_layout.setContentsMargins(0, 0, 0, 0)
    for widget in side:
        column_layout.addWidget(widget)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(column)
    splitter.addWidget(main)
    splitter.setStretchFactor(1, 3)
    splitter.setSizes([side_width, 640])
    return splitter, column_layout


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named ``ok_text``) and Cancel, accepting and rejecting ``dialog``."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
