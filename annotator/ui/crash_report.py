"""No silent failure: an unexpected exception in the window is written to a log file and
shown in a dialog with a report to copy; the window keeps running (every change made
before it was committed when it was made).

The log is ``annotator.log`` in the platform's log folder (on Linux
``~/.local/state/annotator/log``), readable by its owner only.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.ui.i18n import tr, tr_said

_showing = False  # a dialog is up: a second failure meanwhile is only logged


def log_path() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir("annotator", appauthor=False)) / "annotator.log"


def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """What went wrong, where, and on what: for the log and for a bug report."""
    lines = [
        f"Annotator {__version__} · Python {platform.python_version()} · Qt {qVersion()} · "
        f"PySide6 {pyside_version} · {platform.platform()}",
        f"at {datetime.now(UTC).isoformat(timespec='seconds')}",
        "",
        *traceback.format_exception(kind, error, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def write_log(text: str) -> Path | None:
    """Append ``text`` to the log; returns its path, or None if it could not be written."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as log:
            log.write(text + "\n\n")
    except OSError:
        return None
    return path


def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` while the window runs."""
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    text = report(kind, error, tb)
    print(text, file=sys.stderr)
    where = write_log(text)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        box = QMessageBox(QApplication.activeWindow())
        box.setObjectName("crashReport")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("Something went wrong"))
        box.setText(
            tr(
                "Annotator hit an unexpected problem: {problem}\n\n"
                "Your annotations are safe: every change you made was saved when you made it. "
                "You can go on working; if the problem comes back, please send the report."
            ).format(problem=f"{kind.__name__}: {tr_said(error)}")
        )
        box.setInformativeText(
            tr("The report was written to {path}.").format(path=where)
            if where
            else tr("The report could not be saved.")
        )
        box.setDetailedText(text)
        copy = box.addButton(tr("Copy report"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(text)
    finally:
        _showing = False


def install() -> None:
    """Route unexpected exceptions to :func:`handle` from now on."""
    sys.excepthook = handle
