"""Suggestions in the window, driven with real keys and clicks: dashed outlines, the
tooltip, walking through them, accepting (Enter, a label key, all of a label) and
rejecting (Esc, x), undo, hiding, and that nothing is written without acceptance."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.app import preferences
from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.ui.suggestion_outlines import outline_color
from tests.ui.conftest import utf16_len

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

# Phrases any engine worth the name suggests: a refusal and a statistic; an emoji before
# the second refusal puts code points and Qt positions apart.
TEXT = (
    "Budget hearing\n\n"
    "The minister promised that 2,000 cameras would be installed by June.\n\n"
    "A spokesman declined to comment on the cost. 😀 The police also declined to comment "
    "when asked again.\n"
)


@pytest.fixture
def doc_id(db_path):
    store = open_store(str(db_path), seed=True)
    try:
        [result] = store.import_documents([NewDocument("Hearing", "hearing.txt", TEXT)])
        return result.document.id
    finally:
        store.close()


@pytest.fixture
def open_window(make_window, doc_id):
    """A window on the hearing, its suggestions computed."""

    def make():
        app = make_window(show_document=doc_id)
        # A reopened window takes the layout the offscreen platform saved (narrow).
        app.window.resize(1330, 820)
        app.window.splitter.setSizes([290, 640, 400])
        app.qtbot.waitUntil(lambda: app.window.suggestions.ready, timeout=10000)
        QApplication.processEvents()
        return app

    return make


@pytest.fixture
def app(open_window):
    return open_window()


def rows(db_path, doc_id):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT label, start_offset, end_offset, annotator, source, rule FROM annotations "
            "WHERE document_id = ? ORDER BY start_offset, label",
            (doc_id,),
        ).fetchall()


def rejections(db_path, doc_id):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT label, start_offset, end_offset, rule, rejected_by "
            "FROM suggestion_rejections WHERE document_id = ? ORDER BY start_offset",
            (doc_id,),
        ).fetchall()


def everything(db_path):
    with sqlite3.connect(db_path) as conn:
        return (
            conn.execute("SELECT * FROM annotations ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM suggestion_rejections").fetchall(),
        )


def open_ones(app, label=None):
    return [s for s in app.window.suggestions.open_suggestions if label in (None, s.label)]


def find(app, label, phrase, nth=0):
    """The ``nth`` open suggestion of ``label`` whose quote holds ``phrase``."""
    found = [s for s in open_ones(app, label) if phrase in app.text[s.start : s.end]]
    assert len(found) > nth, f"no {label} suggestion on {phrase!r}: {open_ones(app)}"
    return found[nth]


def walk_to(app, suggestion, limit=50):
    """Press ] until ``suggestion`` is current."""
    for _ in range(limit):
        app.qtbot.keyClick(app.view, "]")
        QApplication.processEvents()
        if app.window.suggestions.current == suggestion:
            return
    raise AssertionError(f"] never reached {suggestion}")


def suggestions_menu(app):
    """Click Suggestions in the menu bar, as a user does; returns the menu, open."""
    bar, menu = app.window.menuBar(), app.window.suggestions.menu
    where = bar.actionGeometry(menu.menuAction()).center()
    app.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=where)
    app.qtbot.waitUntil(menu.isVisible)
    return menu


def click_entry(app, menu, name):
    """Click the entry of the open ``menu`` whose text (without &) or object name is
    ``name``; returns its submenu, open, if it has one."""
    [action] = [a for a in menu.actions() if name in (a.objectName(), a.text().replace("&", ""))]
    where = menu.actionGeometry(action).center()
    app.qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=where)
    submenu = action.menu()
    if submenu is not None:
        app.qtbot.waitUntil(submenu.isVisible)
        return submenu
    app.qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)  # closed
    # The offscreen platform leaves the closed menu active; on a desktop the window is.
    app.window.activateWindow()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    return None


def choose(app, name):
    """Suggestions ▸ ``name``, clicked."""
    click_entry(app, suggestions_menu(app), name)


def outline_rects(app, suggestion):
    app.view.viewport().repaint()
    return [rect for rect, s in app.window.suggestions.painted if s == suggestion]


def close_to(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_open_suggestions_are_drawn_as_dashed_outlines_in_the_label_colour(app):
    stat = find(app, "statistic", "2,000")
    [rect] = outline_rects(app, stat)
    # Where the text is: the box spans the characters' Qt positions (counted here in
    # UTF-16 units, not through the app's PositionMap).
    cursor = QTextCursor(app.view.document())
    cursor.setPosition(app.qt_pos(stat.start))
    left = app.view.cursorRect(cursor)
    cursor.setPosition(app.qt_pos(stat.end))
    right = app.view.cursorRect(cursor)
    assert abs(rect.left() - left.left()) <= 4 and abs(rect.right() - right.left()) <= 4
    assert rect.top() <= left.center().y() <= rect.bottom()
    # The refusal after the emoji is outlined where the emoji-shifted Qt text has it.
    later = find(app, "refusal", "declined to comment", 1)
    assert later.start > TEXT.index("😀")
    cursor.setPosition(utf16_len(TEXT[: later.start]))
    [box] = outline_rects(app, later)
    assert abs(box.left() - app.view.cursorRect(cursor).left()) <= 4
    # Dashes: along the top edge the label's colour alternates with the background.
    image = app.view.viewport().grab().toImage()
    ratio = app.view.viewport().devicePixelRatioF()
    color = outline_color(QColor("#009e73"), app.view.palette())
    # The top edge: its first rows (lower down if it is nested in a longer suggestion).
    best = []
    for dy in range(6):
        y = int((rect.top() + dy) * ratio)
        line = [
            image.pixelColor(round(x * ratio), y)
            for x in range(int(rect.left()) + 3, int(rect.right()) - 3)
        ]
        inked = [close_to(c, color) for c in line]
        if sum(inked) > sum(best):
            best = inked
    inked = best
    assert sum(inked) >= len(inked) // 4, "no outline in the label's colour"
    assert not all(inked), "a solid line, not dashes"
    # Not a filled highlight: the text's own format there has no background.
    assert app.background_at(stat.start) is None


def test_the_current_suggestion_is_drawn_thicker(app):
    stat = find(app, "statistic", "2,000")
    color = outline_color(QColor("#009e73"), app.view.palette())

    def inked() -> int:
        """Pixels in the statistic's colour in and around its outline."""
        [rect] = outline_rects(app, stat)
        image = app.view.viewport().grab().toImage()
        ratio = app.view.viewport().devicePixelRatioF()
        box = rect.toAlignedRect().adjusted(-3, -3, 3, 3)
        return sum(
            close_to(image.pixelColor(round(x * ratio), round(y * ratio)), color)
            for x in range(box.left(), box.right() + 1)
            for y in range(box.top(), box.bottom() + 1)
        )

    plain = inked()
    walk_to(app, stat)
    assert app.window.suggestions.current == stat
    emphasised = inked()
    assert emphasised > plain * 1.3, (plain, emphasised)
    app.click_at(TEXT.index("Budget") + 1)  # elsewhere: none current, drawn as before
    assert app.window.suggestions.current is None
    assert inked() == plain


