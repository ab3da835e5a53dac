"""Progress of long work, with a way to cancel it: a dialog for work in the GUI thread,
a strip in the status bar for work in the background."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from annotator.ui.i18n import tr

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
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(tr("Annotator"))
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


class ProgressStrip(QWidget):
    """A status-bar strip: what is being done, a bar, and Cancel. It blocks nothing;
    Cancel emits :attr:`cancelRequested` and says "Cancelling…" until :meth:`finish`."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressStrip")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancelProgress")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.hide()

    def start(self, text: str) -> None:
        self._text = text
        self.label.setText(tr("{task}…").format(task=text))
        self.bar.setRange(0, 0)  # busy until the total is known
        self.cancel_button.setEnabled(True)
        self.show()

    def advance(self, done: int, total: int) -> None:
        if not self.cancel_button.isEnabled():
            return  # "Cancelling…" stays until the work stops
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.label.setText(
            tr("{task}: {done} of {total}").format(
                task=self._text, done=f"{done + 1:,}", total=f"{total:,}"
            )
        )

    def finish(self) -> None:
        self.hide()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(tr("Cancelling…"))
        self.cancelRequested.emit()
