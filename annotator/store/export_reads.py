"""Reading a whole export from one snapshot, a document at a time, its annotations as
plain rows (:mod:`annotator.core.export_rows`): no object per annotation, and only one
document's text and annotations held at once."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.orm import Session

from annotator.core.attributes import as_attributes
from annotator.core.export_rows import ExportRow
from annotator.core.model import Document
from annotator.core.timestamps import iso_utc_stored
from annotator.store.models import DOCUMENT_COLUMNS, AnnotationRow, DocumentRow


class UnreadableValue(ValueError):
    """A stored value (a time another program wrote) that cannot be read."""


_SQLITE_ROWS = (
    "SELECT id, label, start_offset, end_offset, note, annotator, created_at, updated_at, "
    "attributes, orphaned, source, rule FROM annotations WHERE document_id = ? "
    "ORDER BY start_offset, end_offset, label, id"  # the index's order: no sorting
)
_COLUMNS = (
    AnnotationRow.id,
    AnnotationRow.label,
    AnnotationRow.start_offset,
    AnnotationRow.end_offset,
    AnnotationRow.note,
    AnnotationRow.annotator,
    AnnotationRow.created_at,
    AnnotationRow.updated_at,
    AnnotationRow.attributes,
    AnnotationRow.orphaned,
    AnnotationRow.source,
    AnnotationRow.rule,
)
_ORDER = itemgetter(2, 3, 1, 0)  # start, end, label, id: as Python compares them


class ExportReader:
    """The documents and annotations of one read transaction (``s``), for an export."""

    def __init__(self, s: Session) -> None:
        self._s = s

    def heads(self) -> list[tuple[str, str, str | None]]:
        """(id, title, previous version's id) of every document, in import order."""
        query = select(DocumentRow.id, DocumentRow.title, DocumentRow.previous_id).order_by(
            DocumentRow.position, DocumentRow.version
        )
        return [(i, t, p) for i, t, p in self._s.execute(query)]

    def documents(self) -> Iterator[tuple[Document, list[ExportRow]]]:
        """Every document in import order with its annotations ordered by (start, end,
        label, id), read as they are taken (on SQLite one document at a time, elsewhere
        :data:`BATCH` at a time: a round trip costs more than the rows). Raises
        :class:`UnreadableValue` for a stored time that is not one (SQLite keeps whatever
        it is given)."""
        connection = self._s.connection()
        sqlite = connection.dialect.name == "sqlite"
        batch = 1 if sqlite else BATCH
        query = select(*DOCUMENT_COLUMNS).order_by(DocumentRow.position, DocumentRow.version)
        try:
            found = connection.execute(query.execution_options(yield_per=batch))
            while chunk := [Document(*row) for row in found.fetchmany(batch)]:
                if sqlite:
                    driver = connection.connection.driver_connection
                    rows = [_rows(driver.execute(_SQLITE_ROWS, (doc.id,))) for doc in chunk]
                else:
                    rows = _batch_rows(connection, chunk)
                yield from zip(chunk, rows, strict=True)
        except (ValueError, TypeError) as exc:
            raise UnreadableValue(str(exc)) from exc


BATCH = 32  # documents read together where each query is a round trip


def _batch_rows(connection: Connection, documents: list[Document]) -> list[list[ExportRow]]:
    """The rows of each of ``documents``, in one query, sorted here: text columns sort
    by the database's collation, which need not be Python's."""
    by_document: dict[str, list[Row[Any]]] = {doc.id: [] for doc in documents}
    query = select(AnnotationRow.document_id, *_COLUMNS).where(
        AnnotationRow.document_id.in_(list(by_document))
    )
    for row in connection.execute(query):
        by_document[row[0]].append(row[1:])
    return [sorted(_rows(found), key=_ORDER) for found in by_document.values()]


def _rows(cursor: Iterable[Sequence[Any]]) -> list[ExportRow]:
    """Rows of ``_COLUMNS`` as exports stream them: times as the formats write them,
    attributes as name-sorted pairs."""
    time = iso_utc_stored
    return [
        (
            i,
            lb,
            st,
            en,
            no,
            an,
            created := time(cr),
            created if up == cr else time(up),  # mostly never changed: converted once
            () if not at else as_attributes(json.loads(at) if type(at) is str else at),
            or_,
            so,
            ru,
        )
        for i, lb, st, en, no, an, cr, up, at, or_, so, ru in cursor
    ]
