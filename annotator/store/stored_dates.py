"""Finding a stored date that is not one. SQLite keeps whatever a column is given, so a
row another program wrote (``UPDATE annotations SET created_at='garbage'``) cannot be
read back; this names it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import DateTime, String, select, type_coerce
from sqlalchemy.engine import Engine

from annotator.store.models import Base


def unreadable_date(engine: Engine, tables: Sequence[str]) -> str | None:
    """The first value of a date column of ``tables`` that is not a date and time, as
    ``annotations row 'id', column created_at holds 'garbage'…``; ``None`` if all are
    dates (and on PostgreSQL, whose columns hold nothing else)."""
    if engine.dialect.name != "sqlite":
        return None
    with engine.connect() as connection:
        for name in tables:
            table = Base.metadata.tables[name]
            key = next(iter(table.primary_key.columns))
            for column in table.columns:
                if not isinstance(column.type, DateTime):
                    continue
                rows = connection.execute(
                    select(key, type_coerce(column, String)).where(column.is_not(None))
                )
                for row_id, value in rows:
                    if not _is_date(value):
                        shown = value if isinstance(value, str) else str(value)
                        shown = shown if len(shown) <= 40 else shown[:39] + "…"
                        return (
                            f"{name} row {row_id!r}, column {column.name} holds {shown!r}, "
                            "not a date and time"
                        )
    return None


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
