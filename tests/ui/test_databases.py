"""File ▸ Open database…, and a plain launch reopening the database used last."""

from __future__ import annotations

import gc
import os
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from annotator.app import preferences
from annotator.main import main
from annotator.store import file_lock
from annotator.store.backups import backup_folder, make_backup
from annotator.store.errors import DamagedDatabase
from annotator.ui import window_documents
from annotator.ui.app import open_launch_store
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import remember_database, remembered_database
from tests.ui.conftest import Driver, answer_next_modal, db_annotations

needs_proc = pytest.mark.skipif(
    not Path("/proc/self/fd").is_dir(), reason="open files are listed in /proc (Linux)"
)


@pytest.fixture(autouse=True)
def _close_switched_windows(qtbot):
    """Windows that open_database made are closed (and deleted) after each test."""
    yield
    for window in list(window_documents._replacement_windows):
        window.close()
    qtbot.waitUntil(lambda: not window_documents._replacement_windows)


def open_files(database: Path) -> list[str]:
    """Files of ``database`` (with its -wal and -shm) this process holds open."""
    gc.collect()  # not those only garbage still holds (such as the import command's)
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(database)):
            found.append(target)
    return found


def make_database(folder: Path, name: str, text: str) -> Path:
    """A database holding one document with ``text`` (imported, so no seed article)."""
    document = folder / f"{name}.txt"
    document.write_text(text, encoding="utf-8")
    database = folder / f"{name}.db"
    assert main(["import", "--db", str(database), str(document)]) == 0
    return database


def warnings_shown(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *a: shown.append((title, text))
    )
    return shown


@needs_proc
def test_open_database_moves_the_window_to_it_and_closes_the_old_one(app, tmp_path, db_path, qtbot):
    other = make_database(tmp_path, "minutes", "Minutes of the meeting on 3 May.")
    app.tag("Raymond Siu", Qt.Key.Key_1)
    app.window.splitter.setSizes([150, 800, 380])
    sizes = app.window.splitter.sizes()
    assert open_files(db_path)  # the open store holds its file
    assert remembered_database() == str(db_path)

    new = app.window.open_database(str(other))

    assert isinstance(new, MainWindow) and new is not app.window
    qtbot.waitExposed(new)
    assert new.isVisible() and not app.window.isVisible()
    assert new.document.title == "Minutes of the meeting on 3 May."
    assert new.documents_model.rowCount() == 1
    # The layout came along (the middle stretches with the window, which the offscreen
    # screen may have made smaller).
    assert new.splitter.sizes()[::2] == sizes[::2]
    assert str(other) in new.counts_label.toolTip()
    assert not open_files(db_path)  # the old store was closed
    assert remembered_database() == str(other)
    # The new window works on the new database, and only there.
    driver = Driver(qtbot, new)
    new.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is new)
    start = driver.tag("3 May", Qt.Key.Key_3)
    assert db_annotations(other) == [("statistic", start, start + 5, "tester")]
    assert [row[0] for row in db_annotations(db_path)] == ["claim"]

    new.close()  # a window opened this way closes its store with it, and goes away
    assert not open_files(other)
    qtbot.waitUntil(lambda: not window_documents._replacement_windows)


def test_a_database_that_cannot_be_opened_leaves_the_window_as_it_was(
    app, tmp_path, db_path, monkeypatch
):
    shown = warnings_shown(monkeypatch)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 300)
    before = app.window.document

    assert app.window.open_database(str(junk)) is None

    assert shown and shown[0][0] == "Could not open the database" and "junk.db" in shown[0][1]
    assert app.window.isVisible() and app.window.document == before
    assert remembered_database() == str(db_path)
    assert junk.read_bytes() == b"not a database" * 300
    app.window.activateWindow()
    app.tag("Raymond Siu", Qt.Key.Key_1)  # the store is still open and working
    assert [row[0] for row in db_annotations(db_path)] == ["claim"]


