"""The documents of a JSON annotation set as text, straight from plain rows
(:mod:`annotator.core.export_rows`), one document at a time: byte for byte what
``json.dumps(..., ensure_ascii=False)`` writes for the same values, indented
(``indent=2``) or compact, without a dict per annotation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from json.encoder import encode_basestring  # the C implementation where available
from typing import Any

from annotator.core.export_rows import ExportRow
from annotator.core.model import SetDocument
from annotator.core.spans import CONTEXT_WIDTH
from annotator.core.timestamps import iso_utc
from annotator.formats.pretty import pretty_dumps, scalar_json


def document_head(doc: SetDocument) -> dict[str, Any]:
    """A document's fields as the set writes them, all but its annotations."""
    out: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "sha256": doc.sha256,
        "length": doc.length,
        "format": doc.format,
        "encoding": doc.encoding,
        "original_name": doc.original_name,
        "imported_at": None if doc.imported_at is None else iso_utc(doc.imported_at),
        "author": doc.author,
        "published": doc.published,
    }
    if doc.version != 1 or doc.previous_id is not None:
        out.update(version=doc.version, previous_id=doc.previous_id)
    if doc.memo:
        out["memo"] = doc.memo
    if doc.text is not None:
        out["text"] = doc.text
    return out


def compact_json(value: Any) -> str:
    """``value`` on one line, non-ASCII as is (the C encoder)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def document_json(
    doc: SetDocument, rows: Sequence[ExportRow], text: str | None, *, compact: bool
) -> str:
    """``doc`` (its own annotations ignored) with ``rows`` as its annotations, in the
    order given; ``text`` gives their quotes and context (none without it). Indented as
    a member of the set's ``documents``, or compact."""
    head = document_head(doc)
    if compact:
        return f'{compact_json(head)[:-1]},"annotations":[{annotations_json(rows, text, True)}]}}'
    lines = pretty_dumps(head, level=2)[: -len(_DOC_END)]
    if not rows:
        return f'{lines},\n      "annotations": []{_DOC_END}'
    annotations = annotations_json(rows, text, False)
    return f'{lines},\n      "annotations": [\n{annotations}\n      ]{_DOC_END}'


_DOC_END = "\n    }"
_FIELDS = ("id", "label", "start", "end", "note", "attributes", "annotator")
_QUOTED = ("id", "label", "start", "end", "quote", "prefix", "suffix", *_FIELDS[4:])


def _template(fields: Sequence[str], compact: bool) -> str:
    """%-template of an annotation: ``fields``, then created_at and updated_at (already
    text that needs no escaping), then the optional fields' text."""
    key = '"{}":' if compact else '\n          "{}": '
    body = ",".join(key.format(name) + "%s" for name in fields)
    times = "," + key.format("created_at") + '"%s",' + key.format("updated_at") + '"%s"'
    return "{" + body + times + "%s}" if compact else "        {" + body + times + "%s\n        }"


_TEMPLATES = {
    (compact, quoted): _template(_QUOTED if quoted else _FIELDS, compact)
    for compact in (False, True)
    for quoted in (False, True)
}


def annotations_json(rows: Sequence[ExportRow], text: str | None, compact: bool) -> str:
    """The annotations of one document, as the members of its ``annotations`` array."""
    enc = encode_basestring
    template = _TEMPLATES[compact, text is not None]
    key = '"{}":' if compact else '\n          "{}": '
    orphaned = "," + key.format("orphaned") + "true"
    source, rule = "," + key.format("source"), "," + key.format("rule")
    width = CONTEXT_WIDTH
    out = []
    for row in rows:
        ann_id, label, start, end, note, annotator, created, updated, pairs, orphan, by, why = row
        tail = orphaned if orphan else ""
        if by is not None:
            tail += source + enc(by)
        if why is not None:
            tail += rule + enc(why)
        noted = "null" if note is None else enc(note)
        values = _attributes(pairs, compact) if pairs else "{}"
        if text is None:
            fields = (enc(ann_id), enc(label), start, end, noted, values)
        else:
            quote = enc(text[start:end])
            prefix = enc(text[start - width if start > width else 0 : start])
            suffix = enc(text[end : end + width])
            fields = (enc(ann_id), enc(label), start, end, quote, prefix, suffix, noted, values)
        out.append(template % (*fields, enc(annotator), created, updated, tail))
    return ",".join(out) if compact else ",\n".join(out)


def _attributes(pairs: Iterable[tuple[str, Any]], compact: bool) -> str:
    enc = encode_basestring
    if compact:
        return "{" + ",".join(f"{enc(k)}:{scalar_json(v)}" for k, v in pairs) + "}"
    inner = "".join(f"\n            {enc(k)}: {scalar_json(v)}," for k, v in pairs)
    return "{" + inner[:-1] + "\n          }"


_PRETTY_DOCUMENTS = ('"documents": []\n}', '"documents": [\n')


def write_set(
    write: Callable[[bytes], object],
    head: dict[str, Any],
    documents: Iterable[str],
    *,
    compact: bool,
) -> None:
    """A set as UTF-8 to ``write``, a document at a time: ``head`` (the set's fields, with
    ``documents`` empty and last) around ``documents`` (from :func:`document_json`).
    Each document is encoded on its own (one text with an emoji would otherwise make the
    whole output a four-byte-per-character string)."""
    text = compact_json(head) if compact else pretty_dumps(head)
    empty, opening = ('"documents":[]}', '"documents":[') if compact else _PRETTY_DOCUMENTS
    assert text.endswith(empty)
    opened = False
    for document in documents:
        if not opened:
            write((text[: -len(empty)] + opening).encode())
            opened = True
        else:
            write(b"," if compact else b",\n")
        write(document.encode())
    if not opened:
        write((text + "\n").encode())
    else:
        write(b"]}\n" if compact else b"\n  ]\n}\n")
