"""Every importer's parser fed damaged input for a fixed budget: it returns a result or
raises its format's own error (SetFormatError, DocumentReadError, ExtractError,
DecodeError), never anything else. Sets and schemes: test_fuzz_sets.py; whole
documents through read_document: test_fuzz_documents.py."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.decoding import DecodeError, decode_bytes
from annotator.core.html_text import html_to_text
from annotator.core.importers import DocumentReadError, read_document
from annotator.core.model import AnnotationSet
from annotator.core.office import ExtractError, docx_text, odt_text
from annotator.core.set_errors import SetFormatError
from annotator.formats import brat, doccano, label_studio, refi_qda, w3c
from tests.fuzz.samples import (
    DOCX,
    FUZZ,
    ODT_MEMBERS,
    SAMPLES,
    dump_json,
    json_edit,
    members_of,
    mutated,
    zip_of,
)
from tests.hostile.base import write_base

READ_ERRORS = (SetFormatError, DocumentReadError)
_base: list[Path] = []


@pytest.fixture
def base(tmp_path_factory) -> Path:
    """The battery's base samples (an export in every format), made once per session
    under the test's isolated HOME."""
    if not _base:
        folder = tmp_path_factory.mktemp("fuzz-base") / "base"
        folder.mkdir()
        write_base(folder)
        _base.append(folder)
    return _base[0]


def read_or_refuse(read, *args, errors=READ_ERRORS, **kwargs) -> object | None:
    """``read(*args)``'s result, or None when it raised one of ``errors`` with a
    message that fits on one line."""
    try:
        return read(*args, **kwargs)
    except errors as exc:
        message = str(exc)
        assert message and "Traceback" not in message, message
        message.encode("utf-8")  # printable: no lone surrogates
        return None


@st.composite
def edited_json(draw, data: bytes) -> bytes:
    """``data`` (JSON) with one to three values, keys or items changed, written in one of
    the ways :func:`dump_json` knows; sometimes damaged as bytes too."""
    value = json.loads(data)
    for _ in range(draw(st.integers(1, 3))):
        value = draw(json_edit(value))
    out = dump_json(value, draw(st.sampled_from(["ascii", "utf8", "raw"])))
    return draw(mutated(out)) if draw(st.integers(0, 4)) == 0 else out


# -- brat ----------------------------------------------------------------------------


@settings(FUZZ, max_examples=80)
@given(data=st.data())
def test_brat_ann_and_conf_files(base, tmp_path, data):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for path in (base / "brat").iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    name = data.draw(st.sampled_from(["Cameras.ann", "Plain.ann", "annotation.conf"]))
    (folder / name).write_bytes(data.draw(mutated((folder / name).read_bytes())))
    result = read_or_refuse(brat.read, folder)
    assert result is None or isinstance(result, AnnotationSet)


# -- REFI-QDA ------------------------------------------------------------------------


@settings(FUZZ, max_examples=80)
@given(data=st.data())
def test_refi_qda_project_xml(base, data):
    members = members_of((base / "project.qdpx").read_bytes())
    members["project.qde"] = data.draw(mutated(members["project.qde"]))
    result = read_or_refuse(refi_qda.parse_qdpx, zip_of(members), file="p.qdpx")
    assert result is None or isinstance(result, AnnotationSet)


# -- W3C, doccano, Label Studio (their task files) ------------------------------------


@settings(FUZZ, max_examples=120)
@given(data=st.data())
def test_w3c_collections(base, data):
    source = data.draw(edited_json((base / "w3c.jsonld").read_bytes()))
    result = read_or_refuse(w3c.parse, source, file="a.jsonld")
    assert result is None or isinstance(result, AnnotationSet)


@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_doccano_lines(base, tmp_path, data):
    lines = (base / "doccano.jsonl").read_bytes().splitlines()
    at = data.draw(st.integers(0, len(lines) - 1))
    lines[at] = data.draw(edited_json(lines[at]))
    path = tmp_path / "d.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = read_or_refuse(doccano.read, path)
    assert result is None or isinstance(result, AnnotationSet)


@settings(FUZZ, max_examples=100)
@given(data=st.data())
def test_label_studio_tasks(base, tmp_path, data):
    path = tmp_path / "ls.json"
    path.write_bytes(data.draw(edited_json((base / "label-studio.json").read_bytes())))
    result = read_or_refuse(label_studio.read, path)
    assert result is None or isinstance(result, AnnotationSet)


# -- HTML, office XML, text decoding ---------------------------------------------------

HTML_PIECES = [
    "<p>", "</p>", "<!--", "-->", "</a", "<a href='x'>", "<![CDATA[", "]]>", "<br>", "<li>",
    "<script>", "</script>", "<style>", "<title>", "</title>", "<h1>", "<table><tr><td>",
    "<pre>", "&amp;", "&#0;", "&#xD800;", "&#x110000;", "&nbsp", "<!DOCTYPE html [",
    "<!ENTITY x 'y'>", "]>", "&x;", "<?xml version='1.0'?>", "\x00", "\r", "text ", "😀",
    "<div hidden>", "<meta charset='undefined'>", "<", ">", "'", '"', "=",
]  # fmt: skip


@settings(FUZZ, max_examples=200)
@given(pieces=st.lists(st.sampled_from(HTML_PIECES) | st.text(max_size=6), max_size=60))
def test_html_text_extraction(pieces):
    result = read_or_refuse(html_to_text, "".join(pieces), errors=(ExtractError,))
    if result is not None:
        title, text = result
        assert isinstance(title, str) and isinstance(text, str)


CODEC_NAMES = ["utf-8", "undefined", "punycode", "unicode_escape", "utf-7", "rot13", "uu",
               "zlib", "hex", "idna", "utf-16", "x-user-defined", "", "bogus"]  # fmt: skip


@settings(FUZZ, max_examples=60)
@given(
    charset=st.sampled_from(CODEC_NAMES)
    | st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", max_size=12),
    body=st.binary(max_size=64) | st.sampled_from([b"+2D3YAA-", "café".encode(), b"\xff\xfe"]),
)
def test_html_meta_charsets(tmp_path, charset, body):
    path = tmp_path / "page.html"
    path.write_bytes(f'<meta charset="{charset}"><p>Police said '.encode() + body + b"</p>")
    result = read_or_refuse(read_document, path)
    if result is not None:
        result.text.encode("utf-8")


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_docx_document_xml(data):
    members = members_of(DOCX)
    members["word/document.xml"] = data.draw(mutated(members["word/document.xml"]))
    read_or_refuse(docx_text, zip_of(members), errors=(ExtractError,))


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_odt_content_xml(data):
    members = {name: value.encode() for name, value in ODT_MEMBERS.items()}
    name = data.draw(st.sampled_from(sorted(members)))
    members[name] = data.draw(mutated(members[name]))
    read_or_refuse(odt_text, zip_of(members), errors=(ExtractError,))


TEXTS = [SAMPLES[name] for name in ("plain.txt", "latin.txt", "utf16.txt", "notes.md")]


@settings(FUZZ, max_examples=200)
@given(data=st.binary(max_size=300) | st.sampled_from(TEXTS).flatmap(mutated))
def test_text_decoding(data):
    result = read_or_refuse(decode_bytes, data, errors=(DecodeError,))
    if result is not None:
        assert isinstance(result.text, str)
        result.encoding.encode("ascii")
