from __future__ import annotations

import copy
import csv
import io
import json

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from tests.formats.conftest import db_bytes, db_state
from tests.helpers import check_export


def export_to(db, path, *extra):
    assert main(["export", "--db", str(db), "-o", str(path), *extra]) == 0
    return path.read_bytes()


def without_exported_at(data: bytes) -> bytes:
    return b"\n".join(line for line in data.split(b"\n") if b'"exported_at"' not in line)


def test_round_trip_into_an_empty_database_gives_the_same_bytes(rich_db, tmp_path, capsys):
    first = export_to(rich_db, tmp_path / "one.json")
    parsed = check_export(first)
    assert len(parsed["documents"]) == 3
    empty = tmp_path / "empty.db"
    assert main(["import", "--db", str(empty), str(tmp_path / "one.json")]) == 0
    out = capsys.readouterr().out
    assert "7 annotation(s) added" in out and "label(s) created: opinion" in out
    second = export_to(empty, tmp_path / "two.json")
    assert without_exported_at(second) == without_exported_at(first)
    # And again: exporting the same database twice differs in nothing else either.
    assert without_exported_at(export_to(empty, tmp_path / "three.json")) == without_exported_at(
        second
    )


def test_every_field_survives(rich_db, tmp_path):
    data = json.loads(export_to(rich_db, tmp_path / "a.json"))
    empty = tmp_path / "empty.db"
    assert main(["import", "--db", str(empty), str(tmp_path / "a.json")]) == 0
    again = json.loads(export_to(empty, tmp_path / "b.json"))
    data.pop("exported_at")
    again.pop("exported_at")
    assert again == data
    notes = {a["note"] for d in data["documents"] for a in d["annotations"]}
    assert {"starts the file", 'quote "this", ok', "multi\nline", None} == notes
    assert {a["annotator"] for d in data["documents"] for a in d["annotations"]} == {
        "alice",
        "bob",
        "carol",
    }
    opinion = next(lb for lb in data["labels"] if lb["name"] == "opinion")
    assert opinion == {
        "name": "opinion",
        "color": "#9467bd",
        "hotkey": "4",
        "description": "A view, not a fact.",
        "attributes": [],
    }


def test_compact_is_one_line_and_pretty_is_the_default(rich_db, tmp_path):
    compact = export_to(rich_db, tmp_path / "c.json", "--compact")
    assert compact.count(b"\n") == 1 and compact.endswith(b"}\n")
    pretty = export_to(rich_db, tmp_path / "p.json")
    assert pretty.count(b"\n") > 50
    assert "😀".encode() in compact  # non-ASCII written as is
    assert json.loads(compact)["documents"] == json.loads(pretty)["documents"]


def test_import_twice_skips_everything(rich_db, tmp_path, capsys):
    export_to(rich_db, tmp_path / "a.json")
    before = db_state(rich_db)
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(tmp_path / "a.json")]) == 0
    out = capsys.readouterr().out
    assert "0 document(s) created, 3 matched" in out
    assert "0 annotation(s) added, 7 skipped, 0 replaced" in out
    assert db_state(rich_db) == before


def changed_set(path):
    data = json.loads(path.read_bytes())
    ann = data["documents"][1]["annotations"][0]
    ann["note"] = "changed by a colleague"
    ann["updated_at"] = "2027-01-01T00:00:00.000Z"
    return data


def test_conflict_is_an_error_and_replace_overwrites(rich_db, tmp_path, capsys):
    export_to(rich_db, tmp_path / "a.json")
    data = changed_set(tmp_path / "a.json")
    (tmp_path / "b.json").write_text(json.dumps(data), encoding="utf-8")
    before = db_bytes(rich_db)
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(tmp_path / "b.json")]) == 1
    err = capsys.readouterr().err
    assert "b.json: documents[1].annotations[0].id: conflict" in err
    assert "--replace" in err
    assert db_bytes(rich_db) == before
    assert main(["import", "--replace", "--db", str(rich_db), str(tmp_path / "b.json")]) == 0
    assert "1 replaced" in capsys.readouterr().out
    after = json.loads(export_to(rich_db, tmp_path / "c.json"))
    assert after["documents"][1]["annotations"][0]["note"] == "changed by a colleague"


