"""Hypothesis-generated annotation sets round trip exactly, in memory and through SQLite."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.exports import ExportOptions, export
from annotator.core.model import Annotation, AnnotationSet, AttributeSpec, Label, SetDocument
from annotator.core.text import text_sha256
from annotator.core.values import clean_title
from annotator.formats import (
    dump_annotation_set,
    dumps_annotation_set,
    load_annotation_set,
    parse_annotation_set,
)
from annotator.formats.annotation_set import render, to_dict
from annotator.store import Store

ALPHABET = st.characters(blacklist_categories=("Cs",))
NAME_ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"))
NOTE_ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t")
# A memo as the database keeps it: none, or one that is not blank.
MEMOS = st.one_of(st.none(), st.text(NOTE_ALPHABET, min_size=1, max_size=40).filter(str.strip))
# Names and titles as the window takes them (see annotator.core.values).
NAMES = st.text(NAME_ALPHABET, min_size=1, max_size=8).filter(lambda s: s.strip() == s != "")
TITLES = st.text(NAME_ALPHABET, min_size=1, max_size=12).filter(lambda s: clean_title(s) == s != "")
TEXT_PIECES = st.sampled_from(
    [
        "a",
        " ",
        "\n",
        "\r\n",
        "\r",
        "😀",
        "👨‍👩‍👧",
        "🇭🇰",
        "e\u0301",
        "市民",
        "مرحبا",
        "\t",
        "\u2028",
        "\ufeff",
    ]
)
T0 = datetime(2026, 1, 1)


@st.composite
def texts(draw):
    pieces = draw(st.lists(st.one_of(TEXT_PIECES, st.text(ALPHABET, max_size=5)), max_size=30))
    return "".join(pieces).replace("\x00", " ")  # a NUL makes data binary, not text


@st.composite
def times(draw):
    return T0 + timedelta(milliseconds=draw(st.integers(0, 10**11)))


@st.composite
def attribute_specs(draw):
    name = st.text(NAME_ALPHABET, min_size=1, max_size=6).filter(lambda n: n.strip() == n != "")
    names = draw(st.lists(name, max_size=3, unique=True))
    specs = []
    for name in names:
        kind = draw(st.sampled_from(["text", "number", "choice", "boolean"]))
        choices = ()
        if kind == "choice":
            choices = tuple(
                draw(
                    st.lists(
                        st.text(ALPHABET, min_size=1, max_size=5),
                        min_size=1,
                        max_size=3,
                        unique=True,
                    ).filter(lambda cs: all(c.strip() for c in cs))
                )
            )
        specs.append(AttributeSpec(name, kind, choices, draw(st.text(ALPHABET, max_size=6))))
    return tuple(specs)


def attribute_values(draw, specs):
    """Values for some of ``specs``, plus now and then one no label declares."""
    values = {}
    for spec in specs:
        if not draw(st.booleans()):
            continue
        if spec.kind == "number":
            values[spec.name] = draw(
                st.one_of(
                    st.integers(-(10**20), 10**20), st.floats(allow_nan=False, allow_infinity=False)
                )
            )
        elif spec.kind == "boolean":
            values[spec.name] = draw(st.booleans())
        elif spec.kind == "choice":
            values[spec.name] = draw(st.sampled_from(spec.choices))
        else:
            values[spec.name] = draw(st.text(ALPHABET, max_size=8))
    if draw(st.integers(0, 5)) == 0:
        values["undeclared 😀"] = draw(st.one_of(st.text(ALPHABET, max_size=4), st.booleans()))
    return tuple(sorted(values.items()))


@st.composite
def annotation_sets(draw):
    names = draw(
        st.lists(
            NAMES,
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    hotkeys = draw(
        st.lists(st.sampled_from("abcdefgh"), min_size=len(names), max_size=len(names), unique=True)
    )
    labels = tuple(
        Label(
            name,
            draw(st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)),
            draw(st.sampled_from([hk, None])),
            draw(st.text(ALPHABET, max_size=10)),
            draw(attribute_specs()),
        )
        for name, hk in zip(names, hotkeys, strict=True)
    )
    specs_of = {label.name: label.attributes for label in labels}
    documents = []
    seen_text = set()
    ann_ids = iter(range(10**6))
    for d in range(draw(st.integers(0, 4))):
        text = draw(texts())
        if text in seen_text:
            continue
        seen_text.add(text)
        doc_id = f"doc-{d}-" + draw(st.text("abcdef0123456789", min_size=1, max_size=6))
        anns = []
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.integers(0, len(text)))
            end = draw(st.integers(start, len(text)))
            created = draw(times())
            label = draw(st.sampled_from(names))
            anns.append(
                Annotation(
                    id=f"a{next(ann_ids)}",
                    document_id=doc_id,
                    label=label,
                    start=start,
                    end=end,
                    note=draw(st.one_of(st.none(), st.text(NOTE_ALPHABET, max_size=12))),
                    annotator=draw(NAMES),
                    created_at=created,
                    updated_at=created + timedelta(milliseconds=draw(st.integers(0, 10**6))),
                    attributes=attribute_values(draw, specs_of[label]),
                    orphaned=draw(st.integers(0, 4)) == 0,
                )
            )
        anns.sort(key=lambda a: (a.start, a.end, a.label, a.id))
        documents.append(
            SetDocument(
                id=doc_id,
                title=draw(TITLES),
                source=draw(st.text(ALPHABET, max_size=12)),
                sha256=text_sha256(text),
                length=len(text),
                text=text,
                annotations=tuple(anns),
                format=draw(st.sampled_from(["text", "markdown", "html"])),
                encoding=draw(st.sampled_from([None, "utf-8", "cp1252"])),
                original_name=draw(st.one_of(st.none(), st.text(ALPHABET, max_size=8))),
                imported_at=draw(times()),
                author=draw(st.one_of(st.none(), st.text(ALPHABET, max_size=8))),
                published=draw(st.sampled_from([None, "2024-02-22", "2024"])),
                memo=draw(MEMOS),
                # Some are a newer version of the document just before them.
                **(
                    {"version": documents[-1].version + 1, "previous_id": documents[-1].id}
                    if documents and draw(st.booleans())
                    else {}
                ),
            )
        )
    # A memo belongs to a document's newest version (an older one's moves on with it).
    replaced = {doc.previous_id for doc in documents}
    documents = [replace(doc, memo=None) if doc.id in replaced else doc for doc in documents]
    return AnnotationSet(
        labels,
        tuple(documents),
        exported_at=draw(times()),
        generator_version="test",
        memo=draw(MEMOS),
    )


@settings(max_examples=150, deadline=None)
@given(annotation_sets())
def test_sets_round_trip_through_json(aset):
    for compact in (False, True):
        text = dumps_annotation_set(aset, compact=compact)
        assert parse_annotation_set(text.encode("utf-8"), file="mem") == aset


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(annotation_sets())
def test_sets_round_trip_through_the_database(tmp_path_factory, aset):
    db = tmp_path_factory.mktemp("prop") / "p.db"
    source = dumps_annotation_set(aset).encode("utf-8")
    store = Store.open(str(db))
    try:
        store.import_bundle([], [("mem", parse_annotation_set(source, file="mem"))])
        out = export(store, ExportOptions(), now=aset.exported_at)
    finally:
        store.close()
    result = parse_annotation_set(out.data, file="out")
    assert result.documents == aset.documents
    assert result.labels == aset.labels
    assert result.memo == aset.memo
    assert out.data.replace(b'"version": "0.1.0"', b'"version": "test"') == source


def test_python_api_reads_and_writes_files_without_qt(tmp_path):
    script = f"""
