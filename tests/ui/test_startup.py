from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from annotator.main import main
from tests.ui.conftest import answer_next_modal


def test_gui_launch_on_a_bad_database_explains_in_a_dialog(qapp, tmp_path, capsys):
    shown = []

    def quit_(box):
        shown.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        box.reject()

    timer = answer_next_modal(QMessageBox, quit_)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 300)
    assert main(["--db", str(junk)]) == 1
    timer.stop()
    assert "junk.db" in capsys.readouterr().err
    title, text, buttons = shown[0]
    assert title == "The database cannot be opened" and "junk.db" in text
    assert "no backup" in text and buttons == ["Quit"]  # nothing to restore: only Quit
    assert junk.read_bytes() == b"not a database" * 300


def test_gui_launch_on_a_fifo_explains_in_a_dialog_without_blocking(qapp, tmp_path, capsys):
    shown = []

    def quit_(box):
        shown.append((box.windowTitle(), box.text()))
        box.reject()

    timer = answer_next_modal(QMessageBox, quit_)
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    assert main(["--db", str(fifo)]) == 1  # (reading a FIFO would block: never opened)
    timer.stop()
    assert f"{fifo}: not a regular file" in capsys.readouterr().err
    (title, text), *more = shown
    assert title == "Annotator cannot start" and not more
    assert text.startswith(f"{fifo}: not a regular file") and fifo.exists()
