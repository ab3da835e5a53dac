"""Uncertain decodings in the window: one review dialog per import, the best reading
preselected (Enter keeps it), another picked with Down or a click, Cancel storing
nothing; the properties dialog says how sure the decoding was."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from annotator.core.decoding import decode_bytes
from annotator.core.encoding_names import described
from annotator.ui.encoding_review import EncodingReviewDialog
from annotator.ui.properties_dialog import PropertiesDialog
from tests.ui.conftest import answer_next_modal
from tests.ui.test_files_gui import Dialogs

# Truly ambiguous: the only non-ASCII byte is "è" in Windows-1252 and "č" in -1250.
SIGNED = b"Signed for the committee by Jan Pe\xe8ek on the first of May 2024.\n"
MINUTES = b"Minutes of the board meeting held in Bra\xe8ov, Monday morning.\n"


def stored(db_path) -> list[tuple]:
    """The imported files' documents (not the seed), by file name."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT source, text, encoding, confidence, encoding_chosen FROM documents "
            "WHERE source LIKE ? ORDER BY source",
            (f"{db_path.parent}%",),
        ).fetchall()


def uncertain(data: bytes):
    decoded = decode_bytes(data)
    assert decoded.uncertain and decoded.alternatives, "the test needs an uncertain decoding"
    return decoded


@pytest.fixture
def files(tmp_path):
    signed = tmp_path / "a-signed.txt"
    signed.write_bytes(SIGNED)
    minutes = tmp_path / "b-minutes.txt"
    minutes.write_bytes(MINUTES)
    plain = tmp_path / "c-plain.txt"
    plain.write_text("Plain UTF-8: café.\n", encoding="utf-8")
    return signed, minutes, plain


def review(act):
    """Answer the review dialog with ``act(dialog)``; what it showed is kept."""
    seen = {}

    def answer(dialog):
        seen["rows"] = [dialog.documents.item(i).text() for i in range(dialog.documents.count())]
        seen["readings"] = [dialog.readings.item(i).text() for i in range(dialog.readings.count())]
        seen["comparison"] = dialog.comparison.toHtml()
        seen["plain"] = dialog.comparison.toPlainText()
        act(dialog)

    return answer_next_modal(EncodingReviewDialog, answer), seen


def properties(app) -> list[str]:
    """What Document properties… shows (its labels' texts) for the open document."""
    labels: list[str] = []

    def read(dialog):
        labels.extend(label.text() for label in dialog.findChildren(QLabel))
        dialog.reject()

    _timer = answer_next_modal(PropertiesDialog, read)
    app.window.properties_action.trigger()
    return labels


def press(qtbot, *keys):
    def act(dialog):
        for key in keys:
            qtbot.keyClick(dialog.focusWidget(), key)

    return act


def test_enter_keeps_the_best_reading(app, monkeypatch, files, db_path, qtbot):
    signed = files[0]
    decoded = uncertain(SIGNED)
    dialogs = Dialogs(monkeypatch)
    dialogs.open_answer = [str(signed)]
    _timer, seen = review(press(qtbot, Qt.Key.Key_Return))
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert seen["rows"] == [str(signed)]  # one row for a single file
    assert seen["readings"][0] == (
        f"{described(decoded.encoding)} — best guess ({decoded.confidence:.0%} sure)"
    )
    # The next readings by name and purpose only: an alternative's number is no "sure".
    assert seen["readings"][1:] == [described(r.encoding) for r in decoded.alternatives]
    assert seen["readings"][1] == "cp1250 — Windows, Central European"
    # Side by side, the word they disagree on highlighted in each reading.
    following = decoded.alternatives[0]
    assert "Peèek" in seen["plain"] and following.text.split()[6] in seen["plain"]
    assert "background-color:#ffd54f" in seen["comparison"]
    [(_source, text, encoding, confidence, chosen)] = stored(db_path)
    assert (text, encoding, chosen) == (decoded.text, decoded.encoding, 0)
    assert confidence == pytest.approx(decoded.confidence)
    assert app.window.document.text == decoded.text
    assert f"{decoded.encoding} ({decoded.confidence:.0%} sure)" in properties(app)
    assert dialogs.warnings == []


def test_down_and_enter_picks_the_next_reading(app, monkeypatch, files, db_path, qtbot):
    signed = files[0]
    following = uncertain(SIGNED).alternatives[0]
    dialogs = Dialogs(monkeypatch)
    dialogs.open_answer = [str(signed)]
    _timer, _seen = review(press(qtbot, Qt.Key.Key_Down, Qt.Key.Key_Return))
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert stored(db_path) == [(str(signed), following.text, following.encoding, None, 1)]
    assert app.window.document.text == following.text
    # The properties say the encoding was chosen.
    assert f"{following.encoding} (chosen by you)" in properties(app)


def test_a_batch_is_reviewed_in_one_dialog(app, monkeypatch, files, db_path, qtbot):
    signed, minutes, plain = files
    best = uncertain(SIGNED)
    other = uncertain(MINUTES).alternatives[0]
    dialogs = Dialogs(monkeypatch)
    dialogs.open_answer = [str(signed), str(minutes), str(plain)]

    def act(dialog):
        view = dialog.documents
        rect = view.visualItemRect(view.item(1))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        view = dialog.readings
        rect = view.visualItemRect(view.item(1))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert dialog.documents.item(1).text() == f"{minutes} → {other.encoding}"
        qtbot.keyClick(dialog.readings, Qt.Key.Key_Return)

    _timer, seen = review(act)
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert seen["rows"] == [str(signed), str(minutes)]  # the certain file is not asked about
    [first, second, third] = stored(db_path)
    assert first[1:3] == (best.text, best.encoding) and not first[4]
    assert second[1:] == (other.text, other.encoding, None, 1)
    assert third[1:] == ("Plain UTF-8: café.\n", "utf-8", None, 0)


def test_cancel_stores_nothing_of_the_import(app, monkeypatch, files, db_path, qtbot):
    signed, _minutes, plain = files
    uncertain(SIGNED)
    dialogs = Dialogs(monkeypatch)
    dialogs.open_answer = [str(signed), str(plain)]
    _timer, _seen = review(press(qtbot, Qt.Key.Key_Escape))
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert stored(db_path) == []
    assert "nothing was changed" in app.window.statusBar().currentMessage()
