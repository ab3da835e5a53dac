"""Backups of SQLite database files: made with SQLite's online backup API, kept in a
folder beside the database (``annotations.db.backups/``), newest first, rotated.

A backup is a complete database, checked with ``PRAGMA quick_check`` before it is
restored. Restoring never destroys what it replaces: the current file (even a damaged
one) is moved into the backup folder first, as ``before-restore-...``.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from annotator.core.messages import N_, message_of, say
from annotator.store.errors import StoreError
from annotator.store.file_lock import hold_exclusive, shared
from annotator.store.schemas import schema_problem

KEEP = 7  # backups kept by default
EVERY = timedelta(days=1)  # an automatic backup at most this often, by default
PREFIX = "backup-"
STAMP = "%Y%m%dT%H%M%S%fZ"
OWNER_ONLY = 0o600
# Settings (in the database's settings table) that change KEEP and EVERY.
KEEP_SETTING = "backups.keep"
EVERY_SETTING = "backups.every_hours"
MAX_HOURS = 24 * 366 * 10  # a longer interval is taken as ten years


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    made: datetime  # UTC, naive
    size: int


def backup_folder(database: Path) -> Path:
    return database.with_name(database.name + ".backups")


def list_backups(database: Path) -> list[Backup]:
    """The backups of ``database``, newest first."""
    folder = backup_folder(database)
    found = []
    for path in folder.glob(f"{PREFIX}*.db") if folder.is_dir() else ():
        try:
            made = datetime.strptime(path.stem.removeprefix(PREFIX), STAMP)
        except ValueError:
            continue  # not one of ours
        found.append(Backup(path, made, path.stat().st_size))
    return sorted(found, key=lambda b: b.made, reverse=True)


def make_backup(database: Path, *, keep: int = KEEP, now: datetime | None = None) -> Backup:
    """Copy ``database`` (while it may be in use) into a new backup; keep the newest
    ``keep`` backups and delete older ones. Files are readable by their owner only."""
    if not database.is_file():
        raise StoreError(say(N_("{database}: no such database file to back up"), database=database))
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    folder = backup_folder(database)
    target = folder / f"{PREFIX}{moment.strftime(STAMP)}.db"
    partial = target.with_suffix(".partial")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        with shared(database):  # never while a restore swaps the file
            _copy(database, partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(
            say(
                N_("{database}: could not back up to {folder} ({exc})"),
                database=database,
                folder=folder,
                exc=message_of(exc),
            )
        ) from None
    for old in list_backups(database)[max(1, keep) :]:
        old.path.unlink(missing_ok=True)
    return Backup(target, moment, target.stat().st_size)


def backup_if_due(
    database: Path, *, keep: int = KEEP, every: timedelta = EVERY, now: datetime | None = None
) -> Backup | None:
    """Make a backup if the newest is older than ``every`` (or there is none); a zero
    ``every`` turns automatic backups off. Returns the backup made, if any."""
    if every <= timedelta(0) or not database.is_file() or database.stat().st_size == 0:
        return None
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    newest = list_backups(database)
    if newest and moment - newest[0].made < every:
        return None
    return make_backup(database, keep=keep, now=moment)


def policy(database: Path) -> tuple[int, timedelta]:
    """How many backups to keep and how often to make one, from the database's settings
    (the defaults where unset or unreadable; never creates a missing file)."""
    keep, every = KEEP, EVERY
    if not database.is_file():
        return keep, every
    try:
        with closing(sqlite3.connect(database)) as conn:
            rows = dict(
                conn.execute(
                    "SELECT key, value FROM settings WHERE key IN (?, ?)",
                    (KEEP_SETTING, EVERY_SETTING),
                )
            )
    except sqlite3.Error:
        return keep, every
    try:
        keep = max(1, int(rows.get(KEEP_SETTING, keep)))
        hours = float(rows.get(EVERY_SETTING, every / timedelta(hours=1)))
        every = timedelta(hours=min(max(0.0, hours), MAX_HOURS))  # NaN: max gives 0.0
    except (ValueError, OverflowError):
        keep, every = KEEP, EVERY  # a setting that is not a usable number: the defaults
    return keep, every


def schema_revision(database: Path) -> str | None:
    """The schema revision recorded in the file (None for a file without one)."""
    try:
        with closing(sqlite3.connect(database)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def check_backup(backup: Path, database: Path | None = None) -> None:
    """Raise :class:`StoreError` unless ``backup`` is a sound Annotator database (and not
    ``database`` itself)."""
    if not backup.is_file() or backup.stat().st_size == 0:
        raise StoreError(
            say(N_("{backup}: not a usable backup (no such file, or an empty one)"), backup=backup)
        )
    if database is not None and database.exists() and backup.samefile(database):
        raise StoreError(
            say(N_("{backup}: that is the database itself, not a backup of it"), backup=backup)
        )
    problem = quick_check(backup)
    if problem is None:
        revision = schema_revision(backup)
        if revision is None:
            problem = "not an Annotator database: it records no schema revision"
        else:
            found = schema_problem(backup, revision)
            problem = None if found is None else f"not an Annotator database: {found}"
    if problem is not None:
        raise StoreError(
            say(N_("{backup}: not a usable backup ({problem})"), backup=backup, problem=problem)
        )


def ensure_unused(database: Path) -> None:
    """Raise :class:`StoreError` if another connection (a window, an import) has the
    sound database ``database`` open: SQLite leaves WAL mode only when nothing else has
    the file open. Leaving it also writes every committed change into the file itself."""
    if not database.is_file() or quick_check(database) is not None:
        return  # a damaged file: nothing can be using it, and it is not to be written
    try:
        with closing(sqlite3.connect(database, timeout=1)) as conn:
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.Error as exc:
        mode = str(exc)
    if str(mode).lower() != "delete":
        raise StoreError(
            say(
                N_(
                    "{database}: it is open in another window or program; close it there "
                    "first, then restore"
                ),
                database=database,
            )
        )


def quick_check(path: Path) -> str | None:
    """What ``PRAGMA quick_check`` finds wrong with the database file, or None if it is
    sound (or empty, or locked by another program). Never writes to the file, nor to a
    WAL a killed process left beside it."""
    uri = path.resolve().as_uri()
    rows: list[object] = []
    for mode in ("mode=ro", "immutable=1"):  # read-only; without its -shm, as it is
        try:
            with closing(sqlite3.connect(f"{uri}?{mode}", uri=True)) as conn:
                rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
            break
        except sqlite3.OperationalError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                return None  # in use, not damaged: opening it waits its turn
            if code not in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY):
                return str(exc)
        except sqlite3.DatabaseError as exc:
            return str(exc)
    return None if rows == ["ok"] else "; ".join(str(row) for row in rows)


def restore(
    database: Path, backup: Path, *, now: datetime | None = None, wait_s: float = 0.0
) -> Path | None:
    """Replace ``database`` with a copy of ``backup`` (checked first). The file replaced,
    if there was one, is moved into the backup folder and its path returned.

    The whole swap holds ``database``'s lock exclusively (see :mod:`file_lock`): it is
    refused (:class:`StoreError`) while a window or program has the database open (for
    ``wait_s`` seconds, by default at once), and whoever opens it meanwhile waits, then
    opens the restored file."""
    check_backup(backup, database)
    lock = hold_exclusive(database, wait_s=wait_s)
    try:
        ensure_unused(database)  # a process of an older Annotator takes no lock
        return _swap(database, backup, now)
    finally:
        lock.release()


def _swap(database: Path, backup: Path, now: datetime | None) -> Path | None:
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    folder = backup_folder(database)
    kept = None
    moved: list[tuple[Path, Path]] = []
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        if database.exists():
            kept = folder / f"before-restore-{moment.strftime(STAMP)}-{database.name}"
            twin = 1
            while kept.exists():  # two restores in one microsecond (or one given `now`)
                twin += 1
                kept = folder / f"before-restore-{moment.strftime(STAMP)}-{twin}-{database.name}"
            for suffix in ("-wal", "-shm", ""):  # its journal goes with it
                here = database.with_name(database.name + suffix)
                if here.exists():
                    there = kept.with_name(kept.name + suffix)
                    os.replace(here, there)
                    moved.append((there, here))
    except OSError as exc:
        _put_back(moved)
        raise StoreError(
            say(
                N_("{database}: could not move it aside to restore ({exc})"),
                database=database,
                exc=message_of(exc),
            )
        ) from None
    partial = database.with_name(database.name + ".restoring")
    try:
        _copy(backup, partial, journal="WAL")  # as opening sets it: nothing to change then
        os.replace(partial, database)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        _put_back(moved)  # as it was, journal and all
        raise StoreError(
            say(
                N_("{database}: could not restore {backup} ({exc})"),
                database=database,
                backup=backup,
                exc=message_of(exc),
            )
        ) from None
    return kept


def _put_back(moved: list[tuple[Path, Path]]) -> None:
    for there, here in reversed(moved):
        if there.exists() and not here.exists():
            os.replace(there, here)


def _copy(source: Path, target: Path, journal: str = "DELETE") -> None:
    """Copy the database ``source`` (which may be in use) into a new private file
    ``target``, in the ``journal`` mode given; one self-contained file either way (the
    copy is closed, so no WAL is left beside it)."""
    _create_private(target)
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as copy:
        reader.backup(copy)
        copy.execute(f"PRAGMA journal_mode={journal}")


def _create_private(path: Path) -> None:
    """Create ``path`` empty, readable and writable by its owner only."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
