"""Starting the GUI on an open store."""

from __future__ import annotations

import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.core.identity import current_annotator
from annotator.resources import resource_path
from annotator.store import Store
from annotator.ui.main_window import MainWindow


def create_window(store: Store, show_document: str | None = None) -> MainWindow:
    """The main window on ``store``, showing ``show_document`` or the last one open."""
    window = MainWindow(store, current_annotator())
    window.setWindowIcon(QIcon(str(resource_path("icon.svg"))))
    window.open_initial_document(show_document)
    return window


def run(store: Store, show_document: str | None = None) -> int:
    """Open the main window and run the event loop; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Annotator")
    app.setApplicationDisplayName("Annotator")
    window = create_window(store, show_document)
    window.show()
    window.raise_()
    window.activateWindow()
    return app.exec()


def show_startup_error(message: str) -> None:
    """Tell a user who launched the app why it could not open (a modal dialog)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Annotator")
    QMessageBox.critical(None, "Annotator cannot start", message)