def test_opening_the_database_already_open_keeps_the_window(app, db_path):
    assert app.window.open_database(str(db_path)) is app.window
    assert app.window.isVisible()
    assert "already open" in app.window.statusBar().currentMessage()
    app.tag("Raymond Siu", Qt.Key.Key_1)  # its store was not closed under it
    assert [row[0] for row in db_annotations(db_path)] == ["claim"]


def test_file_menu_open_database_asks_for_a_file(app, tmp_path, monkeypatch, qtbot):
    file_menu = app.window.menuBar().actions()[0].menu()
    assert app.window.open_database_action in file_menu.actions()
    answer = ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (answer, ""))
    app.window.open_database_action.trigger()  # cancelled: nothing changes
    assert app.window.isVisible()

    answer = str(tmp_path / "fresh.db")  # a new database starts with the seed article
    app.window.open_database_action.trigger()
    (new,) = window_documents._replacement_windows
    assert new.isVisible() and not app.window.isVisible()
    assert new.document.title == "Hong Kong goes for mass surveillance"
    assert remembered_database() == answer


def test_launch_picks_db_option_then_env_then_the_remembered_database(
    make_window, tmp_path, db_path, monkeypatch
):
    default = Path(os.environ["XDG_DATA_HOME"]) / "annotator" / "annotations.db"

    def launched(target=None) -> tuple[str, str | None]:
        store, notice = open_launch_store(target)
        store.close()
        return store.location, notice

    assert remembered_database() is None
    assert launched() == (str(default), None)
    project = make_database(tmp_path, "project", "Project notes.")
    make_window(path=project).window.close()  # the window had it open last
    assert launched() == (str(project), None)
    assert launched(str(db_path)) == (str(db_path), None)  # --db wins
    monkeypatch.setenv("ANNOTATOR_DB", str(tmp_path / "env.db"))
    assert launched() == (str(tmp_path / "env.db"), None)  # so does $ANNOTATOR_DB
    monkeypatch.delenv("ANNOTATOR_DB")
    # A server's URL is kept without its password; one that cannot be reached: the
    # default, and why.
    remember_database("postgresql+psycopg://someone:secret@127.0.0.1:1/annotations")
    assert remembered_database() == "postgresql+psycopg://someone@127.0.0.1:1/annotations"
    location, notice = launched()
    assert location == str(default)
    assert notice is not None and "127.0.0.1:1/annotations" in notice and "default" in notice
    assert "secret" not in preferences.preferences_file().read_text()

    gone = make_database(tmp_path, "gone", "Soon deleted.")
    remember_database(str(gone))
    gone.unlink()
    assert remembered_database() is None
    assert launched() == (str(default), None)  # a file that is gone: the default

    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")  # a database, not Annotator's
    conn.close()
    remember_database(str(foreign))
    location, notice = launched()  # a file that no longer opens: the default, and why
    assert location == str(default)
    assert notice is not None and "foreign.db" in notice and "default" in notice

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 300)
    remember_database(str(junk))
    location, notice = launched()  # damaged, no backup: the default, and why
    assert location == str(default) and "junk.db" in notice and "damaged" in notice
    make_backup(project)  # a damaged file with a backup: the launcher offers it
    project.write_bytes(b"not a database either" * 300)
    remember_database(str(project))
    with pytest.raises(DamagedDatabase, match=r"project\.db"):
        launched()
    assert junk.read_bytes() == b"not a database" * 300


def close_window_when_shown(seen: list[tuple[str, str]]) -> QTimer:
    """Record the launched window's document and status, close it and end ``exec``.

    It leaves the event loop with ``exit`` rather than ``quit``: Qt's quit would leave the
    test process's application shutting down for the tests after this one."""
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                timer.stop()
                seen.append((widget.document.title, widget.statusBar().currentMessage()))
                widget.close()
                QApplication.exit(0)

    timer.timeout.connect(check)
    timer.start()
    return timer


@pytest.fixture
def no_quit_on_close(qapp):
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


