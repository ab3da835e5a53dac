"""An export the database cannot give ends in a dialog naming the record, not a crash."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from annotator.core.model import NewDocument
from annotator.ui.export_dialog import ExportDialog
from tests.ui.conftest import answer_next_modal
from tests.ui.test_files_gui import Dialogs, press_ok


def test_export_over_a_date_that_is_not_one_shows_a_dialog(
    make_window, db_path, tmp_path, monkeypatch
):
    app = make_window()
    store = app.window._store
    # On a document the window does not show: the window itself reads only the one it shows.
    [other] = store.import_documents([NewDocument("Other", "other.txt", "Another text.")])
    ann = store.add_annotation(other.document.id, "claim", 0, 3, "alice")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE annotations SET updated_at = 'not a date' WHERE id = ?", (ann.id,))
    conn.close()
    dialogs = Dialogs(monkeypatch)
    out = tmp_path / "out.json"
    dialogs.save_answer = str(out)
    timer = answer_next_modal(ExportDialog, press_ok)
    app.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not out.exists()
    [(title, text)] = dialogs.warnings
    assert title == "Export failed"
    assert f"annotations row {ann.id!r}, column updated_at holds 'not a date'" in text
    del timer


def test_a_document_whose_annotation_holds_an_unreadable_date_opens(make_window, db_path):
    """Opening such a document crashed the window (the crash-report dialog): its
    annotations are shown, the unreadable time as 1970-01-01, and nothing is rewritten."""
    first = make_window()
    store = first.window._store
    [other] = store.import_documents([NewDocument("Other", "other.txt", "Another text.")])
    ann = store.add_annotation(other.document.id, "claim", 0, 7, "alice")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE annotations SET created_at = 'not a date' WHERE id = ?", (ann.id,))
    conn.close()
    first.window.open_document(other.document.id)
    rows = first.window.annotations_model.rowCount()
    assert rows == 1
    shown = first.window.annotations_model.annotation(0)
    assert (shown.id, shown.start, shown.end) == (ann.id, 0, 7)
    assert shown.created_at.year == 1970
    with sqlite3.connect(db_path) as conn:
        [(stored,)] = conn.execute("SELECT created_at FROM annotations WHERE id = ?", (ann.id,))
    conn.close()
    assert stored == "not a date"
