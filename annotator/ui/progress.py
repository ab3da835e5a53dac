"""Long work in the GUI thread with a progress dialog that can cancel it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")
# How long work may run before the dialog appears (ms); tests set 0.
SHOW_AFTER_MS = 400


class Cancelled(Exception):
    """The user pressed Cancel; the work in progress must leave nothing behind."""


def run_with_progress(
    parent: QWidget, label: str, work: Callable[[Callable[[int, int], None]], T]
) -> T:
    """Call ``work(progress)``; ``progress(done, total)`` updates a window-modal dialog,
    keeps the window responsive, and raises :class:`Cancelled` once Cancel is pressed."""
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle("Annotator")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def progress(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        if dialog.wasCanceled():
            raise Cancelled

    try:
        return work(progress)
    finally:
        dialog.close()
        dialog.deleteLater()
