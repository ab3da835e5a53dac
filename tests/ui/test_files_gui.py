from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)

from annotator.app.opening import open_store
from annotator.main import main
from annotator.ui import progress as progress_module
from annotator.ui.export_dialog import ExportDialog
from tests.fuzz.samples import lying_zip
from tests.helpers import check_export
from tests.ui.conftest import answer_next_modal


def dump(db_path):
    with sqlite3.connect(db_path) as conn:
        return [
            conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("documents", "annotations", "labels")
        ]


class Dialogs:
    """Stands in for the user's answers to the file dialogs; records warnings shown."""

    def __init__(self, monkeypatch):
        self.open_answer: list[str] = []
        self.save_answer = ""
        self.warnings: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.questions: list[str] = []
        self.question_answer = QMessageBox.StandardButton.No
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (self.open_answer, ""))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (self.save_answer, ""))
        monkeypatch.setattr(
            QMessageBox,
            "warning",
            lambda _parent, title, text, *a: self.warnings.append((title, text)),
        )
        monkeypatch.setattr(
            QMessageBox, "information", lambda _p, title, text, *a: self.infos.append((title, text))
        )

        def question(_parent, _title, text, *a):
            self.questions.append(text)
            return self.question_answer

        monkeypatch.setattr(QMessageBox, "question", question)


