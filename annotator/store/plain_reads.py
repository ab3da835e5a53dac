"""Reads that need nothing but the ``sqlite3`` driver, and the row → value conversions the
store and the first screen (:mod:`annotator.store.first_screen`) share. No SQLAlchemy."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from annotator.core.annotation_rows import AnnotationRows, micros
from annotator.core.attributes import as_attributes, spec_from_dict
from annotator.core.model import Annotation, AttributeValue, DocumentSummary, Label

NO_END = 2**62  # past any offset: "start_offset < ?" then holds for every row
CHUNK = 4096  # rows fetched at a time: columns built at C speed, little held at once
# Shown for a time another program stored as something unreadable (export refuses such a
# database, naming the row: see annotator.store.stored_dates).
UNREADABLE_TIME = datetime(1970, 1, 1)

DOCUMENT_ANNOTATIONS = (
    "SELECT id, label, start_offset, end_offset, note, annotator, created_at, "
    "updated_at, attributes, orphaned, version, source, rule FROM annotations "
    "WHERE document_id = ? "
    "AND start_offset < ? ORDER BY start_offset, end_offset, label, id"
)


def document_annotations(
    driver: sqlite3.Connection,
    document_id: str,
    before: int | None,
    parse: Callable[[Any], datetime],
) -> list[Annotation]:
    """The document's annotations ordered by (start, end, label, id), only those that
    start before code point ``before`` if given; ``parse`` reads the stored times (it
    raises ``ValueError`` or ``TypeError`` on one it cannot read)."""
    make = tuple.__new__
    # The (document, start, end, label, id) index gives the rows in order.
    cursor = driver.execute(
        DOCUMENT_ANNOTATIONS, (document_id, NO_END if before is None else before)
    )
    return [
        make(
            Annotation,
            (
                i,
                document_id,
                lb,
                st,
                en,
                no,
                an,
                created := parse(cr),
                created if up == cr else parse(up),  # mostly never changed: parsed once
                as_attributes(json.loads(at)) if at else (),
                or_ == 1,
                ve,
                so,
                ru,
            ),
        )
        for i, lb, st, en, no, an, cr, up, at, or_, ve, so, ru in cursor
    ]


def readable_time(value: object) -> datetime:
    """A stored time, or :data:`UNREADABLE_TIME` for one that cannot be read."""
    try:
        return datetime.fromisoformat(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return UNREADABLE_TIME


def lenient_annotations(
    driver: sqlite3.Connection, document_id: str, before: int | None
) -> list[Annotation]:
    """:func:`document_annotations` with times another program stored unreadably read
    as :data:`UNREADABLE_TIME` (so the document still opens)."""
    try:
        return document_annotations(driver, document_id, before, datetime.fromisoformat)
    except (ValueError, TypeError):  # a date another program wrote
        return document_annotations(driver, document_id, before, readable_time)


def document_rows(
    driver: sqlite3.Connection, document_id: str, before: int | None
) -> AnnotationRows:
    """The document's annotations as compact rows, in :func:`document_annotations`'s
    order, read a few thousand at a time, column by column (each column converted at C
    speed: a time or an attribute set is parsed once per distinct stored value). A time
    that cannot be read is :data:`UNREADABLE_TIME`; one with a zone raises ``TypeError``."""
    rows = AnnotationRows()
    cursor = driver.execute(
        DOCUMENT_ANNOTATIONS, (document_id, NO_END if before is None else before)
    )
    times: dict[object, int] = {}
    attribute_sets: dict[str, tuple[tuple[str, AttributeValue], ...]] = {}
    while chunk := cursor.fetchmany(CHUNK):
        (
            ids,
            labels,
            starts,
            ends,
            notes,
            who,
            created,
            updated,
            stored,
            orphaned,
            versions,
            *how,
        ) = zip(*chunk, strict=True)
        for text in {*created, *updated}.difference(times):
            times[text] = micros(readable_time(text))
        for text in {a for a in stored if a}.difference(attribute_sets):
            attribute_sets[text] = as_attributes(json.loads(text))
        rows.extend_columns(
            ids,
            document_id,
            labels,
            starts,
            ends,
            notes,
            who,
            map(times.__getitem__, created),
            map(times.__getitem__, updated),
            (attribute_sets.get(a, ()) if a else () for a in stored),
            orphaned,
            versions,
            how[0],
            how[1],
        )
    return rows


def label_from(
    name: str,
    color: str,
    hotkey: str | None,
    description: str | None,
    attributes: Iterable[dict[str, object]] | None,
) -> Label:
    """A label from its row's columns (``attributes`` as stored: a list of dicts)."""
    return Label(
        name=name,
        color=color,
        hotkey=hotkey,
        description=description,  # type: ignore[arg-type]
        attributes=tuple(spec_from_dict(item) for item in attributes or ()),
    )


# (id, title, done, version, previous_id) of every document, in import order
DocumentListRow = tuple[str, str, object, int, str | None]


def summaries(
    rows: Iterable[DocumentListRow], counts: Mapping[str, tuple[int, int]]
) -> list[DocumentSummary]:
    """The newest version of every document in ``rows`` with its annotation count and the
    orphaned annotations its versions hold; ``counts``: document id → (annotations,
    orphaned annotations)."""
    rows = list(rows)
    previous = {row[0]: row[4] for row in rows}
    replaced = {row[4] for row in rows if row[4]}
    out = []
    for doc_id, title, done, version, _previous in rows:
        if doc_id in replaced:
            continue
        orphans, at, seen = 0, doc_id, set()
        while at is not None and at not in seen:
            seen.add(at)
            orphans += counts.get(at, (0, 0))[1]
            at = previous.get(at)
        out.append(
            DocumentSummary(
                id=doc_id,
                title=title,
                annotation_count=counts.get(doc_id, (0, 0))[0],
                done=bool(done),
                version=version,
                orphans=orphans,
            )
        )
    return out
