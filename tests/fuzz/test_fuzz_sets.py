"""Annotation sets and label schemes edited at random, as JSON and as bytes: they are
read, or refused with one line naming the file; a refused import changes nothing."""

from __future__ import annotations

import contextlib
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli import main
from annotator.core.set_errors import SetFormatError
from annotator.formats.annotation_set import parse_annotation_set
from annotator.formats.scheme import parse_scheme
from tests.formats.conftest import db_bytes
from tests.fuzz.samples import FUZZ, dump_json, json_edit, mutated, with_duplicate_key
from tests.helpers import check_export

_bases: dict[tuple[str, bool], bytes] = {}


def base_set(db, with_text: bool) -> bytes:
    """The rich database exported (with or without texts), one export per database."""
    key = (str(db), with_text)
    if key not in _bases:
        out = db.with_name(f"base-{with_text}.json")
        extra = [] if with_text else ["--no-text"]
        assert main(["export", "--db", str(db), "-o", str(out), *extra]) == 0
        _bases[key] = out.read_bytes()
    return _bases[key]


@st.composite
def edited(draw, data: bytes) -> bytes:
    """``data`` (JSON) changed: values, keys and items edited as JSON, then written with
    escapes, as UTF-8 or with raw surrogate bytes; sometimes a key twice, sometimes
    damaged as bytes."""
    value = json.loads(data)
    for _ in range(draw(st.integers(1, 3))):
        value = draw(json_edit(value))
    out = dump_json(value, draw(st.sampled_from(["ascii", "utf8", "utf8", "raw"])))
    if draw(st.integers(0, 4)) == 0:
        key = draw(st.sampled_from([b"id", b"start", b"label", b"format", b"text", b"name"]))
        out = with_duplicate_key(out, key, draw(st.sampled_from([b'"x"', b"-1", b"null", b"[]"])))
    if draw(st.integers(0, 4)) == 0:
        out = draw(mutated(out))
    return out


def check_refusal(exc: SetFormatError, file: str) -> None:
    message = str(exc)
    assert message.startswith(f"{file}: ") and exc.problem, message
    assert "\n" not in message and len(message) < len(file) + 1400, message
    message.encode("utf-8")  # printable in a terminal and a dialog: no lone surrogate


@settings(FUZZ, max_examples=300)
@given(data=st.data())
def test_edited_sets_are_read_or_refused_in_one_line(rich_db, data):
    source = data.draw(edited(base_set(rich_db, data.draw(st.booleans()))))
    try:
        parse_annotation_set(source, file="team.json")
    except SetFormatError as exc:
        check_refusal(exc, "team.json")


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_a_refused_set_leaves_the_database_as_it_was(rich_db, data):
    """Through the command line into the real database: either the set merges and the
    database still exports a valid set, or nothing at all changes."""
    bad = rich_db.with_name("edited.json")
    bad.write_bytes(data.draw(edited(base_set(rich_db, data.draw(st.booleans())))))
    before = db_bytes(rich_db)
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["import", "--db", str(rich_db), str(bad)])
    if code == 0:
        exported = rich_db.with_name("after.json")
        assert main(["export", "--db", str(rich_db), "-o", str(exported)]) == 0
        check_export(exported.read_bytes())
        return
    assert code == 1
    message = err.getvalue()
    assert message.startswith(f"annotator: error: {bad}: "), message
    assert message.count("\n") == 1 and "Traceback" not in message, message
    assert db_bytes(rich_db) == before


@settings(FUZZ, max_examples=200)
@given(data=st.data())
def test_edited_schemes_are_read_or_refused_in_one_line(rich_db, data):
    scheme = json.loads(base_set(rich_db, False))
    scheme = {"format": "annotator-label-scheme", "format_version": 1, "labels": scheme["labels"]}
    source = data.draw(edited(json.dumps(scheme).encode()))
    try:
        labels = parse_scheme(source, file="scheme.json")
    except SetFormatError as exc:
        check_refusal(exc, "scheme.json")
        return
    for label in labels:
        label.name.encode("utf-8")
