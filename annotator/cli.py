"""Command line: ``annotator [--db DB] [FILE ...]``, ``annotator import``, ``annotator export``.

Exit codes: 0 success, 1 invalid input or a database problem, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from annotator import __version__
from annotator.app_state import export_json, open_store
from annotator.core.files import write_atomically
from annotator.core.importers import DocumentReadError, read_documents, shown_path
from annotator.store import StoreError

COMMANDS = ("import", "export")
DB_HELP = (
    "database file path or SQLAlchemy URL (default: $ANNOTATOR_DB, else annotations.db "
    "in the user data folder)"
)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command = args.pop(0)
            return _import(args) if command == "import" else _export(args)
        return _gui(args)
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `annotator export | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (StoreError, DocumentReadError, OSError) as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--db", metavar="PATH_OR_URL", help=DB_HELP)
    return parser


def _gui(argv: list[str]) -> int:
    parser = _parser(
        "annotator",
        "Open the annotation window. Subcommands: 'annotator import FILE...' and "
        "'annotator export'; see 'annotator import --help'.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument(
        "files", nargs="*", metavar="FILE", type=Path, help="text or Markdown files to open"
    )
    ns = parser.parse_args(argv)
    try:
        new_docs = read_documents(ns.files)
        store = open_store(ns.db)
    except (StoreError, DocumentReadError) as exc:
        # Launched from a desktop there is no terminal to read stderr: say it in a window too.
        print(f"annotator: error: {exc}", file=sys.stderr)
        if _has_display():
            from annotator.ui.app import show_startup_error

            show_startup_error(str(exc))
        return 1
    try:
        shown = None
        if new_docs:
            shown = store.import_documents(new_docs)[0].document.id
        from annotator.ui.app import run

        return run(store, show_document=shown)
    finally:
        store.close()


def _has_display() -> bool:
    if sys.platform != "linux":
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _import(argv: list[str]) -> int:
    parser = _parser(
        "annotator import",
        "Import UTF-8 text (.txt) and Markdown (.md) files. All files are read before "
        "anything is written: one bad file imports nothing.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path)
    ns = parser.parse_args(argv)
    new_docs = read_documents(ns.files)
    store = open_store(ns.db)
    try:
        results = store.import_documents(new_docs)
    finally:
        store.close()
    for path, result in zip(ns.files, results, strict=True):
        state = "imported" if result.created else "already imported"
        doc = result.document
        print(
            f'{shown_path(path)}: {state} as "{doc.title}" ({doc.length} characters, id {doc.id})'
        )
    return 0


def _export(argv: list[str]) -> int:
    parser = _parser("annotator export", "Write every document and annotation as JSON.")
    parser.add_argument("--format", choices=["json"], default="json", help="output format")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout"
    )
    ns = parser.parse_args(argv)
    store = open_store(ns.db)
    try:
        payload = export_json(store)
    finally:
        store.close()
    if ns.output is None:
        if sys.stdout is None:
            raise OSError("there is no standard output to write to; use -o FILE")
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    else:
        write_atomically(ns.output, payload)
        print(f"{ns.output}: wrote {len(payload)} bytes", file=sys.stderr)
    return 0
