"""A new SQLite database made by replaying the schema the migrations made earlier in the
process is the same database the migrations make: same schema objects, same rows, same
revision; and it is made without running them."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import alembic.command
import pytest

from annotator.core.model import Label, NewDocument
from annotator.store import Store, fresh_schema
from annotator.store.database import head_revision
from annotator.store.errors import StoreError


def contents(path) -> tuple[list[tuple], dict[str, list[tuple]]]:
    with closing(sqlite3.connect(path)) as conn:
        schema = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [name for kind, name, _t, _s in schema if kind == "table"]
        rows = {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables}
        rows["journal_mode"] = conn.execute("PRAGMA journal_mode").fetchall()
        rows["foreign_key_check"] = conn.execute("PRAGMA foreign_key_check").fetchall()
    return schema, rows


def test_a_replayed_new_database_is_the_one_the_migrations_make(tmp_path, monkeypatch):
    fresh_schema.forget()
    Store.open(str(tmp_path / "migrated.db")).close()  # by the migrations

    def no_migrations(*args, **kwargs):
        raise AssertionError("the migrations ran for a new database")

    monkeypatch.setattr(alembic.command, "upgrade", no_migrations)
    Store.open(str(tmp_path / "replayed.db")).close()
    migrated, replayed = contents(tmp_path / "migrated.db"), contents(tmp_path / "replayed.db")
    assert replayed == migrated
    schema, rows = replayed
    assert {name for kind, name, _t, _s in schema if kind == "table"} >= {
        "documents",
        "annotations",
        "labels",
        "alembic_version",
    }
    assert rows["alembic_version"] == [(head_revision(),)]


def test_a_replayed_database_works_as_any_other(tmp_path):
    Store.open(str(tmp_path / "first.db")).close()  # so that the next is replayed
    store = Store.open(str(tmp_path / "second.db"))
    try:
        store.add_labels([Label("claim", "#0072b2")])
        [result] = store.import_documents([NewDocument("T", "s", "A claim 😀 here.")])
        made = store.add_annotation(result.document.id, "claim", 10, 14, "ana")
        assert [a.id for a in store.annotations(result.document.id)] == [made.id]
        with pytest.raises(StoreError):  # the foreign key to labels holds
            store.add_annotation(result.document.id, "no such label", 0, 1, "ana")
    finally:
        store.close()
