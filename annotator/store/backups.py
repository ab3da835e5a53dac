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

from annotator.store.errors import StoreError

KEEP = 7  # backups kept by default
EVERY = timedelta(days=1)  # an automatic backup at most this often, by default
PREFIX = "backup-"
STAMP = "%Y%m%dT%H%M%S%fZ"
OWNER_ONLY = 0o600
# Settings (in the database's settings table) that change KEEP and EVERY.
KEEP_SETTING = "backups.keep"
EVERY_SETTING = "backups.every_hours"


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
        raise StoreError(f"{database}: no such database file to back up")
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    folder = backup_folder(database)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{PREFIX}{moment.strftime(STAMP)}.db"
    partial = target.with_suffix(".partial")
    try:
        _copy(database, partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"{database}: could not back up to {folder} ({exc})") from None
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
    (the defaults where unset or unreadable)."""
    keep, every = KEEP, EVERY
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
        every = timedelta(
            hours=max(0.0, float(rows.get(EVERY_SETTING, every / timedelta(hours=1))))
        )
    except ValueError:
        pass  # a hand-edited setting that is not a number: the defaults
    return keep, every


def schema_revision(database: Path) -> str | None:
    """The schema revision recorded in the file (None for a file without one)."""
    try:
        with closing(sqlite3.connect(database)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def check_backup(backup: Path) -> None:
    """Raise :class:`StoreError` unless ``backup`` is a sound SQLite database."""
    problem = quick_check(backup)
    if problem is not None:
        raise StoreError(f"{backup}: not a usable backup ({problem})")


def quick_check(path: Path) -> str | None:
    """What ``PRAGMA quick_check`` finds wrong with the database file, or None if it is
    sound (or empty). Writes nothing to a file that is not a database. (Read-write, as
    the app opens it: a read-only connection cannot read a WAL left by a killed process
    without its shared-memory file.)"""
    try:
        with closing(sqlite3.connect(path)) as conn:
            rows = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(str(row) for row in rows)


def restore(database: Path, backup: Path, *, now: datetime | None = None) -> Path | None:
    """Replace ``database`` with a copy of ``backup`` (checked first). The file replaced,
    if there was one, is moved into the backup folder and its path returned. Close every
    connection to ``database`` first: one left open would go on writing to the old file."""
    check_backup(backup)
    moment = (now or datetime.now(UTC)).replace(tzinfo=None)
    folder = backup_folder(database)
    folder.mkdir(mode=0o700, exist_ok=True)
    kept = None
    if database.exists():
        kept = folder / f"before-restore-{moment.strftime(STAMP)}-{database.name}"
        try:
            for suffix in ("-wal", "-shm"):  # its uncommitted journal goes with it
                companion = database.with_name(database.name + suffix)
                if companion.exists():
                    os.replace(companion, kept.with_name(kept.name + suffix))
            os.replace(database, kept)
        except OSError as exc:
            raise StoreError(f"{database}: could not move it aside to restore ({exc})") from None
    partial = database.with_name(database.name + ".restoring")
    try:
        _copy(backup, partial)
        os.replace(partial, database)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        if kept is not None and not database.exists():
            os.replace(kept, database)  # as it was
        raise StoreError(f"{database}: could not restore {backup} ({exc})") from None
    return kept


def _copy(source: Path, target: Path) -> None:
    """Copy the database ``source`` (which may be in use) into a new private file
    ``target``, in SQLite's rollback-journal mode: one self-contained file."""
    _create_private(target)
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as copy:
        reader.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")


def _create_private(path: Path) -> None:
    """Create ``path`` empty, readable and writable by its owner only."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
