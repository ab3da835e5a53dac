"""The window's exports refuse a target that is not a regular file with a dialog."""

from __future__ import annotations

import os
import stat

from PySide6.QtCore import Qt

from annotator.ui.export_dialog import ExportDialog
from tests.ui.conftest import answer_next_modal
from tests.ui.test_files_gui import Dialogs, press_ok
from tests.ui.test_labels_editor import edit_labels

REFUSED = "refused: a device, pipe or socket, not a regular file to write over"


def test_ctrl_e_onto_a_pipe_shows_a_dialog_and_leaves_it(app, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    dialogs.save_answer = str(fifo)  # the file chosen in the save dialog
    timer = answer_next_modal(ExportDialog, press_ok)
    app.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.warnings == [("Export failed", f"{fifo}: {REFUSED}")]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert "Exported" not in app.window.statusBar().currentMessage()
    del timer


def test_a_scheme_exported_onto_a_pipe_shows_why(app, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    fifo = tmp_path / "scheme.json"
    os.mkfifo(fifo)
    dialogs.save_answer = str(fifo)

    def act(dialog):
        dialog.export_button.click()
        dialog.reject()

    edit_labels(app, act)
    assert dialogs.warnings == [("Cannot export the scheme", f"{fifo}: {REFUSED}")]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
