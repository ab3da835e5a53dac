"""Moving a corpus to the server (docs/teams.md: export as a set, import the set): every value is
checked against the schema's columns before anything is written, the same on SQLite and
PostgreSQL, and a value that does not fit is refused with the file, the record and the
limit named."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import Integer, String

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import NewDocument
from annotator.store import Store, StoreError
from annotator.store.models import AnnotationRow, DocumentRow, LabelRow
from annotator.store.set_import import ANNOTATION_FIELDS, DOCUMENT_FIELDS, LABEL_FIELDS

TEXT = "The minister said 2,000 cameras would be installed; police declined to comment."
LONG_LABEL = "claim about " + "x" * 138  # 150 characters: SQLite took it, the server will not


def snapshot(db) -> list[list[tuple[object, ...]]]:
    return [db.table(name) for name in ("documents", "labels", "annotations", "settings")]


@pytest.fixture
def corpus_set(tmp_path):
    """An exported set: one document, one annotation by alice."""
    source = tmp_path / "old.db"
    store = open_store(str(source))
    try:
        [result] = store.import_documents([NewDocument("Cameras", "cameras.txt", TEXT)])
        store.add_annotation(result.document.id, "statistic", 18, 31, "alice")
    finally:
        store.close()
    path = tmp_path / "corpus.json"
    assert main(["export", "--db", str(source), "-o", str(path)]) == 0
    return path


def test_a_sqlite_database_with_a_label_too_long_for_the_server_moves_with_its_name_given(
    pg, tmp_path, capsys
):
    old = tmp_path / "old.db"
    store = open_store(str(old))
    try:
        [result] = store.import_documents([NewDocument("Cameras", "cameras.txt", TEXT)])
        doc = result.document.id
    finally:
        store.close()
    with sqlite3.connect(old) as conn:  # as an older Annotator let it in
        conn.execute(
            "INSERT INTO labels (name, color, description, position) VALUES (?, ?, '', 99)",
            (LONG_LABEL, "#123456"),
        )
    conn.close()
    store = Store.open(str(old))
    try:
        store.add_annotation(doc, LONG_LABEL, 18, 31, "alice")
    finally:
        store.close()
    exported = tmp_path / "corpus.json"
    assert main(["export", "--db", str(old), "-o", str(exported)]) == 0
    open_store(pg.target).close()  # the server's database, with its default labels
    before = snapshot(pg)
    capsys.readouterr()

    assert main(["import", "--db", pg.target, str(exported)]) == 1

    err = capsys.readouterr().err
    index = [label["name"] for label in json.loads(exported.read_text())["labels"]].index(
        LONG_LABEL
    )
    # The window's rule for label names (at most 100 characters) names it first.
    assert f"corpus.json: labels[{index}].name: label 'claim about xxxxxxxx'…" in err
    assert "is longer than 100 characters" in err
    assert "Traceback" not in err
    assert snapshot(pg) == before


def edit_set(path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def long_label(data) -> None:
    data["labels"][0]["name"] = LONG_LABEL
    data["documents"][0]["annotations"][0]["label"] = LONG_LABEL


def long_annotator(data) -> None:
    data["documents"][0]["annotations"][0]["annotator"] = "a" * 201


def long_id(data) -> None:
    data["documents"][0]["annotations"][0]["id"] = "i" * 37


def huge_version(data) -> None:
    data["documents"][0]["version"] = 2**31


def long_hotkey(data) -> None:
    opinion = {"name": "opinion", "color": "#9467bd", "hotkey": "Ctrl+Alt+Shift+Meta+F1"}
    data["labels"].insert(0, {**opinion, "description": "", "attributes": []})


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (
            long_label,
            "labels[0].name",
            "label 'claim about xxxxxxxx'… is longer than 100 characters",
        ),
        (
            long_annotator,
            "documents[0].annotations[0].annotator",
            "annotator 'aaaaaaaaaaaaaaaaaaaa'… is longer than 100 characters",
        ),
        (
            long_id,
            "documents[0].annotations[0].id",
            f"annotation {'i' * 37!r}: id is 37 characters long; the database holds at most 36",
        ),
        (
            huge_version,
            "documents[0].version",
            "2147483648 is more than 2,147,483,647 (the largest the database holds)",
        ),
        (
            long_hotkey,
            "labels[0].hotkey",
            ": hotkey is 22 characters long; the database holds at most 20",
        ),
    ],
    ids=["label", "annotator", "annotation id", "version", "hotkey"],
)
def test_a_value_that_does_not_fit_its_column_is_refused_the_same_on_every_backend(
    db, corpus_set, change, where, problem, capsys
):
    """Label and annotator names and versions meet the window's rules first (the format
    layer); ids and hotkeys only the columns' limits (the store)."""
    edit_set(corpus_set, change)
    open_store(db.target).close()
    before = snapshot(db)
    capsys.readouterr()

    assert main(["import", "--db", db.target, str(corpus_set)]) == 1

    err = capsys.readouterr().err
    assert f"corpus.json: {where}: " in err and problem in err
    assert "Traceback" not in err
    assert snapshot(db) == before


def test_a_document_whose_metadata_does_not_fit_is_refused_naming_its_file(db):
    store = open_store(db.target)
    try:
        before = snapshot(db)
        document = NewDocument("Cameras", "cameras.txt", TEXT, encoding="x" * 41)
        with pytest.raises(StoreError, match=r"^cameras\.txt: encoding is 41 characters long"):
            store.import_documents([document])
        with pytest.raises(StoreError, match=r"^cameras\.txt: encoding"):
            store.import_bundle([document], [])
        assert snapshot(db) == before
    finally:
        store.close()


def test_every_column_with_a_limit_that_a_set_fills_is_checked():
    """A new String(N) or Integer column a set fills must be added to the checks."""
    checked = {
        (column.class_.__tablename__, column.expression.name)
        for fields in (LABEL_FIELDS, DOCUMENT_FIELDS, ANNOTATION_FIELDS)
        for column in fields.values()
    }
    not_from_the_set = {
        ("documents", "position"),  # where the import puts it
        ("labels", "position"),
        ("annotations", "version"),  # 1, or one more on --replace
        ("annotations", "document_id"),  # a document's id, checked there
        ("annotations", "label"),  # a label's name, checked there
    }
    limited = {
        (table.name, column.name)
        for table in (DocumentRow.__table__, LabelRow.__table__, AnnotationRow.__table__)
        for column in table.columns
        if isinstance(column.type, Integer)
        or (isinstance(column.type, String) and column.type.length is not None)
    }
    assert limited - not_from_the_set == checked
