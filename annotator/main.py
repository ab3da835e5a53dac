"""The ``annotator`` program: a command (:mod:`annotator.cli`) or, with none, the window.

Exit codes: 0 success, 1 invalid input or a database problem, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.cli import main as run_command
from annotator.cli import said_error, say, user_errors
from annotator.cli.parsers import COMMANDS
from annotator.core.choices import THEMES

DB_HELP = (
    "database file path or SQLAlchemy URL (default: $ANNOTATOR_DB, else the database the "
    "window had open last, else annotations.db in the user data folder)"
)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        return run_command(args)
    try:
        return open_window(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return said_error(exc)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Open the annotation window. Subcommands: "
        + ", ".join(f"'annotator {c}'" for c in COMMANDS)
        + "; see 'annotator COMMAND --help'.",
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", help=DB_HELP)
    parser.add_argument("--version", action="store_true", help="show the version and exit")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="with --version: also the Python, Qt, PySide6 and SQLAlchemy versions, the "
        "platform, the database the window would open and where its backups, the "
        "preferences and your suggestion rules are kept (for bug reports), as Help > "
        "About shows them",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        type=Path,
        help="documents (.txt, .md, .html, .docx, .odt, .pdf, .epub), folders of them, "
        "annotation sets, REFI-QDA projects (.qdpx) and the other formats 'annotator import' "
        "reads, to import once the window is open, as File > Import does: files that cannot "
        "be read are listed there, with an offer to import the others",
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help="add Annotator to this user's applications menu, with its icon and its file "
        "types (.qdpx projects, annotation sets), in $XDG_DATA_HOME (else ~/.local/share); "
        "then exit",
    )
    desktop.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove what --install-desktop added; then exit",
    )
    parser.add_argument(
        "--theme",
        choices=THEMES,
        default=None,
        help="colours for this launch: the system's palette, or force light, dark or high "
        "contrast (default: the theme chosen in Preferences, at first the system's)",
    )
    return parser


def open_window(argv: list[str]) -> int:
    """Open the database ``argv`` names (a dialog, and 1, if it cannot be) and run the
    window until it is closed."""
    parser = _parser()
    ns = parser.parse_args(argv)
    if ns.version:
        print(_version_text(ns.db) if ns.verbose else f"annotator {__version__}")
        parser.exit()
    if ns.verbose:
        parser.error("--verbose goes with --version: 'annotator --version --verbose'")
    misplaced = next((f for f in ns.files if str(f) in COMMANDS and not f.exists()), None)
    if misplaced is not None:  # "annotator --db x.db import a.txt"
        parser.error(
            f"'{misplaced}' is a command: put it first, as in "
            f"'annotator {misplaced} --db PATH …' (see 'annotator {misplaced} --help')"
        )
    if ns.install_desktop or ns.uninstall_desktop:
        if ns.files:
            parser.error("--install-desktop and --uninstall-desktop take no files")
        from annotator.ui.desktop_files import install_desktop, uninstall_desktop

        return install_desktop() if ns.install_desktop else uninstall_desktop()
    # Qt and the store are imported only now: the commands and --help never load them.
    from annotator.store.errors import DamagedDatabase
    from annotator.ui.app import (
        discard,
        offer_restore,
        open_launch_store,
        paint_first_screen,
        run,
        show_startup_error,
    )

    # Paint first (an SQLite file at the current schema: no SQLAlchemy yet), then open.
    window = paint_first_screen(ns.db, theme=ns.theme) if _has_display() else None
    for attempt in range(2):  # a damaged database may be restored once, then opened
        try:
            store, notice = open_launch_store(ns.db, on_wait=say)
            break
        except user_errors() as exc:
            if window is not None:
                discard(window)
                window = None
            # Launched from a desktop there is no terminal to read stderr: say it in a
            # window too, offering the newest backup of a damaged database.
            print(f"annotator: error: {exc}", file=sys.stderr)
            if not _has_display():
                return 1
            if attempt == 0 and isinstance(exc, DamagedDatabase):
                if offer_restore(exc):
                    continue
                return 1
            show_startup_error(str(exc))
            return 1
    else:
        return 1
    try:
        notice = " ".join([*([notice] if notice else []), *store.notices]) or None
        if notice:
            print(f"annotator: {notice}", file=sys.stderr)
        return run(store, theme=ns.theme, notice=notice, imports=ns.files, window=window)
    finally:
        store.close()


def _version_text(target: str | None) -> str:
    """What Help > About says, for a launch on ``target``: QtCore is loaded, no widgets,
    and the database is neither opened nor created."""
    from annotator.app.about import plain_text
    from annotator.ui.about_facts import launch_facts

    return plain_text(launch_facts(target))


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
