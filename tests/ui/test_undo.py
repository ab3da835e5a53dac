from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import db_annotations, label_tint

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_undo_and_redo_tagging_and_deleting_with_the_keyboard(app, db_path):
    a = app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    b = app.tag("Raymond Siu", Qt.Key.Key_1)
    app.click_at(a + 2)
    app.key(Qt.Key.Key_Delete)
    assert [row[0] for row in db_annotations(db_path)] == ["claim"]
    assert app.window.undo_action.text() == "&Undo delete 'statistic'"
    app.key(Qt.Key.Key_Z, CTRL)  # the deletion is undone: same annotation back
    assert [row[0] for row in db_annotations(db_path)] == ["claim", "statistic"]
    assert app.background_at(a) is not None
    assert app.window.undo_action.text() == "&Undo tag 'claim'"
    app.key(Qt.Key.Key_Z, CTRL)
    app.key(Qt.Key.Key_Z, CTRL)
    assert db_annotations(db_path) == []
    assert app.background_at(a) is None and app.background_at(b) is None
    assert app.list_rows() == []
    assert not app.window.undo_action.isEnabled()
    assert app.window.redo_action.text() == "&Redo tag 'statistic'"
    app.key(Qt.Key.Key_Z, CTRL | SHIFT)
    app.key(Qt.Key.Key_Y, CTRL)
    assert sorted(row[0] for row in db_annotations(db_path)) == ["claim", "statistic"]
    assert app.background_at(b) == label_tint("#0072b2")
    app.key(Qt.Key.Key_Y, CTRL)  # redo the deletion
    assert [row[0] for row in db_annotations(db_path)] == ["claim"]
    assert app.window.documents_model.data(app.window.documents_model.index(0, 1)) == 1


def test_undo_brings_back_the_same_annotation(app, db_path):
    a = app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    before = db_annotations(db_path)
    app.click_at(a + 1)
    app.key(Qt.Key.Key_Delete)
    app.key(Qt.Key.Key_Z, CTRL)
    assert db_annotations(db_path) == before
    assert app.list_rows()[app.selected_row()][1] == "615 new CCTV cameras"


def test_undo_works_across_document_switches(app, tmp_path, db_path):
    app.tag("Raymond Siu", Qt.Key.Key_1)
    other = tmp_path / "other.txt"
    other.write_text("A second document.", encoding="utf-8")
    assert app.window.import_files([other])
    assert app.window.document.title == "A second document."
    app.key(Qt.Key.Key_Z, CTRL)  # undoes the tag made in the seed article
    assert db_annotations(db_path) == []
    assert app.window.document.title.startswith("Hong Kong")
    assert app.list_rows() == []


def test_a_new_change_discards_what_was_undone(app):
    app.tag("615", Qt.Key.Key_3)
    app.key(Qt.Key.Key_Z, CTRL)
    app.tag("Raymond", Qt.Key.Key_1)
    assert not app.window.redo_action.isEnabled()
    assert app.window.undo_action.text() == "&Undo tag 'claim'"


def test_a_label_key_relabels_the_selected_annotation_when_no_text_is_selected(app, db_path):
    start = app.tag("615 new CCTV cameras", Qt.Key.Key_1)  # meant statistic
    # Just tagged: its row is selected and no text is: the key relabels it.
    assert app.window.label_actions["statistic"].text() == "Relabel as statistic"
    app.key(Qt.Key.Key_3)
    assert [row[0] for row in db_annotations(db_path)] == ["statistic"]
    assert app.background_at(start) == label_tint("#009e73")
    assert app.window.undo_action.text() == "&Undo relabel 'claim' as 'statistic'"
    app.key(Qt.Key.Key_Z, CTRL)
    assert [row[0] for row in db_annotations(db_path)] == ["claim"]
    assert app.background_at(start) == label_tint("#0072b2")
    # With text selected inside it, a key tags the selection instead.
    app.set_selection(start, start + 3)
    assert app.window.label_actions["statistic"].text() == "Tag as statistic"
    app.key(Qt.Key.Key_3)
    assert sorted((row[0], row[2] - row[1]) for row in db_annotations(db_path)) == [
        ("claim", 20),
        ("statistic", 3),
    ]