import sys
from annotator.formats import load_annotation_set, dump_annotation_set, Label, AnnotationSet
s = AnnotationSet((Label("claim", "#112233", "1", ""),), ())
dump_annotation_set(s, {str(tmp_path / "x.json")!r})
assert load_annotation_set({str(tmp_path / "x.json")!r}).labels == s.labels
assert "PySide6" not in sys.modules and "sqlalchemy" not in sys.modules, sorted(sys.modules)
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=60, check=False
    )
    assert result.stdout.strip() == b"ok", result.stderr.decode()


def test_dump_and_load_files(tmp_path):
    aset = AnnotationSet((Label("claim", "#112233"),), (), exported_at=T0)
    dump_annotation_set(aset, tmp_path / "s.json")
    assert load_annotation_set(tmp_path / "s.json") == aset


@settings(max_examples=150, deadline=None)
@given(annotation_sets(), st.booleans())
def test_fast_writer_matches_json_dumps(aset, with_text):
    if not with_text:
        texts = {d.id: d.text for d in aset.documents}
        aset = replace(aset, documents=tuple(replace(d, text=None) for d in aset.documents))
    else:
        texts = None
    expected = json.dumps(to_dict(aset, texts=texts), ensure_ascii=False, indent=2) + "\n"
    assert render(aset, texts=texts) == expected
    compact = json.dumps(to_dict(aset, texts=texts), ensure_ascii=False, separators=(",", ":"))
    assert render(aset, texts=texts, compact=True) == compact + "\n"
