"""A book's annotations in the window: read once when it opens, and held as compact rows
(the list, the highlights and the strip keep arrays, not an object per annotation)."""

from __future__ import annotations

import gc
import sqlite3
import tracemalloc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.store import Store
from annotator.ui import window_documents
from tests.conftest import tracing_memory
from tests.ui.conftest import label_tint

LINE = "Officials said 😀 that 2,000 cameras were installed.\n"
LINES = 2000


def tagged_documents(db_path, *counts: int) -> list[str]:
    """Documents of the same text, the n-th with ``counts[n]`` claims (bulk inserted, as
    another program would); returns their ids."""
    store = open_store(str(db_path), seed=True)
    text = LINE * LINES
    ids = []
    for n, _count in enumerate(counts):
        book = NewDocument(f"Book {n}", f"book{n}.txt", f"Book {n}\n{text}")
        [done] = store.import_documents([book])
        ids.append(done.document.id)
    store.close()
    moment = "2026-01-01 00:00:00.000000"
    with sqlite3.connect(db_path) as conn:
        for doc_id, count in zip(ids, counts, strict=True):
            conn.executemany(
                "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, "
                "note, annotator, created_at, updated_at) "
                "VALUES (?, ?, 'claim', ?, ?, NULL, 'tester', ?, ?)",
                [
                    (f"{doc_id}-{i:06d}", doc_id, start, start + 1 + i % 7, moment, moment)
                    for i in range(count)
                    for start in [i * len(text) // count]
                ],
            )
    return ids


def test_a_long_document_reads_its_annotations_once_however_the_window_is_activated(
    make_window, db_path, qtbot, monkeypatch
):
    monkeypatch.setattr(window_documents, "FIRST_SCREEN_FIRST", 100)
    [book] = tagged_documents(db_path, 3000)
    reads: list[int | None] = []
    real = Store.annotation_rows

    def counted(self, document_id, *, before=None):
        reads.append(before)
        return real(self, document_id, before=before)

    monkeypatch.setattr(Store, "annotation_rows", counted)
    monkeypatch.setattr(Store, "annotations", lambda *a, **k: reads.append(-1) or [])
    app = make_window(show_document=book)  # shown, activated
    window = app.window
    qtbot.waitUntil(lambda: not window.loading)
    window.activateWindow()
    QApplication.processEvents()
    assert window.annotations_model.rowCount() == 3000
    assert reads.count(None) == 1  # the whole document, once
    assert len(reads) == 2 and reads[0] is not None  # and its first screen before it

    # A change made elsewhere is still read (and shown) when it is made.
    other = Store.open(str(db_path))
    try:
        other.add_annotation(book, "statistic", 0, 9, "tester")
    finally:
        other.close()
    qtbot.waitUntil(lambda: window.annotations_model.rowCount() == 3001, timeout=3000)
    assert reads.count(None) == 2


def held_after_opening(window, document_id: str) -> int:
    """Python memory held (traced) once ``document_id`` is open and loaded."""
    window.open_document(document_id, whole=True)
    QApplication.processEvents()
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def test_the_list_highlights_and_strip_hold_a_few_bytes_per_annotation(make_window, db_path):
    n = 4000
    small, large = tagged_documents(db_path, n, 2 * n)
    app = make_window(show_document=small)
    window = app.window
    # What the suggestions learn from the hand tags is theirs (and measured with them).
    window.suggestions.set_shown(False)
    with tracing_memory():
        held_after_opening(window, large)  # every cache warm
        held_small = held_after_opening(window, small)
        held_large = held_after_opening(window, large)
    per_annotation = (held_large - held_small) / n
    # The id (a 30-character string, ~80 bytes) and a few array cells in the list, the
    # span table and the strip: an Annotation per row, with its datetimes, label and
    # annotator strings and the index's tuples, held ~700.
    assert per_annotation < 250, per_annotation
    assert window.annotations_model.rowCount() == 2 * n
    claim = next(label.color for label in window.labels if label.name == "claim")
    assert app.background_at(0) == label_tint(claim)  # the first of them


def test_rows_give_the_list_every_annotation_as_stored(make_window, db_path, qtbot):
    [book] = tagged_documents(db_path, 50)
    store = Store.open(str(db_path))
    try:
        stored = store.annotations(book)
        noted = store.set_note(stored[3], "a note")
    finally:
        store.close()
    app = make_window(show_document=book)
    window = app.window
    stored[3] = noted
    assert window.annotations_model.annotations() == stored
    # Selecting a row shows its note; Delete takes it out of the list and the database.
    table = window.annotations_view
    table.setFocus()
    table.selectRow(3)
    assert window.details.note.toPlainText() == "a note"
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert window.annotations_model.rowCount() == 49
    assert noted.id not in {a.id for a in window.store.annotations(book)}
