from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QTableWidget, QToolTip


def test_f8_and_shift_f8_step_through_annotations(app):
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.tag("Raymond Siu", Qt.Key.Key_1)
    app.tag("90,000", Qt.Key.Key_3)
    app.click_at(0)
    app.key(Qt.Key.Key_F8)
    assert app.view.textCursor().selectedText() == "Raymond Siu"
    app.key(Qt.Key.Key_F8)
    assert app.view.textCursor().selectedText() == "615 new CCTV cameras"
    app.key(Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert app.view.textCursor().selectedText() == "Raymond Siu"
    app.key(Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # wraps to the last
    assert app.view.textCursor().selectedText() == "90,000"


def test_f1_lists_every_shortcut(app):
    app.key(Qt.Key.Key_F1)
    dialog = app.window.findChild(type(app.window.show_shortcuts()), "shortcutsDialog")
    table = dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Tag the selection as claim, or relabel the chosen annotation"] == "1"
    assert rows["Undo"] == "Ctrl+Z"
    assert rows["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    assert rows["Next annotation"] == "F8"


def test_hovering_an_overlap_lists_every_annotation_there(app):
    outer = app.tag("2,000 new security cameras", Qt.Key.Key_1)
    app.tag("2,000", Qt.Key.Key_3)
    cursor = app.view.textCursor()
    cursor.setPosition(app.qt_pos(outer + 2))
    point = app.view.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, app.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(app.view.viewport(), event)
    text = QToolTip.text()
    assert text.splitlines()[0].startswith(f"statistic {outer}–{outer + 5}")
    assert text.splitlines()[1].startswith(f"claim {outer}–{outer + 26}")
    QToolTip.hideText()
    app.qtbot.waitUntil(lambda: not QToolTip.isVisible())
    far = app.view.viewport().rect().bottomRight() - QPoint(2, 2)
    QApplication.sendEvent(
        app.view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, far, app.view.viewport().mapToGlobal(far)),
    )
    assert not QToolTip.isVisible()  # nothing annotated under the mouse: no tooltip


def test_ctrl_f_marks_every_hit_and_enter_steps_through_them(app):
    text = app.text
    expected = [i for i in range(len(text)) if text.lower().startswith("cameras", i)]
    app.key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = app.window.find_bar.field
    assert field.hasFocus()
    app.qtbot.keyClicks(field, "CAMERAS")
    assert len(app.view.extraSelections()) == len(expected) > 3
    assert app.window.find_bar.count.text() == f"1 of {len(expected)}"
    assert app.view.textCursor().selectedText() == text[expected[0] : expected[0] + 7]
    app.qtbot.keyClick(field, Qt.Key.Key_Return)
    cursor = app.view.textCursor()
    assert cursor.selectionStart() == app.qt_pos(expected[1])
    app.qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    app.qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert app.window.find_bar.count.text() == f"{len(expected)} of {len(expected)}"
    app.qtbot.keyClicks(field, "zzz")
    assert app.window.find_bar.count.text() == "no match" and app.view.extraSelections() == []
    app.qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not app.window.find_bar.isVisible() and app.view.hasFocus()


def test_a_found_hit_extends_forwards_and_tags(app, db_path):
    from tests.ui.conftest import db_annotations

    app.key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    app.qtbot.keyClicks(app.window.find_bar.field, "615 new")
    app.qtbot.keyClick(app.window.find_bar.field, Qt.Key.Key_Escape)
    start = app.text.index("615 new")
    app.key(
        Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    app.key(
        Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    app.key(Qt.Key.Key_3)
    assert db_annotations(db_path) == [("statistic", start, start + len("615 new CCTV"), "tester")]


def test_window_layout_is_restored_on_the_next_launch(make_window):
    first = make_window()
    first.window.resize(760, 560)  # inside the offscreen screen
    first.window.splitter.setSizes([150, 400, 200])
    sizes = first.window.splitter.sizes()
    first.window.close()
    second = make_window()
    assert (second.window.width(), second.window.height()) == (760, 560)
    assert second.window.splitter.sizes() == sizes


def test_clicking_again_in_an_overlap_cycles_through_its_annotations(app):
    outer = app.tag("2,000 new security cameras", Qt.Key.Key_1)
    app.tag("2,000 new", Qt.Key.Key_2)
    app.tag("2,000", Qt.Key.Key_3)
    labels = []
    for _ in range(4):
        app.click_at(outer + 1)
        labels.append(app.list_rows()[app.selected_row()][0])
    assert labels == ["statistic", "refusal", "claim", "statistic"]


def test_the_list_filters_by_label_and_text_and_f8_follows_it(app):
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.tag("Raymond Siu", Qt.Key.Key_1)
    app.tag("90,000", Qt.Key.Key_3)
    view = app.window.annotations_view

    def shown():
        model = app.window.annotations_model
        return [
            model.data(model.index(r, 1))
            for r in range(model.rowCount())
            if not view.isRowHidden(r)
        ]

    combo = app.window.label_filter
    combo.setCurrentIndex(combo.findData("statistic"))
    assert shown() == ["615 new CCTV cameras", "90,000"]
    app.qtbot.keyClicks(app.window.text_filter, "cctv")
    assert shown() == ["615 new CCTV cameras"]
    app.window.text_filter.clear()
    app.click_at(0)
    app.key(Qt.Key.Key_F8)  # the claim in between is filtered out: skipped
    assert app.view.textCursor().selectedText() == "615 new CCTV cameras"
    app.key(Qt.Key.Key_F8)
    assert app.view.textCursor().selectedText() == "90,000"
    app.tag("2,000 new", Qt.Key.Key_3)  # a new row obeys the filter too
    assert "2,000 new" in shown()
    combo.setCurrentIndex(0)
    assert len(shown()) == 4


def test_documents_can_be_marked_done_and_the_list_shows_progress(app, tmp_path, db_path):
    import sqlite3

    other = tmp_path / "other.txt"
    other.write_text("Second document.", encoding="utf-8")
    assert app.window.import_files([other])
    model = app.window.documents_model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title (0/2 done)"
    app.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title (1/2 done)"
    assert model.data(model.index(1, 0)) == "✓ Second document."
    assert app.window.done_action.isChecked()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT title, done FROM documents ORDER BY position").fetchall()[
            1
        ] == (
            "Second document.",
            1,
        )
    app.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert not app.window.done_action.isChecked()
    app.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    app.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # and back
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Title (0/2 done)"


def test_the_overview_strip_shows_annotations_and_jumps_to_them(app):
    late = app.tag("it is not appropriate for disclosure", Qt.Key.Key_2)
    app.tag("Raymond Siu", Qt.Key.Key_1)
    app.click_at(0)
    app.view.verticalScrollBar().setValue(0)
    strip = app.window.overview
    assert strip.isVisible()
    image = strip.grab().toImage()
    y = int(strip.y_of(late)) + 1
    assert image.pixelColor(strip.width() // 2, y).name() == "#d55e00"  # refusal's colour
    app.qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() // 2, y))
    assert app.view.textCursor().selectedText() == "it is not appropriate for disclosure"
    assert app.view.verticalScrollBar().value() > 0


def test_typing_in_the_find_field_and_note_editor_never_triggers_shortcuts(app, db_path):
    from tests.ui.conftest import db_annotations

    start = app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.key(Qt.Key.Key_F2)
    editor = app.window.details.note
    app.qtbot.keyClicks(editor, "about 1,2 or 3 of them")
    app.qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    app.qtbot.keyClick(editor, Qt.Key.Key_Delete)
    app.qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert db_annotations(db_path) == [("statistic", start, start + 20, "tester")]
    app.key(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = app.window.find_bar.field
    app.qtbot.keyClicks(field, "2,000")
    app.qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert field.text() == "2,00"
    assert [row[0] for row in db_annotations(db_path)] == ["statistic"]
