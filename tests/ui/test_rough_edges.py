"""The rough edges a new user hit in the first half hour, each driven as the user did."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QTableWidget, QWidget

from annotator.app import preferences
from annotator.app.opening import open_store
from annotator.core.colors import MIN_CONTRAST, STAND_OUT, contrast
from annotator.core.model import NewDocument
from annotator.ui.app import create_window
from annotator.ui.bar_chart import Bar, BarChart
from annotator.ui.highlighter import TINT, TINT_MAX, tint
from annotator.ui.properties_dialog import PropertiesDialog
from annotator.ui.side_panels import FOLD_BELOW, READING_CHARS, characters_per_line
from annotator.ui.theme import rgb, theme_palette
from tests.ui.conftest import answer_next_modal
from tests.ui.test_annotators import choose

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def stored(db_path):
    with sqlite3.connect(db_path) as conn:
        return [
            (label, note, json.loads(attrs) if attrs else None)
            for label, note, attrs in conn.execute(
                "SELECT label, note, attributes FROM annotations ORDER BY start_offset"
            )
        ]


def press(app, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    app.qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


def test_tab_from_the_note_goes_through_the_attributes_and_enter_saves(app, db_path, qtbot):
    app.tag("2,000 new security cameras", Qt.Key.Key_3)
    app.key(Qt.Key.Key_F2)
    details = app.window.details
    qtbot.waitUntil(details.note.hasFocus)
    app.type("counted twice", details.note)
    press(app, details.note, Qt.Key.Key_Tab)
    value = details.editors["value"]
    assert QApplication.focusWidget() is value  # not the status bar's "Annotating as …"
    assert stored(db_path) == [("statistic", "counted twice", None)]
    app.type("2,000", value)
    press(app, value, Qt.Key.Key_Tab)
    unit = details.editors["unit"]
    assert QApplication.focusWidget() is unit
    app.type("cameras", unit)
    press(app, unit, Qt.Key.Key_Tab)
    what = details.editors["what_counted"]
    assert QApplication.focusWidget() is what
    app.type("security cameras", what)
    press(app, what, Qt.Key.Key_Return)
    assert QApplication.activePopupWidget() is None  # no menu opened
    assert stored(db_path) == [
        (
            "statistic",
            "counted twice",
            {"value": 2000, "unit": "cameras", "what_counted": "security cameras"},
        )
    ]
    assert what.text() == "security cameras"
    # The message names the attribute as the panel does, not by its internal name.
    assert app.window.statusBar().currentMessage() == "What counted saved."


def test_f2_with_nothing_selected_says_why(app):
    app.click_at(0)
    app.key(Qt.Key.Key_F2)
    assert "No annotation selected" in app.window.statusBar().currentMessage()
    assert not app.window.details.note.hasFocus()


def test_a_note_typed_right_after_accepting_a_suggestion_is_kept(make_window, db_path, qtbot):
    store = open_store(str(db_path), seed=True)
    text = "Budget hearing\n\nThe minister promised that 2,000 cameras would be installed.\n"
    [result] = store.import_documents([NewDocument("Hearing", "hearing.txt", text)])
    store.close()
    app = make_window(show_document=result.document.id)
    suggestions = app.window.suggestions
    qtbot.waitUntil(lambda: suggestions.ready, timeout=10000)
    app.click_at(0)
    app.key(Qt.Key.Key_BracketRight)
    accepted = suggestions.current
    assert accepted is not None
    app.key(Qt.Key.Key_Return)  # accept
    assert "F2" in app.window.statusBar().currentMessage()
    app.key(Qt.Key.Key_F2)
    qtbot.waitUntil(app.window.details.note.hasFocus)
    app.type("from the hearing", app.window.details.note)
    press(app, app.window.details.note, Qt.Key.Key_Return, CTRL)
    [(label, note, _attrs)] = stored(db_path)
    assert (label, note) == (accepted.label, "from the hearing")


def test_at_1024_by_640_the_reading_pane_keeps_60_characters_a_line(app, qtbot):
    window = app.window

    def resize(width, height):
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.width() == width)
        QApplication.processEvents()

    resize(1330, 820)
    window.splitter.setSizes([290, 640, 400])
    assert characters_per_line(app.view) >= READING_CHARS  # wide: every panel shown
    resize(1024, 640)
    assert characters_per_line(app.view) >= READING_CHARS
    docs, _centre, right = window.splitter.sizes()
    # Side panels that stay are left readable, not squeezed to a sliver.
    assert right >= FOLD_BELOW[2]  # the annotations and their details are beside the text
    assert docs == 0 or docs >= FOLD_BELOW[0]
    resize(760, 560)  # too narrow for all three: the document list folds first
    assert characters_per_line(app.view) >= READING_CHARS
    docs, _centre, right = window.splitter.sizes()
    assert docs == 0 and not window.side_panels.actions[0].isChecked()
    assert right == 0 or right >= FOLD_BELOW[2]
    # Wider again: what the window folded comes back.
    resize(1330, 820)
    assert window.splitter.sizes()[0] > 0 and window.side_panels.actions[0].isChecked()
    assert characters_per_line(app.view) >= READING_CHARS
    # Folded by hand (View ▸ Document list), it stays folded whatever the width.
    window.side_panels.actions[0].trigger()
    assert window.splitter.sizes()[0] == 0
    resize(760, 560)
    resize(1330, 820)
    assert window.splitter.sizes()[0] == 0
    window.side_panels.actions[0].trigger()  # and shown again by hand
    assert window.splitter.sizes()[0] > 0


def test_a_folded_panel_stays_folded_on_the_next_launch(make_window, qtbot):
    first = make_window()
    first.window.resize(1024, 640)
    qtbot.waitUntil(lambda: first.window.width() == 1024)
    first.window.side_panels.actions[2].trigger()  # View ▸ Annotation panel: folded
    sizes = first.window.splitter.sizes()
    assert sizes[2] == 0
    first.window.close()
    second = make_window()
    assert second.window.splitter.sizes()[2] == 0
    assert not second.window.side_panels.actions[2].isChecked()
    second.window.close()


def test_a_panel_the_window_folded_comes_back_in_a_wider_window_next_launch(make_window, qtbot):
    first = make_window()
    first.window.resize(1330, 820)
    qtbot.waitUntil(lambda: first.window.width() == 1330)
    first.window.splitter.setSizes([290, 640, 400])
    first.window.resize(700, 560)  # the window folds the document list
    qtbot.waitUntil(lambda: first.window.width() == 700)
    QApplication.processEvents()
    assert first.window.splitter.sizes()[0] == 0
    first.window.close()
    second = make_window()
    assert second.window.splitter.sizes()[0] == 0  # as it was left
    second.window.resize(1330, 820)
    qtbot.waitUntil(lambda: second.window.width() == 1330)
    QApplication.processEvents()
    assert second.window.splitter.sizes()[0] > 0
    assert second.window.side_panels.actions[0].isChecked()


def test_a_layout_left_wide_adapts_when_the_next_launch_opens_narrower(make_window, qtbot, db_path):
    first = make_window()
    first.window.resize(1330, 820)
    qtbot.waitUntil(lambda: first.window.width() == 1330)
    first.window.splitter.setSizes([290, 640, 400])
    first.window.close()  # the layout is kept
    store = open_store(str(db_path), seed=True)
    try:
        window = create_window(store)
        qtbot.addWidget(window)
        window.resize(1024, 640)  # a smaller screen: the remembered size does not fit
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: characters_per_line(window.text_view) >= READING_CHARS)
        window.close()
    finally:
        store.close()


def test_the_first_launch_explains_the_dashed_outlines_until_dismissed(make_window, qtbot):
    app = make_window()
    bar = app.window.suggestions_explained
    qtbot.waitUntil(lambda: app.window.suggestions.ready, timeout=10000)
    qtbot.waitUntil(bar.isVisible)
    assert "Dashed outlines are suggestions" in bar.message.text()
    assert "Enter accepts" in bar.message.text()
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert preferences.load().suggestions_explained
    assert app.window.suggestions.shown  # dismissing hides the bar, not the suggestions
    app.window.close()
    again = make_window()
    qtbot.waitUntil(lambda: again.window.suggestions.ready, timeout=10000)
    QApplication.processEvents()
    assert not again.window.suggestions_explained.isVisible()


def test_hide_suggestions_on_the_bar_hides_them_and_the_bar(app, qtbot):
    bar = app.window.suggestions_explained
    qtbot.waitUntil(bar.isVisible, timeout=10000)
    qtbot.mouseClick(bar.hide_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert not app.window.suggestions.shown
    assert not preferences.load().show_suggestions


def test_a_status_message_is_not_covered_by_the_fields_on_the_right(app, qtbot):
    window = app.window
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.width() == 1024)
    app.click_at(0)
    app.key(Qt.Key.Key_F2)  # says why nothing happened, a long message
    bar = window.statusBar()
    message = bar.currentMessage()
    assert message.startswith("No annotation selected")
    QApplication.processEvents()
    fields = [w for w in bar.findChildren(QWidget) if w.isVisible() and w.parent() is bar]
    leftmost = min(w.geometry().left() for w in fields if w.geometry().left() > 0)
    assert bar.fontMetrics().horizontalAdvance(message) < leftmost
    # The counts step aside only while the message shows, and their whole text is kept.
    assert "0 annotations" in window.counts_label.text()
    bar.clearMessage()
    QApplication.processEvents()
    assert window.counts_label.isVisible()
    assert "0 annotations" in window.counts_label.toolTip()


def test_a_long_quote_in_the_details_panel_is_shown_whole(app, qtbot):
    window = app.window
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.width() == 1024)
    phrase = "Authorities in the region have so far refused to answer questions"
    start = app.text.index(phrase)
    end = app.text.index("capabilities", start) + len("capabilities")
    app.set_selection(start, end)
    app.key(Qt.Key.Key_2)
    QApplication.processEvents()
    summary = window.details.summary
    assert "refused to answer questions" in summary.text()
    # The label is as tall as its wrapped text needs: nothing is cut off at the bottom.
    assert summary.height() >= summary.heightForWidth(summary.width())


def test_save_dialogs_open_in_the_documents_folder_then_the_last_one_used(
    app, tmp_path, monkeypatch
):
    asked = []
    answer = {"path": str(tmp_path / "charts" / "chart.png")}
    (tmp_path / "charts").mkdir()

    def save_dialog(_parent, _title, where, _filters, *rest, **kw):
        asked.append(Path(where))
        return answer["path"], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    app.key(Qt.Key.Key_I, CTRL)  # View ▸ Statistics
    stats = app.window._stats_dialog
    stats.save_button.click()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    first = asked[0]
    assert first.name == "annotations-per-label.png"
    assert first.parent != Path.cwd()
    assert first.parent in (Path(documents), Path.home())
    assert (tmp_path / "charts" / "chart.png").read_bytes().startswith(b"\x89PNG")
    stats.save_button.click()  # the next dialog opens where the last file went
    assert asked[1] == tmp_path / "charts" / "annotations-per-label.png"
    assert preferences.load().last_folder == str(tmp_path / "charts")


def test_chart_values_stay_clear_of_the_title_at_any_font_size(qtbot, tmp_path):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(520, 240)
    chart.set_bars([Bar("claim", "#0072b2", 9, 2), Bar("statistic", "#009e73", 4, 1)])
    for points in (9, 14, 22):
        font = chart.font()
        font.setPointSize(points)
        chart.setFont(font)
        title = chart.title_rect()
        assert title.height() >= chart.fontMetrics().height()
        for index in range(2):
            for which in ("corpus", "document"):
                value = chart.value_rect(index, which)
                assert value.top() >= title.bottom(), (points, index, which)
                assert value.height() >= chart.fontMetrics().height() - 2
        # The saved picture is what the window paints.
        path = tmp_path / f"chart-{points}.png"
        assert chart.grab().save(str(path), "PNG")
        assert QImage(str(path)).size() == chart.grab().size()


def test_the_shortcuts_window_says_what_label_keys_do_and_cuts_nothing_off(app, qtbot):
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)  # selected: the menu says "Relabel as"
    app.key(Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "shortcutsDialog")
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget)
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Tag the selection as claim, or relabel the chosen annotation"] == "1"
    assert not [text for text in rows if text.startswith("Relabel")]
    assert rows["Extend end by a character"] == "Ctrl+Shift+]"
    QApplication.processEvents()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        for column in range(2):
            rect = table.visualRect(table.model().index(row, column))
            needed = metrics.boundingRect(
                rect.adjusted(4, 0, -4, 0), Qt.TextFlag.TextWordWrap, table.item(row, column).text()
            )
            assert needed.height() <= rect.height(), table.item(row, column).text()


def test_the_claim_highlight_stands_out_on_the_dark_theme(make_window, qapp):
    original = QApplication.palette()
    QApplication.setPalette(theme_palette("dark"))
    try:
        app = make_window()
        start = app.tag("Raymond Siu", Qt.Key.Key_1)  # a claim: the palette's dark blue
        base = rgb(app.view.palette().color(QPalette.ColorRole.Base))
        text = rgb(app.view.palette().color(QPalette.ColorRole.Text))
        painted = rgb(app.background_at(start))
        assert contrast(painted, base) >= STAND_OUT  # seen at a glance, not a faint veil
        assert contrast(painted, text) >= MIN_CONTRAST  # the words on it stay legible (WCAG AA)
        # Every seed label, nested to the deepest tint, keeps both.
        for colour in ("#0072b2", "#d55e00", "#009e73"):
            for strength in (TINT, TINT_MAX):
                shade = rgb(tint(QColor(colour), strength, app.view.palette()))
                assert contrast(shade, base) >= STAND_OUT, (colour, strength)
                assert contrast(shade, text) >= MIN_CONTRAST, (colour, strength)
    finally:
        QApplication.setPalette(original)


def test_a_long_source_in_document_properties_is_shown_whole(app, tmp_path, qtbot):
    deep = tmp_path / "interviews" / "2024" / "hong-kong" / "bureau-of-security" / "transcripts"
    deep.mkdir(parents=True)
    name = "security-bureau-press-conference-on-surveillance-cameras-22-february-2024.txt"
    (deep / name).write_text("The bureau declined to say how many cameras.\n", encoding="utf-8")
    assert app.window.import_files([deep / name])
    seen = {}

    def look(dialog):
        qtbot.waitExposed(dialog)
        source = dialog.source
        seen["source"] = source.text()
        seen["fits"] = dialog.rect().contains(source.geometry())
        # Every wrapped line is shown: the field is as tall as its text.
        seen["whole"] = source.document().size().height() <= source.viewport().height()
        seen["lines"] = source.document().size().height() / source.fontMetrics().lineSpacing()
        source.setFocus()
        source.selectAll()  # the whole path can be selected and copied
        seen["selected"] = source.textCursor().selectedText()
        seen["readonly"] = source.isReadOnly()
        dialog.reject()

    timer = answer_next_modal(PropertiesDialog, look)
    app.key(Qt.Key.Key_P, CTRL | SHIFT)
    del timer
    assert seen["source"] == seen["selected"] == str(deep / name)
    assert seen["fits"] and seen["readonly"] and seen["whole"]
    assert seen["lines"] >= 2  # wrapped, not cut off at the dialog's edge


def test_show_mine_only_has_a_check_mark_while_on(app):
    annotator_menu = app.window.annotator_menu
    choose(app, "Show &mine only (tester)")
    mine, everyone = annotator_menu.show_mine_action, annotator_menu.show_everyone_action
    assert mine.isChecked() and not everyone.isChecked()
    # A check mark, not an exclusive group's radio mark (which styles draw faintly).
    assert not mine.actionGroup().isExclusive()
    choose(app, "Show &mine only (tester)")  # chosen again: it stays on
    assert mine.isChecked() and not everyone.isChecked()
    assert "mine (tester) only" in app.window.annotator_button.text()
    choose(app, "Show &everyone's annotations")
    assert everyone.isChecked() and not mine.isChecked()


def test_resize_keys_leave_the_window_managers_keys_alone(app, db_path):
    keys = {key.toString() for action in app.window.resize_actions for key in action.shortcuts()}
    assert keys == {"Ctrl+[", "Ctrl+]", "Ctrl+Shift+[", "Ctrl+Shift+]"}
    assert not [key for key in keys if "Alt" in key or "Meta" in key]
    start = app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.key(Qt.Key.Key_BracketLeft, CTRL)  # the start one to the left
    app.key(Qt.Key.Key_BracketRight, CTRL | SHIFT)  # the end one to the right
    with sqlite3.connect(db_path) as conn:
        spans = conn.execute("SELECT start_offset, end_offset FROM annotations").fetchall()
    assert spans == [(start - 1, start + 21)]


def test_the_details_panel_gives_the_local_time_as_a_reader_says_it(app):
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    summary = app.window.details.summary.text()
    assert re.search(r"changed \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}", summary), summary
    assert not re.search(r"\d{4}-\d{2}-\d{2}T", summary)


def test_a_window_opened_at_1024_by_640_keeps_60_characters_a_line(qtbot, db_path):
    from annotator.app.opening import open_store
    from annotator.ui.app import create_window
    from annotator.ui.side_panels import READING_CHARS, characters_per_line

    store = open_store(str(db_path), seed=True)
    try:
        window = create_window(store)
        qtbot.addWidget(window)
        window.resize(1024, 640)  # the size it opens at: a small screen, or remembered
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: characters_per_line(window.text_view) >= READING_CHARS)
        assert window.splitter.sizes()[0] == 0 or window.splitter.sizes()[0] >= 170
    finally:
        store.close()
