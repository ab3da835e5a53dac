from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from annotator.ui.highlighter import TINT, TINT_STEP
from tests.ui.conftest import db_annotations, label_tint

BLUE, GREEN = "#0072b2", "#009e73"


def tag(app, start, end, key):
    app.set_selection(start, end)
    app.key(key)


def test_click_inside_highlight_selects_its_row(app):
    text = app.text
    a = text.index("615 new CCTV cameras")
    b = text.index("90,000 in Singapore")
    tag(app, a, a + 20, Qt.Key.Key_3)
    tag(app, b, b + 6, Qt.Key.Key_3)
    app.click_at(a + 4)
    assert app.list_rows()[app.selected_row()][1] == "615 new CCTV cameras"
    app.click_at(b + 2)
    assert app.list_rows()[app.selected_row()][1] == "90,000"
    app.click_at(b + 10)  # outside every span
    assert app.selected_row() is None
    assert not app.window.delete_action.isEnabled()
    # Moving the caret with the arrows into a span selects it too.
    app.key(Qt.Key.Key_Left, times=5)
    assert app.list_rows()[app.selected_row()][1] == "90,000"


def test_selecting_a_row_scrolls_to_and_selects_the_span(app):
    text = app.text
    start = text.index("it is not appropriate for disclosure")  # near the very end
    tag(app, start, start + 36, Qt.Key.Key_2)
    early = text.index("Hong Kong Police")
    tag(app, early, early + 9, Qt.Key.Key_1)
    app.click_at(0)
    app.view.verticalScrollBar().setValue(0)
    table = app.window.annotations_view
    rect = table.visualRect(app.window.annotations_model.index(1, 1))
    app.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = app.view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (
        app.qt_pos(start),
        app.qt_pos(start + 36),
    )
    assert app.view.verticalScrollBar().value() > 0
    assert app.view.viewport().rect().contains(app.view.cursorRect())
    # Keyboard in the list: Up selects the previous annotation's span.
    app.qtbot.keyClick(table, Qt.Key.Key_Up)
    cursor = app.view.textCursor()
    assert cursor.selectedText() == "Hong Kong"


def test_delete_removes_the_selected_annotation_everywhere(app, db_path):
    text = app.text
    start = text.index("615 new CCTV cameras")
    tag(app, start, start + 20, Qt.Key.Key_3)
    other = text.index("90,000")
    tag(app, other, other + 6, Qt.Key.Key_3)
    app.click_at(start + 3)
    app.key(Qt.Key.Key_Delete)
    assert [row[1] for row in db_annotations(db_path)] == [other]
    assert app.background_at(start + 3) is None
    assert [row[1] for row in app.list_rows()] == ["90,000"]
    assert app.window.documents_model.data(app.window.documents_model.index(0, 1)) == 1
    # Delete with nothing selected deletes nothing.
    app.click_at(0)
    app.key(Qt.Key.Key_Delete)
    assert len(db_annotations(db_path)) == 1
    # Delete from the list, with the keyboard.
    table = app.window.annotations_view
    table.setFocus()
    table.selectRow(0)
    app.qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert db_annotations(db_path) == []


def test_nested_and_overlapping_spans_stay_distinguishable(app):
    text = app.text
    outer = text.index("2,000 new security cameras to be installed")
    tag(app, outer, outer + 42, Qt.Key.Key_1)  # claim over the whole phrase
    tag(app, outer, outer + 5, Qt.Key.Key_3)  # statistic "2,000" nested inside
    tag(app, outer + 37, outer + 50, Qt.Key.Key_3)  # statistic overlapping the claim's end
    only_claim = app.format_at(outer + 10)
    assert only_claim.background().color() == label_tint(BLUE)
    assert not only_claim.fontUnderline()
    nested = app.format_at(outer + 2)
    assert nested.background().color() == label_tint(GREEN, TINT + TINT_STEP)
    assert nested.fontUnderline() and nested.underlineColor() == QColor(BLUE)
    overlap = app.format_at(outer + 39)
    assert overlap.fontUnderline()
    tail = app.format_at(outer + 45)
    assert tail.background().color() == label_tint(GREEN) and not tail.fontUnderline()
    # The innermost span wins a click; the list shows all three.
    app.click_at(outer + 1)
    assert app.list_rows()[app.selected_row()][1] == "2,000"
    assert len(app.list_rows()) == 3


