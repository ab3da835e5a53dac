"""Opening a database: URL resolution, SQLite pragmas and migrations to head."""

from __future__ import annotations

import os
import re
import sqlite3
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

from sqlalchemy import Connection, Engine, NullPool, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from annotator.core.messages import FILE_PROBLEM, N_, message_of, say
from annotator.core.reading import resolved
from annotator.store import fresh_schema
from annotator.store.errors import PasswordNeeded, StoreError
from annotator.store.locations import default_database_file

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only to migrate or when the migration files cannot be read plainly:
# opening a database already at the newest schema never loads it (0.1 s: measured-facts §7).
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def to_url(target: str) -> str:
    """An SQLAlchemy URL for ``target``, which is either a URL or a file path
    (:class:`StoreError` for a path that is a loop of symbolic links)."""
    if "://" in target:
        return target
    try:
        return "sqlite:///" + str(resolved(Path(target).expanduser()))
    except OSError as exc:  # a loop of symbolic links
        raise StoreError(say(N_("{exc}, not a database file"), exc=message_of(exc))) from None


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL (None for other databases and in-memory ones)."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def split_credentials(url: str) -> tuple[str, str, str, str] | None:
    """``(scheme, user, password, rest)`` of a URL that carries a password, as written
    (not percent-decoded); None when it carries none.

    A password may hold an unencoded ``@``: the credentials end at the last ``@`` before
    the host, as browsers read URLs, so no part of a password is taken for the host."""
    scheme, sep, after = url.partition("://")
    if not sep:
        return None
    for at, char in enumerate(after):
        if char != "@" or "@" in re.match(r"[^/?]*", after[at + 1 :]).group():  # type: ignore[union-attr]
            continue
        user, colon, password = after[:at].partition(":")
        if not colon or "/" in user or "?" in user:
            return None
        return scheme, user, password, after[at + 1 :]
    return None


def parse_url(url: str) -> URL:
    """``url`` parsed, with credentials split as :func:`split_credentials` says.

    Raises ValueError for a string that is no URL, or one that cannot be read safely (an
    ``@`` left in the database name could be part of the password)."""
    credentials = split_credentials(url)
    if credentials is not None:
        scheme, user, password, rest = credentials
        url = f"{scheme}://{_encoded(user)}:{_encoded(password)}@{rest}"
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise ValueError(say(N_("not a database path or URL"))) from exc
    if parsed.password is not None and "@" in (parsed.database or ""):
        raise ValueError(say(N_("write each @ in the password as %40")))
    return parsed


def _encoded(part: str) -> str:
    return quote(unquote(part), safe="")


def hidden(url: str) -> str:
    """``url`` with any password as ``***``, even in a URL that does not parse."""
    parts = _loose_credentials(url)
    return url if parts is None else "{}://{}:***@{}".format(*parts)


def _loose_credentials(url: str) -> tuple[str, str, str] | None:
    """``(scheme, user, rest)`` of a URL that may carry a password, split generously:
    at the last ``@`` before the query, so that no part of a password is left in
    ``rest`` however the URL is broken."""
    scheme, sep, after = url.partition("://")
    first = after.find("@")
    if not sep or first < 0:
        return None
    query = after.find("?", first)
    at = after.rfind("@", 0, query if query >= 0 else len(after))
    user, colon, _password = after[:at].partition(":")
    return (scheme, user, after[at + 1 :]) if colon and "/" not in user else None


def without_password(url: str) -> str:
    """``url`` with any password left out (what may be shown, logged or remembered)."""
    try:
        parsed = parse_url(url)
    except ValueError:
        parts = _loose_credentials(url)
        return url if parts is None else "{}://{}@{}".format(*parts)
    if parsed.password is None and "password" not in parsed.query:
        return url
    # psycopg also takes the password from the query (``...?password=...``).
    parsed = parsed._replace(password=None).difference_update_query(["password"])
    return parsed.render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    """``url`` with ``password``: for opening a connection only, never to be kept."""
    return parse_url(url).set(password=password).render_as_string(hide_password=False)


def password_problem(exc: BaseException) -> str | None:
    """What the server said when it wanted a password it did not get, or refused the
    one it got (PostgreSQL); None for any other failure."""
    text = str(getattr(exc, "orig", None) or exc)
    if "no password supplied" in text:
        return say(N_("the server asks for a password"))
    if "password authentication failed" in text:
        return say(N_("password authentication failed"))
    return None


def describe(url: str) -> str:
    """The URL as shown to the user: a plain path for SQLite files, no password."""
    try:
        parsed = parse_url(url)
    except ValueError:
        return hidden(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    if "password" in parsed.query:  # psycopg takes it from the query too
        parsed = parsed.update_query_dict({"password": "***"})
    return parsed.render_as_string(hide_password=True)


# A database server that accepts a connection and never answers would otherwise be
# waited for without end: connecting gives up after this many seconds...
CONNECT_TIMEOUT_S = 10
CONNECT_TIMEOUT_VARIABLE = "ANNOTATOR_CONNECT_TIMEOUT"
MIN_CONNECT_TIMEOUT_S = 2  # libpq's (and psycopg's) least: 1 is taken as 2
# ...and an open connection to a server that went silent (a cable pulled, a machine
# gone) is found dead by TCP keepalives within about a minute, not hours.
KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 60000,  # ms: data sent and never acknowledged
}