def test_the_tooltip_names_label_confidence_reason_and_keys(app):
    stat = find(app, "statistic", "2,000")
    [rect] = outline_rects(app, stat)
    point = rect.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, app.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(app.view.viewport(), event)
    text = QToolTip.text()
    assert text.startswith(f"Suggested statistic (confidence {stat.confidence:.2f}): ")
    assert stat.reason in text
    assert text.endswith("Enter or 3 accepts, Esc or x rejects")


def test_next_goes_through_them_in_text_order_and_enter_accepts(app, db_path, doc_id):
    suggestions = app.window.suggestions
    first = open_ones(app)[0]
    app.click_at(0)
    app.key(Qt.Key.Key_BracketRight)
    assert suggestions.current == first
    assert app.view.textCursor().position() == app.qt_pos(first.start)
    total = len(open_ones(app))
    [hotkey] = [label.hotkey for label in app.window.labels if label.name == first.label]
    assert app.window.statusBar().currentMessage() == (
        f"1 of {total}: Suggested {first.label}: {first.reason} ({first.confidence:.2f}). "
        f"Enter or {hotkey} accepts, x rejects"
    )
    stat = find(app, "statistic", "2,000")
    walk_to(app, stat)
    count = len(open_ones(app))
    app.key(Qt.Key.Key_Return)
    assert rows(db_path, doc_id) == [
        ("statistic", stat.start, stat.end, "tester", "suggested", stat.rule)
    ]
    assert ("statistic", TEXT[stat.start : stat.end], f"{stat.start}–{stat.end}") in (
        app.list_rows()
    )
    assert stat not in open_ones(app) and len(open_ones(app)) == count - 1
    # On to the next open one.
    assert suggestions.current is not None and suggestions.current.start >= stat.start
    assert "Accepted statistic" in app.window.statusBar().currentMessage()
    # The details panel says where it came from.
    app.key(Qt.Key.Key_F8)  # to the annotation list's first (only) annotation
    assert f"suggested by rule {stat.rule}" in app.window.details.summary.text()


