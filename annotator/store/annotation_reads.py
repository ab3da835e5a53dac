"""Reading annotations out of the database into :class:`Annotation` values: straight
from SQLite's driver where that is fast, through SQLAlchemy elsewhere."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from annotator.core.annotation_rows import AnnotationRows
from annotator.core.attributes import as_attributes
from annotator.core.model import Annotation
from annotator.store.models import ANNOTATION_COLUMNS, AnnotationRow, DocumentRow
from annotator.store.plain_reads import document_annotations, document_rows, readable_time


def load_annotations(
    s: Session,
    document_id: str | None,
    before: int | None = None,
    *,
    lenient: bool = False,
    newest: bool = False,
) -> list[Annotation]:
    """Annotations of one document ordered by (start, end, label, id) (only those that
    start before code point ``before`` if given), or of all documents in no particular
    order (with ``newest``, of the versions no newer version replaced). A stored time that
    cannot be read raises ``ValueError``, or with ``lenient`` reads as
    :data:`UNREADABLE_TIME`."""
    if s.get_bind().dialect.name == "sqlite":
        try:
            return _sqlite_annotations(s, document_id, before, datetime.fromisoformat, newest)
        except (ValueError, TypeError):  # a date another program wrote
            if not lenient:
                raise
            return _sqlite_annotations(s, document_id, before, readable_time, newest)
    return _orm_annotations(s, document_id, before, newest)


def load_annotation_rows(s: Session, document_id: str, before: int | None = None) -> AnnotationRows:
    """:func:`load_annotations` of one document (leniently) as compact rows: on SQLite
    straight from the driver into the columns, no :class:`Annotation` made."""
    if s.get_bind().dialect.name != "sqlite":
        return AnnotationRows(_orm_rows(s, document_id, before))
    try:
        return document_rows(s.connection().connection.driver_connection, document_id, before)
    except TypeError:  # a time with a zone, which another program stored: kept whole
        return AnnotationRows(load_annotations(s, document_id, before, lenient=True))


def replaced_versions() -> Select[tuple[str | None]]:
    """The ids of the document versions a newer version replaced."""
    return select(DocumentRow.previous_id).where(DocumentRow.previous_id.is_not(None))


def _sqlite_annotations(
    s: Session,
    document_id: str | None,
    before: int | None,
    parse: Callable[[Any], datetime],
    newest: bool = False,
) -> list[Annotation]:
    """:func:`load_annotations` on SQLite, ``parse`` reading the stored times."""
    # Straight from the driver: SQLAlchemy's SQLite DateTime parsing is a regex per
    # value; its stored form is ISO 8601, which the C parser reads directly.
    make = tuple.__new__
    driver = s.connection().connection.driver_connection
    if document_id is None:
        cursor = driver.execute(
            "SELECT id, document_id, label, start_offset, end_offset, note, annotator, "
            "created_at, updated_at, attributes, orphaned, version, source, rule "
            "FROM annotations"
            + (
                " WHERE document_id NOT IN "
                "(SELECT previous_id FROM documents WHERE previous_id IS NOT NULL)"
                if newest
                else ""
            )
        )
        return [
            make(
                Annotation,
                (
                    i,
                    d,
                    lb,
                    st,
                    en,
                    no,
                    an,
                    c := parse(cr),
                    c if up == cr else parse(up),
                    as_attributes(json.loads(at)) if at else (),
                    or_ == 1,
                    ve,
                    so,
                    ru,
                ),
            )
            for i, d, lb, st, en, no, an, cr, up, at, or_, ve, so, ru in cursor
        ]
    return document_annotations(driver, document_id, before, parse)


def _orm_annotations(
    s: Session, document_id: str | None, before: int | None, newest: bool = False
) -> list[Annotation]:
    return list(_orm_rows(s, document_id, before, newest))


def _orm_rows(
    s: Session, document_id: str | None, before: int | None, newest: bool = False
) -> Iterator[Annotation]:
    query = select(*ANNOTATION_COLUMNS)
    if newest:
        query = query.where(AnnotationRow.document_id.not_in(replaced_versions()))
    if before is not None:
        query = query.where(AnnotationRow.start_offset < before)
    if document_id is not None:
        query = query.where(AnnotationRow.document_id == document_id).order_by(
            AnnotationRow.start_offset,
            AnnotationRow.end_offset,
            AnnotationRow.label,
            AnnotationRow.id,
        )
    return (from_columns(row) for row in s.execute(query))


def from_columns(row: Sequence[object]) -> Annotation:
    """An annotation from a row of ``ANNOTATION_COLUMNS``."""
    stored = row[9]
    attributes = as_attributes(stored) if stored else ()  # type: ignore[arg-type]
    return Annotation(
        *row[:9],  # type: ignore[arg-type]
        attributes=attributes,  # type: ignore[arg-type]
        orphaned=bool(row[10]),
        version=row[11],  # type: ignore[arg-type]
        source=row[12],  # type: ignore[arg-type]
        rule=row[13],  # type: ignore[arg-type]
    )