def connect_timeout(url: URL) -> int:
    """Seconds a connection to a server may take: the URL's ``connect_timeout=``, else
    ``$ANNOTATOR_CONNECT_TIMEOUT``, else :data:`CONNECT_TIMEOUT_S`; at least 2.

    Raises :class:`StoreError` for a value that is not a positive whole number."""
    given = url.query.get("connect_timeout")
    source = "the URL's connect_timeout"
    if given is None:
        given = os.environ.get(CONNECT_TIMEOUT_VARIABLE, "").strip() or None
        source = f"${CONNECT_TIMEOUT_VARIABLE}"
    if given is None:
        return CONNECT_TIMEOUT_S
    value = given if isinstance(given, str) else given[-1]
    if not value.isascii() or not value.isdigit() or int(value) == 0:
        raise StoreError(
            say(
                N_("{source} is {value}: give a whole number of seconds, such as 10"),
                source=source,
                value=repr(value),
            )
        )
    return max(int(value), MIN_CONNECT_TIMEOUT_S)


def unreachable(url: URL, exc: BaseException) -> str | None:
    """What to tell the user when connecting to ``url`` timed out (``exc``: the driver's
    error or SQLAlchemy's wrapping one): *cannot reach the database server at HOST:PORT
    within N s*; None for any other failure."""
    orig = getattr(exc, "orig", None) or exc
    if type(orig).__name__ != "ConnectionTimeout" and "timeout expired" not in str(orig):
        return None
    host = url.host or "localhost"
    where = f"{f'[{host}]' if ':' in host else host}:{url.port or 5432}"
    return say(
        N_(
            "cannot reach the database server at {where} within {seconds} s "
            "(is it running, and is this its address? ${variable} sets the wait)"
        ),
        where=where,
        seconds=connect_timeout(url),
        variable=CONNECT_TIMEOUT_VARIABLE,
    )


def create_db_engine(url: str) -> Engine:
    """An engine with the pragmas the app relies on (SQLite) and no pooling surprises;
    connections to a server time out (:func:`connect_timeout`) and are kept alive."""
    try:
        parsed = parse_url(url)
    except ValueError as exc:
        raise StoreError(say(FILE_PROBLEM, file=hidden(url), problem=message_of(exc))) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise StoreError(
                say(
                    N_("{database}: folder {folder} does not exist"),
                    database=parsed.database,
                    folder=folder,
                )
            )
    options: dict[str, object] = {}
    if parsed.get_backend_name() == "postgresql":
        options = {key: value for key, value in KEEPALIVES.items() if key not in parsed.query}
        options["connect_timeout"] = connect_timeout(parsed)
    try:
        engine = create_engine(parsed, connect_args=options)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise StoreError(
            say(
                N_("{describe}: cannot open database ({exc})"),
                describe=describe(url),
                exc=message_of(exc),
            )
        ) from None
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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


_REVISION = re.compile(r"""^revision\s*(?::[^=\n]*)?=\s*["']([^"'\n]+)["']\s*$""", re.M)
_DOWN_REVISION = re.compile(
    r"""^down_revision\s*(?::[^=\n]*)?=\s*(?:None|["']([^"'\n]+)["'])\s*$""", re.M
)


@cache
def _revision_links() -> dict[str, str | None] | None:
    """Each migration file's revision and the one it revises, read from its
    ``revision = "…"`` and ``down_revision = …`` lines; None when a file is missing them
    or gives them otherwise (a merge's tuple), or there are no source files."""
    links: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        if path.name.startswith("__"):
            continue
        text = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None or revision[1] in links:
            return None
        links[revision[1]] = down[1]
    heads = set(links) - set(links.values())
    return links if len(heads) == 1 else None


@cache
def head_revision() -> str:
    links = _revision_links()
    if links is not None:
        return (set(links) - set(links.values())).pop()
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@cache
def known_revisions() -> frozenset[str]:
    """Every schema revision this version of Annotator has a migration for."""
    links = _revision_links()
    if links is not None:
        return frozenset(links)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


