"""Random damage to every kind of document: it imports, or it is refused with one line
naming the file, and a refused import leaves the database exactly as it was."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.core.importers import MAX_TEXT, DocumentReadError, read_document
from annotator.core.text import text_sha256
from tests.formats.conftest import db_bytes
from tests.fuzz.samples import ARCHIVES, FUZZ, SAMPLES, mutated, mutated_archive


def damaged(name: str) -> st.SearchStrategy[bytes]:
    data = SAMPLES[name]
    return mutated_archive(data) if name in ARCHIVES else mutated(data)


def check_read(path) -> None:
    """Reading either gives a document that SQLite and JSON can hold, or refuses with one
    line that starts with the file's name."""
    try:
        doc = read_document(path)
    except DocumentReadError as exc:
        message = str(exc)
        assert message.startswith(f"{path}: ") and len(message) > len(f"{path}: "), message
        assert "\n" not in message and "Traceback" not in message, message
        return
    for value in (doc.text, doc.title, doc.author or "", doc.source, doc.original_name or ""):
        value.encode("utf-8")  # no lone surrogates
    text_sha256(doc.text)
    assert doc.text.replace("\ufeff", "").strip() and len(doc.text) <= MAX_TEXT
    assert "\r" not in doc.text


@pytest.mark.parametrize("name", sorted(SAMPLES))
@settings(FUZZ, max_examples=120)
@given(data=st.data())
def test_damaged_documents_import_or_are_refused_in_one_line(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data.draw(damaged(name)))
    check_read(path)


@pytest.mark.parametrize("name", sorted(SAMPLES))
@settings(FUZZ, max_examples=20)
@given(data=st.data())
def test_a_refused_document_leaves_the_database_as_it_was(tmp_path, name, data):
    """Through the command line into a real database: one good and one damaged file,
    all or nothing."""
    db = tmp_path / "fuzz.db"
    if not db.exists():
        good = tmp_path / "first.txt"
        good.write_text("A document already there.", encoding="utf-8")
        assert main(["import", "--db", str(db), str(good)]) == 0
    other = tmp_path / "other.txt"
    other.write_text(f"Another good one, {data.draw(st.integers(0, 10**9))}.", encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(data.draw(damaged(name)))
    before = db_bytes(db)
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["import", "--db", str(db), str(other), str(bad)])
    if code == 0:
        assert (
            out.getvalue().count(": imported as") + out.getvalue().count(": already imported") == 2
        )
        return
    assert code == 1
    message = err.getvalue()
    assert message.startswith(f"annotator: error: {bad}: "), message
    assert message.count("\n") == 1 and "Traceback" not in message, message
    assert db_bytes(db) == before
