"""Imports as a user meets them: read in the background while the window stays usable,
cancelled or closed with nothing stored, bad files listed with an offer to import the
others, and bad files named at launch shown in the window."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from annotator.app import imports
from annotator.core.decoding import decode_bytes
from annotator.main import main
from annotator.ui.encoding_review import EncodingReviewDialog
from annotator.ui.main_window import MainWindow
from tests.ui.conftest import answer_next_modal

BINARY = b"\x00\x01binary\x02\x03"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def rows(db_path) -> dict[str, list[tuple]]:
    """Every row of every table: what the database holds, to compare before and after."""
    with sqlite3.connect(db_path) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        held = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    conn.close()
    return held


def titles(db_path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        found = [t for (t,) in conn.execute("SELECT title FROM documents ORDER BY title")]
    conn.close()
    return found


def folder_of_notes(tmp_path, count: int = 300):
    folder = tmp_path / "notes"
    folder.mkdir()
    for i in range(count):
        (folder / f"note{i:03}.txt").write_text(
            f"Note {i}\n\nThe council said {i} cameras were installed.\n", encoding="utf-8"
        )
    return folder


@pytest.fixture
def timers():
    """Timers that act for the user; stopped however the test ends, so none outlives it
    to answer another test's dialog."""
    made: list[QTimer] = []
    yield made
    for timer in made:
        timer.stop()


def when(timers, condition, act) -> None:
    """Call ``act()`` from the event loop once ``condition()`` holds: an import waits for
    its reading in the event loop, as the window does, so this is where the user acts."""
    timer = QTimer()
    timer.setInterval(10)

    def check() -> None:
        if condition():
            timer.stop()
            act()

    timer.timeout.connect(check)
    timer.start()
    timers.append(timer)


def answer(timers, kind, act) -> None:
    timers.append(answer_next_modal(kind, act))


class HeldReading:
    """Holds the window's reading before file number ``at`` until released, as a slow disk
    would, so the test acts while the import is certainly still running. The files are
    read by the real ``read_inputs``; ``seen`` has the file numbers it reached."""

    def __init__(self, monkeypatch, at: int) -> None:
        self.at = at
        self.reached = threading.Event()
        self.release = threading.Event()
        self.seen: list[int] = []
        real = imports.read_inputs

        def read(paths, progress, **options):
            def held(done: int, total: int) -> None:
                self.seen.append(done)
                if done == self.at:
                    self.reached.set()
                    self.release.wait(60)  # a failing test must not hang the run
                progress(done, total)

            return real(paths, held, **options)

        monkeypatch.setattr(imports, "read_inputs", read)  # as the window reads it


def choose_folder(monkeypatch, folder) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))


def choose_files(monkeypatch, paths) -> None:
    answer = ([str(p) for p in paths], "")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: answer)


def running_threads(window) -> list[QThread]:
    return [t for t in window.findChildren(QThread) if t.isRunning()]


def test_the_window_stays_usable_while_a_folder_is_read(
    app, tmp_path, monkeypatch, db_path, timers
):
    long = tmp_path / "long.txt"
    long.write_text(
        "Long report\n\n" + "".join(f"Paragraph {i} of the report.\n\n" for i in range(600)),
        encoding="utf-8",
    )
    assert app.window.import_files([long])
    assert app.window.document.title == "Long report"
    before = len(titles(db_path))
    choose_folder(monkeypatch, folder_of_notes(tmp_path))
    held = HeldReading(monkeypatch, at=150)
    meanwhile = {}

    def read_and_switch() -> None:
        bar = app.view.verticalScrollBar()
        meanwhile["top"] = bar.value()
        app.key(Qt.Key.Key_PageDown, times=3)
        meanwhile["scrolled"] = bar.value()
        app.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)  # another document
        meanwhile["switched to"] = app.window.document.title
        meanwhile["importing"] = app.window.importing
        meanwhile["progress"] = app.window.import_progress.label.text()
        meanwhile["can import"] = app.window.import_action.isEnabled()
        meanwhile["can open a database"] = app.window.open_database_action.isEnabled()
        meanwhile["stored"] = len(titles(db_path))
        app.window.grab().save(str(tmp_path / "while-importing.png"))
        held.release.set()

    when(timers, held.reached.is_set, read_and_switch)
    app.key(Qt.Key.Key_O, CTRL_SHIFT)  # File ▸ Import folder…
    assert meanwhile["scrolled"] > meanwhile["top"]  # the text scrolled while files were read
    assert meanwhile["switched to"] != "Long report"
    assert meanwhile["importing"] and meanwhile["progress"] == "Reading files: 150 of 300"
    assert not meanwhile["can import"] and not meanwhile["can open a database"]
    assert meanwhile["stored"] == before  # nothing is stored before everything is read
    assert len(titles(db_path)) == before + 300
    assert app.window.document.title == "Note 0"  # the first imported, opened
    assert "Imported 300 document(s)" in app.window.statusBar().currentMessage()
    assert app.window.import_action.isEnabled() and not app.window.import_progress.isVisible()
    assert running_threads(app.window) == []


