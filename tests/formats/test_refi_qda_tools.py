"""REFI-QDA with QualCoder: what QualCoder reads (notes as a selection's Description, no
local paths) and what it writes (Qt positions beside code points, told apart by each
selection's name)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import NewDocument
from tests.formats.conftest import db_bytes
from tests.formats.test_refi_qda import G, import_one, make_qdpx, project, selection

NS = {"q": "urn:QDA-XML:project:1.0"}
PATH = "/home/researcher/interviews/ana 😀.txt"


def qde(path):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


@pytest.fixture
def noted_db(tmp_path):
    db = tmp_path / "noted.db"
    store = open_store(str(db))
    (result,) = store.import_documents([NewDocument("Ana", PATH, "Ana said 😀 no.\nThen yes.")])
    doc = result.document
    store.add_annotation(doc.id, "claim", 0, 8, "alice", note="first\nnote")
    store.add_annotation(doc.id, "claim", 9, 14, "bob", note="on 😀")
    store.add_annotation(doc.id, "claim", 15, 19, "bob")
    store.close()
    return db


def test_notes_are_written_as_the_selections_description(noted_db, tmp_path):
    out = tmp_path / "p.qdpx"
    assert main(["export", "--db", str(noted_db), "--format", "refi-qda", "-o", str(out)]) == 0
    root = qde(out)
    described = {
        s.get("name"): s.findtext("q:Description", namespaces=NS)
        for s in root.iterfind(".//q:PlainTextSelection", NS)
    }
    assert described == {"Ana said": "first\nnote", "😀 no.": "on 😀", "Then": None}
    assert root.find(".//q:NoteRef", NS) is None and root.find("q:Notes", NS) is None
    back = import_one(out, tmp_path)
    assert sorted(row[5] or "" for rows in back.values() for row in rows) == [
        "",
        "first\nnote",
        "on 😀",
    ]


def test_a_note_both_as_description_and_noteref_is_read_once(tmp_path):
    inner = f'<Description>same note</Description><NoteRef targetGUID="{G[9]}"/>'
    notes = (
        f'<Notes><Note guid="{G[9]}"><PlainTextContent>same note</PlainTextContent></Note>'
        f'<Note guid="{G[8]}"><PlainTextContent>other</PlainTextContent></Note></Notes>'
    )
    both = f'<Description>x</Description><NoteRef targetGUID="{G[8]}"/>'
    src = (
        f'<TextSource guid="{G[2]}" name="t"><PlainTextContent>Hello world</PlainTextContent>'
        f"{selection(G[3], 0, 5, inner=inner)}{selection(G[4], 6, 11, inner=both)}</TextSource>"
    )
    back = import_one(make_qdpx(tmp_path / "n.qdpx", project(src, notes=notes)), tmp_path)
    assert [row[5] for row in back["Hello world"]] in (
        ["same note", "x\n\nother"],
        ["x\n\nother", "same note"],
    )


def test_sources_carry_no_local_path_unless_asked(noted_db, tmp_path, capsys):
    out = tmp_path / "p.qdpx"
    assert main(["export", "--db", str(noted_db), "--format", "refi-qda", "-o", str(out)]) == 0
    assert PATH.encode() not in zipfile.ZipFile(out).read("project.qde")
    assert qde(out).find("q:Sources/q:TextSource/q:Description", NS) is None
    args = ["export", "--db", str(noted_db), "--format", "refi-qda", "--with-paths"]
    assert main([*args, "-o", str(out)]) == 0
    assert qde(out).findtext("q:Sources/q:TextSource/q:Description", namespaces=NS) == PATH
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--db", str(noted_db), "--with-paths"])
    assert exit_.value.code == 2
    assert "--with-paths applies to --format refi-qda only" in capsys.readouterr().err


FIXTURES = Path(__file__).parents[1] / "fixtures" / "tools" / "qualcoder"
MADE = ["qualcoder.qdpx", "qualcoder-crlf.qdpx"]


def named_selections(path):
    """Each selection QualCoder wrote: its GUID and its name, the text QualCoder shows."""
    return {
        s.get("guid"): s.get("name")
        for s in qde(path).iterfind("q:Sources/q:TextSource/q:PlainTextSelection", NS)
    }


def stored(db):
    store = open_store(str(db))
    try:
        out = {}
        for summary in store.documents():
            doc = store.document(summary.id)
            for a in store.annotations(doc.id):
                out[a.id] = (doc.text[a.start : a.end], a.label, a.note)
        return out
    finally:
        store.close()


@pytest.mark.parametrize("made", MADE)
def test_a_qualcoder_project_imports_with_every_selection_on_its_text(made, tmp_path, capsys):
    path = FIXTURES / made
    names = named_selections(path)
    db = tmp_path / "q.db"
    assert main(["import", "--db", str(db), str(path)]) == 0
    got = stored(db)
    assert sorted(got) == sorted(names)
    for guid, name in names.items():  # Qt's selectedText() ends a paragraph with U+2029
        assert got[guid][0] == name.replace("\u2029", "\n"), guid
    assert got[next(g for g, n in names.items() if n == "families")][2] == (
        "window coding after 🏛️ and 👨\u200d👩\u200d👧"
    )
    out = capsys.readouterr().out
    assert "4 selections placed by counting UTF-16 code units" in out


def test_a_selection_fitting_no_reading_is_named_and_nothing_imported(tmp_path, capsys):
    with zipfile.ZipFile(FIXTURES / "qualcoder.qdpx") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["project.qde"] = members["project.qde"].replace(b'name="refused"', b'name="agreed"')
    bad = tmp_path / "edited.qdpx"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    db = tmp_path / "q.db"
    open_store(str(db), seed=True).close()
    before = db_bytes(db)
    assert main(["import", "--db", str(db), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: 1 selection cannot be placed on the text" in err
    assert "Sources/TextSource[1]/PlainTextSelection[6] [87:94] 'agreed' fits no reading" in err
    assert db_bytes(db) == before
    assert main(["import", "--skip-unplaceable", "--db", str(db), str(bad)]) == 0
    out = capsys.readouterr().out
    assert "6 annotation(s) added" in out
    assert "skipped Sources/TextSource[1]/PlainTextSelection[6] [87:94] 'agreed'" in out
    got = stored(db)
    names = named_selections(bad)
    assert len(got) == 6 and all(
        got[g][0] == n.replace("\u2029", "\n") for g, n in names.items() if g in got
    )


def test_names_that_are_not_quotes_leave_positions_as_they_are(tmp_path):
    src = (
        f'<TextSource guid="{G[2]}" name="t"><PlainTextContent>Hello 😀 world</PlainTextContent>'
        f"{selection(G[3], 8, 13, name='Interview passage 1')}</TextSource>"
    )
    back = import_one(make_qdpx(tmp_path / "n.qdpx", project(src)), tmp_path)
    assert [row[4] for row in back["Hello 😀 world"]] == ["world"]
