"""The rows a set's new annotations become are the same whichever way the merge builds
them: a column at a time when none of them is in the database yet, or an annotation at
a time when some are (each then looked up)."""

from __future__ import annotations

import json
import sqlite3

from annotator.cli import main
from annotator.core.text import text_sha256

TIMES = (  # (created_at, updated_at) as a set may give them
    ("2026-01-31T12:00:00.000Z", "2026-01-31T12:00:00.000Z"),
    ("2026-01-31T12:00:00.123456Z", "2026-02-01T08:30:00Z"),
    ("2026-01-31T12:00:00Z", "2026-01-31T12:00:00Z"),
    ("2026-01-31T23:59:59.5Z", "2026-01-31T23:59:59.999Z"),
)


def a_set(tmp_path, name: str, documents: int, header: dict) -> tuple:
    """A set of ``documents`` documents with annotations of every shape; (path, ids)."""
    made, ids = [], []
    for d in range(documents):
        text = f"{name} {d}: alpha beta gamma delta epsilon."
        annotations = []
        for k, (created, updated) in enumerate(TIMES):
            start = text.index("alpha") + 6 * k
            ann = {
                "id": f"{name}-{d}-{k}",
                "label": header["labels"][k % len(header["labels"])]["name"],
                "start": start,
                "end": start + 5,
                "quote": text[start : start + 5],
                "prefix": text[max(0, start - 32) : start],
                "suffix": text[start + 5 : start + 37],
                "note": "a note" if k % 2 else None,
                "annotator": "colleague" if k else "me",
                "created_at": created,
                "updated_at": updated,
                "attributes": {},
            }
            if k == 1:
                ann |= {"orphaned": True, "source": "suggested", "rule": "r1"}
            annotations.append(ann)
            ids.append(ann["id"])
        made.append(
            {
                "id": f"{name}-doc-{d}",
                "title": f"{name} {d}",
                "source": "test",
                "sha256": text_sha256(text),
                "length": len(text),
                "text": text,
                "annotations": annotations,
            }
        )
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({**header, "documents": made}), encoding="utf-8")
    return path, ids


def rows(db, ids) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        marks = ", ".join("?" * len(ids))
        return conn.execute(
            f"SELECT * FROM annotations WHERE id IN ({marks}) ORDER BY id", ids
        ).fetchall()


def test_new_annotations_are_stored_alike_into_an_empty_database_or_not(tmp_path):
    empty = tmp_path / "empty.db"
    assert main(["export", "--db", str(empty), "-o", str(tmp_path / "h.json")]) == 0
    header = json.loads((tmp_path / "h.json").read_text(encoding="utf-8"))
    header.pop("documents")
    path, ids = a_set(tmp_path, "team", 3, header)
    assert main(["import", "--db", str(empty), str(path)]) == 0
    # Another database already has one of them: the merge looks each one up.
    first = json.loads(path.read_text(encoding="utf-8"))
    first["documents"] = first["documents"][:1]
    first["documents"][0]["annotations"] = first["documents"][0]["annotations"][:1]
    other = tmp_path / "first.json"
    other.write_text(json.dumps(first), encoding="utf-8")
    busy = tmp_path / "busy.db"
    assert main(["import", "--db", str(busy), str(other)]) == 0
    assert main(["import", "--db", str(busy), str(path)]) == 0
    fresh = rows(empty, ids)
    assert len(fresh) == 3 * len(TIMES)
    assert fresh == rows(busy, ids)
    with sqlite3.connect(empty) as conn:
        stored = conn.execute(
            "SELECT created_at, updated_at, orphaned, source, rule, note FROM annotations "
            "WHERE id = 'team-2-1'"
        ).fetchone()
    assert stored == (
        "2026-01-31 12:00:00.123456",
        "2026-02-01 08:30:00.000000",
        1,
        "suggested",
        "r1",
        "a note",
    )
    # And back out as they came in.
    again = tmp_path / "again.json"
    assert main(["export", "--db", str(empty), "-o", str(again)]) == 0
    out = {
        a["id"]: (a["created_at"], a["updated_at"])
        for d in json.loads(again.read_text(encoding="utf-8"))["documents"]
        for a in d["annotations"]
    }
    assert out["team-0-0"] == TIMES[0]
    assert out["team-1-1"] == ("2026-01-31T12:00:00.123456Z", "2026-02-01T08:30:00.000Z")
    assert out["team-1-2"] == ("2026-01-31T12:00:00.000Z", "2026-01-31T12:00:00.000Z")
    assert out["team-0-3"] == ("2026-01-31T23:59:59.500Z", "2026-01-31T23:59:59.999Z")
