"""Label-scheme files, and attributes at the edges of the set format."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import AttributeSpec, Label
from annotator.core.set_errors import SetFormatError
from annotator.formats import parse_annotation_set
from annotator.formats.scheme import parse_scheme, render_scheme

LABELS = [
    Label(
        "claim",
        "#0072b2",
        "1",
        "An assertion.",
        (AttributeSpec("stance", "choice", ("yes, with conditions", "no"), "d"),),
    ),
    Label("opinion", "#cc79a7", None, "", (AttributeSpec("holder"),)),
]


def test_schemes_round_trip():
    assert parse_scheme(render_scheme(LABELS), file="s.json") == LABELS


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"format": "annotator-label-scheme", "x": ' + b"9" * 5000 + b"}", "can read"),
        (b"\xff\xfe", "not valid UTF-8"),
        (b"{", "not JSON"),
        (b'{"format": "other"}', "not a label scheme"),
        (
            b'{"format": "annotator-label-scheme", "format_version": 1, '
            b'"labels": [{"name": "a\\ud800", "color": "#000000"}]}',
            "lone surrogate",
        ),
        (
            b'{"format": "annotator-label-scheme", "format_version": 1, "labels": ['
            b'{"name": "a", "color": "#000000", "hotkey": "q"},'
            b'{"name": "b", "color": "#000000", "hotkey": "Q"}]}',
            "share hotkey",
        ),
        (
            b'{"format": "annotator-label-scheme", "format_version": 2, "labels": []}',
            "version 2",
        ),
    ],
)
def test_bad_scheme_files_are_named_and_explained(data, message):
    with pytest.raises(SetFormatError, match=message) as caught:
        parse_scheme(data, file="bad.json")
    assert str(caught.value).startswith("bad.json")


def one_annotation_set(attributes):
    text = "Police said 2,000 cameras."
    from annotator.core.text import text_sha256

    ann = {
        "id": "a",
        "label": "claim",
        "start": 0,
        "end": 6,
        "quote": "Police",
        "prefix": "",
        "suffix": text[6:38],
        "note": None,
        "annotator": "x",
        "created_at": "2026-01-01T00:00:00.000Z",
        "updated_at": "2026-01-01T00:00:00.000Z",
    }
    if attributes is not ...:
        ann["attributes"] = attributes
    return json.dumps(
        {
            "format": "annotator-annotation-set",
            "format_version": 1,
            "exported_at": "2026-01-01T00:00:00.000Z",
            "generator": {"name": "x", "version": "1"},
            "offset_unit": "codepoint",
            "labels": [{"name": "claim", "color": "#000000", "hotkey": None, "description": ""}],
            "documents": [
                {
                    "id": "d",
                    "title": "t",
                    "source": "s",
                    "sha256": text_sha256(text),
                    "length": len(text),
                    "text": text,
                    "annotations": [ann],
                }
            ],
        }
    ).encode()


@pytest.mark.parametrize("value", [[], False, 0, "", [1]])
def test_attributes_that_are_not_an_object_are_refused_whatever_their_value(value):
    with pytest.raises(
        SetFormatError, match=r"annotations\[0\]\.attributes: expected an object or null"
    ):
        parse_annotation_set(one_annotation_set(value), file="s.json")


@pytest.mark.parametrize("value", [..., None, {}])
def test_absent_null_or_empty_attributes_mean_none(value):
    aset = parse_annotation_set(one_annotation_set(value), file="s.json")
    assert aset.documents[0].annotations[0].attributes == ()
