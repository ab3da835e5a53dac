"""Changed documents in the window: a new version on import, the older one still open to
read, orphaned annotations listed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import db_annotations
from tests.ui.test_files_gui import Dialogs

V1 = (
    "Budget report\n\nThe minister said the cameras would be installed by June.\n"
    "Police counted 300 protesters outside the council.\n"
)
V2 = (
    "Budget report\n\nUpdated on Friday.\n\n"
    "The minister said the cameras would be installed by June.\n"
)


def click_row(qtbot, view, model, row):
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_changed_file_becomes_a_new_version_and_orphans_are_listed(
    app, tmp_path, monkeypatch, db_path
):
    dialogs = Dialogs(monkeypatch)
    window = app.window
    report = tmp_path / "report.txt"
    report.write_text(V1, encoding="utf-8")
    dialogs.open_answer = [str(report)]
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.document.text == V1
    app.tag("installed by June", Qt.Key.Key_1)
    app.tag("300 protesters", Qt.Key.Key_3)
    # The file changes and is imported again.
    report.write_text(V2, encoding="utf-8")
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.warnings == []
    [(title, message)] = dialogs.infos
    assert title == "Import finished"
    assert "imported as version 2" in message
    assert "annotations placed 1 exactly, 0 by quote, 0 fuzzily, 1 orphaned" in message
    assert "orphaned statistic '300 protesters'" in message
    assert "View ▸ Orphaned annotations" in message
    # The newest version is open, in the old one's place in the list, marked v2.
    assert window.document.text == V2 and window.document.version == 2
    model = window.documents_model
    titles = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert "Budget report  · v2 · 1 orphaned" in titles
    assert app.list_rows() == [("claim", "installed by June", app.list_rows()[0][2])]
    assert "(version 2)" in window.windowTitle()

    # View ▸ Orphaned annotations lists the orphan with its quote and note column.
    window.orphans_action.trigger()
    dialog = window._orphans_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[:3] == ["v1", "statistic", "300 protesters"]
    app.qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    # Version 1 opens as it was imported, the orphan selected in its text.
    assert window.document.text == V1 and window.showing_older_version
    assert "(version 1 of 2)" in window.windowTitle()
    assert window.current_annotation().label == "statistic"
    assert app.list_rows()[0][:2] == ("statistic", "[orphaned] 300 protesters")
    assert app.view.textCursor().selectedText() == "300 protesters"
    # Tagging is for the newest version: nothing is made here.
    before = db_annotations(db_path)
    app.set_selection(V1.index("Police"), V1.index("Police") + 6)
    app.key(Qt.Key.Key_1)
    assert db_annotations(db_path) == before
    assert "older one" in window.statusBar().currentMessage()

    # A click on the document in the list opens its newest version again.
    row = model.row_of(window.documents_model.documents()[-1].id)
    click_row(app.qtbot, window.documents_view, model, row)
    assert window.document.text == V2 and not window.showing_older_version

    # View ▸ Versions lists both; Open on the older one shows it.
    window.versions_action.trigger()
    versions = window._versions_dialog
    assert versions.table.rowCount() == 2
    assert versions.table.item(0, 0).text() == "v2 (newest)"
    assert versions.table.item(1, 3).text() == "1"
    versions.table.selectRow(1)
    app.qtbot.mouseClick(versions.open_button, Qt.MouseButton.LeftButton)
    assert window.document.text == V1
    app.qtbot.waitUntil(window.isActiveWindow)
    # Deleting the orphan (tagged again elsewhere, say) is undoable like any deletion.
    app.click_at(V1.index("300 protesters") + 2)
    app.key(Qt.Key.Key_Delete)
    assert app.list_rows() == []
    assert model.data(model.index(row, 0)) == "Budget report  · v2"
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert app.list_rows()[0][1] == "[orphaned] 300 protesters"
    assert model.data(model.index(row, 0)) == "Budget report  · v2 · 1 orphaned"
    # Ctrl+PgDown from an older version goes on from its document's place in the list.
    app.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert not window.showing_older_version
    assert window.document.id == model.document_id((row + 1) % model.rowCount())


def test_the_window_reopens_on_the_newest_version_of_the_last_document(
    make_window, tmp_path, monkeypatch
):
    dialogs = Dialogs(monkeypatch)
    first = make_window()
    report = tmp_path / "report.txt"
    report.write_text(V1, encoding="utf-8")
    dialogs.open_answer = [str(report)]
    first.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    old_id = first.window.document.id
    report.write_text(V2, encoding="utf-8")
    first.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    first.window.open_version(old_id)  # the older version was open last
    first.window.close()
    second = make_window()
    assert second.window.document.text == V2
    assert not second.window.showing_older_version


def test_undo_of_a_deletion_made_before_a_new_version_is_refused(
    app, tmp_path, monkeypatch, db_path
):
    dialogs = Dialogs(monkeypatch)
    window = app.window
    report = tmp_path / "report.txt"
    report.write_text(V1, encoding="utf-8")
    dialogs.open_answer = [str(report)]
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    app.tag("installed by June", Qt.Key.Key_1)
    app.key(Qt.Key.Key_Delete)  # deleted on version 1
    report.write_text(V2, encoding="utf-8")
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # version 2 comes in
    refused = []
    monkeypatch.setattr(window, "_error", lambda title, text: refused.append(text))
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # Bringing it back on version 1 would hide it (neither listed nor orphaned): refused.
    assert refused and "newer version" in refused[0]
    assert db_annotations(db_path) == []
    assert not window.undo_action.isEnabled()