def test_notes_are_edited_in_the_details_panel_and_undoable(app, db_path):
    import sqlite3

    def notes():
        with sqlite3.connect(db_path) as conn:
            sql = "SELECT note FROM annotations WHERE label = 'statistic'"
            return [row[0] for row in conn.execute(sql)]

    app.tag("Raymond Siu", Qt.Key.Key_1)  # another row, before it in the list
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    assert "615 new CCTV cameras" in app.window.details.summary.text()
    app.key(Qt.Key.Key_F2)
    editor = app.window.details.note
    assert editor.hasFocus()
    app.qtbot.keyClicks(editor, "Police figure, <unverified> & rounded")
    app.qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
    assert notes() == ["Police figure, <unverified> & rounded"]
    assert app.view.hasFocus()  # back to reading
    assert not app.view.textCursor().hasSelection()  # no other span got selected
    app.key(Qt.Key.Key_F2)
    app.qtbot.keyClicks(editor, "never mind")
    app.qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert notes() == ["Police figure, <unverified> & rounded"] and app.view.hasFocus()
    assert app.window.undo_action.text() == "&Undo edit note on 'statistic'"
    app.view.setFocus()
    app.key(Qt.Key.Key_Z, CTRL)
    assert notes() == [None]
    assert editor.toPlainText() == ""
    app.key(Qt.Key.Key_Y, CTRL)
    assert notes() == ["Police figure, <unverified> & rounded"]
    assert editor.toPlainText() == "Police figure, <unverified> & rounded"
    # Leaving the field saves too.
    app.key(Qt.Key.Key_F2)
    app.qtbot.keyClicks(editor, "replaced")
    app.view.setFocus()
    assert notes() == ["replaced"]


def test_resizing_by_keyboard_moves_edges_by_code_points_and_undoes(make_window, tmp_path, db_path):
    doc = tmp_path / "emoji.txt"
    doc.write_text("Count: 2,000 😀 cameras here.", encoding="utf-8")
    app = make_window()
    assert app.window.import_files([doc])
    start = app.text.index("2,000")
    app.set_selection(start, start + 5)
    app.key(Qt.Key.Key_3)
    app.key(Qt.Key.Key_BracketRight, CTRL | SHIFT, times=2)  # over the space and the emoji
    rows = db_annotations(db_path)
    assert [(r[1], r[2]) for r in rows] == [(start, start + 7)]
    assert app.list_rows()[0][1] == "2,000 😀"
    app.key(Qt.Key.Key_BracketLeft, CTRL)  # start one to the left
    assert [(r[1], r[2]) for r in db_annotations(db_path)] == [(start - 1, start + 7)]
    assert app.background_at(start - 1) is not None
    app.key(Qt.Key.Key_Z, CTRL, times=3)  # each move was one step
    assert [(r[1], r[2]) for r in db_annotations(db_path)] == [(start, start + 5)]
    assert app.background_at(start + 6) is None


def test_a_label_key_in_the_list_relabels_the_clicked_row(app, db_path):
    app.tag("615 new CCTV cameras", Qt.Key.Key_1)  # meant statistic
    claim = app.window.current_annotation()
    app.tag("refused to answer questions", Qt.Key.Key_2)
    view = app.window.annotations_view
    row = app.window.annotations_model.row_of(claim.id)
    rect = view.visualRect(app.window.annotations_model.index(row, 1))
    app.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.hasFocus() and app.view.textCursor().hasSelection()  # its text is shown
    assert app.window.label_actions["statistic"].text() == "Relabel as statistic"
    app.qtbot.keyClick(view, Qt.Key.Key_3)
    assert sorted(row[0] for row in db_annotations(db_path)) == ["refusal", "statistic"]
    assert app.window.undo_action.text() == "&Undo relabel 'claim' as 'statistic'"
    # Back in the text with that span selected, a key tags: a second label on the span.
    app.view.setFocus()
    assert app.window.label_actions["claim"].text() == "Tag as claim"
