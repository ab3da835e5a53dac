"""doccano JSONL and Label Studio JSON tasks: written, read back into an empty database,
and refused with a message naming the file and the line or task when malformed."""

from __future__ import annotations

import json

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.formats import doccano, label_studio
from tests.formats.conftest import db_state


def export(db, fmt, path):
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(path)]) == 0
    return path.read_bytes()


def spans(db):
    """Every annotation as (title, label, start, end, quote, note, annotator)."""
    store = open_store(str(db))
    try:
        out = set()
        for doc in store.documents():
            text = store.document(doc.id).text
            for a in store.annotations(doc.id):
                quote = text[a.start : a.end]
                out.add((doc.title, a.label, a.start, a.end, quote, a.note, a.annotator))
        return out
    finally:
        store.close()


def js_slice(text, start, end):
    """``text.slice(start, end)`` as JavaScript does it: UTF-16 code units."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_doccano_round_trip(rich_db, tmp_path, capsys):
    data = export(rich_db, "doccano", tmp_path / "out.jsonl")
    lines = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    keys = {"id", "text", "title", "label", "annotator_span_info"}
    assert len(lines) == 3 and all(set(line) == keys for line in lines)
    before = spans(rich_db)
    # Offsets are UTF-16 code units: JavaScript's slice gives each quote.
    quotes = {(title, label, quote) for title, label, _s, _e, quote, _n, _a in before}
    written = {
        (line["title"], label, js_slice(line["text"], start, end))
        for line in lines
        for start, end, label in line["label"]
    }
    assert written == quotes
    emoji = next(line for line in lines if "😀" in line["text"])
    assert [9, 11, "statistic"] in emoji["label"]  # 😀 is two code units
    # Each span's annotator and note are written with its own start, end and label.
    for line in lines:
        info = line["annotator_span_info"]
        assert [[e["start"], e["end"], e["label"]] for e in info] == line["label"]

    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(tmp_path / "out.jsonl")]) == 0  # recognised
    assert "7 annotation(s) added" in capsys.readouterr().out
    after = spans(fresh)
    # Label, offsets, quote and title survive, and the notes and annotators written beside
    # the spans (doccano keeps them as metadata).
    assert sorted(after) == sorted(before)
    # Without that list (a file doccano made itself), spans are by doccano, without notes.
    for line in lines:
        del line["annotator_span_info"]
    plain = tmp_path / "plain.jsonl"
    plain.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    other = tmp_path / "other.db"
    assert main(["import", "--db", str(other), str(plain)]) == 0
    assert {(s[5], s[6]) for s in spans(other)} == {(None, "doccano")}
    capsys.readouterr()
    # The same file again: everything is already there.
    assert main(["import", "--db", str(fresh), str(tmp_path / "out.jsonl")]) == 0
    assert "0 annotation(s) added, 7 skipped" in capsys.readouterr().out


def test_label_studio_round_trip(rich_db, tmp_path, capsys):
    data = export(rich_db, "label-studio", tmp_path / "out.json")
    tasks = json.loads(data)
    assert isinstance(tasks, list) and len(tasks) == 3
    for task in tasks:
        text = task["data"]["text"]
        for annotation in task["annotations"]:
            for region in annotation["result"]:
                assert region["type"] == "labels"
                assert (region["from_name"], region["to_name"]) == ("label", "text")
                value = region["value"]
                assert text[value["start"] : value["end"]] == value["text"]  # code points
    crlf = next(t for t in tasks if "😀" in t["data"]["text"])
    assert [a["created_username"] for a in crlf["annotations"]] == ["alice", "bob"]

    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(tmp_path / "out.json")]) == 0  # recognised
    assert "7 annotation(s) added" in capsys.readouterr().out
    # Label, offsets, quote, title, note and annotator all survive.
    assert spans(fresh) == spans(rich_db)
    assert main(["import", "--db", str(fresh), str(tmp_path / "out.json")]) == 0
    assert "0 annotation(s) added, 7 skipped" in capsys.readouterr().out


def write_lines(path, *items):
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), "utf-8")
    return path


def test_doccano_texts_with_crlf_and_astral_characters(tmp_path):
    text = "\ufeffOne 😀 two\r\nthree 👨‍👩‍👧 four\rfive"
    units = text.encode("utf-16-le")

    def span(word, label):
        at = units.find(word.encode("utf-16-le")) // 2
        return [at, at + len(word.encode("utf-16-le")) // 2, label]

    path = write_lines(
        tmp_path / "hand.jsonl",
        {"text": text, "label": [span("😀 two\r\nthree", "claim"), span("👨‍👩‍👧", "family")]},
        {"text": "Titled", "meta": {"title": "From meta"}, "entities": []},
        {
            "text": "Relation shape",
            "entities": [{"id": 1, "start_offset": 0, "end_offset": 8, "label": "claim"}],
        },
    )
    aset = doccano.read(path)
    docs = {doc.title: doc for doc in aset.documents}
    stored = docs["One 😀 two three 👨‍👩‍👧 four five"]
    assert stored.text == "One 😀 two\nthree 👨‍👩‍👧 four\nfive"
    got = {(a.label, stored.text[a.start : a.end]) for a in stored.annotations}
    assert got == {("claim", "😀 two\nthree"), ("family", "👨‍👩‍👧")}
    assert docs["From meta"].annotations == ()
    relation = docs["Relation shape"]
    assert [relation.text[a.start : a.end] for a in relation.annotations] == ["Relation"]
    assert [label.name for label in aset.labels] == ["claim", "family"]


def test_label_studio_crlf_text_and_old_utf16_offsets(tmp_path):
    text = "A 😀 b\r\nsays 2,000."
    start = text.index("2,000")
    tasks = [
        {
            "data": {"text": text},
            "annotations": [
                {
                    "completed_by": {"email": "ann@example.org"},
                    "created_at": "2024-05-01T10:00:00.123456Z",
                    "result": [
                        {
                            "type": "labels",
                            "value": {"start": start, "end": start + 5, "labels": ["statistic"]},
                            "meta": {"text": ["a note"]},
                        },
                        # Written by a Label Studio that counted UTF-16 code units.
                        {
                            "type": "labels",
                            "value": {"start": 2, "end": 4, "text": "😀", "labels": ["claim"]},
                        },
                        {"type": "choices", "value": {"choices": ["yes"]}},
                    ],
                },
                {"was_cancelled": True, "result": [{"type": "labels", "value": {}}]},
            ],
            "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 1}}]}],
        }
    ]
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(tasks), "utf-8")
    assert label_studio.recognises(path)
    (doc,) = label_studio.read(path).documents
    assert doc.text == "A 😀 b\nsays 2,000."
    assert doc.title == "A 😀 b says 2,000."
    got = {(a.label, doc.text[a.start : a.end], a.note, a.annotator) for a in doc.annotations}
    assert got == {
        ("statistic", "2,000", "a note", "ann@example.org"),
        ("claim", "😀", None, "ann@example.org"),
    }


def test_each_format_recognises_only_its_own_files(rich_db, tmp_path):
    own_jsonl = tmp_path / "own.jsonl"
    own_json = tmp_path / "own.json"
    export(rich_db, "jsonl", own_jsonl)
    export(rich_db, "json", own_json)
    assert not doccano.recognises(own_jsonl)
    assert not label_studio.recognises(own_json)
    assert doccano.recognises(write_lines(tmp_path / "d.jsonl", {"text": "x", "label": []}))
    assert not doccano.recognises(write_lines(tmp_path / "c.jsonl", {"text": "x", "label": ["a"]}))
    w3c = tmp_path / "w3c.json"
    w3c.write_text(json.dumps([{"type": "Annotation", "target": {"source": "x"}}]), "utf-8")
    assert not label_studio.recognises(w3c)


DOCCANO_BAD = [
    ('{"text": "ok", "label": []}\n{"text": "two", "label": [[0, 9, "x"]]}\n', "line 2, label[0]"),
    ('{"text": "ok", "label": []}\n\n{"text": oops}\n', "line 3: not JSON"),
    ('{"text": "😀", "label": [[1, 2, "x"]]}\n', "inside a character written as a surrogate"),
    ('{"text": "ab", "label": [[1, 1, "x"]]}\n', "line 1, label[0]: span 1–1 is empty"),
    ('{"text": "ab", "label": [[0, 1, ""]]}\n', "a label has no name"),
    ('{"text": "ab", "label": [[0, 1]]}\n', "expected [start, end, label]"),
    ('{"label": [[0, 1, "x"]]}\n', "line 1, text: missing"),
    ('["text"]\n', "line 1: expected a JSON object"),
    ("\n\n", "no examples"),
]
LABEL_STUDIO_BAD = [
    ({"data": {"text": "x"}, "annotations": []}, "expected a list of tasks"),
    ([{"annotations": []}], "[0].data: missing"),
    (
        [{"data": {"text": "ab"}, "annotations": []}, {"data": {"text": "ab"}, "annotations": 3}],
        "[1].annotations: expected a list",
    ),
    (
        [{"data": {"text": "ab"}, "annotations": [{"result": [{"type": "labels"}]}]}],
        "[0].annotations[0].result[0].value: missing",
    ),
    (
        [
            {
                "data": {"text": "ab"},
                "annotations": [
                    {"result": [{"type": "labels", "value": {"start": 0, "end": 7, "labels": []}}]}
                ],
            }
        ],
        "[0].annotations[0].result[0].value: span 0–7 is beyond the text's length 2",
    ),
    (
        [
            {
                "data": {"text": "ab"},
                "annotations": [
                    {
                        "result": [
                            {
                                "type": "labels",
                                "value": {"start": 0, "end": 1, "text": "b", "labels": ["x"]},
                            }
                        ]
                    }
                ],
            }
        ],
        "does not hold its text 'b'",
    ),
    ([], "no tasks"),
]


@pytest.mark.parametrize(("content", "expected"), DOCCANO_BAD)
def test_a_malformed_doccano_file_changes_nothing(rich_db, tmp_path, capsys, content, expected):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, "utf-8")
    before = db_state(rich_db)
    assert main(["import", "--db", str(rich_db), "--format", "doccano", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: error: {bad}: ") and expected in err
    assert err.count("\n") == 1
    assert db_state(rich_db) == before


@pytest.mark.parametrize(("content", "expected"), LABEL_STUDIO_BAD)
def test_a_malformed_label_studio_file_changes_nothing(
    rich_db, tmp_path, capsys, content, expected
):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(content), "utf-8")
    before = db_state(rich_db)
    assert main(["import", "--db", str(rich_db), "--format", "label-studio", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"annotator: error: {bad}: ") and expected in err
    assert err.count("\n") == 1
    assert db_state(rich_db) == before


def test_a_later_bad_line_of_a_recognised_file_is_named(rich_db, tmp_path, capsys):
    bad = tmp_path / "later.jsonl"
    bad.write_text('{"text": "ok", "label": [[0, 2, "claim"]]}\n{"text": 5}\n', "utf-8")
    before = db_state(rich_db)
    assert main(["import", "--db", str(rich_db), str(bad)]) == 1
    assert "later.jsonl: line 2, text: expected a string, got a number" in capsys.readouterr().err
    assert db_state(rich_db) == before
