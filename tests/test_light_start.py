"""A launch loads only what it needs: ``--help`` and usage errors no database, Qt or format;
``stats`` on an SQLite file no PostgreSQL driver and, when the database is current, no Alembic.

Each check runs a fresh interpreter and asserts on the modules it imported (``sys.modules``),
not on time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotator.cli.parsers import COMMANDS
from annotator.core.choices import FORMAT_NAMES, READABLE_FORMATS
from annotator.formats import registry
from annotator.main import main

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "psycopg", "PySide6", "shiboken6", "annotator.formats")


def loaded_after(body: str, *heavy: str) -> tuple[list[str], str]:
    """Run ``body`` (which has ``main``) in a fresh interpreter: the modules of ``heavy``
    it imported, and what it printed."""
    script = (
        "import json, sys\n"
        "from annotator.main import main\n"
        f"{body}\n"
        f"heavy = {heavy!r}\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        "if any(m == h or m.startswith(h + '.') for h in heavy))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    *printed, modules = done.stdout.splitlines()
    return json.loads(modules), "\n".join(printed) + done.stderr


def test_the_light_format_names_are_the_registrys():
    assert registry.names() == FORMAT_NAMES
    assert tuple(f.name for f in registry.readable()) == READABLE_FORMATS


def test_help_loads_no_database_qt_or_format():
    body = (
        "for args in [['--help'], ['--version']]:\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit as exc:\n"
        "        print('exit', exc.code)\n"
    )
    modules, printed = loaded_after(body, *HEAVY, "annotator.store", "annotator.ui")
    assert modules == []
    assert "usage: annotator [-h]" in printed and "annotator import" in printed
    assert printed.count("exit 0") == 2


def test_every_commands_help_and_usage_errors_load_no_database_qt_or_format():
    body = (
        f"for command in {COMMANDS!r}:\n"
        "    for args in [[command, '--help'], [command, '--no-such-option']]:\n"
        "        try:\n"
        "            main(args)\n"
        "        except SystemExit as exc:\n"
        "            print(command, 'exit', exc.code)\n"
        "for args in [['export', '--format', 'nope'], ['import', '--encoding', 'nope', 'a']]:\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit as exc:\n"
        "        print(args[0], 'exit', exc.code)\n"
    )
    modules, printed = loaded_after(body, *HEAVY, "annotator.store", "annotator.app")
    assert modules == []
    for command in COMMANDS:
        assert f"usage: annotator {command}" in printed
        assert printed.count(f"{command} exit 0") == 1  # --help
    assert printed.count("exit 2") == len(COMMANDS) + 2
    assert (
        "invalid choice: 'nope'" in printed
        and "argument --encoding: unknown encoding 'nope'" in printed
    )


def test_no_command_is_a_usage_error(capsys):
    from annotator.cli import main as commands

    try:
        commands(["--db", "x.db"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "no command given in --db x.db" in capsys.readouterr().err


def test_stats_on_an_sqlite_file_loads_no_postgresql_driver_nor_alembic(tmp_path):
    paper = tmp_path / "a.txt"
    paper.write_text("The council said 40 cameras were installed.\n", encoding="utf-8")
    db = tmp_path / "a.db"
    assert main(["import", "--db", str(db), str(paper)]) == 0  # created, at the current schema
    assert main(["suggest", "--db", str(db), "--apply"]) == 0  # a claim and a statistic
    body = f"print('code', main(['stats', '--db', {str(db)!r}]))"
    modules, printed = loaded_after(body, "psycopg", "alembic", "PySide6", "annotator.formats")
    assert modules == []
    assert "code 0" in printed
    assert [line.split()[-2:] for line in printed.splitlines() if "council" in line] == [["1", "2"]]
