"""The lock file beside an SQLite database (``annotations.db.lock``) that keeps a restore
and every opener of the database apart.

Every opener (a window, a command, a backup) holds a shared lock on it for as long as it
has the database open; a restore takes it exclusively, for the whole swap of files, and
only when nobody holds it. An opener that arrives during a restore waits for it to finish
(up to :data:`WAIT_S`), then opens the restored file. The lock is ``flock(2)``: the
operating system lets go of it when its holder exits, even when killed, so a lock file
left behind never blocks anyone. The file itself is never removed nor replaced.

POSIX only: where ``fcntl`` is missing (Windows) the lock is a no-op, and a restore
relies on its check that SQLite has the file open nowhere else.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.core.messages import N_, say
from annotator.store.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

OWNER_ONLY = 0o600
SUFFIX = ".lock"
WAIT_S = 30.0  # an opener waits this long for a restore before giving up with a message

Waiting = Callable[[str], None]  # told once, with a message for the user, when waiting


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


class DatabaseLock:
    """A held lock on a database's lock file; :meth:`release` lets go (idempotent)."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file releases its flock
            self._fd = None


def hold_shared(
    database: Path, *, on_wait: Waiting | None = None, wait_s: float | None = None
) -> DatabaseLock:
    """A shared lock on ``database``'s lock file, waiting (up to ``wait_s``, by default
    :data:`WAIT_S`) while a restore holds it; ``on_wait`` is told once that it waits.

    Raises :class:`StoreError` naming the database when the restore does not finish in
    time. Where no lock file can be made (a missing or read-only folder) no restore can
    swap files either: the lock is then a no-op."""
    fd = _open(database)
    if fd is None or fcntl is None:
        return DatabaseLock(fd)
    limit = WAIT_S if wait_s is None else wait_s
    deadline = time.monotonic() + limit
    pause = 0.005
    told = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return DatabaseLock(fd)
        except BlockingIOError:
            pass
        except OSError:  # a file system without flock: as without fcntl
            return DatabaseLock(fd)
        if time.monotonic() + pause > deadline:
            os.close(fd)
            raise StoreError(
                say(
                    N_(
                        "{database}: a restore of it has not finished after {limit:.0f} s; try "
                        "again when it has"
                    ),
                    database=database,
                    limit=limit,
                )
            )
        if not told and on_wait is not None:
            on_wait(f"waiting for a restore of {database} to finish…")
            told = True
        time.sleep(pause)
        pause = min(pause * 2, 0.02)


def hold_exclusive(database: Path, *, wait_s: float = 0.0) -> DatabaseLock:
    """The lock on ``database`` for a restore, taken only when nobody holds it (asked
    again for up to ``wait_s``); raises :class:`StoreError` if a window or program has
    the database open (or is opening it) all that time."""
    fd = _open(database)
    if fd is None:
        raise StoreError(
            say(
                N_("{database}: cannot create its lock file {lock_path}"),
                database=database,
                lock_path=lock_path(database),
            )
        )
    if fcntl is None:
        return DatabaseLock(fd)
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return DatabaseLock(fd)
        except BlockingIOError:
            pass
        except OSError:  # a file system without flock: the journal-mode check still applies
            return DatabaseLock(fd)
        if time.monotonic() >= deadline:
            os.close(fd)
            raise StoreError(
                say(
                    N_(
                        "{database}: it is open in another window or program; close it there "
                        "first, then restore"
                    ),
                    database=database,
                )
            )
        time.sleep(0.001)


@contextmanager
def shared(database: Path, *, on_wait: Waiting | None = None) -> Iterator[None]:
    """Hold a shared lock on ``database`` for the ``with`` block."""
    lock = hold_shared(database, on_wait=on_wait)
    try:
        yield
    finally:
        lock.release()


def _open(database: Path) -> int | None:
    path = lock_path(database)
    nofollow = getattr(os, "O_NOFOLLOW", 0)  # never a lock file made elsewhere by a link
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | nofollow, OWNER_ONLY)
    except FileNotFoundError:
        return None  # no such folder: opening the database says so
    except OSError:
        try:
            return os.open(path, os.O_RDONLY | nofollow)  # flock works on a read-only descriptor
        except OSError:
            return None
