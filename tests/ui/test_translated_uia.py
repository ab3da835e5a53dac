"""Labels, Preferences (with its Keyboard page), Export, Properties, Statistics, the
details panel, the guide and the suggestions bar speak Traditional Chinese when it is
chosen: each opened as a user opens it, with the catalogue installed (English put back
afterwards)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from annotator.ui.export_dialog import ExportDialog
from annotator.ui.properties_dialog import PropertiesDialog
from tests.ui.conftest import answer_next_modal
from tests.ui.test_labels_editor import edit_labels

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_the_label_editor(chinese, app):
    seen = {}

    def look(dialog):
        seen["title"] = dialog.windowTitle()
        seen["buttons"] = (dialog.add_button.text(), dialog.import_button.text())
        headers = dialog.attributes.horizontalHeader().model()
        seen["headers"] = [headers.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        dialog.hotkey_edit.setFocus()
        dialog.hotkey_edit.selectAll()
        app.qtbot.keyClicks(dialog.hotkey_edit, "21")
        seen["problem"] = dialog.problem.text()
        app.qtbot.mouseClick(dialog.add_attribute_button, Qt.MouseButton.LeftButton)
        kind = dialog.attributes.cellWidget(dialog.attributes.rowCount() - 1, 1)
        seen["kinds"] = [kind.itemText(i) for i in range(kind.count())]
        app.qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        seen["new"] = dialog.name_edit.text()
        dialog.reject()

    edit_labels(app, look)
    assert seen["title"] == "標籤"
    assert seen["buttons"] == ("新增(&A)", "匯入標籤方案(&I)…")
    assert seen["headers"] == ["屬性", "類型", "選項", "說明"]
    assert "'21' 不是單一按鍵" in seen["problem"]
    assert seen["kinds"] == ["文字", "數字", "單選", "是／否"]
    assert seen["new"] == "標籤 4"


def test_preferences_and_its_keyboard_page(chinese, app, qtbot):
    dialog = app.window.show_preferences()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "偏好設定"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "閱讀(&R)",
        "外觀(&A)",
        "您(&Y)",
        "備份(&B)",
        "鍵盤(&K)",
    ]
    assert dialog.theme_box.itemText(dialog.theme_box.findData("dark")) == "深色"
    assert dialog.width_box.specialValueText() == "不限制"
    dialog.tabs.setCurrentIndex(4)
    page = dialog.shortcuts
    table = page.table
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == [
        "動作",
        "快速鍵",
        "其他按鍵",
    ]
    names = [table.item(row, 0).text() for row in range(table.rowCount())]
    assert "匯出" in names  # the actions as the menus name them
    qtbot.mouseClick(page.findChild(QPushButton, "clear:find"), Qt.MouseButton.LeftButton)
    assert page.message.text() == f"「{page.action_text('find')}」：無按鍵。"
    qtbot.mouseClick(page.findChild(QPushButton, "resetAllShortcuts"), Qt.MouseButton.LeftButton)
    assert page.message.text() == "所有快速鍵都已恢復預設值。"
    dialog.reject()


def test_export_and_properties(chinese, app):
    seen = {}

    def export(dialog):
        seen["export"] = (
            dialog.windowTitle(),
            dialog.all_documents.text(),
            dialog.this_document.text(),
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text(),
        )
        dialog.reject()

    _export = answer_next_modal(ExportDialog, export)
    app.key(Qt.Key.Key_E, CTRL)
    title, every, this, ok = seen["export"]
    assert (title, every, ok) == ("匯出標註", "全部文件", "匯出…")
    assert this.startswith("此文件：")

    def properties(dialog):
        seen["properties"] = dialog.windowTitle()
        seen["labels"] = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.title.clear()
        seen["problem"] = dialog.problem.text()
        dialog.reject()

    _properties = answer_next_modal(PropertiesDialog, properties)
    app.key(Qt.Key.Key_P, CTRL | SHIFT)
    assert seen["properties"] == "文件屬性"
    assert {"標題：", "來源：", "編碼：", "字元數："} <= set(seen["labels"])
    assert seen["problem"] == "文件需要標題。"


def test_statistics_details_and_the_caret(chinese, app):
    stats = app.window.show_statistics()
    assert stats.windowTitle() == "統計"
    assert stats.save_button.text() == "將圖表存為 PNG…"
    assert stats.chart.title.startswith("各標籤的標註數")
    assert stats.table.horizontalHeaderItem(0).text() == "文件"
    stats.close()
    details = app.window.details
    assert details.summary.text() == "未選取標註。"
    assert details.note.placeholderText().startswith("備註（F2 編輯")
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    assert "修改於" in details.summary.text()
    assert app.view.accessibleDescription().startswith("游標處")


def test_the_guide_and_the_suggestions_bar(chinese, app, qtbot):
    bar = app.window.suggestions_explained
    qtbot.waitUntil(lambda: app.window.suggestions.ready, timeout=10000)
    qtbot.waitUntil(bar.isVisible)
    assert bar.message.text().startswith("虛線框是建議")
    assert bar.hide_button.text() == "隱藏建議"
    app.key(Qt.Key.Key_F1, SHIFT)
    guide = app.window.show_guide()
    assert guide.windowTitle() == "Annotator 使用者指南"
    assert (guide.back_button.text(), guide.contents_button.text()) == ("上一頁", "目錄")
    guide.close()
