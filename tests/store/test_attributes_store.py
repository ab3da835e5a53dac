"""Attributes in the database: stored, exported, imported, and brought in by migration."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import text

from annotator.app.opening import open_store
from annotator.app.resources import default_labels
from annotator.cli import main
from annotator.store import Store, StoreError
from annotator.store.database import create_db_engine, migrate, to_url


def as_json(stored):
    """A JSON column's value: SQLite gives the text, PostgreSQL the parsed value."""
    return json.loads(stored) if isinstance(stored, str) else stored


@pytest.fixture
def tagged(db):
    store = open_store(db.target, seed=True)
    doc = store.documents()[0]
    text_ = store.document(doc.id).text
    n = text_.index("cameras")
    ann = store.add_annotation(doc.id, "statistic", n - 6, n + 7, "tester")
    yield store, ann
    store.close()


def test_default_scheme_proposes_the_issue_attributes(db):
    store = open_store(db.target)
    stored = store.labels()
    store.close()
    specs = {label.name: [(a.name, a.kind) for a in label.attributes] for label in stored}
    assert specs == {
        "claim": [("speaker", "text"), ("stance", "choice")],
        "refusal": [("what_requested", "text"), ("stated_reason", "text")],
        "statistic": [("value", "number"), ("unit", "text"), ("what_counted", "text")],
    }
    assert [label.attributes for label in default_labels()] == [lb.attributes for lb in stored]


def test_set_attributes_is_stored_and_refuses_stale_annotations(tagged, db):
    store, ann = tagged
    changed = store.set_attributes(ann, {"value": 2000, "unit": "cameras"})
    assert changed.attribute_map == {"value": 2000, "unit": "cameras"}
    assert changed.updated_at >= ann.updated_at
    assert store.annotations(ann.document_id) == [changed]
    [(stored,)] = db.rows("SELECT attributes FROM annotations")
    assert as_json(stored) == {"unit": "cameras", "value": 2000}
    with pytest.raises(StoreError, match="changed or deleted elsewhere"):
        store.set_attributes(ann, {"value": 1})  # ann is the old version
    cleared = store.set_attributes(changed, {})
    assert cleared.attributes == ()
    assert db.rows("SELECT attributes FROM annotations") == [(None,)]


def test_undo_data_carries_attributes(tagged):
    store, ann = tagged
    changed = store.set_attributes(ann, {"value": 12.5, "what_counted": "x"})
    store.apply_change(added=[ann], removed=[changed])
    assert store.annotations(ann.document_id) == [ann]
    store.apply_change(added=[changed], removed=[ann])
    assert store.annotations(ann.document_id) == [changed]


def test_attributes_reach_json_csv_and_jsonl_exports(tagged, db, tmp_path):
    store, ann = tagged
    store.set_attributes(ann, {"value": 2000, "unit": "cameras", "what_counted": "CCTV"})
    store.close()
    assert main(["export", "--db", db.target, "-o", str(tmp_path / "s.json")]) == 0
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    exported = data["documents"][0]["annotations"][0]
    assert exported["attributes"] == {"unit": "cameras", "value": 2000, "what_counted": "CCTV"}
    statistic = next(lb for lb in data["labels"] if lb["name"] == "statistic")
    assert statistic["attributes"][0] == {
        "name": "value",
        "type": "number",
        "choices": [],
        "description": "The number as cited (e.g. 2000 or 12.5).",
    }
    assert (
        main(["export", "--db", db.target, "--format", "csv", "-o", str(tmp_path / "a.csv")]) == 0
    )
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"))))
    assert rows[0]["attribute:value"] == "2000"
    assert rows[0]["attribute:unit"] == "cameras"
    assert rows[0]["attribute:speaker"] == ""  # a claim's attribute: a column, empty here
    header = next(csv.reader(io.StringIO((tmp_path / "a.csv").read_text(encoding="utf-8"))))
    assert header[-7:] == [
        "attribute:speaker",
        "attribute:stance",
        "attribute:what_requested",
        "attribute:stated_reason",
        "attribute:value",
        "attribute:unit",
        "attribute:what_counted",
    ]
    assert (
        main(["export", "--db", db.target, "--format", "jsonl", "-o", str(tmp_path / "a.jsonl")])
        == 0
    )
    line = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert line["annotations"][0]["attributes"]["value"] == 2000


def test_a_set_with_a_badly_typed_value_is_refused_whole(tagged, db, tmp_path, capsys):
    store, ann = tagged
    store.set_attributes(ann, {"value": 2000})
    store.close()
    main(["export", "--db", db.target, "-o", str(tmp_path / "s.json")])
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    data["documents"][0]["annotations"][0]["attributes"]["value"] = "two thousand"
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    capsys.readouterr()
    assert main(["import", "--db", str(fresh), str(tmp_path / "bad.json")]) == 1
    err = capsys.readouterr().err
    assert "bad.json" in err
    assert "documents[0].annotations[0].attributes.value: expected a number" in err
    data["documents"][0]["annotations"][0]["attributes"]["value"] = [1]
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", "--db", str(fresh), str(tmp_path / "bad.json")]) == 1
    assert "expected a string, number or boolean, got an array" in capsys.readouterr().err


