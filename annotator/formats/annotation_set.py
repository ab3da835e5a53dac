"""The JSON annotation set, format version 1: writing, and reading with full validation.

Version 1 grows by optional fields only (``memo`` on the set and on a document came
later): a reader ignores fields it does not know, so files of any age read alike, and
the version moves on only for a change an older reader would misread.

Plain functions over core types. Reading checks everything that can be checked without
a database and names the JSON path of the first problem found.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from annotator.core.attributes import (
    spec_to_dict,
)
from annotator.core.export_rows import export_row
from annotator.core.messages import N_, message_of, say
from annotator.core.model import (
    Annotation,
    AnnotationSet,
    Document,
    Label,
    SetDocument,
)
from annotator.core.set_errors import SetFormatError, member_path
from annotator.core.spans import CONTEXT_WIDTH, context
from annotator.core.timestamps import iso_utc
from annotator.formats.checks import checked
from annotator.formats.pretty import pretty_dumps
from annotator.formats.set_reader import FORMAT_NAME, FORMAT_VERSION, SetReader
from annotator.formats.set_writer import (
    compact_json,
    document_head,
    document_json,
    write_set,
)

MAX_SET_BYTES = 512 * 1024 * 1024


def set_document(
    document: Document,
    annotations: Sequence[Annotation],
    *,
    include_text: bool = True,
    memo: str | None = None,
) -> SetDocument:
    """A stored document, its annotations (in the set's order) and its memo as a set
    carries them."""
    return SetDocument(
        id=document.id,
        title=document.title,
        source=document.source,
        sha256=document.sha256,
        length=len(document.text),
        text=document.text if include_text else None,
        annotations=tuple(sorted(annotations, key=annotation_order)),
        format=document.format,
        encoding=document.encoding,
        original_name=document.original_name,
        imported_at=document.created_at,
        author=document.author,
        published=document.published,
        version=document.version,
        previous_id=document.previous_id,
        memo=memo or None,
    )


def annotation_order(ann: Annotation) -> tuple[int, int, str, str]:
    """The documented order of annotations in every export: start, end, label, id."""
    return (ann.start, ann.end, ann.label, ann.id)


# -- writing -------------------------------------------------------------------------


def annotation_dict(ann: Annotation, text: str | None) -> dict[str, Any]:
    """One annotation as the formats write it; ``quote`` and context need the text."""
    out: dict[str, Any] = {"id": ann.id, "label": ann.label, "start": ann.start, "end": ann.end}
    if text is not None:
        prefix, suffix = context(text, ann.start, ann.end, CONTEXT_WIDTH)
        out.update(quote=text[ann.start : ann.end], prefix=prefix, suffix=suffix)
    out.update(
        note=ann.note,
        attributes=dict(ann.attributes),
        annotator=ann.annotator,
        created_at=iso_utc(ann.created_at),
        updated_at=iso_utc(ann.updated_at),
    )
    if ann.orphaned:
        out["orphaned"] = True
    if ann.source is not None:
        out["source"] = ann.source
    if ann.rule is not None:
        out["rule"] = ann.rule
    return out


def document_dict(doc: SetDocument, *, text: str | None = None) -> dict[str, Any]:
    """One document with its annotations. ``text`` supplies quotes and context when the
    document itself carries none (a set written without texts)."""
    source_text = doc.text if doc.text is not None else text
    out = document_head(doc)
    if source_text is None and doc.contexts:
        out["annotations"] = [
            _with_context(annotation_dict(a, None), found)
            for a, found in zip(doc.annotations, doc.contexts, strict=True)
        ]
    else:
        out["annotations"] = [annotation_dict(a, source_text) for a in doc.annotations]
    return out


def _with_context(item: dict[str, Any], found: tuple[str, str, str]) -> dict[str, Any]:
    """An annotation dict with the quote and context a set without text carried."""
    quote, prefix, suffix = found
    head = {key: item[key] for key in ("id", "label", "start", "end")}
    tail = {key: value for key, value in item.items() if key not in head}
    return {**head, "quote": quote, "prefix": prefix, "suffix": suffix, **tail}


def to_dict(aset: AnnotationSet, *, texts: dict[str, str] | None = None) -> dict[str, Any]:
    """The set as a JSON-ready dict, documents and annotations in the order given.

    ``texts`` maps document ids to texts for documents written without their text, so
    that quotes and context can still be written.
    """
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": iso_utc(aset.exported_at or datetime.now(UTC)),
        "generator": {"name": aset.generator_name, "version": aset.generator_version},
        "offset_unit": "codepoint",
    }
    if aset.memo:
        out["memo"] = aset.memo
    out["labels"] = [label_dict(label) for label in aset.labels]
    out["documents"] = [document_dict(d, text=(texts or {}).get(d.id)) for d in aset.documents]
    return out


def label_dict(label: Label) -> dict[str, Any]:
    """A label with its attribute definitions, as sets and scheme files write it."""
    return {
        "name": label.name,
        "color": label.color,
        "hotkey": label.hotkey,
        "description": label.description,
        "attributes": [spec_to_dict(spec) for spec in label.attributes],
    }


def render(
    aset: AnnotationSet, *, texts: dict[str, str] | None = None, compact: bool = False
) -> str:
    """The set as JSON text: what ``dumps(to_dict(aset, texts=texts), compact=compact)``
    writes, with the bulk (documents and annotations) written straight from the objects."""
    return render_bytes(aset, texts=texts, compact=compact).decode("utf-8")


def render_bytes(
    aset: AnnotationSet, *, texts: dict[str, str] | None = None, compact: bool = False
) -> bytes:
    """:func:`render` as UTF-8 bytes, built a document at a time
    (:func:`annotator.formats.set_writer.write_set`)."""
    chunks: list[bytes] = []
    texts = texts or {}
    documents = (
        _document_json(doc, doc.text if doc.text is not None else texts.get(doc.id), compact)
        for doc in aset.documents
    )
    write_set(chunks.append, to_dict(replace(aset, documents=())), documents, compact=compact)
    return b"".join(chunks)


def _document_json(doc: SetDocument, text: str | None, compact: bool) -> str:
    if text is None and doc.contexts:  # read from a set without texts: quotes as read
        item = document_dict(doc)
        return compact_json(item) if compact else pretty_dumps(item, level=2)
    rows = [export_row(a) for a in doc.annotations]
    return document_json(doc, rows, text, compact=compact)


def dumps(data: dict[str, Any], *, compact: bool = False) -> str:
    """JSON text: UTF-8-ready (non-ASCII as is), pretty or one line, ending in a newline."""
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return pretty_dumps(data) + "\n"


# -- reading -------------------------------------------------------------------------


def looks_like_annotation_set(data: bytes) -> bool:
    """Whether ``data`` is a JSON object with a ``format`` field (cheap sniff, no parse)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"format"' in data[:65536]


def parse_annotation_set(data: bytes, *, file: str) -> AnnotationSet:
    """Read and validate an annotation set; raises :class:`SetFormatError` naming the
    file, the JSON path and the problem."""
    with gc_paused():
        aset = SetReader(file).read(load_json(data, file=file, what=say(N_("an annotation set"))))
        return checked(aset, file, json_paths=True)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: building a big acyclic structure (a parsed
    set holds a few objects per annotation) otherwise triggers it again and again,
    costing more than half again the parse itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_json(data: bytes, *, file: str, what: str) -> Any:
    """UTF-8 JSON as Python values, or :class:`SetFormatError` saying why not: too large,
    not UTF-8, not JSON, too deep or too big a number to read, a lone surrogate."""
    if len(data) > MAX_SET_BYTES:
        raise SetFormatError(
            file,
            "",
            say(
                N_("file is {size} MiB, more than the {limit} MiB {what} may have"),
                size=f"{len(data) / 2**20:.0f}",
                limit=MAX_SET_BYTES // 2**20,
                what=what,
            ),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SetFormatError(
            file,
            "",
            say(
                N_("not valid UTF-8: byte 0x{data:02x} at offset {start}"),
                data=data[exc.start],
                start=exc.start,
            ),
        ) from None
    try:
        raw = json.loads(text.removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        raise SetFormatError(
            file,
            "",
            say(
                N_("not JSON: {msg} at line {lineno} column {colno}"),
                msg=exc.msg,
                lineno=exc.lineno,
                colno=exc.colno,
            ),
        ) from None
    except RecursionError:
        raise SetFormatError(file, "", TOO_DEEP) from None
    except ValueError as exc:  # e.g. an integer with thousands of digits
        raise SetFormatError(
            file, "", say(N_("not JSON this program can read: {exc}"), exc=message_of(exc))
        ) from None
    if SURROGATE_ESCAPE.search(text) and not encodes(raw):
        # Escaped surrogates that do not pair up into a character are not text.
        try:
            where = find_lone_surrogate(raw, "")
        except RecursionError:  # as deep as the parser could go, and one level more
            raise SetFormatError(file, "", TOO_DEEP) from None
        if where is not None:
            raise SetFormatError(
                file, where, say(N_("contains a lone surrogate, which is not text"))
            )
    return raw


TOO_DEEP = "not JSON this program can read: nested too deeply"
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def encodes(value: Any) -> bool:
    """Whether every string (and key) in ``value`` is text UTF-8 can encode: one pass of
    the C encoder, where walking a large set in Python took seconds."""
    try:
        json.dumps(value, ensure_ascii=False, check_circular=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError, ValueError):
        return False
    return True


def find_lone_surrogate(value: Any, path: str) -> str | None:
    """JSON path of the first string (or key) holding a lone surrogate, if any."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path or "(top)"
        return None
    if isinstance(value, list):
        for i, item in enumerate(value):
            found = find_lone_surrogate(item, f"{path}[{i}]")
            if found is not None:
                return found
    if isinstance(value, dict):
        for key, item in value.items():
            where = member_path(path, key)
            if find_lone_surrogate(key, where) is not None:
                return where
            found = find_lone_surrogate(item, where)
            if found is not None:
                return found
    return None
