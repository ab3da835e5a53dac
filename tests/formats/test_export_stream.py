"""``annotator export`` of the JSON set, streamed from the database a document at a time:
byte for byte what ``json.dumps`` writes for the set the object path reads (every field,
every filter, on both backends), and memory that stays flat as the database grows."""

from __future__ import annotations

import gc
import json
import sqlite3
import tracemalloc
from datetime import datetime, timedelta

import pytest

from annotator.app.exports import ExportOptions, export_set
from annotator.app.resources import default_labels
from annotator.cli import main
from annotator.core.filters import ExportFilter
from annotator.core.model import AttributeSpec, Label, NewDocument
from annotator.core.timestamps import parse_iso_utc
from annotator.formats.annotation_set import to_dict
from annotator.store import Store, export_reads
from tests.conftest import tracing_memory
from tests.helpers import check_export

REPORT = "The minister said 2,000 cameras 😀 would be installed. Police counted 300 𝕏 people.\n"
CHANGED = "Updated 👨‍👩‍👧.\n\n" + REPORT.replace("300 𝕏 people", "them")
ODD = 'Quotes " and \\ back, tab\t, line\u2028separator, \x1f control, 🇭🇰 flag, e\u0301.\n'
GRADED = Label(
    "graded",
    "#112233",
    None,
    "Graded 🙂",
    (
        AttributeSpec("score", "number"),
        AttributeSpec("sure", "boolean"),
        AttributeSpec("kind", "choice", ("a", "b 😀")),
        AttributeSpec("why", "text"),
    ),
)


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def every_feature(db):
    """Attributes of every kind, notes, memos, text beyond the BMP, authors, versions
    (an orphan on the first), an empty document, a suggested annotation with its rule,
    times with and without whole milliseconds, and several annotators."""
    store = Store.open(db.target)
    store.add_labels([*default_labels(), GRADED])
    first, odd, _empty = (
        r.document
        for r in store.import_documents(
            [
                NewDocument("Report", "/data/report.txt", REPORT, author="Ann 😀 Author"),
                NewDocument("Odd «chars»", "odd.md", ODD, "markdown", published="2024-02-22"),
                NewDocument("Empty one", "empty.txt", "Nothing tagged here.\n"),
            ]
        )
    )
    claim = store.add_annotation(first.id, "claim", *at(REPORT, "The minister said"), "alice")
    stat = store.add_annotation(first.id, "graded", *at(REPORT, "2,000"), "bob", note="a 😀 note")
    store.set_attributes(stat, {"score": 2.5, "sure": True, "kind": "b 😀", "why": 'say "so"'})
    store.add_annotation(first.id, "statistic", *at(REPORT, "300 𝕏 people"), "bob")  # orphaned
    whole = store.add_annotation(odd.id, "claim", 0, len(ODD) - 1, "carol", note="multi\nline")
    store.add_annotation(odd.id, "refusal", *at(ODD, "🇭🇰 flag"), "alice", note=ODD)
    store.add_annotation(odd.id, "graded", len(ODD) - 1, len(ODD), "alice")  # at the very end
    second = store.import_documents([NewDocument("Report", "/data/report.txt", CHANGED)])[0]
    assert second.carried.orphaned == 1
    store.set_memo(second.document.id, "Memo 👨‍👩‍👧 of the report")
    store.set_memo(None, "The project's memo.")
    store.close()
    db.rows(
        "UPDATE annotations SET source = 'suggested', rule = ? WHERE id = ?",
        "number \\d+ 😀",
        stat.id,
    )
    db.rows(  # not a whole millisecond, and changed later than made
        "UPDATE annotations SET updated_at = ? WHERE id = ?",
        datetime(2026, 2, 3, 4, 5, 6, 123456),
        whole.id,
    )
    db.rows("UPDATE annotations SET created_at = ?, updated_at = ? WHERE id = ?", *[
        datetime(2025, 12, 31, 23, 59, 59)] * 2, claim.id)  # fmt: skip
    return db


def expected(db, options: ExportOptions, exported: bytes) -> bytes:
    """What the object path (``Store.export_documents``, ``to_dict``) and ``json.dumps``
    write for ``options``, at the moment ``exported`` says it was written."""
    now = parse_iso_utc(json.loads(exported)["exported_at"])
    store = Store.open(db.target)
    try:
        aset, texts = export_set(store, options, now=now)
    finally:
        store.close()
    plain = to_dict(aset, texts=texts)
    if options.compact:
        return json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    return json.dumps(plain, ensure_ascii=False, indent=2).encode() + b"\n"


SINCE = datetime(2026, 2, 1)
CHOICES = [
    ([], ExportOptions()),
    (["--compact"], ExportOptions(compact=True)),
    (["--no-text"], ExportOptions(include_text=False)),
    (["--label", "graded"], ExportOptions(filter=ExportFilter(labels=("graded",)))),
    (["--annotator", "bob", "--compact"], ExportOptions(compact=True, filter=ExportFilter(
        annotators=("bob",)))),
    (["--since", "2026-02-01"], ExportOptions(filter=ExportFilter(since=SINCE))),
    (["--document", "odd*"], ExportOptions(filter=ExportFilter(documents=("odd*",)))),
    (["--document", "report"], ExportOptions(filter=ExportFilter(documents=("report",)))),
]  # fmt: skip


