"""Reading comfort and Edit ▸ Preferences…, driven as a user does: zoom keys, the
reading font, spacing and width, the theme, and shortcuts recorded by pressing them."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton

from annotator.app import preferences
from annotator.core.model import NewDocument
from annotator.ui.theme import apply_theme

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def system_theme_after(qapp):
    yield
    apply_theme(qapp, "system")


def press_as_a_keyboard_does(qtbot, widget, key, modifiers) -> None:
    """Modifiers down one by one, the key, then everything up in reverse."""
    held = Qt.KeyboardModifier.NoModifier
    for modifier, modifier_key in ((CTRL, Qt.Key.Key_Control), (SHIFT, Qt.Key.Key_Shift)):
        if modifiers & modifier:
            held |= modifier
            qtbot.keyPress(widget, modifier_key, held)
    qtbot.keyPress(widget, key, modifiers)
    qtbot.keyRelease(widget, key, modifiers)
    for modifier, modifier_key in ((SHIFT, Qt.Key.Key_Shift), (CTRL, Qt.Key.Key_Control)):
        if modifiers & modifier:
            held &= ~modifier
            qtbot.keyRelease(widget, modifier_key, held)
    QApplication.processEvents()


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_zoom_keys_change_the_text_size_and_the_next_launch_keeps_it(make_window):
    app = make_window()
    view = app.view
    normal = view.reading_size()
    app.key(Qt.Key.Key_Equal, CTRL)
    assert view.reading_size() == normal + 1
    app.key(Qt.Key.Key_Plus, CTRL)  # Ctrl++
    assert view.reading_size() == normal + 2
    assert "Text size" in app.window.statusBar().currentMessage()
    app.key(Qt.Key.Key_Minus, CTRL, times=3)
    assert view.reading_size() == normal - 1
    app.key(Qt.Key.Key_0, CTRL)
    assert view.reading_size() == normal
    app.key(Qt.Key.Key_Equal, CTRL, times=2)
    assert preferences.load().zoom == 2
    app.window.close()
    again = make_window()
    assert again.view.reading_size() == normal + 2
    assert again.window.zoom_reset_action.shortcut() == QKeySequence("Ctrl+0")


def test_zoom_on_a_big_document_formats_only_the_blocks_on_screen(make_window, db_path):
    app = make_window()
    store = app.window._store
    paragraph = "The bureau said 615 cameras were enough and refused to say more. " * 8
    text = "\n".join(paragraph for _ in range(2000))  # ~1 MB
    [result] = store.import_documents([NewDocument("Big", "big.txt", text)])
    doc_id = result.document.id
    for i in range(0, 2000, 4):
        at = i * (len(paragraph) + 1)
        store.add_annotation(doc_id, "claim", at + 4, at + 30, "ana")
    app.window.refresh_from_store()
    app.window.open_document(doc_id, whole=True)
    app.qtbot.waitUntil(lambda: app.view.text == text)
    app.view.viewport().repaint()
    highlighter = app.view.highlighter
    formatted = []
    original = highlighter.format_block
    highlighter.format_block = lambda block: (formatted.append(block), original(block))[1]
    app.key(Qt.Key.Key_Equal, CTRL, times=3)
    app.view.viewport().repaint()
    on_screen = app.view.viewport().height() // app.view.fontMetrics().lineSpacing() + 2
    assert len(formatted) <= on_screen  # none of 2,000 blocks formatted again off screen
    assert app.background_at(4) is not None  # still highlighted


def test_reading_font_spacing_and_width_apply_live_and_are_kept(make_window, qtbot):
    app = make_window()
    view = app.view
    app.window.splitter.setSizes([100, 1100, 100])  # a wide reading pane
    dialog = app.window.show_preferences()
    dialog.system_font.setFocus()
    qtbot.keyClick(dialog.system_font, Qt.Key.Key_Space)
    assert dialog.font_box.isEnabled()
    family = next(
        dialog.font_box.itemText(i)
        for i in range(dialog.font_box.count())
        if dialog.font_box.itemText(i) != view.font().family()
    )
    dialog.font_box.setCurrentText(family)
    for box, value in ((dialog.spacing_box, "150"), (dialog.width_box, "60")):
        box.setFocus()
        box.selectAll()
        qtbot.keyClicks(box, value)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert dialog.isVisible()  # Apply keeps it open
    assert view.font().family() == family
    view.viewport().repaint()
    block = view.firstVisibleBlock()
    while block.isValid() and block.layout().lineCount() < 2:
        block = block.next()
    lines = block.layout()
    gap = lines.lineAt(1).y() - lines.lineAt(0).y()
    assert gap == pytest.approx(1.5 * lines.lineAt(0).height(), abs=0.6)
    text_width = view.viewport().width() - 2 * view.document().documentMargin()
    assert text_width <= 60 * view.fontMetrics().averageCharWidth() + 2
    margins = view.viewportMargins()
    assert margins.right() > 0 and margins.left() > margins.right()  # centred, gutter left
    press_ok(dialog)
    assert not dialog.isVisible()
    kept = preferences.load()
    assert (kept.reading_font, kept.line_spacing, kept.line_width) == (family, 150, 60)
    app.window.close()
    again = make_window()
    assert again.view.font().family() == family


def test_a_shortcut_recorded_in_preferences_works_at_once_and_after_a_relaunch(make_window, qtbot):
    app = make_window()
    window = app.window
    dialog = window.show_preferences()
    dialog.tabs.setCurrentWidget(dialog.shortcuts)
    page = dialog.shortcuts
    find = page.edits["find"]
    qtbot.mouseClick(find, Qt.MouseButton.LeftButton)
    press_as_a_keyboard_does(qtbot, find, Qt.Key.Key_F, CTRL | SHIFT)  # Retrieve's: refused
    assert "Retrieve" in page.message.text() and page.take_button.isVisible()
    assert find.keySequence() == QKeySequence(QKeySequence.StandardKey.Find)
    qtbot.keyClick(find, Qt.Key.Key_1)  # a label's hotkey: refused, no taking
    assert "Edit labels" in page.message.text() and not page.take_button.isVisible()
    qtbot.keyClick(find, Qt.Key.Key_Escape)  # stops recording, changes nothing
    assert find.keySequence() == QKeySequence(QKeySequence.StandardKey.Find)
    assert not find.hasFocus() and dialog.isVisible()  # the next Esc would close it
    qtbot.mouseClick(find, Qt.MouseButton.LeftButton)
    press_as_a_keyboard_does(qtbot, find, Qt.Key.Key_J, CTRL)
    assert find.keySequence() == QKeySequence("Ctrl+J")
    qtbot.mouseClick(page.findChild(QPushButton, "clear:copy"), Qt.MouseButton.LeftButton)
    assert page.edits["copy"].keySequence().isEmpty() and page.keys("copy") == []
    # Taking a key from another action, explicitly.
    agreement = page.edits["agreement"]
    qtbot.mouseClick(agreement, Qt.MouseButton.LeftButton)
    qtbot.keyClick(agreement, Qt.Key.Key_I, CTRL)  # Statistics' key
    assert "Statistics" in page.message.text()
    qtbot.mouseClick(page.take_button, Qt.MouseButton.LeftButton)
    assert page.keys("agreement") == ["Ctrl+I"] and page.keys("stats") == []
    qtbot.mouseClick(page.findChild(QPushButton, "reset:stats"), Qt.MouseButton.LeftButton)
    assert page.keys("stats") == ["Ctrl+I"] and page.keys("agreement") == []
    qtbot.mouseClick(page.findChild(QPushButton, "reset:agreement"), Qt.MouseButton.LeftButton)
    assert page.keys("agreement") == ["Ctrl+Shift+K"]
    press_ok(dialog)
    assert preferences.load().shortcuts == {"find": ["Ctrl+J"], "copy": []}
    assert not window.find_bar.isVisible()
    assert window.find_action.shortcut() == QKeySequence("Ctrl+J")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(app.view, Qt.Key.Key_J, CTRL)
    assert window.find_bar.isVisible()
    window.close()
    again = make_window()
    assert again.window.find_action.shortcut() == QKeySequence("Ctrl+J")
    assert again.window.copy_action.shortcuts() == []
    # Reset all: the defaults again, kept.
    dialog = again.window.show_preferences()
    qtbot.mouseClick(
        dialog.shortcuts.findChild(type(page.take_button), "resetAllShortcuts"),
        Qt.MouseButton.LeftButton,
    )
    press_ok(dialog)
    assert again.window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert preferences.load().shortcuts == {}


def test_theme_name_and_suggestions_from_preferences(make_window, qtbot, system_theme_after):
    app = make_window()
    window = app.window
    dialog = window.show_preferences()
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("high-contrast"))
    dialog.suggestions_box.setChecked(False)
    dialog.name_box.setText("bad\tname")
    press_ok(dialog)
    assert dialog.isVisible() and "name" in dialog.problem.text()  # refused, still open
    dialog.name_box.clear()
    qtbot.keyClicks(dialog.name_box, "carol")
    press_ok(dialog)
    assert not dialog.isVisible()
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert base.name() == "#000000"
    assert window.workspace.annotator == "carol"
    assert not window.suggestions.show_action.isChecked()
    kept = preferences.load()
    assert (kept.theme, kept.annotator, kept.show_suggestions) == ("high-contrast", "carol", False)


def test_backup_policy_set_in_preferences_is_the_databases(make_window, db_path):
    from annotator.store.backups import policy

    app = make_window()
    dialog = app.window.show_preferences()
    assert str(db_path.parent) in " ".join(
        label.text() for label in dialog.findChildren(type(dialog.problem))
    )
    dialog.keep_box.setValue(3)
    dialog.every_box.setValue(6)
    press_ok(dialog)
    app.window.close()
    keep, every = policy(db_path)
    assert keep == 3 and every.total_seconds() == 6 * 3600


def test_cancel_changes_nothing_and_junk_preferences_open_a_working_window(make_window):
    preferences.preferences_file().write_text(
        json.dumps(
            {"zoom": "huge", "shortcuts": {"find": ["Ctrl+Shift+F"], "undo": 5}, "theme": 1}
        ),
        encoding="utf-8",
    )
    app = make_window()
    window = app.window
    # The clashing key is left to Retrieve; Find keeps working with its own.
    assert window.retrieve_action.shortcut() == QKeySequence("Ctrl+Shift+F")
    assert window.find_action.shortcuts() == []
    before = preferences.preferences_file().read_bytes()
    dialog = window.show_preferences()
    dialog.spacing_box.setValue(200)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert preferences.preferences_file().read_bytes() == before
    assert window.text_view.font() == app.view.font()


def test_the_language_chosen_is_kept_and_spoken_at_the_next_start(make_window, qtbot):
    from annotator.ui.app import application
    from annotator.ui.i18n import install_translation

    app = make_window()
    dialog = app.window.show_preferences()
    languages = dialog.language_box
    assert languages.currentData() is None  # the system's, until chosen
    languages.setCurrentIndex(languages.findData("zh_Hant"))
    press_ok(dialog)
    assert preferences.load().language == "zh_Hant"
    try:
        application()  # as the next start does: the catalogue chosen is loaded
        later = make_window()
        assert later.window.show_retrieve().windowTitle() == "檢索"
    finally:
        install_translation(QApplication.instance(), "en")
