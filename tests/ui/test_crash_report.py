"""An unexpected error in the window: logged, shown with a report to copy, and the
window goes on working."""

from __future__ import annotations

import stat
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.ui import crash_report
from tests.ui.conftest import answer_next_modal, db_annotations


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_is_logged_shown_and_survived(app, db_path, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    crash_report.install()
    shown = []

    def copy_report(box):
        shown.append((box.windowTitle(), box.text(), box.informativeText(), box.detailedText()))
        next(b for b in box.buttons() if b.text() == "Copy report").click()

    timer = answer_next_modal(QMessageBox, copy_report)

    def broken_slot():
        raise ZeroDivisionError("a bug in a slot")

    QTimer.singleShot(0, broken_slot)
    app.qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    timer.stop()
    title, text, where, report = shown[0]
    assert title == "Something went wrong" and "ZeroDivisionError: a bug in a slot" in text
    assert "saved" in text
    assert "broken_slot" in report and "Annotator" in report
    log = crash_report.log_path()
    assert str(log) in where and "ZeroDivisionError: a bug in a slot" in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert QApplication.clipboard().text() == report
    # The window goes on: a tag still works and is saved.
    app.window.activateWindow()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.tag("615 new", Qt.Key.Key_3)
    assert [row[0] for row in db_annotations(db_path)] == ["statistic"]