def test_previous_goes_back_and_wraps(app):
    suggestions = app.window.suggestions
    ones = open_ones(app)
    app.click_at(len(TEXT) - 1)
    app.key(Qt.Key.Key_BracketLeft)
    assert suggestions.current == ones[-1]
    app.key(Qt.Key.Key_BracketRight)
    assert suggestions.current == ones[0]  # past the last: the first
    app.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert suggestions.current == ones[-1]


def test_a_label_key_accepts_the_current_one_as_that_label(app, db_path, doc_id):
    refusal = find(app, "refusal", "declined to comment")
    walk_to(app, refusal)
    app.key(Qt.Key.Key_1)  # claim's key
    assert rows(db_path, doc_id) == [
        ("claim", refusal.start, refusal.end, "tester", "suggested", refusal.rule)
    ]
    assert "accepted as claim" in app.window.statusBar().currentMessage()
    assert refusal not in open_ones(app)  # dealt with, though no refusal covers it
    second = find(app, "refusal", "declined to comment")  # the first is dealt with
    assert second.start > refusal.start
    walk_to(app, second)
    app.key(Qt.Key.Key_2)  # its own label's key
    assert ("refusal", second.start, second.end, "tester", "suggested", second.rule) in rows(
        db_path, doc_id
    )
    # Undoing the claim offers the first refusal again.
    app.key(Qt.Key.Key_Z, CTRL)
    app.key(Qt.Key.Key_Z, CTRL)
    assert refusal in open_ones(app) and rows(db_path, doc_id) == []


def test_with_text_selected_a_label_key_tags_the_selection_as_ever(app, db_path, doc_id):
    stat = find(app, "statistic", "2,000")
    walk_to(app, stat)
    start = TEXT.index("minister")
    app.select_chars(start, len("minister"))
    assert app.window.suggestions.current is None
    app.key(Qt.Key.Key_1)
    assert rows(db_path, doc_id) == [("claim", start, start + 8, "tester", None, None)]
    # Enter with a selection and no current suggestion writes nothing.
    app.select_chars(start, 3)
    app.key(Qt.Key.Key_Return)
    assert len(rows(db_path, doc_id)) == 1


def test_clicking_inside_a_suggestion_makes_it_current(app, db_path, doc_id):
    stat = find(app, "statistic", "2,000")
    app.click_at(stat.start + 2)
    assert app.window.suggestions.current == stat
    [rect] = outline_rects(app, stat)
    assert rect.height() > 0
    app.key(Qt.Key.Key_Enter)  # the keypad's Enter too
    assert rows(db_path, doc_id)[0][:3] == ("statistic", stat.start, stat.end)
    # Clicking outside any suggestion leaves none current.
    app.click_at(TEXT.index("Budget") + 1)
    assert app.window.suggestions.current is None


