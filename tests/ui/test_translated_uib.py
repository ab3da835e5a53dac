"""The main window's status line, menus and dialogs speak Traditional Chinese when it is
chosen: tagging, undo, the counts, the label bar, F1, the Suggestions menu and its
messages, an import's offer and the start-up error, each driven as a user does, with the
catalogue installed (English put back afterwards)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QTableWidget

from annotator.app import preferences
from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.ui.app import show_startup_error
from tests.ui.conftest import answer_next_modal
from tests.ui.test_files_gui import Dialogs, decline_offer

CTRL = Qt.KeyboardModifier.ControlModifier
CAMERAS = "615 new CCTV cameras"
HEARING = (
    "Budget hearing\n\n"
    "The minister promised that 2,000 cameras would be installed by June.\n\n"
    "A spokesman declined to comment on the cost.\n"
)


def message(app) -> str:
    return app.window.statusBar().currentMessage()


def test_tagging_undo_and_the_counts_are_said_in_chinese(chinese, make_window, db_path):
    app = make_window()
    window = app.window
    labels = [w.text() for w in window.label_bar.findChildren(QLabel)]
    assert " 標註選取範圍： " in labels
    assert window.label_filter.itemText(0) == "全部標籤"
    assert window.label_actions["statistic"].text() == "標註為 statistic"

    start = app.tag(CAMERAS, Qt.Key.Key_3)
    end = start + len(CAMERAS)
    assert message(app) == f"已標註 statistic {start}–{end}。"
    assert window.counts_label.text().startswith("1 個標註（")
    assert "個字元 · " in window.counts_label.text()
    assert window.undo_action.text() == "復原 標註「statistic」(&U)"  # the step named too

    app.key(Qt.Key.Key_Z, CTRL)
    assert message(app) == "已復原：標註「statistic」。"
    assert window.counts_label.text().startswith("0 個標註（")
    assert window.redo_action.text() == "重做 標註「statistic」(&R)"
    store = open_store(str(db_path))
    try:
        assert store.annotations(window.document.id) == []
    finally:
        store.close()


def test_the_shortcuts_window_and_a_wrong_key_speak_chinese(chinese, make_window):
    app = make_window()
    window = app.window
    app.click_at(0)
    app.key(Qt.Key.Key_1)  # nothing selected
    assert message(app) == "請先選取文字，再按標籤鍵。"
    app.key(Qt.Key.Key_F2)
    assert message(app).startswith("未選取標註：")

    app.key(Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "shortcutsDialog")
    try:
        assert dialog.windowTitle() == "鍵盤快速鍵"
        table = dialog.findChild(QTableWidget, "shortcutsTable")
        model = table.model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
        assert headers == ["動作", "快速鍵"]
        firsts = {table.item(row, 0).text() for row in range(table.rowCount())}
        assert "結尾延長一個字元" in firsts
        assert "匯入…" in firsts  # "匯入(&I)…" without its mnemonic
        assert "用滑鼠調整所選標註的範圍" in firsts
    finally:
        dialog.close()
    assert window.isVisible()


@pytest.fixture
def hearing(db_path):
    store = open_store(str(db_path), seed=True)
    try:
        [result] = store.import_documents([NewDocument("Hearing", "hearing.txt", HEARING)])
        return result.document.id
    finally:
        store.close()


def test_the_suggestions_menu_and_messages_speak_chinese(chinese, make_window, hearing):
    app = make_window(show_document=hearing)
    suggestions = app.window.suggestions
    app.qtbot.waitUntil(lambda: suggestions.ready, timeout=10000)
    QApplication.processEvents()
    total = len(suggestions.open_suggestions)
    assert total > 1
    assert suggestions.menu.title() == "建議(&S)"
    assert suggestions.show_action.text() == "顯示建議(&S)"
    assert suggestions.status.text() == f"{total} 個建議"

    app.click_at(0)
    app.key(Qt.Key.Key_BracketRight)
    first = suggestions.current
    assert first is not None
    assert message(app).startswith(f"第 1 個，共 {total} 個：建議標註為 {first.label}：")
    assert suggestions.stop_rule_action.text() == f"停用規則「{first.rule}」(&T)"

    app.key(Qt.Key.Key_X)
    assert message(app).startswith(
        f"已拒絕 {first.label} {first.start}–{first.end}（此文件中不再提出）。"
    )
    assert suggestions.status.text() == ("1 個建議" if total == 2 else f"{total - 1} 個建議")


def test_an_import_offer_and_the_start_up_error_speak_chinese(
    chinese, make_window, tmp_path, monkeypatch
):
    app = make_window()
    dialogs = Dialogs(monkeypatch)
    good, empty = tmp_path / "good.txt", tmp_path / "empty.txt"
    good.write_text("fine", encoding="utf-8")
    empty.write_bytes(b"\n")
    dialogs.open_answer = [str(empty), str(good)]
    offers: list[str] = []
    timer = answer_next_modal(QMessageBox, decline_offer(offers))
    app.window.import_action.trigger()
    timer.stop()
    [offer] = offers
    assert offer.startswith("1 個檔案無法匯入：\n\n")
    assert message(app) == "已取消匯入：未做任何變更。"

    seen: list[tuple[str, str]] = []

    def read(box: QMessageBox) -> None:
        seen.append((box.windowTitle(), box.text()))
        box.accept()

    preferences.update(language="zh_Hant")  # the app reads it as it starts
    timer = answer_next_modal(QMessageBox, read)
    show_startup_error("the database is locked")
    timer.stop()
    assert seen == [("Annotator 無法啟動", "the database is locked")]
