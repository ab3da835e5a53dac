"""Bulk operations in the annotation list: select several rows with the mouse or the
keyboard, then delete or relabel them all as one undoable step; rows the filter hides
are never touched."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import answer_next_modal, db_annotations

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton

PHRASES = (  # in the order of the list (by start)
    ("Raymond Siu", Qt.Key.Key_1),  # claim
    ("2,000 new security cameras", Qt.Key.Key_3),  # statistic
    ("refused to answer", Qt.Key.Key_2),  # refusal
    ("615 new CCTV cameras", Qt.Key.Key_3),  # statistic
    ("90,000", Qt.Key.Key_3),  # statistic
)


def every_row(db_path):
    """Every column of every annotation: what undo must bring back exactly."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT * FROM annotations ORDER BY start_offset, label").fetchall()


def tag_all(app, phrases=PHRASES):
    for phrase, key in phrases:
        app.tag(phrase, key)


def click_row(app, row, modifier=NONE):
    """Click a row of the annotation list where a user would: the middle of its quote."""
    view = app.window.annotations_view
    rect = view.visualRect(app.window.annotations_model.index(row, 1))
    assert view.viewport().rect().contains(rect.center())
    app.qtbot.mouseClick(view.viewport(), LEFT, modifier, rect.center())


def list_key(app, key, modifier=NONE, times=1):
    for _ in range(times):
        app.qtbot.keyClick(app.window.annotations_view, key, modifier)


def selected_rows(app):
    return sorted(i.row() for i in app.window.annotations_view.selectionModel().selectedRows())


def quotes(app, rows):
    return [app.list_rows()[row][1] for row in rows]


def test_clicks_select_several_rows_and_delete_removes_them_as_one_undo_step(app, db_path):
    tag_all(app)
    app.key(Qt.Key.Key_F2)  # a note on the last one tagged (90,000): undo keeps it
    app.qtbot.keyClicks(app.window.details.note, "Singapore, not Hong Kong")
    app.qtbot.keyClick(app.window.details.note, Qt.Key.Key_Return, CTRL)
    before = every_row(db_path)
    assert len(before) == 5

    click_row(app, 0)
    assert app.view.textCursor().selectedText() == "Raymond Siu"  # one row: its text
    click_row(app, 2, SHIFT)
    assert selected_rows(app) == [0, 1, 2]
    click_row(app, 1, CTRL)  # off again
    click_row(app, 4, CTRL)
    assert selected_rows(app) == [0, 2, 4]
    # Several rows: the text goes to the current one, with no text selected.
    assert not app.view.textCursor().hasSelection()
    assert app.window.text_view.caret_offset() == app.text.index("90,000")
    assert app.window.current_annotation().start == app.text.index("90,000")
    assert app.window.details.selection_count.isVisibleTo(app.window)
    assert "3 annotations selected" in app.window.details.selection_count.text()
    assert "90,000" in app.window.details.summary.text()
    assert app.window.delete_action.text() == "&Delete 3 annotations"

    list_key(app, Qt.Key.Key_Delete)
    assert every_row(db_path) == [before[1], before[3]]
    assert quotes(app, range(2)) == ["2,000 new security cameras", "615 new CCTV cameras"]
    assert app.window.undo_action.text() == "&Undo delete 3 annotations"
    assert app.window.documents_model.data(app.window.documents_model.index(0, 1)) == 2
    assert app.background_at(app.text.index("refused to answer")) is None

    app.key(Qt.Key.Key_Z, CTRL)  # all three back, exactly as they were, and selected
    assert every_row(db_path) == before
    assert quotes(app, selected_rows(app)) == ["Raymond Siu", "refused to answer", "90,000"]
    assert app.background_at(app.text.index("refused to answer")) is not None
    assert app.window.redo_action.text() == "&Redo delete 3 annotations"
    assert app.window.documents_model.data(app.window.documents_model.index(0, 1)) == 5

    app.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert every_row(db_path) == [before[1], before[3]]
    assert len(app.list_rows()) == 2
    app.key(Qt.Key.Key_Z, CTRL)
    assert every_row(db_path) == before


