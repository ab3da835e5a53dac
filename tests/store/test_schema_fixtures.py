"""Migrations keep data: a database of every released schema revision (a fixture made by
tests/fixtures/schema/make.py) opens at head with every row it held, and its content."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from annotator.core.model import (
    Annotation,
    AttributeSpec,
    Document,
    DocumentSummary,
    Label,
)
from annotator.store import Store
from annotator.store.database import head_revision
from tests.fixtures.schema import make

FIXTURES = make.FOLDER
MADE = sorted(path.stem for path in FIXTURES.glob("*.sqlite"))
KEYS = {
    "labels": "name",
    "documents": "id",
    "annotations": "id",
    "settings": "key",
    "suggestion_rejections": "document_id",
    "document_originals": "document_id",
    "memos": "id",
}
JSON_COLUMNS = {("labels", "attributes"), ("annotations", "attributes")}


def test_every_schema_revision_has_a_fixture():
    known = make.revisions()
    missing = [revision for revision in known if revision not in MADE]
    assert not missing, (
        f"no fixture database for schema revision {', '.join(missing)}: make it with "
        f"`PYTHONPATH=. python -m tests.fixtures.schema.make {' '.join(missing)}` and commit "
        "it (tests/fixtures/schema/README.md says what else to update)"
    )
    assert not set(MADE) - set(known), f"fixtures for unknown revisions: {set(MADE) - set(known)}"


def upgraded(revision: str) -> dict[str, list[make.Row]]:
    """The rows make.py wrote at ``revision`` as the later migrations should leave them."""
    tables = copy.deepcopy(make.rows(revision))
    labels, documents, annotations = tables["labels"], tables["documents"], tables["annotations"]
    if revision < "0002":  # numbered in creation order, ties by id
        by_creation = sorted(documents, key=lambda row: (row["created_at"], row["id"]))
        for position, row in enumerate(by_creation):
            row["position"] = position
    if revision < "0003":
        for row in documents:
            row |= {
                "format": "text",
                "encoding": None,
                "original_name": None,
                "author": None,
                "published": None,
            }
    if revision < "0004":
        for row in documents:
            row["done"] = 0
    if revision < "0005":
        # The defaults get their attributes; the first release's colours, if all three are
        # untouched, move to the safe palette.
        for row in labels:
            specs = make.DEFAULT_ATTRIBUTES.get(str(row["name"]))
            row["attributes"] = None if specs is None else json.dumps(specs)
        colours = {row["name"]: str(row["color"]).lower() for row in labels}
        if all(colours.get(name) == old for name, old in make.FIRST_COLOURS.items()):
            for row in labels:
                row["color"] = make.SAFE_COLOURS.get(str(row["name"]), row["color"])
        for row in annotations:
            row["attributes"] = None
    if revision < "0007":  # every document its own first version; nothing orphaned
        for row in documents:
            row |= {"version": 1, "previous_id": None}
        for row in annotations:
            row["orphaned"] = 0
    if revision < "0008":  # every annotation at its first version
        for row in annotations:
            row["version"] = 1
    if revision < "0009":  # made by hand, nothing rejected
        for row in annotations:
            row |= {"source": None, "rule": None}
        tables["suggestion_rejections"] = []
    if revision < "0010":  # no decoding recorded: no confidence, not chosen, no bytes
        for row in documents:
            row |= {"confidence": None, "encoding_chosen": 0}
        tables["document_originals"] = []
    if revision < "0011":  # no memos
        tables["memos"] = []
    return tables


def stored(path: Path, table: str) -> list[make.Row]:
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(f"SELECT * FROM {table}")]


def comparable(table: str, rows: list[make.Row]) -> list[make.Row]:
    """Rows ordered by key, with JSON parsed (its spacing is not content)."""
    out = []
    for row in sorted(rows, key=lambda r: str(r[KEYS[table]])):
        out.append(
            {
                name: json.loads(value) if (table, name) in JSON_COLUMNS and value else value
                for name, value in row.items()
            }
        )
    return out


def sql(path: Path, query: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(query).fetchall()


@pytest.fixture(params=MADE)
def upgraded_fixture(request, tmp_path):
    """(revision, path, store): a copy of the revision's fixture, opened (so upgraded)."""
    revision = request.param
    path = tmp_path / f"{revision}.sqlite"
    shutil.copyfile(FIXTURES / f"{revision}.sqlite", path)
    assert sql(path, "SELECT version_num FROM alembic_version") == [(revision,)]
    store = Store.open(str(path))
    yield revision, path, store
    store.close()