def test_cancel_while_reading_stops_at_once_and_stores_nothing(
    app, tmp_path, monkeypatch, db_path, timers
):
    choose_folder(monkeypatch, folder_of_notes(tmp_path))
    held = HeldReading(monkeypatch, at=100)
    before = rows(db_path)
    said = []

    def cancel() -> None:
        app.qtbot.mouseClick(app.window.import_progress.cancel_button, Qt.MouseButton.LeftButton)
        said.append(app.window.import_progress.label.text())
        held.release.set()

    when(timers, held.reached.is_set, cancel)
    app.key(Qt.Key.Key_O, CTRL_SHIFT)  # File ▸ Import folder…
    assert said == ["Cancelling…"]
    assert max(held.seen) == 100  # no file after the one being read when Cancel was pressed
    assert app.window.statusBar().currentMessage() == "Import cancelled: nothing was changed."
    assert rows(db_path) == before
    assert running_threads(app.window) == [] and app.window.import_action.isEnabled()
    assert not app.window.import_progress.isVisible()


@pytest.mark.parametrize("kind", ["first window", "window of an opened database"])
def test_closing_the_window_while_reading_cancels_and_leaves_no_thread(
    app, tmp_path, monkeypatch, db_path, timers, kind
):
    if kind == "first window":
        window = app.window
    else:  # deleted when closed, and closes its own store
        db_path = tmp_path / "other.db"
        window = app.window.open_database(str(db_path))
        app.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    choose_folder(monkeypatch, folder_of_notes(tmp_path))
    held = HeldReading(monkeypatch, at=100)
    before = rows(db_path)
    seen = {}

    def close() -> None:
        threads = window.findChildren(QThread)
        held.release.set()
        window.close()
        seen["threads"] = len(threads)
        seen["running"] = [t.isRunning() for t in threads]
        seen["visible"] = window.isVisible()

    when(timers, held.reached.is_set, close)
    app.qtbot.keyClick(
        window,
        Qt.Key.Key_O,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen == {"threads": 1, "running": [False], "visible": False}
    QApplication.processEvents()  # the reading's end arrives in a closed window: ignored
    assert rows(db_path) == before


def test_a_selection_with_bad_files_offers_to_import_the_others(
    app, tmp_path, monkeypatch, db_path, timers
):
    good = [tmp_path / "alpha.txt", tmp_path / "beta.md", tmp_path / "gamma.txt"]
    for path in good:
        path.write_text(f"{path.stem.title()} text\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(BINARY)
    (tmp_path / "notes.xyz").write_text("x", encoding="utf-8")
    chosen = [good[0], tmp_path / "binary.txt", good[1], tmp_path / "notes.xyz", good[2]]
    choose_files(monkeypatch, chosen)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, *shown: warnings.append(shown))
    offers = []

    def press(text):
        def act(box):
            offers.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
            next(b for b in box.buttons() if b.text() == text).click()

        return act

    before = rows(db_path)
    known = titles(db_path)
    answer(timers, QMessageBox, press("Cancel"))
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    title, text, buttons = offers[0]
    assert title == "Some files cannot be imported"
    assert text.startswith("2 files cannot be imported:")
    assert f"{tmp_path / 'binary.txt'}: binary data" in text
    assert f"{tmp_path / 'notes.xyz'}: unsupported file type '.xyz'" in text
    assert "alpha" not in text and sorted(buttons) == ["Cancel", "Import the 3 others"]
    assert rows(db_path) == before  # cancelled: nothing stored
    assert app.window.statusBar().currentMessage() == "Import cancelled: nothing was changed."

    answer(timers, QMessageBox, press("Import the 3 others"))
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(offers) == 2
    assert sorted(titles(db_path)) == sorted([*known, "Alpha text", "Beta text", "Gamma text"])
    assert app.window.document.title == "Alpha text"
    assert "2 file(s) could not be imported" in app.window.statusBar().currentMessage()
    assert warnings == []  # the bad files were listed once, in the offer


def test_a_single_bad_file_is_explained_and_nothing_imported(app, tmp_path, monkeypatch, db_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    choose_files(monkeypatch, [bad])
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, *shown: warnings.append(shown))
    before = rows(db_path)
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    (title, text), *more = warnings
    assert title == "Nothing was imported" and not more
    assert text == f"{bad}: starts with a utf-16-le byte-order mark but is not utf-16-le " + (
        "(truncated data at byte 8)"
    )
    assert rows(db_path) == before


@pytest.fixture
def no_quit_on_close(qapp):
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


def launched_window() -> MainWindow | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()),
        None,
    )


def close_when_imported(timers, seen: dict) -> None:
    """Once the launched window has imported and no dialog is open: note what it shows,
    close it and end ``exec`` (with ``exit``: see tests/ui/test_databases.py)."""

    def done() -> bool:
        window = launched_window()
        return (
            window is not None
            and seen.get("dialogs", 0) > 0
            and not window.importing
            and QApplication.activeModalWidget() is None
        )

    def close() -> None:
        window = launched_window()
        seen["document"] = window.document.title
        seen["status"] = window.statusBar().currentMessage()
        window.close()
        QApplication.exit(0)

    when(timers, done, close)


