"""Memos beside the document, driven as a user does: typed into, saved as typed, shown
again with their document, kept when the window closes, and out of the undo history."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.store import Store
from annotator.ui.memo_panel import PROJECT_TAB

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def stored(db_path) -> dict[str | None, str]:
    with sqlite3.connect(db_path) as conn:
        return dict(conn.execute("SELECT document_id, text FROM memos"))


def two_documents(make_window, tmp_path):
    other = tmp_path / "minutes.txt"
    other.write_text("Council minutes.\nThe bureau declined to comment.\n", encoding="utf-8")
    app = make_window()
    assert app.window.import_files([other])
    app.window.open_document(app.window.documents_model.document_id(0))
    return app


def type_keys(app, widget, text: str) -> None:
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            app.qtbot.keyClick(widget, Qt.Key.Key_Return)
        app.qtbot.keyClicks(widget, line)


def test_a_memo_is_saved_as_typed_and_follows_its_document(make_window, db_path, tmp_path):
    app = two_documents(make_window, tmp_path)
    window, panel = app.window, app.window.memo_panel
    first = window.document.id
    app.key(Qt.Key.Key_M, CTRL | SHIFT)  # Document ▸ Memo
    editor = panel.document_editor
    assert QApplication.focusWidget() is editor
    type_keys(app, editor, "Cameras: 615.\nAsk who decided")
    assert panel.status.text() == "Editing…"
    # Half a second after the last key it is in the database, and says so.
    app.qtbot.waitUntil(lambda: stored(db_path) == {first: "Cameras: 615.\nAsk who decided"})
    assert panel.status.text() == "Saved"
    app.qtbot.keyClicks(editor, ".")
    # The next document: what was typed is saved at once, and its own (empty) memo shown.
    app.qtbot.keyClick(editor, Qt.Key.Key_PageDown, CTRL)
    second = window.document.id
    assert second != first
    assert stored(db_path) == {first: "Cameras: 615.\nAsk who decided."}
    assert editor.toPlainText() == ""
    app.qtbot.keyClicks(editor, "Minutes: no figures at all")
    app.qtbot.keyClick(editor, Qt.Key.Key_PageUp, CTRL)
    assert editor.toPlainText() == "Cameras: 615.\nAsk who decided."
    assert stored(db_path)[second] == "Minutes: no figures at all"
    # Reopened, the database shows both with their documents.
    window.close()
    again = make_window().window
    again.open_document(second)
    assert again.memo_panel.document_editor.toPlainText() == "Minutes: no figures at all"
    again.open_document(first)
    assert again.memo_panel.document_editor.toPlainText() == "Cameras: 615.\nAsk who decided."


def test_the_project_memo_is_kept_when_the_window_closes_at_once(make_window, db_path, tmp_path):
    app = two_documents(make_window, tmp_path)
    panel = app.window.memo_panel
    app.window.project_memo_action.trigger()  # View ▸ Project memo
    assert panel.tabs.currentIndex() == PROJECT_TAB
    assert QApplication.focusWidget() is panel.project_editor
    type_keys(app, panel.project_editor, "Themes:\n- refusals by the bureau")
    app.window.close()  # before the half second is up
    assert stored(db_path) == {None: "Themes:\n- refusals by the bureau"}
    again = make_window().window
    assert again.memo_panel.project_editor.toPlainText() == "Themes:\n- refusals by the bureau"
    # The same on every document.
    again.open_document(again.documents_model.document_id(1))
    assert again.memo_panel.project_editor.toPlainText() == "Themes:\n- refusals by the bureau"


def test_ctrl_z_in_a_memo_undoes_typing_not_tagging(app, db_path):
    phrase = "615 new CCTV cameras"
    app.tag(phrase, Qt.Key.Key_3)
    assert app.window.undo_action.text() == "&Undo tag 'statistic'"
    app.key(Qt.Key.Key_M, CTRL | SHIFT)
    editor = app.window.memo_panel.document_editor
    app.qtbot.keyClicks(editor, "Count")
    app.qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == ""
    app.qtbot.keyClicks(editor, "Counted twice?")
    # Esc: saved, back to the text; the tag is still there and still the step to undo.
    app.qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is app.view
    assert stored(db_path) == {app.window.document.id: "Counted twice?"}
    assert [row[1] for row in app.list_rows()] == [phrase]
    assert app.window.undo_action.text() == "&Undo tag 'statistic'"
    app.key(Qt.Key.Key_Z, CTRL)
    assert app.list_rows() == []
    assert stored(db_path) == {app.window.document.id: "Counted twice?"}


def test_label_keys_type_into_a_memo(app, db_path):
    """1, 2, 3 are letters in a memo, not tags."""
    app.key(Qt.Key.Key_M, CTRL | SHIFT)
    editor = app.window.memo_panel.document_editor
    app.qtbot.keyClicks(editor, "123 cameras")
    app.window.memo_panel.save()
    assert stored(db_path) == {app.window.document.id: "123 cameras"}
    assert app.list_rows() == []


def test_another_window_follows_a_saved_memo(make_window, db_path):
    one, two = make_window(), make_window()
    one.window.memo_panel.focus_project_memo()
    one.qtbot.keyClicks(one.window.memo_panel.project_editor, "Seen from the other window")
    one.window.memo_panel.save()
    # The other window catches up (its timer asks the database), as with annotations.
    shown = two.window.memo_panel.project_editor
    two.qtbot.waitUntil(lambda: shown.toPlainText() == "Seen from the other window")
    # What is being typed there is not overwritten by a later save here.
    two.qtbot.keyClicks(shown, "Mine: ")
    one.qtbot.keyClicks(one.window.memo_panel.project_editor, "!")
    one.window.memo_panel.save()
    two.window.refresh_from_store()
    assert shown.toPlainText() == "Mine: Seen from the other window"


def test_a_memo_that_cannot_be_saved_says_so_and_keeps_the_text(make_window, db_path, tmp_path):
    app = two_documents(make_window, tmp_path)
    panel = app.window.memo_panel
    doomed = app.window.document.id
    panel.focus_document_memo()
    app.qtbot.keyClicks(panel.document_editor, "About to vanish")
    elsewhere = Store.open(str(db_path))  # another program deletes the document
    try:
        elsewhere.delete_document(doomed)
    finally:
        elsewhere.close()
    assert panel.save() is False
    assert panel.status.text().startswith("Not saved:") and doomed in panel.status.text()
    assert panel.document_editor.toPlainText() == "About to vanish"
    assert stored(db_path) == {}