def test_escape_and_x_reject_and_the_rejection_outlives_the_window(
    app, open_window, db_path, doc_id
):
    first = find(app, "refusal", "declined to comment")
    second = find(app, "refusal", "declined to comment", 1)
    walk_to(app, first)
    app.key(Qt.Key.Key_Escape)
    assert first not in open_ones(app)
    assert "Rejected refusal" in app.window.statusBar().currentMessage()
    walk_to(app, second)
    app.key(Qt.Key.Key_X)
    assert second not in open_ones(app)
    assert rejections(db_path, doc_id) == [
        ("refusal", first.start, first.end, first.rule, "tester"),
        ("refusal", second.start, second.end, second.rule, "tester"),
    ]
    assert rows(db_path, doc_id) == []  # rejecting makes no annotation
    left = open_ones(app)
    app.window.close()
    again = open_window()
    assert open_ones(again) == left
    assert not open_ones(again, "refusal") or all(
        s.key not in {first.key, second.key} for s in open_ones(again)
    )
    # They can be brought back (Suggestions ▸ Bring back rejected suggestions).
    choose(again, "Bring back rejected suggestions")
    assert first in open_ones(again) and second in open_ones(again)
    assert rejections(db_path, doc_id) == []


def test_a_rejection_is_undone_and_redone_like_any_change(app, db_path, doc_id):
    stat = find(app, "statistic", "2,000")
    refusal = find(app, "refusal", "declined to comment", 1)  # after the emoji
    walk_to(app, refusal)
    app.key(Qt.Key.Key_X)
    walk_to(app, stat)
    app.key(Qt.Key.Key_Escape)
    assert [r[:3] for r in rejections(db_path, doc_id)] == [
        ("statistic", stat.start, stat.end),
        ("refusal", refusal.start, refusal.end),
    ]
    assert app.window.undo_action.text() == "&Undo reject suggested 'statistic'"
    app.key(Qt.Key.Key_Z, CTRL)
    assert [r[:3] for r in rejections(db_path, doc_id)] == [("refusal", refusal.start, refusal.end)]
    assert stat in open_ones(app) and outline_rects(app, stat)
    assert app.window.suggestions.current == stat  # what came back is where the caret is
    app.key(Qt.Key.Key_Z, CTRL)
    assert rejections(db_path, doc_id) == []
    assert app.window.suggestions.current == refusal
    app.key(Qt.Key.Key_Return)  # and it can be accepted now, exact in code points
    assert rows(db_path, doc_id) == [
        ("refusal", refusal.start, refusal.end, "tester", "suggested", refusal.rule)
    ]
    assert TEXT[refusal.start : refusal.end] == app.text[refusal.start : refusal.end]
    app.key(Qt.Key.Key_Z, CTRL)  # the acceptance
    app.key(Qt.Key.Key_Z, CTRL | SHIFT)  # redo it
    app.key(Qt.Key.Key_Z, CTRL)
    assert rows(db_path, doc_id) == []
    app.key(Qt.Key.Key_Z, CTRL | SHIFT)
    app.key(Qt.Key.Key_Z, CTRL | SHIFT)  # the redone acceptance
    assert rows(db_path, doc_id)[0][:3] == ("refusal", refusal.start, refusal.end)


def test_redo_of_a_rejection_keeps_who_rejected_it(app, db_path, doc_id):
    stat = find(app, "statistic", "2,000")
    walk_to(app, stat)
    app.key(Qt.Key.Key_X)
    before = rejections(db_path, doc_id)
    app.key(Qt.Key.Key_Z, CTRL)
    assert stat in open_ones(app)
    app.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert (
        rejections(db_path, doc_id)
        == before
        == [("statistic", stat.start, stat.end, stat.rule, "tester")]
    )
    assert stat not in open_ones(app)


def test_bringing_back_rejected_ones_is_one_undo_step(app, db_path, doc_id):
    refusals = open_ones(app, "refusal")
    for refusal in refusals:
        walk_to(app, refusal)
        app.key(Qt.Key.Key_X)
    rejected = rejections(db_path, doc_id)
    assert len(rejected) == len(refusals) >= 2 and not open_ones(app, "refusal")
    choose(app, "Bring back rejected suggestions")
    assert rejections(db_path, doc_id) == [] and open_ones(app, "refusal") == refusals
    assert app.window.undo_action.text() == (
        f"&Undo bring back {len(refusals)} rejected suggestions"
    )
    app.key(Qt.Key.Key_Z, CTRL)
    assert rejections(db_path, doc_id) == rejected
    assert not open_ones(app, "refusal")
    assert app.window.suggestions.restore_action.isEnabled()