@cache
def older_revisions() -> frozenset[str]:
    """Every schema revision before head (a file at one of them is upgraded on open)."""
    return known_revisions() - {head_revision()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _stored_revision(connection, set(inspect(connection).get_table_names()))


def _stored_revision(connection: Connection, tables: set[str]) -> str | None:
    """The schema revision alembic recorded in the database (None if it recorded none);
    read as alembic reads it, by alembic itself for a table holding several."""
    if "alembic_version" not in tables:
        return None
    found = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(found) <= 1:
        return found[0][0] if found else None
    from alembic.runtime.migration import MigrationContext

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
            tables = set(inspect(connection).get_table_names())
            current = _stored_revision(connection, tables)
            journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar() if sqlite else None
    except SQLAlchemyError as exc:
        asked = password_problem(exc)
        if asked is not None:
            url = without_password(engine.url.render_as_string(hide_password=False))
            refused = "authentication failed" in asked
            raise PasswordNeeded(
                say(FILE_PROBLEM, file=where, problem=asked), url, refused
            ) from None
        problem = unreachable(engine.url, exc) or say(
            N_("cannot read database ({reason})"), reason=reason(exc)
        )
        raise StoreError(say(FILE_PROBLEM, file=where, problem=problem)) from None

    if current is None and tables - {"alembic_version"}:
        raise StoreError(
            say(
                N_("{where}: not an Annotator database (it already holds tables: {items})"),
                where=where,
                items=", ".join(sorted(tables)),
            )
        )
    if current is not None and current not in known_revisions():
        raise StoreError(
            say(
                N_(
                    "{where}: written by a newer version of Annotator (schema revision "
                    "{current}); update Annotator to open it"
                ),
                where=where,
                current=current,
            )
        )
    if sqlite and revision == "head" and current == head_revision() and journal == "wal":
        return  # as it should be: nothing to write
    new = sqlite and revision == "head" and current is None and not tables
    try:
        _upgrade_when_free(engine, revision, new=new)
    except SQLAlchemyError as exc:
        if is_busy(exc):
            raise StoreError(
                say(
                    N_(
                        "{where}: cannot open it: another program kept it locked for more than "
                        "{LOCK_WAIT_S:.0f} s ({reason}); try again when it is done"
                    ),
                    where=where,
                    LOCK_WAIT_S=LOCK_WAIT_S,
                    reason=reason(exc),
                )
            ) from None
        raise StoreError(
            say(N_("{where}: cannot upgrade database ({reason})"), where=where, reason=reason(exc))
        ) from None


def _upgrade_when_free(engine: Engine, revision: str, *, new: bool = False) -> None:
    """:func:`_upgrade`, tried again (it is one transaction) while another connection's
    lock keeps it from committing or from changing the journal mode, for up to
    :data:`LOCK_WAIT_S` in all (as :func:`_begin_immediate` waits)."""
    deadline = time.monotonic() + LOCK_WAIT_S
    pause = 0.01
    while True:
        try:
            _upgrade(engine, revision, new=new)
            return
        except SQLAlchemyError as exc:
            if not is_busy(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def _upgrade(engine: Engine, revision: str, *, new: bool = False) -> None:
    """Run the migrations up to ``revision``; ``new``: an empty SQLite database to be
    made at the head, which takes the schema the migrations made earlier in this process
    (:mod:`annotator.store.fresh_schema`)."""
    if engine.dialect.name != "sqlite":
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            _alembic_upgrade(config, revision)
        return
    # SQLite: one transaction for all migrations, with foreign keys off so that tables
    # rebuilt by batch operations do not cascade deletes; checked before committing.
    migrator = create_engine(engine.url, poolclass=NullPool)
    install_sqlite_hooks(migrator, foreign_keys=False)
    try:
        with migrator.connect() as connection:
            connection = connection.execution_options(**{IMMEDIATE: True})
            with connection.begin():
                if not (new and fresh_schema.replay(connection)):
                    config = alembic_config()
                    config.attributes["connection"] = connection
                    _alembic_upgrade(config, revision)
                    if new:
                        fresh_schema.remember(connection)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        say(N_("migration left {count} dangling references"), count=len(broken))
                    )
        raw = migrator.raw_connection()
        try:
            _wal_mode(raw.driver_connection)
        finally:
            raw.close()
    finally:
        migrator.dispose()


def _alembic_upgrade(config: Config, revision: str) -> None:
    from alembic import command  # only to migrate: importing it costs a launch 0.1 s

    command.upgrade(config, revision)


def _wal_mode(driver: sqlite3.Connection) -> None:
    """``PRAGMA journal_mode=WAL``; a lock that keeps it from changing the mode raises
    SQLAlchemy's error, for :func:`_upgrade_when_free` to wait and try again."""
    try:
        driver.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError as exc:
        raise OperationalError("PRAGMA journal_mode=WAL", (), exc) from exc


def reason(exc: SQLAlchemyError) -> str:
    """What the driver said, on one line (libpq puts a hint on a line of its own)."""
    orig = getattr(exc, "orig", None)
    return " ".join(str(orig if orig is not None else exc).split())


def default_database_target() -> str:
    """``ANNOTATOR_DB`` if set, else ``annotations.db`` in the user data directory."""
    configured = os.environ.get("ANNOTATOR_DB")
    if configured:
        return configured
    file = default_database_file()
    file.parent.mkdir(parents=True, exist_ok=True)
    return str(file)
