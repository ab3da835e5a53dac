"""REFI-QDA with QualCoder: what QualCoder reads (notes as a selection's Description, no
local paths) and what it writes (Qt positions beside code points, told apart by each
selection's name)."""

from __future__ import annotations

import zipfile

import pytest
from lxml import etree

from annotator.app_state import open_store
from annotator.cli import main
from annotator.core.model import NewDocument
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
