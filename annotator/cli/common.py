"""What the commands share: opening the database, writing their output."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from annotator.app.opening import open_store
from annotator.cli import say
from annotator.core.files import write_atomically
from annotator.store import Store, StoreError
from annotator.store.database import default_database_target, describe, sqlite_file, to_url
from annotator.store.errors import PasswordNeeded
from annotator.store.integrity import check_kind


def write_output(data: bytes, output: Path | None) -> None:
    """``data`` to ``output`` (atomically), or to stdout without one."""
    if output is not None:
        write_atomically(output, data)
        return
    if sys.stdout is None:
        raise OSError("there is no standard output to write to; use -o FILE")
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


def _terminal_password(question: str) -> str | None:
    """The password typed at the terminal (not echoed); None without a terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"{question}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def open_for_command(target: str | None) -> Store:
    """The store at ``target``, telling the user what opening it noticed."""
    try:
        store = open_store(target, ask_password=_terminal_password, on_wait=say)
    except PasswordNeeded as exc:
        raise StoreError(
            f"{exc}; give it in ~/.pgpass (host:port:database:user:password, mode 600) or "
            "run the command at a terminal to be asked"
        ) from None
    for notice in store.notices:
        print(f"annotator: {notice}", file=sys.stderr)
    return store


def database_file(target: str | None) -> Path:
    """The SQLite file that ``--db`` (or the default) names; backups are for files only."""
    url = to_url(target or default_database_target())
    file = sqlite_file(url)
    if file is None:
        raise StoreError(f"{describe(url)}: backups are for SQLite database files only")
    check_kind(file)
    return file