def record_dialog(seen: dict, press: str | None = None):
    def act(box):
        window = launched_window()
        seen.setdefault("shown", []).append((box.windowTitle(), box.text()))
        seen["window shown behind"] = window is not None
        seen["dialogs"] = seen.get("dialogs", 0) + 1
        if press is None:
            box.accept()
        else:
            next(b for b in box.buttons() if b.text() == press).click()

    return act


def test_launch_with_a_bad_file_opens_the_window_with_the_message(
    no_quit_on_close, tmp_path, db_path, timers, capsys
):
    bad = tmp_path / "garbage.txt"
    bad.write_bytes(BINARY)
    seen: dict = {}
    answer(timers, QMessageBox, record_dialog(seen))
    close_when_imported(timers, seen)
    assert main(["--db", str(db_path), str(bad)]) == 0
    assert seen["window shown behind"]
    assert seen["shown"] == [
        ("Nothing was imported", f"{bad}: binary data, not text (it holds NUL bytes)")
    ]
    assert titles(db_path) == ["Hong Kong goes for mass surveillance"]  # the seed only
    assert seen["document"] == "Hong Kong goes for mass surveillance"
    capsys.readouterr()


def test_launch_with_good_and_bad_files_imports_the_good_ones_the_user_accepts(
    no_quit_on_close, tmp_path, db_path, timers, capsys
):
    good = tmp_path / "minutes.txt"
    good.write_text("Minutes of the meeting\n\nThe chair said 3 things.\n", encoding="utf-8")
    bad = tmp_path / "report.docx"
    bad.write_bytes(b"not a zip at all")
    folder = tmp_path / "press"
    folder.mkdir()
    (folder / "release.md").write_text("# Press release\n\nNo comment.\n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(BINARY)
    seen: dict = {}
    answer(timers, QMessageBox, record_dialog(seen, press="Import the 2 others"))
    close_when_imported(timers, seen)
    assert main(["--db", str(db_path), str(good), str(bad), str(folder)]) == 0
    ((title, text),) = seen["shown"]
    assert title == "Some files cannot be imported" and seen["window shown behind"]
    assert text.startswith("2 files cannot be imported:")
    assert f"{bad}: " in text and f"{folder / 'scan.txt'}: binary data" in text
    assert titles(db_path) == [
        "Hong Kong goes for mass surveillance",
        "Minutes of the meeting",
        "Press release",
    ]
    assert seen["document"] == "Minutes of the meeting"
    capsys.readouterr()


def test_launch_with_a_folder_imports_its_good_files_and_lists_the_bad(
    no_quit_on_close, tmp_path, db_path, timers, capsys
):
    folder = tmp_path / "press"
    folder.mkdir()
    (folder / "a-release.md").write_text("# Press release\n\nNo comment.\n", encoding="utf-8")
    (folder / "b-letter.txt").write_text("Letter to the council\n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(BINARY)
    seen: dict = {}
    answer(timers, QMessageBox, record_dialog(seen))
    close_when_imported(timers, seen)
    assert main(["--db", str(db_path), str(folder)]) == 0
    assert seen["shown"] == [
        (
            "Some files were not imported",
            f"{folder / 'scan.txt'}: binary data, not text (it holds NUL bytes)",
        )
    ]
    assert titles(db_path) == [
        "Hong Kong goes for mass surveillance",
        "Letter to the council",
        "Press release",
    ]
    assert seen["document"] == "Press release"
    assert seen["status"] == "Imported 2 document(s). 1 file(s) could not be imported."
    capsys.readouterr()


def test_launch_with_an_uncertain_file_asks_which_reading_as_import_does(
    no_quit_on_close, tmp_path, db_path, timers, capsys
):
    """A FILE named at launch goes through the window's import, review included: its
    uncertain decoding is shown for the user to choose (here the next reading)."""
    signed = tmp_path / "signed.txt"
    signed.write_bytes(b"Signed for the committee by Jan Pe\xe8ek on the first of May 2024.\n")
    assert decode_bytes(signed.read_bytes()).uncertain, "the test needs an uncertain decoding"
    seen: dict = {}

    def choose_next(dialog):
        seen["dialogs"] = 1
        seen["window shown behind"] = launched_window() is not None
        seen["rows"] = [dialog.documents.item(i).text() for i in range(dialog.documents.count())]
        QTest.keyClick(dialog.readings, Qt.Key.Key_Down)
        QTest.keyClick(dialog.readings, Qt.Key.Key_Return)

    answer(timers, EncodingReviewDialog, choose_next)
    close_when_imported(timers, seen)
    assert main(["--db", str(db_path), str(signed)]) == 0
    assert seen["window shown behind"] and seen["rows"] == [str(signed)]
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute(
            "SELECT text, encoding, encoding_chosen FROM documents WHERE source = ?",
            (str(signed),),
        ).fetchall()
    conn.close()
    assert stored == [
        ("Signed for the committee by Jan Peček on the first of May 2024.\n", "cp1250", 1)
    ]
    assert seen["document"].startswith("Signed for the committee by Jan Peček")
    capsys.readouterr()
