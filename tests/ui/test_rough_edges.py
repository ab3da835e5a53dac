"""The rough edges a new user hit in the first half hour, each driven as the user did."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.app.opening import open_store
from annotator.core.model import NewDocument

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def stored(db_path):
    with sqlite3.connect(db_path) as conn:
        return [
            (label, note, json.loads(attrs) if attrs else None)
            for label, note, attrs in conn.execute(
                "SELECT label, note, attributes FROM annotations ORDER BY start_offset"
            )
        ]


def press(app, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    app.qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


def test_tab_from_the_note_goes_through_the_attributes_and_enter_saves(app, db_path, qtbot):
    app.tag("2,000 new security cameras", Qt.Key.Key_3)
    app.key(Qt.Key.Key_F2)
    details = app.window.details
    qtbot.waitUntil(details.note.hasFocus)
    app.type("counted twice", details.note)
    press(app, details.note, Qt.Key.Key_Tab)
    value = details.editors["value"]
    assert QApplication.focusWidget() is value  # not the status bar's "Annotating as …"
    assert stored(db_path) == [("statistic", "counted twice", None)]
    app.type("2,000", value)
    press(app, value, Qt.Key.Key_Tab)
    unit = details.editors["unit"]
    assert QApplication.focusWidget() is unit
    app.type("cameras", unit)
    press(app, unit, Qt.Key.Key_Tab)
    what = details.editors["what_counted"]
    assert QApplication.focusWidget() is what
    app.type("security cameras", what)
    press(app, what, Qt.Key.Key_Return)
    assert QApplication.activePopupWidget() is None  # no menu opened
    assert stored(db_path) == [
        (
            "statistic",
            "counted twice",
            {"value": 2000, "unit": "cameras", "what_counted": "security cameras"},
        )
    ]
    assert what.text() == "security cameras"
    # The message names the attribute as the panel does, not by its internal name.
    assert app.window.statusBar().currentMessage() == "What counted saved."


def test_f2_with_nothing_selected_says_why(app):
    app.click_at(0)
    app.key(Qt.Key.Key_F2)
    assert "No annotation selected" in app.window.statusBar().currentMessage()
    assert not app.window.details.note.hasFocus()


def test_a_note_typed_right_after_accepting_a_suggestion_is_kept(make_window, db_path, qtbot):
    store = open_store(str(db_path), seed=True)
    text = "Budget hearing\n\nThe minister promised that 2,000 cameras would be installed.\n"
    [result] = store.import_documents([NewDocument("Hearing", "hearing.txt", text)])
    store.close()
    app = make_window(show_document=result.document.id)
    suggestions = app.window.suggestions
    qtbot.waitUntil(lambda: suggestions.ready, timeout=10000)
    app.click_at(0)
    app.key(Qt.Key.Key_BracketRight)
    accepted = suggestions.current
    assert accepted is not None
    app.key(Qt.Key.Key_Return)  # accept
    assert "F2" in app.window.statusBar().currentMessage()
    app.key(Qt.Key.Key_F2)
    qtbot.waitUntil(app.window.details.note.hasFocus)
    app.type("from the hearing", app.window.details.note)
    press(app, app.window.details.note, Qt.Key.Key_Return, CTRL)
    [(label, note, _attrs)] = stored(db_path)
    assert (label, note) == (accepted.label, "from the hearing")
