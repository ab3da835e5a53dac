"""Command line: ``import``, ``export``, ``stats``, ``retrieve``, ``cooccurrence``,
``crosstab``, ``agreement``, ``suggest``, ``backup`` and ``restore`` (``annotator`` with no command
opens the window: :mod:`annotator.main`).

This module and :mod:`annotator.cli.parsers` are light: ``--help`` and usage errors load
neither the database nor the formats. A command's implementation (and what it needs) is
imported only once its arguments have been parsed.

Exit codes: 0 success, 1 invalid input or a database problem, 2 usage error.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib import import_module

from annotator.cli.parsers import COMMANDS, command_parser, usage_parser

# Where each command runs: (module in annotator.cli, function taking the parsed arguments
# and their parser).
_RUNS = {
    "import": ("transfer", "run_import"),
    "export": ("transfer", "run_export"),
    "stats": ("stats", "run_stats"),
    "retrieve": ("analysis", "run_retrieve"),
    "cooccurrence": ("analysis", "run_cooccurrence"),
    "crosstab": ("analysis", "run_crosstab"),
    "agreement": ("agreement", "run_agreement_command"),
    "suggest": ("suggest", "run_suggest"),
    "backup": ("backups", "run_backup"),
    "restore": ("backups", "run_restore"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command = args.pop(0)
            parser = command_parser(command)
            ns = parser.parse_args(args)
            module, function = _RUNS[command]
            return getattr(import_module(f"annotator.cli.{module}"), function)(ns, parser)
        parser = usage_parser()
        parser.error(
            f"no command given in {' '.join(args) or 'nothing'}: choose one of "
            + ", ".join(COMMANDS)
        )
    except BrokenPipeError:
        # The reader of stdout went away (e.g. `annotator export | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        return said_error(exc)
    return 2


def said_error(exc: Exception) -> int:
    """Say a user's error (:func:`user_errors`, or the system's) on stderr and return 1;
    anything else is a bug and is raised again."""
    if not isinstance(exc, (*user_errors(), OSError)):
        raise exc
    print(f"annotator: error: {exc}", file=sys.stderr)
    return 1


def user_errors() -> tuple[type[Exception], ...]:
    """The errors that are the user's input or database, not a bug: a message and exit 1.

    A function, not a constant: the store's errors load the store, which ``--help`` need not.
    """
    from annotator.core.reading import DocumentReadError
    from annotator.core.set_errors import SetFormatError
    from annotator.store.errors import StoreError

    return (StoreError, DocumentReadError, SetFormatError)


def say(message: str) -> None:
    """A notice on stderr, flushed (waiting for a lock, a restore)."""
    print(f"annotator: {message}", file=sys.stderr, flush=True)