def test_a_plain_launch_opens_the_remembered_database(no_quit_on_close, tmp_path, capsys):
    project = make_database(tmp_path, "project", "Project notes.")
    remember_database(str(project))
    seen: list[tuple[str, str]] = []
    timer = close_window_when_shown(seen)
    assert main([]) == 0
    assert seen[0][0] == "Project notes."

    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    remember_database(str(foreign))
    seen.clear()
    timer.start()
    assert main([]) == 0
    title, status = seen[0]
    assert title == "Hong Kong goes for mass surveillance"  # the default database, seeded
    assert "foreign.db" in status and "foreign.db" in capsys.readouterr().err
    assert remembered_database() is not None and remembered_database() != str(foreign)


def test_a_damaged_database_at_launch_offers_its_newest_backup(no_quit_on_close, tmp_path, capsys):
    project = make_database(tmp_path, "project", "Project notes.")
    make_backup(project)
    with sqlite3.connect(project) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    project.write_bytes(b"not a database any more" * 300)
    remember_database(str(project))

    def press(label):
        def act(box):
            button = next(b for b in box.buttons() if b.text().startswith(label))
            seen_text.append(box.text())
            button.click()

        return act

    seen_text: list[str] = []
    refuse = answer_next_modal(QMessageBox, press("Quit"))
    assert main([]) == 1  # the user would rather not: nothing changes
    assert "project.db" in seen_text[0] and "damaged" in seen_text[0]
    assert project.read_bytes() == b"not a database any more" * 300
    refuse.stop()

    seen: list[tuple[str, str]] = []
    timer = close_window_when_shown(seen)
    accept = answer_next_modal(QMessageBox, press("Restore backup"))
    assert main([]) == 0
    assert seen[0][0] == "Project notes."  # the backup, opened
    kept = [p for p in backup_folder(project).iterdir() if p.name.startswith("before-")]
    assert [p.read_bytes() for p in kept] == [b"not a database any more" * 300]
    timer.stop()
    accept.stop()
    capsys.readouterr()


def test_restore_from_backup_in_the_window_brings_the_backup_back(app, db_path):
    from annotator.ui.backup_dialog import RestoreDialog

    app.tag("615 new", Qt.Key.Key_3)
    make_backup(db_path)
    app.tag("Raymond Siu", Qt.Key.Key_1)  # after the backup
    assert sorted(row[0] for row in db_annotations(db_path)) == ["claim", "statistic"]
    seen = []

    def choose_first(dialog):
        seen.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    timer = answer_next_modal(RestoreDialog, choose_first)
    app.window.restore_action.trigger()
    timer.stop()
    assert len(seen[0]) == 1 and "UTC" in seen[0][0]
    assert [row[0] for row in db_annotations(db_path)] == ["statistic"]
    window = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    )
    assert window is not app.window
    assert [a.label for a in window.annotations_model.annotations()] == ["statistic"]
    assert "Restored" in window.statusBar().currentMessage()
    kept = [
        p
        for p in backup_folder(db_path).iterdir()
        if p.name.startswith("before-") and p.name.endswith(".db")
    ]
    assert len(kept) == 1 and f"kept as {kept[0]}" in window.statusBar().currentMessage()
    with sqlite3.connect(kept[0]) as conn:  # the database as it was, claim and all
        labels = sorted(row[0] for row in conn.execute("SELECT label FROM annotations"))
    conn.close()
    assert labels == ["claim", "statistic"]
    window.close()


def test_opening_a_database_during_a_restore_waits_and_says_so(app, tmp_path):
    other = make_database(tmp_path, "minutes", "Minutes of the meeting on 3 May.")
    restoring = file_lock.hold_exclusive(other)  # as a restore in another program does
    shown: list[str] = []
    app.window.statusBar().messageChanged.connect(shown.append)
    threading.Timer(0.3, restoring.release).start()  # it finishes

    new = app.window.open_database(str(other))

    assert isinstance(new, MainWindow) and new.document.text.startswith("Minutes")
    assert f"Waiting for a restore of {other} to finish…" in shown
