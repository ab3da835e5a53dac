from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from annotator.app.opening import open_store
from annotator.app.resources import seed_documents
from annotator.core.model import Label, NewDocument
from annotator.store import Store, StoreError
from annotator.store.database import (
    alembic_config,
    create_db_engine,
    current_revision,
    head_revision,
    migrate,
    to_url,
)
from annotator.store.models import Base


def raw(db_path, sql, *params):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def doc(store):
    return store.import_documents([NewDocument("T", "src", "Hello 😀 world\nline two")])[0].document


def test_new_database_is_created_at_head(db):
    store = Store.open(db.target)
    assert db.rows("SELECT version_num FROM alembic_version") == [(head_revision(),)]
    inspector = inspect(store.engine)
    assert {"documents", "labels", "annotations", "settings"} <= set(inspector.get_table_names())
    indexes = {i["name"] for i in inspector.get_indexes("annotations")}
    assert "ix_annotations_position" in indexes
    store.close()


def test_migrations_match_the_models(db):
    store = Store.open(db.target)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    store.close()
    assert diff == []


def test_empty_file_is_upgraded_and_reopening_keeps_data(db_path):
    db_path.touch()
    store = open_store(str(db_path), seed=True)
    doc_id = store.documents()[0].id
    store.add_annotation(doc_id, "claim", 0, 4, "tester")
    store.close()
    reopened = open_store(str(db_path))
    assert reopened.documents()[0].annotation_count == 1
    assert current_revision(reopened.engine) == head_revision()
    reopened.close()


