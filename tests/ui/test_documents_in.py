"""Real documents in through the window: dropped files and folders, properties."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMessageBox, QTextEdit

from annotator.main import main
from annotator.ui.properties_dialog import PropertiesDialog
from tests.helpers import check_export
from tests.ui.conftest import answer_next_modal

PAGE_1252 = (
    '<html><head><meta charset="windows-1252"><title>Police chief &amp; the cameras</title>'
    "<script>document.write('<p>injected</p>')</script></head><body>"
    "<nav><a href='/'>Home</a></nav>"
    "<h1>Police chief &amp; the cameras</h1>"
    "<p>He said \x93we will not compromise privacy\x94 \x96 and cited \xa3 costs.</p>"
    "<p>Authorities refused to say how many cameras there are.</p></body></html>"
).encode("latin-1")


def drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = window.rect().center()
    enter = QDragEnterEvent(
        QPoint(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, event)
    return event


def test_dropped_web_page_is_read_and_tagged_exactly(app, tmp_path, db_path):
    page = tmp_path / "statement.htm"
    page.write_bytes(PAGE_1252)
    drop(app.window, [page])
    doc = app.window.document
    assert doc.title == "Police chief & the cameras"
    assert doc.format == "html" and doc.encoding == "cp1252"
    assert app.text == (
        "Police chief & the cameras\n\n"
        "He said “we will not compromise privacy” – and cited £ costs.\n\n"
        "Authorities refused to say how many cameras there are.\n"
    )
    phrase = "“we will not compromise privacy”"
    start = app.text.index(phrase)
    app.select_chars(start, len(phrase))
    app.key(Qt.Key.Key_1)
    out = tmp_path / "out.json"
    assert main(["export", "--db", str(db_path), "-o", str(out)]) == 0
    exported = check_export(out.read_bytes())
    quotes = [a["quote"] for d in exported["documents"] for a in d["annotations"]]
    assert quotes == [phrase]


def test_dropped_folder_imports_the_good_files_and_lists_the_bad(
    app, tmp_path, monkeypatch, db_path
):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: warnings.append(text))
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text("First document.", encoding="utf-8")
    (folder / "sub" / "two.md").write_text("# Second\n\nbody", encoding="utf-8")
    (folder / "sub" / "bad.txt").write_bytes(b"\x00\x00garbage\x00")
    drop(app.window, [folder])
    titles = [
        app.window.documents_model.data(app.window.documents_model.index(r, 0))
        for r in range(app.window.documents_model.rowCount())
    ]
    assert titles == ["Hong Kong goes for mass surveillance", "First document.", "Second"]
    assert len(warnings) == 1 and "bad.txt: binary data" in warnings[0]
    assert "1 file(s) could not be imported" in app.window.statusBar().currentMessage()


def test_a_drag_of_something_else_is_refused(app):
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(
        QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(app.window, enter)
    assert not enter.isAccepted()


def test_properties_show_metadata_and_save_edits(app, db_path):
    seen = {}

    def edit(dialog):
        seen["published"] = dialog.published.text()
        seen["encoding"] = [label.text() for label in dialog.findChildren(QLabel)] + [
            shown.toPlainText()
            for shown in dialog.findChildren(QTextEdit)  # long values
        ]
        dialog.author.setText("Jane Reporter")
        dialog.published.setText("22 Feb")  # not a date: Save is disabled
        seen["blocked"] = not dialog.buttons.button(
            QDialogButtonBox.StandardButton.Save
        ).isEnabled()
        dialog.published.setText("2024-02-23")
        dialog.title.setText("HK surveillance")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    timer = answer_next_modal(PropertiesDialog, edit)
    app.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    del timer
    assert seen["published"] == "2024-02-22"
    assert "utf-8" in seen["encoding"] and "000_67b6d19143059434.txt" in seen["encoding"]
    assert seen["blocked"]
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT title, author, published FROM documents").fetchall() == [
            ("HK surveillance", "Jane Reporter", "2024-02-23")
        ]
    assert app.window.windowTitle().startswith("HK surveillance")


def test_publication_dates_must_be_real():
    from annotator.ui.properties_dialog import is_publication_date

    assert all(map(is_publication_date, ["2024-02-22", "2024-02", "2024", "2024-02-29"]))
    assert not any(
        map(is_publication_date, ["2024-02-30", "2024-13", "0000-00-00", "2023-02-29", "22 Feb"])
    )