def test_switching_documents_and_relaunch_restores_state(make_window, tmp_path, db_path):
    first = make_window()
    seed_text = first.text
    s = seed_text.index("615")
    tag(first, s, s + 3, Qt.Key.Key_3)
    doc = tmp_path / "second.md"
    doc.write_text("# Second\n\nA claim is made here.\n", encoding="utf-8")
    assert first.window.import_files([doc])
    assert first.window.document.title == "Second"
    start = first.text.index("A claim")
    tag(first, start, start + 7, Qt.Key.Key_1)
    # Ctrl+PgUp goes back to the seed, with its highlight.
    first.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert first.window.document.title.startswith("Hong Kong")
    assert first.background_at(s) == label_tint(GREEN)
    # Choosing the second document in the list opens it.
    docs = first.window.documents_view
    rect = docs.visualRect(first.window.documents_model.index(1, 0))
    first.qtbot.mouseClick(docs.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert first.window.document.title == "Second"
    first.window.close()
    # A relaunch (a new window and store on the same file) shows the same state.
    second = make_window()
    assert second.window.document.title == "Second"
    assert second.list_rows() == [("claim", "A claim", f"{start}–{start + 7}")]
    assert second.background_at(start) == label_tint(BLUE)
    counts = [
        second.window.documents_model.data(second.window.documents_model.index(r, 1))
        for r in range(2)
    ]
    assert counts == [1, 1]


def test_second_window_on_the_same_database_sees_the_same(make_window, db_path):
    one = make_window()
    start = one.text.index("Raymond Siu")
    tag(one, start, start + 11, Qt.Key.Key_1)
    two = make_window()
    assert two.list_rows() == one.list_rows()
    assert two.background_at(start) == label_tint(BLUE)
    assert two.window.document.id == one.window.document.id
    assert two.window.counts_label.text() == one.window.counts_label.text()
    assert str(db_path) in two.window.counts_label.toolTip()


def activate(driver):
    driver.window.activateWindow()
    driver.qtbot.waitUntil(lambda: QApplication.activeWindow() is driver.window)


def test_two_open_windows_stay_in_step_and_never_duplicate(make_window, db_path):
    one = make_window()
    two = make_window()
    start = one.text.index("Raymond Siu")
    activate(one)
    tag(one, start, start + 11, Qt.Key.Key_1)
    activate(two)  # coming back to a window shows what the other one did
    assert two.list_rows() == one.list_rows() == [("claim", "Raymond Siu", f"{start}–{start + 11}")]
    assert two.background_at(start) == label_tint(BLUE)
    assert two.window.documents_model.data(two.window.documents_model.index(0, 1)) == 1
    # The same tag from the other window finds the existing annotation.
    tag(two, start, start + 11, Qt.Key.Key_1)
    assert len(db_annotations(db_path)) == 1
    # A deletion in one window disappears from the other.
    two.click_at(start + 2)
    two.key(Qt.Key.Key_Delete)
    activate(one)
    assert one.list_rows() == []
    assert one.background_at(start) is None


def test_a_click_in_an_overlap_selects_the_span_whose_colour_is_drawn(app):
    text = app.text
    base = text.index("Authorities in the region")
    tag(app, base, base + 10, Qt.Key.Key_2)  # short refusal
    tag(app, base + 5, base + 50, Qt.Key.Key_1)  # longer claim, starting later
    app.click_at(base + 7)
    assert app.background_at(base + 7) == label_tint("#d55e00", TINT + TINT_STEP)
    assert app.list_rows()[app.selected_row()][0] == "refusal"