def test_upgrade_from_0001_keeps_data_and_numbers_documents_in_order(db_path):
    engine = create_db_engine(to_url(str(db_path)))
    migrate(engine, "0001")
    rows = [
        ("b", "2026-01-01 00:00:02"),
        ("c", "2026-01-01 00:00:01"),
        ("a", "2026-01-01 00:00:01"),
    ]
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO labels VALUES ('claim', '#123456', '1', '', 0)"),
        )
        for doc_id, created in rows:
            conn.execute(
                text(
                    "INSERT INTO documents (id, title, source, text, sha256, created_at) "
                    "VALUES (:id, :id, 's', 'abc', :sha, :created)"
                ),
                {"id": doc_id, "sha": doc_id * 64, "created": created},
            )
        conn.execute(
            text(
                "INSERT INTO annotations VALUES ('x', 'b', 'claim', 0, 2, NULL, 'me', "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()
    assert current_revision(create_db_engine(to_url(str(db_path)))) == "0001"
    store = Store.open(str(db_path))
    assert current_revision(store.engine) == head_revision() != "0001"
    assert [(d.id, d.annotation_count) for d in store.documents()] == [
        ("a", 0),
        ("c", 0),
        ("b", 1),
    ]
    assert raw(db_path, "SELECT id, position FROM documents ORDER BY position") == [
        ("a", 0),
        ("c", 1),
        ("b", 2),
    ]
    assert store.annotations("b")[0].label == "claim"
    store.close()


def test_documents_imported_together_keep_their_order(store):
    docs = [NewDocument(f"doc {i}", "s", f"text {i}") for i in range(12)]
    store.import_documents(docs)
    assert [d.title for d in store.documents()] == [f"doc {i}" for i in range(12)]


def test_tag_finds_the_same_annotators_identical_annotation(store, doc):
    first, created = store.tag(doc.id, "claim", 0, 5, "ann")
    again, created_again = store.tag(doc.id, "claim", 0, 5, "ann")
    other, created_other = store.tag(doc.id, "claim", 0, 5, "bob")
    assert (created, created_again, created_other) == (True, False, True)
    assert again == first and other.id != first.id


def test_pragmas_foreign_keys_and_wal(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_foreign_keys_are_enforced(store, doc):
    with pytest.raises(StoreError):
        store.add_annotation("no-such-document", "claim", 0, 1, "tester")
    with store.engine.begin() as conn, pytest.raises(Exception, match=r"(?i)foreign key"):
        conn.exec_driver_sql(
            "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, "
            "annotator, created_at, updated_at) VALUES ('x', 'missing', 'claim', 0, 1, 'a', "
            "'2026-01-01', '2026-01-01')"
        )


def test_deleting_a_document_cascades_to_annotations(store, doc, db):
    store.add_annotation(doc.id, "claim", 0, 5, "tester")
    store.delete_document(doc.id)
    assert db.rows("SELECT count(*) FROM annotations") == [(0,)]


def test_create_list_delete_annotations(store, doc, db):
    a = store.add_annotation(doc.id, "statistic", 6, 7, "tester")
    b = store.add_annotation(doc.id, "claim", 0, 5, "tester", note="n")
    assert [x.id for x in store.annotations(doc.id)] == [b.id, a.id]
    assert doc.text[a.start : a.end] == "😀"
    # Committed: another connection sees it at once.
    assert db.rows("SELECT label, start_offset, end_offset FROM annotations WHERE id=?", a.id) == [
        ("statistic", 6, 7)
    ]
    assert store.documents()[0].annotation_count == 2
    assert store.delete_annotation(a.id) is True
    assert store.delete_annotation(a.id) is False
    assert [x.id for x in store.annotations(doc.id)] == [b.id]


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (5, 2), (0, 10_000)])
def test_bad_spans_are_refused(store, doc, start, end):
    with pytest.raises(StoreError):
        store.add_annotation(doc.id, "claim", start, end, "tester")
    assert store.annotations(doc.id) == []


def test_unknown_label_is_refused(store, doc):
    with pytest.raises(StoreError, match="no label"):
        store.add_annotation(doc.id, "opinion", 0, 1, "tester")


def test_import_skips_known_text_and_is_all_or_nothing(store, doc):
    results = store.import_documents(
        [NewDocument("Other", "s", "new text"), NewDocument("Dup", "s", doc.text)]
    )
    assert [r.created for r in results] == [True, False]
    assert results[1].document.id == doc.id
    assert len(store.documents()) == 2


def test_command_line_use_installs_labels_but_no_seed(db):
    store = open_store(db.target)
    assert store.documents() == []
    assert [label.name for label in store.labels()] == ["claim", "refusal", "statistic"]
    store.import_documents([NewDocument("Mine", "s", "my text")])
    store.close()
    gui = open_store(db.target, seed=True)  # the window on a database that has documents
    assert [d.title for d in gui.documents()] == ["Mine"]
    gui.close()


def test_first_use_seeds_once(db):
    store = open_store(db.target, seed=True)
    docs = store.documents()
    assert [d.title for d in docs] == ["Hong Kong goes for mass surveillance"]
    seeded = store.document(docs[0].id)
    assert seeded.text == seed_documents()[0].text
    assert "TNT" in seeded.source
    assert [label.name for label in store.labels()] == ["claim", "refusal", "statistic"]
    store.delete_document(docs[0].id)
    store.close()
    again = open_store(db.target, seed=True)
    assert again.documents() == []  # a deleted seed is not brought back
    again.close()


def test_add_labels_keeps_existing_ones(store):
    store.add_labels([Label("claim", "#000000", "9", "changed"), Label("opinion", "#123456")])
    labels = {label.name: label for label in store.labels()}
    assert labels["claim"].color == "#0072b2"
    assert labels["opinion"].color == "#123456"
    assert [label.name for label in store.labels()][-1] == "opinion"


def test_not_a_database_file_is_a_clear_error(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store.open(str(junk))
    assert junk.read_bytes() == b"this is not sqlite at all" * 100


def test_foreign_sqlite_database_is_refused_untouched(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('x')")
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not an Annotator database"):
        Store.open(str(other))
    assert other.read_bytes() == before
    # Beside it only the (empty) lock file every opener takes: no journal, no backup.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db", "other.db.lock"]
    assert (tmp_path / "other.db.lock").read_bytes() == b""
    assert raw(other, "PRAGMA journal_mode") == [("delete",)]


def test_newer_schema_is_refused(db):
    Store.open(db.target).close()
    db.rows("UPDATE alembic_version SET version_num='9999_future'")
    with pytest.raises(StoreError, match="newer version"):
        Store.open(db.target)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "nope" / "a.db"))


def test_url_and_settings(tmp_path):
    store = Store.open("sqlite:///" + str(tmp_path / "u.db"))
    assert store.setting("k") is None
    store.set_setting("k", "v1")
    store.set_setting("k", "v2")
    assert store.setting("k") == "v2"
    assert store.location.endswith("u.db")
    store.close()


def test_spans_are_checked_against_the_whole_text_even_past_a_nul(store):
    text = "before\x00after the NUL character"
    doc = store.import_documents([NewDocument("T", "s", text)])[0].document
    ann = store.add_annotation(doc.id, "claim", 8, len(text), "tester")  # past the NUL
    assert (ann.start, ann.end) == (8, len(text))
    resized = store.resize_annotation(ann, 7, len(text))
    assert (resized.start, resized.end) == (7, len(text))
    with pytest.raises(StoreError, match=f"length {len(text)}"):
        store.add_annotation(doc.id, "claim", 0, len(text) + 1, "tester")


def test_upgrade_to_0006_keeps_annotations_and_reads_them_in_order_without_sorting(
    sqlite_store, db_path
):
    store = sqlite_store
    doc_id = store.import_documents([NewDocument("t", "s", "one two three four")])[0].document.id
    made = [store.tag(doc_id, "claim", s, s + 3, "me")[0] for s in (8, 0, 4)]
    store.close()
    engine = create_db_engine(to_url(str(db_path)))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")  # back to before the index
    engine.dispose()
    assert ("ix_annotations_position",) not in raw(
        db_path, "SELECT name FROM sqlite_master WHERE type='index'"
    )
    store = Store.open(str(db_path))
    assert current_revision(store.engine) == head_revision()
    assert store.annotations(doc_id) == sorted(made, key=lambda a: a.start)
    plan = raw(
        db_path,
        "EXPLAIN QUERY PLAN SELECT id FROM annotations WHERE document_id = ? "
        "ORDER BY start_offset, end_offset, label, id",
        doc_id,
    )
    assert "ix_annotations_position" in plan[0][3] and "TEMP B-TREE" not in str(plan)
    store.close()


def test_a_tag_is_stored_as_sqlalchemy_stores_an_annotation(store, db):
    doc_id = store.import_documents([NewDocument("t", "s", "one two three")])[0].document.id
    tagged, created = store.tag(doc_id, "claim", 0, 3, "me")  # SQLite's direct path
    added = store.add_annotation(doc_id, "claim", 4, 7, "me")  # through SQLAlchemy
    assert created and store.tag(doc_id, "claim", 0, 3, "me") == (tagged, False)
    rows = db.rows("SELECT created_at, updated_at, note, attributes FROM annotations")
    shapes = {tuple(len(v) if isinstance(v, str) else type(v) for v in row) for row in rows}
    assert len(shapes) == 1  # the same stored form: 'YYYY-MM-DD HH:MM:SS.ffffff', NULLs
    assert store.annotations(doc_id) == [tagged, added]
    # Read back through the ORM too: an edit checks the row against what was shown.
    assert store.set_note(tagged, "n").note == "n"


def test_annotations_before_an_offset_are_those_that_start_before_it(store):
    import random

    rng = random.Random(2)
    text = "word " * 400
    doc_id = store.import_documents([NewDocument("t", "s", text)])[0].document.id
    spans = {
        (rng.choice(["claim", "statistic"]), rng.randrange(0, len(text) - 20)) for _ in range(150)
    }
    for label, start in sorted(spans):  # (an annotator tags a span with a label once)
        store.add_annotation(doc_id, label, start, start + 9, "me")
    every = store.annotations(doc_id)
    for before in (0, 1, 5, 500, 1999, len(text), len(text) + 5):
        assert store.annotations(doc_id, before=before) == [a for a in every if a.start < before]
