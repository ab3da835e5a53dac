"""Memos in the database (migration 0011): one per document, kept with the document
across its versions, and one for the project; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from annotator.core.model import AnnotationSet, NewDocument, SetDocument
from annotator.core.text import text_sha256
from annotator.store import Store, StoreError
from annotator.store.database import (
    create_db_engine,
    current_revision,
    head_revision,
    migrate,
    to_url,
)
from tests.store.test_two_writers import wait_for
from tests.store.test_versions import V1, V2

PROJECT = "Refusals cluster where cameras are counted.\n\nQuestion: who answers at all? 🤔"
NOTE = "The bureau never gives a figure.\nCompare with the council's minutes (第二段)."


def new_document(store, title="Budget report", source="/data/report.txt", text=V1):
    return store.import_documents([NewDocument(title, source, text)])[0].document


def memo_rows(db):
    return db.rows("SELECT document_id, text FROM memos ORDER BY id")


def test_memos_are_written_read_and_removed(store, db):
    doc = new_document(store)
    assert (store.memo(doc.id), store.memo(None), store.memos()) == ("", "", {})
    store.set_memo(doc.id, NOTE)
    store.set_memo(None, PROJECT)
    assert (store.memo(doc.id), store.memo(None)) == (NOTE, PROJECT)
    assert store.memos() == {doc.id: NOTE, None: PROJECT}
    assert memo_rows(db) == [(doc.id, NOTE), (None, PROJECT)]
    store.set_memo(doc.id, NOTE + " More.")  # rewritten in place
    assert memo_rows(db) == [(doc.id, NOTE + " More."), (None, PROJECT)]
    store.set_memo(doc.id, "  \n ")  # blank: no memo
    store.set_memo(None, "")
    assert (store.memo(doc.id), store.memos(), memo_rows(db)) == ("", {}, [])


def test_a_memo_may_hold_what_a_text_may(store):
    doc = new_document(store)
    odd = "nul\x00 tab\t \ue000NUL: private-use, 😀 and ﷽"
    store.set_memo(doc.id, odd)
    assert store.memo(doc.id) == odd


def test_a_memo_of_no_such_document_is_refused_and_nothing_changes(store, db):
    with pytest.raises(StoreError, match="no document with id nope"):
        store.set_memo("nope", "lost")
    assert memo_rows(db) == []


def test_the_memo_stays_with_the_document_across_versions(store, db):
    v1 = new_document(store)
    store.set_memo(v1.id, NOTE)
    [result] = store.import_documents([NewDocument("Budget report", "/data/report.txt", V2)])
    v2 = result.document
    assert v2.previous_id == v1.id
    # Kept under the newest version, reached through any version's id.
    assert store.memos() == {v2.id: NOTE}
    assert store.memo(v1.id) == store.memo(v2.id) == NOTE
    store.set_memo(v1.id, "Rewritten while reading version 1.")
    assert memo_rows(db) == [(v2.id, "Rewritten while reading version 1.")]
    # Deleting the newest version leaves the memo with the one before; the last, with it.
    store.delete_document(v2.id)
    assert store.memos() == {v1.id: "Rewritten while reading version 1."}
    store.delete_document(v1.id)
    assert memo_rows(db) == []


def test_import_version_carries_the_memo_too(store):
    v1 = new_document(store)
    store.set_memo(v1.id, NOTE)
    v2 = store.import_version(v1.id, NewDocument("Budget report", "/elsewhere.txt", V2))
    assert store.memos() == {v2.document.id: NOTE}


def test_every_memo_is_read_in_one_query(store):
    """Retrieve reads them all at once: one statement however many there are."""
    ids = [new_document(store, f"Doc {i}", f"/d/{i}.txt", f"Text {i}.\n").id for i in range(30)]
    for i, doc_id in enumerate(ids):
        store.set_memo(doc_id, f"memo {i}")
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(store.engine, "before_cursor_execute", listener)
    try:
        found = store.memos()
    finally:
        event.remove(store.engine, "before_cursor_execute", listener)
    assert found == {doc_id: f"memo {i}" for i, doc_id in enumerate(ids)}
    assert len([s for s in statements if "memos" in s]) == 1


def _set(memo=None, documents=()):
    return AnnotationSet(labels=(), documents=tuple(documents), memo=memo)


def _set_document(text, memo):
    return SetDocument(
        "d-" + text_sha256(text)[:8], "A text", "/a.txt", text_sha256(text), len(text), text,
        memo=memo,
    )  # fmt: skip


def test_an_imported_set_brings_its_memos_and_keeps_the_databases(store):
    doc = _set_document("Some text.\n", "From the file.")
    [_results, [report]] = store.import_bundle([], [("a.json", _set("Project, from file.", [doc]))])
    assert store.memos() == {doc.id: "From the file.", None: "Project, from file."}
    assert report.notes == []
    store.set_memo(doc.id, "Mine.")
    store.set_memo(None, "My project.")
    again = _set("Project, from file.", [doc])
    [_results, [report]] = store.import_bundle([], [("a.json", again)])
    assert store.memos() == {doc.id: "Mine.", None: "My project."}
    assert report.notes == [
        "the project memo differs in the file; the database's is kept "
        "(import with --replace to take the file's)",
        "the memo of 'A text' differs in the file; the database's is kept "
        "(import with --replace to take the file's)",
    ]
    [_results, [report]] = store.import_bundle([], [("a.json", again)], replace=True)
    assert store.memos() == {doc.id: "From the file.", None: "Project, from file."}
    assert len(report.notes) == 2 and "replaced by the file's" in report.notes[1]


def test_upgrade_from_0010_keeps_the_data_and_gains_memos(db):
    engine = create_db_engine(to_url(db.target))
    migrate(engine, "0010")
    engine.dispose()
    db.rows(
        "INSERT INTO documents (id, title, source, text, sha256, created_at, position, "
        "format, done, version, encoding_chosen) VALUES ('d1', 'Budget report', "
        "'/data/report.txt', ?, ?, '2026-01-01 00:00:00.000000', 0, 'text', TRUE, 1, FALSE)",
        V1,
        text_sha256(V1),
    )
    before = db.rows("SELECT * FROM documents")
    store = Store.open(db.target)
    try:
        assert current_revision(store.engine) == head_revision()
        assert db.rows("SELECT * FROM documents") == before
        assert store.memos() == {}
        store.set_memo("d1", NOTE)
        store.set_memo(None, PROJECT)
        assert store.memos() == {"d1": NOTE, None: PROJECT}
    finally:
        store.close()


def test_a_memo_saved_elsewhere_is_a_change_elsewhere(store, db):
    """Other windows catch up on memos as on annotations (PostgreSQL: the trigger)."""
    doc = new_document(store)
    other = Store.open(db.target)
    try:
        store.changes_elsewhere()
        other.set_memo(doc.id, NOTE)
        assert wait_for(store.changes_elsewhere)  # a notification comes asynchronously
        assert store.memo(doc.id) == NOTE
        assert not store.changes_elsewhere()
        other.set_memo(None, PROJECT)
        assert wait_for(store.changes_elsewhere)
    finally:
        other.close()
