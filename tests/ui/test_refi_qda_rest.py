"""A REFI-QDA project with a selection that fits its text under no reading: the window
shows the report and offers to import the rest."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_import_flow import answer, choose_files, rows
from tests.ui.test_import_flow import timers as timers  # the fixture

QUALCODER = Path(__file__).parents[1] / "fixtures" / "tools" / "qualcoder" / "qualcoder.qdpx"


@pytest.fixture
def edited(tmp_path):
    """QualCoder's project with one selection's name changed, so it fits no reading."""
    with zipfile.ZipFile(QUALCODER) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["project.qde"] = members["project.qde"].replace(b'name="refused"', b'name="agreed"')
    path = tmp_path / "edited.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def labels_and_quotes(db_path):
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        found = conn.execute(
            "SELECT a.label, substr(d.text, a.start_offset + 1, a.end_offset - a.start_offset) "
            "FROM annotations a JOIN documents d ON d.id = a.document_id "
            "WHERE d.title = 'Interview' ORDER BY a.start_offset"
        ).fetchall()
    conn.close()
    return found


@pytest.mark.parametrize("button", ["Cancel", "Import the rest"])
def test_the_window_offers_to_import_the_rest(app, edited, monkeypatch, db_path, timers, button):
    choose_files(monkeypatch, [edited])
    shown = []

    def press(box):
        shown.append((box.windowTitle(), box.text()))
        next(b for b in box.buttons() if b.text() == button).click()

    finished = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, *a: finished.append(a))
    errors = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, *a: errors.append(a))
    before = rows(db_path)
    answer(timers, QMessageBox, press)
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    ((title, text),) = shown
    assert title == "Some selections cannot be placed"
    assert "PlainTextSelection[6] [87:94] 'agreed' fits no reading" in text
    if button == "Cancel":
        assert rows(db_path) == before
        assert errors and "cannot be placed" in errors[0][1]
        return
    quotes = labels_and_quotes(db_path)
    assert len(quotes) == 6 and ("refusal", "refused") not in quotes
    assert ("statistic", "families") in quotes and ("claim", "said") in quotes
    assert "skipped Sources/TextSource[1]/PlainTextSelection[6]" in finished[0][1]