def test_shift_down_selects_rows_and_a_label_key_relabels_them_as_one_step(app, db_path):
    tag_all(app)
    before = every_row(db_path)
    click_row(app, 0)
    list_key(app, Qt.Key.Key_Down, SHIFT, times=2)  # Raymond Siu, 2,000 new…, refused…
    assert selected_rows(app) == [0, 1, 2]
    assert app.window.label_actions["refusal"].text() == "Relabel as refusal"
    list_key(app, Qt.Key.Key_2)
    after = every_row(db_path)
    assert [row[2] for row in after] == ["refusal", "refusal", "refusal", "statistic", "statistic"]
    assert after[2] == before[2]  # a refusal already: left alone, not even its time
    assert after[3:] == before[3:]  # not selected
    assert after[0][7] == before[0][7] and after[0][8] > before[0][8]  # updated, not created
    assert app.window.undo_action.text() == "&Undo relabel 2 annotations as 'refusal'"
    assert selected_rows(app) == [0, 1, 2]  # still selected, to go on with them
    assert app.window.annotations_view.hasFocus()

    app.key(Qt.Key.Key_Z, CTRL)
    assert every_row(db_path) == before
    app.key(Qt.Key.Key_Y, CTRL)
    assert every_row(db_path) == after

    # Resizing is for one annotation: with several selected the keys change nothing.
    list_key(app, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier | SHIFT)
    assert every_row(db_path) == after
    assert "single annotation" in app.window.statusBar().currentMessage()


def test_a_relabel_that_would_make_a_twin_skips_that_one_and_says_so(app, db_path):
    start = app.tag("615", Qt.Key.Key_3)
    app.set_selection(start, start + 3)
    app.key(Qt.Key.Key_1)  # a claim over the same span
    app.tag("90,000", Qt.Key.Key_3)
    assert [row[:3] for row in app.list_rows()] == [
        ("claim", "615", f"{start}–{start + 3}"),
        ("statistic", "615", f"{start}–{start + 3}"),
        ("statistic", "90,000", app.list_rows()[2][2]),
    ]
    before = every_row(db_path)
    click_row(app, 2)
    list_key(app, Qt.Key.Key_A, CTRL)  # every row the list shows
    assert selected_rows(app) == [0, 1, 2]
    seen = []

    def read_and_close(box):
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    timer = answer_next_modal(QMessageBox, read_and_close)
    list_key(app, Qt.Key.Key_1)  # the statistic on 615 would be the claim's twin
    del timer
    assert seen and "1 annotation(s) kept their label" in seen[0]
    assert "identical claim annotation" in seen[0]
    assert sorted(row[2] for row in every_row(db_path)) == ["claim", "claim", "statistic"]
    assert [row[0] for row in db_annotations(db_path)] == ["claim", "statistic", "claim"]
    # Only one was changed: the step is named like a single relabel.
    assert app.window.undo_action.text() == "&Undo relabel 'statistic' as 'claim'"
    app.window.activateWindow()  # offscreen there is no window manager to give it back
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.key(Qt.Key.Key_Z, CTRL)
    assert every_row(db_path) == before


