"""Undo, notes, filters and shortcuts stay honest when other windows or fields are involved."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import db_annotations

CTRL = Qt.KeyboardModifier.ControlModifier


def activate(driver):
    driver.window.activateWindow()
    driver.qtbot.waitUntil(lambda: QApplication.activeWindow() is driver.window)


def test_undo_never_brings_back_what_another_window_deleted(make_window, db_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: warnings.append(text))
    one = make_window()
    two = make_window()
    activate(one)
    start = one.tag("615 new CCTV cameras", Qt.Key.Key_3)
    one.key(Qt.Key.Key_1)  # relabel as claim
    activate(two)
    two.click_at(start + 2)
    two.key(Qt.Key.Key_Delete)
    assert db_annotations(db_path) == []
    one.window.undo()  # the relabel cannot be undone: the annotation is gone
    assert db_annotations(db_path) == []
    assert warnings and "changed or deleted elsewhere" in warnings[0]
    assert not one.window.undo_action.isEnabled()
    assert one.window.documents_model.data(one.window.documents_model.index(0, 1)) == 0


def test_delete_never_removes_a_row_the_filter_hides(app, db_path):
    app.tag("Raymond Siu", Qt.Key.Key_1)
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    combo = app.window.label_filter
    combo.setCurrentIndex(combo.findData("claim"))
    table = app.window.annotations_view
    table.setFocus()
    table.selectRow(0)
    app.qtbot.keyClick(table, Qt.Key.Key_Delete)
    app.qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [row[0] for row in db_annotations(db_path)] == ["statistic"]


def test_a_note_being_typed_is_saved_when_the_selection_moves(app, db_path):
    app.tag("Raymond Siu", Qt.Key.Key_1)
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.key(Qt.Key.Key_F2)
    app.qtbot.keyClicks(app.window.details.note, "important")
    app.window.step_annotation(-1)  # F8-like move while typing
    with sqlite3.connect(db_path) as conn:
        notes = dict(conn.execute("SELECT label, note FROM annotations").fetchall())
    assert notes == {"statistic": "important", "claim": None}


def test_resize_keys_inside_the_find_field_do_not_resize(app, db_path):
    start = app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.key(Qt.Key.Key_F, CTRL)
    field = app.window.find_bar.field
    app.qtbot.keyClicks(field, "CCTV")
    app.qtbot.keyClick(
        field,
        Qt.Key.Key_BracketRight,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [(r[1], r[2]) for r in db_annotations(db_path)] == [(start, start + 20)]


def test_relabelling_into_a_twin_is_refused(app, db_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: warnings.append(text))
    start = app.tag("615", Qt.Key.Key_3)
    app.set_selection(start, start + 3)
    app.key(Qt.Key.Key_1)  # same span as a claim too
    app.key(Qt.Key.Key_3)  # relabel the claim as statistic: would duplicate
    assert sorted(row[0] for row in db_annotations(db_path)) == ["claim", "statistic"]
    assert warnings and "identical annotation" in warnings[0]
