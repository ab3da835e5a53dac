"""``annotator --version --verbose``: what Help ▸ About says, as plain text for a bug
report, without a display and without opening or creating the database it names."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion

from annotator import __version__

ROOT = Path(__file__).resolve().parents[1]
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def annotator(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``annotator ARGS`` as a user would, in a session with no display, its folders
    under ``home``."""
    environment = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    environment.pop("ANNOTATOR_DB", None)
    environment.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def facts(done: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """The ``Label: value`` lines after the first (``annotator X.Y.Z``)."""
    first, *rest = done.stdout.splitlines()
    assert first == f"annotator {__version__}"
    pairs = [line.split(":", 1) for line in rest]
    return {label: value.strip() for label, value in pairs}


def test_version_verbose_says_every_fact_and_creates_nothing(tmp_path):
    home = tmp_path / "home"
    db = tmp_path / "work" / "project.db"
    done = annotator(home, "--version", "--verbose", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    said = facts(done)
    assert said["Python"] == f"{platform.python_version()} ({platform.python_implementation()})"
    assert said["Qt"] == qVersion()
    assert said["PySide6"] == PySide6.__version__
    assert said["SQLAlchemy"].startswith("2.")
    assert platform.machine() in said["Platform"]
    assert said["Database"] == f"{db} (not created yet)"
    assert said["Backups"] == f"{db}.backups"
    # Noted as the other files are: a bug report then says none was ever saved.
    assert said["Preferences"] == (
        f"{home / 'config' / 'annotator' / 'preferences.json'} (not created yet)"
    )
    assert (
        said["Your suggestion rules"]
        == f"{home / 'config' / 'annotator' / 'suggest'} (not created yet)"
    )
    assert said["Licence"] == "MIT"
    assert said["Licence text"]
    # Nothing made: not the database, not its folder, not the user's folders.
    assert not db.parent.exists()
    assert not home.exists()


def test_the_database_is_the_one_a_launch_would_open(tmp_path):
    home = tmp_path / "home"
    remembered = tmp_path / "remembered.db"
    remembered.write_bytes(b"")  # a remembered database is reopened only if it exists
    (home / "config" / "annotator").mkdir(parents=True)
    (home / "config" / "annotator" / "preferences.json").write_text(
        json.dumps({"last_database": str(remembered)}), encoding="utf-8"
    )
    assert facts(annotator(home, "--version", "--verbose"))["Database"] == str(remembered)
    chosen = tmp_path / "from-environment.db"
    said = facts(annotator(home, "--version", "--verbose", ANNOTATOR_DB=str(chosen)))
    assert said["Database"] == f"{chosen} (not created yet)"
    assert said["Preferences"] == str(home / "config" / "annotator" / "preferences.json")
    (home / "config" / "annotator" / "preferences.json").unlink()
    default = home / "data" / "annotator" / "annotations.db"
    assert facts(annotator(home, "--version", "--verbose"))["Database"] == (
        f"{default} (not created yet)"
    )
    assert not default.parent.exists()


def test_a_server_database_is_shown_without_its_password(tmp_path):
    url = "postgresql+psycopg://ana:s3cret-pw@db.example.org:5432/annotations"
    done = annotator(tmp_path / "home", "--version", "--verbose", "--db", url)
    assert done.returncode == 0, done.stderr
    assert "s3cret-pw" not in done.stdout + done.stderr
    said = facts(done)
    assert said["Database"] == "postgresql+psycopg://ana:***@db.example.org:5432/annotations"
    assert said["Backups"] == "kept by the database server"


def test_version_alone_is_unchanged_and_verbose_alone_is_a_usage_error(tmp_path):
    done = annotator(tmp_path / "home", "--version")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"annotator {__version__}\n", "")
    done = annotator(tmp_path / "home", "--verbose")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "usage: annotator" in done.stderr
    assert "--verbose goes with --version: 'annotator --version --verbose'" in done.stderr
    assert "Traceback" not in done.stderr


def test_version_verbose_loads_no_widgets_and_no_database_library(tmp_path):
    script = (
        "import sys\n"
        "from annotator.main import main\n"
        "try:\n"
        f"    main(['--version', '--verbose', '--db', {str(tmp_path / 'a.db')!r}])\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code)\n"
        "heavy = ('PySide6.QtWidgets', 'PySide6.QtGui', 'sqlalchemy', 'alembic', 'psycopg')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    environment = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    *_, exit_line, loaded = done.stdout.splitlines()
    assert (exit_line, loaded) == ("exit 0", "[]")
