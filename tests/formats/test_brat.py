"""brat standoff: exported folders pass the brat validator and read back the same
annotations; folders made by brat are read, discontinuous spans split and reported;
malformed folders are refused with the file and line named and the database untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import AttributeSpec, Label, NewDocument
from annotator.formats import brat
from tests.formats.conftest import db_state

VALIDATOR = Path(__file__).resolve().parents[1] / "validators" / "validate_brat.py"


def validate(folder: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(VALIDATOR), str(folder)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout
    return done.stdout


def everything(db: Path) -> tuple[list[tuple], dict[str, list[tuple]]]:
    """Labels, and each document's annotations with their quotes, by the text's sha256."""
    store = open_store(str(db))
    try:
        labels = sorted(
            (lb.name, lb.color, lb.hotkey, lb.description, lb.attributes) for lb in store.labels()
        )
        out = {}
        for item in store.export_documents():
            text = item.document.text
            out[item.document.sha256] = sorted(
                (a.id, a.label, a.start, a.end, text[a.start : a.end], a.note, a.annotator, *rest)
                for a in item.annotations
                for rest in [(a.created_at, a.updated_at, a.attributes)]
            )
        return labels, out
    finally:
        store.close()


@pytest.fixture
def brat_db(rich_db):
    """rich_db with a label brat cannot name as it is, typed attributes, a span with a
    tab and one ending in a line break."""
    store = open_store(str(rich_db))
    specs = (
        AttributeSpec("kind of source", "choice", ("direct quote", "paraphrase")),
        AttributeSpec("count", "number"),
        AttributeSpec("speaker", "text"),
        AttributeSpec("verified", "boolean"),
    )
    store.add_labels([Label("direct quote | ÜBER", "#123456", None, "Said.", specs)])
    text = "Tab\there.\nSecond line 😀\n"
    doc = store.import_documents([NewDocument("Tabs/and: slashes", "t.txt", text)])[0].document
    a = store.add_annotation(doc.id, "direct quote | ÜBER", 0, 9, "dana", note=" spaced ")
    values = {"kind of source": "direct quote", "count": 2.5, "speaker": "A. B, C|D"}
    store.set_attributes(a, {**values, "verified": True})
    b = store.add_annotation(doc.id, "direct quote | ÜBER", 4, 10, "dana", note="")
    store.set_attributes(b, {"count": 2000, "speaker": "100%"})
    store.add_annotation(doc.id, "claim", 10, len(text), "eve")
    store.close()
    return rich_db


def test_export_validates_and_reads_back_the_same(brat_db, tmp_path, capsys):
    out = tmp_path / "brat"
    assert main(["export", "--db", str(brat_db), "--format", "brat", "-o", str(out)]) == 0
    assert "4 documents, " in validate(out)
    names = sorted(p.name for p in out.iterdir())
    assert "Tabs_and_slashes.txt" in names and "Emoji_CRLF.ann" in names
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    entities = conf.split("[entities]\n")[1].split("\n\n")[0].split("\n")
    assert "direct_quote_UBER" in entities and all(" " not in e for e in entities)
    assert "direct_quote_UBER | direct quote / ÜBER" in (out / "visual.conf").read_text()
    ann = (out / "Tabs_and_slashes.ann").read_text(encoding="utf-8")
    assert "T1\tdirect_quote_UBER 0 3;4 9\tTab here." in ann  # the tab breaks the span
    assert "T3\tclaim 10 23;24 24\tSecond line 😀 " in ann  # exact end after the LF
    assert "kind_of_source T1 direct%20quote" in ann

    fresh = tmp_path / "fresh.db"
    capsys.readouterr()
    assert main(["import", "--db", str(fresh), str(out)]) == 0  # recognised as brat
    assert "10 annotation(s) added" in capsys.readouterr().out
    before, after = everything(brat_db), everything(fresh)
    assert after == before  # labels exactly; ids, spans, quotes, notes, annotators, times
    # Read back again, or into the database it came from: nothing new, nothing in conflict.
    for db in (fresh, brat_db):
        assert main(["import", "--db", str(db), str(out)]) == 0
        assert "0 annotation(s) added, 10 skipped" in capsys.readouterr().out


def test_a_folder_made_with_brat(tmp_path, db_path, capsys):
    folder = tmp_path / "news"
    folder.mkdir()
    text = "\ufeffPolice said 2,000 😀\r\ncameras were installed.\r\n"
    (folder / "a.txt").write_bytes(text.encode("utf-8"))
    raw = text  # brat's offsets count the BOM and each CR
    stat = raw.index("2,000")
    cams = raw.index("cameras")
    (folder / "a.ann").write_text(
        f"T1\tStatistic {stat} {stat + 5}\t2,000\n"
        f"T2\tClaim {raw.index('Police')} {raw.index('Police') + 6};{cams} {cams + 7}"
        "\tPolice cameras\n"
        f"T3\tClaim {stat} {stat + 7};{stat + 9} {cams + 7}\t2,000 😀 cameras\n"
        "#1\tAnnotatorNotes T1\tround number\n"
        "A1\tNegated T2\n"
        "A2\tCertainty T1 High\n"
        "R1\tAbout Arg1:T2 Arg2:T1\n",
        encoding="utf-8",
        newline="",
    )
    (folder / "b.txt").write_text("No annotations here.\n", encoding="utf-8")
    (folder / "annotation.conf").write_text(
        "[entities]\nStatistic\nClaim\n[relations]\nAbout\tArg1:Claim, Arg2:Statistic\n"
        "[events]\n[attributes]\nNegated\tArg:<ENTITY>\nCertainty\tArg:Statistic, Value:Low|High\n",
        encoding="utf-8",
    )
    (folder / "visual.conf").write_text(
        "[labels]\nStatistic | Statistic (number)\n[drawing]\nClaim\tbgColor:#AA0000\n"
    )
    validate(folder)
    assert main(["import", "--db", str(db_path), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "2 document(s) created" in out
    assert "1 discontinuous annotation(s) read as 2 separate annotations" in out
    assert "1 relation(s)" in out
    store = open_store(str(db_path))
    labels = {lb.name: lb for lb in store.labels()}
    assert labels["Claim"].color == "#aa0000"
    assert labels["Statistic (number)"].attributes == (
        AttributeSpec("Negated", "boolean"),
        AttributeSpec("Certainty", "choice", ("Low", "High")),
    )
    doc = next(d for d in store.documents() if d.title == "a")
    stored = next(item for item in store.export_documents() if item.document.id == doc.id)
    text = stored.document.text
    assert text == "Police said 2,000 😀\ncameras were installed.\n"
    got = sorted(
        (a.label, text[a.start : a.end], a.note, a.annotator, a.attributes)
        for a in stored.annotations
    )
    store.close()
    assert got == [
        ("Claim", "2,000 😀\ncameras", None, "brat", ()),  # fragments across a line end
        ("Claim", "Police", None, "brat", (("Negated", True),)),
        ("Claim", "cameras", None, "brat", (("Negated", True),)),
        ("Statistic (number)", "2,000", "round number", "brat", (("Certainty", "High"),)),
    ]


def brat_folder(tmp_path: Path, ann: str, txt: bytes = b"Some text.\n") -> Path:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "doc.txt").write_bytes(txt)
    (folder / "doc.ann").write_bytes(ann.encode("utf-8", "surrogateescape"))
    return folder


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tClaim 0 40\tSome", "doc.ann: line 1: T1: fragment 0-40 is outside the text"),
        ("T1\tClaim 0 4\tsome", "doc.ann: line 1: T1: text 'some' but the .txt has 'Some'"),
        ("T1\tClaim 0 x\tSome", "doc.ann: line 1: T1: bad offsets '0 x'"),
        ("T1\tClaim 0 4\tSome\nT1\tClaim 0 4\tSome", "doc.ann: line 2: duplicate id T1"),
        ("T1\tClaim 0 4\tSome\n#1\tAnnotatorNotes T9\tx", "line 2: #1: refers to unknown id"),
        ("X1\tClaim 0 4\tSome", "doc.ann: line 1: not a brat annotation line"),
        ("T1\tClaim 0 4\tSome\n#1\tProvenance T1\t{", "line 2: Provenance comment: expected"),
        ("T1\tClaim 0 4\tSom\udcffe", "doc.ann: not valid UTF-8"),
    ],
)
def test_malformed_folders_change_nothing(rich_db, tmp_path, capsys, ann, message):
    folder = brat_folder(tmp_path, ann)
    before = db_state(rich_db)
    assert main(["import", "--db", str(rich_db), str(folder)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("annotator: error: ") and message in err and "\n" not in err
    assert db_state(rich_db) == before


def test_an_ann_without_its_text_and_a_bad_conf_are_named(rich_db, tmp_path, capsys):
    folder = brat_folder(tmp_path, "T1\tClaim 0 4\tSome\n")
    (folder / "lost.ann").write_text("")
    assert main(["import", "--db", str(rich_db), "--format", "brat", str(folder)]) == 1
    assert "lost.ann: no matching lost.txt" in capsys.readouterr().err
    (folder / "lost.ann").unlink()
    (folder / "annotation.conf").write_text('# annotator-label {"type": "Claim"}\n')
    assert main(["import", "--db", str(rich_db), str(folder)]) == 1
    assert "annotation.conf: line 1: annotator-label comment" in capsys.readouterr().err


def test_a_conf_linked_out_of_the_folder_is_skipped_and_reported(tmp_path, db_path, capsys):
    folder = brat_folder(tmp_path, "T1\tClaim 0 4\tSome")
    secret = tmp_path / "secret.conf"
    secret.write_text("[entities]\nSecret\n", encoding="utf-8")
    for name in ("annotation.conf", "visual.conf"):
        (folder / name).unlink(missing_ok=True)
        (folder / name).symlink_to(secret)
    assert main(["import", "--db", str(db_path), "--format", "brat", str(folder)]) == 0
    out = capsys.readouterr().out
    for name in ("annotation.conf", "visual.conf"):
        assert f"{folder / name}: a symbolic link to a file outside {folder} (skipped" in out
    store = open_store(str(db_path))
    assert "Secret" not in [label.name for label in store.labels()]
    doc = next(d for d in store.documents() if d.title == "doc")
    assert [a.label for a in store.annotations(doc.id)] == ["Claim"]
    store.close()


def test_names_are_safe_and_unique():
    assert brat.file_names(["a/b", "A\\b", "a b", "", "CON", "..", "市民"]) == [
        "a_b",
        "A_b-2",
        "a_b-3",
        "document",
        "CON_",
        "document-2",
        "document-3",
    ]
    assert brat.type_names(["claim", "claim type", "claim_type", "ANY"]) == {
        "claim": "claim",
        "claim type": "claim_type",
        "claim_type": "claim_type-2",
        "ANY": "ANY_",
    }
    text = "\nab\n\ncd\t"
    assert brat.fragments(text, 0, len(text)) == [(0, 0), (1, 3), (5, 7), (8, 8)]
    assert brat.fragments(text, 1, 3) == [(1, 3)]


def test_abstract_entity_types_are_not_labels(tmp_path):
    from annotator.formats.brat import read

    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text(
        "[entities]\n!Thing\n\tPerson\n\tPlace\n[relations]\n[events]\n[attributes]\n",
        encoding="utf-8",
    )
    (folder / "a.txt").write_text("Ann went to Rome.\n", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPerson 0 3\tAnn\nT2\tPlace 12 16\tRome\n", encoding="utf-8")
    aset = read(folder)
    assert sorted(label.name for label in aset.labels) == ["Person", "Place"]
