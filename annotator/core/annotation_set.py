"""The JSON annotation set, format version 1: the contract researchers' scripts rely on.

Plain functions over core types; no I/O beyond building and serialising the dict.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from annotator.core.model import Annotation, Document, Label
from annotator.core.spans import context
from annotator.core.text import text_sha256

FORMAT_NAME = "annotator-annotation-set"
FORMAT_VERSION = 1
CONTEXT_WIDTH = 32


@dataclass(frozen=True, slots=True)
class DocumentExport:
    document: Document
    annotations: Sequence[Annotation]


def iso_utc(moment: datetime) -> str:
    """UTC ISO 8601 with ``Z``, milliseconds kept; naive datetimes are taken as UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="milliseconds") + "Z"


def build_annotation_set(
    labels: Sequence[Label],
    documents: Sequence[DocumentExport],
    *,
    generator_version: str,
    exported_at: datetime,
) -> dict[str, Any]:
    """The annotation-set dict for ``documents``, in the order given.

    Annotations are ordered by (start, end, label, id) so the same data always gives
    the same output. Raises ``ValueError`` if an annotation uses a label not in
    ``labels`` or its offsets do not fit the text.
    """
    declared = {label.name for label in labels}
    docs_out = []
    for item in documents:
        doc = item.document
        annotations = []
        for ann in sorted(item.annotations, key=lambda a: (a.start, a.end, a.label, a.id)):
            if ann.label not in declared:
                raise ValueError(f"annotation {ann.id} uses undeclared label {ann.label!r}")
            if not 0 <= ann.start <= ann.end <= len(doc.text):
                raise ValueError(f"annotation {ann.id} offsets {ann.start}-{ann.end} outside text")
            prefix, suffix = context(doc.text, ann.start, ann.end, CONTEXT_WIDTH)
            annotations.append(
                {
                    "id": ann.id,
                    "label": ann.label,
                    "start": ann.start,
                    "end": ann.end,
                    "quote": doc.text[ann.start : ann.end],
                    "prefix": prefix,
                    "suffix": suffix,
                    "note": ann.note,
                    "annotator": ann.annotator,
                    "created_at": iso_utc(ann.created_at),
                    "updated_at": iso_utc(ann.updated_at),
                }
            )
        docs_out.append(
            {
                "id": doc.id,
                "title": doc.title,
                "source": doc.source,
                "sha256": text_sha256(doc.text),
                "length": len(doc.text),
                "text": doc.text,
                "annotations": annotations,
            }
        )
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "exported_at": iso_utc(exported_at),
        "generator": {"name": "annotator", "version": generator_version},
        "offset_unit": "codepoint",
        "labels": [
            {
                "name": label.name,
                "color": label.color,
                "hotkey": label.hotkey,
                "description": label.description,
            }
            for label in labels
        ],
        "documents": docs_out,
    }


def dumps(annotation_set: dict[str, Any]) -> str:
    """Serialise as UTF-8-ready JSON: non-ASCII kept as is, two-space indent, final newline."""
    return json.dumps(annotation_set, ensure_ascii=False, indent=2) + "\n"
