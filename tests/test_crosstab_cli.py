"""``annotator crosstab`` on a real database: every breakdown and format, checked against
counts made here from the annotations as stored; bad labels, attributes and breakdowns."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest

from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.main import main

REPORT = "Police said 40 cameras were installed. 12 more would follow. The bureau declined.\n"
MEMO = "The minister said the budget grew by 4 per cent, or 2000 million.\n"
NOTE = "Undated note: 40 cameras, 2000 of them new.\n"


@pytest.fixture
def corpus(db):
    """Three documents (two authors and none, two years and none, two sources), a version
    that leaves an orphan behind, statistics with values 40, 12, 4, 2000 and 2000.0; on
    SQLite, then on PostgreSQL."""
    store = open_store(db.target)
    store.import_documents(
        [
            NewDocument("Cameras", "hkfp.org/1", REPORT, author="Lee", published="2024-02-22"),
            NewDocument("Budget", "scmp.com/2", MEMO, author="Chan", published="2023"),
            NewDocument("Note", "hkfp.org/3", NOTE),
        ]
    )
    ids = {d.title: d.id for d in store.documents()}

    def tag(title, label, phrase, who="ana", **values):
        text = store.document(ids[title]).text
        start = text.index(phrase)
        made = store.add_annotation(ids[title], label, start, start + len(phrase), who)
        return store.set_attributes(made, values) if values else made

    tag("Cameras", "statistic", "40 cameras", value=40)
    tag("Cameras", "statistic", "12 more", who="bo", value=12)
    tag("Cameras", "claim", "Police said 40 cameras were installed", stance="supports")
    tag("Cameras", "refusal", "declined", who="bo")
    tag("Budget", "statistic", "4 per cent", value=4)
    tag("Budget", "statistic", "2000 million", who="bo", value=2000)
    tag("Budget", "claim", "The minister said", who="bo", stance="neutral")
    tag("Note", "statistic", "40 cameras", value=40)
    tag("Note", "statistic", "2000 of them", value=2000.0)
    tag("Note", "statistic", "new", who="cy")
    tag("Note", "claim", "Undated note")
    # A new version of the note without "Undated note": that claim stays behind, orphaned.
    store.import_version(ids["Note"], NewDocument("Note", "hkfp.org/3", NOTE[14:]))
    newest = {d.id: d for d in (store.document(s.id) for s in store.documents())}
    rows = [(newest[a.document_id], a) for d in newest for a in store.annotations(d)]
    store.close()
    return db, rows


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def category(document, annotation, by):
    if by == "annotator":
        return annotation.annotator
    if by == "year":
        return document.published[:4] if document.published else "(none)"
    if by in ("author", "source"):
        return getattr(document, by) or "(none)"
    value = dict(annotation.attributes).get(by.split(":", 1)[1])
    if value is None:
        return "(none)"
    return str(int(value)) if float(value) == int(value) else str(value)


def expected(rows, label, by):
    return Counter(category(d, a, by) for d, a in rows if a.label == label and not a.orphaned)


@pytest.mark.parametrize("by", ["annotator", "author", "source", "year", "attribute:value"])
def test_json_counts_equal_a_count_made_here(corpus, capsys, by):
    db, rows = corpus
    code, out, err = run(capsys, "crosstab", "--db", db.target, "--label", "statistic", "--by", by,
                         "--format", "json")  # fmt: skip
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == {"label", "by", "categories", "counts"}
    assert data["label"] == "statistic" and data["by"] == by
    want = expected(rows, "statistic", by)
    assert dict(zip(data["categories"], data["counts"], strict=True)) == want
    assert len(data["categories"]) == len(want)
    counted = [n for c, n in zip(data["categories"], data["counts"], strict=True) if c != "(none)"]
    assert counted == sorted(counted, reverse=True)  # most frequent first
    assert "(none)" not in data["categories"][:-1]  # and (none) last


def test_the_orders_and_categories_a_reader_sees(corpus, capsys):
    db, _rows = corpus

    def json_of(*args):
        code, out, _ = run(capsys, "crosstab", "--db", db.target, *args, "--format", "json")
        assert code == 0
        data = json.loads(out)
        return list(zip(data["categories"], data["counts"], strict=True))

    # 2000 and 2000.0 are one category; ties by value; an unset value is (none), last.
    assert json_of("--label", "statistic", "--by", "attribute:value") == [
        ("40", 2), ("2000", 2), ("4", 1), ("12", 1), ("(none)", 1)
    ]  # fmt: skip
    # (none) is last even when it is the largest; the orphaned claim is not counted.
    assert json_of("--label", "statistic", "--by", "year") == [
        ("2023", 2), ("2024", 2), ("(none)", 3)
    ]  # fmt: skip
    # A choice attribute lists every choice, 0 for those never chosen.
    assert json_of("--label", "claim", "--by", "attribute:stance") == [
        ("neutral", 1), ("supports", 1), ("opposes", 0), ("unclear", 0)
    ]  # fmt: skip


def test_every_label_at_once_is_a_category_by_label_matrix(corpus, capsys):
    db, rows = corpus
    code, out, _ = run(capsys, "crosstab", "--db", db.target, "--by", "author", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["label"] is None and data["labels"] == ["claim", "refusal", "statistic"]
    for category_, counts in zip(data["categories"], data["counts"], strict=True):
        assert counts == [expected(rows, label, "author")[category_] for label in data["labels"]]
    assert data["categories"] == ["Lee", "Chan", "(none)"]  # 4, 3 and 3 annotations
    code, out, _ = run(capsys, "crosstab", "--db", db.target, "--by", "author", "--format", "csv")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["category", "claim", "refusal", "statistic", "total", "share"]
    assert table[1] == ["Lee", "1", "1", "2", "4", f"{4 / 10:.4f}"]


def test_csv_and_table_say_the_same_and_o_writes_a_file(corpus, capsys, tmp_path):
    db, rows = corpus
    out_file = tmp_path / "by-annotator.csv"
    code, out, _ = run(capsys, "crosstab", "--db", db.target, "--label", "statistic", "--by",
                       "annotator", "--format", "csv", "-o", str(out_file))  # fmt: skip
    assert code == 0 and out == ""
    want = expected(rows, "statistic", "annotator")
    total = sum(want.values())
    got = list(csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8"))))
    assert [(r["category"], int(r["count"]), float(r["share"])) for r in got] == [
        (who, n, round(n / total, 4)) for who, n in sorted(want.items(), key=lambda p: -p[1])
    ]
    code, out, _ = run(capsys, "crosstab", "--db", db.target, "--label", "statistic", "--by",
                       "annotator")  # fmt: skip
    lines = out.splitlines()
    assert code == 0 and lines[0] == "annotations of 'statistic' by annotator"
    assert lines[1].split() == ["category", "count", "share"]
    assert lines[3].split() == ["ana", str(want["ana"]), f"{want['ana'] / total:.1%}"]
    assert lines[-1].split() == ["total", str(total), "100.0%"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--label", "quote", "--by", "author"], "label 'quote': no such label"),
        (["--label", "claim", "--by", "attribute:value"], "label 'claim' has no attribute 'value'"),
        (["--by", "attribute:colour"], "no label has attribute 'colour'"),
    ],
)
def test_unknown_labels_and_attributes_are_errors_that_change_nothing(
    corpus, capsys, args, message
):
    db, _rows = corpus
    every = "SELECT id, label, version, attributes FROM annotations ORDER BY id"
    before = db.rows(every)
    code, out, err = run(capsys, "crosstab", "--db", db.target, *args)
    assert code == 1 and out == "" and message in err and "Traceback" not in err
    assert db.rows(every) == before


def test_a_malformed_breakdown_is_a_usage_error(corpus, capsys):
    db, _rows = corpus
    for by in (["--by", "colour"], ["--by", "attribute:"], []):
        with pytest.raises(SystemExit) as usage:
            main(["crosstab", "--db", db.target, *by])
        assert usage.value.code == 2
    err = capsys.readouterr().err
    assert "--by 'colour': one of annotator, author, source, year or attribute:NAME" in err
    assert "the following arguments are required: --by" in err
