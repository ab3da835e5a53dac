"""Opening a database: URL resolution, SQLite pragmas and migrations to head."""

from __future__ import annotations

import os
import re
import sqlite3
import time
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, NullPool, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from annotator.store.errors import PasswordNeeded, StoreError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def to_url(target: str) -> str:
    """An SQLAlchemy URL for ``target``, which is either a URL or a file path."""
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL (None for other databases and in-memory ones)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def without_password(url: str) -> str:
    """``url`` with any password left out (what may be shown, logged or remembered)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return url
    if parsed.password is None and "password" not in parsed.query:
        return url
    # psycopg also takes the password from the query (``...?password=...``).
    parsed = parsed._replace(password=None).difference_update_query(["password"])
    return parsed.render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    """``url`` with ``password``: for opening a connection only, never to be kept."""
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def password_problem(exc: BaseException) -> str | None:
    """What the server said when it wanted a password it did not get, or refused the
    one it got (PostgreSQL); None for any other failure."""
    text = str(getattr(exc, "orig", None) or exc)
    if "no password supplied" in text:
        return "the server asks for a password"
    if "password authentication failed" in text:
        return "password authentication failed"
    return None


def describe(url: str) -> str:
    """The URL as shown to the user: a plain path for SQLite files, no password."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return url
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    if "password" in parsed.query:  # psycopg takes it from the query too
        parsed = parsed.update_query_dict({"password": "***"})
    return parsed.render_as_string(hide_password=True)