def test_ctrl_o_imports_and_opens_the_first_file(app, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    a = tmp_path / "a.txt"
    a.write_text("Alpha text", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("# Beta\n", encoding="utf-8")
    dialogs.open_answer = [str(a), str(b)]
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert app.window.document.title == "Alpha text"
    assert app.window.documents_model.rowCount() == 3
    assert app.view.toPlainText() == "Alpha text"
    assert dialogs.warnings == []
    # The same files again: nothing new, and the status bar says so.
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert app.window.documents_model.rowCount() == 3
    assert "2 already imported" in app.window.statusBar().currentMessage()


def test_bad_file_in_the_gui_shows_a_dialog_and_changes_nothing(
    app, tmp_path, monkeypatch, db_path
):
    dialogs = Dialogs(monkeypatch)
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    before = dump(db_path)
    offers = []

    def refuse(box):
        offers.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    dialogs.open_answer = [str(good), str(bad)]
    timer = answer_next_modal(QMessageBox, refuse)
    app.window.import_action.trigger()  # the good file is offered; the user declines
    timer.stop()
    assert str(bad) in offers[0] and "byte-order mark but is not utf-16-le" in offers[0]
    dialogs.open_answer = [str(bad)]
    app.window.import_action.trigger()  # nothing good to offer
    assert len(dialogs.warnings) == 1
    title, message = dialogs.warnings[0]
    assert title == "Nothing was imported"
    assert str(bad) in message and "byte-order mark but is not utf-16-le" in message
    assert dump(db_path) == before
    assert app.window.documents_model.rowCount() == 1


def test_several_bad_files_in_the_gui_are_all_named_in_one_dialog(
    app, tmp_path, monkeypatch, db_path
):
    dialogs = Dialogs(monkeypatch)
    good, empty, slides = tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "s.pptx"
    good.write_text("fine", encoding="utf-8")
    empty.write_bytes(b"\n")
    slides.write_bytes(b"PK")
    before = dump(db_path)
    dialogs.open_answer = [str(empty), str(good), str(slides)]
    offers: list[str] = []
    timer = answer_next_modal(QMessageBox, decline_offer(offers))
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    timer.stop()
    [message] = offers
    assert message.startswith("2 files cannot be imported:")
    assert f"{empty}: the file holds no text" in message
    assert f"{slides}: unsupported file type" in message
    assert dialogs.warnings == []
    dialogs.open_answer = [str(empty), str(slides)]  # nothing good to offer: one dialog
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    [(title, message)] = dialogs.warnings
    assert title == "Nothing was imported"
    first, second = message.split("\n")  # a line each
    assert first == f"{empty}: the file holds no text"
    assert second.startswith(f"{slides}: unsupported file type")
    assert dump(db_path) == before
    assert app.window.documents_model.rowCount() == 1


HOSTILE = {
    "liar.odt": (lying_zip("content.xml", 16 << 20), "not a readable OpenDocument text"),
    "deep.json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "key.json": (b'{"format": "annotator-annotation-set", "\\udfff": 1}', '["\\udfff"]: contains'),
    "nul.txt": (b"a" * 30_000 + b"\x00", "it holds NUL bytes"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_in_the_gui_show_one_message_and_change_nothing(
    app, tmp_path, monkeypatch, db_path, name
):
    dialogs = Dialogs(monkeypatch)
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    data, reason = HOSTILE[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    before = dump(db_path)
    dialogs.open_answer = [str(good), str(bad)]
    offers: list[str] = []
    timer = answer_next_modal(QMessageBox, decline_offer(offers))
    app.window.import_action.trigger()
    timer.stop()
    assert dialogs.warnings == []
    [message] = offers
    header, listed = message.split("\n\n", 1)
    assert header == "1 file cannot be imported:"
    assert listed.startswith(f"{bad}: ") and reason in listed and "\n" not in listed
    assert dump(db_path) == before


def decline_offer(offers: list[str]):
    """Answers the offer to import the readable files of a selection: Cancel."""

    def act(box: QMessageBox) -> None:
        offers.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    return act


def tag_three(app):
    """Tag 615 and 90,000 as statistics and Raymond Siu as a claim, with the keyboard."""
    for phrase, key in (
        ("615", Qt.Key.Key_3),
        ("Raymond Siu", Qt.Key.Key_1),
        ("90,000", Qt.Key.Key_3),
    ):
        app.tag(phrase, key)


def press_ok(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_ctrl_e_exports_a_valid_annotation_set(app, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    start = app.text.index("615")
    app.set_selection(start, start + 3)
    app.key(Qt.Key.Key_3)
    dialogs.save_answer = str(tmp_path / "set.json")
    timer = answer_next_modal(ExportDialog, press_ok)
    app.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    exported = check_export((tmp_path / "set.json").read_bytes())
    assert exported["documents"][0]["annotations"][0]["quote"] == "615"
    assert "Exported 1 annotation(s) in 1 document(s)" in app.window.statusBar().currentMessage()
    dialogs.save_answer = str(tmp_path / "missing-folder" / "set.json")
    timer = answer_next_modal(ExportDialog, press_ok)
    app.window.activateWindow()  # offscreen there is no window manager to give it back
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.key(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.warnings and "missing-folder" in dialogs.warnings[0][1]
    del timer


def test_export_dialog_csv_of_this_document_and_one_label(make_window, tmp_path, monkeypatch):
    dialogs = Dialogs(monkeypatch)
    app = make_window()
    tag_three(app)
    other = tmp_path / "other.txt"
    other.write_text("Another document with 5 numbers.", encoding="utf-8")
    assert app.window.import_files([other])
    app.set_selection(24, 25)
    app.key(Qt.Key.Key_3)
    app.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # back to the seed
    dialogs.save_answer = str(tmp_path / "out.csv")

    def choose(dialog):
        dialog.format_box.setCurrentIndex(dialog.format_box.findData("csv"))
        assert not dialog.compact.isEnabled() and dialog.excel.isEnabled()
        app.qtbot.mouseClick(dialog.this_document, Qt.MouseButton.LeftButton)
        dialog.label_boxes["claim"].click()
        dialog.label_boxes["refusal"].click()
        dialog.excel.click()
        press_ok(dialog)

    timer = answer_next_modal(ExportDialog, choose)
    app.window.export_action.trigger()
    del timer
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [(r["label"], r["quote"]) for r in rows] == [
        ("statistic", "615"),
        ("statistic", "90,000"),
    ]


def test_export_dialog_cannot_export_no_label(app):
    dialog = ExportDialog(app.window, app.window._labels, app.window.document)
    app.qtbot.addWidget(dialog)
    for box in dialog.label_boxes.values():
        box.click()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def big_set(tmp_path, annotations=3000):
    """An annotation set with many annotations on the seed article, made by the CLI."""
    source = tmp_path / "source.db"
    store = open_store(str(source), seed=True)
    doc = store.documents()[0]
    store.import_bundle([], [])
    for i in range(annotations):
        store.add_annotation(doc.id, "claim", i % 3000, i % 3000 + 5, "colleague")
    store.close()
    path = tmp_path / "big.json"
    assert main(["export", "--db", str(source), "-o", str(path)]) == 0
    return path


def cancel_progress(dialog):
    dialog.findChild(QPushButton).click()


def test_cancelled_import_changes_nothing(app, tmp_path, monkeypatch, db_path):
    dialogs = Dialogs(monkeypatch)
    monkeypatch.setattr(progress_module, "SHOW_AFTER_MS", 0)
    path = big_set(tmp_path)
    before = dump(db_path)
    timer = answer_next_modal(QProgressDialog, cancel_progress)
    assert app.window.import_files([path]) is False
    del timer
    assert "Import cancelled" in app.window.statusBar().currentMessage()
    assert dump(db_path) == before
    assert dialogs.infos == []


def test_imported_set_shows_at_once_with_a_report(app, tmp_path, monkeypatch, db_path):
    dialogs = Dialogs(monkeypatch)
    path = big_set(tmp_path, annotations=4)
    dialogs.open_answer = [str(path)]
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(app.list_rows()) == 4
    assert app.background_at(2) is not None
    assert dialogs.infos[0][0] == "Import finished"
    assert "4 annotation(s) added" in dialogs.infos[0][1]
    # The colleague changes one annotation: importing again asks before replacing.
    data = json.loads(path.read_bytes())
    data["documents"][0]["annotations"][0]["label"] = "refusal"
    path.write_text(json.dumps(data), encoding="utf-8")
    app.window.import_action.trigger()
    assert "conflict" in dialogs.questions[0]
    assert [r[0] for r in app.list_rows()].count("refusal") == 0
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    app.window.import_action.trigger()
    assert [r[0] for r in app.list_rows()].count("refusal") == 1
    assert "1 replaced" in dialogs.infos[-1][1]


def test_cancelled_export_writes_no_file(make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(progress_module, "SHOW_AFTER_MS", 0)
    app = make_window()
    docs = [tmp_path / f"d{i}.txt" for i in range(30)]
    for i, path in enumerate(docs):
        path.write_text(f"Document number {i}.", encoding="utf-8")
    assert app.window.import_files(docs)
    timer = answer_next_modal(QProgressDialog, cancel_progress)
    assert app.window.export_to(tmp_path / "out.json") is False
    del timer
    assert not (tmp_path / "out.json").exists()
    assert "Export cancelled" in app.window.statusBar().currentMessage()


def test_statistics_window_shows_the_counts(app):
    text = app.text
    tag_three(app)
    app.key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = app.window._stats_dialog
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    cells = [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Document", "claim", "refusal", "statistic", "Total"]
    assert cells == [
        ["Hong Kong goes for mass surveillance", "1", "0", "2", "3"],
        ["Total", "1", "0", "2", "3"],
    ]
    # It stays current while open: a deletion in the main window shows at once.
    app.window.activateWindow()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.click_at(text.index("615") + 1)
    app.key(Qt.Key.Key_Delete)
    assert table.item(0, 3).text() == "1" and table.item(1, 4).text() == "2"


def test_statistics_chart_shows_corpus_and_document_and_saves_as_png(
    make_window, tmp_path, monkeypatch
):
    dialogs = Dialogs(monkeypatch)
    app = make_window()
    tag_three(app)  # two statistics and a claim in the seed article
    other = tmp_path / "other.txt"
    other.write_text("Another document with 5 numbers.", encoding="utf-8")
    assert app.window.import_files([other])
    app.set_selection(24, 25)
    app.key(Qt.Key.Key_3)
    app.key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    chart = app.window._stats_dialog.chart
    bars = {bar.label: (bar.corpus, bar.document) for bar in chart.bars}
    assert bars == {"claim": (1, 0), "refusal": (0, 0), "statistic": (3, 1)}
    image = chart.grab().toImage()
    centre = chart.bar_rect(2, "corpus").center()
    assert image.pixelColor(int(centre.x()), int(centre.y())).name() == "#009e73"
    dialogs.save_answer = str(tmp_path / "chart.png")
    app.window._stats_dialog.save_button.click()
    data = (tmp_path / "chart.png").read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 1000