def test_import_adds_attributes_the_database_lacks_and_keeps_its_own(tagged, db, tmp_path):
    store, ann = tagged
    store.set_attributes(ann, {"value": 7})
    store.close()
    main(["export", "--db", db.target, "-o", str(tmp_path / "s.json")])
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    statistic = next(lb for lb in data["labels"] if lb["name"] == "statistic")
    statistic["attributes"].append(
        {"name": "source", "type": "choice", "choices": ["official", "ngo"], "description": ""}
    )
    statistic["attributes"][0]["description"] = "changed"
    (tmp_path / "more.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", "--db", db.target, str(tmp_path / "more.json")]) == 0
    store = Store.open(db.target)
    label = next(lb for lb in store.labels() if lb.name == "statistic")
    store.close()
    assert [a.name for a in label.attributes] == ["value", "unit", "what_counted", "source"]
    assert label.attributes[0].description == "The number as cited (e.g. 2000 or 12.5)."


def test_bad_attribute_definitions_in_a_set_are_named(tmp_path, capsys, db):
    data = {
        "format": "annotator-annotation-set",
        "format_version": 1,
        "exported_at": "2026-01-01T00:00:00Z",
        "generator": {"name": "x", "version": "1"},
        "offset_unit": "codepoint",
        "labels": [
            {
                "name": "claim",
                "color": "#000000",
                "hotkey": None,
                "description": "",
                "attributes": [{"name": "stance", "type": "choice", "choices": []}],
            }
        ],
        "documents": [],
    }
    (tmp_path / "s.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", "--db", db.target, str(tmp_path / "s.json")]) == 1
    assert "labels[0].attributes: choice attribute 'stance' lists no choices" in (
        capsys.readouterr().err
    )


def test_upgrade_from_0004_brings_default_attributes_and_safe_colours(db):
    engine = create_db_engine(to_url(db.target))
    migrate(engine, "0004")
    with engine.begin() as conn:
        for i, (name, colour) in enumerate(
            [("claim", "#1f77b4"), ("refusal", "#d62728"), ("statistic", "#2ca02c")]
        ):
            conn.execute(
                text("INSERT INTO labels VALUES (:n, :c, :k, '', :p)"),
                {"n": name, "c": colour, "k": str(i + 1), "p": i},
            )
        conn.execute(
            text(
                "INSERT INTO documents (id, title, source, text, sha256, created_at, position) "
                "VALUES ('d', 't', 's', 'abc', :sha, '2026-01-01 00:00:00', 0)"
            ),
            {"sha": "a" * 64},
        )
        conn.execute(
            text(
                "INSERT INTO annotations VALUES ('x', 'd', 'claim', 0, 2, 'kept', 'me', "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
            )
        )
    engine.dispose()
    store = Store.open(db.target)
    labels = {label.name: label for label in store.labels()}
    assert {n: lb.color for n, lb in labels.items()} == {
        label.name: label.color for label in default_labels()
    }
    assert labels["claim"].attributes == default_labels()[0].attributes
    [ann] = store.annotations("d")
    assert (ann.note, ann.attributes) == ("kept", ())
    store.close()


def test_upgrade_keeps_colours_a_user_chose(db):
    engine = create_db_engine(to_url(db.target))
    migrate(engine, "0004")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO labels VALUES ('claim', '#123456', '1', '', 0)"))
        conn.execute(text("INSERT INTO labels VALUES ('refusal', '#d62728', '2', '', 1)"))
    engine.dispose()
    store = Store.open(db.target)
    assert [(lb.name, lb.color) for lb in store.labels()] == [
        ("claim", "#123456"),
        ("refusal", "#d62728"),
    ]
    store.close()


def test_values_must_fit_the_databases_definitions_not_only_the_files(tagged, db, tmp_path, capsys):
    store, ann = tagged
    store.set_attributes(ann, {"value": 2000})
    store.close()
    main(["export", "--db", db.target, "-o", str(tmp_path / "s.json")])
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    statistic = next(lb for lb in data["labels"] if lb["name"] == "statistic")
    statistic["attributes"][0]["type"] = "text"  # the file calls value text...
    data["documents"][0]["annotations"][0]["attributes"]["value"] = "about two thousand"
    data["documents"][0]["annotations"][0]["id"] = "another"
    (tmp_path / "theirs.json").write_text(json.dumps(data), encoding="utf-8")
    before = db.rows("SELECT * FROM annotations")
    capsys.readouterr()
    assert main(["import", "--db", db.target, str(tmp_path / "theirs.json")]) == 1
    err = capsys.readouterr().err
    assert (
        "theirs.json: documents[0].annotations[0].attributes.value: expected a number "
        "(as this database defines 'statistic''s 'value')" in err
    )
    assert db.rows("SELECT * FROM annotations") == before


def test_a_value_of_another_type_is_a_conflict_not_a_duplicate(tagged, db, tmp_path, capsys):
    store, ann = tagged
    store.set_attributes(ann, {"unit": "1", "what_counted": "x"})
    store.close()
    main(["export", "--db", db.target, "-o", str(tmp_path / "s.json")])
    data = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert main(["import", "--db", db.target, str(tmp_path / "s.json")]) == 0
    assert "1 skipped" in capsys.readouterr().out
    # An attribute no label defines may hold any type: 1 and true are different values.
    data["documents"][0]["annotations"][0]["attributes"]["extra"] = 1
    (tmp_path / "c.json").write_text(json.dumps(data), encoding="utf-8")
    data["documents"][0]["annotations"][0]["attributes"]["extra"] = True
    (tmp_path / "d.json").write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", "--db", db.target, "--replace", str(tmp_path / "c.json")]) == 0
    capsys.readouterr()
    assert main(["import", "--db", db.target, str(tmp_path / "d.json")]) == 1
    err = capsys.readouterr().err
    assert "conflict" in err and "extra=1" in err and "extra=True" in err
