"""A document's annotations read as compact rows are the annotations read one by one."""

from __future__ import annotations

import sqlite3

from annotator.core.model import NewDocument
from annotator.store import Store

TEXT = "Officials said 2,000 cameras were installed; the bureau declined to say more. " * 3


def varied(store: Store) -> str:
    """A document with notes, attribute values, several annotators and a suggested tag."""
    [done] = store.import_documents([NewDocument("Brief", "brief.txt", TEXT)])
    doc = done.document.id
    n = TEXT.index("2,000")
    store.add_annotation(doc, "claim", 0, 9, "ana", note="who?")
    value = store.add_annotation(doc, "statistic", n, n + 5, "bo")
    store.set_attributes(value, {"value": 2000, "unit": "cameras"})
    store.add_annotation(doc, "refusal", 45, 77, "ana")
    store.add_annotation(doc, "claim", 100, 120, "cy")
    return doc


def test_rows_equal_the_annotations_with_every_field(store):
    doc = varied(store)
    expected = store.annotations(doc)
    assert len(expected) == 4
    assert list(store.annotation_rows(doc)) == expected
    assert list(store.annotation_rows(doc, before=50)) == store.annotations(doc, before=50)


def test_rows_read_more_than_a_chunk_and_odd_stored_times(sqlite_store, db_path, monkeypatch):
    from annotator.store import plain_reads

    monkeypatch.setattr(plain_reads, "CHUNK", 2)  # three chunks, the last one short
    doc = varied(sqlite_store)
    with sqlite3.connect(db_path) as conn:  # as another program may store them
        conn.execute("UPDATE annotations SET created_at = 'not a time' WHERE annotator = 'bo'")
        conn.execute("UPDATE annotations SET updated_at = '2026-01-02 03:04:05.000006'")
    rows = sqlite_store.annotation_rows(doc)
    assert list(rows) == sqlite_store.annotations(doc)
    assert len(rows) == 4 and rows.note(0) == "who?"
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE annotations SET created_at = '2026-01-01T00:00:00+02:00'")
    assert list(sqlite_store.annotation_rows(doc)) == sqlite_store.annotations(doc)
