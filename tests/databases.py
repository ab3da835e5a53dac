"""The databases tests run against: an SQLite file, and a real PostgreSQL server.

PostgreSQL tests need ``ANNOTATOR_TEST_PG_URL`` (a ``postgresql+psycopg://`` URL of a role
that may create databases); each test gets a database of its own, dropped afterwards.
Without the variable they are skipped, unless ``ANNOTATOR_TEST_PG_REQUIRED`` is set
(``.ci/run`` sets both), when they fail: CI never skips them.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import NullPool, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

PG_URL_VARIABLE = "ANNOTATOR_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pg_server_url() -> str:
    """The server URL from the environment; skips (or fails in CI) without one."""
    url = os.environ.get(PG_URL_VARIABLE, "").strip()
    if not url:
        if os.environ.get("ANNOTATOR_TEST_PG_REQUIRED"):
            pytest.fail(f"{PG_URL_VARIABLE} is not set but PostgreSQL tests are required")
        pytest.skip(f"PostgreSQL tests run when {PG_URL_VARIABLE} is set")
    return url


@dataclass(frozen=True)
class Database:
    """One test database: ``target`` is what ``--db`` and ``Store.open`` take."""

    backend: str
    target: str

    @property
    def url(self) -> str:
        if self.backend == "sqlite":
            return "sqlite:///" + self.target
        return self.target

    def rows(self, sql: str, *params: Any) -> list[tuple[Any, ...]]:
        """Run one statement with ``?`` placeholders in a transaction of its own."""
        if self.backend == "postgresql":
            sql = re.sub(r"\?", lambda _m: "%s", sql)
        engine = create_engine(self.url, poolclass=NullPool)
        try:
            with engine.begin() as conn:
                result = conn.exec_driver_sql(sql, tuple(params))
                return [tuple(r) for r in result] if result.returns_rows else []
        finally:
            engine.dispose()

    def table(self, name: str) -> list[tuple[Any, ...]]:
        """Every row of ``name``, in a stable order."""
        return self.rows(f"SELECT * FROM {name} ORDER BY 1")


@dataclass(frozen=True)
class PgServer:
    """Makes and drops databases on the test server."""

    url: str

    def create(self) -> str:
        name = f"annotator_t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            admin.dispose()
        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop the test database, ending its sessions. FORCE also signals an autovacuum
        worker that happens to be in it, which a non-superuser may not do: that race is
        waited out (the worker ends on its own) rather than failing the test."""
        name = make_url(url).database
        admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        try:
            for attempt in range(50):
                try:
                    with admin.connect() as conn:
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                    return
                except ProgrammingError as exc:
                    if "must be a member of the role" not in str(exc) or attempt == 49:
                        raise
                    time.sleep(0.2)
        finally:
            admin.dispose()


def make_database(backend: str, folder: Path) -> Iterator[Database]:
    """A fresh, empty database of ``backend`` (a generator for fixtures)."""
    if backend == "sqlite":
        yield Database("sqlite", str(folder / "annotations.db"))
        return
    server = PgServer(pg_server_url())
    url = server.create()
    try:
        yield Database("postgresql", url)
    finally:
        server.drop(url)
