"""Decodings in the database (migration 0010): a guessed encoding's confidence, a chosen
one, the original bytes kept apart, and a new version read again from them."""

from __future__ import annotations

import pytest

from annotator.core.model import NewDocument
from annotator.store import Store, StoreError
from annotator.store.database import (
    create_db_engine,
    current_revision,
    head_revision,
    migrate,
    to_url,
)

TEXT = "The council’s budget is £2.4m, “not for publication”.\n"
RAW = TEXT.encode("cp1252")


def guessed(text: str = TEXT, **fields) -> NewDocument:
    return NewDocument(
        "Budget",
        "/data/budget.txt",
        text,
        encoding="cp1252",
        **{"confidence": 0.97, "original": RAW, **fields},
    )


def test_a_guessed_decoding_keeps_its_confidence_and_bytes(store):
    [result] = store.import_documents([guessed()])
    doc = store.document(result.document.id)
    assert (doc.encoding, doc.confidence, doc.encoding_chosen) == ("cp1252", 0.97, False)
    assert doc.encoding_note() == "cp1252 (97% sure)"
    assert store.original(doc.id) == RAW
    [plain] = store.import_documents([NewDocument("Plain", "/data/plain.txt", "plain\n")])
    assert store.original(plain.document.id) is None
    assert store.document(plain.document.id).confidence is None


def test_a_chosen_decoding_says_so(store):
    [result] = store.import_documents([guessed(encoding_chosen=True)])
    doc = store.document(result.document.id)
    assert (doc.confidence, doc.encoding_chosen) == (None, True)
    assert doc.encoding_note() == "cp1252 (chosen by you)"


def test_a_new_version_from_other_bytes_carries_annotations_over(store):
    [first] = store.import_documents([guessed(TEXT.replace("’", "\u00d5"))])
    doc = first.document
    start = doc.text.index("£2.4m")
    store.add_annotation(doc.id, "statistic", start, start + 5, "me")
    result = store.import_version(doc.id, guessed(encoding_chosen=True))
    assert result.created and result.carried.exact == 1
    new = result.document
    assert (new.version, new.previous_id, new.text) == (2, doc.id, TEXT)
    [ann] = store.annotations(new.id)
    assert new.text[ann.start : ann.end] == "£2.4m"
    assert [summary.id for summary in store.documents()] == [new.id]
    # The same text again changes nothing.
    again = store.import_version(new.id, guessed())
    assert not again.created and again.document.id == new.id


def test_deleting_a_document_deletes_its_bytes(store, db):
    [result] = store.import_documents([guessed()])
    store.delete_document(result.document.id)
    assert db.rows("SELECT COUNT(*) FROM document_originals") == [(0,)]


def test_upgrade_from_0009_keeps_documents_and_annotations(db):
    engine = create_db_engine(to_url(db.target))
    migrate(engine, "0009")
    engine.dispose()
    db.rows(
        "INSERT INTO labels (name, color, hotkey, description, position) "
        "VALUES ('claim', '#0072b2', '1', '', 0)"
    )
    db.rows(
        "INSERT INTO documents (id, title, source, text, sha256, created_at, position, "
        "format, encoding, done) VALUES ('d1', 'Budget', '/data/budget.txt', ?, 'x', "
        "'2026-01-01 00:00:00.000000', 0, 'text', 'cp1252', TRUE)",
        TEXT,
    )
    db.rows(
        "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, note, "
        "annotator, created_at, updated_at) VALUES ('a1', 'd1', 'claim', 4, 11, 'kept', "
        "'me', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
    )
    before_docs = db.rows("SELECT * FROM documents")
    before_anns = db.rows("SELECT * FROM annotations")
    store = Store.open(db.target)
    try:
        assert current_revision(store.engine) == head_revision()
        assert db.rows("SELECT * FROM documents") == [(*before_docs[0], None, False)]
        assert db.rows("SELECT * FROM annotations") == before_anns
        doc = store.document("d1")
        assert (doc.encoding_note(), doc.text) == ("cp1252", TEXT)
        assert store.original("d1") is None
        [ann] = store.annotations("d1")
        assert ann.note == "kept"
        # An upgraded database takes new versions, with their bytes, like a new one.
        result = store.import_version("d1", guessed(TEXT + "More.\n", encoding_chosen=True))
        assert result.carried.exact == 1
        assert store.original(result.document.id) == RAW
    finally:
        store.close()


def test_only_the_newest_version_takes_a_new_one(store):
    [first] = store.import_documents([guessed(TEXT.replace("’", "\u00d5"))])
    store.import_version(first.document.id, guessed(encoding_chosen=True))
    with pytest.raises(StoreError, match="has a newer version: re-read the newest one"):
        store.import_version(first.document.id, guessed(TEXT + "More.\n"))
    assert len(store.versions(first.document.id)) == 2