def create_db_engine(url: str) -> Engine:
    """An engine with the pragmas the app relies on (SQLite) and no pooling surprises."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        shown = re.sub(r"(://[^/:@]*:)[^@/]*@", r"\1***@", url)  # unparsed: hide a password
        raise StoreError(f"{shown}: not a database path or URL") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise StoreError(f"{parsed.database}: folder {folder} does not exist")
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise StoreError(f"{describe(url)}: cannot open database ({exc})") from None
    if engine.dialect.name == "sqlite":
        install_sqlite_hooks(engine, foreign_keys=True)
    return engine


IMMEDIATE = "sqlite_immediate"
# SQLite waits this long (ms) for another connection's lock before it answers "busy"...
BUSY_TIMEOUT_MS = 5000
# ...and a write transaction asks again until this many seconds have passed in all: a
# window waits out another window's change or a command-line import, and only a writer
# that holds the database for longer than this makes a change fail (with a message).
LOCK_WAIT_S = 30.0


def install_sqlite_hooks(engine: Engine, *, foreign_keys: bool) -> None:
    """Per-connection pragmas and real transactions for pysqlite.

    The driver's own transaction handling neither begins before SELECT nor before DDL;
    here every SQLAlchemy transaction is a real ``BEGIN`` (``BEGIN IMMEDIATE`` when the
    connection carries the ``sqlite_immediate`` execution option, for writes). None of
    the pragmas writes to the file, so a file that :func:`migrate` refuses stays as it was.

    Durability: the database is in WAL mode with ``synchronous=NORMAL``. A commit has
    written its pages to the WAL file (into the operating system's cache, not yet
    fsynced) when ``COMMIT`` returns, so a process killed at any moment afterwards, even
    by SIGKILL, loses nothing: the kernel still writes the file, and the next connection
    replays the WAL. Only a power cut or an operating-system crash can lose the last
    commits before a checkpoint fsyncs them (the database stays consistent, as of an
    earlier commit); ``synchronous=FULL`` would close that gap at an fsync per change.

    Two writers: a write transaction takes the write lock at its start (``BEGIN
    IMMEDIATE``), waiting for another writer up to the busy timeout, and its first
    read is then always of the newest data, so none of its statements can fail "busy"
    half-way (a ``BEGIN`` that reads first and writes later can: SQLITE_BUSY_SNAPSHOT,
    at once, without waiting). A read transaction never waits for a writer in WAL mode.
    """

    def on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API types)
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    def on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(IMMEDIATE):
            _begin_immediate(connection)
        else:
            connection.exec_driver_sql("BEGIN")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)


def _begin_immediate(connection: Connection) -> None:
    """``BEGIN IMMEDIATE``, asked again while another connection holds the write lock,
    for up to :data:`LOCK_WAIT_S` in all."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    deadline = time.monotonic() + LOCK_WAIT_S
    pause = 0.01
    while True:
        try:
            driver.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() + pause > deadline:
                raise OperationalError("BEGIN IMMEDIATE", (), exc) from exc
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` (a driver's, or SQLAlchemy's wrapping one) is SQLite's "database
    is locked" / "busy": another connection holds a lock this one waited for in vain."""
    orig = getattr(error, "orig", error)
    if not isinstance(orig, sqlite3.OperationalError):
        return False
    code = getattr(orig, "sqlite_errorcode", 0)  # the primary code is the low byte
    return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@cache
def known_revisions() -> frozenset[str]:
    """Every schema revision this version of Annotator has a migration for."""
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


@cache
def older_revisions() -> frozenset[str]:
    """Every schema revision before head (a file at one of them is upgraded on open)."""
    return known_revisions() - {head_revision()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``: a new database is created, an old one upgraded.

    Raises :class:`StoreError` for a file that is not a database, a database that is
    not Annotator's, or one written by a newer Annotator.
    """
    where = describe(engine.url.render_as_string(hide_password=False))
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            tables = set(inspect(connection).get_table_names())
            journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar() if sqlite else None
    except SQLAlchemyError as exc:
        asked = password_problem(exc)
        if asked is not None:
            url = without_password(engine.url.render_as_string(hide_password=False))
            refused = "authentication failed" in asked
            raise PasswordNeeded(f"{where}: {asked}", url, refused) from None
        raise StoreError(f"{where}: cannot read database ({reason(exc)})") from None
    if current is None and tables - {"alembic_version"}:
        raise StoreError(
            f"{where}: not an Annotator database (it already holds tables: "
            f"{', '.join(sorted(tables))})"
        )
    if current is not None and current not in known_revisions():
        raise StoreError(
            f"{where}: written by a newer version of Annotator (schema revision {current}); "
            "update Annotator to open it"
        )
    if sqlite and revision == "head" and current == head_revision() and journal == "wal":
        return  # as it should be: nothing to write
    try:
        _upgrade_when_free(engine, revision)
    except SQLAlchemyError as exc:
        if is_busy(exc):
            raise StoreError(
                f"{where}: cannot open it: another program kept it locked for more than "
                f"{LOCK_WAIT_S:.0f} s ({reason(exc)}); try again when it is done"
            ) from None
        raise StoreError(f"{where}: cannot upgrade database ({reason(exc)})") from None


def _upgrade_when_free(engine: Engine, revision: str) -> None:
    """:func:`_upgrade`, tried again (it is one transaction) while another connection's
    lock keeps it from committing or from changing the journal mode, for up to
    :data:`LOCK_WAIT_S` in all (as :func:`_begin_immediate` waits)."""
    deadline = time.monotonic() + LOCK_WAIT_S
    pause = 0.01
    while True:
        try:
            _upgrade(engine, revision)
            return
        except SQLAlchemyError as exc:
            if not is_busy(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _upgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        return
    # SQLite: one transaction for all migrations, with foreign keys off so that tables
    # rebuilt by batch operations do not cascade deletes; checked before committing.
    migrator = create_engine(engine.url, poolclass=NullPool)
    install_sqlite_hooks(migrator, foreign_keys=False)
    try:
        with migrator.connect() as connection:
            connection = connection.execution_options(**{IMMEDIATE: True})
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"migration left {len(broken)} dangling references")
        raw = migrator.raw_connection()
        try:
            _wal_mode(raw.driver_connection)
        finally:
            raw.close()
    finally:
        migrator.dispose()


def _wal_mode(driver: sqlite3.Connection) -> None:
    """``PRAGMA journal_mode=WAL``; a lock that keeps it from changing the mode raises
    SQLAlchemy's error, for :func:`_upgrade_when_free` to wait and try again."""
    try:
        driver.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError as exc:
        raise OperationalError("PRAGMA journal_mode=WAL", (), exc) from exc


def reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip()


def default_database_target() -> str:
    """``ANNOTATOR_DB`` if set, else ``annotations.db`` in the user data directory."""
    configured = os.environ.get("ANNOTATOR_DB")
    if configured:
        return configured
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("annotator", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder / "annotations.db")
