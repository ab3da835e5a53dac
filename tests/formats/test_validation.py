"""Every format checks what it reads by the window's rules (annotator.core.values), and
every hostile value ends in a message naming the file and the record."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.model import Annotation, AnnotationSet, Label, SetDocument
from annotator.core.set_errors import SetFormatError
from annotator.core.text import text_sha256
from annotator.core.values import MAX_INTEGER, ZIP_EPOCH
from annotator.formats import registry
from annotator.formats.annotation_set import parse_annotation_set, render_bytes
from annotator.formats.refi_qda import parse_qdpx
from annotator.formats.rendering import RenderOptions
from annotator.formats.tables import CSV_COLUMNS
from annotator.formats.w3c import parse as parse_w3c
from tests.formats.conftest import db_state

T = datetime(2026, 1, 31, 12, 0, 0)
TEXT = "The council says 2,000 cameras were installed."
READABLE = ("json", "w3c", "refi-qda", "doccano", "label-studio", "brat")


def a_set(
    *,
    label: str = "claim",
    annotator: str = "alice",
    note: str | None = None,
    text: str = TEXT,
    title: str = "Minutes",
) -> AnnotationSet:
    doc_id = "0b6f3a52-53f4-4c8e-9d5e-3f1f6c2a7d41"
    ann = Annotation(
        "5e0f2a1c-8b7d-4c3e-9a6f-1d2e3f4a5b6c", doc_id, label, 4, 11, note, annotator, T, T
    )
    document = SetDocument(doc_id, title, "minutes.txt", text_sha256(text), len(text), text, (ann,))
    return AnnotationSet((Label(label, "#0072b2"),), (document,), exported_at=T)


def written(tmp_path: Path, name: str, aset: AnnotationSet) -> Path:
    """``aset`` written in format ``name`` by Annotator's own writer (which checks
    nothing, so hostile values go through as they are)."""
    fmt = registry.get(name)
    texts = {doc.id: doc.text or "" for doc in aset.documents}
    data = fmt.render(aset, texts, RenderOptions())
    if isinstance(data, dict):
        folder = tmp_path / "brat"
        for relative, content in data.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_bytes(content)
        return folder
    path = tmp_path / f"set{fmt.suffix}"
    path.write_bytes(data)
    return path


def read_back(path: Path, name: str) -> AnnotationSet:
    if name == "json":
        return parse_annotation_set(path.read_bytes(), file=str(path))
    read = registry.get(name).read
    assert read is not None
    return read(path)


def refused(tmp_path: Path, name: str, aset: AnnotationSet, reason: str) -> str:
    path = written(tmp_path, name, aset)
    with pytest.raises(SetFormatError) as caught:
        read_back(path, name)
    message = str(caught.value)
    assert reason in message
    assert message.startswith(str(path)) or message.startswith(str(path.parent))
    return message


# -- labels, names, notes, texts, titles ---------------------------------------------


@pytest.mark.parametrize("name", READABLE)
def test_a_label_longer_than_the_window_allows_is_refused_in_every_format(tmp_path, name):
    refused(tmp_path, name, a_set(label="x" * 150), "is longer than 100 characters")


@pytest.mark.parametrize("name", [n for n in READABLE if n != "refi-qda"])
def test_a_label_with_a_control_character_is_refused_in_every_format(tmp_path, name):
    refused(tmp_path, name, a_set(label="bad\x07label"), "contains a control character")


def test_refi_qda_makes_a_code_name_one_line_as_it_always_did(tmp_path):
    aset = read_back(written(tmp_path, "refi-qda", a_set(label="two\nlines")), "refi-qda")
    assert [label.name for label in aset.labels] == ["two lines"]


def test_brat_refuses_a_label_with_a_control_character_from_visual_conf(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_text("Some text.", "utf-8")
    (folder / "a.ann").write_text("T1\tPER 0 4\tSome\n", "utf-8")
    (folder / "visual.conf").write_text("[labels]\nPER | Per\x01son\n", "utf-8")
    with pytest.raises(SetFormatError, match="contains a control character"):
        read_back(folder, "brat")


def test_brat_names_the_ann_line_of_a_type_no_conf_declares(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "a.txt").write_text("Some text.", "utf-8")
    (folder / "a.ann").write_text("T1\tPER 0 4\tSome\nT2\t" + "s" * 150 + " 5 9\ttext\n", "utf-8")
    with pytest.raises(SetFormatError) as caught:
        read_back(folder, "brat")
    assert str(caught.value).startswith(f"{folder / 'a.ann'}: line 2: T2: label 'sss")
    assert "is longer than 100 characters" in str(caught.value)


@pytest.mark.parametrize("name", ["json", "w3c", "brat", "label-studio"])
def test_an_annotator_name_with_a_line_break_is_refused(tmp_path, name):
    message = refused(tmp_path, name, a_set(annotator="al\nice"), "contains a control character")
    assert "annotation" in message  # the record is named


def test_an_annotator_name_too_long_is_refused_naming_the_record(tmp_path):
    message = refused(tmp_path, "json", a_set(annotator="a" * 101), "longer than 100 characters")
    assert "documents[0].annotations[0].annotator" in message


@pytest.mark.parametrize("name", ["json", "w3c", "brat", "doccano", "label-studio"])
def test_a_note_with_a_control_character_is_refused(tmp_path, name):
    refused(tmp_path, name, a_set(note="see\x01here"), "control character U+0001")


def test_notes_keep_line_breaks_and_tabs(tmp_path):
    aset = read_back(written(tmp_path, "json", a_set(note="one\n\ttwo")), "json")
    assert aset.documents[0].annotations[0].note == "one\n\ttwo"


@pytest.mark.parametrize("name", ["json", "doccano", "label-studio", "brat"])
def test_a_text_holding_nul_is_refused_as_binary(tmp_path, name):
    text = TEXT + "\x00tail"
    refused(tmp_path, name, a_set(text=text), f"NUL character at offset {len(TEXT)}")


def test_a_title_on_several_lines_is_made_one_line(tmp_path):
    aset = read_back(written(tmp_path, "json", a_set(title="Minutes\r\n of\tMay ")), "json")
    assert aset.documents[0].title == "Minutes of May"


def test_a_title_of_nothing_but_line_breaks_is_refused(tmp_path):
    message = refused(tmp_path, "json", a_set(title="\n\n"), "the title is empty")
    assert "documents[0].title" in message


# -- integers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("version", 2**63, f"more than {MAX_INTEGER:,}"),
        ("version", 2**31, f"more than {MAX_INTEGER:,}"),
        ("version", 0, "is not 1 or more"),
        ("length", 2**63, f"more than {MAX_INTEGER:,}"),
    ],
)
def test_integers_beyond_the_database_columns_are_refused(tmp_path, capsys, field, value, reason):
    aset = a_set()
    document = replace(aset.documents[0], text=None, annotations=(), version=1, previous_id="p")
    data = render_bytes(replace(aset, documents=(document,)))
    data = re.sub(rb'"%s": [0-9]+' % field.encode(), b'"%s": %d' % (field.encode(), value), data)
    path = tmp_path / "big.json"
    path.write_bytes(data)
    db = tmp_path / "x.db"
    assert main(["import", "--db", str(db), str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: documents[0].{field}: " in err and reason in err
    assert "Traceback" not in err


# -- dates ---------------------------------------------------------------------------

EDGES = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]


@pytest.mark.parametrize("moment", EDGES)
def test_w3c_times_beyond_the_calendar_are_refused_naming_the_field(tmp_path, moment):
    path = written(tmp_path, "w3c", a_set())
    data = path.read_text("utf-8").replace('"2026-01-31T12:00:00.000Z"', f'"{moment}"', 1)
    with pytest.raises(SetFormatError) as caught:
        parse_w3c(data.encode(), file="w.jsonld")
    assert "w.jsonld: " in str(caught.value) and "created" in str(caught.value)
    assert "outside the times this program holds" in str(caught.value)


@pytest.mark.parametrize("moment", [*EDGES, "0000-01-01T00:00:00", "99999-01-01T00:00:00"])
def test_refi_qda_times_beyond_the_calendar_are_refused_naming_the_field(tmp_path, moment):
    members = _members(written(tmp_path, "refi-qda", a_set()).read_bytes())
    qde = members["project.qde"].decode()
    members["project.qde"] = re.sub(
        r'creationDateTime="[^"]*"', f'creationDateTime="{moment}"', qde
    ).encode()
    with pytest.raises(SetFormatError) as caught:
        parse_qdpx(_zip(members), file="p.qdpx")
    assert re.match(r"p\.qdpx: project\.qde [^:]*@creationDateTime: ", str(caught.value))


def test_a_qdpx_whose_members_are_dated_zero_is_read(tmp_path):
    members = _members(written(tmp_path, "refi-qda", a_set()).read_bytes())
    qde = re.sub(r' (creation|modified)DateTime="[^"]*"', "", members["project.qde"].decode())
    members["project.qde"] = qde.encode()
    aset = parse_qdpx(_zip(members, date_time=(1980, 0, 0, 0, 0, 0)), file="p.qdpx")
    assert aset.exported_at == ZIP_EPOCH
    assert aset.documents[0].annotations[0].created_at == ZIP_EPOCH


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(members: dict[str, bytes], date_time: tuple[int, ...] = (2026, 1, 31, 12, 0, 0)) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=date_time), data)  # type: ignore[arg-type]
    return out.getvalue()


def test_label_studio_times_beyond_the_calendar_fall_back_to_the_files(tmp_path):
    path = written(tmp_path, "label-studio", a_set())
    text = path.read_text("utf-8")
    path.write_text(re.sub(r'"created_at": "[^"]*"', f'"created_at": "{EDGES[0]}"', text), "utf-8")
    aset = read_back(path, "label-studio")
    assert aset.documents[0].annotations[0].created_at.year == datetime.now().year


# -- deep JSON in brat comments ------------------------------------------------------


def test_deep_json_in_a_brat_label_comment_is_refused(tmp_path):
    folder = written(tmp_path, "brat", a_set())
    conf = folder / "annotation.conf"
    deep = "[" * 100_000 + "]" * 100_000
    conf.write_text(f"# annotator-label {deep}\n" + conf.read_text("utf-8"), "utf-8")
    with pytest.raises(SetFormatError) as caught:
        read_back(folder, "brat")
    assert f"{conf}: line 1: annotator-label comment: " in str(caught.value)
    assert "nested too deeply" in str(caught.value)


def test_deep_json_in_a_brat_provenance_comment_is_refused(tmp_path):
    folder = written(tmp_path, "brat", a_set())
    [ann] = folder.glob("*.ann")
    deep = "{" + '"a":{' * 100_000 + "}" * 100_001
    lines = ann.read_text("utf-8").splitlines()
    lines = [re.sub(r"(Provenance T1)\t.*", rf"\1\t{deep}", line) for line in lines]
    ann.write_text("\n".join(lines) + "\n", "utf-8")
    with pytest.raises(SetFormatError, match="Provenance comment: expected JSON"):
        read_back(folder, "brat")


# -- export over a row that is not what its column says ------------------------------


def _garbage_date(db: Path) -> str:
    text_file = db.parent / "doc.txt"
    text_file.write_text(TEXT, "utf-8")
    assert main(["import", "--db", str(db), str(text_file)]) == 0
    from annotator.store import Store

    store = Store.open(str(db))
    try:
        ann = store.add_annotation(store.documents()[0].id, "claim", 0, 3, "alice")
    finally:
        store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE annotations SET created_at = 'garbage'")
    return ann.id


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_over_a_date_that_is_not_one_names_the_row_and_column(tmp_path, capsys, fmt):
    db = tmp_path / "x.db"
    ann_id = _garbage_date(db)
    before = db_state(db)
    out = tmp_path / "out"
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"annotations row {ann_id!r}, column created_at holds 'garbage'" in err
    assert "Traceback" not in err and not out.exists()
    assert db_state(db) == before


# -- CSV for Excel -------------------------------------------------------------------

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(1)", "\tcalc", "\rcalc"]


def _csv(aset: AnnotationSet, *, excel: bool) -> str:
    return registry.get("csv").render(aset, {}, RenderOptions(excel=excel)).decode("utf-8")


@pytest.mark.parametrize("cell", HOSTILE)
def test_excel_csv_neutralises_formulas_plain_csv_keeps_them(cell):
    aset = a_set(note=cell, annotator="x" + cell.strip(), title=cell.strip() or "t")
    [_head, excel] = list(csv.reader(io.StringIO(_csv(aset, excel=True), newline="")))
    [_head, plain] = list(csv.reader(io.StringIO(_csv(aset, excel=False), newline="")))
    note = CSV_COLUMNS.index("note")
    assert excel[note] == "'" + cell and plain[note] == cell
    title = CSV_COLUMNS.index("document_title")
    assert excel[title] == "'" + plain[title] or not plain[title].startswith(("=", "+", "-", "@"))


def test_excel_csv_keeps_plain_numbers_as_numbers():
    aset = a_set(note="-3.5")
    assert ",-3.5," in _csv(aset, excel=True)
    assert "'-3.5" not in _csv(aset, excel=True)
