"""A new SQLite database's schema, as the migrations leave it: made by them once a
process, then replayed into the next new database (a handful of statements, where running
every migration again costs a tenth of a second; the test suite makes thousands).

What is replayed is read back from the database the migrations made (its ``sqlite_master``
and every row its tables hold), so it cannot drift from them.
"""

from __future__ import annotations

from sqlalchemy import Connection

# (statements in creation order, then (table, columns, rows) of the rows the migrations
# wrote, e.g. the schema revision); None until this process has made a new database.
_Script = tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...], tuple[tuple, ...]], ...]]
_script: _Script | None = None
_ORDER = "CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 1 WHEN 'index' THEN 2 ELSE 3 END"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def remember(connection: Connection) -> None:
    """Keep the schema and rows of the database ``connection`` has just migrated from
    nothing."""
    global _script
    statements = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        f"ORDER BY {_ORDER}, rowid"
    ).scalars()
    tables = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY rowid"
    ).scalars()
    rows = []
    for table in tables.all():
        result = connection.exec_driver_sql(f"SELECT * FROM {_quoted(table)}")
        found = tuple(tuple(row) for row in result)
        if found:
            rows.append((table, tuple(result.keys()), found))
    _script = (tuple(statements.all()), tuple(rows))


def replay(connection: Connection) -> bool:
    """Make the remembered schema and rows in the empty database of ``connection``;
    False (nothing done) if this process has not migrated a new database yet."""
    script = _script
    if script is None:
        return False
    statements, tables = script
    for statement in statements:
        connection.exec_driver_sql(statement)
    for table, columns, rows in tables:
        names = ", ".join(map(_quoted, columns))
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(
            f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})", list(rows)
        )
    return True


def forget() -> None:
    """Make the next new database through the migrations again (tests)."""
    global _script
    _script = None
