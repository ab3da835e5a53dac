"""``annotator retrieve`` and ``annotator cooccurrence`` on a real database: the outputs'
contracts, checked against values worked out here from the texts."""

from __future__ import annotations

import csv
import io
import json
from itertools import combinations

import pytest

from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.main import main

REPORT = (
    "Police said 40 cameras 😀 were installed in Kowloon. The bureau declined to say where.\n\n"
    "A spokesman said 12 more would follow. He refused to give a date.\n"
)
MEMO = "The minister said the budget grew by 4 per cent.\n"


@pytest.fixture
def corpus(db_path):
    store = open_store(str(db_path))
    [report, memo] = store.import_documents(
        [NewDocument("Cameras", "report.txt", REPORT), NewDocument("Budget", "memo.txt", MEMO)]
    )
    rid, mid = report.document.id, memo.document.id

    def tag(doc_id, text, label, phrase, who="ana", note=None):
        start = text.index(phrase)
        return store.add_annotation(doc_id, label, start, start + len(phrase), who, note)

    tag(rid, REPORT, "claim", "Police said 40 cameras 😀 were installed in Kowloon")
    tag(rid, REPORT, "statistic", "40 cameras", who="bo")
    tag(rid, REPORT, "refusal", "declined to say where", note="no reason")
    tag(rid, REPORT, "statistic", "12 more")
    tag(rid, REPORT, "refusal", "refused to give a date")
    tag(mid, MEMO, "claim", "The minister said the budget grew by 4 per cent")
    tag(mid, MEMO, "statistic", "4 per cent")
    annotations = {d: store.annotations(d) for d in (rid, mid)}
    store.close()
    return db_path, {rid: REPORT, mid: MEMO}, annotations


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_retrieve_json_gives_every_field_and_exactly_n_code_points_of_context(corpus, capsys):
    db, texts, annotations = corpus
    code, out, _err = run(capsys, "retrieve", "--db", str(db), "--format", "json", "--context", "7")
    assert code == 0
    rows = json.loads(out)
    every = [a for anns in annotations.values() for a in anns]
    assert len(rows) == len(every)
    for row in rows:
        text = texts[row["document_id"]]
        start, end = row["start"], row["end"]
        assert row["quote"] == text[start:end]
        assert row["left"] == text[max(0, start - 7) : start]
        assert row["right"] == text[end : end + 7]
        assert set(row) == {
            "document_id", "document_title", "id", "label", "start", "end", "quote",
            "left", "right", "annotator", "note", "attributes",
        }  # fmt: skip
    first = next(r for r in rows if r["label"] == "claim")
    assert first["left"] == "" and first["document_title"] == "Cameras"


def test_retrieve_filters_and_formats(corpus, capsys):
    db, texts, _annotations = corpus
    code, out, _ = run(
        capsys, "retrieve", "--db", str(db), "--label", "refusal", "--match", "reason|date",
        "--format", "csv",
    )  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["quote"] for r in rows] == ["declined to say where", "refused to give a date"]
    assert rows[0]["note"] == "no reason" and rows[1]["note"] == ""
    code, out, _ = run(capsys, "retrieve", "--db", str(db), "--annotator", "bo")
    assert code == 0 and "[40 cameras]" in out and out.rstrip().endswith("1 annotation(s)")
    code, out, _ = run(
        capsys, "retrieve", "--db", str(db), "--document", "Budget", "--format", "json"
    )
    assert {r["document_title"] for r in json.loads(out)} == {"Budget"}
    default = json.loads(run(capsys, "retrieve", "--db", str(db), "--format", "json")[1])
    stat = next(r for r in default if r["quote"] == "12 more")
    text = next(t for t in texts.values() if "12 more" in t)
    assert stat["left"] == text[max(0, stat["start"] - 60) : stat["start"]]  # N = 60


def test_a_bad_regular_expression_is_an_error_that_changes_nothing(corpus, capsys):
    db, _texts, _annotations = corpus
    before = db.read_bytes()
    code, out, err = run(capsys, "retrieve", "--db", str(db), "--match", "(unclosed")
    assert code == 1 and out == "" and "--match '(unclosed'" in err
    assert db.read_bytes() == before
    with pytest.raises(SystemExit) as usage:
        main(["retrieve", "--db", str(db), "--attribute", "value"])
    assert usage.value.code == 2


