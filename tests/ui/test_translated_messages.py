"""Messages made outside the window (core, store, formats, app) reach the user in the
language chosen: a broken file's dialog and the import's status line in Traditional
Chinese still name the file, and nothing is imported from a broken file."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.messages import N_, say
from annotator.ui.i18n import tr_said
from tests.ui.conftest import answer_next_modal


def rows(db_path) -> list[list[tuple]]:
    with sqlite3.connect(db_path) as conn:
        return [
            conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("documents", "annotations", "labels")
        ]


def import_with_ctrl_o(app, monkeypatch, paths) -> list[str]:
    """Ctrl+O on ``paths``; the text of each warning shown, closed as the user would."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(p) for p in paths], "")
    )
    shown: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    timer = answer_next_modal(QMessageBox, read_and_close)
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    timer.stop()
    return shown


@pytest.mark.parametrize(
    ("name", "content", "english", "in_chinese"),
    [
        ("broken set.json", b'{"format": "annotator-set", "documents": [', "not JSON", "不是 JSON"),
        ("bad.txt", b"\xff\xfe\x00broken", "byte-order mark but is not", "位元組順序標記開頭"),
        ("empty.txt", b"\n \n", "the file holds no text", "檔案中沒有文字"),
    ],
)
def test_a_broken_file_is_refused_in_chinese_naming_the_file(
    app, tmp_path, monkeypatch, db_path, chinese, name, content, english, in_chinese
):
    broken = tmp_path / name
    broken.write_bytes(content)
    before = rows(db_path)
    [text] = import_with_ctrl_o(app, monkeypatch, [broken])
    assert text.startswith(f"{broken}: ")
    assert in_chinese in text
    assert english not in text

    assert rows(db_path) == before


def test_the_import_status_line_speaks_chinese(app, tmp_path, monkeypatch, chinese):
    fine = tmp_path / "fine.txt"
    fine.write_text("Officials declined to comment.", encoding="utf-8")
    assert import_with_ctrl_o(app, monkeypatch, [fine]) == []
    assert app.window.statusBar().currentMessage() == "已匯入 1 份文件。"
    assert import_with_ctrl_o(app, monkeypatch, [fine]) == []
    assert app.window.statusBar().currentMessage() == "已匯入 0 份文件；1 份先前已匯入。"


def test_english_stays_byte_for_byte_and_anything_else_reads_as_it_is(tmp_path):
    inner = say(N_("no such file"))
    said = say(N_("{file}: {problem}"), file=str(tmp_path / "a.txt"), problem=inner)
    assert tr_said(said) == f"{tmp_path / 'a.txt'}: no such file"
    assert tr_said(ValueError(said)) == str(said)
    assert tr_said(ValueError("made without say")) == "made without say"
    assert tr_said(OSError(13, "Permission denied")) == "[Errno 13] Permission denied"
    assert tr_said(42) == "42"


def test_importing_a_set_and_a_document_reports_in_chinese(app, tmp_path, monkeypatch, chinese):
    source = tmp_path / "colleague.db"
    store = open_store(str(source), seed=True)
    doc = store.documents()[0]
    for start in (0, 10):
        store.add_annotation(doc.id, "claim", start, start + 5, "colleague")
    store.close()
    colleague = tmp_path / "colleague.json"
    assert main(["export", "--db", str(source), "-o", str(colleague)]) == 0
    fine = tmp_path / "fine.txt"
    fine.write_text("Officials declined to comment.", encoding="utf-8")
    [report] = import_with_ctrl_o(app, monkeypatch, [fine, colleague])
    assert app.window.statusBar().currentMessage() == (
        "已匯入 1 份文件。已合併 1 個標註集：新增 2 個標註，略過 0 個，取代 0 個。"
    )
    assert f"{colleague}: 建立了 0 份文件，1 份相符；新增 2 個標註，略過 0 個，取代 0 個" in report