@pytest.mark.parametrize(("args", "options"), CHOICES, ids=[" ".join(a) for a, _ in CHOICES])
def test_the_streamed_export_is_json_dumps_of_the_set_byte_for_byte(
    every_feature, tmp_path, capsys, monkeypatch, args, options
):
    monkeypatch.setattr(export_reads, "BATCH", 3)  # PostgreSQL: a batch and a part of one
    out = tmp_path / "set.json"
    assert main(["export", "--db", every_feature.target, "-o", str(out), *args]) == 0
    data = out.read_bytes()
    assert data == expected(every_feature, options, data)
    parsed = check_export(data)
    count = sum(len(d["annotations"]) for d in parsed["documents"])
    assert f"wrote {count} annotation(s) in {len(parsed['documents'])} document(s)" in (
        capsys.readouterr().err
    )
    if not args:  # the database's every feature made it in
        documents = parsed["documents"]
        assert [d["title"] for d in documents] == ["Report", "Report", "Odd «chars»", "Empty one"]
        assert documents[3]["annotations"] == []
        assert documents[1]["memo"] == "Memo 👨‍👩‍👧 of the report" and parsed["memo"]
        assert documents[0]["author"] == "Ann 😀 Author"
        assert [a.get("orphaned") for a in documents[0]["annotations"]] == [True]
        [graded] = [a for a in documents[1]["annotations"] if a["label"] == "graded"]
        assert graded["attributes"] == {"kind": "b 😀", "score": 2.5, "sure": True,
                                        "why": 'say "so"'}  # fmt: skip
        assert (graded["source"], graded["rule"]) == ("suggested", "number \\d+ 😀")
        times = {a["updated_at"] for d in documents for a in d["annotations"]}
        assert {"2026-02-03T04:05:06.123456Z", "2025-12-31T23:59:59.000Z"} <= times


def test_standard_output_gets_what_the_file_gets(every_feature, tmp_path, capsysbinary):
    assert main(["export", "--db", every_feature.target, "--compact"]) == 0
    data = capsysbinary.readouterr().out
    assert data == expected(every_feature, ExportOptions(compact=True), data)


def test_an_unreadable_time_half_way_leaves_the_old_file_and_no_other(db_path, tmp_path, capsys):
    store = Store.open(str(db_path))
    store.add_labels(default_labels())
    docs = store.import_documents(
        [NewDocument(f"Doc {i}", f"d{i}.txt", f"Text number {i}.\n") for i in range(3)]
    )
    for r in docs:
        store.add_annotation(r.document.id, "claim", 0, 4, "me")
    store.close()
    last = docs[-1].document.id
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE annotations SET created_at = 'garbage' WHERE document_id = ?", (last,))
    out = tmp_path / "out" / "set.json"
    out.parent.mkdir()
    out.write_bytes(b"the previous export")
    assert main(["export", "--db", str(db_path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "column created_at holds 'garbage', not a date and time. Nothing was written." in err
    assert out.read_bytes() == b"the previous export"
    assert [p.name for p in out.parent.iterdir()] == ["set.json"]


def corpus(path, documents: int) -> None:
    """``documents`` documents of about 20,000 code points with 40 annotations each."""
    store = Store.open(str(path))
    store.add_labels(default_labels())
    texts = [f"Document {d} 😀 " + "Some words, then more. " * 900 for d in range(documents)]
    results = store.import_documents(
        [NewDocument(f"Doc {d}", f"d{d}.txt", t) for d, t in enumerate(texts)]
    )
    store.close()
    moment = datetime(2026, 1, 1)
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, "
            "annotator, created_at, updated_at) VALUES (?, ?, 'claim', ?, ?, 'me', ?, ?)",
            [
                (f"{r.document.id}-{a}", r.document.id, a * 400, a * 400 + 30, t, t)
                for r in results
                for a in range(40)
                for t in [str(moment + timedelta(seconds=a))]
            ],
        )


def export_peak(path, out) -> tuple[int, int]:
    """(peak bytes Python allocated while ``annotator export`` ran, bytes written)."""
    gc.collect()
    with tracing_memory():
        assert main(["export", "--db", str(path), "-o", str(out)]) == 0
        peak = tracemalloc.get_traced_memory()[1]
    return peak, out.stat().st_size


def test_export_memory_stays_flat_as_the_documents_double(tmp_path, capsys):
    small, large = tmp_path / "small.db", tmp_path / "large.db"
    corpus(small, 12)
    corpus(large, 24)
    export_peak(small, tmp_path / "warm.json")  # imports and caches, once
    small_peak, small_size = export_peak(small, tmp_path / "small.json")
    large_peak, large_size = export_peak(large, tmp_path / "large.json")
    assert large_size > 1.9 * small_size > 400_000
    # Holding the export (or its documents) would add a whole small export's worth of
    # bytes, and then some; streamed, one document at a time is held.
    assert large_peak - small_peak < small_size / 5, (small_peak, large_peak, small_size)
