"""The first screen read with ``sqlite3`` alone answers as the store does, reads without
writing, and gives way (None) to the store whenever the file is anything but usual."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing

from annotator.app.opening import open_store
from annotator.core.attributes import spec_to_dict
from annotator.core.model import AttributeSpec, NewDocument
from annotator.core.suggest.model import Rejection
from annotator.store.database import head_revision
from annotator.store.file_lock import lock_path
from annotator.store.first_screen import CURRENT_DOCUMENT, SCHEMA_HEAD, read_first_screen


def test_the_schema_head_is_the_migrations_head():
    assert head_revision() == SCHEMA_HEAD


def corpus(path):
    """A database with two documents (the first in two versions, with an orphan), three
    annotators, a label with attributes, memos and a rejected suggestion; returns the
    id of the document open last."""
    store = open_store(str(path))
    try:
        text = "The council said 40 cameras were installed. The mayor declined to comment.\n"
        first = store.import_documents([NewDocument("Council", "a.txt", text)])[0].document
        other = store.import_documents([NewDocument("Other", "b.txt", "Nothing 😀 here.\n")])
        claim = store.add_annotation(first.id, "claim", 4, 11, "ana")
        store.add_annotation(first.id, "statistic", 17, 27, "bo")
        store.add_annotation(first.id, "refusal", 44, 74, "ana", note="a note")
        store.add_annotation(other[0].document.id, "claim", 0, 7, "cy")
        store.set_attributes(claim, {"speaker": "Ana"})
        changed = text.replace("council", "board") + "More.\n"
        newer = store.import_documents([NewDocument("Council", "a.txt", changed)])[0].document
        store.add_annotation(newer.id, "claim", 10, 14, "cy")
        store.apply_change([], [], rejected=[Rejection(newer.id, "claim", 0, 3, None, "ana")])
        store.set_memo(newer.id, "Check the figures.")
        store.set_memo(None, "The project.")
        store.set_setting(CURRENT_DOCUMENT, newer.id)
    finally:
        store.close()
    speaker = json.dumps([spec_to_dict(AttributeSpec("speaker", description="Who"))])
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE labels SET attributes = ? WHERE name = 'claim'", (speaker,))
    return newer.id


def test_the_first_screen_answers_as_the_store_does(db_path):
    shown = corpus(db_path)
    before = db_path.read_bytes()
    first = read_first_screen(db_path)
    assert first is not None and first.document_ is not None
    store = open_store(str(db_path))
    try:
        assert first.location == store.location
        assert first.labels() == store.labels()
        assert store.labels()[0].attributes == (AttributeSpec("speaker", description="Who"),)
        for who in (None, "ana", "cy", "nobody"):
            assert first.documents(who) == store.documents(who)
        assert first.annotators() == store.annotators()
        assert first.setting(CURRENT_DOCUMENT) == shown
        assert first.document(shown) == store.document(shown)
        assert first.annotations(shown) == store.annotations(shown)
        assert first.annotations(shown, before=12) == store.annotations(shown, before=12)
        assert first.memo(shown) == store.memo(shown) == "Check the figures."
        assert first.memo(None) == store.memo(None) == "The project."
        assert first.rejected_suggestions(shown) == store.rejected_suggestions(shown)
        assert first.rejected_suggestions(shown) == {("claim", 0, 3)}
        assert [d.orphans for d in first.documents()] == [1, 0]  # carried over or not
    finally:
        store.close()
    assert hashlib.sha256(before).digest() == hashlib.sha256(db_path.read_bytes()).digest()


def test_a_preferred_document_is_shown_and_an_unlisted_one_is_left_to_the_store(db_path):
    shown = corpus(db_path)
    store = open_store(str(db_path))
    try:
        listed = [d.id for d in store.documents()]
        older = store.versions(shown)[-1].id
    finally:
        store.close()
    other = next(i for i in listed if i != shown)
    first = read_first_screen(db_path, preferred=other)
    assert first is not None and first.document_ is not None
    assert first.document_.id == other
    assert read_first_screen(db_path, preferred=older) is None  # a replaced version


def test_reading_takes_no_lock_and_writes_nothing(db_path):
    corpus(db_path)
    lock = lock_path(db_path)
    lock.unlink(missing_ok=True)
    stamp = db_path.stat().st_mtime_ns
    assert read_first_screen(db_path) is not None
    assert not lock.exists()
    assert db_path.stat().st_mtime_ns == stamp


def set_revision(path, revision: str) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def test_anything_unusual_is_left_to_the_store(db_path, tmp_path):
    assert read_first_screen(tmp_path / "missing.db") is None
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert read_first_screen(empty) is None
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    assert read_first_screen(garbage) is None
    assert read_first_screen(tmp_path) is None  # a folder
    corpus(db_path)
    set_revision(db_path, "0010")  # to be upgraded: by the store
    assert read_first_screen(db_path) is None
    set_revision(db_path, SCHEMA_HEAD)
    assert read_first_screen(db_path) is not None
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("DROP TABLE memos")  # damaged: the store says so
    assert read_first_screen(db_path) is None


def test_a_new_or_empty_database_is_left_to_the_store(db_path, tmp_path):
    open_store(str(db_path)).close()  # labels, no document: the store seeds it
    assert read_first_screen(db_path) is None


def test_first_screen_rows_equal_the_stores(tmp_path):
    """The window reads compact rows from the first screen before the store opens: the
    same rows the store reads, the first screen's part and the whole."""
    db = tmp_path / "rows.db"
    store = open_store(str(db), seed=True)
    try:
        doc = store.documents()[0].id
        for start in range(0, 300, 30):
            store.add_annotation(doc, "claim", start, start + 20, annotator="ana")
        store.set_setting(CURRENT_DOCUMENT, doc)
        whole, part = list(store.annotation_rows(doc)), list(store.annotation_rows(doc, before=100))
    finally:
        store.close()
    screen = read_first_screen(db)
    assert screen is not None
    assert list(screen.annotation_rows(doc)) == whole
    assert list(screen.annotation_rows(doc, before=100)) == part
    assert 0 < len(part) < len(whole)
