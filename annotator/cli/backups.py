"""``annotator backup`` and ``annotator restore`` (SQLite files only)."""

from __future__ import annotations

import argparse

from annotator.cli import say
from annotator.cli.common import database_file, open_for_command
from annotator.store import StoreError
from annotator.store.backups import (
    EVERY_SETTING,
    KEEP_SETTING,
    backup_folder,
    list_backups,
    make_backup,
    policy,
    quick_check,
    restore,
)
from annotator.store.file_lock import shared


def run_backup(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Back the database up now, or list its backups, or set the policy."""
    database = database_file(ns.db)
    if ns.list:
        for backup in list_backups(database):
            print(f"{backup.made:%Y-%m-%d %H:%M:%S} UTC  {backup.size:>12,} bytes  {backup.path}")
        return 0
    if ns.keep is not None or ns.every_hours is not None:
        store = open_for_command(ns.db)
        try:
            if ns.keep is not None:
                store.set_setting(KEEP_SETTING, str(max(1, ns.keep)))
            if ns.every_hours is not None:
                store.set_setting(EVERY_SETTING, str(max(0.0, ns.every_hours)))
        finally:
            store.close()
    with shared(database, on_wait=say):  # not while a restore swaps the file
        problem = quick_check(database) if database.is_file() else None
        if problem is not None:
            raise StoreError(f"{database}: damaged or not a database ({problem}); not backed up")
        keep, _every = policy(database)
        made = make_backup(database, keep=keep)
    print(f"backed up {database} to {made.path} (keeping the newest {keep})")
    return 0


def run_restore(ns: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Replace the database with a backup, keeping the file it replaces."""
    database = database_file(ns.db)
    if ns.backup is None:
        backups = list_backups(database)
        if not backups:
            raise StoreError(f"{database}: no backups in {backup_folder(database)}")
        chosen = backups[0].path
    else:
        chosen = ns.backup
    kept = restore(database, chosen)
    print(f"restored {database} from {chosen}")
    if kept is not None:
        print(f"the file it replaced is kept as {kept}")
    return 0
