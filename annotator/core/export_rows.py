"""An annotation as exports stream it: a plain tuple, no object per annotation.

Fields, in order (the indices below name them): id, label, start, end, note, annotator,
created_at, updated_at (both as the formats write times: ``2026-01-31T12:00:00.123Z``,
:func:`annotator.core.timestamps.iso_utc`), attributes (name-sorted pairs, as
:class:`Annotation` holds them), orphaned (true or false, a bool or 0/1), source, rule.
"""

from __future__ import annotations

from typing import Any

from annotator.core.model import Annotation
from annotator.core.timestamps import iso_utc

ExportRow = tuple[Any, ...]

ID, LABEL, START, END, NOTE, ANNOTATOR, CREATED, UPDATED, ATTRIBUTES, ORPHANED = range(10)
SOURCE, RULE = 10, 11


def export_row(ann: Annotation) -> ExportRow:
    """``ann`` as a row."""
    created = iso_utc(ann.created_at)
    updated = created if ann.updated_at == ann.created_at else iso_utc(ann.updated_at)
    return (
        ann.id,
        ann.label,
        ann.start,
        ann.end,
        ann.note,
        ann.annotator,
        created,
        updated,
        ann.attributes,
        ann.orphaned,
        ann.source,
        ann.rule,
    )
