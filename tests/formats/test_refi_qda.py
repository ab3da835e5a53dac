"""REFI-QDA projects (.qdpx): exports pass the standard's schema, come back into an empty
database unchanged, and what ATLAS.ti, NVivo, MAXQDA and QualCoder write is read."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.formats import refi_qda, registry
from tests.formats.conftest import db_bytes

VALIDATOR = Path(__file__).resolve().parents[1] / "validators" / "validate_qdpx.py"
NS = "urn:QDA-XML:project:1.0"
G = [f"00000000-0000-4000-8000-{i:012d}" for i in range(40)]  # GUIDs for hand-made projects


def contents(db):
    """Every annotation as the round trip must keep it, by document text."""
    store = open_store(str(db))
    try:
        out = {}
        for summary in store.documents():
            doc = store.document(summary.id)
            out[doc.text] = sorted(
                (a.id, a.label, a.start, a.end, doc.text[a.start : a.end], a.note, a.annotator)
                for a in store.annotations(doc.id)
            )
        return out
    finally:
        store.close()


def make_qdpx(path, project, files=(), *, qde="project.qde"):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde, project)
        for name, data in dict(files).items():
            archive.writestr(name, data)
    return path


def project(sources, *, codes=None, notes="", origin="Test", users=""):
    codes = codes or f'<Code guid="{G[1]}" name="claim" isCodable="true" color="#112233"/>'
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="{NS}" name="p" '
        f'origin="{origin}">{users}<CodeBook><Codes>{codes}</Codes></CodeBook>'
        f"<Sources>{sources}</Sources>{notes}</Project>"
    ).encode()


def selection(guid, start, end, code=G[1], name=None, inner=""):
    named = f' name="{name}"' if name is not None else ""
    return (
        f'<PlainTextSelection guid="{guid}" startPosition="{start}" endPosition="{end}"{named}>'
        f'{inner}<Coding guid="{guid[:-4]}9999"><CodeRef targetGUID="{code}"/></Coding>'
        "</PlainTextSelection>"
    )


def import_one(path, tmp_path, db_name="fresh.db"):
    db = tmp_path / db_name
    assert main(["import", "--db", str(db), str(path)]) == 0
    return contents(db)


def test_export_validates_and_comes_back_the_same(rich_db, tmp_path, capsys):
    out = tmp_path / "project.qdpx"
    assert main(["export", "--db", str(rich_db), "--format", "refi-qda", "-o", str(out)]) == 0
    run = subprocess.run(
        [sys.executable, str(VALIDATOR), str(out)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "7 selections checked, 0 failures" in run.stdout
    with zipfile.ZipFile(out) as archive:  # texts as the app stores them: LF, UTF-8
        assert all(
            b"\r" not in archive.read(n) for n in archive.namelist() if n.startswith("sources/")
        )
    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(out)]) == 0  # recognised by its suffix
    before = contents(rich_db)
    assert contents(fresh) == before
    assert any("😀" in quote for anns in before.values() for *_, quote, _n, _a in anns)
    # Importing again changes nothing; the export is deterministic.
    assert main(["import", "--db", str(fresh), str(out)]) == 0
    assert "0 annotation(s) added, 7 skipped" in capsys.readouterr().out
    store = open_store(str(rich_db))
    labels = {label.name: label.color for label in store.labels()}
    store.close()
    store = open_store(str(fresh))
    assert {label.name: label.color for label in store.labels()} == labels
    store.close()


def test_exports_are_the_same_bytes_for_the_same_set(rich_db):
    from datetime import datetime

    from annotator.app.exports import ExportOptions, export

    store = open_store(str(rich_db))
    try:
        first, second = (
            export(store, ExportOptions(format="refi-qda"), now=datetime(2026, 2, 1)).data
            for _ in "ab"
        )
    finally:
        store.close()
    assert isinstance(first, bytes) and first == second


CRLF_TEXT = "Head\r\nThe police said 2,000 😀 cameras.\r\nNo reply.\r\n"
LF_TEXT = CRLF_TEXT.replace("\r\n", "\n")
QUOTES = ("2,000 😀", "No reply")


@pytest.mark.parametrize(
    ("counting", "origin", "named"),
    [
        ("two", "NVivo 14", False),  # the file's code points: the standard's reading
        ("two", "MAXQDA 2022", True),
        ("one", "ATLAS.ti 23", False),  # ATLAS.ti counts a CRLF as one
        ("one", "QDA tool", True),  # names that start the quote decide
    ],
)
def test_crlf_sources_count_line_ends_as_two_or_one(tmp_path, counting, origin, named):
    counted = CRLF_TEXT if counting == "two" else LF_TEXT
    spans = [(counted.index(q), counted.index(q) + len(q)) for q in QUOTES]
    sels = "".join(
        selection(G[10 + i], start, end, name=QUOTES[i] if named else None)
        for i, (start, end) in enumerate(spans)
    )
    path = make_qdpx(
        tmp_path / "crlf.qdpx",
        project(
            f'<TextSource guid="{G[2]}" name="crlf" plainTextPath="internal://{G[2]}.txt">'
            f"{sels}</TextSource>",
            origin=origin,
        ),
        {f"sources/{G[2]}.txt": ("\ufeff" + CRLF_TEXT).encode()},
    )
    [(text, anns)] = import_one(path, tmp_path).items()
    assert text == LF_TEXT
    assert [quote for _id, _l, _s, _e, quote, _n, _a in anns] == list(QUOTES)


def test_a_position_inside_a_crlf_rules_out_counting_two(tmp_path):
    text = "ab\r\ncd\r\n"
    # Under "two", 3 would split the first CRLF: so these count a CRLF as one (c..d).
    path = make_qdpx(
        tmp_path / "p.qdpx",
        project(
            f'<TextSource guid="{G[2]}" plainTextPath="internal://t.txt">'
            f"{selection(G[10], 3, 5)}</TextSource>",
            origin="NVivo",
        ),
        {"sources/t.txt": text.encode()},
    )
    [(_text, [ann])] = import_one(path, tmp_path).items()
    assert ann[4] == "cd"


def test_what_the_qda_programs_write_is_read(tmp_path):
    """Inline text, Sources/ capitalised, GUIDs in braces and capitals, codes nested and
    without colours, notes as Description, NoteRef on the selection and on the coding,
    two codings on one selection, an uncoded selection, users by name or not at all."""
    inline = "Inline text with a claim & a count."
    filed = "Filed text 市民 with a claim."
    codes = (
        f'<Code guid="{{{G[1].upper()}}}" name="Topics" isCodable="false">'
        f'<Code guid="{G[3]}" name="claim" isCodable="true"/>'
        f'<Code guid="{G[4]}" name="count" isCodable="true" color="#AbC">'
        f'<Code guid="{G[5]}" name="claim" isCodable="true"/></Code></Code>'
    )
    users = f'<Users><User guid="{G[20]}" name="Ana"/><User guid="{G[21]}"/></Users>'
    notes = (
        f'<Notes><Note guid="{G[30]}"><PlainTextContent>memo one</PlainTextContent></Note>'
        f'<Note guid="{G[31]}" plainTextPath="internal://n.txt"/></Notes>'
    )
    claim_at = inline.index("a claim")
    two_codes = (
        f'<PlainTextSelection guid="{G[11]}" startPosition="{claim_at}" '
        f'endPosition="{claim_at + 7}" creatingUser="{G[21]}">'
        f'<Description>said in passing</Description><NoteRef targetGUID="{G[30]}"/>'
        f'<Coding guid="{G[12]}" creatingUser="{{{G[20].upper()}}}" '
        f'creationDateTime="2021-01-15T23:37:54+01:00"><CodeRef targetGUID="{G[3]}"/>'
        f'<NoteRef targetGUID="{G[31]}"/></Coding>'
        f'<Coding guid="{G[13]}"><CodeRef targetGUID="{G[5]}"/></Coding>'
        "</PlainTextSelection>"
    )
    uncoded = f'<PlainTextSelection guid="{G[14]}" startPosition="0" endPosition="6"/>'
    count_at = inline.index("a count")
    sources = (
        f'<TextSource guid="{G[6]}" name="Inline"><PlainTextContent>{inline.replace("&", "&amp;")}'
        f"</PlainTextContent>{two_codes}{uncoded}"
        f"{selection(G[15], count_at, count_at + 7, code=G[4])}</TextSource>"
        f'<TextSource guid="{G[7]}" name="Filed" plainTextPath="internal://f.txt">'
        f"{selection(G[16], filed.index('市'), filed.index('市') + 2)}</TextSource>"
    )
    path = make_qdpx(
        tmp_path / "tools.qdpx",
        project(sources, codes=codes, notes=notes, users=users),
        {"Sources/f.txt": filed.encode(), "Sources/n.txt": b"memo\r\ntwo"},
    )
    got = import_one(path, tmp_path)
    # Two codes named "claim": each label is named by its path.
    assert sorted((a[1], a[4], a[5], a[6]) for a in got[inline]) == [
        ("Topics / claim", "a claim", "said in passing\n\nmemo one\n\nmemo\ntwo", "Ana"),
        ("Topics / count / claim", "a claim", "said in passing\n\nmemo one", f"user {G[21][:8]}"),
        ("count", "a count", None, "unknown"),
    ]
    assert [a[4] for a in got[filed]] == ["市民"]
    store = open_store(str(tmp_path / "fresh.db"))
    labels = {label.name: label for label in store.labels()}
    store.close()
    assert labels["count"].color == "#aabbcc"
    assert "Nested under Topics / count" in labels["Topics / count / claim"].description
    assert "Topics" in labels  # a code that groups others is a label like any other


BAD_CASES = {
    "not a zip": (lambda p: p.write_bytes(b"not a zip at all"), "not a zip archive"),
    "no project": (
        lambda p: make_qdpx(p, b"x", qde="sources/x.txt"),
        "no project.qde inside",
    ),
    "bad xml": (lambda p: make_qdpx(p, b"<Project"), "not well-formed XML"),
    "doctype": (
        lambda p: make_qdpx(
            p,
            b'<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">]><Project xmlns="'
            + NS.encode()
            + b'" name="p">&a;</Project>',
        ),
        "project.qde declares XML entities",
    ),
    "dtd": (
        lambda p: make_qdpx(
            p,
            b'<!DOCTYPE Project SYSTEM "http://example.invalid/p.dtd"><Project xmlns="'
            + NS.encode()
            + b'" name="p"/>',
        ),
        "project.qde declares a DTD",
    ),
    "wrong root": (lambda p: make_qdpx(p, b"<html/>"), "not a REFI-QDA project"),
    "missing text file": (
        lambda p: make_qdpx(
            p, project(f'<TextSource guid="{G[2]}" plainTextPath="internal://gone.txt"/>')
        ),
        "'internal://gone.txt': no such file in the archive",
    ),
    "end past text": (
        lambda p: make_qdpx(
            p,
            project(
                f'<TextSource guid="{G[2]}"><PlainTextContent>short</PlainTextContent>'
                f"{selection(G[10], 1, 9)}</TextSource>"
            ),
        ),
        "Sources/TextSource[1]/PlainTextSelection[1] [1:9] (no name to check) fits no reading",
    ),
    "start after end": (
        lambda p: make_qdpx(
            p,
            project(
                f'<TextSource guid="{G[2]}"><PlainTextContent>short</PlainTextContent>'
                f"{selection(G[10], 3, 2)}</TextSource>"
            ),
        ),
        "need 0 <= start < end",
    ),
    "empty selection": (
        lambda p: make_qdpx(
            p,
            project(
                f'<TextSource guid="{G[2]}"><PlainTextContent>short</PlainTextContent>'
                f"{selection(G[10], 2, 2)}</TextSource>"
            ),
        ),
        "a selection holds at least one character",
    ),
    "not a number": (
        lambda p: make_qdpx(
            p,
            project(
                f'<TextSource guid="{G[2]}"><PlainTextContent>short</PlainTextContent>'
                f"{selection(G[10], 'x', 2)}</TextSource>"
            ),
        ),
        "@startPosition: 'x' is not a whole number",
    ),
    "dangling code": (
        lambda p: make_qdpx(
            p,
            project(
                f'<TextSource guid="{G[2]}"><PlainTextContent>short</PlainTextContent>'
                f"{selection(G[10], 0, 2, code=G[9])}</TextSource>"
            ),
        ),
        "CodeRef/@targetGUID: names no Code",
    ),
    "not utf-8": (
        lambda p: make_qdpx(
            p,
            project(f'<TextSource guid="{G[2]}" plainTextPath="internal://t.txt"/>'),
            {"sources/t.txt": b"caf\xe9"},
        ),
        "sources/t.txt: not valid UTF-8: byte 0xe9",
    ),
    "zip bomb": (
        lambda p: make_qdpx(p, project(""), {"sources/big.txt": b"a" * 2_000_000}),
        "would unpack",
    ),
}


@pytest.mark.parametrize("case", BAD_CASES)
def test_malformed_projects_change_nothing_and_say_why(rich_db, tmp_path, capsys, case):
    make, message = BAD_CASES[case]
    bad = tmp_path / "bad.qdpx"
    make(bad)
    good = tmp_path / "good.qdpx"
    assert main(["export", "--db", str(rich_db), "--format", "refi-qda", "-o", str(good)]) == 0
    text_doc = tmp_path / "also.txt"
    text_doc.write_text("A document imported in the same command.", encoding="utf-8")
    before = db_bytes(rich_db)
    capsys.readouterr()
    code = main(["import", "--db", str(rich_db), str(text_doc), str(good), str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{bad}: " in err and message in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert db_bytes(rich_db) == before


def test_the_registry_lists_it(tmp_path):
    fmt = registry.get("refi-qda")
    assert (fmt.suffix, fmt.read, fmt.recognises) == (".qdpx", refi_qda.read, refi_qda.recognises)
    (tmp_path / "x.QDPX").write_bytes(b"")
    assert registry.recognise(tmp_path / "x.QDPX") is fmt
    assert registry.recognise(tmp_path) is not fmt


def test_names_keep_their_inner_spaces_through_a_project(tmp_path):
    from annotator.formats.refi_qda import _clean

    assert _clean("  Child  code\u00a0x ") == "Child  code\u00a0x"  # as the user wrote it
    assert _clean("line\u2028break\ttab") == "line break tab"  # names stay on one line
