"""Edge cases found in review: odd JSON, sets without texts in the API, names, filters."""

from __future__ import annotations

import json
import re

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.filters import ExportFilter
from annotator.core.model import Document, NewDocument
from annotator.formats import (
    dump_annotation_set,
    load_annotation_set,
    render_bytes,
    to_csv,
    to_jsonl,
)
from tests.formats.conftest import db_bytes


def export_to(db, path, *extra):
    assert main(["export", "--db", str(db), "-o", str(path), *extra]) == 0
    return path.read_bytes()


def without_exported_at(data: bytes) -> bytes:
    return b"\n".join(line for line in data.split(b"\n") if b'"exported_at"' not in line)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda t: t.replace('"start": 0', '"start": ' + "9" * 5000, 1),
            "not JSON this program can read",
        ),
        (
            lambda t: t.replace('"note": null', '"note": "bad \\ud800 note"', 1),
            "annotations[0].note: contains a lone surrogate",
        ),
        (
            lambda t: t.replace('"title": "Plain"', '"title": "\\udfff"', 1),
            "documents[2].title: contains a lone surrogate",
        ),
        (lambda t: re.sub(r'("created_at": "[^"]*Z)"', r'\1\\n"', t, count=1), "created_at"),
        (
            lambda t: t.replace('"name": "opinion"', '"name": "opin\\nion"', 1),
            "contains a control character",
        ),
    ],
    ids=["huge-integer", "surrogate-note", "surrogate-title", "time-newline", "label-newline"],
)
def test_odd_json_is_a_clean_error(rich_db, tmp_path, capsys, edit, message):
    text = export_to(rich_db, tmp_path / "a.json").decode()
    bad = tmp_path / "bad.json"
    changed = edit(text)
    assert changed != text
    bad.write_text(changed, encoding="utf-8")
    before = db_bytes(rich_db)
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(bad)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err, err
    assert db_bytes(rich_db) == before


def test_round_trip_into_a_new_database_without_the_seed(tmp_path):
    source = tmp_path / "source.db"
    store = open_store(str(source), seed=True)
    store.delete_document(store.documents()[0].id)  # the researcher removed the seed
    doc = store.import_documents([NewDocument("Mine", "m.txt", "hello world")])[0].document
    store.add_annotation(doc.id, "claim", 0, 5, "me")
    store.close()
    first = export_to(source, tmp_path / "one.json")
    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(tmp_path / "one.json")]) == 0
    assert without_exported_at(export_to(fresh, tmp_path / "two.json")) == without_exported_at(
        first
    )


def test_sets_without_texts_keep_their_quotes_in_the_api(rich_db, tmp_path):
    export_to(rich_db, tmp_path / "notext.json", "--no-text")
    aset = load_annotation_set(tmp_path / "notext.json")
    dump_annotation_set(aset, tmp_path / "copy.json")
    assert without_exported_at((tmp_path / "copy.json").read_bytes()) == without_exported_at(
        (tmp_path / "notext.json").read_bytes()
    )
    again = load_annotation_set(tmp_path / "copy.json")
    assert again.documents == aset.documents
    csv_text = to_csv(aset)
    assert "2,000 cameras" in csv_text
    assert json.loads(to_jsonl(aset).splitlines()[2])["annotations"][0]["quote"]


def test_dump_writes_exactly_the_rendered_bytes(rich_db, tmp_path):
    export_to(rich_db, tmp_path / "a.json")
    aset = load_annotation_set(tmp_path / "a.json")
    dump_annotation_set(aset, tmp_path / "b.json")
    assert (tmp_path / "b.json").read_bytes() == render_bytes(aset)
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "a.json").read_bytes()


def test_dump_goes_through_the_export_guard(rich_db, tmp_path):
    export_to(rich_db, tmp_path / "a.json")
    aset = load_annotation_set(tmp_path / "a.json")
    with pytest.raises(OSError, match=r"/dev/null: refused: a system path under /dev"):
        dump_annotation_set(aset, "/dev/null")
    (tmp_path / "folder.json").mkdir()
    before = sorted(tmp_path.iterdir())
    with pytest.raises(OSError, match=r"folder\.json: refused: a folder"):
        dump_annotation_set(aset, tmp_path / "folder.json")
    assert sorted(tmp_path.iterdir()) == before  # no temporary file left


def test_a_set_saved_under_another_name_is_still_a_set(rich_db, tmp_path, capsys):
    export_to(rich_db, tmp_path / "a.json")
    disguised = tmp_path / "team.txt"
    disguised.write_bytes((tmp_path / "a.json").read_bytes())
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(disguised)]) == 0
    assert "7 skipped" in capsys.readouterr().out


def test_conflict_messages_stay_short(rich_db, tmp_path, capsys):
    data = json.loads(export_to(rich_db, tmp_path / "a.json"))
    data["documents"][1]["annotations"][0]["note"] = "x" * 100_000
    (tmp_path / "b.json").write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(tmp_path / "b.json")]) == 1
    err = capsys.readouterr().err
    assert "conflict" in err and len(err) < 1000


def test_label_defined_differently_is_reported(rich_db, tmp_path, capsys):
    data = json.loads(export_to(rich_db, tmp_path / "a.json"))
    data["labels"][0]["color"] = "#000000"
    (tmp_path / "b.json").write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(tmp_path / "b.json")]) == 0
    assert "label 'claim' is defined differently" in capsys.readouterr().out


def test_jsonl_lines_survive_any_line_splitter(tmp_path):
    db = tmp_path / "l.db"
    store = open_store(str(db))
    store.import_documents(
        [NewDocument("A", "a", "one\u2028two\u2029three\x85four"), NewDocument("B", "b", "x")]
    )
    store.close()
    data = export_to(db, tmp_path / "a.jsonl", "--format", "jsonl").decode()
    lines = data.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["text"] == "one\u2028two\u2029three\x85four"


@pytest.mark.parametrize(
    ("pattern", "title", "kept"),
    [
        ("[draft]", "Report [draft] v2", True),
        ("*[draft]*", "Report [draft] v2", True),
        ("*[draft]*", "Report d v2", False),
        ("rep*v?", "Report [draft] v2", True),
        ("report", "Report [draft] v2", True),
        ("v3", "Report [draft] v2", False),
    ],
)
def test_document_patterns_take_only_star_and_question_mark(pattern, title, kept):
    doc = Document("id-1", title, "s", "t", "0" * 64, None)  # type: ignore[arg-type]
    assert ExportFilter(documents=(pattern,)).keeps_document(doc) is kept
