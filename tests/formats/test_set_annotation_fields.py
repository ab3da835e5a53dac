"""An annotation's optional fields and times, wrong in the shape export writes them or
beside it, are named by their JSON path; the database is left as it was."""

from __future__ import annotations

import json

import pytest

from annotator.cli import main
from tests.formats.conftest import db_state


def first_annotation(raw: dict) -> tuple[int, dict]:
    return next(
        (i, d["annotations"][0]) for i, d in enumerate(raw["documents"]) if d["annotations"]
    )


def without_note(ann: dict) -> None:
    del ann["note"]
    ann["orphaned"] = False  # as many fields as export writes, one of them not the note


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda a: a.update(orphaned="yes"), "orphaned: expected a boolean, got a string"),
        (lambda a: a.update(source=1), "source: expected a string or null, got a number"),
        (lambda a: a.update(rule=[]), "rule: expected a string or null, got an array"),
        (without_note, "note: missing"),
        (lambda a: a.update(created_at="2026-13-01T10:00:00.000Z"), "created_at: "),
        (lambda a: a.update(created_at="2026-01-01 10:00:00.000Z"), "created_at: "),
        (lambda a: a.update(updated_at="2026-01-01T10:00:00.000+01:00"), "updated_at: "),
    ],
    ids=["orphaned", "source", "rule", "no-note", "month-13", "no-T", "offset"],
)
def test_a_wrong_field_is_named_and_nothing_changes(rich_db, tmp_path, capsys, edit, problem):
    out = tmp_path / "set.json"
    assert main(["export", "--db", str(rich_db), "-o", str(out)]) == 0
    raw = json.loads(out.read_bytes())
    for doc in raw["documents"]:  # new ids: each would be added
        for ann in doc["annotations"]:
            ann["id"] = "new-" + ann["id"]
    i, ann = first_annotation(raw)
    edit(ann)
    out.write_text(json.dumps(raw, indent=2), encoding="utf-8")
    before = db_state(rich_db)
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{out}: documents[{i}].annotations[0].{problem}" in err, err
    assert "Traceback" not in err
    assert db_state(rich_db) == before
