"""The label-scheme editor, driven with the mouse and keyboard; every edit is one
undoable step and reaches the database, the label bar, the menus and the highlights."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
)

from annotator.app.opening import open_store
from annotator.core.model import AttributeSpec, Label
from annotator.main import main
from annotator.ui.labels_dialog import LabelsDialog
from tests.ui.conftest import answer_next_modal, label_tint

CTRL = Qt.KeyboardModifier.ControlModifier


def stored_labels(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT name, color, hotkey, position FROM labels ORDER BY position"
        ).fetchall()


def stored_annotations(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT id, label, start_offset, end_offset, note, updated_at FROM annotations "
            "ORDER BY start_offset"
        ).fetchall()


def ok(qtbot, dialog):
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button.isEnabled(), dialog.problem.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def edit_labels(app, act):
    """Open the editor with Ctrl+Shift+L and let ``act(dialog)`` work in it; a failure
    inside closes the dialog (so the test ends) and is raised here."""
    failures = []

    def guarded(dialog):
        try:
            act(dialog)
        except BaseException as exc:
            failures.append(exc)
            dialog.reject()

    timer = answer_next_modal(LabelsDialog, guarded)
    app.key(Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    if failures:
        raise failures[0]
    assert not timer.isActive(), "the labels editor did not open"
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)


def select_row(qtbot, dialog, name):
    row = next(i for i in range(dialog.list.count()) if f"  {name}" in dialog.list.item(i).text())
    rect = dialog.list.visualItemRect(dialog.list.item(row))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.list.currentRow() == row


def test_add_a_label_with_a_hotkey_then_tag_with_it_and_undo(app, db_path, qtbot):
    def act(dialog):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.name_edit, "opinion")
        qtbot.keyClicks(dialog.hotkey_edit, "4")
        qtbot.keyClicks(dialog.description_edit, "A view, not a fact.")
        ok(qtbot, dialog)

    edit_labels(app, act)
    labels = stored_labels(db_path)
    assert labels[-1][0] == "opinion" and labels[-1][2:] == ("4", 3)
    assert labels[-1][1] == "#cc79a7"  # the next free colour of the palette, not a yellow
    assert "Tag as opinion" in [a.text() for a in app.window.label_menu.actions()]
    assert app.window.undo_action.text() == "&Undo add label 'opinion'"
    start = app.tag("refused to answer questions", Qt.Key.Key_4)
    assert [row[1:4] for row in stored_annotations(db_path)] == [("opinion", start, start + 27)]
    assert app.background_at(start) == label_tint("#cc79a7")
    app.key(Qt.Key.Key_Z, CTRL)  # the tag
    app.key(Qt.Key.Key_Z, CTRL)  # the label
    assert [row[0] for row in stored_labels(db_path)] == ["claim", "refusal", "statistic"]
    assert "Tag as opinion" not in [a.text() for a in app.window.label_menu.actions()]
    app.key(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert stored_labels(db_path)[-1] == labels[-1]


def test_rename_carries_annotations_and_undo_renames_back(app, db_path, qtbot):
    start = app.tag("assures that the cameras", Qt.Key.Key_1)
    before = stored_annotations(db_path)
    app.window.label_filter.setCurrentIndex(app.window.label_filter.findData("claim"))

    def act(dialog):
        select_row(qtbot, dialog, "claim")
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "assertion")
        ok(qtbot, dialog)

    edit_labels(app, act)
    assert [row[1] for row in stored_annotations(db_path)] == ["assertion"]
    assert app.list_rows()[0][0] == "assertion"
    assert "assertion  1" in [a.iconText() for a in app.window.label_bar.actions()]
    assert app.window.undo_action.text() == "&Undo rename 'claim' to 'assertion'"
    assert app.background_at(start) == label_tint("#0072b2")
    assert app.window.label_filter.currentText() == "assertion"  # the filter follows
    assert app.window.apply_list_filter() == 1
    app.key(Qt.Key.Key_Z, CTRL)
    assert stored_annotations(db_path) == before
    assert app.list_rows()[0][0] == "claim"
    assert app.window.label_filter.currentText() == "claim"


def test_removing_a_label_in_use_asks_deletes_its_annotations_and_undo_restores(
    app, db_path, qtbot
):
    app.tag("refused to answer questions", Qt.Key.Key_2)
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    before = stored_annotations(db_path)
    labels_before = stored_labels(db_path)
    asked = []

    def answer(box, button):
        asked.append(box.text())
        box.button(button).click()

    def cancel_then_remove(dialog):
        select_row(qtbot, dialog, "refusal")
        keep = answer_next_modal(  # kept alive while the question is open
            QMessageBox, lambda box: answer(box, QMessageBox.StandardButton.Cancel)
        )
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 3  # cancelled: still there
        keep = answer_next_modal(  # noqa: F841
            QMessageBox, lambda box: answer(box, QMessageBox.StandardButton.Yes)
        )
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 2
        ok(qtbot, dialog)

    edit_labels(app, cancel_then_remove)
    assert len(asked) == 2 and "used by 1 annotation." in asked[0]
    assert [row[0] for row in stored_labels(db_path)] == ["claim", "statistic"]
    assert [row[1] for row in stored_annotations(db_path)] == ["statistic"]
    assert [row[0] for row in app.list_rows()] == ["statistic"]
    assert app.window.undo_action.text() == "&Undo delete label 'refusal'"
    app.key(Qt.Key.Key_Z, CTRL)
    assert stored_labels(db_path) == labels_before
    assert stored_annotations(db_path) == before  # the same rows, ids and times
    assert sorted(row[0] for row in app.list_rows()) == ["refusal", "statistic"]


def test_recolour_from_the_palette_and_reorder(app, db_path, qtbot):
    start = app.tag("615 new CCTV cameras", Qt.Key.Key_3)

    def act(dialog):
        select_row(qtbot, dialog, "statistic")
        qtbot.mouseClick(dialog.palette_buttons[4], Qt.MouseButton.LeftButton)  # #cc79a7
        qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
        assert not dialog.up_button.isEnabled()
        ok(qtbot, dialog)

    edit_labels(app, act)
    assert stored_labels(db_path)[0] == ("statistic", "#cc79a7", "3", 0)
    assert app.background_at(start) == label_tint("#cc79a7")
    names = [a.iconText().split()[0] for a in app.window.label_bar.actions() if a.iconText()]
    assert names[-3:] == ["statistic", "claim", "refusal"]
    app.key(Qt.Key.Key_Z, CTRL)
    assert app.background_at(start) == label_tint("#009e73")
    assert [row[0] for row in stored_labels(db_path)] == ["claim", "refusal", "statistic"]


def test_a_broken_scheme_cannot_be_saved(app, db_path, qtbot):
    labels = stored_labels(db_path)

    def act(dialog):
        select_row(qtbot, dialog, "refusal")
        dialog.name_edit.selectAll()
        qtbot.keyClicks(dialog.name_edit, "claim")
        button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not button.isEnabled()
        assert "two labels are named 'claim'" in dialog.problem.text()
        qtbot.keyClicks(dialog.name_edit, "s")
        qtbot.keyClicks(dialog.hotkey_edit, "1")  # "21": not one key
        assert "'21' is not one key" in dialog.problem.text()
        dialog.hotkey_edit.selectAll()
        qtbot.keyClicks(dialog.hotkey_edit, "1")
        assert "share hotkey '1'" in dialog.problem.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    edit_labels(app, act)
    assert stored_labels(db_path) == labels
    assert not app.window.undo_action.isEnabled()


def test_define_an_attribute_and_use_it_in_the_details_panel(app, db_path, qtbot):
    def act(dialog):
        select_row(qtbot, dialog, "refusal")
        qtbot.mouseClick(dialog.add_attribute_button, Qt.MouseButton.LeftButton)
        editor = dialog.attributes.viewport().findChild(QLineEdit)  # the cell being edited
        assert editor is not None and editor.isVisible()
        qtbot.keyClicks(editor, "official")
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # committed by a queued call
        qtbot.waitUntil(lambda: dialog.attributes.item(2, 0).text() == "official")
        kind = dialog.attributes.cellWidget(2, 1)
        assert isinstance(kind, QComboBox)
        kind.setCurrentIndex(kind.findData("boolean"))
        ok(qtbot, dialog)

    edit_labels(app, act)
    app.tag("refused to answer questions", Qt.Key.Key_2)
    assert list(app.window.details.editors) == ["what_requested", "stated_reason", "official"]
    with sqlite3.connect(db_path) as conn:
        specs = json.loads(
            conn.execute("SELECT attributes FROM labels WHERE name = 'refusal'").fetchone()[0]
        )
    assert specs[-1] == {"name": "official", "type": "boolean", "choices": [], "description": ""}


def test_schemes_export_and_import_as_json(app, db_path, qtbot, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "annotator-label-scheme", "format_version": 1, "labels": [1]}')
    warnings = []

    def act(dialog):
        assert dialog.export_scheme(tmp_path / "scheme.json")
        data = json.loads((tmp_path / "scheme.json").read_text(encoding="utf-8"))
        assert data["format"] == "annotator-label-scheme"
        assert [lb["name"] for lb in data["labels"]] == ["claim", "refusal", "statistic"]
        data["labels"] = [
            {
                "name": "opinion",
                "color": "#cc79a7",
                "hotkey": "4",
                "description": "",
                "attributes": [{"name": "holder", "type": "text"}],
            },
            {**data["labels"][0], "color": "#56b4e9"},
        ]
        (tmp_path / "theirs.json").write_text(json.dumps(data), encoding="utf-8")
        keep = answer_next_modal(  # noqa: F841
            QMessageBox, lambda box: (warnings.append(box.text()), box.close())
        )
        assert not dialog.import_scheme(bad)
        assert dialog.list.count() == 3
        assert dialog.import_scheme(tmp_path / "theirs.json")
        assert dialog.list.count() == 4
        ok(qtbot, dialog)

    edit_labels(app, act)
    assert "bad.json" in warnings[0] and "labels[0]: expected an object" in warnings[0]
    labels = stored_labels(db_path)
    assert labels[0] == ("claim", "#56b4e9", "1", 0)
    assert labels[-1] == ("opinion", "#cc79a7", "4", 3)


def test_after_removing_a_label_the_form_shows_the_one_now_selected(app, db_path, qtbot):
    def act(dialog):
        select_row(qtbot, dialog, "refusal")
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)  # unused: no question
        assert dialog.list.currentRow() == 1
        assert dialog.name_edit.text() == "statistic"
        assert dialog.hotkey_edit.text() == "3"
        qtbot.keyClicks(dialog.description_edit, " Counted.")
        assert dialog.renames() == () and dialog.removed() == ("refusal",)
        ok(qtbot, dialog)

    edit_labels(app, act)
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT name, hotkey, description FROM labels").fetchall()
    assert [(n, k) for n, k, _d in rows] == [("claim", "1"), ("statistic", "3")]
    assert rows[1][2].endswith("evidence. Counted.")


def test_hotkeys_the_window_uses_or_another_label_has_are_refused(app, qtbot):
    def act(dialog):
        select_row(qtbot, dialog, "statistic")
        dialog.hotkey_edit.selectAll()
        qtbot.keyClicks(dialog.hotkey_edit, "F8")
        assert "'F8' is already Next annotation" in dialog.problem.text()
        dialog.hotkey_edit.selectAll()
        qtbot.keyClicks(dialog.hotkey_edit, "q")
        select_row(qtbot, dialog, "claim")
        dialog.hotkey_edit.selectAll()
        qtbot.keyClicks(dialog.hotkey_edit, "Q")
        assert "labels 'claim' and 'statistic' share hotkey" in dialog.problem.text()
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    edit_labels(app, act)


def test_choices_with_commas_survive_editing_other_fields(app, db_path, qtbot, tmp_path):
    scheme = tmp_path / "s.json"
    scheme.write_text(
        json.dumps(
            {
                "format": "annotator-label-scheme",
                "format_version": 1,
                "labels": [
                    {
                        "name": "claim",
                        "color": "#0072b2",
                        "hotkey": "1",
                        "description": "",
                        "attributes": [
                            {
                                "name": "stance",
                                "type": "choice",
                                "choices": ["yes, with conditions", "no"],
                            }
                        ],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )

    def act(dialog):
        assert dialog.import_scheme(scheme)
        select_row(qtbot, dialog, "claim")
        qtbot.keyClicks(dialog.description_edit, "Edited.")
        assert dialog.scheme()[0].attributes[0].choices == ("yes, with conditions", "no")
        ok(qtbot, dialog)

    edit_labels(app, act)
    with sqlite3.connect(db_path) as conn:
        specs = json.loads(
            conn.execute("SELECT attributes FROM labels WHERE name = 'claim'").fetchone()[0]
        )
    assert specs[0]["choices"] == ["yes, with conditions", "no"]


def test_a_set_imported_in_the_window_brings_its_labels_at_once(app, tmp_path, db_path):
    other = tmp_path / "other.db"
    store = open_store(str(other), seed=True)
    store.add_labels([Label("opinion", "#cc79a7", "4", "", (AttributeSpec("holder"),))])
    doc = store.documents()[0].id
    store.add_annotation(doc, "opinion", 0, 9, "colleague")
    store.close()
    assert main(["export", "--db", str(other), "-o", str(tmp_path / "theirs.json")]) == 0
    reports = []

    def read_report(box):
        # Already there while the report is read, not only once the window is reactivated.
        reports.append((box.text(), list(app.window.label_actions)))
        box.accept()

    keep = answer_next_modal(QMessageBox, read_report)  # the report on what the set did
    assert app.window.import_files([tmp_path / "theirs.json"])
    del keep
    assert "label(s) created: opinion" in reports[0][0]
    assert reports[0][1] == ["claim", "refusal", "statistic", "opinion"]
    assert "Tag as opinion" in [a.text() for a in app.window.label_menu.actions()]
    assert ("opinion", "Hong Kong", "0–9") in app.list_rows()
    view = app.window.annotations_view
    row = [r[0] for r in app.list_rows()].index("opinion")
    rect = view.visualRect(app.window.annotations_model.index(row, 1))
    app.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert app.window.current_annotation().label == "opinion"
    assert list(app.window.details.editors) == ["holder"]


def test_a_type_change_stored_values_would_not_fit_keeps_the_dialog_open(app, db_path, qtbot):
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.window.set_attributes(app.window.current_annotation().id, "unit", {"unit": "cameras"})
    labels = stored_labels(db_path)
    warnings = []

    def act(dialog):
        select_row(qtbot, dialog, "statistic")
        kind = dialog.attributes.cellWidget(1, 1)  # unit
        assert isinstance(kind, QComboBox)
        kind.setFocus()
        qtbot.keyClick(kind, Qt.Key.Key_Down)  # text → number
        assert kind.currentData() == "number"
        keep = answer_next_modal(
            QMessageBox, lambda box: (warnings.append(box.text()), box.close())
        )
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        del keep
        assert dialog.isVisible()  # still open, the edits still there
        assert "unit = 'cameras': expected a number" in dialog.problem.text()
        qtbot.keyClick(kind, Qt.Key.Key_Up)  # back to text: now it saves
        qtbot.keyClicks(dialog.description_edit, " Checked.")
        ok(qtbot, dialog)

    edit_labels(app, act)
    assert "expected a number" in warnings[0]
    assert stored_labels(db_path) == labels
    with sqlite3.connect(db_path) as conn:
        description = conn.execute(
            "SELECT description FROM labels WHERE name = 'statistic'"
        ).fetchone()[0]
    assert description.endswith(" Checked.")