def test_new_annotations_from_a_colleague_are_added(rich_db, tmp_path, capsys):
    data = json.loads(export_to(rich_db, tmp_path / "a.json"))
    new = copy.deepcopy(data["documents"][2]["annotations"][0])
    new["id"] = "colleague-1"
    new["annotator"] = "dora"
    data["documents"][2]["annotations"].append(new)
    data["labels"].append({"name": "hedge", "color": "#17becf", "hotkey": "1", "description": ""})
    (tmp_path / "b.json").write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(tmp_path / "b.json")]) == 0
    out = capsys.readouterr().out
    assert "1 annotation(s) added, 7 skipped" in out
    assert "label 'hedge' created without hotkey '1'" in out


def mutate(path, fn):
    data = json.loads(path.read_bytes())
    fn(data)
    return json.dumps(data, ensure_ascii=False).encode()


def doc(i):
    return lambda d: d["documents"][i]


def ann(i, j):
    return lambda d: d["documents"][i]["annotations"][j]


def setter(get, key, value):
    return lambda d: get(d).__setitem__(key, value)


def deleter(get, key):
    return lambda d: get(d).pop(key)


MALFORMED = [
    ("not JSON", lambda p: b'{"format": "annotator-annotation-set",', "not JSON"),
    ("not UTF-8", lambda p: b'{"format": "\xff"}', "not valid UTF-8"),
    ("top array", lambda p: b"[]", "expected a JSON object"),
    ("no format", lambda p: b'{"labels": []}', 'no "format" field'),
    (
        "unknown format",
        lambda p: mutate(p, setter(lambda d: d, "format", "brat")),
        "format: unknown format",
    ),
    (
        "newer version",
        lambda p: mutate(p, setter(lambda d: d, "format_version", 2)),
        "format_version: version 2 is newer",
    ),
    (
        "missing end",
        lambda p: mutate(p, deleter(ann(1, 0), "end")),
        "documents[1].annotations[0].end: missing",
    ),
    (
        "string start",
        lambda p: mutate(p, setter(ann(1, 0), "start", "5")),
        "documents[1].annotations[0].start: expected an integer, got a string",
    ),
    (
        "bool start",
        lambda p: mutate(p, setter(ann(1, 0), "start", True)),
        "documents[1].annotations[0].start: expected an integer, got a boolean",
    ),
    (
        "end beyond text",
        lambda p: mutate(p, setter(ann(1, 1), "end", 10_000)),
        "documents[1].annotations[1].end: end 10000 is beyond",
    ),
    (
        "start after end",
        lambda p: mutate(p, setter(ann(1, 1), "start", 60)),
        "documents[1].annotations[1].end: end",
    ),
    (
        "negative start",
        lambda p: mutate(p, setter(ann(1, 0), "start", -1)),
        "documents[1].annotations[0].start: negative",
    ),
    (
        "quote differs",
        lambda p: mutate(p, setter(ann(2, 1), "quote", "other words")),
        "documents[2].annotations[1].quote",
    ),
    (
        "prefix differs",
        lambda p: mutate(p, setter(ann(2, 1), "prefix", "zzz")),
        "documents[2].annotations[1].prefix",
    ),
    (
        "sha256 differs",
        lambda p: mutate(
            p,
            setter(
                doc(2),
                "text",
                "A plain document!\n\nIt says 2,000 cameras and refuses to say more.\n",
            ),
        ),
        "documents[2].sha256: does not match",
    ),
    (
        "length differs",
        lambda p: mutate(p, setter(doc(2), "length", 3)),
        "documents[2].length: is 3",
    ),
    (
        "undeclared label",
        lambda p: mutate(p, setter(ann(1, 0), "label", "rumour")),
        "documents[1].annotations[0].label: label 'rumour' is used but not declared",
    ),
    (
        "duplicate annotation id",
        lambda p: mutate(p, lambda d: ann(2, 1)(d).__setitem__("id", ann(1, 0)(d)["id"])),
        "documents[2].annotations[1].id: duplicate id",
    ),
    (
        "duplicate document id",
        lambda p: mutate(p, lambda d: doc(2)(d).__setitem__("id", doc(1)(d)["id"])),
        "documents[2].id: duplicate id",
    ),
    (
        "bad colour",
        lambda p: mutate(p, lambda d: d["labels"][0].__setitem__("color", "blue")),
        "labels[0].color",
    ),
    (
        "bad time",
        lambda p: mutate(p, setter(ann(1, 0), "created_at", "yesterday")),
        "documents[1].annotations[0].created_at",
    ),
    (
        "annotations not a list",
        lambda p: mutate(p, setter(doc(0), "annotations", {})),
        "documents[0].annotations: expected an array, got an object",
    ),
]


