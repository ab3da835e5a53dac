"""The bundle that runs without Python (packaging/annotator.spec, ``make dist``): built
once for the session, then driven as a user would, with an environment in which no
Python can be found (PATH an empty folder, no PYTHON* variables).

- ``import`` of a file with emoji into a new database (the migrations, read as files,
  make it), ``suggest --apply`` and ``export --format json``: every span's offsets are
  the file's code points;
- a database at the first schema revision is migrated to the head;
- the window starts offscreen on the seed article, its suggestion helper is the bundle's
  program serving suggestions (not a second window), no file of the Python installation
  or the virtual environment is loaded, and SIGTERM closes it: exit code 0, the database
  intact.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.store.first_screen import SCHEMA_HEAD
from tests.processes import catches, children, terminate, wait_for

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),  # the build takes a minute or two, longer on a busy machine
    pytest.mark.skipif(sys.platform != "linux", reason="the bundle is tested on Linux only"),
]

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "annotator.spec"
TEXT = (
    "Hello 👋🏽 world: 615 new CCTV cameras were installed in 𝐇𝐨𝐧𝐠 𝐊𝐨𝐧𝐠.\n"
    "The minister declined to comment. 😀 Unemployment rose 3.2%.\n"
)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory, worker_id) -> Path:
    """The bundle's program, built once however many test processes ask for it."""
    import fcntl

    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":  # one folder for every xdist worker of this run
        shared = shared.parent
    program = shared / "bundle" / "dist" / "annotator" / "annotator"
    with open(shared / "bundle.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not program.exists():
            folder = shared / "bundle"
            build = subprocess.run(
                [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                 "--distpath", str(folder / "dist"), "--workpath", str(folder / "work"),
                 str(SPEC)],
                cwd=ROOT, capture_output=True, text=True, check=False,
            )  # fmt: skip
            assert build.returncode == 0, build.stderr[-4000:]
    return program


@pytest.fixture
def no_python(tmp_path) -> dict[str, str]:
    """This test's environment less any way to a Python: PATH is an empty folder."""
    empty = tmp_path / "empty-path"
    empty.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "CONDA")) and k != "ANNOTATOR_DB"
    }
    env["PATH"] = str(empty)
    return env


def run(program: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"annotator {' '.join(args)}: {done.stderr}"
    assert "Traceback" not in done.stderr
    return done


def revision(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_import_suggest_and_export_keep_code_point_offsets(bundle, no_python, tmp_path):
    source = tmp_path / "emoji.txt"
    source.write_text(TEXT, encoding="utf-8")
    db, out = tmp_path / "new.db", tmp_path / "set.json"
    run(bundle, no_python, "import", "--db", str(db), str(source))
    assert revision(db) == SCHEMA_HEAD
    run(bundle, no_python, "suggest", "--db", str(db), "--apply", "--as", "tester")
    run(bundle, no_python, "export", "--db", str(db), "--format", "json", "-o", str(out))

    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["offset_unit"] == "codepoint"
    (document,) = (d for d in exported["documents"] if d["original_name"] == "emoji.txt")
    assert document["text"] == TEXT
    spans = {(a["start"], a["end"]): a["quote"] for a in document["annotations"]}
    for (start, end), quote in spans.items():
        assert TEXT[start:end] == quote
    # After emoji outside the BMP, so UTF-16 or UTF-8 offsets would differ from these.
    for quote in ("615 new CCTV cameras", "declined to comment", "3.2%"):
        start = TEXT.index(quote)
        assert spans.get((start, start + len(quote))) == quote, sorted(spans.values())


def test_an_old_database_is_migrated_to_the_head(bundle, no_python, tmp_path):
    db = tmp_path / "old.db"
    shutil.copyfile(ROOT / "tests" / "fixtures" / "schema" / "0001.sqlite", db)
    assert revision(db) == "0001"
    listed = run(bundle, no_python, "stats", "--db", str(db))
    assert "Hong Kong goes for mass surveillance" in listed.stdout
    assert revision(db) == SCHEMA_HEAD


def mapped_files(pid: int) -> set[str]:
    lines = Path(f"/proc/{pid}/maps").read_text().splitlines()
    return {line.split(maxsplit=5)[5] for line in lines if len(line.split(maxsplit=5)) == 6}


def written_bytes(pid: int) -> int:
    fields = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    return int(fields["wchar"])


def test_the_window_starts_offscreen_with_its_helper_and_ends_on_sigterm(
    bundle, no_python, tmp_path
):
    db = tmp_path / "window.db"
    env = {**no_python, "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen(
        [str(bundle), "--db", str(db)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        wait_for(lambda: catches(window.pid), 120, "the window's SIGTERM handler")
        wait_for(lambda: children(window.pid), 60, "the suggestion helper")
        (helper,) = children(window.pid)
        command = Path(f"/proc/{helper}/cmdline").read_bytes().split(b"\0")[:-1]
        assert command == [
            str(bundle).encode(),
            b"-m",
            b"annotator.core.suggest.worker",
            str(window.pid).encode(),
        ]
        # It answers: the rules read, then the seed article's suggestions (kilobytes).
        wait_for(lambda: written_bytes(helper) > 1000, 60, "the helper's suggestions")
        time.sleep(0.5)
        assert children(helper) == []  # a helper, not a second window starting its own
        python = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve()}
        for pid in (window.pid, helper):
            for name in mapped_files(pid):
                path = Path(name)
                assert not any(p == path or p in path.parents for p in python), name
        assert any("libQt6Widgets" in name for name in mapped_files(window.pid))
        # The helper imports only the engine: no Qt at all (packaging/qt_plugin_path.py).
        assert not any("libQt6" in name for name in mapped_files(helper))
        terminate(window)
    finally:
        window.kill()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        titles = [row[0] for row in connection.execute("SELECT title FROM documents")]
    seeds = json.loads((ROOT / "seeds" / "seeds.json").read_text(encoding="utf-8"))
    assert titles == [seed["title"] for seed in seeds["seeds"]]
    assert revision(db) == SCHEMA_HEAD