def test_accept_all_of_a_label_is_one_undo_step(app, db_path, doc_id):
    refusals = open_ones(app, "refusal")
    others = len(open_ones(app)) - len(refusals)
    submenu = click_entry(app, suggestions_menu(app), "Accept all of a label")
    [action] = [a for a in submenu.actions() if a.objectName() == "acceptAll:refusal"]
    assert len(refusals) >= 2 and action.isEnabled()
    assert action.text() == f"Accept all {len(refusals)} refusal suggestions"
    click_entry(app, submenu, "acceptAll:refusal")
    made = rows(db_path, doc_id)
    assert [(r[0], r[1], r[2]) for r in made] == [("refusal", s.start, s.end) for s in refusals]
    assert all(r[3:5] == ("tester", "suggested") for r in made)
    assert f"Accepted {len(refusals)} refusal suggestions" in (
        app.window.statusBar().currentMessage()
    )
    assert len(open_ones(app)) == others
    app.key(Qt.Key.Key_Z, CTRL)
    assert rows(db_path, doc_id) == []
    assert open_ones(app, "refusal") == refusals


def test_undo_of_an_accept_brings_the_suggestion_back(app, db_path, doc_id):
    stat = find(app, "statistic", "2,000")
    walk_to(app, stat)
    app.key(Qt.Key.Key_Return)
    assert len(rows(db_path, doc_id)) == 1
    assert app.window.undo_action.text() == "&Undo accept suggested 'statistic'"
    app.key(Qt.Key.Key_Z, CTRL)
    assert rows(db_path, doc_id) == []
    assert stat in open_ones(app)
    assert outline_rects(app, stat)
    app.key(Qt.Key.Key_Z, CTRL | SHIFT)  # and redo
    assert rows(db_path, doc_id)[0][:5] == (
        "statistic",
        stat.start,
        stat.end,
        "tester",
        "suggested",
    )


def test_tagging_by_hand_settles_a_suggestion_and_undo_reopens_it(app, db_path, doc_id):
    stat = find(app, "statistic", "2,000")
    app.tag("2,000", Qt.Key.Key_3)
    assert stat not in open_ones(app)
    app.key(Qt.Key.Key_Z, CTRL)
    assert stat in open_ones(app)


def test_hiding_draws_nothing_and_the_keys_do_nothing(app, open_window, db_path, doc_id):
    suggestions = app.window.suggestions
    stat = find(app, "statistic", "2,000")
    walk_to(app, stat)
    assert suggestions.status.text().endswith("suggestions")
    choose(app, "Show suggestions")
    assert not suggestions.show_action.isChecked()
    assert outline_rects(app, stat) == [] and suggestions.painted == []
    assert suggestions.current is None and not suggestions.status.isVisible()
    for key in (Qt.Key.Key_BracketRight, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_X):
        app.key(key)
    app.click_at(stat.start + 1)
    app.key(Qt.Key.Key_Return)
    assert suggestions.current is None
    assert rows(db_path, doc_id) == [] and rejections(db_path, doc_id) == []
    # Remembered for the next window (the preferences).
    app.window.close()
    again = open_window()
    assert not again.window.suggestions.show_action.isChecked()
    assert again.window.suggestions.painted == []
    choose(again, "Show suggestions")
    again.qtbot.waitUntil(lambda: again.window.suggestions.ready)
    assert stat in open_ones(again)
    assert outline_rects(again, stat)


def test_browsing_writes_nothing(app, db_path):
    before = everything(db_path)
    for _ in range(6):
        app.key(Qt.Key.Key_BracketRight)
    app.key(Qt.Key.Key_BracketLeft)
    stat = find(app, "statistic", "2,000")
    app.click_at(stat.start + 1)
    [rect] = outline_rects(app, stat)
    point = rect.center().toPoint()
    QApplication.sendEvent(
        app.view.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, point, app.view.viewport().mapToGlobal(QPoint(0, 0))),
    )
    choose(app, "Show suggestions")  # the menu opened, suggestions hidden
    choose(app, "Show suggestions")  # and shown again
    app.qtbot.waitUntil(lambda: app.window.suggestions.ready)
    assert everything(db_path) == before


