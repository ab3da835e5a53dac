"""Document ▸ Re-read with encoding…: a new version of the open document read again from
its original bytes (or its file), previewed first, annotations carried over."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from annotator.core.decoding import decode_bytes
from annotator.core.encoding_names import described
from annotator.ui.encoding_review import EncodingReviewDialog
from annotator.ui.reread_dialog import RereadDialog
from tests.ui.conftest import answer_next_modal, db_annotations
from tests.ui.test_files_gui import Dialogs

# Truly ambiguous: the only non-ASCII byte is "è" in Windows-1252 and "č" in -1250.
SIGNED = b"Signed for the committee by Jan Pe\xe8ek on the first of May 2024.\n"


def versions(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT version, text, encoding, encoding_chosen FROM documents "
            "WHERE source LIKE ? ORDER BY version",
            (f"{db_path.parent}%",),
        ).fetchall()


def import_file(app, monkeypatch, qtbot, path, *, review=False):
    dialogs = Dialogs(monkeypatch)
    dialogs.open_answer = [str(path)]
    timer = None
    if review:  # Enter keeps the best reading
        timer = answer_next_modal(
            EncodingReviewDialog, lambda d: qtbot.keyClick(d.readings, Qt.Key.Key_Return)
        )
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    del timer
    return dialogs


def reread(app, act):
    """Trigger the action and answer its dialog with ``act(dialog)``; what it showed
    (items, preview, problem, OK enabled) is returned."""
    seen: dict = {}

    def answer(dialog):
        seen["items"] = [dialog.encodings.item(i).text() for i in range(dialog.encodings.count())]
        act(dialog, seen)

    _timer = answer_next_modal(RereadDialog, answer)
    app.window.reread_action.trigger()
    return seen


def look(dialog, seen):
    seen["preview"] = dialog.preview.toPlainText()
    seen["problem"] = dialog.problem.text()
    seen["ok"] = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_reread_makes_a_new_version_and_carries_annotations(
    app, monkeypatch, qtbot, tmp_path, db_path
):
    decoded = decode_bytes(SIGNED)
    assert decoded.uncertain and decoded.alternatives, "the test needs an uncertain decoding"
    following = decoded.alternatives[0]
    path = tmp_path / "signed.txt"
    path.write_bytes(SIGNED)
    import_file(app, monkeypatch, qtbot, path, review=True)
    app.tag("committee", Qt.Key.Key_1)
    path.unlink()  # the bytes kept in the database are read, not the file

    def act(dialog, seen):
        # The candidates first, best first: the stored reading ("now") says nothing changes.
        look(dialog, seen)
        seen["first"] = dict(seen)
        qtbot.keyClick(dialog.encodings, Qt.Key.Key_Down)
        look(dialog, seen)
        qtbot.keyClick(dialog.encodings, Qt.Key.Key_Return)

    seen = reread(app, act)
    assert seen["items"][0] == f"{described(decoded.encoding)}  (now)"
    assert seen["items"][1] == f"{following.encoding} — Windows, Central European  (likely)"
    assert "cp1252 — Windows, Western European" in seen["items"]
    assert not seen["first"]["ok"] and "nothing would change" in seen["first"]["problem"]
    assert seen["ok"] and seen["problem"] == ""
    assert "Peèek" in seen["preview"] and following.text.split()[6] in seen["preview"]
    assert versions(db_path) == [
        (1, decoded.text, decoded.encoding, 0),
        (2, following.text, following.encoding, 1),
    ]
    window = app.window
    assert window.document.version == 2 and window.document.text == following.text
    message = window.statusBar().currentMessage()
    assert message == (
        f"Re-read as {following.encoding}: version 2; annotations placed "
        "1 exactly, 0 by quote, 0 fuzzily, 0 orphaned."
    )
    [(label, start, end, _who)] = db_annotations(db_path)
    assert (label, following.text[start:end]) == ("claim", "committee")


def test_a_typed_name_is_previewed_and_a_bad_one_explained(
    app, monkeypatch, qtbot, tmp_path, db_path
):
    path = tmp_path / "plain.txt"
    path.write_text("Große Straße, 3 Zimmer.\n", encoding="utf-8")
    import_file(app, monkeypatch, qtbot, path)
    seen_steps = []

    def act(dialog, seen):
        for typed in ("nope", "ascii", "cp1252"):
            dialog.name.clear()
            qtbot.keyClicks(dialog.name, typed)
            look(dialog, seen)
            seen_steps.append((seen["problem"], seen["ok"], seen["preview"]))
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    reread(app, act)  # a UTF-8 document: its file is read again
    (nope, nope_ok, _), (ascii_problem, ascii_ok, _), (_, ok, preview) = seen_steps
    assert nope == "Unknown encoding 'nope'." and not nope_ok
    assert ascii_problem.startswith("Cannot read it as ascii:") and "byte 3" in ascii_problem
    assert not ascii_ok
    assert ok and "GroÃŸe" in preview
    assert versions(db_path) == [
        (1, "Große Straße, 3 Zimmer.\n", "utf-8", 0),
        (2, "GroÃŸe StraÃŸe, 3 Zimmer.\n", "cp1252", 1),
    ]


def test_a_document_whose_bytes_are_gone_cannot_be_reread(
    app, monkeypatch, qtbot, tmp_path, db_path
):
    path = tmp_path / "plain.txt"
    path.write_text("Große Straße.\n", encoding="utf-8")
    dialogs = import_file(app, monkeypatch, qtbot, path)
    path.unlink()
    app.window.reread_action.trigger()
    [(title, message)] = dialogs.warnings
    assert title == "Cannot re-read this document"
    assert "were not kept" in message and str(path) in message
    assert versions(db_path) == [(1, "Große Straße.\n", "utf-8", 0)]
