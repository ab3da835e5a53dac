"""What happens to a database file before SQLite opens it: created private, checked,
backed up (when due, and always before its schema is upgraded)."""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

from annotator.core.messages import N_, say
from annotator.store.backups import (
    OWNER_ONLY,
    backup_if_due,
    list_backups,
    make_backup,
    policy,
    quick_check,
    schema_revision,
)
from annotator.store.errors import DamagedDatabase, StoreError


def prepare_file(path: Path, older: frozenset[str]) -> list[str]:
    """Create a missing database file readable by its owner only; check an existing one
    and back it up if a backup is due or its schema is one of the ``older`` revisions
    (about to be upgraded).

    Returns notices for the user (a backup that failed). Raises :class:`DamagedDatabase`
    (the file left untouched) when ``PRAGMA quick_check`` fails or the file is not an
    SQLite database, naming the newest backup to restore.
    """
    _check(path)
    if not path.is_file() or path.stat().st_size == 0:
        return []
    revision = schema_revision(path)
    if revision is None:
        return []  # not (yet) an Annotator database: not ours to back up
    keep, every = policy(path)
    try:
        if revision in older:
            make_backup(path, keep=keep)  # before the upgrade changes it
        else:
            backup_if_due(path, keep=keep, every=every)
    except (StoreError, OSError) as exc:
        return [f"No backup was made: {exc}"]
    return []


def check_kind(path: Path) -> None:
    """Raise :class:`StoreError` naming ``path`` if it exists and is not a regular file
    (nor a link to one), or is one of the system's own (``/proc``, ``/sys``): a device,
    a FIFO or a folder is never opened as a database."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return  # not there (or moved aside this moment by a restore): made when opened
    except OSError as exc:
        raise StoreError(
            say(
                N_("{path}: cannot open it as a database ({reason})"),
                path=path,
                reason=exc.strerror or exc,
            )
        ) from None
    if stat.S_ISDIR(mode):
        raise StoreError(say(N_("{path}: a folder, not a database file"), path=path))
    if not stat.S_ISREG(mode):
        raise StoreError(
            say(
                N_("{path}: not a regular file (a device, FIFO or socket); not a database"),
                path=path,
            )
        )
    if path.resolve().parts[1:2] in (("proc",), ("sys",)):
        raise StoreError(
            say(N_("{path}: a file of the operating system, not a database"), path=path)
        )


def _check(path: Path) -> None:
    check_kind(path)
    if not path.exists():
        if path.parent.is_dir():
            # Made meanwhile by another process: theirs to set up.
            with suppress(FileExistsError):
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
        return
    if not path.is_file() or path.stat().st_size == 0:
        return
    problem = quick_check(path)
    if problem is None:
        return
    backups = list_backups(path)
    if backups:
        advice = (
            f"The newest backup is from {backups[0].made:%Y-%m-%d %H:%M} UTC; restore it "
            f"with 'annotator restore --db {path}' (or from the dialog the window shows)."
        )
    else:
        advice = "There is no backup of it beside it."
    raise DamagedDatabase(
        say(
            N_(
                "{path}: the file is damaged or is not an Annotator database "
                "({problem}). It was left as it is. {advice}"
            ),
            path=path,
            problem=problem,
            advice=advice,
        ),
        str(path),
    )
