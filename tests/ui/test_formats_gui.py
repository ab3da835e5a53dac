"""Every interchange format through the window: File ▸ Export… with the format chosen in
the dialog, then File ▸ Import… (or Import folder…) in a window on another database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.formats import registry
from annotator.ui.export_dialog import ExportDialog
from tests.ui.conftest import answer_next_modal, db_annotations
from tests.ui.test_files_gui import Dialogs, press_ok


# W3C carries no texts: its annotations land on the seed article every new database has.
@pytest.mark.parametrize("name", [fmt.name for fmt in registry.readable()])
def test_each_format_exports_and_imports_through_the_window(
    make_window, tmp_path, monkeypatch, db_path, name
):
    fmt = registry.get(name)
    dialogs = Dialogs(monkeypatch)
    app = make_window()
    for phrase, key in (("615 new", Qt.Key.Key_3), ("refused to answer", Qt.Key.Key_2)):
        app.tag(phrase, key)
    target = tmp_path / (f"out{fmt.suffix}" if fmt.suffix else "out-folder")
    dialogs.save_answer = str(target)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))

    def choose(dialog):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(name))
        press_ok(dialog)

    timer = answer_next_modal(ExportDialog, choose)
    app.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    timer.stop()
    assert target.is_dir() if fmt.folder else target.is_file()
    expected = sorted((label, start, end) for label, start, end, _who in db_annotations(db_path))

    other = tmp_path / "other.db"
    second = make_window(path=other)
    if fmt.folder:
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
        second.key(
            Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
    else:
        dialogs.open_answer = [str(target)]
        second.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.warnings == []
    got = sorted((label, start, end) for label, start, end, _who in db_annotations(other))
    assert got == expected
    QApplication.processEvents()
