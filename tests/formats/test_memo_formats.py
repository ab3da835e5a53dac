"""Memos in the exchange formats: the JSON set's optional ``memo`` (on the set and on a
document; files written before memos still import) and REFI-QDA's ``Description`` of
the project and of each source, through the command line as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

from lxml import etree

from annotator.app.opening import open_store
from annotator.cli import main
from tests.formats.conftest import PLAIN, db_bytes
from tests.formats.test_refi_qda import NS, VALIDATOR
from tests.helpers import check_export

PROJECT = "Where do refusals cluster?\n\nSecurity stories, mostly. 🤔"
MEMO = "Says 2,000 cameras; refuses the rest.\nAsk the bureau (第二段) again."


def memos_of(db):
    store = open_store(str(db))
    try:
        return {
            (store.document(key).title if key else None): text
            for key, text in store.memos().items()
        }
    finally:
        store.close()


def with_memos(db):
    """``rich_db`` with a project memo and one on the document "Plain"."""
    store = open_store(str(db))
    try:
        plain = next(d for d in store.documents() if d.title == "Plain")
        store.set_memo(plain.id, MEMO)
        store.set_memo(None, PROJECT)
    finally:
        store.close()
    return db


def test_the_json_set_carries_memos_out_and_in(rich_db, tmp_path, capsys):
    out = tmp_path / "set.json"
    assert main(["export", "--db", str(with_memos(rich_db)), "-o", str(out)]) == 0
    parsed = check_export(out.read_bytes())  # the shipped schema holds
    assert parsed["format_version"] == 1 and parsed["memo"] == PROJECT
    assert {d["title"]: d.get("memo") for d in parsed["documents"]} == {
        "Hong Kong goes for mass surveillance": None,
        "Emoji & CRLF": None,
        "Plain": MEMO,
    }
    compact = tmp_path / "compact.json"
    assert main(["export", "--db", str(rich_db), "--compact", "-o", str(compact)]) == 0
    assert json.loads(compact.read_bytes()) | {"exported_at": 0} == parsed | {"exported_at": 0}
    fresh = tmp_path / "fresh.db"
    capsys.readouterr()
    assert main(["import", "--db", str(fresh), str(out)]) == 0
    assert memos_of(fresh) == {None: PROJECT, "Plain": MEMO}
    # Out again: the same bytes (for the same moment).
    again = tmp_path / "again.json"
    assert main(["export", "--db", str(fresh), "-o", str(again)]) == 0
    stamp = '"exported_at": '
    strip = [line for line in again.read_text().splitlines() if stamp not in line]
    assert strip == [line for line in out.read_text().splitlines() if stamp not in line]


def test_a_set_written_before_memos_still_imports(tmp_path):
    """Format version 1 as it was: no ``memo`` anywhere."""
    old = {
        "format": "annotator-annotation-set",
        "format_version": 1,
        "exported_at": "2026-01-31T12:00:00.000Z",
        "generator": {"name": "annotator", "version": "0.1.0"},
        "offset_unit": "codepoint",
        "labels": [{"name": "claim", "color": "#0072b2", "hotkey": "1", "description": ""}],
        "documents": [
            {
                "id": "doc-1",
                "title": "Plain",
                "source": "p.md",
                "sha256": __import__("hashlib").sha256(PLAIN.encode()).hexdigest(),
                "length": len(PLAIN),
                "text": PLAIN,
                "annotations": [
                    {"id": "a-1", "label": "claim", "start": 0, "end": 7, "quote": "A plain",
                     "prefix": "", "suffix": PLAIN[7:39], "note": None, "annotator": "ana",
                     "created_at": "2026-01-31T12:00:00.000Z",
                     "updated_at": "2026-01-31T12:00:00.000Z"}
                ],
            }
        ],
    }  # fmt: skip
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    db = tmp_path / "db.sqlite"
    assert main(["import", "--db", str(db), str(path)]) == 0
    assert memos_of(db) == {}
    store = open_store(str(db))
    try:
        [listed] = [d for d in store.documents() if d.title == "Plain"]
        assert listed.annotation_count == 1
    finally:
        store.close()


def test_a_memo_that_is_not_text_is_refused_by_path_and_nothing_changes(rich_db, tmp_path, capsys):
    out = tmp_path / "set.json"
    assert main(["export", "--db", str(with_memos(rich_db)), "-o", str(out)]) == 0
    data = json.loads(out.read_bytes())
    data["documents"][2]["memo"] = ["not", "text"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = db_bytes(rich_db)
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.json" in err and "documents[2].memo" in err and "expected a string" in err
    assert "Traceback" not in err
    assert db_bytes(rich_db) == before


def qde(path):
    return etree.fromstring(zipfile.ZipFile(path).read("project.qde"))


def validate(path):
    run = subprocess.run(
        [sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_refi_qda_carries_memos_as_descriptions_and_back(rich_db, tmp_path):
    out = tmp_path / "project.qdpx"
    db = with_memos(rich_db)
    assert main(["export", "--db", str(db), "--format", "refi-qda", "-o", str(out)]) == 0
    validate(out)
    root = qde(out)
    q = {"q": NS}
    assert root.findtext("q:Description", namespaces=q) == PROJECT
    described = {
        source.get("name"): source.findtext("q:Description", namespaces=q)
        for source in root.iterfind("q:Sources/q:TextSource", q)
    }
    assert described == {
        "Hong Kong goes for mass surveillance": None,
        "Emoji & CRLF": None,
        "Plain": MEMO,
    }
    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(out)]) == 0
    assert memos_of(fresh) == {None: PROJECT, "Plain": MEMO}


def test_refi_qda_with_paths_keeps_memo_and_path_apart(rich_db, tmp_path):
    out = tmp_path / "project.qdpx"
    db = with_memos(rich_db)
    args = ["export", "--db", str(db), "--format", "refi-qda", "--with-paths"]
    assert main([*args, "-o", str(out)]) == 0
    validate(out)
    q = {"q": NS}
    described = {
        source.get("name"): source.findtext("q:Description", namespaces=q)
        for source in qde(out).iterfind("q:Sources/q:TextSource", q)
    }
    assert described["Plain"] == f"{MEMO}\n\nSource: p.md"
    assert described["Emoji & CRLF"] == "crlf.txt"  # a path alone, as before memos
    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(out)]) == 0
    assert memos_of(fresh) == {None: PROJECT, "Plain": MEMO}
    store = open_store(str(fresh))
    try:
        sources = {
            store.document(d.id).title: store.document(d.id).source for d in store.documents()
        }
    finally:
        store.close()
    assert sources["Plain"] == "p.md"


def test_a_memo_of_one_line_is_not_taken_for_a_path(tmp_path):
    db = tmp_path / "one.db"
    doc = tmp_path / "one.txt"
    doc.write_text("One line of text.\n", encoding="utf-8")
    assert main(["import", "--db", str(db), str(doc)]) == 0
    store = open_store(str(db))
    try:
        store.set_memo(store.documents()[0].id, "/looks/like/a/path but is my memo")
    finally:
        store.close()
    out = tmp_path / "p.qdpx"
    assert main(["export", "--db", str(db), "--format", "refi-qda", "-o", str(out)]) == 0
    validate(out)
    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(out)]) == 0
    assert memos_of(fresh) == {"One line of text.": "/looks/like/a/path but is my memo"}
