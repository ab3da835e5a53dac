"""Two windows (or a window and the command line) on one database at once: each shows
the other's changes within a couple of seconds, without being switched to, and no
"database is locked" ever reaches the user."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.store import Store
from tests.ui.conftest import label_tint

CTRL = Qt.KeyboardModifier.ControlModifier
STATISTIC = "#009e73"
SHOWN_WITHIN_MS = 2000


def _activate(driver) -> None:
    driver.window.activateWindow()
    driver.qtbot.waitUntil(lambda: QApplication.activeWindow() is driver.window)


def test_a_tag_in_one_window_appears_in_the_other_without_switching_to_it(make_window):
    first, second = make_window(), make_window()
    _activate(first)
    start = first.tag("615 new CCTV cameras", Qt.Key.Key_3)
    row = ("statistic", "615 new CCTV cameras", f"{start}–{start + 20}")
    assert second.background_at(start) is None and row not in second.list_rows()

    second.qtbot.waitUntil(
        lambda: row in second.list_rows() and second.background_at(start) == label_tint(STATISTIC),
        timeout=SHOWN_WITHIN_MS,
    )
    assert QApplication.activeWindow() is first.window  # the second caught up by itself
    count = second.window.documents_model.documents()[0].annotation_count
    assert count == 1


def test_a_note_written_in_one_window_appears_in_the_other(make_window):
    first = make_window()
    first.tag("615 new CCTV cameras", Qt.Key.Key_3)
    second = make_window()
    table = second.window.annotations_view
    table.setFocus()
    table.selectRow(0)
    assert "615 new CCTV cameras" in second.window.details.summary.text()
    assert second.window.details.note.toPlainText() == ""

    _activate(first)
    first.key(Qt.Key.Key_F2)
    first.qtbot.keyClicks(first.window.details.note, "Police figure, unverified")
    first.qtbot.keyClick(first.window.details.note, Qt.Key.Key_Return, CTRL)

    note = second.window.details.note
    second.qtbot.waitUntil(
        lambda: note.toPlainText() == "Police figure, unverified", timeout=SHOWN_WITHIN_MS
    )
    assert second.window.annotations_model.annotations()[0].note == "Police figure, unverified"
    assert second.selected_row() == 0  # still the one selected


def test_a_change_elsewhere_leaves_the_note_being_typed_and_the_selection_alone(
    make_window, db_path
):
    window = make_window()
    window.tag("Raymond Siu", Qt.Key.Key_1)
    window.tag("615 new CCTV cameras", Qt.Key.Key_3)
    table = window.window.annotations_view
    table.setFocus()
    table.selectAll()  # both rows
    window.key(Qt.Key.Key_F2)
    note = window.window.details.note
    window.qtbot.keyClicks(note, "half a thought")

    other = Store.open(str(db_path))  # e.g. a script, or a window in another process
    try:
        document = window.window.document
        start = document.text.index("police")
        other.tag(document.id, "claim", start, start + 6, "someone else")
    finally:
        other.close()
    window.qtbot.waitUntil(
        lambda: len(window.window.annotations_model.annotations()) == 3, timeout=SHOWN_WITHIN_MS
    )
    assert note.hasFocus() and note.toPlainText() == "half a thought"
    assert len(window.window.selected_annotations()) == 2  # the two selected before
    window.qtbot.keyClick(note, Qt.Key.Key_Return, CTRL)
    current = window.window.current_annotation()
    assert current is not None and current.note == "half a thought"


def test_the_window_tags_while_a_command_line_import_runs_and_nothing_is_lost(
    make_window, db_path, tmp_path, monkeypatch
):
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    folder = tmp_path / "incoming"
    folder.mkdir()
    files = []
    for i in range(40):
        path = folder / f"report {i:02}.txt"
        path.write_text(f"Report {i}. " + "The bureau counted 1,204 cameras. " * 40)
        files.append(path)
    window = make_window()
    text = window.text
    # Each file is its own `annotator import`, so the imports' transactions and the
    # window's interleave for the whole run.
    script = (
        "import sys\n"
        "from annotator.cli import main\n"
        "for name in sys.argv[2:]:\n"
        "    code = main(['import', '--db', sys.argv[1], name])\n"
        "    if code:\n"
        "        sys.exit(code)\n"
    )
    importer = subprocess.Popen(
        [sys.executable, "-c", script, str(db_path), *map(str, files)],
        env={**os.environ, "PYTHONPATH": os.getcwd()},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    tagged = 0
    words = [i for i in range(1, len(text) - 8) if text[i - 1] == " " and text[i] != " "]
    while importer.poll() is None or tagged < 20:
        start = words[tagged % len(words)]
        window.set_selection(start, start + 1 + tagged // len(words))
        window.key(Qt.Key.Key_1 if tagged % 2 else Qt.Key.Key_3)
        tagged += 1
    assert importer.wait() == 0, importer.stderr.read() if importer.stderr else ""
    assert importer.stderr is not None and importer.stderr.read() == ""
    assert warnings == []

    store = Store.open(str(db_path))
    try:
        shown = {(a.label, a.start, a.end) for a in window.window.annotations_model.annotations()}
        saved = {(a.label, a.start, a.end) for a in store.annotations(window.window.document.id)}
        titles = [d.title for d in store.documents()]
    finally:
        store.close()
    assert shown == saved and len(saved) >= 20  # every tag the window showed was saved
    assert len(titles) == 41
    window.qtbot.waitUntil(
        lambda: window.window.documents_model.rowCount() == 41, timeout=SHOWN_WITHIN_MS
    )
