"""An export the database cannot give ends in a dialog naming the record, not a crash."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox


def test_export_over_a_date_that_is_not_one_shows_a_dialog(
    make_window, db_path, tmp_path, monkeypatch
):
    app = make_window()
    store = app.window._store
    ann = store.add_annotation(store.documents()[0].id, "claim", 0, 3, "alice")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE annotations SET updated_at = 'not a date' WHERE id = ?", (ann.id,))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *a: shown.append((title, text))
    )
    out = tmp_path / "out.json"
    assert app.window.export_to(out) is False
    assert not out.exists()
    [(title, text)] = shown
    assert title == "Export failed"
    assert f"annotations row {ann.id!r}, column updated_at holds 'not a date'" in text
