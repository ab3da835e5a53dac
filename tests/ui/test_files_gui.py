from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.helpers import check_export


def dump(db_path):
    with sqlite3.connect(db_path) as conn:
        return [
            conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("documents", "annotations", "labels")
        ]


class Dialogs:
    """Stands in for the user's answers to the file dialogs; records warnings shown."""

    def __init__(self, monkeypatch):
        self.open_answer: list[str] = []
        self.save_answer = ""
        self.warnings: list[tuple[str, str]] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (self.open_answer, ""))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (self.save_answer, ""))
        monkeypatch.setattr(
            QMessageBox,
            "warning",
            lambda _parent, title, text, *a: self.warnings.append((title, text)),
        )


def test_ctrl_o_imports_and_opens_the_first_file(app, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    a = tmp_path / "a.txt"
    a.write_text("Alpha text", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("# Beta\n", encoding="utf-8")
    dialogs.open_answer = [str(a), str(b)]
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert app.window.document.title == "Alpha text"
    assert app.window.documents_model.rowCount() == 3
    assert app.view.toPlainText() == "Alpha text"
    assert dialogs.warnings == []
    # The same files again: nothing new, and the status bar says so.
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert app.window.documents_model.rowCount() == 3
    assert "2 already imported" in app.window.statusBar().currentMessage()


def test_bad_file_in_the_gui_shows_a_dialog_and_changes_nothing(
    app, tmp_path, monkeypatch, db_path
):
    dialogs = Dialogs(monkeypatch)
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    before = dump(db_path)
    dialogs.open_answer = [str(good), str(bad)]
    app.window.import_action.trigger()
    assert len(dialogs.warnings) == 1
    title, message = dialogs.warnings[0]
    assert title == "Nothing was imported"
    assert str(bad) in message and "not valid UTF-8" in message
    assert dump(db_path) == before
    assert app.window.documents_model.rowCount() == 1


def test_ctrl_e_exports_a_valid_annotation_set(app, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    start = app.text.index("615")
    app.set_selection(start, start + 3)
    app.key(Qt.Key.Key_3)
    dialogs.save_answer = str(tmp_path / "set.json")
    app.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    exported = check_export((tmp_path / "set.json").read_bytes())
    assert exported["documents"][0]["annotations"][0]["quote"] == "615"
    dialogs.save_answer = str(tmp_path / "missing-folder" / "set.json")
    app.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.warnings and "missing-folder" in dialogs.warnings[0][1]
