"""Opening a file from a file manager runs ``annotator FILE`` (the desktop entry's
``Exec=annotator %F``): the window opens, imports the file and shows it; a file it cannot
read leaves the window open with the message."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.app.opening import open_store
from annotator.app.resources import APP_ID
from annotator.core.model import NewDocument
from annotator.main import main
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import Driver

TEXT = "The minister said unemployment fell by 12% last year. 😀\nShe declined to comment.\n"
TITLE = "The minister said unemployment fell by 12% last year. 😀"


@pytest.fixture
def colleague_files(tmp_path):
    """A colleague's document with one claim, exported as an annotation set and as a
    REFI-QDA project, and the document as a plain text file."""
    theirs = tmp_path / "colleague.db"
    store = open_store(str(theirs))
    [result] = store.import_documents([NewDocument(TITLE, "minister.txt", TEXT)])
    store.add_annotation(result.document.id, "claim", 4, 30, "colleague")
    store.close()
    files = {"json": tmp_path / "colleague.json", "qdpx": tmp_path / "colleague.qdpx"}
    for fmt, path in (("json", files["json"]), ("refi-qda", files["qdpx"])):
        assert main(["export", "--db", str(theirs), "--format", fmt, "-o", str(path)]) == 0
    files["txt"] = tmp_path / "minister.txt"
    files["txt"].write_text(TEXT, encoding="utf-8")
    return files


@pytest.fixture
def launch(qapp, db_path, capsys):
    """``launch(file)`` runs ``annotator --db DB FILE`` as the desktop does and returns
    what the user saw once the import was over: the dialogs (each accepted), the
    document shown, its annotation rows and the status bar."""
    qapp.setQuitOnLastWindowClosed(False)
    timers: list[QTimer] = []

    def run(*files) -> dict:
        seen: dict = {"dialogs": []}

        def watch() -> None:
            modal = QApplication.activeModalWidget()
            window = next(
                (
                    w
                    for w in QApplication.topLevelWidgets()
                    if isinstance(w, MainWindow) and w.isVisible()
                ),
                None,
            )
            if isinstance(modal, QMessageBox):
                seen["window behind"] = window is not None
                seen["dialogs"].append((modal.windowTitle(), modal.text()))
                modal.accept()
                return
            status = window.statusBar().currentMessage() if window is not None else ""
            over = seen["dialogs"] or status.startswith(("Imported", "Merged"))
            if window is None or window.importing or not over:
                return
            timer.stop()
            seen["document"] = window.document.title
            seen["rows"] = Driver(None, window).list_rows()
            seen["status"] = status
            seen["desktop file"] = QGuiApplication.desktopFileName()
            seen["window class"] = QGuiApplication.applicationName()
            window.close()
            QApplication.exit(0)

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(watch)
        timer.start()
        timers.append(timer)
        seen["exit"] = main(["--db", str(db_path), *map(str, files)])
        seen["stderr"] = capsys.readouterr().err
        return seen

    yield run
    for timer in timers:
        timer.stop()
    qapp.setQuitOnLastWindowClosed(True)


def titles(db_path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        found = [t for (t,) in conn.execute("SELECT title FROM documents ORDER BY title")]
    conn.close()
    return found


@pytest.mark.parametrize("kind", ["qdpx", "json", "txt"])
def test_a_file_opened_from_the_file_manager_is_imported_and_shown(
    kind, colleague_files, launch, db_path
):
    seen = launch(colleague_files[kind])
    assert seen["exit"] == 0 and "Traceback" not in seen["stderr"]
    assert seen["document"] == TITLE  # shown, not the seed article the database opened on
    assert TITLE in titles(db_path)
    # The desktop matches the window to the entry that opened it (Wayland's app id, the
    # entry's StartupWMClass on X11).
    assert seen["desktop file"] == APP_ID and seen["window class"] == "Annotator"
    if kind == "txt":
        assert seen["rows"] == [] and seen["status"] == "Imported 1 document(s)."
        assert seen["dialogs"] == []
    else:  # the colleague's claim came with it, and the import says so
        assert seen["rows"] == [("claim", "minister said unemployment", "4–30")]
        ((title, text), *_labels_noted) = seen["dialogs"]
        assert title == "Import finished"
        assert f"{colleague_files[kind]}: 1 document(s) created" in text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.qdpx", b"not a zip", "not a REFI-QDA project"),
        ("truncated.json", b'{"format": "annotator-annotation-set", "docu', "not JSON"),
        ("picture.png", b"\x89PNG\r\n\x1a\n", "unsupported file type '.png'"),
        # Moved or deleted since the file manager listed it (a recent file, a stale link).
        ("gone ü.qdpx", None, "no such file"),
    ],
)
def test_a_file_the_app_cannot_read_opens_the_window_with_the_message(
    name, content, message, tmp_path, launch, db_path
):
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    seen = launch(bad)
    assert seen["exit"] == 0 and "Traceback" not in seen["stderr"]
    assert seen["window behind"]
    [(title, text)] = seen["dialogs"]
    assert title == "Nothing was imported"
    assert text.startswith(f"{bad}: ") and message in text
    assert titles(db_path) == ["Hong Kong goes for mass surveillance"]  # the seed only
    assert seen["document"] == "Hong Kong goes for mass surveillance"
