"""Review of team work: edits in a window never silently undo or lose a change someone
else made to the same annotation meanwhile (SQLite and PostgreSQL)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.store import Store


def test_deleting_an_annotation_someone_changed_meanwhile_is_refused(make_window, db, monkeypatch):
    window = make_window(db.target)
    window.tag("615 new CCTV cameras", Qt.Key.Key_3)
    [shown] = window.window.annotations_model.annotations()
    window.window._catch_up_timer.stop()  # the other's change lands before any refresh
    other = Store.open(db.target)
    try:
        [theirs] = other.annotations(shown.document_id)
        other.set_note(theirs, "their note")
    finally:
        other.close()
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: errors.append(text))
    table = window.window.annotations_view
    table.setFocus()
    table.selectRow(0)
    window.qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert errors and "changed or deleted elsewhere" in errors[0]
    assert db.rows("SELECT note, version FROM annotations") == [("their note", 2)]
    # The window caught up: it shows their note, and no delete was recorded for undo.
    [now_shown] = window.window.annotations_model.annotations()
    assert now_shown.note == "their note"
    assert window.window.undo_action.text() == "&Undo tag 'statistic'"