def test_upgrade_keeps_every_row_as_stored(upgraded_fixture):
    revision, path, _store = upgraded_fixture
    assert sql(path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    expected = upgraded(revision)
    tables = {name for (name,) in sql(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {*expected, "alembic_version"}
    for table, rows in expected.items():
        found = stored(path, table)
        assert len(found) == len(rows), table
        if not rows:
            continue
        columns, described = set(found[0]), set(rows[0])
        assert columns == described, (
            f"{table} has columns {sorted(columns - described)} that upgraded() does not "
            f"describe, or lacks {sorted(described - columns)}: say there what a database "
            f"of revision {revision} holds in them after the upgrade"
        )
        assert comparable(table, found) == comparable(table, rows), table
    assert sql(path, "PRAGMA integrity_check") == [("ok",)]
    assert sql(path, "PRAGMA foreign_key_check") == []


def test_upgrade_keeps_what_the_store_reads(upgraded_fixture):
    revision, _path, store = upgraded_fixture
    expected = upgraded(revision)
    labels = sorted(expected["labels"], key=lambda row: row["position"])
    assert store.labels() == [
        Label(
            name=row["name"],
            color=row["color"],
            hotkey=row["hotkey"],
            description=row["description"],
            attributes=tuple(
                AttributeSpec(s["name"], s["type"], tuple(s["choices"]), s["description"])
                for s in json.loads(row["attributes"] or "[]")
            ),
        )
        for row in labels
    ]
    documents = sorted(expected["documents"], key=lambda row: row["position"])
    by_document: dict[object, list[make.Row]] = {row["id"]: [] for row in documents}
    for row in expected["annotations"]:
        by_document[row["document_id"]].append(row)
    assert store.documents() == [
        DocumentSummary(
            row["id"],
            row["title"],
            len(by_document[row["id"]]),
            bool(row["done"]),
            version=row["version"],
            orphans=sum(ann["orphaned"] for ann in by_document[row["id"]]),
        )
        for row in documents
    ]
    quotes = make.quotes()
    for row in documents:
        document = store.document(row["id"])
        assert document == Document(
            id=row["id"],
            title=row["title"],
            source=row["source"],
            text=row["text"],
            sha256=row["sha256"],
            created_at=datetime.fromisoformat(row["created_at"]),
            format=row["format"],
            encoding=row["encoding"],
            original_name=row["original_name"],
            author=row["author"],
            published=row["published"],
            confidence=row["confidence"],
            encoding_chosen=bool(row["encoding_chosen"]),
        )
        assert "\r" not in document.text
        assert store.original(row["id"]) == next(
            (o["data"] for o in expected["document_originals"] if o["document_id"] == row["id"]),
            None,
        )
        annotations = store.annotations(row["id"])
        assert annotations == sorted(
            (
                Annotation(
                    id=a["id"],
                    document_id=a["document_id"],
                    label=a["label"],
                    start=a["start_offset"],
                    end=a["end_offset"],
                    note=a["note"],
                    annotator=a["annotator"],
                    created_at=datetime.fromisoformat(a["created_at"]),
                    updated_at=datetime.fromisoformat(a["updated_at"]),
                    attributes=tuple(sorted(json.loads(a["attributes"] or "{}").items())),
                    orphaned=bool(a["orphaned"]),
                    version=a["version"],
                    source=a["source"],
                    rule=a["rule"],
                )
                for a in by_document[row["id"]]
            ),
            key=lambda a: (a.start, a.end, a.label, a.id),
        )
        for annotation in annotations:
            assert document.text[annotation.start : annotation.end] == quotes[annotation.id]
    for row in expected["settings"]:
        assert store.setting(row["key"]) == row["value"]
    assert store.memos() == {row["document_id"]: row["text"] for row in expected["memos"]}
    if expected["memos"]:
        assert store.memo(None) == expected["memos"][0]["text"]


@pytest.mark.parametrize("revision", MADE)
def test_fixture_holds_what_make_py_describes(revision, tmp_path):
    """Before any upgrade, the fixture holds exactly make.rows(): a failure here is
    make.py's, not a migration's."""
    path = tmp_path / f"{revision}.sqlite"
    shutil.copyfile(FIXTURES / f"{revision}.sqlite", path)
    for table, rows in make.rows(revision).items():
        assert comparable(table, stored(path, table)) == comparable(table, rows), (
            f"{path.name}: table {table} differs from make.rows({revision!r}); an old "
            "fixture is never made again, so change rows() only for new revisions"
        )
