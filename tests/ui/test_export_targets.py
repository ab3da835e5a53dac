"""The window's export refuses a target that is not a regular file with a dialog."""

from __future__ import annotations

import os
import stat

from PySide6.QtWidgets import QMessageBox


def test_exporting_onto_a_pipe_shows_a_dialog_and_leaves_it(app, tmp_path, monkeypatch):
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *a: warnings.append((title, text))
    )
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    assert app.window.export_to(fifo) is False
    assert warnings == [
        (
            "Export failed",
            f"{fifo}: refused: a device, pipe or socket, not a regular file to write over",
        )
    ]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_scheme_exported_onto_a_pipe_shows_why(app, tmp_path, monkeypatch):
    from tests.ui.test_labels_editor import edit_labels

    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *a: warnings.append((title, text))
    )
    fifo = tmp_path / "scheme.json"
    os.mkfifo(fifo)

    def act(dialog):
        assert not dialog.export_scheme(fifo)
        dialog.reject()

    edit_labels(app, act)
    assert warnings == [
        (
            "Cannot export the scheme",
            f"{fifo}: refused: a device, pipe or socket, not a regular file to write over",
        )
    ]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