def test_rows_the_filter_hides_are_never_deleted_or_relabelled(app, db_path):
    tag_all(app)
    before = every_row(db_path)
    combo = app.window.label_filter
    combo.setCurrentIndex(combo.findData("statistic"))
    view = app.window.annotations_view
    assert [r for r in range(5) if not view.isRowHidden(r)] == [1, 3, 4]
    # A Shift+click range across a hidden row takes it into Qt's selection…
    click_row(app, 1)
    click_row(app, 3, SHIFT)
    assert app.window.delete_action.text() == "&Delete 2 annotations"
    list_key(app, Qt.Key.Key_2)  # …but only the rows shown are relabelled
    labels = [row[2] for row in every_row(db_path)]
    assert labels == ["claim", "refusal", "refusal", "refusal", "statistic"]
    assert every_row(db_path)[2] == before[2]
    assert app.window.undo_action.text() == "&Undo relabel 2 annotations as 'refusal'"
    app.key(Qt.Key.Key_Z, CTRL)
    assert every_row(db_path) == before

    view.setFocus()
    list_key(app, Qt.Key.Key_A, CTRL)  # selects the rows shown, no other
    assert selected_rows(app) == [1, 3, 4]
    assert not app.view.textCursor().hasSelection()  # Ctrl+A in the list is not the text's
    list_key(app, Qt.Key.Key_Delete)
    assert every_row(db_path) == [before[0], before[2]]
    assert app.window.undo_action.text() == "&Undo delete 3 annotations"

    # A filter that hides selected rows deselects them: Delete acts on the rest only.
    app.key(Qt.Key.Key_Z, CTRL)
    combo.setCurrentIndex(0)
    view.setFocus()
    list_key(app, Qt.Key.Key_A, CTRL)
    assert selected_rows(app) == [0, 1, 2, 3, 4]
    app.qtbot.keyClicks(app.window.text_filter, "cameras")
    assert selected_rows(app) == [1, 3]
    assert app.window.delete_action.text() == "&Delete 2 annotations"
    view.setFocus()
    list_key(app, Qt.Key.Key_Delete)
    assert every_row(db_path) == [before[0], before[2], before[4]]


def test_a_bulk_delete_is_refused_whole_if_another_window_changed_one(make_window, db_path):
    one = make_window()
    tag_all(one, PHRASES[:3])
    before = every_row(db_path)
    click_row(one, 0)
    click_row(one, 2, SHIFT)
    # The first window has not caught up yet (its 500 ms poll would otherwise show the
    # change before the delete on a slow machine, and the delete would rightly go ahead).
    one.window._catch_up_timer.stop()
    two = make_window()
    two.window.activateWindow()
    two.qtbot.waitUntil(lambda: QApplication.activeWindow() is two.window)
    two.click_at(two.text.index("refused to answer") + 2)
    two.key(Qt.Key.Key_3)  # relabelled there, while still shown as a refusal here
    changed = every_row(db_path)
    seen = []
    timer = answer_next_modal(QMessageBox, lambda box: (seen.append(box.text()), box.accept()))
    one.window.delete_selected_annotations()  # Delete, as the first window has it
    del timer
    assert every_row(db_path) == changed != before  # nothing deleted
    assert seen and "changed or deleted elsewhere" in seen[0] and "Nothing was deleted" in seen[0]
    assert [row[0] for row in one.list_rows()] == ["claim", "statistic", "statistic"]
    assert not one.window.undo_action.text().startswith("&Undo delete")


def test_the_details_panel_edits_the_current_one_and_the_selection_stays(app, db_path):
    tag_all(app, PHRASES[:3])
    click_row(app, 0)
    click_row(app, 1, CTRL)  # current: 2,000 new security cameras
    panel = app.window.details
    assert "2,000 new security cameras" in panel.summary.text()
    assert "2 annotations selected" in panel.selection_count.text()
    list_key(app, Qt.Key.Key_F2)
    assert panel.note.hasFocus()
    app.qtbot.keyClicks(panel.note, "from the police chief")
    app.qtbot.keyClick(panel.note, Qt.Key.Key_Return, CTRL)
    with sqlite3.connect(db_path) as conn:
        notes = conn.execute("SELECT label, note FROM annotations ORDER BY start_offset")
        assert notes.fetchall() == [
            ("claim", None),
            ("statistic", "from the police chief"),
            ("refusal", None),
        ]
    assert app.window.undo_action.text() == "&Undo edit note on 'statistic'"
    assert selected_rows(app) == [0, 1]
    assert app.window.current_annotation().label == "statistic"
    # One row again: the count goes away and the text is selected as before.
    click_row(app, 2)
    assert not panel.selection_count.isVisibleTo(app.window)
    assert app.window.delete_action.text() == "&Delete annotation"
    assert app.view.textCursor().selectedText() == "refused to answer"
