"""``annotator suggest``: open suggestions printed as JSON or a table, stored only with
``--apply``; on SQLite and on a PostgreSQL server."""

from __future__ import annotations

import json

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import NewDocument
from annotator.core.suggest import Rejection

REPORT = (
    "Police said more than 2,000 cameras would be installed by June. "
    "A spokesman declined to comment on the cost. 😀 Officials declined to comment again."
)
OTHER = "The council counted 300 protesters. The mayor declined to comment."


@pytest.fixture
def corpus(db):
    store = open_store(db.target)
    ids = [
        r.document.id
        for r in store.import_documents(
            [NewDocument("Budget report", "s1", REPORT), NewDocument("Protest", "s2", OTHER)]
        )
    ]
    store.close()
    return db, ids


def run_json(capsys, *args) -> list[dict]:
    assert main(["suggest", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_lists_each_open_suggestion_with_its_quote_reason_and_rule(corpus, capsys):
    db, (report, other) = corpus
    found = run_json(capsys, "--db", db.target)
    texts = {report: REPORT, other: OTHER}
    assert found, "the rules found nothing"
    for item in found:
        assert set(item) >= {
            "document_id",
            "label",
            "start",
            "end",
            "quote",
            "confidence",
            "reason",
            "rule",
        }
        assert texts[item["document_id"]][item["start"] : item["end"]] == item["quote"]
        assert 0 < item["confidence"] <= 1 and item["reason"]
        assert item["rule"].startswith(item["label"] + ":")
    refusals = [(i["document_id"], i["quote"]) for i in found if i["label"] == "refusal"]
    assert any("declined to comment" in quote for doc, quote in refusals if doc == report)
    # Code points: the refusal after the emoji is where Python finds it.
    last = REPORT.rindex("declined to comment")
    assert any(i["start"] <= last < i["end"] for i in found if i["label"] == "refusal"), (
        "the refusal after the emoji is missing or misplaced"
    )
    stats = [i["quote"] for i in found if i["label"] == "statistic"]
    assert any("2,000" in q for q in stats) and any("300" in q for q in stats)
    assert db.rows("SELECT count(*) FROM annotations") == [(0,)]  # nothing stored


def test_filters_by_label_and_document(corpus, capsys):
    db, (_report, other) = corpus
    refusals = run_json(capsys, "--db", db.target, "--label", "refusal")
    assert refusals and {i["label"] for i in refusals} == {"refusal"}
    protest = run_json(capsys, "--db", db.target, "--document", "protest")
    assert protest and {i["document_id"] for i in protest} == {other}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--label", "opinion"], "no rules for label 'opinion'"),
        (["--document", "no such title"], "no document matches 'no such title'"),
        (["--rules", "/nonexistent/rules"], "no such folder of rule files"),
    ],
)
def test_bad_choices_are_named_and_exit_1(corpus, capsys, args, message):
    db, _ids = corpus
    before = db.table("annotations")
    assert main(["suggest", "--db", db.target, "--apply", *args]) == 1
    assert message in capsys.readouterr().err
    assert db.table("annotations") == before


def test_apply_stores_them_by_the_suggester_once(corpus, capsys):
    db, _ids = corpus
    shown = run_json(capsys, "--db", db.target)
    assert main(["suggest", "--db", db.target, "--apply"]) == 0
    assert f"stored {len(shown)} suggestion(s)" in capsys.readouterr().err
    rows = db.rows(
        "SELECT document_id, label, start_offset, end_offset, annotator, source, rule "
        "FROM annotations ORDER BY document_id, start_offset, end_offset, label"
    )
    expected = sorted(
        (i["document_id"], i["label"], i["start"], i["end"], "suggester", "suggested", i["rule"])
        for i in shown
    )
    assert sorted(rows) == expected
    assert run_json(capsys, "--db", db.target) == []  # annotated now: none open
    assert main(["suggest", "--db", db.target, "--apply"]) == 0  # nothing new
    assert db.rows("SELECT count(*) FROM annotations") == [(len(shown),)]


def test_rejected_suggestions_are_not_offered_again(corpus, capsys):
    db, (report, _other) = corpus
    [first, *_rest] = [i for i in run_json(capsys, "--db", db.target) if i["document_id"] == report]
    store = open_store(db.target)
    rejection = Rejection(
        report, first["label"], first["start"], first["end"], first["rule"], "alice"
    )
    store.apply_change([], [], rejected=[rejection])
    store.close()
    again = run_json(capsys, "--db", db.target)
    keys = {(i["document_id"], i["label"], i["start"], i["end"]) for i in again}
    assert (report, first["label"], first["start"], first["end"]) not in keys


def test_table_names_each_document_and_says_why(corpus, capsys):
    db, _ids = corpus
    assert main(["suggest", "--db", db.target, "--label", "refusal"]) == 0
    out = capsys.readouterr().out
    assert "Budget report" in out and "Protest" in out
    assert "declined to comment" in out and "refusal" in out


def test_apply_with_an_output_that_cannot_be_written_stores_nothing(corpus, capsys, tmp_path):
    db, _ids = corpus
    before = db.table("annotations")
    target = tmp_path / "no such folder" / "out.json"
    assert main(["suggest", "--db", db.target, "--apply", "-o", str(target)]) == 1
    assert str(target.parent) in capsys.readouterr().err
    assert db.table("annotations") == before
    assert not target.exists()


def test_apply_with_an_output_file_writes_it_and_stores_them(corpus, capsys, tmp_path):
    db, _ids = corpus
    target = tmp_path / "out.json"
    assert (
        main(["suggest", "--db", db.target, "--apply", "--format", "json", "-o", str(target)]) == 0
    )
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written and db.rows("SELECT count(*) FROM annotations") == [(len(written),)]


def test_apply_says_which_labels_it_could_not_store(corpus, capsys, tmp_path):
    db, _ids = corpus
    (tmp_path / "opinion.toml").write_text(
        'label = "opinion"\n[[rule]]\nname = "police"\npattern = "Police"\n'
        'confidence = 0.5\nreason = "police"\n',
        encoding="utf-8",
    )
    args = ["suggest", "--db", db.target, "--rules", str(tmp_path), "--label", "opinion"]
    assert main([*args, "--apply"]) == 0
    err = capsys.readouterr().err
    assert "stored 0 suggestion(s)" in err and "in 0 document(s)" in err
    assert "not stored: 1 'opinion' suggestion(s); the database has no label 'opinion'" in err
    assert db.rows("SELECT count(*) FROM annotations") == [(0,)]
