"""What an Annotator database file must hold: the tables and columns of each schema
revision, built once per revision from the migrations, and a check of a file against
them (for a backup about to be restored)."""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from functools import cache
from pathlib import Path

Tables = dict[str, frozenset[str]]  # table -> its columns
COLUMNS = "SELECT * FROM pragma_table_info(?)"  # (cid, name, type, ...)


@cache
def expected_tables(revision: str) -> Tables:
    """The tables and columns a database at ``revision`` has (an empty one made by the
    migrations, in a temporary folder)."""
    from annotator.store.database import create_db_engine, migrate, to_url

    with tempfile.TemporaryDirectory(prefix="annotator-schema-") as folder:
        path = Path(folder) / "schema.db"
        engine = create_db_engine(to_url(str(path)))
        try:
            migrate(engine, revision)
        finally:
            engine.dispose()
        return tables_of(path) or {}


def tables_of(path: Path) -> Tables | None:
    """The tables and columns in the SQLite file ``path``, read without writing (None if
    it cannot be read)."""
    uri = path.resolve().as_uri()
    for mode in ("mode=ro", "immutable=1"):
        try:
            with closing(sqlite3.connect(f"{uri}?{mode}", uri=True)) as conn:
                names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                return {
                    name: frozenset(row[1] for row in conn.execute(COLUMNS, (name,)))
                    for (name,) in names.fetchall()
                }
        except sqlite3.Error:
            continue
    return None


def schema_problem(path: Path, revision: str) -> str | None:
    """What makes ``path`` (recording schema ``revision``) not an Annotator database: an
    unknown revision, or a table or column that revision has and the file lacks; None
    if there is nothing wrong."""
    from annotator.store.database import known_revisions

    if revision not in known_revisions():
        return f"its schema revision {revision!r} is not one Annotator knows"
    found = tables_of(path)
    if found is None:
        return "its tables cannot be read"
    for table, columns in sorted(expected_tables(revision).items()):
        if table not in found:
            return f"schema revision {revision} has a table {table!r}, and the file has none"
        missing = sorted(columns - found[table])
        if missing:
            return f"its table {table!r} lacks the column(s) {', '.join(missing)}"
    return None