def test_the_status_bar_counts_them(app):
    count = len(open_ones(app))
    assert count > 0
    assert app.window.suggestions.status.text() == f"{count} suggestions"
    walk_to(app, find(app, "statistic", "2,000"))
    app.key(Qt.Key.Key_X)
    assert app.window.suggestions.status.text() == f"{count - 1} suggestions"


def test_the_show_setting_defaults_on(app):

    assert preferences.load().show_suggestions
    assert app.window.suggestions.show_action.isChecked()


def test_each_document_has_its_own_and_switching_back_keeps_them(app, db_path, doc_id):
    mine = open_ones(app)
    walk_to(app, find(app, "refusal", "declined to comment"))
    app.key(Qt.Key.Key_PageDown, CTRL)  # the seed article
    assert app.window.document.id != doc_id
    app.qtbot.waitUntil(lambda: app.window.suggestions.ready, timeout=10000)
    assert app.window.suggestions.current is None
    theirs = open_ones(app)
    assert theirs and all(app.text[s.start : s.end] for s in theirs)
    assert any("2,000" in app.text[s.start : s.end] for s in open_ones(app, "statistic"))
    app.key(Qt.Key.Key_PageUp, CTRL)
    assert app.window.document.id == doc_id
    assert app.window.suggestions.ready  # computed once: kept
    assert open_ones(app) == mine


def test_the_suggestion_keys_are_window_actions_listed_with_the_shortcuts(app):
    texts = {a.text().replace("&", ""): a for a in app.window.actions()}
    assert texts["Next suggestion"].shortcut().toString() == "]"
    assert texts["Accept suggestion"].shortcut().toString() == "Enter"
    assert [k.toString() for k in texts["Reject suggestion"].shortcuts()] == ["Esc", "X"]


def test_a_broken_rule_file_of_the_users_is_named_in_a_dialog_and_work_goes_on(
    make_window, doc_id, db_path, tmp_path
):
    import os
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    app = make_window(show_document=doc_id)
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "annotator" / "suggest"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text("label = [unclosed\n", encoding="utf-8")
    app.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # the seed article
    assert app.window.document.id != doc_id

    def warning():
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        return boxes[0] if boxes else None

    app.qtbot.waitUntil(lambda: warning() is not None, timeout=10000)
    box = warning()
    assert "mine.toml" in box.text() and "Suggestions are unavailable" in box.text()
    assert app.window.suggestions.open_suggestions == []  # nothing half-read
    app.qtbot.keyClick(box, Qt.Key.Key_Return)  # OK
    app.qtbot.waitUntil(lambda: warning() is None)
    app.window.activateWindow()  # as the window manager does when the box goes
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    seed = app.window.document.id
    start = app.tag("615 new CCTV cameras", Qt.Key.Key_3)  # annotating goes on
    assert rows(db_path, seed) == [("statistic", start, start + 20, "tester", None, None)]


# Suggestion keys only act on suggestions while the text has the focus: a label key,
# x, Enter, Esc, [ or ] typed in a field or chosen in a list acts there, and writes
# nothing for the suggestion that is current in the text.


def focus(app, name):
    window = app.window
    if name == "find":
        window.find_bar_open()
        widget = window.find_bar.field
    else:
        widget = getattr(window, name)
    widget.setFocus()
    QApplication.processEvents()
    assert QApplication.focusWidget() is widget
    return widget


@pytest.mark.parametrize("name", ["label_filter", "documents_view", "text_filter", "find"])
def test_a_label_key_outside_the_text_does_not_accept_the_current_suggestion(
    app, db_path, doc_id, name
):
    stat = find(app, "statistic", "2,000")
    walk_to(app, stat)
    widget = focus(app, name)
    app.qtbot.keyClick(widget, Qt.Key.Key_3)  # statistic's key
    QApplication.processEvents()
    assert rows(db_path, doc_id) == []
    assert stat in open_ones(app)
    # Back in the text, the key accepts it.
    app.view.setFocus()
    walk_to(app, stat)
    app.qtbot.keyClick(app.view, Qt.Key.Key_3)
    assert rows(db_path, doc_id)[0][:3] == ("statistic", stat.start, stat.end)


