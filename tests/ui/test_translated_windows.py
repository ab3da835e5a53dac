"""The windows speak Traditional Chinese when it is chosen: each opened as a user opens
it, with the catalogue installed (English put back afterwards), shows its titles,
buttons, headers and messages translated."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from annotator.app.opening import open_store
from annotator.ui import crash_report
from annotator.ui.backup_dialog import RestoreDialog
from annotator.ui.curation_view import CurationDialog
from annotator.ui.encoding_review import EncodingReviewDialog
from annotator.ui.reread_dialog import RereadDialog
from tests.ui.conftest import answer_next_modal
from tests.ui.test_files_gui import Dialogs

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CAMERAS = "615 new CCTV cameras"
# Truly ambiguous: the only non-ASCII byte is "è" in Windows-1252 and "č" in -1250.
SIGNED = b"Signed for the committee by Jan Pe\xe8ek on the first of May 2024.\n"


@pytest.fixture
def two_annotators(db_path):
    """The seed article with the same statistic tagged by ana and by ben."""
    store = open_store(str(db_path), seed=True)
    try:
        doc = store.documents()[0]
        start = store.document(doc.id).text.index(CAMERAS)
        for who in ("ana", "ben"):
            store.add_annotation(doc.id, "statistic", start, start + len(CAMERAS), who)
    finally:
        store.close()


def gold_rows(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT label FROM annotations WHERE annotator = 'gold'").fetchall()


def headers(view) -> list[str]:
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_main_window_lists_find_bar_memos_and_annotator(chinese, two_annotators, make_window):
    app = make_window()
    window = app.window
    assert headers(window.documents_view) == ["標題（0/1 已完成）", "標註"]
    assert headers(window.annotations_view) == ["標籤", "引文", "範圍", "標註者"]
    assert window.annotator_button.text().startswith("以 ")
    assert window.memo_panel.tabs.tabText(0) == "備忘錄：此文件"
    app.key(Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible()
    assert window.find_bar.field.placeholderText().startswith("在文件中尋找")
    app.type("zzqqzz", window.find_bar.field)
    assert window.find_bar.count.text() == "沒有符合項目"


def test_curation_accepts_and_says_so(chinese, two_annotators, make_window, db_path):
    app = make_window()
    app.key(Qt.Key.Key_G, CTRL | SHIFT)
    dialog = app.window.findChild(CurationDialog)
    assert dialog is not None and dialog.isVisible()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert dialog.windowTitle().startswith("審定「")
    assert headers(dialog.table)[:2] == ["狀態", "標籤"]
    assert dialog.model.data(dialog.model.index(0, 0)) == "一致"
    assert "2 位標註者（ana, ben）" in dialog.summary.text()
    assert dialog.filter_combo.itemText(1) == "待決定"
    assert dialog.accept_button.text() == "接受(&A)"
    app.qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    chosen = dialog.model.candidate(0)
    assert dialog.message.text() == f"已將 statistic {chosen.start}–{chosen.end} 接受至 gold。"
    assert dialog.model.data(dialog.model.index(0, 0)) == "已接受"
    assert gold_rows(db_path) == [("statistic",)]
    dialog.close()


def test_agreement_and_crosstab(chinese, two_annotators, make_window):
    app = make_window()
    agreement = app.window.show_agreement()
    assert agreement.windowTitle() == "一致性"
    assert agreement.all_documents.text() == "全部文件(&A)"
    assert headers(agreement.table)[:2] == ["適用範圍", "指標"]
    assert agreement.save_button.text() == "儲存 JSON(&S)…"
    agreement.close()
    crosstab = app.window.show_crosstab()
    assert crosstab.windowTitle() == "交叉分析表"
    assert [crosstab.by_combo.itemText(i) for i in range(4)] == [
        "標註者",
        "作者",
        "來源",
        "出版年份",
    ]
    crosstab.label_combo.setCurrentIndex(crosstab.label_combo.findData("statistic"))
    assert crosstab.chart.title == "「statistic」的標註，依標註者分類"
    assert headers(crosstab.table) == ["類別", "數量", "比例"]
    last = crosstab.table.rowCount() - 1
    assert crosstab.table.item(last, 0).text() == "總計"
    crosstab.close()


def test_versions_and_orphans(chinese, make_window):
    app = make_window()
    versions = app.window.show_versions()
    assert versions.windowTitle().startswith("「") and versions.windowTitle().endswith("」的版本")
    assert versions.table.horizontalHeaderItem(1).text() == "匯入時間"  # local time
    assert versions.table.item(0, 0).text() == "v1（最新）"
    assert versions.open_button.text() == "開啟(&O)"
    versions.close()
    orphans = app.window.show_orphans()
    assert orphans.show_button.text() == "在其所屬版本中顯示(&S)"
    assert orphans.windowTitle().endswith("」的孤立標註")
    orphans.close()


def test_encoding_review_and_reread(chinese, make_window, monkeypatch, tmp_path, qtbot):
    app = make_window()
    path = tmp_path / "signed.txt"
    path.write_bytes(SIGNED)
    seen = {}

    def review(dialog):
        seen["title"] = dialog.windowTitle()
        seen["best"] = dialog.readings.item(0).text()
        seen["ok"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text()
        qtbot.keyClick(dialog.readings, Qt.Key.Key_Return)

    dialogs = Dialogs(monkeypatch)
    dialogs.open_answer = [str(path)]
    _review = answer_next_modal(EncodingReviewDialog, review)
    app.key(Qt.Key.Key_O, CTRL)
    assert seen["title"] == "檢查這些檔案的讀取方式"
    assert "最佳猜測（把握度 " in seen["best"] and seen["ok"] == "匯入"

    def reread(dialog):
        seen["reread"] = dialog.windowTitle()
        seen["hint"] = dialog.name.placeholderText()
        seen["make"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text()
        dialog.reject()

    _reread = answer_next_modal(RereadDialog, reread)
    app.window.reread_action.trigger()
    assert seen["reread"] == "以其他編碼重新讀取"
    assert (seen["hint"], seen["make"]) == ("或輸入編碼名稱", "建立新版本")


def test_restore_without_backups(chinese, db_path, qtbot):
    open_store(str(db_path), seed=True).close()
    dialog = RestoreDialog(db_path)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "從備份還原"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "還原" and not ok.isEnabled()


@pytest.mark.qt_no_exception_capture
def test_the_crash_report(chinese, app, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    crash_report.install()
    shown = []

    def close(box):
        shown.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        box.reject()

    timer = answer_next_modal(QMessageBox, close)

    def broken_slot():
        raise ZeroDivisionError("a bug in a slot")

    QTimer.singleShot(0, broken_slot)
    app.qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    timer.stop()
    [(title, text, buttons)] = shown
    assert title == "發生錯誤" and text.startswith("Annotator 遇到未預期的問題：ZeroDivisionError")
    assert "複製報告" in buttons