@pytest.mark.parametrize("scope", ["overlap", "sentence", "paragraph"])
def test_cooccurrence_json_equals_a_count_made_here(corpus, capsys, scope):
    db, texts, annotations = corpus
    code, out, _ = run(
        capsys, "cooccurrence", "--db", str(db), "--scope", scope, "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["scope"] == scope and data["labels"] == ["claim", "refusal", "statistic"]

    def unit(text, offset):  # sentence: ends after . ! ? and white space; paragraph: a line
        cut = text[:offset]
        if scope == "paragraph":
            return cut.count("\n") - cut.count("\n\n")
        return sum(cut.count(end) for end in (". ", ".\n", "! ", "? ")) + cut.count("\n\n")

    expected = {(a, b): 0 for a in data["labels"] for b in data["labels"]}
    for doc_id, anns in annotations.items():
        for x, y in combinations(anns, 2):
            if scope == "overlap":
                together = x.start < y.end and y.start < x.end
            else:
                together = unit(texts[doc_id], x.start) == unit(texts[doc_id], y.start)
            if together:
                expected[x.label, y.label] += 1
                if x.label != y.label:
                    expected[y.label, x.label] += 1
    labels = data["labels"]
    assert data["counts"] == [[expected[a, b] for b in labels] for a in labels]
    assert data["counts"][0][2] >= 2  # claims hold statistics in every scope


def test_retrieve_by_author_done_and_typed_attributes(corpus, capsys):
    db, texts, annotations = corpus
    [rid, mid] = list(texts)
    store = open_store(str(db))
    store.update_document_metadata(rid, title="Cameras", author="Mary Chan", published=None)
    store.set_done(mid, True)
    stat = next(a for a in annotations[rid] if a.label == "statistic" and a.annotator == "bo")
    store.set_attributes(stat, {"value": 40})
    store.close()

    def ids(*args):
        code, out, err = run(capsys, "retrieve", "--db", str(db), "--format", "json", *args)
        assert code == 0, err
        return {(r["document_id"], r["quote"]) for r in json.loads(out)}

    assert {d for d, _q in ids("--author", "CHAN")} == {rid}
    assert {d for d, _q in ids("--done")} == {mid}
    assert {d for d, _q in ids("--not-done")} == {rid}
    assert ids("--attribute", "value=39..41") == {(rid, "40 cameras")}
    assert ids("--attribute", "value=41..") == set()
    with pytest.raises(SystemExit) as usage:
        main(["retrieve", "--db", str(db), "--since", "Feb 2024"])
    assert usage.value.code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_retrieve_memos_lists_the_places_the_memos_hold_the_text(corpus, capsys):
    db, texts, _annotations = corpus
    [rid, mid] = list(texts)
    store = open_store(str(db))
    project = "Police 😀 figures, police words."
    report = "The police never said where."
    store.set_memo(None, project)
    store.set_memo(rid, report)
    store.set_memo(mid, "Nothing here.")
    store.close()
    code, out, err = run(capsys, "retrieve", "--db", str(db), "--memos", "--match", "(?i)police",
                         "--context", "3", "--format", "json")  # fmt: skip
    assert code == 0, err
    rows = json.loads(out)
    want = []
    for doc_id, title, memo in ((None, None, project), (rid, "Cameras", report)):
        at = memo.casefold().find("police")
        while at != -1:  # every place, the context cut from the memo by hand
            end = at + len("police")
            want.append({"document_id": doc_id, "document_title": title, "start": at,
                         "end": end, "quote": memo[at:end], "left": memo[max(0, at - 3):at],
                         "right": memo[end:end + 3]})  # fmt: skip
            at = memo.casefold().find("police", end)
    assert rows == want and len(rows) == 3
    code, out, _err = run(capsys, "retrieve", "--db", str(db), "--memos", "--match", "police",
                          "--document", "Budget", "--format", "csv")  # fmt: skip
    assert code == 0 and out == "document_id,document_title,start,end,quote,left,right\r\n"
    for bad in (["--memos"], ["--memos", "--match", "x", "--label", "claim"]):
        with pytest.raises(SystemExit) as usage:
            main(["retrieve", "--db", str(db), *bad])
        assert usage.value.code == 2
