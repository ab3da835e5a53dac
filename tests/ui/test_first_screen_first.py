"""A document with many annotations shows its first screen before the rest are loaded:
text and highlights at once, then the list and strip, with nothing lost in between."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.ui import window_documents
from tests.ui.conftest import db_annotations, label_tint

WORDS = "Officials said 😀 that 2,000 cameras were installed.\n"


def long_document(db_path) -> str:
    """A 60,000 code point text with a claim on every line; returns its id."""
    store = open_store(str(db_path), seed=True)
    text = WORDS * 1200
    doc_id = store.import_documents([NewDocument("Long", "s", text)])[0].document.id
    for line in range(1200):
        start = line * len(WORDS)
        store.add_annotation(doc_id, "claim", start, start + 9, "tester")  # $ANNOTATOR_USER
    store.close()
    return doc_id


def test_a_long_document_paints_its_first_screen_then_loads_the_rest(
    make_window, qtbot, db_path, monkeypatch
):
    monkeypatch.setattr(window_documents, "FIRST_SCREEN_FIRST", 100)
    doc_id = long_document(db_path)
    app = make_window(show_document=doc_id)
    window = app.window
    claim = label_tint(window._labels[0].color)
    window.open_document(window.documents_model.document_id(0))  # away and back
    window.open_document(doc_id)
    assert window._loading == doc_id
    # Before any event is processed: the first screen is highlighted...
    assert app.background_at(0) == claim
    assert "loading annotations" in window.counts_label.text()
    # ...and the list, strip and every other highlight follow.
    qtbot.waitUntil(lambda: window._loading is None)
    assert window.annotations_model.rowCount() == 1200
    last = 1199 * len(WORDS)
    assert app.background_at(last) == claim and app.background_at(last + 10) is None
    assert len(window.overview.runs()) >= 1
    assert "1200 annotations (claim 1200" in window.counts_label.text()


def test_a_tag_made_before_the_rest_is_loaded_is_kept(make_window, qtbot, db_path, monkeypatch):
    monkeypatch.setattr(window_documents, "FIRST_SCREEN_FIRST", 100)
    doc_id = long_document(db_path)
    app = make_window(show_document=doc_id)
    window = app.window
    window.open_document(window.documents_model.document_id(0))
    window.open_document(doc_id)
    assert window._loading == doc_id
    start = app.text.index("2,000")
    app.set_selection(start, start + 5)
    qtbot.keyClick(app.view, Qt.Key.Key_3)  # statistic, with no event processed yet
    assert window._loading == doc_id  # tagged before the rest was loaded
    qtbot.waitUntil(lambda: window._loading is None)
    assert window.annotations_model.rowCount() == 1201
    assert ("statistic", start, start + 5, window._annotator) in db_annotations(db_path)
    assert window.annotations_model.label_counts()["statistic"] == 1


def test_undo_in_a_long_document_opened_meanwhile_shows_the_change(
    make_window, qtbot, db_path, monkeypatch
):
    monkeypatch.setattr(window_documents, "FIRST_SCREEN_FIRST", 100)
    doc_id = long_document(db_path)
    app = make_window(show_document=doc_id)
    window = app.window
    qtbot.waitUntil(lambda: window._loading is None)
    far = 1100 * len(WORDS)
    app.click_at(far + 2)  # on the claim there: it is selected
    assert window.current_annotation().start == far
    app.key(Qt.Key.Key_Delete)
    window.open_document(window.documents_model.document_id(0))  # elsewhere
    assert window.document.id != doc_id
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the deletion
    assert window.document.id == doc_id and window._loading is None
    assert window.annotations_model.rowCount() == 1200
    assert window.current_annotation().start == far  # shown and selected again
    assert app.view.caret_offset() in (far, far + 9)
