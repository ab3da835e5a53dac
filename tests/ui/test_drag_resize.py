"""Resizing an annotation by dragging its edges with the mouse, and snapping to words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget

from tests.ui.conftest import answer_next_modal, db_annotations, label_tint

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ARROW = Qt.CursorShape.SizeHorCursor
IBEAM = Qt.CursorShape.IBeamCursor
GREEN = "#009e73"

DOC = (
    "Police said 2,000 new cameras cost HK$1.2bn.\n"
    "About 40.3% more than planned 😀 in 2024.\n"
    "Officials don't agree.\n"
)


@pytest.fixture
def app(make_window, tmp_path):
    doc = tmp_path / "cameras.txt"
    doc.write_text(DOC, encoding="utf-8")
    driver = make_window()
    assert driver.window.import_files([doc])
    assert driver.text == DOC
    return driver


def spans(db_path):
    return [(row[1], row[2]) for row in db_annotations(db_path)]


def point(app, offset: int) -> QPoint:
    """The pixel on the boundary before code point ``offset``, halfway down its line."""
    cursor = QTextCursor(app.view.document())
    cursor.setPosition(app.qt_pos(offset))
    rect = app.view.cursorRect(cursor)
    return QPoint(rect.left(), rect.center().y())


def move(app, at: QPoint, buttons=Qt.MouseButton.NoButton) -> None:
    """Move the mouse over the text with ``buttons`` held (QTest cannot hold one)."""
    viewport = app.view.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(at),
        QPointF(viewport.mapToGlobal(at)),
        Qt.MouseButton.NoButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def pointer(app) -> Qt.CursorShape:
    return app.view.viewport().cursor().shape()


def press(app, at: QPoint) -> None:
    app.qtbot.mousePress(app.view.viewport(), LEFT, pos=at)


def release(app, at: QPoint) -> None:
    app.qtbot.mouseRelease(app.view.viewport(), LEFT, pos=at)


def drag(app, start: QPoint, end: QPoint) -> None:
    """Press at ``start``, move there in a few steps with the button held, release."""
    press(app, start)
    for step in range(1, 5):
        move(app, start + (end - start) * step / 4, LEFT)
    release(app, end)


def test_the_pointer_turns_into_a_resize_arrow_on_the_selected_annotations_edges(app):
    start = app.tag("new cameras", Qt.Key.Key_3)  # tagged and selected
    end = start + len("new cameras")
    assert pointer(app) == IBEAM
    for at in (point(app, start), point(app, start) + QPoint(3, 0), point(app, end)):
        move(app, at)
        assert pointer(app) == ARROW
    near = (point(app, start) - QPoint(8, 0), point(app, start) + QPoint(0, 40))
    for at in (point(app, start + 4), *near, point(app, 0)):
        move(app, at)
        assert pointer(app) == IBEAM
    # Only the selected annotation's edges grab.
    other = app.tag("Officials", Qt.Key.Key_1)
    move(app, point(app, start))
    assert pointer(app) == IBEAM
    move(app, point(app, other))
    assert pointer(app) == ARROW
    app.click_at(app.text.index("Police"))  # outside every annotation: none is selected
    assert app.selected_row() is None
    move(app, point(app, other))
    assert pointer(app) == IBEAM


def test_dragging_the_end_edge_resizes_in_one_undoable_step(app, db_path):
    start = app.tag("new cameras", Qt.Key.Key_3)
    end = start + len("new cameras")
    target = app.text.index(" HK$")
    drag(app, point(app, end), point(app, target))
    assert spans(db_path) == [(start, target)]
    assert app.list_rows()[app.selected_row()] == (
        "statistic",
        "new cameras cost",
        f"{start}–{target}",
    )
    assert app.background_at(target - 1) == label_tint(GREEN)
    assert app.background_at(target) is None
    assert app.view.selected_span() == (start, target)
    assert pointer(app) == ARROW  # the mouse is on the (new) edge
    assert app.window.undo_action.text() == "&Undo resize 'statistic'"
    app.key(Qt.Key.Key_Z, CTRL)
    assert spans(db_path) == [(start, end)]
    assert app.background_at(end + 1) is None
    assert app.list_rows()[0][1] == "new cameras"
    app.key(Qt.Key.Key_Y, CTRL)
    assert spans(db_path) == [(start, target)]


def test_dragged_edges_land_on_code_points_past_astral_characters(app, db_path):
    text = app.text
    start = app.tag("more than planned", Qt.Key.Key_1)
    end = start + len("more than planned")
    emoji = text.index("😀")
    drag(app, point(app, end), point(app, emoji + 1))  # over the space and the emoji
    assert spans(db_path) == [(start, emoji + 1)]
    assert app.list_rows()[0][1] == "more than planned 😀"
    # After the emoji, Qt positions and code points differ by one: still code points.
    agree = app.tag("agree", Qt.Key.Key_2)
    drag(app, point(app, agree), point(app, text.index("don't")))
    assert spans(db_path) == [(start, emoji + 1), (text.index("don't"), agree + 5)]
    assert app.list_rows()[app.selected_row()][1] == "don't agree"


def test_the_span_shows_while_dragging_and_never_gets_shorter_than_a_character(app, db_path):
    start = app.tag("new cameras", Qt.Key.Key_3)
    end = start + len("new cameras")
    press(app, point(app, start))
    move(app, point(app, start + 4), LEFT)
    assert app.view.selected_span() == (start + 4, end)  # what it will become
    assert spans(db_path) == [(start, end)]  # nothing saved yet
    move(app, point(app, app.text.index("HK$")), LEFT)  # past the end: one character left
    assert app.view.selected_span() == (end - 1, end)
    app.key(Qt.Key.Key_1)  # keys do nothing while an edge is held (no tagging)
    release(app, point(app, app.text.index("HK$")))
    assert db_annotations(db_path) == [("statistic", end - 1, end, "tester")]
    assert app.list_rows()[0][1] == "s"
    # The end edge dragged back over the start stops one character after it.
    drag(app, point(app, end), point(app, 0))
    assert spans(db_path) == [(end - 1, end)]  # it was already one character
    app.key(Qt.Key.Key_Z, CTRL)
    drag(app, point(app, end), point(app, 0))
    assert spans(db_path) == [(start, start + 1)]


def test_escape_cancels_a_drag(app, db_path):
    start = app.tag("new cameras", Qt.Key.Key_3)
    end = start + len("new cameras")
    assert not app.view.textCursor().hasSelection()
    target = point(app, app.text.index("HK$"))
    press(app, point(app, end))
    move(app, target, LEFT)
    assert app.view.selected_span() == (start, app.text.index("HK$"))
    app.key(Qt.Key.Key_Escape)
    assert not app.view.textCursor().hasSelection()  # as before the drag
    assert app.view.caret_offset() == end
    move(app, target + QPoint(20, 0), LEFT)  # the rest of the drag does nothing
    release(app, target + QPoint(20, 0))
    assert spans(db_path) == [(start, end)]
    assert app.window.undo_action.text() == "&Undo tag 'statistic'"
    assert app.list_rows()[app.selected_row()][1] == "new cameras"
    assert pointer(app) == IBEAM


def test_a_click_on_an_edge_without_dragging_is_an_ordinary_click(app, db_path):
    start = app.tag("new cameras", Qt.Key.Key_3)
    end = start + len("new cameras")
    app.click_at(start)  # checks the caret went there
    assert app.list_rows()[app.selected_row()][1] == "new cameras"
    press(app, point(app, end))
    move(app, point(app, end) + QPoint(1, 1), LEFT)  # a tremble is not a drag
    release(app, point(app, end) + QPoint(1, 1))
    assert app.view.caret_offset() == end
    assert spans(db_path) == [(start, end)]
    assert app.window.undo_action.text() == "&Undo tag 'statistic'"


def test_selecting_with_the_mouse_away_from_edges_is_unchanged_without_snapping(app, db_path):
    start = app.tag("new cameras", Qt.Key.Key_3)
    assert not app.window.snap_action.isChecked()
    first = app.text.index("fficials")
    drag(app, point(app, first), point(app, first + len("fficials do")))
    assert app.view.selected_span() == (first, first + len("fficials do"))
    app.key(Qt.Key.Key_2)
    assert spans(db_path) == [(start, start + 11), (first, first + len("fficials do"))]
    # The keyboard takes what it is given, too.
    app.select_chars(app.text.index("0.3%"), 2)
    app.key(Qt.Key.Key_3)
    assert app.list_rows()[app.selected_row()][1] == "0."


def test_with_snapping_a_mouse_selection_widens_to_whole_words_and_numbers(app, db_path):
    app.window.snap_action.trigger()
    assert app.window.snap_action.isChecked()
    number = app.text.index("2,000")
    drag(app, point(app, number + 2), point(app, number + 4))  # "00"
    assert app.view.selected_span() == (number, number + 5)  # seen before tagging
    app.key(Qt.Key.Key_3)
    assert db_annotations(db_path) == [("statistic", number, number + 5, "tester")]
    # Backwards, from inside "cost" to inside "cameras": the caret stays at the start.
    cameras = app.text.index("cameras")
    drag(app, point(app, app.text.index("ost")), point(app, cameras + 2))
    assert app.view.selected_span() == (cameras, cameras + len("cameras cost"))
    assert app.view.textCursor().position() == app.qt_pos(cameras)
    app.key(Qt.Key.Key_1)
    assert app.list_rows()[app.selected_row()][1] == "cameras cost"
    # A percentage; a year whose full stop is not selected does not get it.
    percent = app.text.index("40.3%")
    drag(app, point(app, percent + 1), point(app, percent + 3))
    assert app.view.selected_span() == (percent, percent + 5)
    end = app.text.index("2024.") + 2
    drag(app, point(app, end), point(app, end + 1))
    assert app.view.selected_span() == (end - 2, end + 2)


def test_with_snapping_a_keyboard_selection_is_tagged_as_whole_words(app, db_path):
    app.window.snap_action.trigger()
    money = app.text.index("HK$1.2bn")
    app.select_chars(money + 1, 3)  # "K$1"
    assert app.view.selected_span() == (money + 1, money + 4)  # shown as made
    app.key(Qt.Key.Key_3)
    assert app.list_rows()[app.selected_row()][1] == "HK$1.2bn"
    assert spans(db_path) == [(money, money + len("HK$1.2bn"))]
    first = app.text.index("cials do")
    app.select_chars(first, len("cials do"))
    app.key(Qt.Key.Key_2)
    assert app.list_rows()[app.selected_row()][1] == "Officials don't"
    app.select_chars(app.text.index("gree."), len("gree. "))  # trimmed, then widened
    app.key(Qt.Key.Key_1)
    assert app.list_rows()[app.selected_row()][1] == "agree."


def test_with_snapping_a_dragged_edge_moves_from_word_to_word(app, db_path):
    app.window.snap_action.trigger()
    start = app.tag("new cameras", Qt.Key.Key_3)
    end = start + len("new cameras")
    money = app.text.index("HK$1.2bn")
    drag(app, point(app, end), point(app, money + 4))  # into the amount
    assert spans(db_path) == [(start, money + len("HK$1.2bn"))]
    drag(app, point(app, start), point(app, app.text.index("2,000") + 3))  # into the number
    assert spans(db_path) == [(app.text.index("2,000"), money + len("HK$1.2bn"))]
    assert app.list_rows()[0][1] == "2,000 new cameras cost HK$1.2bn"


def test_the_snapping_setting_is_in_the_view_menu_and_remembered(make_window, app):
    window = app.window
    view_menu = next(
        action.menu() for action in window.menuBar().actions() if action.text() == "&View"
    )
    assert window.snap_action in view_menu.actions()
    assert not window.snap_action.isChecked()
    window.snap_action.trigger()
    window.close()
    again = make_window()
    assert again.window.snap_action.isChecked()
    first = again.text.index("Police") + 2
    drag(again, point(again, first), point(again, first + 2))
    assert again.view.selected_span() == (0, len("Police"))
    again.window.snap_action.trigger()
    again.window.close()
    third = make_window()
    assert not third.window.snap_action.isChecked()
    drag(third, point(third, first), point(third, first + 2))
    assert third.view.selected_span() == (first, first + 2)


def test_an_end_edge_at_a_line_wrap_is_grabbed_at_the_end_of_its_line(make_window, tmp_path):
    doc = tmp_path / "long.txt"
    doc.write_text(" ".join(f"w{i:03d}" for i in range(400)) + "\n", encoding="utf-8")
    app = make_window()
    assert app.window.import_files([doc])
    line = app.view.document().firstBlock().layout().lineAt(0)
    wrap = line.textStart() + line.textLength()  # the first character of the second line
    assert 0 < wrap < len(app.text) and app.text[wrap - 1] == " "
    start = app.tag(app.text[wrap - 5 : wrap - 1], Qt.Key.Key_1)  # the line's last word
    app.key(Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier | SHIFT)  # its space
    assert app.list_rows()[0][2] == f"{start}–{wrap}"
    after_space = point(app, wrap - 1) + QPoint(app.view.fontMetrics().horizontalAdvance(" "), 0)
    move(app, point(app, wrap))  # the start of the next line is not the edge
    assert pointer(app) == IBEAM
    move(app, after_space)
    assert pointer(app) == ARROW
    drag(app, after_space, point(app, wrap - 3))
    assert app.list_rows()[0][1] == app.text[start : wrap - 3]


def test_a_span_ending_with_a_line_break_has_its_end_edge_on_the_next_line(app, db_path):
    start = app.tag("Officials don't agree.", Qt.Key.Key_2)
    end = len(app.text)
    app.key(Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier | SHIFT)  # the "\n"
    assert spans(db_path) == [(start, end)]
    move(app, point(app, end - 1) + QPoint(8, 0))  # after the full stop
    assert pointer(app) == IBEAM
    move(app, point(app, end))  # the start of the (empty) last line
    assert pointer(app) == ARROW
    drag(app, point(app, end), point(app, end - 1))
    assert spans(db_path) == [(start, end - 1)]


def test_a_drag_the_store_refuses_leaves_the_annotation_as_it_was(app, db_path):
    app.tag("new cameras", Qt.Key.Key_3)
    start = app.tag("new cameras cost", Qt.Key.Key_3)
    timer = answer_next_modal(QMessageBox, lambda box: box.accept())
    drag(app, point(app, start + len("new cameras cost")), point(app, start + 11))  # its twin
    del timer
    assert spans(db_path) == [(start, start + 11), (start, start + 16)]
    assert app.view.selected_span() == (start, start + 16)
    assert app.window.undo_action.text() == "&Undo tag 'statistic'"


def test_the_shortcuts_window_lists_the_mouse_gestures(app):
    dialog = app.window.show_shortcuts()
    table = dialog.findChild(QTableWidget)
    rows = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert "Resize the selected annotation with the mouse" in rows
    assert any(row.startswith("Snap selections to words") for row in rows)
    assert "Extend end by a character" in rows  # the keys are still there
    dialog.close()


def double_click(app, at: QPoint) -> None:
    """What Qt 6 delivers for a double click: press, release, press, double-click, release."""
    viewport = app.view.viewport()
    for kind in ("Press", "Release", "Press", "DblClick", "Release"):
        event = QMouseEvent(
            getattr(QEvent.Type, f"MouseButton{kind}"),
            QPointF(at),
            QPointF(viewport.mapToGlobal(at)),
            LEFT,
            Qt.MouseButton.NoButton if kind == "Release" else LEFT,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)


def test_a_double_click_on_an_edge_selects_a_word_as_it_does_elsewhere(app, db_path):
    end = app.text.index(" cost")
    at = point(app, end) + QPoint(2, 0)
    double_click(app, at)  # no annotation yet
    word = app.view.selected_span()
    assert word is not None
    start = app.tag("new cameras", Qt.Key.Key_3)
    assert end == start + len("new cameras")
    move(app, at)
    assert pointer(app) == ARROW  # on its edge
    double_click(app, at)
    assert app.view.selected_span() == word
    assert spans(db_path) == [(start, end)]