@pytest.mark.parametrize("name", ["text_filter", "find"])
@pytest.mark.parametrize("key", ["x", "[", "]", "2"])
def test_typing_in_a_line_edit_types_there(app, db_path, doc_id, name, key):
    stat = find(app, "statistic", "2,000")
    walk_to(app, stat)
    widget = focus(app, name)
    before = widget.text()
    app.qtbot.keyClick(widget, key)
    QApplication.processEvents()
    assert widget.text() == before + key
    assert app.window.suggestions.current in (stat, None)  # [ and ] did not step
    assert rows(db_path, doc_id) == [] and rejections(db_path, doc_id) == []


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_X])
def test_enter_esc_and_x_in_the_note_editor_do_not_act_on_a_suggestion(app, db_path, doc_id, key):
    claim = find(app, "claim", "minister")
    app.tag("minister", Qt.Key.Key_2)  # a refusal inside the claim suggestion
    app.click_at(TEXT.index("minister") + 2)  # selects it; the claim becomes current
    assert app.window.suggestions.current == claim
    app.key(Qt.Key.Key_F2)  # edit the refusal's note
    note = app.window.details.note
    assert QApplication.focusWidget() is note
    app.qtbot.keyClick(note, key)
    QApplication.processEvents()
    assert [r[0] for r in rows(db_path, doc_id)] == ["refusal"]
    assert rejections(db_path, doc_id) == [] and claim in open_ones(app)
    if key == Qt.Key.Key_X:
        assert note.toPlainText() == "x"


# Rejecting a suggestion is one undo step like accepting one: Ctrl+Z after x brings
# that suggestion back (database and outlines), not an earlier step; Ctrl+Shift+Z rejects
# it again.


def test_undo_of_a_reject_brings_it_back_and_redo_rejects_it_again(app, db_path, doc_id):
    stat = find(app, "statistic", "2,000")
    walk_to(app, stat)
    app.key(Qt.Key.Key_Return)  # an earlier step, which Ctrl+Z must leave alone
    accepted = rows(db_path, doc_id)
    refusal = find(app, "refusal", "declined to comment")
    walk_to(app, refusal)
    app.key(Qt.Key.Key_X)
    assert refusal not in open_ones(app) and outline_rects(app, refusal) == []
    assert app.window.undo_action.text() == "&Undo reject suggested 'refusal'"
    app.key(Qt.Key.Key_Z, CTRL)
    assert rejections(db_path, doc_id) == []
    assert rows(db_path, doc_id) == accepted  # the accept before it stays
    assert refusal in open_ones(app) and outline_rects(app, refusal)
    assert app.window.suggestions.current == refusal  # to decide again
    assert "Undid reject suggested 'refusal'" in app.window.statusBar().currentMessage()
    app.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert rejections(db_path, doc_id) == [
        ("refusal", refusal.start, refusal.end, refusal.rule, "tester")
    ]
    assert refusal not in open_ones(app) and outline_rects(app, refusal) == []
    assert rows(db_path, doc_id) == accepted
    # Undo twice: the rejection, then the accept.
    app.key(Qt.Key.Key_Z, CTRL)
    app.key(Qt.Key.Key_Z, CTRL)
    assert rows(db_path, doc_id) == [] and rejections(db_path, doc_id) == []
    assert stat in open_ones(app) and refusal in open_ones(app)


def test_undo_of_a_reject_made_in_another_document_goes_back_there(app, db_path, doc_id):
    refusal = find(app, "refusal", "declined to comment")
    walk_to(app, refusal)
    app.key(Qt.Key.Key_Escape)
    app.key(Qt.Key.Key_PageDown, CTRL)  # the seed article
    assert app.window.document.id != doc_id
    app.qtbot.waitUntil(lambda: app.window.suggestions.ready, timeout=10000)
    app.key(Qt.Key.Key_Z, CTRL)
    assert app.window.document.id == doc_id
    app.qtbot.waitUntil(lambda: app.window.suggestions.ready, timeout=10000)
    assert rejections(db_path, doc_id) == []
    assert refusal in open_ones(app)
