"""Review of team work: edits in a window never silently undo or lose a change someone
else made to the same annotation meanwhile (SQLite and PostgreSQL)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_team_windows import their_note_lands_unseen


def test_deleting_an_annotation_someone_changed_meanwhile_is_refused(make_window, db, monkeypatch):
    window = make_window(db.target)
    errors = their_note_lands_unseen(window, db.target, monkeypatch)
    window.qtbot.keyClick(window.window.annotations_view, Qt.Key.Key_Delete)
    assert errors and "changed or deleted elsewhere" in errors[0]
    assert db.rows("SELECT note, version FROM annotations") == [("their note", 2)]
    # The window caught up: it shows their note, and no delete was recorded for undo.
    [now_shown] = window.window.annotations_model.annotations()
    assert now_shown.note == "their note"
    assert window.window.undo_action.text() == "&Undo tag 'statistic'"


def test_curation_follows_an_undo_while_the_main_window_shows_only_my_annotations(
    make_window, db_path, qtbot
):
    from annotator.app.opening import open_store
    from annotator.core.annotators import AnnotatorFilter
    from tests.ui.test_curation_view import CAMERAS, gold_rows, open_curation, span_of, status_of

    store = open_store(str(db_path), seed=True)
    try:
        doc = store.documents()[0]
        text = store.document(doc.id).text
        for who in ("ana", "ben"):
            store.add_annotation(doc.id, "statistic", *span_of(text, CAMERAS), who)
    finally:
        store.close()
    app = make_window()
    app.window.set_annotator_filter(AnnotatorFilter.mine())  # "tester" made none of them
    dialog = open_curation(app)
    assert status_of(dialog, CAMERAS) == "agreed"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert gold_rows(db_path) == [("statistic", *span_of(text, CAMERAS))]
    assert status_of(dialog, CAMERAS) == "accepted"
    # Ctrl+Z in the main window takes it out of gold: the curation window says so.
    app.window.activateWindow()
    qtbot.waitUntil(lambda: app.window.isActiveWindow())
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_rows(db_path) == []
    qtbot.waitUntil(lambda: status_of(dialog, CAMERAS) == "agreed", timeout=1000)