@pytest.mark.parametrize(("case", "make", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_sets_change_nothing_and_name_the_path(
    rich_db, tmp_path, capsys, case, make, message
):
    good = tmp_path / "good.json"
    export_to(rich_db, good)
    data = json.loads(good.read_bytes())
    # Make the set new to the database, so that a half import would show.
    data["documents"][1]["annotations"][2]["id"] = "brand-new"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_bytes(make(good))
    text_doc = tmp_path / "also.txt"
    text_doc.write_text("A document imported in the same command.", encoding="utf-8")
    before = db_bytes(rich_db)
    capsys.readouterr()
    code = main(["import", "--db", str(rich_db), str(text_doc), str(good), str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}: " in err and message in err, err
    assert "Traceback" not in err
    assert db_bytes(rich_db) == before


def test_set_without_texts_attaches_by_sha256_and_reports_the_rest(rich_db, tmp_path, capsys):
    data = export_to(rich_db, tmp_path / "notext.json", "--no-text")
    parsed = json.loads(data)
    assert all("text" not in d for d in parsed["documents"])
    assert all(d["annotations"][0]["quote"] for d in parsed["documents"])
    check_export(data)
    other = tmp_path / "other.db"
    open_store(str(other), seed=True).close()  # holds the seed article only
    assert main(["import", "--db", str(other), str(tmp_path / "notext.json")]) == 0
    out = capsys.readouterr().out
    assert "0 document(s) created, 1 matched; 1 annotation(s) added" in out
    assert out.count("could not place") == 2
    assert '"Plain" (sha256' in out


def test_set_without_texts_checks_quotes_against_our_text(rich_db, tmp_path, capsys):
    data = json.loads(export_to(rich_db, tmp_path / "notext.json", "--no-text"))
    data["documents"][0]["annotations"][0]["quote"] = "Hong Kang"  # same length, wrong text
    (tmp_path / "bad.json").write_text(json.dumps(data), encoding="utf-8")
    other = tmp_path / "other.db"
    open_store(str(other), seed=True).close()
    before = db_bytes(other)
    capsys.readouterr()
    assert main(["import", "--db", str(other), str(tmp_path / "bad.json")]) == 1
    assert "documents[0].annotations[0].quote" in capsys.readouterr().err
    assert db_bytes(other) == before


def test_csv_reads_back_as_the_annotations(rich_db, tmp_path):
    data = export_to(rich_db, tmp_path / "a.csv", "--format", "csv")
    assert b"\r\n" in data and not data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    exported = json.loads(export_to(rich_db, tmp_path / "a.json"))
    expected = [
        (
            d["id"],
            d["title"],
            a["id"],
            a["label"],
            str(a["start"]),
            str(a["end"]),
            a["quote"],
            a["prefix"],
            a["suffix"],
            a["note"] or "",
            a["annotator"],
            a["created_at"],
            a["updated_at"],
        )
        for d in exported["documents"]
        for a in d["annotations"]
    ]
    assert [tuple(r.values())[: len(expected[0])] for r in rows] == expected
    # Then one column per attribute the labels define, empty where none is set.
    names = [spec["name"] for label in exported["labels"] for spec in label["attributes"]]
    assert list(rows[0])[len(expected[0]) :] == [f"attribute:{n}" for n in names]
    assert all(r[f"attribute:{n}"] == "" for r in rows for n in names)
    assert any("\n" in r["quote"] for r in rows)  # multi-line fields survive quoting
    excel = export_to(rich_db, tmp_path / "x.csv", "--format", "csv", "--excel")
    assert excel == b"\xef\xbb\xbf" + data


def test_jsonl_is_one_document_per_line(rich_db, tmp_path):
    data = export_to(rich_db, tmp_path / "a.jsonl", "--format", "jsonl")
    lines = data.decode("utf-8").splitlines()
    assert len(lines) == 3
    docs = [json.loads(line) for line in lines]
    full = json.loads(export_to(rich_db, tmp_path / "a.json"))
    assert docs == full["documents"]


def ids_of(data):
    parsed = json.loads(data)
    return {
        d["title"]: [(a["label"], a["annotator"]) for a in d["annotations"]]
        for d in parsed["documents"]
    }


def test_filters_combine(rich_db, tmp_path):
    out = tmp_path / "f.json"
    only_plain = ids_of(export_to(rich_db, out, "--document", "plain"))
    assert list(only_plain) == ["Plain"]
    two = ids_of(export_to(rich_db, out, "--document", "Pl*", "--document", "*crlf"))
    assert list(two) == ["Emoji & CRLF", "Plain"]
    labels = ids_of(export_to(rich_db, out, "--label", "claim", "--label", "opinion"))
    assert {lab for anns in labels.values() for lab, _ in anns} == {"claim", "opinion"}
    both = ids_of(
        export_to(rich_db, out, "--label", "claim", "--annotator", "alice", "--document", "Plain")
    )
    assert both == {"Plain": [("claim", "alice")]}
    later = ids_of(export_to(rich_db, out, "--since", "2999-01-01"))
    assert all(anns == [] for anns in later.values()) and len(later) == 3
    earlier = ids_of(export_to(rich_db, out, "--since", "2000-01-01T00:00Z"))
    assert sum(len(a) for a in earlier.values()) == 7
    seed_id = json.loads(export_to(rich_db, out))["documents"][0]["id"]
    assert list(ids_of(export_to(rich_db, out, "--document", seed_id))) == [
        "Hong Kong goes for mass surveillance"
    ]


def test_export_usage_errors(rich_db, capsys):
    for args in (["--since", "last week"], ["--excel"], ["--format", "csv", "--compact"]):
        with pytest.raises(SystemExit) as info:
            main(["export", "--db", str(rich_db), *args])
        assert info.value.code == 2


def test_stats_table_and_json(rich_db, capsysbinary):
    assert main(["stats", "--db", str(rich_db)]) == 0
    table = capsysbinary.readouterr().out.decode()
    lines = table.splitlines()
    assert lines[0].split() == ["document", "claim", "refusal", "statistic", "opinion", "total"]
    assert lines[-1].split() == ["total", "3", "1", "2", "1", "7"]
    assert any(
        line.startswith("Plain") and line.split()[1:] == ["1", "1", "1", "0", "3"] for line in lines
    )
    assert main(["stats", "--db", str(rich_db), "--format", "json"]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert data["total"] == 7
    assert data["documents"][1]["counts"] == {
        "claim": 1,
        "refusal": 0,
        "statistic": 1,
        "opinion": 1,
    }
