"""Pieces dialogs share: a column of choices beside a wide view, OK/Cancel buttons wired
to the dialog, and a table of counts with its total line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


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


def fill_counts(
    table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Show ``rows`` under ``headers``: the first column names a row and stretches, the
    others are right-aligned numbers, and the last row (the total) is bold."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(list(headers))
    bold = QFont(table.font())
    bold.setBold(True)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if c:
                item.setTextAlignment(right)
            if r == len(rows) - 1:
                item.setFont(bold)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for c in range(1, len(headers)):
        header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
