"""What the window holds for suggestions: arrays, not an object per suggestion or per
phrase tagged by hand, counted in bytes (traced) per suggestion and per phrase."""

from __future__ import annotations

import gc
import sqlite3
import tracemalloc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.core.suggest import load_rules, suggest
from annotator.core.suggest.learned import Tagged
from annotator.store import Store
from annotator.ui.suggestion_worker import rule_folder_names
from tests.conftest import tracing_memory

# Numbered, so that every suggestion is at a place of its own and its reason says which.
LINE = "Part {i}: the council said {i} cameras were installed, and the police declined.\n"


def book(lines: int) -> str:
    return "".join(LINE.format(i=i) for i in range(lines))


def settled(app) -> None:
    controller = app.window.suggestions
    app.qtbot.waitUntil(lambda: controller.ready, timeout=120000)
    QApplication.processEvents()
    gc.collect()


def test_the_window_holds_a_few_bytes_per_open_suggestion(make_window, db_path):
    text = book(3000)
    store = open_store(str(db_path), seed=True)
    try:
        [made] = store.import_documents([NewDocument("Book", "book.txt", text)])
    finally:
        store.close()
    app = make_window(show_document=made.document.id)
    controller = app.window.suggestions
    controller.set_shown(False)
    settled(app)
    with tracing_memory():
        before = tracemalloc.get_traced_memory()[0]
        controller.set_shown(True)
        settled(app)
        held = tracemalloc.get_traced_memory()[0] - before
    engine = suggest(text, load_rules(rule_folder_names()))
    shown = controller.open_suggestions
    assert shown == engine  # every one, as the engine makes it
    assert len(shown) > 5000
    # Start, end, confidence and three table indexes, for the open ones and for the
    # engine's: a Suggestion with its reason string, and the keys and span index over
    # them, held ~560 bytes each.
    per_suggestion = held / len(shown)
    assert per_suggestion < 150, per_suggestion

    # What is held is what the user walks through: a click in one makes it current, Enter
    # accepts it and goes on to the next.
    app.view.setFocus()
    app.click_at(0)
    first = controller.current
    assert first == engine[0]
    app.key(Qt.Key.Key_Return)
    assert len(controller.open_suggestions) == len(engine) - 1
    assert controller.current == engine[1]
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT label, start_offset, end_offset, rule FROM annotations")
        assert rows.fetchall() == [(first.label, first.start, first.end, first.rule)]


def held_while_read(store: Store, document_id: str) -> tuple[int, dict]:
    """Python memory held (traced) by the phrases of ``document_id`` read, and them."""
    with tracing_memory():
        before = tracemalloc.get_traced_memory()[0]
        tagged = store.hand_tagged(only_document=document_id)
        return tracemalloc.get_traced_memory()[0] - before, tagged


def test_phrases_tagged_by_hand_are_read_into_a_few_bytes_each(db_path):
    text = book(2000)
    line, n = len(LINE.format(i=0)), 2000
    store = open_store(str(db_path), seed=True)
    try:
        made = store.import_documents(
            [
                NewDocument(f"Tagged {k}", f"tagged{k}.txt", text + end)
                for k, end in ((1, "End."), (2, ""))
            ]
        )
    finally:
        store.close()
    small, large = (m.document.id for m in made)
    moment = "2026-01-01 00:00:00.000000"
    with sqlite3.connect(db_path) as conn:
        conn.executemany(
            "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, "
            "note, annotator, created_at, updated_at) "
            "VALUES (?, ?, 'claim', ?, ?, NULL, 'tester', ?, ?)",
            [
                (
                    f"{doc}-{i}",
                    doc,
                    i % 2000 * line + i // 2000,
                    i % 2000 * line + 20,
                    moment,
                    moment,
                )
                for doc, count in ((small, n), (large, 2 * n))
                for i in range(count)
            ],
        )
    store = Store.open(str(db_path))
    try:
        store.hand_tagged()  # the query compiled and cached
        held_small, _ = held_while_read(store, small)
        held_large, tagged = held_while_read(store, large)
    finally:
        store.close()
    phrases = list(tagged[large])
    assert len(phrases) == 2 * n
    assert phrases[1] == Tagged("claim", text[1:20], "Tagged 2")  # in text order
    # The ~20 bytes of the phrase and ~12 of indexes; a Tagged with its strings and the
    # document's id held ~220.
    per_phrase = (held_large - held_small) / n
    assert per_phrase < 60, per_phrase
