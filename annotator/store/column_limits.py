"""What fits the schema's columns, read from the models: the same answer on every backend.

SQLite stores a 150-character string in a ``String(100)`` column and a 64-bit number in
an ``Integer`` one; PostgreSQL refuses both. Imports check values here first, so a
database never holds what a move to a server would refuse, and a refusal names the
record instead of coming from the server half-way through.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.orm import InstrumentedAttribute

from annotator.core.messages import N_, say
from annotator.core.model import NewDocument
from annotator.core.values import MAX_INTEGER
from annotator.store.errors import StoreError
from annotator.store.models import DocumentRow

# PostgreSQL's ``integer``, the narrowest of the backends'.
INTEGER_RANGE = (-MAX_INTEGER - 1, MAX_INTEGER)


# A record, its field and what does not fit: "doc.txt: title is 600 characters long; …".
FIELD_PROBLEM = N_("{file}: {field} {problem}")


def column_problem(column: InstrumentedAttribute[Any], value: object) -> str | None:
    """Why ``value`` does not fit ``column`` (a model attribute), or None when it does.

    A string longer than a ``String(N)`` column's N code points, and an integer outside
    PostgreSQL's 32-bit range for an ``Integer`` column, do not fit; None always does."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, String) and kind.length is not None and isinstance(value, str):
        if len(value) > kind.length:
            return say(
                N_("is {count} characters long; the database holds at most {most}"),
                count=len(value),
                most=kind.length,
            )
    elif isinstance(kind, Integer) and isinstance(value, int):
        low, high = INTEGER_RANGE
        if not low <= value <= high:
            return say(
                N_("is {value}, outside the range the database holds ({low} to {high})"),
                value=value,
                low=low,
                high=high,
            )
    return None


# What an imported file gives each column with a limit (the text and title have none).
NEW_DOCUMENT_FIELDS = {
    "format": DocumentRow.format,
    "encoding": DocumentRow.encoding,
    "published": DocumentRow.published,
}


def check_new_documents(documents: Sequence[NewDocument]) -> None:
    """Refuse (:class:`StoreError` naming the file, the field and the limit) documents
    with a value that does not fit its column on every backend."""
    for doc in documents:
        for name, column in NEW_DOCUMENT_FIELDS.items():
            problem = column_problem(column, getattr(doc, name))
            if problem is not None:
                raise StoreError(say(FIELD_PROBLEM, file=doc.source, field=name, problem=problem))
