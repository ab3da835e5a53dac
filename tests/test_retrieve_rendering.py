"""``annotator retrieve``'s JSON and CSV, byte for byte: what the command writes equals
what ``json.dumps`` and ``csv.writer`` make here of the newest versions' annotations, on a
corpus with versions, an orphan, notes, typed attributes and text that needs escaping."""

from __future__ import annotations

import csv
import gc
import io
import json

import pytest

from annotator.app.analysis import find, render, render_csv, render_json, render_table
from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.core.retrieval import Query
from annotator.main import main

# Escaping and widths: quotes, a backslash, a tab, a control character, a line separator,
# accents and a character outside the Basic Multilingual Plane.
V1 = (
    'Police said "40 cameras" were installed\tin Kowloon \\ 九龍.\x01 The bureau declined '
    "to say where 😀.\u2028A spokesman said 12 more would follow. Crowds of 300 protesters.\n"
)
V2 = V1.replace("Crowds of 300 protesters.", "He refused to give a date.")
MEMO = "Die Ministerin sagte, das Budget sei um 4 % gewachsen.\n"


def tag(store, doc_id, text, phrase, label, who="ana", note=None):
    start = text.index(phrase)
    return store.add_annotation(doc_id, label, start, start + len(phrase), who, note)


@pytest.fixture
def corpus(db):
    store = open_store(db.target)
    [report, memo] = store.import_documents(
        [NewDocument("Cameras «1»", "report.txt", V1), NewDocument('Budget "B"', "memo.txt", MEMO)]
    )
    rid = report.document.id
    tag(store, rid, V1, 'Police said "40 cameras" were installed', "claim", note='a "quote"')
    stat = tag(store, rid, V1, "40 cameras", "statistic", who="bo")
    store.set_attributes(stat, {"value": 40, "ratio": 0.5, "sure": True, "unit": 'cam\\"é"'})
    tag(store, rid, V1, "declined to say where 😀", "refusal", note="line\nbreak\t")
    tag(store, rid, V1, "12 more", "statistic")
    tag(store, rid, V1, "300 protesters", "statistic", note="left behind")  # orphaned by V2
    tag(store, memo.document.id, MEMO, "4 %", "statistic", who="zoë")
    newer = store.import_documents([NewDocument("Cameras «1»", "report.txt", V2)])[0]
    assert newer.document.version == 2 and newer.carried.orphaned == 1
    tag(store, newer.document.id, V2, "refused to give a date", "refusal")
    store.close()
    return db


def expected_rows(target):
    """Every annotation of each document's newest version, not orphaned, in document order
    and then text order, with 60 code points of context, as docs/analysis.md lists the fields."""
    store = open_store(target)
    try:
        rows = []
        for summary in store.documents():
            doc = store.document(summary.id)
            anns = sorted(store.annotations(doc.id), key=lambda a: (a.start, a.end, a.label, a.id))
            for a in anns:
                if a.orphaned:
                    continue
                rows.append(
                    {
                        "document_id": doc.id,
                        "document_title": doc.title,
                        "id": a.id,
                        "label": a.label,
                        "start": a.start,
                        "end": a.end,
                        "quote": doc.text[a.start : a.end],
                        "left": doc.text[max(0, a.start - 60) : a.start],
                        "right": doc.text[a.end : a.end + 60],
                        "annotator": a.annotator,
                        "note": a.note,
                        "attributes": dict(a.attributes),
                    }
                )
        return rows
    finally:
        store.close()


def retrieve(tmp_path, db, *args):
    out = tmp_path / "out"
    assert main(["retrieve", "--db", db.target, *args, "-o", str(out)]) == 0
    return out.read_bytes()


def test_json_is_json_dumps_of_each_row_one_to_a_line(corpus, tmp_path):
    rows = expected_rows(corpus.target)
    assert len(rows) == 6 and {r["label"] for r in rows} == {"claim", "statistic", "refusal"}
    assert any(r["attributes"] for r in rows) and any(r["note"] is None for r in rows)
    lines = ["  " + json.dumps(row, ensure_ascii=False) for row in rows]
    expected = "[\n" + ",\n".join(lines) + "\n]\n"
    assert retrieve(tmp_path, corpus, "--format", "json") == expected.encode("utf-8")
    refusals = [r for r in rows if r["label"] == "refusal"]
    lines = ["  " + json.dumps(row, ensure_ascii=False) for row in refusals]
    filtered = retrieve(tmp_path, corpus, "--format", "json", "--label", "refusal")
    assert filtered == ("[\n" + ",\n".join(lines) + "\n]\n").encode("utf-8")
    assert retrieve(tmp_path, corpus, "--format", "json", "--label", "nothing") == b"[]\n"
    assert gc.isenabled()  # paused while reading, on again after


def test_csv_is_csv_writer_of_each_row(corpus, tmp_path):
    rows = expected_rows(corpus.target)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(list(rows[0]))
    for row in rows:
        row["attributes"] = json.dumps(row["attributes"], ensure_ascii=False, sort_keys=True)
        writer.writerow(["" if v is None else v for v in row.values()])
    assert retrieve(tmp_path, corpus, "--format", "csv") == out.getvalue().encode("utf-8")


TEXT = {"json": render_json, "csv": render_csv, "table": render_table}


@pytest.mark.parametrize("form", TEXT)
def test_the_bytes_written_are_the_text_renderings_encoded(corpus, tmp_path, form):
    store = open_store(corpus.target)
    try:
        hits = find(store, Query())
    finally:
        store.close()
    text = TEXT[form](hits)
    assert render(hits, form) == text.encode("utf-8")
    assert retrieve(tmp_path, corpus, "--format", form) == text.encode("utf-8")
    assert render([], form) == TEXT[form]([]).encode("utf-8")
